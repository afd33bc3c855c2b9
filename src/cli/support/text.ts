/** Text lines shared by the batch commands: a mark, the subject, then each issue and its fix. */
import type { CheckStatus } from '../../core/report/report-types.js';
import { checkStatus } from '../../core/report/status.js';
import type { Issue } from '../../core/result.js';
import { columns, layout, segments } from '../../node/preflight/render/wrap.js';
import {
  issueMark,
  type Painter,
  painter,
  paintIssue,
  paintStatus,
  printable,
  STATUS_MARKS,
} from '../../node/preflight/render.js';

export { type Painter, painter, paintStatus };

/** The status of one item from its result: `fail` when not ok, else as a report check's ({@link checkStatus}). */
export function statusOf(issues: readonly Issue[], ok: boolean): CheckStatus {
  return ok ? checkStatus(issues) : 'fail';
}

/**
 * `✖ subject`, then one indented line per issue (`✖ message [code]`) and its `fix:`; wrapped to
 * `width` columns when given (a record or command whole on a line of its own).
 */
export function itemLines(
  c: Painter,
  status: CheckStatus,
  subject: string,
  issues: readonly Issue[],
  width?: number,
): string[] {
  const lines = [`${paintStatus(c, status, STATUS_MARKS[status])} ${printable(subject)}`];
  lines.push(...issueLines(c, issues, '    ', width));
  return lines;
}

/** One line per issue (`✖ message [code]`) and an indented `fix:` line under it, wrapped to `width`. */
export function issueLines(c: Painter, issues: readonly Issue[], indent: string, width?: number): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const mark = issueMark(issue);
    const body = [
      ...segments(printable(issue.message)),
      { text: `[${printable(issue.code)}]`, paint: c.dim },
    ];
    if (issue.path.length > 0) body.push({ text: `at ${printable(issue.path.join('.'))}`, paint: c.dim });
    const lead = `${indent}${paintIssue(c, issue, mark)} `;
    const hang = indent.length + columns(mark) + 1;
    lines.push(...layout(lead, hang, body, hang, width));
    if (issue.hint) {
      lines.push(
        ...layout(
          `${indent}  ${c.cyan('fix:')} `,
          indent.length + 7,
          segments(printable(issue.hint)),
          indent.length + 4,
          width,
        ),
      );
    }
  }
  return lines;
}
