/**
 * Report renderers: text for people, markdown for tickets, JSON for machines. Adapters only: no
 * rule lives here, every sentence comes from the report's issues.
 */
import picocolors from 'picocolors';
import { isInconclusiveCode } from '../../core/issues/issue-codes.js';
import { type AddressClass, isNonPublic } from '../../core/report/address-class.js';
import type { Check, CheckStatus, Report } from '../../core/report/report-types.js';
import type { Issue } from '../../core/result.js';

/** The output formats of {@link renderReport}. */
export type ReportFormat = 'text' | 'json' | 'markdown';

/** Options of {@link renderReport}. */
export interface RenderOptions {
  /**
   * ANSI colours in the `text` format. The caller decides (the command: only on a TTY and never
   * with `NO_COLOR`); the other formats never colour.
   * @default false
   */
  color?: boolean;
}

/**
 * Text that is safe to print: control characters (C0, DEL, C1), line and paragraph separators and
 * bidirectional overrides become `\xHH` / `\u{HHHH}`. Names and records come from DNS servers and
 * certificates we do not control; the report keeps them as received, its renderings never let them
 * move the cursor, clear a terminal or forge a line.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => {
    const point = ch.codePointAt(0) ?? 0;
    return point <= 0xff ? `\\x${point.toString(16).padStart(2, '0')}` : `\\u{${point.toString(16)}}`;
  });
}
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The mark printed for each check status. */
export const STATUS_MARKS: Readonly<Record<CheckStatus, string>> = Object.freeze({
  pass: '✔',
  fail: '✖',
  warn: '⚠',
  inconclusive: '?',
  skipped: '○',
});

/** The mark printed for each issue: by severity, or `?` for "we could not ask". */
export function issueMark(issue: Pick<Issue, 'code' | 'severity'>): string {
  if (isInconclusiveCode(issue.code)) return '?';
  if (issue.severity === 'error') return '✖';
  if (issue.severity === 'warning') return '⚠';
  return 'ℹ';
}

/**
 * Renders a report for people (`text`), for a ticket (`markdown`) or for machines (`json`).
 *
 * @param report - The report of `runPreflight`.
 * @param format - `text` (grouped by subject, a mark per check, each issue's message and hint, a
 *   summary line), `markdown` (a heading and a table per subject; `|`, backticks and other markdown
 *   characters in values are escaped) or `json` (`JSON.stringify(report, null, 2)`).
 * @param options - `color` for ANSI colours in `text`.
 * @returns The rendered report, without a trailing newline.
 * @example
 * ```ts
 * const report = await runPreflight(request, { nameservers: ['127.0.0.1:5353'] });
 * process.stdout.write(`${renderReport(report, 'markdown')}\n`);
 * ```
 */
export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2);
    case 'markdown':
      return renderMarkdown(report);
    case 'text':
      return renderText(report, options.color === true);
    default:
      throw new TypeError(`renderReport: unknown format ${JSON.stringify(format)}`);
  }
}

