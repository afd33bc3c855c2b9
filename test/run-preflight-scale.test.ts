// Issue 13: runPreflight is bounded at any size — O(1) queue operations, scheduled work that lets
// the deadline timer fire, no spread or recursion growing with input, a per-run query budget.
import { describe, expect, test } from 'vitest';
import type { Report } from '../src/core/report/report-types.js';
import { checkProvisioningRequest } from '../src/core/request/request.js';
import type { LookupOutcome, RecordType, Resolver } from '../src/node/dns/types.js';
import { WaitQueue } from '../src/node/live/wait-queue.js';
import { runPreflight } from '../src/node/preflight/run.js';

const request = (count: number) => ({
  agreementType: 'volume-licensing',
  agreementNumber: 'V7391046',
  accessEdgeFqdn: 'sip.fabrikam.com',
  sipDomains: Array.from({ length: count }, (_, i) => `d${i}.fabrikam.com`),
});

/** Answers at once (a microtask): without yielding, a run would starve the deadline timer. */
const instant: Resolver = {
  lookup: async (name: string, type: RecordType): Promise<LookupOutcome> =>
    type === 'SRV'
      ? {
          name,
          type,
          kind: 'answer',
          records: [
            { type: 'SRV', name, ttl: 1, priority: 0, weight: 0, port: 5061, target: 'sip.fabrikam.com' },
          ],
          aliases: [],
        }
      : {
          name,
          type,
          kind: 'answer',
          records: [{ type: 'A', name, ttl: 1, address: '198.51.100.1' }],
          aliases: [],
        },
};
/** Never settles and ignores aborts. */
const never: Resolver = { lookup: () => new Promise<LookupOutcome>(() => {}) };

const srvChecks = (report: Report) => report.checks.filter((c) => c.id === 'srv');

describe('runPreflight at scale, deadlineMs 1000', () => {
  test.each([
    ['answers at once', instant],
    ['never answers', never],
  ])(
    '100,000 SIP domains, a resolver that %s: resolves well within 10 s, one srv check per domain',
    async (_label, resolver) => {
      // The offline rules alone take a while at this size (the core's cost, not the live checks'):
      // the deadline counts from the call, so the run ends by max(deadline, offline time) + a constant.
      const given = request(100_000);
      const offlineStart = performance.now();
      checkProvisioningRequest(given);
      const offline = performance.now() - offlineStart;
      const start = performance.now();
      const report = await runPreflight(given, { resolver, deadlineMs: 1000 });
      const elapsed = performance.now() - start;
      expect(elapsed).toBeLessThan(10_000);
      expect(elapsed).toBeLessThan(Math.max(1000, offline) + 5000); // loose: the machine may be loaded (no flaky timing)
      const srv = srvChecks(report);
      expect(srv).toHaveLength(100_000);
      // Every domain is either checked or cut off, never lost; the cut-off ones are inconclusive.
      for (const check of srv) {
        if (check.issues.some((i) => i.code === 'dns.deadline_exceeded'))
          expect(check.status).toBe('inconclusive');
      }
      expect(report.summary.inconclusive).toBeGreaterThan(0);
    },
    30_000,
  );

  test('time grows about linearly: 100,000 domains cost no more than 20× what 10,000 do (plus slack)', async () => {
    const time = async (count: number) => {
      const start = performance.now();
      await runPreflight(request(count), { resolver: never, deadlineMs: 200 });
      return performance.now() - start;
    };
    const small = await time(10_000);
    const large = await time(100_000);
    expect(large).toBeLessThan(small * 20 + 2000);
  }, 30_000);

  test('the query budget holds whatever the zone returns (stated default 20 × names + 1000)', async () => {
    let asked = 0;
    const hostile: Resolver = {
      async lookup(name, type) {
        asked++;
        if (type !== 'SRV') return { name, type, kind: 'timeout', timeoutMs: 1 };
        const records = Array.from({ length: 2300 }, (_, i) => ({
          type: 'SRV' as const,
          name,
          ttl: 1,
          priority: 0,
          weight: 0,
          port: 5061,
          target: `t${i}.${name.split('.').slice(2).join('.')}`,
        }));
        return { name, type, kind: 'answer', records, aliases: [] };
      },
    };
    const report = await runPreflight(request(3), { resolver: hostile, deadlineMs: 20_000 });
    expect(asked).toBeLessThanOrEqual(20 * 4 + 1000);
    expect(report.checks.flatMap((c) => c.issues).some((i) => i.code === 'dns.resolution_limit')).toBe(true);
  }, 30_000);
});

describe('WaitQueue: O(1) FIFO', () => {
  test('keeps order across compaction, and a million pushes and shifts are quick', () => {
    const queue = new WaitQueue<number>();
    const out: number[] = [];
    for (let i = 0; i < 5000; i++) queue.push(i);
    for (let i = 0; i < 3000; i++) out.push(queue.shift()!);
    for (let i = 5000; i < 6000; i++) queue.push(i);
    while (queue.size > 0) out.push(queue.shift()!);
    expect(out).toEqual(Array.from({ length: 6000 }, (_, i) => i));
    expect(queue.shift()).toBeUndefined();
    const start = performance.now();
    for (let i = 0; i < 1_000_000; i++) queue.push(i);
    for (let i = 0; i < 1_000_000; i++) queue.shift();
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
