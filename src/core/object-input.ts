/**
 * RULES §5–§6: the object inputs (provisioning request, public provider settings) read their
 * fields alike; each keeps its own codes (`request.*`, `provider.*`).
 */
import { typeName } from './input.js';
import { type Issue, type IssuePath, makeIssue } from './result.js';

/** A plain object (`{}` or `Object.create(null)`): not an array, a class instance or a boxed value. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** An own property's value (never one inherited, such as `__proto__` or `toString`). */
export function own(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The type and field issues of one object input, with its codes. */
export interface ObjectIssues {
  /** `<input>.invalid_type` with `expected` (`string`, `array of strings`…) and the type found. */
  invalidType(path: IssuePath, expected: string, value: unknown): Issue;
  /** Pushes one `<input>.unknown_field` per key of `object` that is not in `known`. */
  pushUnknownFields(
    object: Record<string, unknown>,
    known: ReadonlySet<string>,
    path: IssuePath,
    issues: Issue[],
  ): void;
}

/** The issue makers of an object input: `request.*` or `provider.*`. */
export function objectIssues(input: 'request' | 'provider'): ObjectIssues {
  const invalidTypeCode = `${input}.invalid_type` as const;
  const unknownFieldCode = `${input}.unknown_field` as const;
  return {
    invalidType: (path, expected, value) =>
      makeIssue(invalidTypeCode, path, { params: { expected, type: typeName(value) } }),
    pushUnknownFields(object, known, path, issues) {
      for (const key of Object.keys(object)) {
        if (!known.has(key))
          issues.push(makeIssue(unknownFieldCode, [...path, key], { params: { field: key } }));
      }
    },
  };
}

/** An array's items, or `undefined` when `value` is not an array. */
export function readArray(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}
