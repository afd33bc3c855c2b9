// RULES §8 new rows and §10 verdicts, with a fake resolver built on the DNS contract alone.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fakeWorld, rec } from '../../../test/helpers/live-fakes.js';
import type { Check } from '../../core/report/report-types.js';
import type { Issue } from '../../core/result.js';
import type { LookupOutcome, ServerView } from '../dns/types.js';
import { checkDomainFederation, type DomainReport, type LiveOptions } from './live.js';
import { nearMissNames } from './near-miss.js';

const OWNER = (d: string) => `_sipfederationtls._tcp.${d}`;
const find = (report: DomainReport, id: Check['id'], subject?: string): Check => {
  const found = report.checks.find((c) => c.id === id && (subject === undefined || c.subject === subject));
  if (!found) throw new Error(`no ${id} ${subject ?? ''}`);
  return found;
};
const codes = (check: Check) => check.issues.map((i) => i.code);
const issue = (check: Check, code: Issue['code']): Issue => {
  const found = check.issues.find((i) => i.code === code);
  if (!found) throw new Error(`no ${code} in ${codes(check).join(', ')}`);
  return found;
};
const run = (domain: string, world: ReturnType<typeof fakeWorld>, extra: LiveOptions = {}) =>
  checkDomainFederation(domain, { resolver: world.resolver, ...extra });

describe('RULES §8: outcome kinds that are not verdicts on the domain', () => {
  const referral: Partial<LookupOutcome> & { kind: 'referral' } = {
    kind: 'referral',
    zone: 'child.com',
    nameservers: ['ns1.child.com'],
    server: '127.0.0.1:53',
  };
  test.each([
    ['referral', referral, 'dns.referral'],
    ['resolution_limit', { kind: 'resolution_limit', limit: 'referrals' } as const, 'dns.resolution_limit'],
    [
      'malformed (truncated everywhere)',
      { kind: 'malformed', reason: 'truncated' } as const,
      'dns.malformed_response',
    ],
  ])('SRV lookup %s → %s, inconclusive, never srv.missing', async (_label, outcome, code) => {
    const report = await run('child.com', fakeWorld([], { [`SRV ${OWNER('child.com')}`]: outcome }));
    const srv = find(report, 'srv');
    expect(codes(srv)).toEqual([code]);
    expect(srv.status).toBe('inconclusive');
    expect(srv.issues[0]).toMatchObject({ severity: 'warning', inconclusive: true });
    // No near-miss lookups: nothing says the record is missing.
    expect(report.checks.map((c) => c.id)).toEqual(['srv']);
  });

  test('referral params name the zone and its name servers; the hint names --authoritative', async () => {
    const report = await run('child.com', fakeWorld([], { [`SRV ${OWNER('child.com')}`]: referral }));
    const found = issue(find(report, 'srv'), 'dns.referral');
    expect(found.params).toMatchObject({ zone: 'child.com', nameservers: 'ns1.child.com', type: 'SRV' });
    expect(found.hint).toContain('--authoritative');
  });

  test('a referral for the target: no dns.target_no_address (we could not ask)', async () => {
    const world = fakeWorld([rec.srv(OWNER('r.com'), 'sip.r.com')], {
      'A sip.r.com': referral,
      'AAAA sip.r.com': referral,
    });
    const target = find(await run('r.com', world), 'srv-target', 'sip.r.com');
    expect(codes(target)).toEqual(['dns.referral', 'dns.referral']);
    expect(target.status).toBe('inconclusive');
  });

  test('a CNAME loop at the owner is dns.cname_loop (E), with the chain', async () => {
    const world = fakeWorld([
      rec.cname(OWNER('loop.com'), 'a.loop.com'),
      rec.cname('a.loop.com', OWNER('loop.com')),
    ]);
    const srv = find(await run('loop.com', world), 'srv');
    expect(codes(srv)).toContain('dns.cname_loop');
    expect(srv.status).toBe('fail');
    expect(issue(srv, 'dns.cname_loop').inconclusive).toBeUndefined();
    expect(codes(srv)).not.toContain('srv.missing');
  });

  test('a chain longer than 8 links at the target is one dns.cname_loop, not "no address"', async () => {
    const chain = Array.from({ length: 10 }, (_, i) => rec.cname(`c${i}.long.com`, `c${i + 1}.long.com`));
    const world = fakeWorld([
      rec.srv(OWNER('long.com'), 'c0.long.com'),
      ...chain,
      rec.a('c10.long.com', '198.51.100.1'),
    ]);
    const target = find(await run('long.com', world), 'srv-target', 'c0.long.com');
    expect(codes(target).filter((c) => c === 'dns.cname_loop')).toHaveLength(1);
    expect(codes(target)).not.toContain('dns.target_no_address');
    expect(target.status).toBe('fail');
  });
});

