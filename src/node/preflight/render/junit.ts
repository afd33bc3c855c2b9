/**
 * JUnit XML, for CI test reports: one `<testsuite>` per subject, one `<testcase>` per check; a
 * check with errors has a `<failure>` listing them, an inconclusive or skipped check is
 * `<skipped>`, warnings and infos go to `<system-out>`.
 */
import type { Check, Report } from '../../../core/report/report-types.js';
import { groupBySubject, printable } from './common.js';

/** Text safe in XML 1.0 content and attributes: controls escaped as text first, then `& < > " '`. */
export function escapeXml(text: string): string {
  return printable(text)
    .replace(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g,
      '\ufffd',
    )
    .replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch] as string);
}
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** Issues as XML text, one line each (each part escaped; the line breaks are real ones). */
const lines = (issues: readonly Check['issues'][number][]): string =>
  issues.map((issue) => issueText(issue).split('\n').map(escapeXml).join('\n')).join('\n');

/** Renders the report as JUnit XML. */
export function renderJunit(report: Report): string {
  const x = escapeXml;
  const failures = report.checks.filter((check) => check.status === 'fail').length;
  const skipped = report.checks.filter(
    (check) => check.status === 'inconclusive' || check.status === 'skipped',
  ).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${x(report.tool.name)}" tests="${report.checks.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(report.durationMs)}" timestamp="${x(report.startedAt)}">`,
  ];
  for (const [subject, checks] of groupBySubject(report.checks)) {
    const suiteFailures = checks.filter((check) => check.status === 'fail').length;
    const suiteSkipped = checks.filter(
      (check) => check.status === 'inconclusive' || check.status === 'skipped',
    ).length;
    const time = checks.reduce((sum, check) => sum + check.durationMs, 0);
    lines.push(
      `  <testsuite name="${x(subject)}" tests="${checks.length}" failures="${suiteFailures}" errors="0" skipped="${suiteSkipped}" time="${seconds(time)}" timestamp="${x(report.startedAt)}">`,
    );
    for (const check of checks) lines.push(...testcase(check));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n');
}

/** One issue as a line of text: `[code] message` and its fix. */
const issueText = (issue: Check['issues'][number]): string =>
  `[${issue.code}] ${issue.message}${issue.hint ? `\n  fix: ${issue.hint}` : ''}`;

function testcase(check: Check): string[] {
  const x = escapeXml;
  const open = `    <testcase name="${x(`${check.id} ${check.subject}`)}" classname="pic-preflight.${x(check.id)}" time="${seconds(check.durationMs)}"`;
  const errors = check.issues.filter((issue) => issue.severity === 'error');
  const others = check.issues.filter((issue) => issue.severity !== 'error');
  const body: string[] = [];
  if (check.status === 'fail' && errors.length > 0) {
    const first = errors[0] as Check['issues'][number];
    body.push(
      `      <failure message="${x(first.message)}" type="${x(first.code)}">${lines(errors)}</failure>`,
    );
  } else if (check.status === 'inconclusive' || check.status === 'skipped') {
    const why = others.find((issue) => issue.inconclusive === true) ?? others[0];
    body.push(`      <skipped message="${x(why ? `${why.code}: ${why.message}` : check.status)}"/>`);
  }
  if (others.length > 0) body.push(`      <system-out>${lines(others)}</system-out>`);
  return body.length === 0 ? [`${open}/>`] : [`${open}>`, ...body, '    </testcase>'];
}
