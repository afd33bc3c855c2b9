import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { expectCodes, only } from '../../../test/helpers/issues.js';
import { sipDomainSchema } from '../../zod/schemas.js';
import { checkFqdn } from '../fqdn/fqdn.js';
import { assertSipDomain, checkSipDomain, isSipDomain } from './sip-domain.js';

describe('checkSipDomain', () => {
  // MS-FAQ: subdomains are valid SIP domains (example.fabrikam.com).
  test.each([
    ['domain', 'acme-widgets.com', 'acme-widgets.com'],
    ['upper case, root dot', 'ACME-Widgets.com.', 'acme-widgets.com'],
    ['subdomain', 'example.acme-widgets.com', 'example.acme-widgets.com'],
    ['country-code suffix', 'acme-widgets.co.uk', 'acme-widgets.co.uk'],
    ['host-like word that is the domain itself', 'edge.com', 'edge.com'],
    ['host-like word as a deeper label', 'it.sip.acme-widgets.com', 'it.sip.acme-widgets.com'],
  ])('valid: %s', (_label, input, value) => {
    expect(checkSipDomain(input)).toEqual({ ok: true, value, issues: [] });
  });

  // Same codes as RULES §1.
  test.each([
    ['IP', '192.0.2.1', 'fqdn.ip_address'],
    ['URL', 'https://acme-widgets.com', 'fqdn.not_a_hostname'],
    ['address', 'alice@acme-widgets.com', 'fqdn.not_a_hostname'],
    ['single label', 'acme', 'fqdn.single_label'],
    ['unknown TLD', 'acme.corp', 'fqdn.unknown_tld'],
    ['public suffix', 'co.uk', 'fqdn.public_suffix'],
    ['reserved', 'acme.local', 'fqdn.reserved_name'],
    ['not a string', 7, 'input.not_string'],
  ])('FQDN rules apply: %s → %s', (_label, input, code) => {
    expectCodes(checkSipDomain(input), [code]);
    expect(checkSipDomain(input).issues).toEqual(checkFqdn(input).issues);
  });

  // MS-FAQ: "Specify only the domain suffix … Do not specify any FQDNs, including the FQDN for the Access Edge service".
  test.each([
    ['sip', 'sip.acme-widgets.com', 'sip', 'acme-widgets.com'],
    ['sipfed', 'sipfed.acme-widgets.com', 'sipfed', 'acme-widgets.com'],
    ['accessedge', 'AccessEdge.acme-widgets.co.uk', 'accessedge', 'acme-widgets.co.uk'],
    ['lyncdiscover', 'lyncdiscover.acme-widgets.com', 'lyncdiscover', 'acme-widgets.com'],
    ['edge, deep', 'edge.emea.acme-widgets.com', 'edge', 'acme-widgets.com'],
    ['fe', 'fe.acme-widgets.com', 'fe', 'acme-widgets.com'],
  ])('sip_domain.looks_like_host: %s', (_label, input, label, domain) => {
    const result = checkSipDomain(input);
    expect(result.ok).toBe(true);
    expectCodes(result, ['sip_domain.looks_like_host']);
    expect(only(result, 'sip_domain.looks_like_host')?.params).toEqual({
      value: input.toLowerCase(),
      label,
      domain,
    });
  });

  test('sip.<private PSL entry> compares with the ICANN registrable domain', () => {
    expectCodes(checkSipDomain('sip.github.io'), ['sip_domain.looks_like_host']);
  });

  test('a reserved name allowed for the lab still gets the host warning', () => {
    const result = checkSipDomain('sip.lab.test', { allowReserved: true });
    expectCodes(result, ['sip_domain.looks_like_host']);
    expect(only(result, 'sip_domain.looks_like_host')?.params?.domain).toBe('lab.test');
  });

  // Microsoft 365 initial domains federate through Microsoft 365.
  test.each([
    ['tenant', 'acmewidgets.onmicrosoft.com'],
    ['upper case', 'AcmeWidgets.OnMicrosoft.com'],
  ])('sip_domain.microsoft_managed: %s', (_label, input) => {
    const result = checkSipDomain(input);
    expect(result.ok).toBe(true);
    expectCodes(result, ['sip_domain.microsoft_managed']);
    expect(only(result, 'sip_domain.microsoft_managed')?.params).toEqual({ value: input.toLowerCase() });
  });

  test('warnings add up: trimmed, documentation domain and host-like', () => {
    expectCodes(checkSipDomain(' sip.contoso.com '), [
      'input.trimmed',
      'fqdn.documentation_domain',
      'sip_domain.looks_like_host',
    ]);
  });

  test('assertSipDomain returns the value or throws a PreflightError', () => {
    expect(assertSipDomain('Acme-Widgets.com')).toBe('acme-widgets.com');
    expect(() => assertSipDomain('acme')).toThrow(expect.objectContaining({ name: 'PreflightError' }));
  });
});

describe('properties', () => {
  const input = fc.oneof(
    fc.domain(),
    fc.domain().map((d) => `sip.${d}`),
    fc.constantFrom('sip.acme-widgets.com', 'x.onmicrosoft.com', 'co.uk', 'acme.local'),
    fc.string(),
    fc.anything(),
  );

  test('ok exactly when checkFqdn is ok, with the same value', () => {
    fc.assert(
      fc.property(input, (x) => {
        const fqdn = checkFqdn(x);
        const sip = checkSipDomain(x);
        expect(sip.ok).toBe(fqdn.ok);
        if (sip.ok && fqdn.ok) expect(sip.value).toBe(fqdn.value);
      }),
      { numRuns: 1000 },
    );
  });

  test('isSipDomain agrees with checkSipDomain and narrows to string', () => {
    fc.assert(
      fc.property(input, (x) => {
        const ok = checkSipDomain(x).ok;
        expect(isSipDomain(x)).toBe(ok);
        if (isSipDomain(x)) expect(typeof x.toLowerCase()).toBe('string');
      }),
      { numRuns: 1000, seed: 12 },
    );
  });

  test('sipDomainSchema agrees with checkSipDomain', () => {
    fc.assert(
      fc.property(input, (x) => {
        const result = checkSipDomain(x);
        const parsed = sipDomainSchema.safeParse(x);
        expect(parsed.success).toBe(result.ok);
        if (result.ok) expect(parsed.data).toBe(result.value);
      }),
      { numRuns: 500 },
    );
  });
});
