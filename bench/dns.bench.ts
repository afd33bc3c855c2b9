// Issue 4/13 benchmark: the live DNS checks of 500 SIP domains through runPreflight against the
// zone server on 127.0.0.1 answering every query after 20 ms, 16 queries in flight; compared with
// the floor of the questions the verdict needs (SRV, A, AAAA per domain) and with the same lookups
// done with node:dns's Resolver (c-ares) at the same concurrency.
// Run: npm run bench -- dns, or npx tsx bench/dns.bench.ts
import { promises as dnsPromises } from 'node:dns';
import { createResolver } from '../src/node/dns/resolver.js';
import { WaitQueue } from '../src/node/live/wait-queue.js';
import { runPreflight } from '../src/node/preflight/run.js';
import { startZoneServer, type ZoneRecordJson as ZoneRecord } from '../src/node/servers/zone-server.js';
import { machine, median } from './lib.js';

const DOMAINS = Number(process.env.BENCH_DOMAINS ?? 500);
const DELAY_MS = 20;
const CONCURRENCY = 16;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

// What the verdict needs for a correct domain whose target is sip.D: SRV _sipfederationtls._tcp.D,
// then A + AAAA sip.D. Related records (`related: true`) add SRV _sip._tls.D, A + AAAA sip.D (shared
// with the target by the per-run memo), A lyncdiscover.D, and the owner's wildcard probe.
const QUERIES_PER_DOMAIN = 3;

const domains = Array.from({ length: DOMAINS }, (_, i) => `bench${i}.com`);
const zone: ZoneRecord[] = domains.flatMap((d, i) => [
  {
    name: `_sipfederationtls._tcp.${d}`,
    type: 'SRV' as const,
    data: { priority: 0, weight: 0, port: 5061, target: `sip.${d}` },
  },
  { name: `sip.${d}`, type: 'A' as const, data: `198.51.100.${(i % 250) + 1}` },
]);
// One Access Edge serving every domain (its A/AAAA are the first domain's target: asked once).
const request = {
  agreementType: 'volume-licensing',
  agreementNumber: 'V7391046',
  accessEdgeFqdn: `sip.${domains[0]}`,
  sipDomains: domains,
};

/** A tiny limiter for the node:dns run, same shape as the library's. */
function limiter(limit: number) {
  let active = 0;
  const queue = new WaitQueue<() => void>();
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < limit) active++;
    else await new Promise<void>((resolve) => queue.push(resolve));
    try {
      return await task();
    } finally {
      const next = queue.shift();
      if (next) next();
      else active--;
    }
  };
}

async function main() {
  const server = await startZoneServer({ zone, delayMs: DELAY_MS });
  const floorMs = (DOMAINS * QUERIES_PER_DOMAIN * DELAY_MS) / CONCURRENCY;
  const queries = () => server.queries.udp + server.queries.tcp;

  const ours = (related: boolean) => async () => {
    const before = queries();
    const start = performance.now();
    const report = await runPreflight(request, {
      resolver: createResolver({ nameservers: [server.address], timeoutMs: 3000 }),
      concurrency: CONCURRENCY,
      deadlineMs: 60_000,
      related,
    });
    const elapsed = performance.now() - start;
    const bad = report.checks.filter((c) => c.id === 'srv' && c.status === 'fail').length;
    if (bad > 0) throw new Error(`${bad} domains failed`);
    return { elapsed, queries: queries() - before };
  };

  const nodeDns = async () => {
    const resolver = new dnsPromises.Resolver({ timeout: 3000, tries: 2 });
    resolver.setServers([server.address]);
    const limit = limiter(CONCURRENCY);
    const ask = (task: () => Promise<unknown>) => limit(() => task().catch(() => undefined));
    const before = queries();
    const start = performance.now();
    await Promise.all(
      domains.map(async (d) => {
        const srv = (await ask(() => resolver.resolveSrv(`_sipfederationtls._tcp.${d}`))) as {
          name: string;
        }[];
        const target = srv?.[0]?.name ?? `sip.${d}`;
        await Promise.all([ask(() => resolver.resolve4(target)), ask(() => resolver.resolve6(target))]);
      }),
    );
    return { elapsed: performance.now() - start, queries: queries() - before };
  };

  const runs: [string, () => Promise<{ elapsed: number; queries: number }>][] = [
    ['pic-preflight runPreflight (default: the verdict only)', ours(false)],
    ['pic-preflight runPreflight (related: true)', ours(true)],
    ['node:dns Resolver (c-ares), the same 3 lookups', nodeDns],
  ];
  const results = new Map<string, { times: number[]; queries: number; cpu: number[] }>();
  await ours(false)(); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of runs) {
      const cpuBefore = process.cpuUsage();
      const { elapsed, queries: asked } = await run();
      const cpu = process.cpuUsage(cpuBefore);
      const entry = results.get(name) ?? { times: [], queries: 0, cpu: [] };
      entry.times.push(elapsed);
      entry.cpu.push((cpu.user + cpu.system) / 1000);
      entry.queries = asked;
      results.set(name, entry);
    }
  }
  await server.close();

  console.log(`machine: ${machine()}`);
  console.log(
    `${DOMAINS} domains × ${QUERIES_PER_DOMAIN} queries × ${DELAY_MS} ms ÷ ${CONCURRENCY} in flight = floor ${floorMs.toFixed(0)} ms`,
  );
  // CPU is the whole process's: the zone server answering in the same process is included.
  console.log('| implementation | queries | median wall (ms) | × floor | median CPU (ms, with the server) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, { times, queries: asked, cpu }] of results) {
    const m = median(times);
    console.log(
      `| ${name} | ${asked} | ${m.toFixed(0)} | ${(m / floorMs).toFixed(2)} | ${median(cpu).toFixed(0)} |`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
