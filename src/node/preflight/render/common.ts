/**
 * What every report renderer shares: safe text, marks, colours, grouping, counts and the one-line
 * evidence digest. Adapters only: no rule lives here, every sentence comes from the report's issues.
 */
import picocolors from 'picocolors';
import { isInconclusiveCode } from '../../../core/issues/issue-codes.js';
import { type AddressClass, isNonPublic } from '../../../core/report/address-class.js';
import type { Check, CheckStatus, Report } from '../../../core/report/report-types.js';
import type { Issue } from '../../../core/result.js';

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

/** The colour functions of one output stream (picocolors; plain text when colour is off). */
export type Painter = ReturnType<typeof picocolors.createColors>;

/** A painter that colours only when `enabled`. */
export function painter(enabled: boolean): Painter {
  return picocolors.createColors(enabled);
}

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

/** Checks grouped by subject, in the order each subject first appears. */
export function groupBySubject(checks: readonly Check[]): Map<string, Check[]> {
  const groups = new Map<string, Check[]>();
  for (const check of checks) {
    const key = check.subject === '' ? '(request)' : check.subject;
    const group = groups.get(key);
    if (group) group.push(check);
    else groups.set(key, [check]);
  }
  return groups;
}

/** `1 error`, `2 errors`. */
export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `2 errors, 1 warning, 3 infos, 0 inconclusive`. */
export function countsLine(report: Report): string {
  const { errors, warnings, infos, inconclusive } = report.summary;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}, ${inconclusive} inconclusive`;
}

/**
 * The report with only what failed or could not be checked (`--quiet`): checks whose status is
 * `fail`, each with its error issues, and `inconclusive` ones with their could-not-ask issues (exit 3
 * must show why). The summary still counts the whole run.
 */
export function failuresOnly(report: Report): Report {
  const checks = report.checks
    .filter((check) => check.status === 'fail' || check.status === 'inconclusive')
    .map((check) => ({
      ...check,
      issues: check.issues.filter(
        (issue) =>
          issue.severity === 'error' || (check.status === 'inconclusive' && issue.inconclusive === true),
      ),
    }));
  return { ...report, checks };
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

/** `SRV 0 0 5061 sip.contoso.com`, `A 192.0.2.1`, `CNAME x`, or the record as JSON. */
export function describeRecord(record: unknown): string {
  if (typeof record === 'string') return record;
  if (record !== null && typeof record === 'object') {
    const r = record as Record<string, unknown>;
    if (typeof r.port === 'number' && typeof r.target === 'string') {
      const target = r.target === '' || r.target === '.' ? '.' : `${r.target}`;
      return `SRV ${String(r.priority ?? '?')} ${String(r.weight ?? '?')} ${r.port} ${target}`;
    }
    if (typeof r.address === 'string') return `${typeof r.type === 'string' ? r.type : 'A'} ${r.address}`;
    if (r.type === 'CNAME' && typeof r.target === 'string') return `CNAME ${r.target}`;
    if (r.type === 'TXT' && Array.isArray(r.data))
      return `TXT ${r.data.map((d) => JSON.stringify(d)).join(' ')}`;
  }
  return JSON.stringify(record) ?? String(record);
}

/** Where an answer came from (RULES §10–§11), when it is not the configured recursive resolver. */
export function sourceOf(evidence: Record<string, unknown> | undefined): string | undefined {
  const source = evidence?.source;
  return typeof source === 'string' && source !== 'recursive' ? source : undefined;
}

/** One question of a split view (`evidence.views`, RULES §10) as text: each side's records, or its kind. */
export interface SplitViewText {
  name: string;
  type: string;
  /** What the configured resolver said (inside). */
  inside: string[];
  /** What the authoritative servers say (outside: what partners see). */
  outside: string[];
}

/** The titles of the two sides of a split view. */
export const VIEW_TITLES = Object.freeze({
  inside: 'inside (your resolver)',
  outside: 'outside (what partners see)',
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(describeRecord) : []);

/** One side: its records, or its outcome in capitals (`NXDOMAIN`, `NODATA`) as `dns.split_view` says it. */
function sideText(side: unknown): string[] {
  if (!isRecord(side)) return ['?'];
  const records = texts(side.records);
  if (records.length > 0) return records;
  const kind = str(side.kind);
  return [kind === undefined || kind === 'answer' ? '(no records)' : kind.toUpperCase()];
}

/** `evidence.views` (src/node/live/split-view.ts), read defensively: a report may come from a file. */
export function splitViewsOf(evidence: Record<string, unknown> | undefined): SplitViewText[] {
  const views = evidence?.views;
  if (!Array.isArray(views)) return [];
  return views.filter(isRecord).map((view) => ({
    name: str(view.name) ?? '?',
    type: str(view.type) ?? '?',
    inside: sideText(view.inside),
    outside: sideText(view.outside),
  }));
}

/** One lookup of `evidence.resolution` (src/node/live/server-views.ts) as text. */
export interface LookupText {
  name: string;
  type: string;
  /** The delegation path, one step a string: `org (ns1.nic.org)`; `.` is the root. */
  path: string[];
  /** Each authoritative server: who (`ns1.contoso.com 192.0.2.53:53`) and what it said. */
  servers: { who: string; said: string[] }[];
}

/** `evidence.resolution.lookups`, read defensively; lookups with neither path nor servers are left out. */
export function lookupsOf(evidence: Record<string, unknown> | undefined): LookupText[] {
  const resolution = evidence?.resolution;
  if (!isRecord(resolution) || !Array.isArray(resolution.lookups)) return [];
  return resolution.lookups
    .filter(isRecord)
    .map((lookup) => ({
      name: str(lookup.name) ?? '?',
      type: str(lookup.type) ?? '?',
      path: Array.isArray(lookup.path) ? lookup.path.filter(isRecord).map(stepText) : [],
      servers: Array.isArray(lookup.servers) ? lookup.servers.filter(isRecord).map(serverText) : [],
    }))
    .filter((lookup) => lookup.path.length > 0 || lookup.servers.length > 0);
}

function stepText(step: Record<string, unknown>): string {
  const zone = str(step.zone);
  const name = zone === undefined ? '?' : zone === '' ? '.' : zone;
  const names = Array.isArray(step.nameservers) ? step.nameservers.filter((n) => typeof n === 'string') : [];
  return names.length > 0 ? `${name} (${names.join(', ')})` : name;
}

function serverText(view: Record<string, unknown>): { who: string; said: string[] } {
  const who = [view.nameserver, view.server].filter((x) => typeof x === 'string').join(' ') || '?';
  const outcome = str(view.outcome) ?? '?';
  if (outcome === 'lame') {
    const reason = str(view.lameReason);
    return { who, said: [reason ? `lame (${reason})` : 'lame'] };
  }
  const records = texts(view.records);
  if (outcome === 'answer') return { who, said: records.length > 0 ? records : ['(no records)'] };
  return { who, said: [outcome.toUpperCase()] };
}

/**
 * Where in a file an issue is, when it knows (planned zones: `params.file` and `params.line`, RULES
 * §11), for the CI formats that point at source lines.
 */
export function fileLocation(issue: Issue): { file: string; line: number; endLine?: number } | undefined {
  const file = issue.params?.file;
  const line = issue.params?.line;
  if (typeof file !== 'string' || file === '' || typeof line !== 'number' || !(line >= 1)) return undefined;
  const endLine = issue.params?.endLine;
  return typeof endLine === 'number' && endLine > line ? { file, line, endLine } : { file, line };
}
