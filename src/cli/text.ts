/** Text lines shared by the batch commands: a mark, the subject, then each issue and its fix. */
import picocolors from 'picocolors';
import type { CheckStatus } from '../core/report/report-types.js';
import { checkStatus } from '../core/report/status.js';
import type { Issue } from '../core/result.js';
import {
  issueMark,
  type Painter,
  paintIssue,
  paintStatus,
  printable,
  STATUS_MARKS,
} from '../node/preflight/render.js';

export { type Painter, paintStatus };

/** A painter that colours only when `enabled`. */
export function painter(enabled: boolean): Painter {
  return picocolors.createColors(enabled);
}

/** The status of one item from its result: `fail` when not ok, else as a report check's ({@link checkStatus}). */
export function statusOf(issues: readonly Issue[], ok: boolean): CheckStatus {
  return ok ? checkStatus(issues) : 'fail';
}

/** `✖ subject`, then one indented line per issue (`✖ message [code]`) and its `fix:`. */
export function itemLines(
  c: Painter,
  status: CheckStatus,
  subject: string,
  issues: readonly Issue[],
): string[] {
  const lines = [`${paintStatus(c, status, STATUS_MARKS[status])} ${printable(subject)}`];
  lines.push(...issueLines(c, issues, '    '));
  return lines;
}

/** One line per issue (`✖ message [code]`) and an indented `fix:` line under it. */
export function issueLines(c: Painter, issues: readonly Issue[], indent: string): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const painted = paintIssue(c, issue, issueMark(issue));
    const where = issue.path.length > 0 ? ` ${c.dim(`at ${printable(issue.path.join('.'))}`)}` : '';
    lines.push(
      `${indent}${painted} ${printable(issue.message)} ${c.dim(`[${printable(issue.code)}]`)}${where}`,
    );
    if (issue.hint) lines.push(`${indent}  ${c.cyan('fix:')} ${printable(issue.hint)}`);
  }
  return lines;
}
