// Issue 3 benchmark: decorateAddress throughput on 100,000 mixed addresses (plain, excluded, already
// decorated, sip:-prefixed, invalid), deterministically generated. Reports addresses/second from the
// median latency of the runs. Two pools: "warm" (addresses share ~1,200 domains, as real directories
// do) and "cold" (every address has its own domain, so the domain memo never hits and every address
// pays the full FQDN check).
// Run: npm run bench decorate, or npx tsx bench/decorate.bench.ts
import { Bench } from 'tinybench';
import { createDecorator, decorateAddress } from '../src/index.js';
import { machine, picker, seeded, WORDS } from './lib.js';

const COUNT = 100_000;

function makeAddresses(count: number, seed: number, uniqueDomains: boolean): string[] {
  const random = seeded(seed);
  const pick = picker(random);
  const users = [
    'ted',
    'ann.smith',
    'j.doe',
    'marie-claire',
    'bob_42',
    'x',
    'first.last+tag',
    'o%27brien',
    'Kim.Lee',
  ];
  const words = WORDS;
  const suffixes = ['com', 'net', 'org', 'co.uk', 'de', 'fr', 'com.au', 'io', 'ch', 'nl', 'es', 'it'];
  const excluded = ['msn.com', 'outlook.com', 'live.com', 'hotmail.com', 'Hotmail.com'];
  let serial = 0;
  const domain = (): string => {
    const base = `${pick(words)}${Math.floor(random() * 10)}.${pick(suffixes)}`;
    return uniqueDomains ? `d${serial++}.${base}` : base;
  };
  const user = (): string => `${pick(users)}${random() < 0.5 ? Math.floor(random() * 1000) : ''}`;
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const r = random();
    if (r < 0.5)
      out.push(`${user()}@${domain()}`); // plain
    else if (r < 0.65)
      out.push(`${user()}@${pick(excluded)}`); // excluded
    else if (r < 0.75)
      out.push(`${user()}(${domain()})@msn.com`); // already decorated
    else if (r < 0.85)
      out.push(`sip:${user()}@${domain()}`); // sip: prefix
    else if (r < 0.88)
      out.push(`  ${user()}@${domain()} `); // whitespace
    else {
      // invalid
      switch (Math.floor(random() * 5)) {
        case 0:
          out.push(`${user()}.${domain()}`);
          break;
        case 1:
          out.push(`${user()} x@${domain()}`);
          break;
        case 2:
          out.push(`${user()}@${pick(words)}`);
          break;
        case 3:
          out.push(`${user()}@@${domain()}`);
          break;
        default:
          out.push(`${user()}@${pick(words)}.corp`);
      }
    }
  }
  return out;
}

const warm = makeAddresses(COUNT, 3, false);
const cold = makeAddresses(COUNT, 3, true);
const options = { excludedDomains: 'msn.com,outlook.com,live.com,hotmail.com,live.fr' };
const decorator = createDecorator(options);
let sink = 0;

const bench = new Bench({ time: 2_000, warmupTime: 500, iterations: 10 });
bench
  .add('decorateAddress (default options, warm)', () => {
    for (const address of warm) sink += decorateAddress(address).issues.length;
  })
  .add('decorateAddress (options object, warm)', () => {
    for (const address of warm) sink += decorateAddress(address, options).issues.length;
  })
  .add('createDecorator().decorate (warm)', () => {
    for (const address of warm) sink += decorator.decorate(address).issues.length;
  })
  .add('decorateAddress (default options, cold: unique domains)', () => {
    for (const address of cold) sink += decorateAddress(address).issues.length;
  });
await bench.run();

console.log(`decorateAddress on ${COUNT.toLocaleString('en')} mixed addresses (median of each task's runs)`);
console.log(`${machine()}\n`);
console.log('| task | runs | median ms / 100k | addresses/s |');
console.log('|---|---:|---:|---:|');
for (const task of bench.tasks) {
  const result = task.result;
  if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
  const ms = result.latency.p50; // the median run
  const perSecond = (COUNT * 1000) / ms;
  console.log(
    `| ${task.name} | ${result.latency.samplesCount} | ${ms.toFixed(1)} | ${Math.round(perSecond).toLocaleString('en')} |`,
  );
}
if (sink === 42) console.log('');
