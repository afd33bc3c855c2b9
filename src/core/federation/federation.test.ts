import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { codes } from '../../../test/helpers/issues.js';
import {
  checkFederationTarget,
  evaluateFederationSrv,
  federationSrvRecordText,
  type SrvRecord,
  selectFederationRecord,
} from './federation.js';
import { isMicrosoftOnlineEdge, MICROSOFT_ONLINE_EDGES } from './microsoft-online.js';

const srv = (target: string, port = 5061, priority = 0, weight = 0): SrvRecord => ({
  priority,
  weight,
  port,
  target,
});

describe('checkFederationTarget', () => {
  // MS-DEPLOY: "Each domain must resolve by DNS SRV query to an edge server FQDN that satisfies a
  // top-level suffix match of the domain" — one label, then the SIP domain.
  test.each([
    ['one label under the domain', 'contoso.com', 'sip.contoso.com'],
    ['another label', 'contoso.com', 'sipfed.contoso.com'],
    ['case-insensitive', 'Contoso.COM', 'SIP.contoso.com'],
    ['trailing dots', 'contoso.com.', 'sip.contoso.com.'],
    ['subdomain SIP domain', 'example.fabrikam.com', 'sip.example.fabrikam.com'],
  ])('valid: %s', (_label, domain, target) => {
    const result = checkFederationTarget(domain, target);
    expect(result).toEqual({ ok: true, value: { relation: 'top-level-suffix' }, issues: [] });
  });

  test.each([
    ['another registrable domain', 'contoso.com', 'sip.contoso-edge.com', 'federation.target_outside_domain'],
    ['suffix without a dot boundary', 'contoso.com', 'sipcontoso.com', 'federation.target_outside_domain'],
    ['the parent domain', 'it.contoso.com', 'sip.contoso.com', 'federation.target_outside_domain'],
    ['root target', 'contoso.com', '.', 'federation.target_outside_domain'],
    ['two labels deep', 'contoso.com', 'sip.it.contoso.com', 'federation.target_not_top_level'],
    ['three labels deep', 'contoso.com', 'a.b.c.contoso.com', 'federation.target_not_top_level'],
  ])('error: %s', (_label, domain, target, code) => {
    const result = checkFederationTarget(domain, target);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual([code]);
    expect(result.issues[0]!.params).toMatchObject({ domain: domain.toLowerCase() });
    expect(result.issues[0]!.hint).toContain('_sipfederationtls._tcp.');
  });

  // RULES §7 "exactly one LDH label followed by the SIP domain": the label must be a host-name label
  // (RULES §1 via checkFqdn); its FQDN errors come instead of the relation codes.
  test.each([
    ['wildcard', '*.contoso.com', 'fqdn.wildcard', { label: '*' }],
    ['partial wildcard', 'w*.contoso.com', 'fqdn.wildcard', { label: 'w*' }],
    ['underscore', '_sip.contoso.com', 'fqdn.underscore', { label: '_sip' }],
    ['leading hyphen', '-sip.contoso.com', 'fqdn.label_hyphen', { label: '-sip' }],
    ['trailing hyphen', 'sip-.contoso.com', 'fqdn.label_hyphen', { label: 'sip-' }],
    ['space', 'a b.contoso.com', 'fqdn.invalid_char', { char: ' ', codePoint: 'U+0020' }],
    [
      'U-label',
      'bücher.contoso.com',
      'fqdn.non_ascii',
      { char: 'ü', codePoint: 'U+00FC', ascii: 'xn--bcher-kva.contoso.com' },
    ],
    [
      'sip: URI',
      'sip:sip.contoso.com',
      'fqdn.not_a_hostname',
      { value: 'sip:sip.contoso.com', found: 'sip_uri', host: 'sip.contoso.com' },
    ],
    [
      'with a port',
      'sip.contoso.com:5061',
      'fqdn.not_a_hostname',
      { value: 'sip.contoso.com:5061', found: 'port', host: 'sip.contoso.com' },
    ],
    [
      '64-character label',
      `${'a'.repeat(64)}.contoso.com`,
      'fqdn.label_too_long',
      { label: 'a'.repeat(64), max: 63, actual: 64 },
    ],
    [
      '2,000-character label',
      `${'a'.repeat(2000)}.contoso.com`,
      'input.too_long',
      { max: 1024, actual: 2012 },
    ],
    ['empty label', 'sip..contoso.com', 'fqdn.label_empty', undefined],
    ['IP address', '192.0.2.1', 'fqdn.ip_address', { value: '192.0.2.1' }],
    ['invalid A-label', 'xn--ls8h.contoso.com', 'fqdn.invalid_a_label', { label: 'xn--ls8h' }],
  ])('target not a host name: %s → %s', (_label, target, code, params) => {
    const result = checkFederationTarget('contoso.com', target);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual([code]);
    expect(result.issues[0]!.params).toEqual(params);
    expect(result.issues[0]!.path).toEqual([]);
  });

  test('RULES §0 on the target: spaces removed with input.trimmed (W); empty is input.empty (E)', () => {
    expect(checkFederationTarget(' contoso.com ', ' sip.contoso.com ')).toEqual({
      ok: true,
      value: { relation: 'top-level-suffix' },
      issues: [expect.objectContaining({ code: 'input.trimmed', severity: 'warning' })],
    });
    for (const empty of ['', '   '])
      expect(codes(checkFederationTarget('contoso.com', empty))).toEqual(['input.empty']);
  });

  test('the selected target comes back trimmed too', () => {
    const result = evaluateFederationSrv('fabrikam.com', [
      { priority: 0, weight: 0, port: 5061, target: ' SIP.fabrikam.com ' },
    ]);
    expect(result.ok && result.value.selected.target).toBe('sip.fabrikam.com');
    expect(codes(result)).toEqual(['input.trimmed']);
  });

  test.each([
    ['valid A-label', 'contoso.com', 'xn--bcher-kva.contoso.com'],
    ['R-LDH label (warning dropped)', 'contoso.com', 'ab--cd.contoso.com'],
    ['reserved domain: the SIP domain is checked elsewhere', 'lab.test', 'sip.lab.test'],
    ['unknown TLD: the SIP domain is checked elsewhere', 'contoso.corp', 'sip.contoso.corp'],
  ])('target FQDN warnings and the TLD do not count: %s', (_label, domain, target) => {
    expect(checkFederationTarget(domain, target)).toEqual({
      ok: true,
      value: { relation: 'top-level-suffix' },
      issues: [],
    });
  });

  test.each([
    ['empty', ''],
    ['whitespace', '   '],
    ['dot', '.'],
    ['junk', 'a b;c'],
    ['very long', 'a'.repeat(5000)],
    ['wildcard', '*.com'],
  ])('junk SIP domain %s: no throw, the relation fails', (_label, domain) => {
    const result = checkFederationTarget(domain, 'sip.contoso.com');
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(['federation.target_outside_domain']);
  });

  test('hint keeps the chosen host label: sip.contoso-edge.com → sip.contoso.com', () => {
    const hint = checkFederationTarget('contoso.com', 'sip.contoso-edge.com').issues[0]!.hint!;
    expect(hint).toContain('_sipfederationtls._tcp.contoso.com. 3600 IN SRV 0 0 5061 sip.contoso.com.');
  });

  // Not documented either way.
  test('target is the domain itself: warning, relation domain', () => {
    const result = checkFederationTarget('contoso.com', 'contoso.com.');
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.relation).toBe('domain');
    expect(codes(result)).toEqual(['federation.target_is_domain']);
  });

  // The suffix rule is Microsoft's business for its own edges.
  test.each(MICROSOFT_ONLINE_EDGES.map((edge) => [edge]))('Microsoft 365 edge %s: info', (edge) => {
    const result = checkFederationTarget('contoso.com', `${edge.toUpperCase()}.`);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.relation).toBe('microsoft-online');
    expect(codes(result)).toEqual(['federation.microsoft_online_target']);
  });

  test('never throws on non-strings', () => {
    expect(codes(checkFederationTarget(1 as unknown as string, 'a.b'))).toEqual(['input.not_string']);
    expect(codes(checkFederationTarget('a.b', null as unknown as string))).toEqual(['input.not_string']);
  });
});