/** Checks grouped by subject, in the order each subject first appears. */
function groupBySubject(checks: readonly Check[]): Map<string, Check[]> {
  const groups = new Map<string, Check[]>();
  for (const check of checks) {
    const key = check.subject === '' ? '(request)' : check.subject;
    const group = groups.get(key);
    if (group) group.push(check);
    else groups.set(key, [check]);
  }
  return groups;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `2 errors, 1 warning, 3 infos, 0 inconclusive`. */
function countsLine(report: Report): string {
  const { errors, warnings, infos, inconclusive } = report.summary;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}, ${inconclusive} inconclusive`;
}

/** A one-line digest of the evidence people care about: SRV records and addresses. */
export function summariseEvidence(evidence: Record<string, unknown> | undefined): string {
  if (!evidence) return '';
  const parts: string[] = [];
  const records = evidence.records;
  if (Array.isArray(records) && records.length > 0) {
    parts.push(records.map(describeRecord).join(', '));
  }
  const aliases = evidence.aliases;
  if (Array.isArray(aliases) && aliases.length > 0 && aliases.every((item) => typeof item === 'string')) {
    parts.push(`CNAME ${aliases.join(' → ')}`);
  }
  for (const key of ['addresses', 'address']) {
    const value = evidence[key];
    const list = Array.isArray(value) ? value.map(describeAddress).filter((item) => item !== '') : [];
    if (list.length > 0) parts.push(`→ ${list.join(', ')}`);
    else if (typeof value === 'string' && value !== '') parts.push(`→ ${value}`);
  }
  return parts.join('  ');
}

/** `198.51.100.7`, or `10.0.0.1 (private)` for an `{ address, class }` of a class that matters. */
function describeAddress(item: unknown): string {
  if (typeof item === 'string') return item;
  if (item !== null && typeof item === 'object') {
    const { address, class: cls } = item as { address?: unknown; class?: unknown };
    if (typeof address !== 'string') return '';
    // The classes `dns.private_address` counts; `public` and `reserved` stay unmarked (the JSON keeps them).
    return typeof cls === 'string' && isNonPublic(cls as AddressClass) ? `${address} (${cls})` : address;
  }
  return '';
}

function describeRecord(record: unknown): string {
  if (typeof record === 'string') return record;
  if (record !== null && typeof record === 'object') {
    const r = record as Record<string, unknown>;
    if (typeof r.port === 'number' && typeof r.target === 'string') {
      const target = r.target === '' || r.target === '.' ? '.' : `${r.target}`;
      return `SRV ${String(r.priority ?? '?')} ${String(r.weight ?? '?')} ${r.port} ${target}`;
    }
  }
  return JSON.stringify(record);
}

/** The colour functions of one output stream (picocolors; plain text when colour is off). */
export type Painter = ReturnType<typeof picocolors.createColors>;

/** Paints a status mark or word by status: green pass, red fail, yellow warn, magenta inconclusive. */
export function paintStatus(c: Painter, status: CheckStatus, text: string): string {
  switch (status) {
    case 'pass':
      return c.green(text);
    case 'fail':
      return c.red(text);
    case 'warn':
      return c.yellow(text);
    case 'inconclusive':
      return c.magenta(text);
    default:
      return c.dim(text);
  }
}

/** Paints an issue's mark by severity, magenta for "could not ask". */
export function paintIssue(c: Painter, issue: Issue, text: string): string {
  if (isInconclusiveCode(issue.code)) return c.magenta(text);
  if (issue.severity === 'error') return c.red(text);
  if (issue.severity === 'warning') return c.yellow(text);
  return c.cyan(text);
}

function renderText(report: Report, color: boolean): string {
  const c = picocolors.createColors(color);
  const lines: string[] = [];
  lines.push(
    c.dim(`${report.tool.name} ${report.tool.version} · ${report.startedAt} · ${report.durationMs} ms`),
  );
  const p = printable;
  for (const [subject, checks] of groupBySubject(report.checks)) {
    lines.push('', c.bold(p(subject)));
    for (const check of checks) {
      const evidence = p(summariseEvidence(check.evidence));
      const head = `  ${paintStatus(c, check.status, STATUS_MARKS[check.status])} ${p(check.id)} ${paintStatus(c, check.status, check.status)}`;
      lines.push(evidence ? `${head}  ${c.dim(evidence)}` : head);
      for (const issue of check.issues) {
        lines.push(
          `      ${paintIssue(c, issue, issueMark(issue))} ${p(issue.message)} ${c.dim(`[${p(issue.code)}]`)}`,
        );
        if (issue.hint) lines.push(`        ${c.cyan('fix:')} ${p(issue.hint)}`);
      }
    }
  }
  const status = report.summary.status;
  const mark = STATUS_MARKS[status];
  lines.push(
    '',
    `${paintStatus(c, status, `${mark} ${status.toUpperCase()}`)}: ${countsLine(report)} ${c.dim(`(${plural(report.checks.length, 'check')}, ${report.durationMs} ms)`)}`,
  );
  return lines.join('\n');
}

/**
 * Escapes a value for a markdown table cell or heading: backslash, `|`, backticks and the
 * characters that start emphasis, links or HTML; line breaks become `<br>`.
 */
export function escapeMarkdown(value: string): string {
  return printable(value.replace(/[\\|`*_~[\]<>&]/g, (ch) => `\\${ch}`).replace(/\r?\n|\r/g, '<br>'));
}

function renderMarkdown(report: Report): string {
  const e = escapeMarkdown;
  const { status } = report.summary;
  const lines: string[] = [
    `## pic-preflight report: ${STATUS_MARKS[status]} ${status}`,
    '',
    `**${e(countsLine(report))}** · ${plural(report.checks.length, 'check')} · ${e(report.tool.name)} ${e(report.tool.version)} · started ${e(report.startedAt)} · ${report.durationMs} ms`,
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
      const evidence = summariseEvidence(check.evidence);
      const checkCell = evidence ? `${e(check.id)}<br>${e(evidence)}` : e(check.id);
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
