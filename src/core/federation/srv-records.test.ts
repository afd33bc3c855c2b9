import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkFederationTarget, evaluateFederationSrv, type SrvRecord } from './federation.js';

const srv = (target: string, port = 5061, priority = 0, weight = 0): SrvRecord => ({
  priority,
  weight,
  port,
  target,
});
const codes = (result: { issues: { code: string }[] }) => result.issues.map((issue) => issue.code);
const codePaths = (result: { issues: { code: string; path: unknown[] }[] }) =>
  result.issues.map((issue) => [issue.code, issue.path]);

// RULES §7, last row: name servers rotate tied records, so the Edge picks each in turn.
describe('the tie rule: a record tied with the selected one is judged like it, whatever the order', () => {
  test.each<[string, SrvRecord[], string[]]>([
    [
      'tied record on the wrong port',
      [srv('sip.contoso.com'), srv('sip2.contoso.com', 443)],
      ['srv.wrong_port'],
    ],
    [
      'tied record outside the domain',
      [srv('sip.contoso.com'), srv('sip.contoso-edge.com')],
      ['federation.target_outside_domain'],
    ],
    [
      'tied record too deep',
      [srv('sip.contoso.com'), srv('sip.it.contoso.com')],
      ['federation.target_not_top_level'],
    ],
    [
      'tied record is the domain (W)',
      [srv('sip.contoso.com'), srv('contoso.com')],
      ['federation.target_is_domain'],
    ],
  ])('%s: the same codes in both orders, error on every run', (_label, records, expected) => {
    for (const order of [records, [...records].reverse()]) {
      const result = evaluateFederationSrv('contoso.com', order);
      expect(codes(result).sort()).toEqual(expected);
      const broken = expected.some((code) => code !== 'federation.target_is_domain');
      expect(result.ok).toBe(!broken);
    }
  });

  test('a lower-weight record on the wrong port is not tied: srv.inconsistent_records W', () => {
    const result = evaluateFederationSrv('contoso.com', [
      srv('sip.contoso.com', 5061, 0, 10),
      srv('b.contoso.com', 443, 0, 5),
    ]);
    expect(codes(result)).toEqual(['srv.inconsistent_records']);
    expect(result.ok).toBe(true);
  });

  test('selected stays the first received among the tied records (MS-DNS)', () => {
    const result = evaluateFederationSrv('contoso.com', [srv('b.contoso.com'), srv('a.contoso.com')]);
    expect(result.ok && result.value.selected.target).toBe('b.contoso.com');
  });

  test('two identical tied records on the wrong port: one srv.wrong_port and one srv.duplicate_record', () => {
    const result = evaluateFederationSrv('contoso.com', [
      srv('sip.contoso.com', 443),
      srv('sip.contoso.com', 443),
    ]);
    expect(codes(result).sort()).toEqual(['srv.duplicate_record', 'srv.wrong_port']);
  });

  test('property: any order of the same records gives the same verdict and codes', () => {
    const label = fc.constantFrom('sip', 'a', 'b', 'edge');
    const record = fc.record({
      priority: fc.integer({ min: 0, max: 2 }),
      weight: fc.integer({ min: 0, max: 2 }),
      port: fc.constantFrom(5061, 5061, 443),
      target: fc.oneof(
        label.map((l) => `${l}.contoso.com`),
        fc.constantFrom(
          '.',
          'contoso.com',
          'sip.contoso-edge.com',
          'x.sip.contoso.com',
          'sipfed.online.lync.com',
        ),
      ),
    });
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 8 }),
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        (records, keys) => {
          const shuffled = records
            .map((r, i) => ({ r, k: keys[i] ?? 0, i }))
            .sort((x, y) => x.k - y.k || x.i - y.i)
            .map(({ r }) => r);
          const a = evaluateFederationSrv('contoso.com', records, { accessEdgeFqdns: ['sip.contoso.com'] });
          const b = evaluateFederationSrv('contoso.com', shuffled, { accessEdgeFqdns: ['sip.contoso.com'] });
          expect(b.ok).toBe(a.ok);
          expect(codes(b).sort()).toEqual(codes(a).sort());
        },
      ),
      { seed: 13, numRuns: 500 },
    );
  });
});

