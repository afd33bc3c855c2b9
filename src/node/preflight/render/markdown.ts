/** The markdown report, for a ticket: a heading and a table per subject. */
import type { Report } from '../../../core/report/report-types.js';
import {
  countsLine,
  groupBySubject,
  issueMark,
  lookupsOf,
  plural,
  printable,
  STATUS_MARKS,
  sourceOf,
  splitViewsOf,
  summariseEvidence,
  VIEW_TITLES,
} from './common.js';

/**
 * Escapes a value for a markdown table cell or heading: backslash, `|`, backticks and the
 * characters that start emphasis, links or HTML; line breaks become `<br>`.
 */
export function escapeMarkdown(value: string): string {
  return printable(value.replace(/[\\|`*_~[\]<>&]/g, (ch) => `\\${ch}`).replace(/\r?\n|\r/g, '<br>'));
}

/** Renders the markdown report. */
export function renderMarkdown(report: Report, checkCount = report.checks.length): string {
  const e = escapeMarkdown;
  const { status } = report.summary;
  const lines: string[] = [
    `## pic-preflight report: ${STATUS_MARKS[status]} ${status}`,
    '',
    `**${e(countsLine(report))}** · ${plural(checkCount, 'check')} · ${e(report.tool.name)} ${e(report.tool.version)} · started ${e(report.startedAt)} · ${report.durationMs} ms`,
  ];
  for (const [subject, checks] of groupBySubject(report.checks)) {
    lines.push(
      '',
      `### ${e(subject)}`,
      '',
      '| Check | Status | Issue | Message | Fix |',
      '|---|---|---|---|---|',
    );
    for (const check of checks) {
      const source = sourceOf(check.evidence);
      const evidence = [summariseEvidence(check.evidence), source ? `(${source})` : '']
        .filter((part) => part !== '')
        .join(' ');
      const detail = [evidence, ...evidenceDetail(check.evidence)].filter((part) => part !== '');
      const checkCell = [e(check.id), ...detail.map(e)].join('<br>');
      const statusCell = `${STATUS_MARKS[check.status]} ${check.status}`;
      if (check.issues.length === 0) {
        lines.push(`| ${checkCell} | ${statusCell} |  |  |  |`);
        continue;
      }
      check.issues.forEach((issue, index) => {
        const first = index === 0;
        lines.push(
          `| ${first ? checkCell : ''} | ${first ? statusCell : ''} | ${issueMark(issue)} ${issue.severity} \`${printable(issue.code).replace(/`/g, "'")}\` | ${e(issue.message)} | ${issue.hint ? e(issue.hint) : ''} |`,
        );
      });
    }
  }
  return lines.join('\n');
}

/**
 * The split view (inside vs outside) and, in authoritative mode, each lookup's delegation path and
 * each server's answer: one cell line each.
 */
function evidenceDetail(evidence: Record<string, unknown> | undefined): string[] {
  const views = splitViewsOf(evidence).map(
    (view) =>
      `split view of ${view.name} ${view.type}: ${VIEW_TITLES.inside} ${view.inside.join(', ')} · ` +
      `${VIEW_TITLES.outside} ${view.outside.join(', ')}`,
  );
  const lookups = lookupsOf(evidence).map((lookup) => {
    const parts = [
      ...(lookup.path.length > 0 ? [`path ${lookup.path.join(' → ')}`] : []),
      ...lookup.servers.map((server) => `${server.who}: ${server.said.join(', ')}`),
    ];
    return `${lookup.name} ${lookup.type}: ${parts.join('; ')}`;
  });
  return [...views, ...lookups];
}
