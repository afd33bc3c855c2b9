import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { codes, expectCodes, only } from '../../../test/helpers/issues.js';
import { agreementNumberSchema, makeAgreementNumberSchema } from '../../zod/schemas.js';
import {
  AGREEMENT_TYPES,
  type AgreementType,
  assertAgreementNumber,
  checkAgreementNumber,
} from './agreement-number.js';

// RULES §3: no public source documents a format; the number is opaque. Never stricter than this.
describe('checkAgreementNumber', () => {
  test.each([
    ['volume licensing', 'V1234567', 'volume-licensing'],
    ['partner ID', '4123456', 'partner-network'],
    ['SPLA enrollment', 'S-98765432', 'spla'],
    ['high volume', 'HVS-1234-ABCD', 'high-volume-services'],
    ['no type', 'abc-12345', undefined],
    ['lower case kept', 'v1234567x', undefined],
    ['32 characters', `${'A'.repeat(16)}1234567890123456`, undefined],
  ])('valid: %s', (_label, input, agreementType) => {
    const result = checkAgreementNumber(input, { agreementType: agreementType as AgreementType | undefined });
    expect(result).toEqual({ ok: true, value: input, issues: [] });
  });

  test('trimmed with a warning, case kept', () => {
    const result = checkAgreementNumber('  V1234567x\t');
    expect(result).toMatchObject({ ok: true, value: 'V1234567x' });
    expectCodes(result, ['input.trimmed']);
  });

  test.each([
    ['not a string', 12345678, 'input.not_string'],
    ['empty', '', 'input.empty'],
    ['blank', '   ', 'input.empty'],
    ['over 1,024', 'A'.repeat(1025), 'input.too_long'],
  ])('RULES §0: %s → %s', (_label, input, code) => {
    expectCodes(checkAgreementNumber(input), [code]);
  });

  test('agreement_number.unknown_type is an error, also with a good number', () => {
    const result = checkAgreementNumber('V1234567', { agreementType: 'enterprise' as AgreementType });
    expectCodes(result, ['agreement_number.unknown_type']);
    expect(only(result, 'agreement_number.unknown_type')?.params).toMatchObject({ type: 'enterprise' });
  });

  // RULES §0: nothing throws on bad input; the type is described safely.
  test.each<[string, unknown, string]>([
    ['null-prototype object', Object.create(null), 'object'],
    [
      'object with a throwing toString',
      {
        toString: () => {
          throw new Error('x');
        },
      },
      'object',
    ],
    ['symbol', Symbol('x'), 'symbol'],
    ['number', 7, '7'],
    ['array', ['spla'], 'array'],
    ['null', null, 'null'],
    ['function', () => 'spla', 'function'],
    ['long string', 'x'.repeat(100), `${'x'.repeat(64)}…`],
  ])('agreement_number.unknown_type for a %s', (_label, agreementType, type) => {
    const result = checkAgreementNumber('V1234567', { agreementType: agreementType as AgreementType });
    expectCodes(result, ['agreement_number.unknown_type']);
    expect(only(result, 'agreement_number.unknown_type')?.params).toEqual({
      type,
      expected: 'volume-licensing, partner-network, spla, high-volume-services',
    });
  });

  test('null options mean no options', () => {
    expect(checkAgreementNumber('V1234567', null)).toEqual({ ok: true, value: 'V1234567', issues: [] });
    expect(assertAgreementNumber('V1234567', null)).toBe('V1234567');
  });

  test('agreement_number.too_long over 32 characters', () => {
    const result = checkAgreementNumber('A'.repeat(33));
    expectCodes(result, ['agreement_number.too_long']);
    expect(only(result, 'agreement_number.too_long')?.params).toEqual({ max: 32, actual: 33 });
  });

  test.each([
    ['inner space', 'V123 4567', ' ', 'V1234567'],
    ['slash', 'N/A-12345', '/', 'NA-12345'],
    ['dot', 'V.1234567', '.', 'V1234567'],
    ['underscore', 'V_1234567', '_', 'V1234567'],
    ['non-ASCII digit', 'V１234567', '１', 'V234567'],
    ['nothing left', '###', '#', null],
  ])('agreement_number.invalid_char: %s', (_label, input, char, cleaned) => {
    const result = checkAgreementNumber(input);
    expectCodes(result, ['agreement_number.invalid_char']);
    const issue = only(result, 'agreement_number.invalid_char');
    expect(issue?.params).toEqual(cleaned === null ? { char } : { char, cleaned });
    if (cleaned === null) expect(issue?.hint).toBeUndefined();
    else expect(issue?.hint).toContain(cleaned);
  });

  test('agreement_number.too_short under 5 characters (a warning)', () => {
    const result = checkAgreementNumber('V123');
    expect(result.ok).toBe(true);
    expectCodes(result, ['agreement_number.too_short']);
    expect(only(result, 'agreement_number.too_short')?.params).toEqual({ min: 5, actual: 4 });
  });

  test.each([
    ['zeros', '00000000'],
    ['Xs', 'XXXX'],
    ['mixed-case repeat', 'xXxXxX'],
    ['ascending', '12345678'],
    ['ascending from 0', '0123456789'],
    // RULES §3 ascending runs: the keyboard row (9 → 0 at the end) and letters, case-insensitive, ≥ 4.
    ['keyboard row', '1234567890'],
    ['keyboard row tail', '67890'],
    ['upper-case letters', 'ABCDEFGH'],
    ['lower-case letters', 'abcde'],
    ['mixed-case letters', 'AbCd'],
    ['letters to z', 'wxyz'],
    ['TBD', 'tbd'],
    ['NONE', 'None'],
    ['UNKNOWN', 'UNKNOWN'],
    ['TEST', 'Test'],
    ['SAMPLE', 'sample'],
    ['EXAMPLE', 'EXAMPLE'],
  ])('agreement_number.placeholder: %s', (_label, input) => {
    const result = checkAgreementNumber(input);
    expect(result.ok).toBe(true);
    expect(codes(result)).toContain('agreement_number.placeholder');
    expect(only(result, 'agreement_number.placeholder')?.params).toEqual({ value: input });
  });

  test.each([
    ['not quite ascending', '12345679'],
    ['descending', '87654321'],
    ['two different', '00000001'],
    ['word inside', 'TEST1234'],
    ['9 → 0 in the middle', '78901234'],
    ['0 → 1 after a wrap', '8901'],
    ['letters and digits', 'ABC123'],
    ['three letters', 'abc1'],
    ['letters descending', 'DCBA'],
    ['no z → a wrap', 'xyza'],
    ['letters then digits run across', 'abcd1234'],
  ])('no placeholder: %s', (_label, input) => {
    expect(codes(checkAgreementNumber(input))).not.toContain('agreement_number.placeholder');
  });

  // MS-FAQ: the Microsoft Partner Network headquarters partner ID is numeric.
  test('agreement_number.unexpected_shape for a non-numeric partner ID only', () => {
    expectCodes(checkAgreementNumber('P1234567', { agreementType: 'partner-network' }), [
      'agreement_number.unexpected_shape',
    ]);
    expectCodes(checkAgreementNumber('P1234567', { agreementType: 'spla' }), []);
    expectCodes(checkAgreementNumber('4123456', { agreementType: 'partner-network' }), []);
  });

  test('the four types, frozen', () => {
    expect(AGREEMENT_TYPES).toEqual(['volume-licensing', 'partner-network', 'spla', 'high-volume-services']);
    expect(Object.isFrozen(AGREEMENT_TYPES)).toBe(true);
  });

  test('assertAgreementNumber', () => {
    expect(assertAgreementNumber(' V1234567 ')).toBe('V1234567');
    expect(() => assertAgreementNumber('V 1')).toThrow(expect.objectContaining({ name: 'PreflightError' }));
  });
});

