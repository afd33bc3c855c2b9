/**
 * GitHub Actions workflow commands: one annotation per issue, `::error title=CODE::message`
 * (`::warning` for warnings and could-not-ask issues, `::notice` for infos), escaped as the
 * runner's toolkit does: in the message `%` `\r` `\n`; in the title also `:` and `,`.
 */
import type { Report } from '../../../core/report/report-types.js';
import type { Severity } from '../../../core/result.js';
import { fileLocation, printable } from './common.js';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a workflow command's message (actions/toolkit `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (actions/toolkit `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Renders the report as workflow-command annotations, one line each. */
export function renderGithub(report: Report): string {
  const lines: string[] = [];
  for (const check of report.checks) {
    for (const issue of check.issues) {
      // printable() first: a name from DNS cannot smuggle a second command in with a control character.
      const where = check.subject === '' ? check.id : `${check.id} ${check.subject}`;
      const message = `${where}: ${issue.message}${issue.hint ? `\nfix: ${issue.hint}` : ''}`;
      const lines2 = message.split('\n').map(printable).join('\n');
      // A planned zone's issue points at its line (the annotation then shows on the file in a PR).
      const at = fileLocation(issue);
      const place = at
        ? `file=${escapeProperty(printable(at.file))},line=${at.line},${at.endLine ? `endLine=${at.endLine},` : ''}`
        : '';
      lines.push(
        `::${COMMAND[issue.severity]} ${place}title=${escapeProperty(printable(issue.code))}::${escapeData(lines2)}`,
      );
    }
  }
  return lines.join('\n');
}
