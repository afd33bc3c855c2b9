// Issue 13 benchmark: evaluateFederationSrv on 10,000 SRV records × 10,000 declared Access Edge
// FQDNs (every target undeclared: the worst case of srv.target_not_declared_edge), one run in a
// fresh process: CPU time, the growth of the process's peak memory, the size of the JSON result.
// Run: npx tsx bench/federation.bench.ts (BENCH_SIZE to change 10,000; BENCH_SRC for another tree).
import { evaluateFederationSrv } from '../src/index.js';
import { machine } from './lib.js';

const SIZE = Number(process.env.BENCH_SIZE ?? 10_000);
const records = Array.from({ length: SIZE }, (_, i) => ({
  priority: i % 3,
  weight: i % 5,
  port: i % 2 === 0 ? 5061 : 443,
  target: `h${i}.contoso.com`,
}));
const edges = Array.from({ length: SIZE }, (_, i) => `edge${i}.contoso.com`);

const rssBefore = process.resourceUsage().maxRSS;
const cpuBefore = process.cpuUsage();
const result = evaluateFederationSrv('contoso.com', records, { accessEdgeFqdns: edges });
const cpu = process.cpuUsage(cpuBefore);
const rssAfter = process.resourceUsage().maxRSS;
let json: string;
try {
  json = `JSON ${(JSON.stringify(result).length / 1e6).toFixed(1)} MB`;
} catch (error) {
  json = `JSON impossible (${(error as Error).message})`;
}
console.log(
  `evaluateFederationSrv ${SIZE.toLocaleString('en-US')} records × ${SIZE.toLocaleString('en-US')} edges: ` +
    `${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU, peak memory +${((rssAfter - rssBefore) / 1024).toFixed(0)} MB, ` +
    `${result.issues.length.toLocaleString('en-US')} issues, ${json}`,
);
console.log(`Machine: ${machine()}`);
