import { _definitionOf, type IssueCode, type IssueParamsMap, type Severity } from './issues/issue-codes.js';

export type { Severity } from './issues/issue-codes.js';

/** Structured facts behind an issue, e.g. `{ label, max, actual }`. */
export type IssueParams = Record<string, string | number | boolean>;

/** Where an issue sits: `[]` for a scalar, `['sipDomains', 1]` inside a request. */
export type IssuePath = (string | number)[];

/** One finding: a stable code, its severity, an English message, a path, and optional facts and fix. */
export interface Issue {
  /** Stable, never renamed or reused, e.g. `fqdn.label_too_long`. */
  code: IssueCode;
  severity: Severity;
  /** English sentence generated from `code` and `params` in one place (`issues/issue-codes.ts`). */
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
  /** Never present: `result.value` narrows to `T` only after checking `result.ok`. */
  value?: never;
  issues: [Issue, ...Issue[]];
}

/** `ok` is true exactly when no issue has severity `error`. */
export type Result<T> = Ok<T> | Fail;

/** The params type of one code (from the table in `issues/issue-codes.ts`). */
export type IssueParamsOf<C extends IssueCode> = IssueParamsMap[C];

/** Optional parts of an issue when it is made. */
export interface IssueExtras<C extends IssueCode = IssueCode> {
  params?: IssueParamsOf<C>;
  /**
   * Overrides the table's hint. Only for a fix that depends on facts the params do not carry;
   * prefer putting those facts into the params.
   */
  hint?: string;
  /** Overrides the code's default severity (e.g. `probe.unreachable` is E for all addresses, W for some). */
  severity?: Severity;
}

/** `extras` is required, with `params`, for a code that has params; optional for one without. */
type ExtrasArgument<C extends IssueCode> =
  Record<never, never> extends IssueParamsOf<C>
    ? [extras?: IssueExtras<C>]
    : [extras: IssueExtras<C> & { params: IssueParamsOf<C> }];

/**
 * Makes an issue: the message, the hint and the default severity come from the one table in
 * `issues/issue-codes.ts`; `params` are checked against the code's params type at compile time.
 */
export function makeIssue<C extends IssueCode>(
  code: C,
  path: IssuePath = [],
  ...[extras]: ExtrasArgument<C>
): Issue {
  const params = (extras?.params ?? {}) as Record<string, unknown>;
  const row = _definitionOf(code); // one look-up for severity, message, hint and the flag
  const issue: Issue = {
    code,
    severity: extras?.severity ?? row?.severity ?? 'error',
    message: row ? row.message(params) : code,
    path,
  };
  if (extras?.params !== undefined) issue.params = withoutUndefined(extras.params);
  const hint = extras?.hint ?? row?.hint?.(params);
  if (hint !== undefined) issue.hint = hint;
  if (row?.inconclusive === true && issue.severity !== 'error') issue.inconclusive = true;
  return issue;
}

/** Params as JSON keeps them: an optional field passed as `undefined` is left out. */
function withoutUndefined(params: object): IssueParams {
  const out: IssueParams = {};
  const given = params as Record<string, IssueParams[string] | undefined>;
  for (const key in given) {
    if (!Object.hasOwn(given, key)) continue;
    const value = given[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
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

/** Returns the issues with `prefix` put in front of each path (for nesting a check inside a request). */
export function prefixPaths(issues: readonly Issue[], prefix: IssuePath): Issue[] {
  if (prefix.length === 0) return issues.slice();
  return issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));
}

// Symbol.for: one brand across copies of this module (the ESM and CJS builds, two installs).
const PREFLIGHT_ERROR = Symbol.for('pic-preflight.PreflightError');

/**
 * Thrown by the `assert*` helpers; carries the issues of the failed result. Its message lists every
 * error (`code: message`, one a line after the first). Recognise it with {@link PreflightError.is},
 * which also works across the ESM and CJS builds, where `instanceof` does not.
 * @example
 * ```ts
 * try {
 *   assertFqdn('sip_bad.contoso.com');
 * } catch (error) {
 *   if (PreflightError.is(error)) console.log(error.issues.map((issue) => issue.code));
 * }
 * ```
 */
export class PreflightError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error');
    const listed = (errors.length > 0 ? errors : issues).map((issue) => {
      const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
      return `${issue.code}: ${issue.message}${where}`;
    });
    super(listed.length > 0 ? listed.join('\n') : 'pic-preflight: invalid input');
    this.name = 'PreflightError';
    this.issues = issues;
    Object.defineProperty(this, PREFLIGHT_ERROR, { value: true });
  }

  /**
   * True for a `PreflightError` from any copy of this package (ESM or CJS build).
   * @param value anything caught
   * @returns whether `value` is a `PreflightError`
   */
  static is(value: unknown): value is PreflightError {
    return value instanceof Error && (value as unknown as Record<symbol, unknown>)[PREFLIGHT_ERROR] === true;
  }
}

/** Returns the value of a result, or throws a `PreflightError` carrying its issues. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new PreflightError(result.issues);
}
