import { X509Certificate } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { chainOf, type LeafName, pem, TEST_ROOT } from '../../../test/fixtures/certs/index.js';
import {
  checkEdgeCertificate,
  checkTlsProtocol,
  commonNames,
  dnsNames,
  EKU_CLIENT_AUTH,
  EKU_SERVER_AUTH,
  extendedKeyUsage,
  verifyChain,
} from './certificate.js';

// Every fixture is valid 2025-01-01 .. 2125-01-01 (expired.pem: 2000 .. 2001).
const NOW = new Date('2026-06-01T00:00:00Z');
const VALID_TO = Date.parse('2125-01-01T00:00:00Z');
const DAY = 86_400_000;

const judge = (leaf: LeafName, names: string[], extra: { now?: Date; ca?: string[] } = {}) =>
  checkEdgeCertificate(chainOf(leaf), { names, now: NOW, ca: [TEST_ROOT], ...extra });
const codes = (leaf: LeafName, names: string[], extra: { now?: Date; ca?: string[] } = {}) =>
  judge(leaf, names, extra).issues.map((i) => i.code);

describe('fixture readers', () => {
  it('reads subject CNs, SAN DNS names and EKUs', () => {
    const good = new X509Certificate(pem('good'));
    expect(commonNames(good)).toEqual(['sip.contoso.com']);
    expect(dnsNames(good)).toEqual(['sip.contoso.com', 'sipfed.contoso.com']);
    expect(extendedKeyUsage(good)).toEqual([EKU_SERVER_AUTH, EKU_CLIENT_AUTH]);
    expect(extendedKeyUsage(new X509Certificate(pem('no-eku')))).toBeNull();
    expect(dnsNames(new X509Certificate(pem('root')))).toEqual([]);
  });

  it('reads Node-quoted SAN values and skips other SAN types', () => {
    const fake = {
      subjectAltName: 'DNS:"a, b.example", IP Address:192.0.2.1, DNS:sip.contoso.com, email:x@y',
    };
    expect(dnsNames(fake as unknown as X509Certificate)).toEqual(['a, b.example', 'sip.contoso.com']);
  });
});

// MS-DEPLOY: "the exact FQDN must be present in either the SN or the SAN of the external certificate
// installed on the edge server" — case-insensitive, trailing dot ignored, a wildcard does not count.
describe('tls.name_mismatch (MS-DEPLOY exact FQDN in SN or SAN)', () => {
  test.each<[string, LeafName, string[], string[]]>([
    ['target in CN and SAN', 'good', ['sip.contoso.com'], []],
    ['target in SAN only (second entry)', 'good', ['sipfed.contoso.com'], []],
    ['upper case and trailing dot', 'good', ['SIP.Contoso.COM.'], []],
    ['every name served by the address', 'good', ['sip.contoso.com', 'sipfed.contoso.com'], []],
    ['one of two names missing', 'good', ['sip.contoso.com', 'sip.fabrikam.com'], ['sip.fabrikam.com']],
    ['wrong name', 'wrong-name', ['sip.contoso.com'], ['sip.contoso.com']],
    ['wildcard SAN only: does not count', 'wildcard-san', ['sip.contoso.com'], ['sip.contoso.com']],
    ['name only in the subject CN', 'wildcard-san', ['contoso.com'], []],
    [
      'duplicate names reported once',
      'wrong-name',
      ['sip.contoso.com', 'SIP.contoso.com'],
      ['sip.contoso.com'],
    ],
  ])('%s', (_label, leaf, names, missing) => {
    const issues = judge(leaf, names).issues.filter((i) => i.code === 'tls.name_mismatch');
    expect(issues.map((i) => i.params?.name)).toEqual(missing);
    for (const issue of issues) {
      expect(issue.severity).toBe('error');
      expect(issue.hint).toContain(`Add ${issue.params?.name}`);
    }
  });

  it('names the wildcard that does not count', () => {
    const [issue] = judge('wildcard-san', ['sip.contoso.com']).issues;
    expect(issue?.params).toEqual({ name: 'sip.contoso.com', wildcard: '*.contoso.com' });
    expect(issue?.hint).toContain('*.contoso.com does not count');
  });
});

// MS-CERT (Hh202161): no wildcard for the Access Edge's subject name.
describe('tls.wildcard_subject (MS-CERT)', () => {
  it('flags a wildcard CN even when the SAN carries the exact name', () => {
    const verdict = judge('wildcard-subject', ['sip.contoso.com']);
    expect(verdict.issues.map((i) => [i.code, i.severity, i.params?.subject])).toEqual([
      ['tls.wildcard_subject', 'error', '*.contoso.com'],
    ]);
    expect(verdict.issues[0]?.hint).toContain('sip.contoso.com');
    expect(verdict.ok).toBe(false);
  });

  it('does not flag a wildcard that is only in the SAN', () => {
    expect(codes('wildcard-san', ['contoso.com'])).toEqual([]);
  });
});

