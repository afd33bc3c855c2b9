import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { provisioningRequest } from '../../../test/helpers/arbitraries.js';
import type { Result } from '../result.js';
import {
  checkFederationTargets,
  checkPreflightRequest,
  checkProvisioningRequest,
  listFederationPairs,
  type ProvisioningRequest,
  suggestInDomainTarget,
} from './request.js';

const pairs = (result: Result<unknown>) => result.issues.map((issue) => [issue.code, issue.path]);
const errors = (result: Result<unknown>) =>
  result.issues.filter((issue) => issue.severity === 'error').map((issue) => [issue.code, issue.path]);

// Real-looking domains (the documentation domains would add fqdn.documentation_domain warnings).
const base = {
  agreementType: 'volume-licensing',
  agreementNumber: 'V7340215',
  accessEdgeFqdn: 'sip.northwind.net',
  sipDomains: ['northwind.net'],
};
const withBase = (extra: Record<string, unknown>) => ({ ...base, ...extra });

describe('the PIC form (MS-PIC): a valid request, normalised', () => {
  test('minimal request: defaults filled in, no issue', () => {
    const { agreementType: _omit, ...minimal } = base;
    const result = checkProvisioningRequest(minimal);
    expect(result).toEqual({
      ok: true,
      issues: [],
      value: {
        agreementNumber: 'V7340215',
        accessEdgeFqdn: 'sip.northwind.net',
        sipDomains: ['northwind.net'],
        additionalAccessEdges: [],
        publicImProvider: 'skype',
      } satisfies ProvisioningRequest,
    });
  });

  test('multi-edge request: names lower-cased, trailing dots dropped, provider case-insensitive', () => {
    const result = checkProvisioningRequest({
      ...base,
      accessEdgeFqdn: 'SIP.Northwind.NET.',
      sipDomains: ['Northwind.net', 'eu.northwind.net'],
      additionalAccessEdges: [{ fqdn: 'sip.wingtip.io', sipDomains: ['wingtip.io'] }],
      publicImProvider: 'Skype',
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        agreementType: 'volume-licensing',
        accessEdgeFqdn: 'sip.northwind.net',
        sipDomains: ['northwind.net', 'eu.northwind.net'],
        additionalAccessEdges: [{ fqdn: 'sip.wingtip.io', sipDomains: ['wingtip.io'] }],
        publicImProvider: 'skype',
      },
    });
    // eu.northwind.net is served by sip.northwind.net, which is not one label under it.
    expect(pairs(result)).toEqual([['request.needs_in_domain_target', ['sipDomains', 1]]]);
  });
});

