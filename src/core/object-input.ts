/**
 * RULES §5–§6: the object inputs (provisioning request, public provider settings) read their
 * fields alike; each keeps its own codes (`request.*`, `provider.*`).
 */
import { typeName } from './input.js';
import { type Issue, type IssuePath, makeIssue } from './result.js';

/**
 * Stands for a value that could not be read: a revoked Proxy, a getter or a Proxy trap that throws.
 * Type checks report it as `input.unreadable` ({@link ObjectIssues.invalidType}).
 */
export const UNREADABLE: unique symbol = Symbol('pic-preflight.unreadable');

/** Arrays longer than this are refused (`input.too_many_items`) before their items are read. */
export const MAX_ITEMS = 100_000;

/** A plain object (`{}` or `Object.create(null)`): not an array, a class instance or a boxed value. Never throws. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  try {
    if (Array.isArray(value)) return false;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
  } catch {
    return false; // a revoked Proxy or a throwing trap
  }
}

/** `Array.isArray` that never throws: `undefined` when the value cannot even be asked (a revoked Proxy). */
export function isArraySafe(value: unknown): boolean | undefined {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return Array.isArray(value);
  } catch {
    return undefined;
  }
}

/** An own property's value (never one inherited, such as `__proto__` or `toString`); {@link UNREADABLE} when reading throws. */
export function own(object: Record<string, unknown>, key: string): unknown {
  try {
    return Object.hasOwn(object, key) ? object[key] : undefined;
  } catch {
    return UNREADABLE;
  }
}

/**
 * Copies a caller's value into plain data, reading every property exactly once, so getters that
 * change on each read, Proxies and throwing traps cannot make a check throw or see two values.
 * Plain objects become null-prototype copies of their own enumerable string keys; arrays become
 * dense arrays (a hole reads as `undefined`); anything unreadable becomes {@link UNREADABLE}.
 * Arrays over {@link MAX_ITEMS} items are kept as they are (the caller refuses them by length).
 * Below `depth` levels values are kept as they are (the checks only ask their type, guarded).
 */
export function toPlainData(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth <= 0) return value;
  try {
    if (Array.isArray(value)) {
      const length = value.length;
      if (length > MAX_ITEMS) return value;
      const copy: unknown[] = new Array(length);
      for (let index = 0; index < length; index++) copy[index] = readItem(value, index, depth - 1);
      return copy;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const copy: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value))
      copy[key] = readKey(value as Record<string, unknown>, key, depth - 1);
    return copy;
  } catch {
    return UNREADABLE;
  }
}

function readItem(array: readonly unknown[], index: number, depth: number): unknown {
  try {
    return toPlainData(array[index], depth);
  } catch {
    return UNREADABLE;
  }
}

function readKey(object: Record<string, unknown>, key: string, depth: number): unknown {
  try {
    return toPlainData(object[key], depth);
  } catch {
    return UNREADABLE;
  }
}

/** The length of an array, or `undefined` when it cannot be read. */
export function arrayLength(value: readonly unknown[]): number | undefined {
  try {
    return value.length;
  } catch {
    return undefined;
  }
}

/** The type and field issues of one object input, with its codes. */
export interface ObjectIssues {
  /**
   * `<input>.invalid_type` with `expected` (`string`, `array of strings`…) and the type found;
   * `input.unreadable` for {@link UNREADABLE}.
   */
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
      value === UNREADABLE
        ? makeIssue('input.unreadable', path)
        : makeIssue(invalidTypeCode, path, { params: { expected, type: typeName(value) } }),
    pushUnknownFields(object, known, path, issues) {
      for (const key of Object.keys(object)) {
        if (!known.has(key))
          issues.push(makeIssue(unknownFieldCode, [...path, key], { params: { field: key } }));
      }
    },
  };
}

/** An array's items, or `undefined` when `value` is not an array (or cannot be asked). */
export function readArray(value: unknown): readonly unknown[] | undefined {
  return isArraySafe(value) === true ? (value as readonly unknown[]) : undefined;
}