// RULES §7 "an item that is not an SRV record"; RFC 2782: priority, weight, port are 16-bit unsigned.
describe('records are read field by field into plain data', () => {
  test.each<[string, unknown, string]>([
    ['priority -1', { priority: -1, weight: 0, port: 5061, target: 'sip.contoso.com' }, 'priority'],
    ['weight 1e300', { priority: 0, weight: 1e300, port: 5061, target: 'sip.contoso.com' }, 'weight'],
    ['port 65536', { priority: 0, weight: 0, port: 65536, target: 'sip.contoso.com' }, 'port'],
    ['port 5061.5', { priority: 0, weight: 0, port: 5061.5, target: 'sip.contoso.com' }, 'port'],
    ['port NaN', { priority: 0, weight: 0, port: Number.NaN, target: 'sip.contoso.com' }, 'port'],
    ['port as BigInt', { priority: 0, weight: 0, port: 5061n, target: 'sip.contoso.com' }, 'port'],
    ['ttl -5', { priority: 0, weight: 0, port: 5061, target: 'sip.contoso.com', ttl: -5 }, 'ttl'],
    ['target missing', { priority: 0, weight: 0, port: 5061 }, 'target'],
  ])('%s → srv.invalid_record naming the field', (_label, record, field) => {
    const result = evaluateFederationSrv('contoso.com', [record] as never);
    expect(result.ok).toBe(false);
    expect(codePaths(result)).toEqual([['srv.invalid_record', [0]]]);
    expect(result.issues[0]?.params).toMatchObject({ index: 0, field });
  });

  test('a hole ([,]) is srv.invalid_record at its index, never a selected empty record', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the input under test
    const result = evaluateFederationSrv('contoso.com', [, srv('sip.contoso.com')] as never);
    expect(result.ok).toBe(false);
    expect(codePaths(result)).toEqual([['srv.invalid_record', [0]]]);
    expect(result.issues[0]?.params).toMatchObject({ field: 'record', reason: 'hole' });
    // biome-ignore lint/suspicious/noSparseArray: the hole is the input under test
    expect(codes(evaluateFederationSrv('contoso.com', [,] as never))).toEqual(['srv.invalid_record']);
  });

  test('extra fields (BigInt, cycles) are dropped: the result is JSON and not the caller’s object', () => {
    const record: Record<string, unknown> = { ...srv('sip.contoso.com'), ttl: 300, extra: 5n };
    record.self = record;
    const result = evaluateFederationSrv('contoso.com', [record] as never);
    expect(result.ok).toBe(true);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.ok && result.value.selected).toEqual({ ...srv('sip.contoso.com'), ttl: 300 });
  });

  test('hostile objects give input.* issues, never a throw', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const throwing = Object.defineProperty({ ...srv('sip.contoso.com') }, 'port', {
      get() {
        throw new Error('boom');
      },
      enumerable: true,
    });
    let reads = 0;
    const shifting = Object.defineProperty({ ...srv('sip.contoso.com') }, 'port', {
      get() {
        reads += 1;
        return reads === 1 ? 5061 : 443;
      },
      enumerable: true,
    });
    expect(codes(evaluateFederationSrv('contoso.com', revoked.proxy as never))).toEqual(['input.unreadable']);
    expect(codePaths(evaluateFederationSrv('contoso.com', [revoked.proxy] as never))).toEqual([
      ['input.unreadable', [0, 'priority']],
    ]);
    expect(codePaths(evaluateFederationSrv('contoso.com', [throwing] as never))).toEqual([
      ['input.unreadable', [0, 'port']],
    ]);
    const result = evaluateFederationSrv('contoso.com', [shifting] as never);
    expect(result.ok && result.value.selected.port).toBe(5061);
    expect(reads).toBe(1);
    expect(() => evaluateFederationSrv('contoso.com', [], revoked.proxy as never)).not.toThrow();
    expect(() =>
      evaluateFederationSrv('contoso.com', [], { accessEdgeFqdns: revoked.proxy } as never),
    ).not.toThrow();
  });

  test('RULES §0: a target over 1,024 characters is input.too_long before trimming', () => {
    const target = `sip.contoso.com${' '.repeat(1020)}`;
    expect(codePaths(evaluateFederationSrv('contoso.com', [srv(target)]))).toEqual([
      ['input.too_long', [0, 'target']],
    ]);
    expect(codes(checkFederationTarget('contoso.com', target))).toEqual(['input.too_long']);
  });
});

describe('one normalisation of the SIP domain in both functions', () => {
  test.each(['contoso.com..', 'Contoso.com.', ' contoso.com ', 'contoso.com'])('%s', (domain) => {
    for (const target of ['sip.contoso.com', 'sip.contoso.com.', 'contoso.com', 'sip.other.com']) {
      const one = checkFederationTarget(domain, target);
      const set = evaluateFederationSrv(domain, [srv(target)]);
      expect(codes(set)).toEqual(codes(one));
      expect(set.issues.map((issue) => issue.params?.domain)).toEqual(
        one.issues.map((issue) => issue.params?.domain),
      );
    }
  });
});

describe('scale: linear in records and declared edges', () => {
  test('10,000 records × 10,000 declared edges finish quickly', () => {
    const records = Array.from({ length: 10_000 }, (_, i) =>
      srv(`h${i}.contoso.com`, i % 2 ? 5061 : 443, 0, i % 3),
    );
    const edges = Array.from({ length: 10_000 }, (_, i) => `e${i}.contoso.com`);
    const started = performance.now();
    const result = evaluateFederationSrv('contoso.com', records, { accessEdgeFqdns: edges });
    const elapsed = performance.now() - started;
    expect(result.issues.length).toBeGreaterThan(10_000);
    // Loose bound (no flaky timing): quadratic work took minutes here.
    expect(elapsed).toBeLessThan(10_000);
    expect(JSON.stringify(result.issues[result.issues.length - 1]).length).toBeLessThan(2_000);
  });
});