describe('structure: missing fields, JSON types, unknown fields (RULES §6)', () => {
  test.each([
    ['null', null],
    ['array', [base]],
    ['string', JSON.stringify(base)],
    ['number', 1],
    ['undefined', undefined],
  ])('%s input → request.invalid_type at []', (_label, input) => {
    expect(pairs(checkProvisioningRequest(input))).toEqual([['request.invalid_type', []]]);
  });

  test.each(['agreementNumber', 'accessEdgeFqdn', 'sipDomains'])(
    'missing %s → request.missing_field',
    (field) => {
      const input: Record<string, unknown> = { ...base };
      delete input[field];
      const result = checkProvisioningRequest(input);
      expect(result.ok).toBe(false);
      expect(result.issues.find((issue) => issue.code === 'request.missing_field')).toMatchObject({
        path: [field],
        params: { field },
      });
    },
  );

  test.each([
    ['agreementNumber', 7340215, ['agreementNumber']],
    ['agreementType', 1, ['agreementType']],
    ['accessEdgeFqdn', ['sip.northwind.net'], ['accessEdgeFqdn']],
    ['sipDomains', 'northwind.net', ['sipDomains']],
    ['sipDomains', ['northwind.net', 5], ['sipDomains', 1]],
    ['additionalAccessEdges', {}, ['additionalAccessEdges']],
    ['additionalAccessEdges', ['sip.wingtip.io'], ['additionalAccessEdges', 0]],
    ['additionalAccessEdges', [{ fqdn: 5, sipDomains: [] }], ['additionalAccessEdges', 0, 'fqdn']],
    [
      'additionalAccessEdges',
      [{ fqdn: 'sip.wingtip.io', sipDomains: 'wingtip.io' }],
      ['additionalAccessEdges', 0, 'sipDomains'],
    ],
    [
      'additionalAccessEdges',
      [{ fqdn: 'sip.wingtip.io', sipDomains: [null] }],
      ['additionalAccessEdges', 0, 'sipDomains', 0],
    ],
    ['publicImProvider', true, ['publicImProvider']],
  ])('%s = %j → request.invalid_type at %j', (field, value, path) => {
    const result = checkProvisioningRequest(withBase({ [field]: value }));
    expect(result.ok).toBe(false);
    expect(pairs(result)).toContainEqual(['request.invalid_type', path]);
  });

  test.each([
    ['top-level typo', withBase({ sipDomain: ['northwind.net'] }), ['sipDomain']],
    [
      'nested typo',
      withBase({ additionalAccessEdges: [{ fqdn: 'sip.wingtip.io', domains: ['wingtip.io'] }] }),
      ['additionalAccessEdges', 0, 'domains'],
    ],
  ])('unknown field: %s', (_label, input, path) => {
    const result = checkProvisioningRequest(input);
    expect(result.ok).toBe(false);
    expect(result.issues.find((issue) => issue.code === 'request.unknown_field')).toMatchObject({
      path,
      params: { field: path[path.length - 1] },
    });
  });

  test('missing fqdn of an additional edge', () => {
    expect(
      errors(checkProvisioningRequest(withBase({ additionalAccessEdges: [{ sipDomains: ['wingtip.io'] }] }))),
    ).toEqual([['request.missing_field', ['additionalAccessEdges', 0, 'fqdn']]]);
  });
});

describe('agreement_number.unknown_type whatever state the number is in (RULES §3, §6)', () => {
  const edge = { accessEdgeFqdn: 'sip.acme.com', sipDomains: ['acme.com'] };
  test.each<[string, Record<string, unknown>, [string, (string | number)[]][]]>([
    [
      'number missing',
      { agreementType: 'bogus', ...edge },
      [
        ['agreement_number.unknown_type', ['agreementType']],
        ['request.missing_field', ['agreementNumber']],
      ],
    ],
    [
      'number not a string',
      { agreementType: 'bogus', agreementNumber: 7340215, ...edge },
      [
        ['agreement_number.unknown_type', ['agreementType']],
        ['request.invalid_type', ['agreementNumber']],
      ],
    ],
    [
      'number present and valid: reported once',
      { agreementType: 'bogus', agreementNumber: 'V7340215', ...edge },
      [['agreement_number.unknown_type', ['agreementType']]],
    ],
    [
      'number present and invalid: both, the type once',
      { agreementType: 'bogus', agreementNumber: 'V 734', ...edge },
      [
        ['agreement_number.unknown_type', ['agreementType']],
        ['agreement_number.invalid_char', ['agreementNumber']],
      ],
    ],
    [
      'type of the wrong JSON type: invalid_type only',
      { agreementType: 3, agreementNumber: 'V7340215', ...edge },
      [['request.invalid_type', ['agreementType']]],
    ],
  ])('%s', (_label, input, expected) => {
    const result = checkProvisioningRequest(input);
    expect(result.ok).toBe(false);
    expect(errors(result)).toEqual(expected);
    const unknown = result.issues.find((issue) => issue.code === 'agreement_number.unknown_type');
    if (unknown !== undefined) expect(unknown.params).toMatchObject({ type: 'bogus' });
  });
});