describe('RULES §8 srv.owner_is_alias', () => {
  test('the owner is a CNAME to a name with the SRV record: W, alias in the evidence, records checked', async () => {
    const world = fakeWorld([
      rec.cname(OWNER('al.com'), 'fed.hosting.net'),
      rec.srv('fed.hosting.net', 'sip.al.com'),
      rec.a('sip.al.com', '198.51.100.2'),
    ]);
    const srv = find(await run('al.com', world), 'srv');
    expect(codes(srv)).toEqual(['srv.owner_is_alias']);
    expect(issue(srv, 'srv.owner_is_alias').params).toMatchObject({
      owner: OWNER('al.com'),
      alias: 'fed.hosting.net',
    });
    expect(srv.evidence?.aliases).toEqual([`${OWNER('al.com')} CNAME fed.hosting.net`]);
    expect(srv.status).toBe('warn');
  });

  test('an alias whose end has no SRV: srv.missing names the alias target, never an SRV beside the CNAME', async () => {
    const world = fakeWorld([
      rec.cname(OWNER('al2.com'), 'fed.hosting.net'),
      rec.a('fed.hosting.net', '198.51.100.3'),
    ]);
    const srv = find(await run('al2.com', world), 'srv');
    expect(codes(srv)).toEqual(['srv.owner_is_alias', 'srv.missing']);
    const missing = issue(srv, 'srv.missing');
    expect(missing.params).toMatchObject({ alias: 'fed.hosting.net', rcode: 'NOERROR' });
    expect(missing.hint).toContain('fed.hosting.net. 3600 IN SRV 0 0 5061 sip.al2.com.');
    expect(missing.hint).not.toContain(`${OWNER('al2.com')}. 3600 IN SRV`);
  });
});

describe('RULES §8 dns.wildcard_answer', () => {
  test('a near-miss name answered only by a wildcard is not a near miss', async () => {
    const world = fakeWorld([rec.srv('*._udp.w.com', 'sip.w.com')]);
    const srv = find(await run('w.com', world), 'srv');
    expect(codes(srv)).toEqual(['srv.missing', 'dns.wildcard_answer']);
    expect(issue(srv, 'dns.wildcard_answer').params).toEqual({
      name: '_sipfederationtls._udp.w.com',
      wildcard: '*._udp.w.com',
    });
    expect(srv.evidence?.nearMisses).toBeUndefined();
  });

  test('a real near miss beside a wildcard with other records is still a near miss', async () => {
    const world = fakeWorld([
      rec.srv('*._udp.w2.com', 'other.w2.com', 5060),
      rec.srv('_sipfederationtls._udp.w2.com', 'sip.w2.com'),
    ]);
    const srv = find(await run('w2.com', world), 'srv');
    expect(codes(srv)).toEqual(['srv.missing', 'srv.near_miss']);
  });

  test('a failing owner answered by a wildcard says so (the fix is the wildcard)', async () => {
    const world = fakeWorld([
      rec.srv('*._tcp.w3.com', 'sip.w3.com', 443),
      rec.a('sip.w3.com', '198.51.100.4'),
    ]);
    const srv = find(await run('w3.com', world), 'srv');
    expect(codes(srv)).toEqual(['srv.wrong_port', 'dns.wildcard_answer']);
  });

  test('a passing owner is wildcard-checked only with `related` (it costs a question)', async () => {
    const world = fakeWorld([rec.srv('*._tcp.w4.com', 'sip.w4.com'), rec.a('sip.w4.com', '198.51.100.5')]);
    expect(codes(find(await run('w4.com', world), 'srv'))).toEqual([]);
    expect(codes(find(await run('w4.com', world, { related: true }), 'srv'))).toEqual([
      'dns.wildcard_answer',
    ]);
  });

  test('property: srv.near_miss exactly for near-miss names with records of their own', async () => {
    const names = nearMissNames('p.com');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        async (exact, wildcard) => {
          const records = names.flatMap((name, i) => {
            const parent = name.slice(name.indexOf('.') + 1);
            return [
              ...(exact[i] ? [rec.srv(name, `own${i}.p.com`)] : []),
              ...(wildcard[i] ? [rec.srv(`*.${parent}`, `wild${i}.p.com`)] : []),
            ];
          });
          const srv = find(await run('p.com', fakeWorld(records)), 'srv');
          const near = srv.issues.filter((i) => i.code === 'srv.near_miss').map((i) => i.params?.name);
          // A wildcard *._tcp.p.com answers the owner itself: then nothing is missing.
          expect(near).toEqual(wildcard[2] ? [] : names.filter((_, i) => exact[i]));
          expect(codes(srv).includes('srv.missing')).toBe(!wildcard[2]);
        },
      ),
      { seed: 1010, numRuns: 64 },
    );
  });
});

