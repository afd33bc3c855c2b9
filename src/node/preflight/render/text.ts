/**
 * The text report, for people: grouped by subject, a mark per check, each issue's message and fix,
 * the evidence (with where it came from: planned, authoritative, DoH), a summary line. Wrapped to a
 * width when one is given.
 */
import type { Check, Report } from '../../../core/report/report-types.js';
import {
  countsLine,
  groupBySubject,
  issueMark,
  lookupsOf,
  type Painter,
  paintIssue,
  paintStatus,
  plural,
  printable,
  type SplitViewText,
  STATUS_MARKS,
  sourceOf,
  splitViewsOf,
  summariseEvidence,
  VIEW_TITLES,
} from './common.js';
import { columns, layout, type Segment, segments } from './wrap.js';

/** Options of the text renderer. */
export interface TextOptions {
  painter: Painter;
  /** Columns to wrap to; undefined: no wrapping. */
  width?: number;
  /** Checks in the run, for the summary (with `--quiet` the report holds only the failed ones). */
  checkCount?: number;
}

/** Renders the text report. */
export function renderText(report: Report, { painter: c, width, checkCount }: TextOptions): string {
  const lines: string[] = [];
  const p = printable;
  lines.push(
    ...layout(
      '',
      0,
      segments(
        `${report.tool.name} ${report.tool.version} · ${report.startedAt} · ${report.durationMs} ms`,
        c.dim,
      ),
      2,
      width,
    ),
  );
  for (const [subject, checks] of groupBySubject(report.checks)) {
    lines.push('', c.bold(p(subject)));
    for (const check of checks) lines.push(...checkLines(c, check, width));
  }
  const status = report.summary.status;
  const mark = STATUS_MARKS[status];
  const head = `${mark} ${status.toUpperCase()}:`;
  lines.push(
    '',
    ...layout(
      `${paintStatus(c, status, head)} `,
      columns(head) + 1,
      [
        { text: countsLine(report) },
        {
          text: `(${plural(checkCount ?? report.checks.length, 'check')}, ${report.durationMs} ms)`,
          paint: c.dim,
        },
      ],
      2,
      width,
    ),
  );
  return lines.join('\n');
}

/** One check: its mark, id and status with the evidence digest, then its issues and their fixes. */
function checkLines(c: Painter, check: Check, width: number | undefined): string[] {
  const p = printable;
  const lines: string[] = [];
  const source = sourceOf(check.evidence);
  const evidence = p(summariseEvidence(check.evidence));
  const headText = `${STATUS_MARKS[check.status]} ${check.id} ${check.status}`;
  const body: Segment[] = [];
  // The digest's parts are two spaces apart, its records and addresses `, ` apart: each kept whole.
  for (const part of evidence === '' ? [] : evidence.split('  ')) {
    const items = part.split(', ');
    items.forEach((item, i) => {
      body.push({ text: i < items.length - 1 ? `${item},` : item, paint: c.dim, keep: true });
    });
  }
  // RULES §10–§11: say where the answer came from when it is not the configured resolver.
  if (source) body.push({ text: `(${p(source)})`, paint: c.cyan });
  const lead = `  ${paintStatus(c, check.status, STATUS_MARKS[check.status])} ${p(check.id)} ${paintStatus(c, check.status, check.status)}`;
  lines.push(...layout(body.length > 0 ? `${lead}  ` : lead, columns(p(headText)) + 4, body, 6, width));
  lines.push(...evidenceDetail(c, check.evidence, width));
  for (const issue of check.issues) {
    const mark = issueMark(issue);
    lines.push(
      ...layout(
        `      ${paintIssue(c, issue, mark)} `,
        6 + columns(mark) + 1,
        [...segments(p(issue.message)), { text: `[${p(issue.code)}]`, paint: c.dim }],
        8,
        width,
      ),
    );
    if (issue.hint) {
      lines.push(...layout(`        ${c.cyan('fix:')} `, 13, segments(p(issue.hint)), 10, width));
    }
  }
  return lines;
}