describe('nested validators keep their codes with full paths (RULES §1–3, §6)', () => {
  test.each([
    [
      'agreement number',
      withBase({ agreementNumber: 'V 734' }),
      'agreement_number.invalid_char',
      ['agreementNumber'],
    ],
    [
      'agreement type',
      withBase({ agreementType: 'enterprise' }),
      'agreement_number.unknown_type',
      ['agreementType'],
    ],
    ['edge FQDN', withBase({ accessEdgeFqdn: '203.0.113.5' }), 'fqdn.ip_address', ['accessEdgeFqdn']],
    [
      'main SIP domain',
      withBase({ sipDomains: ['northwind.net', 'wingtip'] }),
      'fqdn.single_label',
      ['sipDomains', 1],
    ],
    [
      'additional SIP domain',
      withBase({
        additionalAccessEdges: [{ fqdn: 'sip.wingtip.io', sipDomains: ['wingtip.io', 'a.io', 'bad_x.io'] }],
      }),
      'fqdn.underscore',
      ['additionalAccessEdges', 0, 'sipDomains', 2],
    ],
    [
      'additional edge FQDN',
      withBase({ additionalAccessEdges: [{ fqdn: 'sip.wingtip.local', sipDomains: ['wingtip.io'] }] }),
      'fqdn.reserved_name',
      ['additionalAccessEdges', 0, 'fqdn'],
    ],
  ])('%s', (_label, input, code, path) => {
    const result = checkProvisioningRequest(input);
    expect(result.ok).toBe(false);
    expect(pairs(result)).toContainEqual([code, path]);
  });

  test('warnings of nested validators ride along (SIP domain that looks like a host: MS-FAQ)', () => {
    const result = checkProvisioningRequest(withBase({ sipDomains: ['northwind.net', 'sip.wingtip.io'] }));
    expect(pairs(result)).toContainEqual(['sip_domain.looks_like_host', ['sipDomains', 1]]);
  });
});