describe('RULES §7 through the live check: the verdict does not depend on answer order', () => {
  test('property: any order of the same records gives the same codes', async () => {
    const base = [
      rec.srv(OWNER('o.com'), 'sip.o.com', 5061, 10),
      rec.srv(OWNER('o.com'), 'sip2.o.com', 5060, 20),
      rec.srv(OWNER('o.com'), 'sip.o-edge.com', 5061, 30),
      rec.a('sip.o.com', '198.51.100.6'),
      rec.a('sip2.o.com', '10.0.0.6'),
      rec.a('sip.o-edge.com', '198.51.100.7'),
    ];
    const sorted = (report: DomainReport) =>
      report.checks.map((c) => `${c.id} ${c.subject}: ${codes(c).sort().join(',')}`).sort();
    const expected = sorted(await run('o.com', fakeWorld(base)));
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(base, { minLength: base.length }), async (order) => {
        expect(sorted(await run('o.com', fakeWorld(order)))).toEqual(expected);
      }),
      { seed: 707, numRuns: 40 },
    );
  });
});

const view = (
  server: string,
  outcome: ServerView['outcome'],
  records: ServerView['records'] = [],
): ServerView => ({
  server,
  zone: 'auth.com',
  outcome,
  ...(outcome === 'answer' ? { records } : {}),
  ...(outcome === 'lame' ? { lameReason: 'no_aa' } : {}),
});

