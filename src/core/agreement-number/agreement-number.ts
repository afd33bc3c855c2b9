/**
 * RULES §3: the agreement number of the PIC provisioning form. No public source documents a format:
 * the number is an opaque identifier, so these rules stay deliberately loose (never stricter).
 */
import { readStringInput, typeName } from '../input.js';
import { type Issue, type IssuePath, makeIssue, type Result, toResult, unwrap } from '../result.js';
import { isAsciiLetter, isDigit } from '../text/chars.js';

/**
 * The agreement types of the PIC form (MS-FAQ): Volume Licensing agreement number, Microsoft Partner
 * Network headquarters partner ID, SPLA initial enrollment number, High Volume Services product
 * enrollment number.
 */
export type AgreementType = 'volume-licensing' | 'partner-network' | 'spla' | 'high-volume-services';

/** Every agreement type, in the form's order. */
export const AGREEMENT_TYPES: readonly AgreementType[] = /* @__PURE__ */ Object.freeze([
  'volume-licensing',
  'partner-network',
  'spla',
  'high-volume-services',
] as const);

/** Options of `checkAgreementNumber`. */
export interface AgreementNumberOptions {
  /**
   * The kind of agreement the number belongs to; `partner-network` expects a numeric partner ID.
   * @default undefined (no type-specific rule)
   */
  agreementType?: AgreementType;
}

/** Longer numbers are refused (`agreement_number.too_long`). */
export const MAX_AGREEMENT_NUMBER_LENGTH = 32;
/** Shorter numbers raise `agreement_number.too_short` (a warning). */
export const MIN_AGREEMENT_NUMBER_LENGTH = 5;

const PLACEHOLDER_WORDS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'TBD',
  'NA',
  'NONE',
  'UNKNOWN',
  'TEST',
  'SAMPLE',
  'EXAMPLE',
]);

function isAllowed(code: number): boolean {
  return isDigit(code) || isAsciiLetter(code) || code === 45;
}

/**
 * True for one of `AGREEMENT_TYPES`. Not part of the public API.
 * @param value any value
 */
export function isAgreementType(value: unknown): value is AgreementType {
  return typeof value === 'string' && (AGREEMENT_TYPES as readonly string[]).includes(value);
}

// RULES §0 "nothing throws": `String(value)` throws for `Object.create(null)` or a throwing toString.
function describeType(value: unknown): string {
  if (typeof value === 'string') return value.length > 64 ? `${value.slice(0, 64)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return typeName(value);
}

/**
 * RULES §3 `agreement_number.unknown_type` E for an `agreementType` that is not one of `AGREEMENT_TYPES`
 * (any value, described safely). Shared with the provisioning request. Not part of the public API.
 */
export function unknownAgreementTypeIssue(value: unknown, path: IssuePath = []): Issue {
  return makeIssue('agreement_number.unknown_type', path, {
    params: { type: describeType(value), expected: AGREEMENT_TYPES.join(', ') },
  });
}

// RULES §3 placeholders: one repeated character (00000000, XXXX); an ascending run of 4 or more digits
// (12345678, 0123456789, the keyboard row 1234567890: "0" may follow "9" as the last character) or of
// letters, case-insensitive (ABCDEFGH, abcde, AbCd); or a word.
function isPlaceholder(text: string): boolean {
  if (PLACEHOLDER_WORDS.has(text.toUpperCase())) return true;
  if (text.length < 2) return false;
  let repeated = true;
  let ascending = text.length >= 4;
  const last = text.length - 1;
  for (let i = 1; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const previous = text.charCodeAt(i - 1);
    if ((code | 32) !== (previous | 32)) repeated = false; // case-insensitive: XxXx
    if (ascending) {
      const digits = isDigit(code) && isDigit(previous);
      const letters = isAsciiLetter(code) && isAsciiLetter(previous);
      const step =
        (digits && (code === previous + 1 || (i === last && previous === 57 && code === 48))) ||
        (letters && (code | 32) === (previous | 32) + 1);
      if (!step) ascending = false;
    }
    if (!repeated && !ascending) return false;
  }
  return true;
}

function isAllDigits(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (!isDigit(text.charCodeAt(i))) return false;
  return text.length > 0;
}

/**
 * Checks an agreement number (RULES §3). The value is kept as typed (trimmed, case kept).
 * @param input the value to check (any type; never throws on bad input)
 * @param options `agreementType` (one of `AGREEMENT_TYPES`); `null`/`undefined` means none
 * @returns the trimmed number, or errors `input.*`, `agreement_number.unknown_type`,
 *   `agreement_number.too_long`, `agreement_number.invalid_char`; warnings `input.trimmed`,
 *   `agreement_number.too_short`, `agreement_number.placeholder`, `agreement_number.unexpected_shape`
 * @example checkAgreementNumber('V1234567', { agreementType: 'volume-licensing' }) // { ok: true, value: 'V1234567', issues: [] }
 */
export function checkAgreementNumber(
  input: unknown,
  options?: AgreementNumberOptions | null,
): Result<string> {
  const issues: Issue[] = [];
  let failed = false;
  // RULES §0: null/undefined options mean "no options".
  const type: unknown = options?.agreementType;
  if (type !== undefined && !isAgreementType(type)) {
    issues.push(unknownAgreementTypeIssue(type));
    failed = true;
  }
  // RULES §0: not a string, over 1,024 characters, empty after trimming.
  const read = readStringInput(input);
  if (!read.ok) return toResult('', [...issues, read.issue]);
  if (read.trimmed) issues.push(makeIssue('input.trimmed'));
  const text = read.text;

  if (text.length > MAX_AGREEMENT_NUMBER_LENGTH) {
    issues.push(
      makeIssue('agreement_number.too_long', [], {
        params: { max: MAX_AGREEMENT_NUMBER_LENGTH, actual: text.length },
      }),
    );
    failed = true;
  }
  // Letters, digits and "-" only: internal whitespace, dots and slashes are typing noise.
  for (let i = 0; i < text.length; i += 1) {
    if (isAllowed(text.charCodeAt(i))) continue;
    const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
    let cleaned = '';
    for (let j = 0; j < text.length; j += 1) if (isAllowed(text.charCodeAt(j))) cleaned += text[j];
    const params = { char, ...(cleaned.length > 0 ? { cleaned } : {}) };
    issues.push(makeIssue('agreement_number.invalid_char', [], { params }));
    failed = true;
    break;
  }
  if (failed) return toResult(text, issues);

  if (text.length < MIN_AGREEMENT_NUMBER_LENGTH) {
    issues.push(
      makeIssue('agreement_number.too_short', [], {
        params: { min: MIN_AGREEMENT_NUMBER_LENGTH, actual: text.length },
      }),
    );
  }
  if (isPlaceholder(text)) {
    issues.push(makeIssue('agreement_number.placeholder', [], { params: { value: text } }));
  }
  // MS-FAQ: the Microsoft Partner Network headquarters partner ID is numeric.
  if (type === 'partner-network' && !isAllDigits(text)) {
    issues.push(
      makeIssue('agreement_number.unexpected_shape', [], { params: { agreementType: 'partner-network' } }),
    );
  }
  return toResult(text, issues);
}

/**
 * Like `checkAgreementNumber`, but returns the number or throws a `PreflightError` with the issues.
 * @param input the value to check
 * @param options `agreementType`
 * @returns the trimmed number; throws on any `checkAgreementNumber` error code
 * @example assertAgreementNumber(' V1234567 ') // 'V1234567'
 */
export function assertAgreementNumber(input: unknown, options?: AgreementNumberOptions | null): string {
  return unwrap(checkAgreementNumber(input, options));
}