describe('cross-field rules (MS-PIC, MS-FAQ)', () => {
  test('no SIP domain at all → request.no_sip_domains (MS-PIC "at least one SIP domain")', () => {
    expect(errors(checkProvisioningRequest(withBase({ sipDomains: [] })))).toEqual([
      ['request.no_sip_domains', ['sipDomains']],
    ]);
  });

  const edges = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ fqdn: `sip.edge${i}.io`, sipDomains: [`edge${i}.io`] }));
  test.each([
    [9, true],
    [10, false],
  ])('%d additional edges (MS-FAQ: up to 10 Access Edge FQDNs per request) → ok %s', (count, ok) => {
    const result = checkProvisioningRequest(withBase({ additionalAccessEdges: edges(count) }));
    expect(result.ok).toBe(ok);
    if (!ok) {
      expect(result.issues.find((issue) => issue.code === 'request.too_many_edges')).toMatchObject({
        path: ['additionalAccessEdges'],
        params: { max: 10, actual: 11 },
      });
    }
  });

  test.each([
    [
      'same edge, same domain',
      withBase({ sipDomains: ['northwind.net', 'NORTHWIND.net.'] }),
      'request.duplicate_sip_domain',
      ['sipDomains', 1],
    ],
    [
      'domain under two edges (MS-FAQ: "cannot be represented by more than one Access Edge FQDN")',
      withBase({
        additionalAccessEdges: [{ fqdn: 'sip.wingtip.io', sipDomains: ['wingtip.io', 'northwind.net'] }],
      }),
      'request.sip_domain_multiple_edges',
      ['additionalAccessEdges', 0, 'sipDomains', 1],
    ],
    [
      'same edge twice',
      withBase({ additionalAccessEdges: [{ fqdn: 'SIP.northwind.net', sipDomains: ['wingtip.io'] }] }),
      'request.duplicate_edge',
      ['additionalAccessEdges', 0, 'fqdn'],
    ],
    [
      'SIP domain equal to an edge (MS-FAQ: domain suffixes only)',
      withBase({ sipDomains: ['northwind.net', 'sip.northwind.net'] }),
      'request.sip_domain_is_edge',
      ['sipDomains', 1],
    ],
    [
      'SIP domain equal to another edge',
      withBase({ additionalAccessEdges: [{ fqdn: 'sip.wingtip.io', sipDomains: ['sip.northwind.net'] }] }),
      'request.sip_domain_is_edge',
      ['additionalAccessEdges', 0, 'sipDomains', 0],
    ],
    [
      'Yahoo! (ended 2014-06-30, MS-FAQ)',
      withBase({ publicImProvider: 'yahoo' }),
      'request.unsupported_provider',
      ['publicImProvider'],
    ],
    ['AOL', withBase({ publicImProvider: 'AOL' }), 'request.unsupported_provider', ['publicImProvider']],
    [
      'Microsoft 365 edge as the Access Edge',
      withBase({ accessEdgeFqdn: 'sipfed.online.lync.com' }),
      'request.edge_is_microsoft_online',
      ['accessEdgeFqdn'],
    ],
    [
      'GCC High edge as an additional edge',
      withBase({
        additionalAccessEdges: [
          { fqdn: 'SIPFED.online.gov.skypeforbusiness.us.', sipDomains: ['wingtip.io'] },
        ],
      }),
      'request.edge_is_microsoft_online',
      ['additionalAccessEdges', 0, 'fqdn'],
    ],
  ])('%s → %s', (_label, input, code, path) => {
    const result = checkProvisioningRequest(input);
    expect(result.ok).toBe(false);
    const issue = result.issues.find((i) => i.code === code);
    expect(issue).toMatchObject({ severity: 'error', path });
  });

  test('request.duplicate_sip_domain params name the domain', () => {
    const result = checkProvisioningRequest(withBase({ sipDomains: ['northwind.net', 'northwind.net'] }));
    expect(result.issues.find((i) => i.code === 'request.duplicate_sip_domain')?.params).toEqual({
      domain: 'northwind.net',
    });
  });

  test.each([
    ['empty list', { fqdn: 'sip.wingtip.io', sipDomains: [] }],
    ['no list', { fqdn: 'sip.wingtip.io' }],
  ])('additional edge without SIP domains (%s) → request.edge_without_domains W', (_label, edge) => {
    const result = checkProvisioningRequest(withBase({ additionalAccessEdges: [edge] }));
    expect(result.ok).toBe(true);
    expect(result.issues).toMatchObject([
      {
        code: 'request.edge_without_domains',
        severity: 'warning',
        path: ['additionalAccessEdges', 0],
        params: { fqdn: 'sip.wingtip.io' },
      },
    ]);
  });

  test('main edge without SIP domains while another edge has some → edge_without_domains W at ["sipDomains"]', () => {
    const result = checkProvisioningRequest(
      withBase({
        sipDomains: [],
        additionalAccessEdges: [{ fqdn: 'sip.wingtip.io', sipDomains: ['wingtip.io'] }],
      }),
    );
    expect(result.ok).toBe(true);
    expect(pairs(result)).toEqual([['request.edge_without_domains', ['sipDomains']]]);
  });
});

describe('request.needs_in_domain_target (MS-DEPLOY: "a top-level suffix match of the domain")', () => {
  test.each([
    ['edge one label under the domain', 'sip.northwind.net', 'northwind.net', false],
    ['other first label', 'access.northwind.net', 'northwind.net', false],
    ['edge in another domain', 'sip.northwind.net', 'wingtip.io', true],
    ['edge two labels under the domain', 'sip.eu.northwind.net', 'northwind.net', true],
    ['edge under a look-alike domain', 'sip.northwind-edge.net', 'northwind.net', true],
    ['edge ending in the domain without a dot', 'sipnorthwind.net', 'northwind.net', true],
  ])('%s → info %s', (_label, accessEdgeFqdn, domain, expected) => {
    const result = checkProvisioningRequest(withBase({ accessEdgeFqdn, sipDomains: [domain] }));
    expect(result.ok).toBe(true);
    expect(result.issues.some((issue) => issue.code === 'request.needs_in_domain_target')).toBe(expected);
  });

  test('hint names the exact SRV record and the SAN entry', () => {
    const result = checkProvisioningRequest(withBase({ sipDomains: ['northwind.net', 'wingtip.io'] }));
    const issue = result.issues.find((i) => i.code === 'request.needs_in_domain_target');
    expect(issue).toMatchObject({
      severity: 'info',
      path: ['sipDomains', 1],
      params: { fqdn: 'sip.northwind.net', domain: 'wingtip.io', target: 'sip.wingtip.io' },
    });
    expect(issue?.hint).toContain('_sipfederationtls._tcp.wingtip.io. 3600 IN SRV 0 0 5061 sip.wingtip.io.');
    expect(issue?.hint).toContain("add sip.wingtip.io to the Edge certificate's SAN");
  });

  test('no info for a Microsoft 365 edge (already an error) or a duplicate domain', () => {
    const result = checkProvisioningRequest(withBase({ accessEdgeFqdn: 'sipfed.online.lync.com' }));
    expect(result.issues.some((issue) => issue.code === 'request.needs_in_domain_target')).toBe(false);
  });
});