describe('RULES §10 authoritative verdicts', () => {
  const good = [rec.srv(OWNER('auth.com'), 'sip.auth.com')];
  const records = [...good, rec.a('sip.auth.com', '198.51.100.8')];

  test('dns.lame_server W per lame server; evidence shows each server', async () => {
    const world = fakeWorld(
      records,
      {},
      {
        [`SRV ${OWNER('auth.com')}`]: [view('192.0.2.1:53', 'answer', good), view('192.0.2.2:53', 'lame')],
      },
    );
    const srv = find(await run('auth.com', world), 'srv');
    expect(codes(srv)).toEqual(['dns.lame_server']);
    expect(issue(srv, 'dns.lame_server')).toMatchObject({
      severity: 'warning',
      params: { server: '192.0.2.2:53' },
    });
    const resolution = srv.evidence?.resolution as { source: string; lookups: { servers: unknown[] }[] };
    expect(resolution.source).toBe('authoritative');
    expect(resolution.lookups[0]!.servers).toHaveLength(2);
  });

  test('a server lame for both A and AAAA of a target is one dns.lame_server', async () => {
    const lameViews = [
      view('192.0.2.1:53', 'answer', [rec.a('sip.auth.com', '198.51.100.8')]),
      view('192.0.2.2:53', 'lame'),
    ];
    const world = fakeWorld(
      records,
      {},
      {
        'A sip.auth.com': lameViews,
        'AAAA sip.auth.com': [view('192.0.2.1:53', 'nodata'), view('192.0.2.2:53', 'lame')],
      },
    );
    const target = find(await run('auth.com', world), 'srv-target', 'sip.auth.com');
    expect(codes(target)).toEqual(['dns.lame_server']);
  });

  test('dns.lame_server E when no server of the zone answers authoritatively (a verdict)', async () => {
    const world = fakeWorld(
      [],
      { [`SRV ${OWNER('auth.com')}`]: { kind: 'server_failure', rcode: 'SERVFAIL', rcodeValue: 2 } },
      {
        [`SRV ${OWNER('auth.com')}`]: [view('192.0.2.1:53', 'lame'), view('192.0.2.2:53', 'lame')],
      },
    );
    const srv = find(await run('auth.com', world), 'srv');
    expect(srv.issues.filter((i) => i.code === 'dns.lame_server').map((i) => i.severity)).toEqual([
      'error',
      'error',
    ]);
    // A verdict, not "could not ask": the SERVFAIL of that lookup is not reported as well.
    expect(codes(srv)).toEqual(['dns.lame_server', 'dns.lame_server']);
    expect(srv.status).toBe('fail');
  });

  test('dns.inconsistent_servers W when every answer set passes', async () => {
    const other = [rec.srv(OWNER('auth.com'), 'sip.auth.com', 5061, 0, 10)];
    const world = fakeWorld(
      records,
      {},
      {
        [`SRV ${OWNER('auth.com')}`]: [
          view('192.0.2.1:53', 'answer', good),
          view('192.0.2.2:53', 'answer', other),
        ],
      },
    );
    const srv = find(await run('auth.com', world), 'srv');
    expect(codes(srv)).toEqual(['dns.inconsistent_servers']);
    expect(issue(srv, 'dns.inconsistent_servers')).toMatchObject({
      severity: 'warning',
      params: { sets: 2 },
    });
  });

  test('dns.inconsistent_servers E when one server fails a rule another passes; the failing issue names it', async () => {
    const stale = [rec.srv(OWNER('auth.com'), 'sip.auth.com', 5060)];
    const world = fakeWorld(
      records,
      {},
      {
        [`SRV ${OWNER('auth.com')}`]: [
          view('192.0.2.1:53', 'answer', good),
          view('192.0.2.3:53', 'answer', good),
          view('192.0.2.2:53', 'answer', stale),
        ],
      },
    );
    const srv = find(await run('auth.com', world), 'srv');
    expect(codes(srv).sort()).toEqual(['dns.inconsistent_servers', 'srv.wrong_port']);
    expect(issue(srv, 'srv.wrong_port').params?.servers).toBe('192.0.2.2:53');
    expect(issue(srv, 'dns.inconsistent_servers').severity).toBe('error');
  });

  test('a stale server naming another target: that target is checked too, its failure names the server, E', async () => {
    const stale = [rec.srv(OWNER('auth.com'), 'old.auth.com')];
    const world = fakeWorld(
      records,
      {},
      {
        [`SRV ${OWNER('auth.com')}`]: [
          view('192.0.2.1:53', 'answer', good),
          view('192.0.2.2:53', 'answer', stale),
        ],
      },
    );
    const report = await run('auth.com', world);
    const old = find(report, 'srv-target', 'old.auth.com');
    expect(codes(old)).toEqual(['dns.target_no_address']);
    expect(old.issues[0]!.params?.servers).toBe('192.0.2.2:53');
    expect(old.evidence?.servers).toEqual(['192.0.2.2:53']);
    const srv = find(report, 'srv');
    expect(issue(srv, 'dns.inconsistent_servers').severity).toBe('error');
    expect(srv.status).toBe('fail');
  });

  test('answers that differ only in order and TTL are consistent', async () => {
    const two = [
      rec.srv(OWNER('auth.com'), 'sip.auth.com'),
      rec.srv(OWNER('auth.com'), 'sip2.auth.com', 5061, 5),
    ];
    const reordered = [
      { ...two[1]!, ttl: 1 },
      { ...two[0]!, ttl: 99 },
    ];
    const world = fakeWorld(
      [...records, ...two.slice(1), rec.a('sip2.auth.com', '198.51.100.9')],
      {},
      {
        [`SRV ${OWNER('auth.com')}`]: [
          view('192.0.2.1:53', 'answer', two),
          view('192.0.2.2:53', 'answer', reordered),
        ],
      },
    );
    expect(codes(find(await run('auth.com', world), 'srv'))).toEqual([]);
  });

  test('inconsistent A answers: E when one server gives only a private address', async () => {
    const world = fakeWorld(
      records,
      {},
      {
        'A sip.auth.com': [
          view('192.0.2.1:53', 'answer', [rec.a('sip.auth.com', '198.51.100.8')]),
          view('192.0.2.2:53', 'answer', [rec.a('sip.auth.com', '10.1.1.1')]),
        ],
      },
    );
    const target = find(await run('auth.com', world), 'srv-target', 'sip.auth.com');
    expect(codes(target).sort()).toEqual(['dns.inconsistent_servers', 'dns.private_address']);
    expect(issue(target, 'dns.private_address').params?.servers).toBe('192.0.2.2:53');
    expect(target.status).toBe('fail');
  });

  describe('dns.split_view', () => {
    const inside = fakeWorld([
      rec.srv(OWNER('auth.com'), 'sip-int.auth.com'),
      rec.a('sip.auth.com', '10.0.0.8'),
    ]);
    const outside = fakeWorld(
      records,
      {},
      { [`SRV ${OWNER('auth.com')}`]: [view('192.0.2.1:53', 'answer', good)] },
    );

    test('W on each question whose answers differ, with both views in the evidence', async () => {
      const report = await run('auth.com', outside, {
        resolution: 'authoritative',
        compareResolver: inside.resolver,
      });
      const srv = find(report, 'srv');
      expect(codes(srv)).toEqual(['dns.split_view']);
      expect(srv.evidence?.views).toEqual([
        {
          name: OWNER('auth.com'),
          type: 'SRV',
          inside: { kind: 'answer', records: ['SRV 0 0 5061 sip-int.auth.com.'] },
          outside: { kind: 'answer', records: ['SRV 0 0 5061 sip.auth.com.'] },
        },
      ]);
      const target = find(report, 'srv-target', 'sip.auth.com');
      expect(codes(target)).toEqual(['dns.split_view']);
      expect(issue(target, 'dns.split_view').params).toMatchObject({
        inside: 'A 10.0.0.8',
        outside: 'A 198.51.100.8',
      });
    });

    test('none with compareRecursive: false, and none when the views agree (as sets)', async () => {
      const off = await run('auth.com', outside, {
        resolution: 'authoritative',
        compareResolver: inside.resolver,
        compareRecursive: false,
      });
      expect(off.checks.flatMap(codes)).not.toContain('dns.split_view');
      const same = fakeWorld(records.map((r) => ({ ...r, ttl: 5 })));
      const agree = await run('auth.com', outside, {
        resolution: 'authoritative',
        compareResolver: same.resolver,
      });
      expect(agree.checks.flatMap(codes)).not.toContain('dns.split_view');
    });
  });
});

