// Issue 4 benchmark: the live DNS checks of 500 SIP domains against the zone server on 127.0.0.1
// answering every query after 20 ms, 16 queries in flight; compared with the floor and with the same
// lookups done with node:dns's Resolver (c-ares) at the same concurrency.
// Run: npm run bench -- dns, or npx tsx bench/dns.bench.ts
import { promises as dnsPromises } from 'node:dns';
import { createResolver } from '../src/node/dns/resolver.js';
import { checkDomainWith, createLiveContext } from '../src/node/live/live.js';
import { startZoneServer, type ZoneRecordJson as ZoneRecord } from '../src/node/servers/zone-server.js';
import { machine, median } from './lib.js';

const DOMAINS = Number(process.env.BENCH_DOMAINS ?? 500);
const DELAY_MS = 20;
const CONCURRENCY = 16;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

// What checkDomainFederation asks for a correct domain whose target is sip.D (every answer arrives
// after 20 ms): SRV _sipfederationtls._tcp.D, A + AAAA sip.D (the target; shared with the related
// sip.D lookups by the per-run memo), SRV _sip._tls.D and A lyncdiscover.D (related, NXDOMAIN).
const QUERIES_PER_DOMAIN = 5;

const domains = Array.from({ length: DOMAINS }, (_, i) => `bench${i}.com`);
const zone: ZoneRecord[] = domains.flatMap((d, i) => [
  {
    name: `_sipfederationtls._tcp.${d}`,
    type: 'SRV' as const,
    data: { priority: 0, weight: 0, port: 5061, target: `sip.${d}` },
  },
  { name: `sip.${d}`, type: 'A' as const, data: `198.51.100.${(i % 250) + 1}` },
]);

/** A tiny limiter shared by the node:dns run, same shape as the library's. */
function limiter(limit: number) {
  let active = 0;
  const queue: (() => void)[] = [];
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

  const ours = async () => {
    const before = server.queries.udp + server.queries.tcp;
    const context = createLiveContext({
      resolver: createResolver({ nameservers: [server.address], timeoutMs: 3000 }),
      concurrency: CONCURRENCY,
    });
    const start = performance.now();
    const reports = await Promise.all(domains.map((d) => checkDomainWith(context, d)));
    const elapsed = performance.now() - start;
    const bad = reports.filter((r) => r.status !== 'pass').length;
    if (bad > 0) throw new Error(`${bad} domains did not pass`);
    return { elapsed, queries: server.queries.udp + server.queries.tcp - before };
  };

  const nodeDns = async () => {
    const resolver = new dnsPromises.Resolver({ timeout: 3000, tries: 2 });
    resolver.setServers([server.address]);
    const limit = limiter(CONCURRENCY);
    const ask = (task: () => Promise<unknown>) => limit(() => task().catch(() => undefined));
    const before = server.queries.udp + server.queries.tcp;
    const start = performance.now();
    await Promise.all(
      domains.map(async (d) => {
        const related = Promise.all([
          ask(() => resolver.resolveSrv(`_sip._tls.${d}`)),
          ask(() => resolver.resolve4(`lyncdiscover.${d}`)),
        ]);
        const srv = (await ask(() => resolver.resolveSrv(`_sipfederationtls._tcp.${d}`))) as {
          name: string;
        }[];
        const target = srv?.[0]?.name ?? `sip.${d}`;
        await Promise.all([
          ask(() => resolver.resolve4(target)),
          ask(() => resolver.resolve6(target)),
          related,
        ]);
      }),
    );
    return { elapsed: performance.now() - start, queries: server.queries.udp + server.queries.tcp - before };
  };

  const results: Record<string, { times: number[]; queries: number }> = {
    'pic-preflight (checkDomainWith, dns2 codec)': { times: [], queries: 0 },
    'node:dns Resolver (c-ares), same lookups': { times: [], queries: 0 },
  };
  await ours(); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    const a = await ours();
    results['pic-preflight (checkDomainWith, dns2 codec)']!.times.push(a.elapsed);
    results['pic-preflight (checkDomainWith, dns2 codec)']!.queries = a.queries;
    const b = await nodeDns();
    results['node:dns Resolver (c-ares), same lookups']!.times.push(b.elapsed);
    results['node:dns Resolver (c-ares), same lookups']!.queries = b.queries;
  }
  await server.close();

  console.log(`machine: ${machine()}`);
  console.log(
    `${DOMAINS} domains × ${QUERIES_PER_DOMAIN} queries × ${DELAY_MS} ms ÷ ${CONCURRENCY} in flight = floor ${floorMs.toFixed(0)} ms`,
  );
  console.log('| implementation | queries | median wall (ms) | × floor |');
  console.log('|---|---:|---:|---:|');
  for (const [name, { times, queries }] of Object.entries(results)) {
    const m = median(times);
    console.log(`| ${name} | ${queries} | ${m.toFixed(0)} | ${(m / floorMs).toFixed(2)} |`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