describe('listFederationPairs / suggestInDomainTarget', () => {
  test('one pair per (edge, SIP domain) in request order, with the SRV record to publish', () => {
    const result = checkProvisioningRequest(
      withBase({
        sipDomains: ['northwind.net', 'wingtip.io'],
        additionalAccessEdges: [{ fqdn: 'access.tailspin.dev', sipDomains: ['tailspin.dev'] }],
      }),
    );
    if (!result.ok) throw new Error('expected ok');
    expect(listFederationPairs(result.value)).toEqual([
      {
        edgeFqdn: 'sip.northwind.net',
        sipDomain: 'northwind.net',
        edgeIsInDomain: true,
        suggestedTarget: 'sip.northwind.net',
        srvRecord: '_sipfederationtls._tcp.northwind.net. 3600 IN SRV 0 0 5061 sip.northwind.net.',
      },
      {
        edgeFqdn: 'sip.northwind.net',
        sipDomain: 'wingtip.io',
        edgeIsInDomain: false,
        suggestedTarget: 'sip.wingtip.io',
        srvRecord: '_sipfederationtls._tcp.wingtip.io. 3600 IN SRV 0 0 5061 sip.wingtip.io.',
      },
      {
        edgeFqdn: 'access.tailspin.dev',
        sipDomain: 'tailspin.dev',
        edgeIsInDomain: true,
        suggestedTarget: 'access.tailspin.dev',
        srvRecord: '_sipfederationtls._tcp.tailspin.dev. 3600 IN SRV 0 0 5061 access.tailspin.dev.',
      },
    ]);
  });

  test.each([
    ['sip.northwind.net', 'northwind.net', 'sip.northwind.net'],
    ['sipfed.northwind.net', 'wingtip.io', 'sipfed.wingtip.io'],
    ['sip.eu.northwind.net', 'northwind.net', 'sip.northwind.net'],
  ])('suggestInDomainTarget(%s, %s) → %s', (edge, domain, target) => {
    expect(suggestInDomainTarget(edge, domain)).toBe(target);
  });
});

