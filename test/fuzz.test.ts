// Issue 13: a short seeded slice of `npm run fuzz` (scripts/fuzz.ts runs ≥ 1,000,000 per function).
import { describe, expect, test } from 'vitest';
import { FUZZ_TARGETS, runFuzz } from './helpers/fuzz.js';

const COUNT = Number(process.env.FUZZ_SLICE ?? 3000);

describe(`contract fuzz, ${COUNT} seeded inputs per exported core function`, () => {
  test.each(Object.keys(FUZZ_TARGETS))(
    '%s: never throws, ok ⇔ no error, JSON round trip, isX ⇔ checkX',
    (name) => {
      expect(runFuzz(COUNT, 20261129, [name])).toEqual([]);
    },
  );
});