describe('RULES §10 sources: one factory, the checks do not know which source answered', () => {
  test('authoritative mode with an unreachable private root: inconclusive, never a verdict', async () => {
    const report = await checkDomainFederation('x.com', {
      resolution: 'authoritative',
      rootServers: ['127.0.0.1:9'],
      compareRecursive: false,
      timeoutMs: 200,
    });
    const srv = find(report, 'srv');
    expect(srv.status).toBe('inconclusive');
    expect(srv.issues.every((i) => i.inconclusive === true)).toBe(true);
    expect(codes(srv)).not.toContain('srv.missing');
  });
});

describe('issue 13: the query budget', () => {
  test('an SRV set with 2,300 distinct unanswered targets stays within the budget', async () => {
    const targets = Array.from({ length: 2300 }, (_, i) => rec.srv(OWNER('h.com'), `t${i}.h.com`));
    const timeouts = Object.fromEntries(
      targets.flatMap((t) => [
        [`A ${(t as { target: string }).target}`, { kind: 'timeout' as const, timeoutMs: 1 }],
        [`AAAA ${(t as { target: string }).target}`, { kind: 'timeout' as const, timeoutMs: 1 }],
      ]),
    );
    const world = fakeWorld(targets, timeouts);
    const report = await run('h.com', world, { queryBudget: 300 });
    expect(world.asked.length).toBeLessThanOrEqual(300);
    const limited = report.checks.flatMap((c) => c.issues).filter((i) => i.code === 'dns.resolution_limit');
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]).toMatchObject({ inconclusive: true, params: { limit: 'queries' } });
  });

  test('the default budget of one domain is 20 + 1000 questions', async () => {
    const targets = Array.from({ length: 2300 }, (_, i) => rec.srv(OWNER('h2.com'), `t${i}.h2.com`));
    const world = fakeWorld(targets);
    await run('h2.com', world);
    expect(world.asked.length).toBe(1020);
  });
});

describe('odd numeric options never hang or lift the limits', () => {
  test.each([Number.NaN, -5, 0])('concurrency %s still runs; queryBudget %s still bounds', async (odd) => {
    const targets = Array.from({ length: 50 }, (_, i) => rec.srv(OWNER('n.com'), `t${i}.n.com`));
    const world = fakeWorld(targets);
    const report = await run('n.com', world, { concurrency: odd, queryBudget: odd });
    expect(report.checks.length).toBeGreaterThan(1);
    expect(world.asked.length).toBeLessThanOrEqual(Number.isNaN(odd) ? 1020 : 1);
  });
});
