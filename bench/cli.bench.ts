// Issue 5 benchmark: cold start of the built command. Each case spawns a fresh `node` N times, one
// after the other, and reports the median and p90 wall time next to `node -e 0` (the floor).
// Run: npm run bench -- cli (builds first), or npx tsx bench/cli.bench.ts after npm run build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { machine, quantile } from './lib.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const CLI = join('dist', 'cli.js');
if (!existsSync(CLI)) {
  console.error('dist/cli.js is missing: run npm run build first');
  process.exit(1);
}

const cases: { name: string; args: string[] }[] = [
  { name: 'node -e 0 (floor)', args: ['-e', '0'] },
  { name: 'pic-preflight --version', args: [CLI, '--version'] },
  { name: 'pic-preflight fqdn sip.example.net', args: [CLI, 'fqdn', 'sip.example.net'] },
  { name: 'pic-preflight decorate ted@fabrikam.net', args: [CLI, 'decorate', 'ted@fabrikam.net'] },
  {
    name: 'pic-preflight check --offline',
    args: [
      CLI,
      'check',
      '--edge',
      'sip.fabrikam.net',
      '--domain',
      'fabrikam.net',
      '--agreement',
      'V7731842',
      '--offline',
    ],
  },
];

function time(args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { stdio: 'ignore' });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.error) throw run.error;
  return elapsed;
}

console.log(`${machine()}, ${RUNS} runs per case, interleaved`);
// One warm-up run per case (file system cache), not counted. Then the cases take turns, so a change
// in machine load hits every case alike.
for (const c of cases) time(c.args);
const samples: number[][] = cases.map(() => []);
for (let run = 0; run < RUNS; run++) {
  cases.forEach((c, index) => {
    samples[index]?.push(time(c.args));
  });
}
const rows = cases.map((c, index) => {
  const sorted = (samples[index] ?? []).sort((a, b) => a - b);
  return { name: c.name, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
});
const floor = rows[0]?.median ?? 0;
console.log('\n| command | median ms | p90 ms | over node -e 0 |\n|---|---:|---:|---:|');
for (const row of rows) {
  console.log(
    `| \`${row.name}\` | ${row.median.toFixed(1)} | ${row.p90.toFixed(1)} | +${(row.median - floor).toFixed(1)} |`,
  );
}