describe('evaluateFederationSrv', () => {
  describe('srv.missing / srv.service_disabled (RFC 2782 "decidedly not available")', () => {
    test('no record: the exact record to create', () => {
      const result = evaluateFederationSrv('contoso.com', []);
      expect(codes(result)).toEqual(['srv.missing']);
      expect(result.issues[0]!.hint).toBe(
        'Publish in public DNS: _sipfederationtls._tcp.contoso.com. 3600 IN SRV 0 0 5061 sip.contoso.com.',
      );
    });
    test('the hint uses a declared in-domain edge', () => {
      const result = evaluateFederationSrv('contoso.com', [], { accessEdgeFqdns: ['SIPFED.contoso.com'] });
      expect(result.issues[0]!.hint).toContain('SRV 0 0 5061 sipfed.contoso.com.');
    });
    test.each([['.'], ['']])('single root target %j', (target) => {
      const result = evaluateFederationSrv('contoso.com', [srv(target)]);
      expect(codes(result)).toEqual(['srv.service_disabled']);
    });
    test('a root record beside a real one is never selected, and is fragile', () => {
      const result = evaluateFederationSrv('contoso.com', [
        srv('.', 5061, 0),
        srv('sip.contoso.com', 5061, 10),
      ]);
      expect(result.ok && result.value.selected.target).toBe('sip.contoso.com');
      expect(codes(result)).toEqual(['srv.inconsistent_records']);
    });
  });

  describe('selection: lowest priority, highest weight, first received (MS-DNS, not RFC 2782 random)', () => {
    test.each<[string, SrvRecord[], number]>([
      ['lowest priority wins', [srv('a.contoso.com', 5061, 10), srv('b.contoso.com', 5061, 5)], 1],
      [
        'highest weight among equal priority',
        [srv('a.contoso.com', 5061, 0, 5), srv('b.contoso.com', 5061, 0, 50)],
        1,
      ],
      ['priority beats weight', [srv('a.contoso.com', 5061, 1, 100), srv('b.contoso.com', 5061, 2, 0)], 0],
      ['tie: first received', [srv('a.contoso.com', 5061, 0, 5), srv('b.contoso.com', 5061, 0, 5)], 0],
    ])('%s', (_label, records, index) => {
      const result = evaluateFederationSrv('contoso.com', records);
      // A plain copy of the record (RULES §7: never the caller's object).
      expect(result.ok && result.value.selected).toEqual(records[index]);
      expect(result.ok && result.value.selected).not.toBe(records[index]);
    });
  });

  test('the selected target comes back normalised: lower case, no root dot (RULES §0)', () => {
    const result = evaluateFederationSrv('contoso.com', [
      { priority: 0, weight: 0, port: 5061, target: 'SIP.Contoso.com.' },
    ]);
    expect(result.ok && result.value.selected).toEqual({
      priority: 0,
      weight: 0,
      port: 5061,
      target: 'sip.contoso.com',
    });
  });

  describe('srv.wrong_port (port 5061, MS-DNS)', () => {
    test.each([[443], [5060], [5062]])('port %i is an error', (port) => {
      const result = evaluateFederationSrv('contoso.com', [srv('sip.contoso.com', port)]);
      expect(result.ok).toBe(false);
      expect(codes(result)).toEqual(['srv.wrong_port']);
      expect(result.issues[0]!.params).toMatchObject({ port, expected: 5061 });
      expect(result.issues[0]!.hint).toContain('IN SRV 0 0 5061 sip.contoso.com.');
    });
  });

  describe('the selected target follows the target rule (MS-DEPLOY)', () => {
    test.each([
      ['sip.contoso-edge.com', 'federation.target_outside_domain', false],
      ['sip.it.contoso.com', 'federation.target_not_top_level', false],
      ['contoso.com', 'federation.target_is_domain', true],
      ['sipfed.online.lync.com', 'federation.microsoft_online_target', true],
    ])('%s → %s', (target, code, ok) => {
      const result = evaluateFederationSrv('contoso.com', [srv(target)]);
      expect(result.ok).toBe(ok);
      expect(codes(result)).toEqual([code]);
    });
  });

  describe('a selected target that is not a host name fails (RULES §7 LDH label)', () => {
    test.each([
      ['*.contoso.com', 'fqdn.wildcard'],
      ['_sip.contoso.com', 'fqdn.underscore'],
      ['-sip.contoso.com', 'fqdn.label_hyphen'],
      ['bücher.contoso.com', 'fqdn.non_ascii'],
      [`${'a'.repeat(64)}.contoso.com`, 'fqdn.label_too_long'],
    ])('%s → %s', (target, code) => {
      const result = evaluateFederationSrv('contoso.com', [srv(target)]);
      expect(result.ok).toBe(false);
      expect(codes(result)).toEqual([code]);
    });
  });

  describe('srv.inconsistent_records: a non-selected record that would fail', () => {
    test.each<[string, SrvRecord]>([
      ['wildcard target', srv('*.contoso.com', 5061, 10)],
      ['underscore target', srv('_sip.contoso.com', 5061, 10)],
      ['sip: URI target', srv('sip:sip.contoso.com', 5061, 10)],
      ['wrong port', srv('sip2.contoso.com', 5060, 10)],
      ['outside the domain', srv('sip.contoso-edge.com', 5061, 10)],
      ['too deep', srv('sip.it.contoso.com', 5061, 10)],
    ])('%s', (_label, backup) => {
      const result = evaluateFederationSrv('contoso.com', [srv('sip.contoso.com'), backup]);
      expect(result.ok).toBe(true);
      expect(codes(result)).toEqual(['srv.inconsistent_records']);
    });
    test('a good backup raises nothing', () => {
      expect(
        evaluateFederationSrv('contoso.com', [srv('sip.contoso.com'), srv('sip2.contoso.com', 5061, 10)])
          .issues,
      ).toEqual([]);
    });
  });

  describe('srv.mixed_targets, srv.duplicate_record', () => {
    test('on-premises and Microsoft 365 targets mixed', () => {
      const result = evaluateFederationSrv('contoso.com', [
        srv('sip.contoso.com'),
        srv('sipfed.online.lync.com', 5061, 10),
      ]);
      expect(codes(result)).toContain('srv.mixed_targets');
    });
    test('duplicates are reported once, case-insensitive, trailing dot ignored', () => {
      const result = evaluateFederationSrv('contoso.com', [
        srv('sip.contoso.com'),
        srv('SIP.contoso.com.'),
        srv('sip.contoso.com'),
      ]);
      expect(codes(result)).toEqual(['srv.duplicate_record']);
      expect(result.issues[0]!.params).toEqual({ record: '0 0 5061 sip.contoso.com.' });
    });
  });

  describe('srv.target_not_declared_edge', () => {
    test('target not among the declared edges: info', () => {
      const result = evaluateFederationSrv('fabrikam.com', [srv('sip.fabrikam.com')], {
        accessEdgeFqdns: ['sip.contoso.com'],
      });
      expect(result.ok).toBe(true);
      expect(codes(result)).toEqual(['srv.target_not_declared_edge']);
    });
    test('declared edge: nothing', () => {
      const result = evaluateFederationSrv('contoso.com', [srv('SIP.contoso.com.')], {
        accessEdgeFqdns: ['sip.contoso.com'],
      });
      expect(result.issues).toEqual([]);
    });
  });

  test('federationSrvRecordText', () => {
    expect(federationSrvRecordText('Contoso.com.')).toBe(
      '_sipfederationtls._tcp.contoso.com. 3600 IN SRV 0 0 5061 sip.contoso.com.',
    );
  });

  test('isMicrosoftOnlineEdge', () => {
    expect(isMicrosoftOnlineEdge('SIPFED.ONLINE.LYNC.COM.')).toBe(true);
    expect(isMicrosoftOnlineEdge('sipfed.online.lync.com.evil.com')).toBe(false);
  });
});

