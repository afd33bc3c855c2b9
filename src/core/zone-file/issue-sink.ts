/**
 * Where a zone file's issues go (RULES §11): a capped list, so memory stays bounded on a hostile
 * file, and the helpers that report a dropped record.
 */
import type { IssueCode } from '../issues/issue-codes.js';
import { type Issue, type IssueParamsOf, makeIssue } from '../result.js';

/** The codes a zone file's issues carry (they all take `line`). */
type ZoneIssueCode = Extract<IssueCode, `zone.${string}`>;

/** Issues listed at most; the rest are counted in one `zone.issues_truncated`. */
export const MAX_ZONE_ISSUES = 1000;
/** Longest token text quoted back in an issue's params. */
const MAX_PARAM_TEXT = 80;

/** A token's text, cut to the length quoted back in params. */
export const clip = (text: string) =>
  text.length > MAX_PARAM_TEXT ? `${text.slice(0, MAX_PARAM_TEXT)}…` : text;

/** Collects issues with a cap, so memory stays bounded on a hostile file. */
export class IssueSink {
  readonly issues: Issue[] = [];
  omitted = 0;
  errors = 0;

  constructor(private readonly file: string | undefined) {}

  add<C extends ZoneIssueCode>(
    code: C,
    line: number,
    endLine: number | undefined,
    params: Omit<IssueParamsOf<C>, 'line' | 'endLine' | 'file'>,
  ): void {
    const where = {
      line,
      ...(endLine !== undefined && endLine > line ? { endLine } : {}),
      ...(this.file !== undefined ? { file: this.file } : {}),
    };
    // Typed per code at the call site; the spread is what the table's params type says.
    const issue = makeIssue(code as 'zone.syntax_error', [], {
      params: { ...where, ...params } as unknown as IssueParamsOf<'zone.syntax_error'>,
    });
    if (issue.severity === 'error') this.errors++;
    if (this.issues.length < MAX_ZONE_ISSUES) this.issues.push(issue);
    else this.omitted++;
  }
}

/** Reports a syntax error of a record; returns undefined (the record is dropped). */
export function reject(sink: IssueSink, line: number, end: number | undefined, reason: string): undefined {
  sink.add('zone.syntax_error', line, end, { reason });
  return undefined;
}

/** Reports a syntax error in RDATA; returns false (the record is dropped). */
export function fail(sink: IssueSink, line: number, end: number | undefined, reason: string): false {
  sink.add('zone.syntax_error', line, end, { reason });
  return false;
}
