// test/setup.ts seeds fast-check for every test file: a failing property names its seed, and the
// same seed replays it (FC_SEED=<n> to explore others).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

describe('seeded properties', () => {
  test('every property runs with the global seed', () => {
    const seed = fc.readConfigureGlobal().seed;
    expect(Number.isSafeInteger(seed)).toBe(true);
    if (process.env.FC_SEED === undefined) expect(seed).toBe(20_260_129);
  });

  test('a failure prints the seed, and the seed replays the same counterexample', () => {
    const failure = (seed?: number): string => {
      try {
        fc.assert(
          fc.property(fc.integer(), (n) => n < 1000),
          seed === undefined ? {} : { seed },
        );
      } catch (error) {
        return String(error);
      }
      return '';
    };
    const first = failure();
    const seed = Number(/seed: (-?\d+)/.exec(first)?.[1]);
    expect(seed).toBe(fc.readConfigureGlobal().seed);
    expect(failure(seed)).toBe(first);
  });
});