describe('properties', () => {
  const label = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
  const target = fc.oneof(
    fc.constantFrom('.', '', 'sipfed.online.lync.com', 'contoso.com', 'sip.other.com'),
    label.map((l) => `${l}.contoso.com`),
    fc.tuple(label, label).map(([a, b]) => `${a}.${b}.contoso.com`),
  );
  const record = fc.record({
    priority: fc.integer({ min: 0, max: 3 }),
    weight: fc.integer({ min: 0, max: 3 }),
    port: fc.constantFrom(5061, 5061, 443),
    target,
  });

  test('never throws, even on junk', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b, c) => {
        evaluateFederationSrv(a as string, b as SrvRecord[], c as { accessEdgeFqdns?: string[] });
        checkFederationTarget(a as string, b as string);
      }),
    );
  });

  test('never throws on records and targets of any shape', () => {
    const junkRecord = fc.record({
      priority: fc.oneof(fc.integer(), fc.anything()),
      weight: fc.oneof(fc.integer(), fc.anything()),
      port: fc.oneof(fc.constant(5061), fc.anything()),
      target: fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.anything()),
    });
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constant('contoso.com'), fc.anything()),
        fc.array(fc.oneof(junkRecord, fc.anything()), { maxLength: 5 }),
        fc.anything(),
        (domain, records, context) => {
          const result = evaluateFederationSrv(domain as string, records as SrvRecord[], context as never);
          expect(result.ok).toBe(!result.issues.some((issue) => issue.severity === 'error'));
          for (const record of records) {
            const target = (record as { target?: unknown } | null)?.target;
            checkFederationTarget(domain as string, target as string);
          }
        },
      ),
    );
  });

  test('selection is the documented order: min priority, then max weight, then first', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), (records) => {
        const real = records.filter((r) => r.target !== '' && r.target !== '.');
        const expected = real
          .map((r, i) => ({ r, i }))
          .sort((x, y) => x.r.priority - y.r.priority || y.r.weight - x.r.weight || x.i - y.i)[0]?.r;
        expect(selectFederationRecord(records)).toEqual(expected);
        const result = evaluateFederationSrv('contoso.com', records);
        if (result.ok && expected)
          expect(result.value.selected).toEqual({
            ...expected,
            target: expected.target.trim().toLowerCase().replace(/\.$/, ''),
          });
      }),
    );
  });

  test('ok ⇔ no error; a clean single record always passes', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), (records) => {
        const result = evaluateFederationSrv('contoso.com', records);
        expect(result.ok).toBe(!result.issues.some((issue) => issue.severity === 'error'));
      }),
    );
    fc.assert(
      fc.property(label, (l) => {
        expect(evaluateFederationSrv('contoso.com', [srv(`${l}.contoso.com`)]).issues).toEqual([]);
      }),
    );
  });

  test('record order among different priorities does not change the verdict', () => {
    fc.assert(
      fc.property(fc.uniqueArray(record, { selector: (r) => r.priority, maxLength: 4 }), (records) => {
        const a = evaluateFederationSrv('contoso.com', records);
        const b = evaluateFederationSrv('contoso.com', [...records].reverse());
        expect(a.ok).toBe(b.ok);
        expect(codes(a).sort()).toEqual(codes(b).sort());
      }),
    );
  });
});

