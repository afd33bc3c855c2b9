// Issue 13 benchmark: cold start of the built command, in CPU time as the OS accounts it
// (`/usr/bin/time -f %U+%S`: user + system seconds of the child), against `node empty.js`.
// Each case runs RUNS times (≥ 11), the cases interleaved so that machine load hits them alike;
// the median is reported. Goal: ≤ +40 ms over node empty.js for --version, fqdn NAME, decorate ADDR.
// Run: npm run bench -- cli (builds first), or npx tsx bench/cli.bench.ts after npm run build.
// BENCH_CLI=path/to/cli.js measures another build (e.g. an older one, for before/after numbers).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, median } from './lib.js';

const RUNS = Math.max(11, Number(process.env.BENCH_RUNS ?? 15));
const CLI = process.env.BENCH_CLI ?? join('dist', 'cli.js');
const GOAL_MS = 40;
if (!existsSync(CLI)) {
  console.error(`${CLI} is missing: run npm run build first`);
  process.exit(1);
}
if (!existsSync('/usr/bin/time')) {
  console.error('/usr/bin/time is missing (Debian: apt-get install time)');
  process.exit(1);
}
const empty = join(mkdtempSync(join(tmpdir(), 'pic-bench-')), 'empty.js');
writeFileSync(empty, '');

const cases: { name: string; args: string[]; goal: boolean }[] = [
  { name: 'node empty.js (floor)', args: [empty], goal: false },
  { name: 'pic-preflight --version', args: [CLI, '--version'], goal: true },
  { name: 'pic-preflight fqdn sip.example.net', args: [CLI, 'fqdn', 'sip.example.net'], goal: true },
  {
    name: 'pic-preflight decorate ted@fabrikam.net',
    args: [CLI, 'decorate', 'ted@fabrikam.net'],
    goal: true,
  },
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
    goal: false,
  },
];

/** CPU milliseconds (user + system) of one run of `node args`, as /usr/bin/time reports them. */
function cpuMs(args: string[]): number {
  const run = spawnSync('/usr/bin/time', ['-f', '%U+%S', process.execPath, ...args], { encoding: 'utf8' });
  if (run.error) throw run.error;
  const line = run.stderr.trim().split('\n').pop() ?? '';
  const match = /^(\d+(?:\.\d+)?)\+(\d+(?:\.\d+)?)$/.exec(line);
  if (!match) throw new Error(`unexpected /usr/bin/time output: ${line}`);
  return (Number(match[1]) + Number(match[2])) * 1000;
}

console.log(`${machine()}, ${RUNS} runs per case, interleaved; CPU = user + system (/usr/bin/time)`);
for (const c of cases) cpuMs(c.args); // warm the file system cache, not counted
const samples: number[][] = cases.map(() => []);
for (let run = 0; run < RUNS; run++) {
  cases.forEach((c, index) => {
    samples[index]?.push(cpuMs(c.args));
  });
}
const floor = median(samples[0] ?? []);
console.log(
  '\n| command | median CPU ms | mean CPU ms | median over node empty.js | goal ≤ +40 ms |\n|---|---:|---:|---:|---|',
);
for (const [index, c] of cases.entries()) {
  const value = median(samples[index] ?? []);
  const over = value - floor;
  const goal = c.goal ? (over <= GOAL_MS ? 'met' : 'MISSED') : '—';
  const list = samples[index] ?? [];
  const mean = list.reduce((sum, x) => sum + x, 0) / list.length;
  console.log(`| \`${c.name}\` | ${value.toFixed(0)} | ${mean.toFixed(1)} | +${over.toFixed(0)} | ${goal} |`);
}
console.log(
  '\n(/usr/bin/time counts in 10 ms steps: the mean of the runs shows what lies between the steps.)',
);