describe('properties', () => {
  const request = provisioningRequest;

  test('never throws; ok exactly when no error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), request), (input) => {
        const result = checkProvisioningRequest(input);
        expect(result.ok).toBe(!result.issues.some((issue) => issue.severity === 'error'));
      }),
      { numRuns: 2000 },
    );
  });

  test('every issue path leads to the value it is about', () => {
    fc.assert(
      fc.property(request, (input) => {
        for (const issue of checkProvisioningRequest(input).issues) {
          let node: unknown = input;
          for (const key of issue.path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
          if (issue.path.length > 0 && issue.code !== 'request.missing_field') {
            expect(Object.hasOwn(node as object, issue.path[issue.path.length - 1]!)).toBe(true);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('a normalised request checks again to itself', () => {
    fc.assert(
      fc.property(request, (input) => {
        const once = checkProvisioningRequest(input);
        if (!once.ok) return;
        expect(checkProvisioningRequest(once.value)).toMatchObject({ ok: true, value: once.value });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('RULES §0 on publicImProvider', () => {
  test('spaces around "skype": input.trimmed (W), still valid', () => {
    const result = checkProvisioningRequest(withBase({ publicImProvider: ' Skype ' }));
    expect(result.ok).toBe(true);
    expect(pairs(result)).toContainEqual(['input.trimmed', ['publicImProvider']]);
  });
});

describe('federation-only target (RULES §6): no agreement number', () => {
  test.each([
    ['domains only', { sipDomains: ['Northwind.net'] }, { sipDomains: ['northwind.net'] }],
    [
      'domains and edge',
      { sipDomains: ['northwind.net'], accessEdgeFqdn: 'SIP.northwind.net.' },
      { sipDomains: ['northwind.net'], accessEdgeFqdn: 'sip.northwind.net' },
    ],
    [
      'a $schema key is not a field',
      { $schema: '../schema/provisioning-request.schema.json', sipDomains: ['northwind.net'] },
      { sipDomains: ['northwind.net'] },
    ],
  ])('%s', (_label, input, value) => {
    expect(checkFederationTargets(input)).toEqual({ ok: true, issues: [], value });
    expect(checkPreflightRequest(input)).toEqual({ ok: true, issues: [], value });
  });

  test.each([
    ['no sipDomains', { accessEdgeFqdn: 'sip.northwind.net' }, [['request.missing_field', ['sipDomains']]]],
    ['empty sipDomains', { sipDomains: [] }, [['request.no_sip_domains', ['sipDomains']]]],
    [
      'same domain twice',
      { sipDomains: ['northwind.net', 'NORTHWIND.net'] },
      [['request.duplicate_sip_domain', ['sipDomains', 1]]],
    ],
    [
      'domain equal to the edge',
      { sipDomains: ['sip.northwind.net'], accessEdgeFqdn: 'sip.northwind.net' },
      [['request.sip_domain_is_edge', ['sipDomains', 0]]],
    ],
    [
      'Microsoft 365 edge',
      { sipDomains: ['northwind.net'], accessEdgeFqdn: 'sipfed.online.lync.com' },
      [['request.edge_is_microsoft_online', ['accessEdgeFqdn']]],
    ],
    [
      'a PIC field in the federation form',
      { sipDomains: ['northwind.net'], agreementNumber: 'V7340215' },
      [['request.unknown_field', ['agreementNumber']]],
    ],
    [
      '$schema not a string',
      { sipDomains: ['northwind.net'], $schema: 5 },
      [['request.invalid_type', ['$schema']]],
    ],
  ])('%s', (_label, input, expected) => {
    expect(errors(checkFederationTargets(input))).toEqual(expected);
  });

  test('an edge outside the domain: the same info and hint as in the PIC form', () => {
    const edge = { sipDomains: ['fabrikam.com'], accessEdgeFqdn: 'sip.northwind.net' };
    const find = (result: Result<unknown>) =>
      result.issues.find((issue) => issue.code === 'request.needs_in_domain_target');
    const pic = find(checkProvisioningRequest(withBase(edge)));
    expect(pic).toBeDefined();
    expect(find(checkFederationTargets(edge))).toEqual(pic);
  });

  test('auto: any PIC-only field makes it the PIC form; pic forces the form', () => {
    const edge = { sipDomains: ['northwind.net'], accessEdgeFqdn: 'sip.northwind.net' };
    for (const [field, value] of [
      ['agreementNumber', 'V7340215'],
      ['agreementType', 'volume-licensing'],
      ['additionalAccessEdges', []],
      ['publicImProvider', 'skype'],
    ] as const) {
      const result = checkPreflightRequest({ ...edge, [field]: value });
      expect(pairs(result), field).not.toContainEqual(['request.unknown_field', [field]]);
      // Read as the PIC form: the agreement number is asked for unless given.
      if (field !== 'agreementNumber')
        expect(errors(result), field).toContainEqual(['request.missing_field', ['agreementNumber']]);
    }
    expect(errors(checkPreflightRequest(edge, { form: 'pic' }))).toEqual([
      ['request.missing_field', ['agreementNumber']],
    ]);
  });

  test('the PIC form accepts a $schema key too', () => {
    expect(checkProvisioningRequest(withBase({ $schema: 'https://example.test/s.json' })).ok).toBe(true);
  });
});
