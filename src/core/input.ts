/** RULES §0: the input steps every string validator shares. */
import { type Issue, type IssuePath, makeIssue } from './result.js';

/** Raw input over this many characters is refused before any other work (`input.too_long`). */
export const MAX_INPUT_LENGTH = 1024;

/** RULES §0: `input.too_long` when the raw string (before trimming) is over 1,024 characters. */
export function tooLongIssue(value: string, path: IssuePath = []): Issue | undefined {
  return value.length > MAX_INPUT_LENGTH
    ? makeIssue('input.too_long', path, { params: { max: MAX_INPUT_LENGTH, actual: value.length } })
    : undefined;
}

/** What `readStringInput` found: the trimmed text, or the error that stops the check. */
export type StringInput = { ok: true; text: string; trimmed: boolean } | { ok: false; issue: Issue };

/** Describes a value's type for `input.not_string` (`null`, `array`, `number`, …). */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  try {
    return Array.isArray(value) ? 'array' : 'object';
  } catch {
    return 'object'; // a revoked Proxy
  }
}

/**
 * RULES §0: not a string → `input.not_string`; over 1,024 characters → `input.too_long` (before any
 * other work); empty after trimming → `input.empty`. `trimmed` tells the caller to add `input.trimmed`.
 */
export function readStringInput(input: unknown, path: IssuePath = []): StringInput {
  if (typeof input !== 'string') {
    return { ok: false, issue: makeIssue('input.not_string', path, { params: { type: typeName(input) } }) };
  }
  const tooLong = tooLongIssue(input, path);
  if (tooLong) return { ok: false, issue: tooLong };
  const text = input.trim();
  if (text.length === 0) return { ok: false, issue: makeIssue('input.empty', path) };
  return { ok: true, text, trimmed: text.length !== input.length };
}
