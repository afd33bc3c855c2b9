/**
 * RULES §7, the record set as data: the caller's SRV records read once, field by field, into plain
 * records (never the caller's objects), every field checked; and the Access Edge's selection.
 */
import { tooLongIssue } from '../input.js';
import { arrayLength, isArraySafe, MAX_ITEMS } from '../object-input.js';
import { type Issue, makeIssue } from '../result.js';
import { isRoot, type SrvRecord } from './target.js';

/** RFC 2782: priority, weight and port are 16-bit unsigned integers. */
const MAX_UINT16 = 65535;
/** RFC 2181 §8: a TTL is 0 to 2^31 − 1 seconds. */
const MAX_TTL = 2147483647;

const NUMERIC_FIELDS = ['priority', 'weight', 'port'] as const;

/** What reading the caller's records found: plain copies, or the issues that make the set unusable. */
export interface ReadRecords {
  records: SrvRecord[];
  /** `srv.invalid_record`, `input.unreadable`, `input.too_long`, `input.too_many_items`; empty when all are records. */
  issues: Issue[];
}

type Field = (typeof NUMERIC_FIELDS)[number] | 'target' | 'ttl' | 'record';

function invalid(index: number, field: Field, reason: string): Issue {
  return makeIssue('srv.invalid_record', [index], { params: { index, field, reason } });
}

/** One property read, guarded: `{ value }`, or `undefined` when the read threw (a getter, a Proxy trap). */
function read(object: object, key: string): { value: unknown } | undefined {
  try {
    return { value: (object as Record<string, unknown>)[key] };
  } catch {
    return undefined;
  }
}

/** A whole number in [0, max], or the reason it is not. */
function integerProblem(value: unknown, max: number): string | undefined {
  if (value === undefined) return 'missing';
  if (typeof value !== 'number') return 'not_a_number';
  if (!Number.isInteger(value)) return 'not_an_integer';
  return value < 0 || value > max ? 'out_of_range' : undefined;
}

/** Reads one item into a plain record, or the issue that makes it none. */
function copyRecord(item: unknown, index: number): SrvRecord | Issue {
  if (typeof item !== 'object' || item === null)
    return invalid(index, 'record', item === null ? 'null' : typeof item);
  const numbers: number[] = [];
  for (const field of NUMERIC_FIELDS) {
    const got = read(item, field);
    if (got === undefined) return makeIssue('input.unreadable', [index, field]);
    const problem = integerProblem(got.value, MAX_UINT16);
    if (problem !== undefined) return invalid(index, field, problem);
    numbers.push((got.value as number) + 0); // -0 becomes 0 (JSON has no -0)
  }
  const target = read(item, 'target');
  if (target === undefined) return makeIssue('input.unreadable', [index, 'target']);
  if (typeof target.value !== 'string') {
    return invalid(index, 'target', target.value === undefined ? 'missing' : 'not_a_string');
  }
  // RULES §0: the raw target's length, before trimming.
  const tooLong = tooLongIssue(target.value, [index, 'target']);
  if (tooLong) return tooLong;
  const record: SrvRecord = {
    priority: numbers[0] as number,
    weight: numbers[1] as number,
    port: numbers[2] as number,
    target: target.value,
  };
  const ttl = read(item, 'ttl');
  if (ttl === undefined) return makeIssue('input.unreadable', [index, 'ttl']);
  if (ttl.value !== undefined) {
    const problem = integerProblem(ttl.value, MAX_TTL);
    if (problem !== undefined) return invalid(index, 'ttl', problem);
    record.ttl = (ttl.value as number) + 0;
  }
  return record;
}

/**
 * Reads the caller's records: each item once, each field once, into a plain `{ priority, weight,
 * port, target, ttl? }` (other fields dropped: BigInt or cyclic extras never reach the result).
 * A hole (`[,]`) is `srv.invalid_record` at its index; so is a field that is not a whole number in
 * 0–65535 (`params.field` names it, `params.reason` says why). A value that is not an array reads as
 * no records (`srv.missing` follows); one that cannot be read is `input.unreadable`.
 */
export function readRecords(value: unknown): ReadRecords {
  const isArray = isArraySafe(value);
  if (isArray === undefined) return { records: [], issues: [makeIssue('input.unreadable', [])] };
  if (!isArray) return { records: [], issues: [] };
  const given = value as readonly unknown[];
  const length = arrayLength(given);
  if (length === undefined) return { records: [], issues: [makeIssue('input.unreadable', [])] };
  if (length > MAX_ITEMS) {
    return {
      records: [],
      issues: [makeIssue('input.too_many_items', [], { params: { max: MAX_ITEMS, actual: length } })],
    };
  }
  const records: SrvRecord[] = [];
  const issues: Issue[] = [];
  for (let index = 0; index < length; index++) {
    let item: unknown;
    try {
      if (!Object.hasOwn(given, index)) {
        issues.push(invalid(index, 'record', 'hole'));
        continue;
      }
      item = given[index];
    } catch {
      issues.push(makeIssue('input.unreadable', [index]));
      continue;
    }
    const copied = copyRecord(item, index);
    if ('code' in copied) issues.push(copied);
    else records.push(copied);
  }
  return { records, issues };
}

/** The index of the record the Access Edge uses among clean records (see `selectFederationRecord`), or -1. */
export function selectIndex(records: readonly SrvRecord[]): number {
  let best = -1;
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as SrvRecord;
    if (isRoot(record.target)) continue;
    const current = records[best];
    // Strict comparisons keep the first received on a tie.
    if (
      current === undefined ||
      record.priority < current.priority ||
      (record.priority === current.priority && record.weight > current.weight)
    ) {
      best = index;
    }
  }
  return best;
}