describe('tls.expired / tls.expiring_soon (validity, injected clock)', () => {
  test.each<[string, LeafName, Date, string[]]>([
    ['expired fixture', 'expired', NOW, ['tls.expired']],
    ['not yet valid', 'good', new Date('2024-06-01T00:00:00Z'), ['tls.expired']],
    ['valid, far from expiry', 'good', NOW, []],
    ['expires in 10 days', 'good', new Date(VALID_TO - 10 * DAY), ['tls.expiring_soon']],
    ['expires in 29.5 days', 'good', new Date(VALID_TO - 29.5 * DAY), ['tls.expiring_soon']],
    ['expires in exactly 30 days', 'good', new Date(VALID_TO - 30 * DAY), []],
    ['expires in 31 days', 'good', new Date(VALID_TO - 31 * DAY), []],
    ['one second after expiry', 'good', new Date(VALID_TO + 1000), ['tls.expired']],
  ])('%s', (_label, leaf, now, expected) => {
    // After 2125 the CAs have expired too; look only at the validity codes here.
    const found = codes(leaf, ['sip.contoso.com'], { now }).filter((c) => c.startsWith('tls.expir'));
    expect(found).toEqual(expected);
  });

  it('gives the dates and the days left as params', () => {
    const soon = judge('good', ['sip.contoso.com'], { now: new Date(VALID_TO - 10 * DAY) });
    expect(soon.issues[0]).toMatchObject({
      code: 'tls.expiring_soon',
      severity: 'warning',
      params: { days: 10, validTo: '2125-01-01T00:00:00.000Z' },
    });
    expect(soon.ok).toBe(true);
    const expired = judge('expired', ['sip.contoso.com']);
    expect(expired.issues[0]).toMatchObject({
      code: 'tls.expired',
      severity: 'error',
      params: {
        validFrom: '2000-01-01T00:00:00.000Z',
        validTo: '2001-01-01T00:00:00.000Z',
        notYetValid: false,
      },
    });
  });
});

// MS-CERT: server and client authentication EKU (federation is mutual TLS). No EKU extension means
// any purpose (RFC 5280 §4.2.1.12), so it raises neither code.
describe('tls.missing_server_auth / tls.missing_client_auth (EKU)', () => {
  test.each<[string, LeafName, [string, string][]]>([
    ['server and client auth', 'good', []],
    ['server auth only', 'no-client-auth', [['tls.missing_client_auth', 'warning']]],
    ['client auth only', 'no-server-auth', [['tls.missing_server_auth', 'error']]],
    ['no EKU extension: any purpose', 'no-eku', []],
  ])('%s', (_label, leaf, expected) => {
    const verdict = judge(leaf, ['sip.contoso.com']);
    expect(verdict.issues.map((i) => [i.code, i.severity])).toEqual(expected);
    expect(verdict.ok).toBe(!expected.some(([, severity]) => severity === 'error'));
  });

  it('shows eku: null in the evidence when the extension is absent', () => {
    expect(judge('no-eku', ['sip.contoso.com']).evidence?.eku).toBeNull();
  });
});

// MS-CERT: a public CA that federation partners trust. Tests add the throwaway root through `ca`.
describe('tls.untrusted (chain to a trusted root)', () => {
  test.each<[string, string[], string[] | undefined, string | null]>([
    ['leaf + intermediate, test root as ca', chainOf('good'), [TEST_ROOT], null],
    ['leaf + intermediate, public roots only', chainOf('good'), undefined, 'unknown_issuer'],
    ['missing intermediate', chainOf('good', false), [TEST_ROOT], 'unknown_issuer'],
    ['self-signed', chainOf('self-signed'), [TEST_ROOT], 'self_signed'],
    ['self-signed, pinned through ca', chainOf('self-signed'), [pem('self-signed')], null],
    ['server also sends the root', [...chainOf('good'), TEST_ROOT], [TEST_ROOT], null],
    ['server sends the root, not trusted', [...chainOf('good'), TEST_ROOT], undefined, 'unknown_issuer'],
  ])('%s', (_label, chain, ca, failure) => {
    const verdict = verifyChain(chain, { now: NOW, ...(ca ? { ca } : {}) });
    expect(verdict.trusted ? null : verdict.failure).toBe(failure);
    const issues = checkEdgeCertificate(chain, {
      names: ['sip.contoso.com'],
      now: NOW,
      ...(ca ? { ca } : {}),
    }).issues;
    const untrusted = issues.filter((i) => i.code === 'tls.untrusted');
    expect(untrusted.map((i) => i.params?.trust)).toEqual(failure === null ? [] : [failure]);
  });

  it('refuses an expired CA in the chain', () => {
    const verdict = verifyChain(chainOf('good'), { ca: [TEST_ROOT], now: new Date('2126-01-01T00:00:00Z') });
    expect(verdict).toMatchObject({ trusted: false, failure: 'ca_expired' });
  });

  it('trusts nothing with empty roots and no ca', () => {
    expect(verifyChain(chainOf('good'), { roots: [], now: NOW }).trusted).toBe(false);
  });

  it('gives a hint per failure', () => {
    const [issue] = checkEdgeCertificate(chainOf('self-signed'), {
      names: ['sip.contoso.com'],
      now: NOW,
    }).issues;
    expect(issue).toMatchObject({
      code: 'tls.untrusted',
      severity: 'error',
      params: { trust: 'self_signed' },
    });
    expect(issue?.hint).toMatch(/public certification authority/);
  });
});

