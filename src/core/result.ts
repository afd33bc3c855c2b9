import { ISSUE_DEFINITIONS, type IssueCode, messageFor } from './issues/issue-codes.js';

/** How bad an issue is. Only `error` makes a result fail. */
export type Severity = 'error' | 'warning' | 'info';

/** Structured facts behind an issue, e.g. `{ label, max, actual }`. */
export type IssueParams = Record<string, string | number | boolean>;

/** Where an issue sits: `[]` for a scalar, `['sipDomains', 1]` inside a request. */
export type IssuePath = (string | number)[];

/** One finding: a stable code, its severity, an English message, a path, and optional facts and fix. */
export interface Issue {
  /** Stable, never renamed or reused, e.g. `fqdn.label_too_long`. */
  code: IssueCode;
  severity: Severity;
  /** English sentence generated from `code` and `params` in one place (`issues.ts`). */
  message: string;
  path: IssuePath;
  params?: IssueParams;
  /** The concrete fix, e.g. the exact DNS record to create. */
  hint?: string;
  /** "We could not ask" (RULES §8): set by {@link makeIssue} for inconclusive codes, never on an error. */
  inconclusive?: true;
}

/** A successful result: may carry warnings and infos. */
export interface Ok<T> {
  ok: true;
  value: T;
  issues: Issue[];
}

/** A failed result: at least one issue has severity `error`. */
export interface Fail {
  ok: false;
  issues: [Issue, ...Issue[]];
}

/** `ok` is true exactly when no issue has severity `error`. */
export type Result<T> = Ok<T> | Fail;

/** Optional parts of an issue when it is made. */
export interface IssueExtras {
  params?: IssueParams;
  hint?: string;
  /** Overrides the code's default severity (e.g. `probe.unreachable` is E for all addresses, W for some). */
  severity?: Severity;
}

/** Makes an issue: the message and default severity come from the one table in `issues.ts`. */
export function makeIssue(code: IssueCode, path: IssuePath = [], extras?: IssueExtras): Issue {
  const issue: Issue = {
    code,
    severity: extras?.severity ?? ISSUE_DEFINITIONS[code].severity,
    message: messageFor(code, extras?.params),
    path,
  };
  if (extras?.params !== undefined) issue.params = extras.params;
  if (extras?.hint !== undefined) issue.hint = extras.hint;
  if (ISSUE_DEFINITIONS[code].inconclusive === true && issue.severity !== 'error') issue.inconclusive = true;
  return issue;
}

/** True when any issue is an error. */
export function hasError(issues: readonly Issue[]): boolean {
  for (const issue of issues) if (issue.severity === 'error') return true;
  return false;
}

/** Builds the result from a value and the issues found: `ok` exactly when no issue is an error. */
export function toResult<T>(value: T, issues: Issue[]): Result<T> {
  if (hasError(issues)) return { ok: false, issues: issues as [Issue, ...Issue[]] };
  return { ok: true, value, issues };
}

/** A failed result from at least one issue (the caller guarantees one is an error). */
export function fail(first: Issue, ...rest: Issue[]): Fail {
  return { ok: false, issues: [first, ...rest] };
}

/** Returns the issues with `prefix` put in front of each path (for nesting a check inside a request). */
export function prefixPaths(issues: readonly Issue[], prefix: IssuePath): Issue[] {
  if (prefix.length === 0) return issues.slice();
  return issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));
}

/** Thrown by the `assert*` helpers; carries the issues of the failed result. */
export class PreflightError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const first = issues.find((issue) => issue.severity === 'error') ?? issues[0];
    super(first ? `${first.code}: ${first.message}` : 'pic-preflight: invalid input');
    this.name = 'PreflightError';
    this.issues = issues;
  }
}

/** Returns the value of a result, or throws a `PreflightError` carrying its issues. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new PreflightError(result.issues);
}
