// Issues 2 and 13 benchmark: isFqdn / checkFqdn / fqdnSchema against validator.isFQDN, is-fqdn and
// tldts.parse on the same 10,000 host names (about 10 % malformed), in one process, plus the cold
// import time of the core entry. Time is this process's CPU time (process.cpuUsage), so the other
// processes of a busy machine do not enter the numbers. Goals (issue 13): isFqdn ≥ 1.2× the speed of
// tldts.parse, checkFqdn ≥ 2× the speed of validator.isFQDN, core import ≤ tldts' own + 10 ms.
// Run: npm run bench (builds first), or npx tsx bench/fqdn.bench.ts
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import isFqdnPackage from 'is-fqdn';
import { Bench } from 'tinybench';
import { parse } from 'tldts';
import validatorIsFQDN from 'validator/lib/isFQDN.js';
import { checkFqdn, isFqdn } from '../src/index.js';
import { fqdnSchema } from '../src/zod.js';
import { machine, median, picker, seeded, WORDS } from './lib.js';

const COUNT = 10_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 15);

function makeNames(count: number, seed: number): string[] {
  const random = seeded(seed);
  const pick = picker(random);
  const hosts = [
    'sip',
    'sipfed',
    'access',
    'edge01',
    'lyncdiscover',
    'webcon',
    'av',
    'meet',
    'mail',
    'www',
    'fe-pool2',
  ];
  const words = WORDS;
  const suffixes = [
    'com',
    'com',
    'com',
    'net',
    'org',
    'co.uk',
    'de',
    'fr',
    'com.au',
    'io',
    'ch',
    'nl',
    'onmicrosoft.com',
  ];
  const regions = ['emea', 'us', 'apac', 'eu-west', 'corp'];
  const good = (): string => {
    const domain = `${pick(words)}${random() < 0.3 ? `-${pick(words)}` : ''}${random() < 0.2 ? Math.floor(random() * 100) : ''}.${pick(suffixes)}`;
    const shape = random();
    let name: string;
    if (shape < 0.35) name = `${pick(hosts)}.${domain}`;
    else if (shape < 0.6) name = domain;
    else if (shape < 0.85) name = `${pick(hosts)}.${pick(regions)}.${domain}`;
    else name = `${pick(hosts)}.${pick(regions)}.${pick(regions)}.${domain}`;
    if (random() < 0.1) name = name.toUpperCase();
    if (random() < 0.05) name = `${name}.`;
    return name;
  };
  const bad = (): string => {
    const name = good();
    switch (Math.floor(random() * 10)) {
      case 0:
        return `${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.0.${Math.floor(random() * 256)}`;
      case 1:
        return `https://${name}/federation`;
      case 2:
        return `${name}:5061`;
      case 3:
        return `_sipfederationtls._tcp.${name}`;
      case 4:
        return name.replace('.', ' .');
      case 5:
        return `${pick(words)}.${pick(['corp', 'lan', 'local', 'internal'])}`;
      case 6:
        return `${'x'.repeat(64)}.${name}`;
      case 7:
        return `-${name}`;
      case 8:
        return pick(words);
      default:
        return `${name}..`;
    }
  };
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) names.push(random() < 0.1 ? bad() : good());
  return names;
}

/** CPU milliseconds (user + system) of this process: what the benchmark times. */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const names = makeNames(COUNT, 2);
let sink = 0;

const tasks: Record<string, () => void> = {
  'validator.isFQDN': () => {
    for (const name of names) if (validatorIsFQDN(name)) sink += 1;
  },
  'is-fqdn': () => {
    for (const name of names) if (isFqdnPackage(name)) sink += 1;
  },
  'tldts.parse': () => {
    for (const name of names) if (parse(name).domain !== null) sink += 1;
  },
  isFqdn: () => {
    for (const name of names) if (isFqdn(name)) sink += 1;
  },
  checkFqdn: () => {
    for (const name of names) if (checkFqdn(name).ok) sink += 1;
  },
  'fqdnSchema.safeParse': () => {
    for (const name of names) if (fqdnSchema.safeParse(name).success) sink += 1;
  },
};