describe('evaluateFederationSrv: input that is not a record', () => {
  test.each<[string, unknown[]]>([
    ['null', [null]],
    ['missing fields', [{ priority: 0 }]],
    ['port as a string', [{ priority: 0, weight: 0, port: '5061', target: 'sip.contoso.com' }]],
    ['target as a number', [{ priority: 0, weight: 0, port: 5061, target: 5 }]],
  ])('%s → srv.invalid_record at its index, not srv.missing', (_label, records) => {
    const result = evaluateFederationSrv('contoso.com', records as never);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([['srv.invalid_record', [0]]]);
  });

  test('a bad record beside a good one is still reported (index 1)', () => {
    const good = { priority: 0, weight: 0, port: 5061, target: 'sip.contoso.com' };
    const result = evaluateFederationSrv('contoso.com', [good, { target: 'x' }] as never);
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([['srv.invalid_record', [1]]]);
  });
});

describe('a hostile context gives input.unreadable, never a throw (issue 13)', () => {
  const record = { priority: 0, weight: 0, port: 5061, target: 'sip.contoso.com' };
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  test.each([
    ['a revoked Proxy as the context', () => revoked()],
    ['a revoked Proxy as the edge list', () => ({ accessEdgeFqdns: revoked() })],
    [
      'a throwing getter',
      () =>
        Object.defineProperty({}, 'accessEdgeFqdns', {
          get() {
            throw new Error('no');
          },
          enumerable: true,
        }),
    ],
  ])('%s', (_label, make) => {
    const result = evaluateFederationSrv('contoso.com', [record], make() as never);
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['input.unreadable', ['accessEdgeFqdns']],
    ]);
  });
});
