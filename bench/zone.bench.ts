// Issue 11 benchmark: parseZoneFile throughput (records/s and MB/s) on a generated 100,000-record
// zone (a mix of SRV, A, AAAA, CNAME, MX, TXT with quoted ';', relative and absolute names,
// blank owners, comments), plus a 1,000,000-record zone (the record cap) for scale and memory.
// Run: npm run bench (builds first), or npx tsx bench/zone.bench.ts
import { loadavg } from 'node:os';
import { parseZoneFile } from '../src/index.js';
import { machine, median, picker, seeded, WORDS } from './lib.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function makeZone(records: number, seed: number): string {
  const random = seeded(seed);
  const pick = picker(random);
  const lines = [
    '$ORIGIN contoso.com.',
    '$TTL 1h',
    '@ IN SOA ns1 hostmaster ( 1 1h 15m 1w 5m )',
    '  IN NS ns1',
    'ns1 IN A 198.51.100.1',
  ];
  let count = 2;
  for (let i = 0; count < records; i++) {
    const host = `${pick(WORDS)}-${i}`;
    switch (i % 6) {
      case 0:
        lines.push(`_sipfederationtls._tcp.${host} 3600 IN SRV 0 0 5061 sip.${host}.contoso.com.`);
        break;
      case 1:
        lines.push(
          `${host} IN A 198.51.${i & 255}.${(i >> 8) & 255}`,
          `  IN AAAA 2001:db8::${(i & 0xffff).toString(16)}`,
        );
        count++;
        break;
      case 2:
        lines.push(`${host} 300 IN CNAME sip.${pick(WORDS)}.contoso.com. ; alias`);
        break;
      case 3:
        lines.push(`${host} IN MX 10 mail.${host}`);
        break;
      case 4:
        lines.push(`${host} IN TXT "v=DMARC1; p=reject; rua=mailto:d@${host}.contoso.com" "x\\059y"`);
        break;
      default:
        lines.push(`${host}.contoso.com. 1D2h IN A 203.0.113.${i & 255}`);
    }
    count++;
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Median wall time and CPU time (user + system) of `rounds` parses. On a shared machine the CPU time
 * is the steadier number: other processes stretch the wall clock, not this process's CPU time.
 */
function measure(
  text: string,
  rounds: number,
): { ms: number; cpuMs: number; records: number; issues: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  let records = 0;
  let issues = 0;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = parseZoneFile(text, { origin: 'contoso.com' });
    const used = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
    records = result.records.length;
    issues = result.issues.length;
  }
  return { ms: median(times), cpuMs: median(cpu), records, issues };
}

const small = makeZone(100_000, 11);
measure(small, 2); // warm-up
const r = measure(small, ROUNDS);
const mb = Buffer.byteLength(small) / 1e6;
console.log(
  `100,000-record zone (${mb.toFixed(1)} MB): ${r.ms.toFixed(0)} ms median of ${ROUNDS} → ` +
    `${Math.round(r.records / (r.ms / 1000)).toLocaleString('en')} records/s, ${(mb / (r.ms / 1000)).toFixed(1)} MB/s ` +
    `(${r.records} records, ${r.issues} issues); CPU ${r.cpuMs.toFixed(0)} ms → ` +
    `${Math.round(r.records / (r.cpuMs / 1000)).toLocaleString('en')} records/CPU-s, ${(mb / (r.cpuMs / 1000)).toFixed(1)} MB/CPU-s`,
);

const big = makeZone(1_000_000, 12);
const heapBefore = process.memoryUsage().heapUsed;
const b = measure(big, 1);
const heapAfter = process.memoryUsage().heapUsed;
const bigMb = Buffer.byteLength(big) / 1e6;
console.log(
  `1,000,000-record zone (${bigMb.toFixed(1)} MB): ${b.ms.toFixed(0)} ms → ` +
    `${Math.round(b.records / (b.ms / 1000)).toLocaleString('en')} records/s, ${(bigMb / (b.ms / 1000)).toFixed(1)} MB/s; ` +
    `CPU ${b.cpuMs.toFixed(0)} ms; heap after ${(heapAfter / 1e6).toFixed(0)} MB (before ${(heapBefore / 1e6).toFixed(0)} MB)`,
);
console.log(`${machine()}, load average ${loadavg()[0]?.toFixed(1)}`);