describe('tls.old_protocol', () => {
  test.each([
    ['TLSv1.3', []],
    ['TLSv1.2', []],
    ['TLSv1.1', ['tls.old_protocol']],
    ['TLSv1', ['tls.old_protocol']],
    ['SSLv3', ['tls.old_protocol']],
    [null, []],
  ])('%s', (protocol, expected) => {
    expect(checkTlsProtocol(protocol).map((i) => i.code)).toEqual(expected);
  });
});

describe('checkEdgeCertificate', () => {
  it('gives the evidence of the leaf', () => {
    const verdict = judge('good', ['sip.contoso.com']);
    expect(verdict.ok).toBe(true);
    expect(verdict.issues).toEqual([]);
    expect(verdict.evidence).toMatchObject({
      subject: 'CN=sip.contoso.com, O=pic-preflight tests',
      commonNames: ['sip.contoso.com'],
      dnsNames: ['sip.contoso.com', 'sipfed.contoso.com'],
      issuer: 'CN=pic-preflight Test Issuing CA, O=pic-preflight tests',
      validFrom: '2025-01-01T00:00:00.000Z',
      validTo: '2125-01-01T00:00:00.000Z',
      eku: [EKU_SERVER_AUTH, EKU_CLIENT_AUTH],
      chainLength: 2,
      trusted: true,
    });
    expect(verdict.evidence?.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(JSON.parse(JSON.stringify(verdict.evidence))).toEqual(verdict.evidence);
  });

  it('accepts X509Certificate objects as well as PEM', () => {
    const chain = chainOf('good').map((p) => new X509Certificate(p));
    expect(checkEdgeCertificate(chain, { names: ['sip.contoso.com'], now: NOW, ca: [TEST_ROOT] }).ok).toBe(
      true,
    );
  });

  it('reports every rule broken at once', () => {
    expect(codes('expired', ['sip.fabrikam.com'], { ca: [] }).sort()).toEqual([
      'tls.expired',
      'tls.name_mismatch',
      'tls.untrusted',
    ]);
  });

  test.each([
    ['empty chain', []],
    ['garbage', ['not a certificate']],
    ['truncated PEM', [pem('good').slice(0, 200)]],
  ])('never throws: %s gives tls.handshake_failed', (_label, chain) => {
    const verdict = checkEdgeCertificate(chain, { names: ['sip.contoso.com'] });
    expect(verdict.ok).toBe(false);
    expect(verdict.issues.map((i) => i.code)).toEqual(['tls.handshake_failed']);
  });
});

describe('properties', () => {
  const good = chainOf('good');

  it('never throws, and ok is exactly "no error issue", for any names and chain junk', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 4 }),
        fc.array(fc.string(), { maxLength: 2 }),
        (names, junk) => {
          for (const chain of [good, junk, [...good, ...junk]]) {
            const verdict = checkEdgeCertificate(chain, { names, now: NOW, ca: [TEST_ROOT] });
            expect(verdict.ok).toBe(!verdict.issues.some((i) => i.severity === 'error'));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a name matches whatever its case and trailing dot', () => {
    const name = fc.constantFrom('sip.contoso.com', 'sipfed.contoso.com');
    const casing = fc.array(fc.boolean(), { minLength: 18, maxLength: 18 });
    fc.assert(
      fc.property(name, casing, fc.boolean(), (n, upper, dot) => {
        const variant = [...n].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('') + (dot ? '.' : '');
        const issues = checkEdgeCertificate(good, { names: [variant], now: NOW, ca: [TEST_ROOT] }).issues;
        expect(issues).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it('a name one label off never matches', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), (label) => {
        fc.pre(label !== 'sip' && label !== 'sipfed');
        const codes = checkEdgeCertificate(good, {
          names: [`${label}.contoso.com`],
          now: NOW,
          ca: [TEST_ROOT],
        }).issues.map((i) => i.code);
        expect(codes).toEqual(['tls.name_mismatch']);
      }),
      { numRuns: 100 },
    );
  });
});