describe('properties', () => {
  const typeArb = fc.option(fc.constantFrom(...AGREEMENT_TYPES), { nil: undefined });
  const input = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'ABVS0123456789-'.split('')), maxLength: 40 }),
    fc.string(),
    fc.anything(),
  );

  test('never throws for any agreementType', () => {
    fc.assert(
      fc.property(input, fc.anything(), (x, agreementType) => {
        const result = checkAgreementNumber(x, { agreementType: agreementType as AgreementType });
        expect(result.ok).toBe(!result.issues.some((issue) => issue.severity === 'error'));
      }),
    );
  });

  test('never throws; ok exactly when no error; value is the trimmed input', () => {
    fc.assert(
      fc.property(input, typeArb, (x, agreementType) => {
        const result = checkAgreementNumber(x, { agreementType });
        expect(result.ok).toBe(!result.issues.some((issue) => issue.severity === 'error'));
        if (result.ok) expect(result.value).toBe((x as string).trim());
      }),
      { numRuns: 2000 },
    );
  });

  test('checking the value again gives the same value without input.trimmed', () => {
    fc.assert(
      fc.property(input, typeArb, (x, agreementType) => {
        const first = checkAgreementNumber(x, { agreementType });
        if (!first.ok) return;
        const second = checkAgreementNumber(first.value, { agreementType });
        expect(second).toMatchObject({ ok: true, value: first.value });
        expectCodes(
          second,
          codes(first).filter((code) => code !== 'input.trimmed'),
        );
      }),
      { numRuns: 1000 },
    );
  });

  test('the schemas agree with the function', () => {
    const partner = makeAgreementNumberSchema({ agreementType: 'partner-network' });
    fc.assert(
      fc.property(input, (x) => {
        for (const [schema, options] of [
          [agreementNumberSchema, undefined],
          [partner, { agreementType: 'partner-network' as const }],
        ] as const) {
          const result = checkAgreementNumber(x, options);
          const parsed = schema.safeParse(x);
          expect(parsed.success).toBe(result.ok);
          if (result.ok) expect(parsed.data).toBe(result.value);
        }
      }),
      { numRuns: 500 },
    );
  });
});
