/**
 * The text report, for people: grouped by subject, a mark per check, each issue's message and fix,
 * the evidence (with where it came from: planned, authoritative, DoH), a summary line. Wrapped to a
 * width when one is given.
 */
import type { Check, Report } from '../../../core/report/report-types.js';
import {
  countsLine,
  describeRecord,
  groupBySubject,
  issueMark,
  type Painter,
  paintIssue,
  paintStatus,
  plural,
  printable,
  STATUS_MARKS,
  sourceOf,
  summariseEvidence,
} from './common.js';
import { columns, layout, type Segment, segments } from './wrap.js';

/** Options of the text renderer. */
export interface TextOptions {
  painter: Painter;
  /** Columns to wrap to; undefined: no wrapping. */
  width?: number;
}

/** Renders the text report. */
export function renderText(report: Report, { painter: c, width }: TextOptions): string {
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
        { text: `(${plural(report.checks.length, 'check')}, ${report.durationMs} ms)`, paint: c.dim },
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
  if (evidence) body.push(...segments(evidence, c.dim));
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
 * What authoritative mode and planned zones add to the evidence (src/node/dns/types.ts): the
 * delegation `path`, each authoritative server's answer (`servers`), and a split view (what the
 * configured resolver said inside vs what the authoritative servers say outside), side by side.
 */
function evidenceDetail(
  c: Painter,
  evidence: Record<string, unknown> | undefined,
  width: number | undefined,
): string[] {
  if (!evidence) return [];
  const p = printable;
  const lines: string[] = [];
  const path = evidence.path;
  if (Array.isArray(path) && path.length > 0) {
    const steps = path.map((step) => {
      const s = (step ?? {}) as { zone?: unknown; nameservers?: unknown };
      const zone = typeof s.zone === 'string' ? (s.zone === '' ? '.' : s.zone) : '?';
      const names = Array.isArray(s.nameservers) ? s.nameservers.filter((n) => typeof n === 'string') : [];
      return names.length > 0 ? `${zone} (${names.join(', ')})` : zone;
    });
    lines.push(...layout(`      ${c.dim('path:')} `, 12, segments(p(steps.join(' → ')), c.dim), 12, width));
  }
  const servers = evidence.servers;
  if (Array.isArray(servers)) {
    for (const view of servers) {
      const v = (view ?? {}) as Record<string, unknown>;
      const who = [v.nameserver, v.server].filter((x) => typeof x === 'string').join(' ');
      const said =
        v.outcome === 'lame'
          ? `lame${typeof v.lameReason === 'string' ? ` (${v.lameReason})` : ''}`
          : v.outcome === 'answer' && Array.isArray(v.records)
            ? v.records.map(describeRecord).join(', ')
            : String(v.outcome ?? '?');
      lines.push(
        ...layout(`      ${c.dim('server')} `, 13, segments(p(`${who}: ${said}`), c.dim), 10, width),
      );
    }
  }
  lines.push(...splitView(c, evidence, width));
  return lines;
}

const SPLIT_KEYS = [
  ['inside', 'outside'],
  ['recursive', 'authoritative'],
] as const;

/** Inside vs outside, side by side when the width allows (else one under the other). */
function splitView(c: Painter, evidence: Record<string, unknown>, width: number | undefined): string[] {
  for (const [insideKey, outsideKey] of SPLIT_KEYS) {
    const inside = evidence[insideKey];
    const outside = evidence[outsideKey];
    if (inside === undefined || outside === undefined) continue;
    const left = viewLines(inside).map(printable);
    const right = viewLines(outside).map(printable);
    const leftTitle = 'inside (your resolver)';
    const rightTitle = 'outside (what partners see)';
    const leftWidth = Math.max(columns(leftTitle), ...left.map(columns));
    const rightWidth = Math.max(columns(rightTitle), ...right.map(columns));
    const indent = '      ';
    if (width === undefined || indent.length + leftWidth + 3 + rightWidth <= width) {
      const rows = Math.max(left.length, right.length);
      const pad = (text: string) => text + ' '.repeat(leftWidth - columns(text));
      const out = [`${indent}${c.bold(pad(leftTitle))} │ ${c.bold(rightTitle)}`];
      for (let i = 0; i < rows; i++) out.push(`${indent}${pad(left[i] ?? '')} │ ${right[i] ?? ''}`.trimEnd());
      return out;
    }
    return [
      `${indent}${c.bold(leftTitle)}`,
      ...left.map((line) => `${indent}  ${line}`),
      `${indent}${c.bold(rightTitle)}`,
      ...right.map((line) => `${indent}  ${line}`),
    ];
  }
  return [];
}

/** One side of a split view: its records (or outcome) one a line. */
function viewLines(view: unknown): string[] {
  if (Array.isArray(view)) return view.length > 0 ? view.map(describeRecord) : ['(nothing)'];
  if (view !== null && typeof view === 'object') {
    const v = view as Record<string, unknown>;
    const list = Array.isArray(v.records) ? v.records : Array.isArray(v.addresses) ? v.addresses : undefined;
    if (list && list.length > 0) return list.map(describeRecord);
    if (typeof v.kind === 'string') return [v.kind];
    if (typeof v.outcome === 'string') return [v.outcome];
  }
  return [typeof view === 'string' ? view : (JSON.stringify(view) ?? '?')];
}