/**
 * What authoritative mode adds to the evidence (src/node/live/split-view.ts, server-views.ts): the
 * split view (`evidence.views`: what the configured resolver said inside vs what the authoritative
 * servers say outside), then each lookup's delegation path and each server's answer
 * (`evidence.resolution.lookups`). Records are never split across lines.
 */
function evidenceDetail(
  c: Painter,
  evidence: Record<string, unknown> | undefined,
  width: number | undefined,
): string[] {
  const lines: string[] = [];
  for (const view of splitViewsOf(evidence)) lines.push(...splitView(c, view, width));
  let previousPath = '';
  for (const lookup of lookupsOf(evidence)) {
    const path = lookup.path.join(' → ');
    const same = path !== '' && path === previousPath;
    if (path !== '') previousPath = path;
    const head = `${lookup.name} ${lookup.type}${same ? ' (same path)' : ''}:`;
    lines.push(...layout(INDENT, INDENT.length, segments(printable(head), c.dim), INDENT.length + 2, width));
    if (path !== '' && !same) {
      // A step (`zone (ns1, ns2)`) breaks only after its commas, or between words when even a
      // part is wider than the line.
      const hang = INDENT.length + 8;
      const steps: Segment[] = lookup.path.flatMap((step, i) => [
        ...(i > 0 ? [{ text: '→', paint: c.dim }] : []),
        ...printable(step)
          .split(', ')
          .map((part, j, all) => (j < all.length - 1 ? `${part},` : part))
          .map((part) => ({
            text: part,
            paint: c.dim,
            keep: width === undefined || hang + columns(part) <= width,
          })),
      ]);
      lines.push(...layout(`${INDENT}  ${c.dim('path:')} `, hang, steps, hang, width));
    }
    for (const server of lookup.servers) {
      const who = printable(`${server.who}:`);
      const said: Segment[] = server.said.map((record, i, all) => ({
        text: printable(i < all.length - 1 ? `${record},` : record),
        keep: true,
      }));
      lines.push(
        ...layout(
          `${INDENT}  `,
          INDENT.length + 2,
          [
            {
              text: who,
              paint: c.dim,
              keep: width === undefined || INDENT.length + 2 + columns(who) <= width,
            },
            ...said,
          ],
          INDENT.length + 4,
          width,
        ),
      );
    }
  }
  return lines;
}

const INDENT = '      ';

/**
 * One question of a split view: inside vs outside side by side when both columns fit the width,
 * else one under the other; a record too long for its indent goes flush left, whole.
 */
function splitView(c: Painter, view: SplitViewText, width: number | undefined): string[] {
  const lines = layout(
    INDENT,
    INDENT.length,
    segments(printable(`split view of ${view.name} ${view.type}:`)),
    INDENT.length + 2,
    width,
  );
  const left = view.inside.map(printable);
  const right = view.outside.map(printable);
  const leftWidth = Math.max(columns(VIEW_TITLES.inside), ...left.map(columns));
  const rightWidth = Math.max(columns(VIEW_TITLES.outside), ...right.map(columns));
  if (width === undefined || INDENT.length + leftWidth + 3 + rightWidth <= width) {
    const pad = (text: string) => text + ' '.repeat(leftWidth - columns(text));
    lines.push(`${INDENT}${c.bold(pad(VIEW_TITLES.inside))} │ ${c.bold(VIEW_TITLES.outside)}`);
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      lines.push(`${INDENT}${pad(left[i] ?? '')} │ ${right[i] ?? ''}`.trimEnd());
    }
    return lines;
  }
  const stacked = (title: string, records: string[]) => [
    ...layout(INDENT, INDENT.length, segments(`${title}:`, c.bold), INDENT.length + 2, width),
    ...records.map((record) =>
      INDENT.length + 2 + columns(record) <= width ? `${INDENT}  ${record}` : record,
    ),
  ];
  return [...lines, ...stacked(VIEW_TITLES.inside, left), ...stacked(VIEW_TITLES.outside, right)];
}
