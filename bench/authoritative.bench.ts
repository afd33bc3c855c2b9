// Issue 10 benchmark: authoritative mode over 500 SIP domains under one TLD, on a loopback hierarchy
// (the zone server on 127.0.20.x: a root, the com server, two name servers hosting every domain's
// zone), every answer after 20 ms, 16 domains in flight. Per domain the federation questions:
// SRV _sipfederationtls._tcp.D, then A of its target sip.D — each asked of BOTH servers of D's zone.
// Counts exchanges per domain and per server, and compares the wall time with the floor
// (needed queries × latency ÷ concurrency). A second run with a fresh resolver per domain (no
// delegation cache) shows what the cache saves.
// Run: npm run bench -- authoritative, or npx tsx bench/authoritative.bench.ts
import { createAuthoritativeResolver } from '../src/node/dns/authoritative/resolver.js';
import { createExchanger } from '../src/node/dns/exchange.js';
import type { Exchanger, Resolver } from '../src/node/dns/types.js';
import {
  type HierarchyRecord,
  type HierarchyServer,
  startHierarchy,
} from '../src/node/servers/hierarchy-server.js';
import { machine, median } from './lib.js';

const DOMAINS = Number(process.env.BENCH_DOMAINS ?? 500);
const DELAY_MS = 20;
const CONCURRENCY = 16;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const ROOT = '127.0.20.1';
const COM = '127.0.20.2';
const NS1 = '127.0.20.11';
const NS2 = '127.0.20.12';

/**
 * Needed exchanges per domain, whatever the resolver: the com referral (1), the SRV from each of
 * the zone's 2 servers (2), the zone's apex NS set (1, RULES §10 asks the apex's servers too), the
 * target's A from each server (2). The root is needed once for the whole run.
 */
const NEEDED_PER_DOMAIN = 6;

const domains = Array.from({ length: DOMAINS }, (_, i) => `sip-domain-${i}.com`);

function hierarchy(): HierarchyServer[] {
  const ns = (name: string, data: string): HierarchyRecord => ({ name, type: 'NS', data });
  const a = (name: string, data: string): HierarchyRecord => ({ name, type: 'A', data });
  const zoneOf = (d: string, i: number) => ({
    origin: d,
    records: [
      ns(d, `ns1.${d}`),
      ns(d, `ns2.${d}`),
      a(`ns1.${d}`, NS1),
      a(`ns2.${d}`, NS2),
      {
        name: `_sipfederationtls._tcp.${d}`,
        type: 'SRV' as const,
        data: { priority: 0, weight: 0, port: 5061, target: `sip.${d}` },
      },
      a(`sip.${d}`, `198.51.100.${(i % 250) + 1}`),
    ],
  });
  return [
    { host: ROOT, zones: [{ origin: '', records: [ns('com', 'ns1.nic.com'), a('ns1.nic.com', COM)] }] },
    {
      host: COM,
      zones: [
        {
          origin: 'com',
          records: [
            ns('com', 'ns1.nic.com'),
            a('ns1.nic.com', COM),
            ...domains.flatMap((d) => [
              ns(d, `ns1.${d}`),
              ns(d, `ns2.${d}`),
              a(`ns1.${d}`, NS1),
              a(`ns2.${d}`, NS2),
            ]),
          ],
        },
      ],
    },
    { host: NS1, zones: domains.map(zoneOf) },
    { host: NS2, zones: domains.map(zoneOf) },
  ];
}

/** Counts exchanges and the most in flight at once. */
function counting(inner: Exchanger) {
  const stats = { exchanges: 0, inFlight: 0, maxInFlight: 0 };
  const exchanger: Exchanger = {
    async exchange(server, name, type, options) {
      stats.exchanges++;
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      try {
        return await inner.exchange(server, name, type, options);
      } finally {
        stats.inFlight--;
      }
    },
  };
  return { exchanger, stats };
}

async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

async function main() {
  const servers = await startHierarchy(hierarchy(), { delayMs: DELAY_MS });
  const options = { rootServers: [servers.address(ROOT)], port: servers.port, timeoutMs: 3000 };
  const floorMs = ((DOMAINS * NEEDED_PER_DOMAIN + 1) * DELAY_MS) / CONCURRENCY;

  const run = async (cached: boolean) => {
    const { exchanger, stats } = counting(createExchanger({ timeoutMs: 3000 }));
    const shared = createAuthoritativeResolver({ ...options, exchanger });
    const logStart = servers.log.length;
    let bad = 0;
    const start = performance.now();
    await pool(domains, CONCURRENCY, async (d) => {
      const resolver: Resolver = cached ? shared : createAuthoritativeResolver({ ...options, exchanger });
      const srv = await resolver.lookup(`_sipfederationtls._tcp.${d}`, 'SRV');
      const target =
        srv.kind === 'answer' && srv.records[0]?.type === 'SRV' ? srv.records[0].target : `sip.${d}`;
      const address = await resolver.lookup(target, 'A');
      if (srv.kind !== 'answer' || address.kind !== 'answer' || srv.servers?.length !== 2) bad++;
    });
    const elapsed = performance.now() - start;
    if (bad > 0) throw new Error(`${bad} domains did not resolve`);
    const log = servers.log.slice(logStart).filter((q) => q.transport === 'udp');
    const at = (host: string) => log.filter((q) => q.host === host).length;
    return { elapsed, stats, root: at(ROOT), com: at(COM), ns1: at(NS1), ns2: at(NS2) };
  };

  const rows: { label: string; times: number[]; last?: Awaited<ReturnType<typeof run>> }[] = [
    { label: 'delegations cached (one resolver)', times: [] },
    { label: 'no cache (a resolver per domain)', times: [] },
  ];
  await run(true); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, row] of rows.entries()) {
      const result = await run(i === 0);
      row.times.push(result.elapsed);
      row.last = result;
    }
  }
  await servers.close();

  console.log(`machine: ${machine()}`);
  console.log(
    `${DOMAINS} domains × ${NEEDED_PER_DOMAIN} needed queries (+1 root) × ${DELAY_MS} ms ÷ ${CONCURRENCY} in flight = floor ${floorMs.toFixed(0)} ms`,
  );
  console.log(
    '| run | queries | per domain | root | com | ns1 | ns2 | max in flight | median wall (ms) | × floor |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { label, times, last } of rows) {
    if (!last) continue;
    const m = median(times);
    console.log(
      `| ${label} | ${last.stats.exchanges} | ${(last.stats.exchanges / DOMAINS).toFixed(2)} | ${last.root} | ${last.com} | ${last.ns1} | ${last.ns2} | ${last.stats.maxInFlight} | ${m.toFixed(0)} | ${(m / floorMs).toFixed(2)} |`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
