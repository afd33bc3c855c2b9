// `npm run fuzz` (not in CI): ≥ 1,000,000 seeded inputs per exported core function with the contract
// checks of test/helpers/fuzz.ts. FUZZ_COUNT and FUZZ_SEED override the defaults; a failure prints
// the function, its seed and the input's index (reproducible), and the run exits 1.
import { FUZZ_TARGETS, runFuzz } from '../test/helpers/fuzz.js';

const count = Number(process.env.FUZZ_COUNT ?? 1_000_000);
const seed = Number(process.env.FUZZ_SEED ?? 20261129);
const only = process.argv.slice(2);
const targets = only.length > 0 ? only : Object.keys(FUZZ_TARGETS);
let failed = 0;
for (const name of targets) {
  const started = performance.now();
  const failures = runFuzz(count, seed, [name]);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${failures.length === 0 ? 'ok  ' : 'FAIL'} ${name}: ${count.toLocaleString('en-US')} inputs, ${seconds} s`,
  );
  for (const failure of failures)
    console.log(`     seed ${failure.seed} index ${failure.index}: ${failure.problem}`);
  failed += failures.length;
}
console.log(failed === 0 ? 'fuzz: no contract broken' : `fuzz: ${failed} contract failures`);
process.exit(failed === 0 ? 0 : 1);