// Interleaved rounds: every round runs every task (in a rotated order); the median of the rounds' medians is reported.
const perRound: Record<string, number[]> = {};
const order = Object.keys(tasks);
for (let round = 0; round < ROUNDS; round += 1) {
  const bench = new Bench({ time: 400, warmupTime: 100, iterations: 10, now: cpuNow });
  const rotated = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
  for (const name of rotated) bench.add(name, tasks[name] as () => void);
  await bench.run();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
    const samples = perRound[task.name] ?? [];
    samples.push((result.latency.p50 * 1e6) / COUNT); // ns per name
    perRound[task.name] = samples;
  }
}

const ns: Record<string, number> = {};
for (const name of order) ns[name] = median(perRound[name] as number[]);
const validatorNs = ns['validator.isFQDN'] as number;
const tldtsNs = ns['tldts.parse'] as number;
const acceptedBy = (check: (name: string) => boolean) => names.filter(check).length;

console.log(
  `\nFQDN validators: ${COUNT} names (${acceptedBy((n) => isFqdn(n))} accepted by isFqdn), ${ROUNDS} interleaved rounds`,
);
console.log('| function | median ns/name | names/s | vs validator.isFQDN | vs tldts.parse |');
console.log('|---|---:|---:|---:|---:|');
for (const name of order) {
  const value = ns[name] as number;
  console.log(
    `| ${name} | ${value.toFixed(0)} | ${Math.round(1e9 / value).toLocaleString('en-US')} | ${(value / validatorNs).toFixed(2)}× | ${(value / tldtsNs).toFixed(2)}× |`,
  );
}
console.log(
  `accepted: validator ${acceptedBy((n) => validatorIsFQDN(n))}, is-fqdn ${acceptedBy((n) => isFqdnPackage(n))}, tldts (has domain) ${acceptedBy((n) => parse(n).domain !== null)}, isFqdn ${acceptedBy((n) => isFqdn(n))}`,
);
const isSpeed = tldtsNs / (ns.isFqdn as number);
const checkSpeed = validatorNs / (ns.checkFqdn as number);
console.log(
  `isFqdn is ${isSpeed.toFixed(2)}× the speed of tldts.parse (goal ≥ 1.2: ${isSpeed >= 1.2 ? 'met' : 'MISSED'}); ` +
    `checkFqdn is ${checkSpeed.toFixed(2)}× the speed of validator.isFQDN (goal ≥ 2: ${checkSpeed >= 2 ? 'met' : 'MISSED'})`,
);

// Cold import: fresh node processes importing the module, interleaved; each child reports its own
// CPU time (process.cpuUsage at the end: bootstrap + import), the median of IMPORT_RUNS runs.
function childCpuMs(specifier: string | null): number {
  const load = specifier === null ? '' : `await import(${JSON.stringify(specifier)});`;
  const code = `${load} const u = process.cpuUsage(); console.log(u.user + u.system);`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`import of ${specifier} failed: ${run.stderr}`);
  return Number(run.stdout.trim()) / 1000;
}
if (existsSync('dist/index.js')) {
  const specifiers = [null, 'tldts', './dist/index.js'] as const;
  const samples: number[][] = specifiers.map(() => []);
  for (let i = 0; i < IMPORT_RUNS; i += 1) {
    for (const [index, specifier] of specifiers.entries()) samples[index]?.push(childCpuMs(specifier));
  }
  const [base, tldts, core] = samples.map((list) => median(list)) as [number, number, number];
  console.log(
    `\nCold import, CPU (median of ${IMPORT_RUNS} interleaved fresh processes): node alone ${base.toFixed(1)} ms,`,
  );
  console.log(
    `tldts ${tldts.toFixed(1)} ms (+${(tldts - base).toFixed(1)}), dist/index.js ${core.toFixed(1)} ms (+${(core - base).toFixed(1)}); ` +
      `goal core ≤ tldts + 10 ms: ${core <= tldts + 10 ? 'met' : 'MISSED'}`,
  );
} else {
  console.log('\nCold import skipped: build first (npm run build).');
}

console.log(`\nMachine: ${machine()} (sink ${sink > 0})`);
