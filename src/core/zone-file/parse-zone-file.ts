/**
 * `parseZoneFile`: an RFC 1035 §5 master file → records and issues (RULES §11). Pure and
 * browser-safe. Like a compiler it reports every problem and keeps every record it could read.
 * Linear in the size of the text; never throws.
 */
import { typeName } from '../input.js';
import { type Issue, makeIssue } from '../result.js';
import { directive, readRecord, type State } from './entries.js';
import { clip, IssueSink } from './issue-sink.js';
import { Lexer } from './lexer.js';
import { absoluteName } from './names.js';
import { originFromFileName } from './origin.js';
import { MAX_TTL } from './scalars.js';
import type { ZoneRecord } from './zone-record.js';
import { checkZoneRecords } from './zone-rules.js';

export { IssueSink, MAX_ZONE_ISSUES } from './issue-sink.js';
export { lostTrailingDot } from './rdata.js';
export { parseTtl } from './scalars.js';

/** Options of {@link parseZoneFile}. */
export interface ParseZoneFileOptions {
  /** The zone's origin (`--zone-origin`). @default from `fileName`, else none (then `$ORIGIN` is needed for relative names) */
  origin?: string;
  /** TTL of records that give none when no `$TTL` or earlier TTL applies. @default 3600 */
  defaultTtl?: number;
  /** The file's name: names the origin when `origin` is not given, and goes into `params.file`. */
  fileName?: string;
  /** Records read at most; past it, `zone.too_large` and the rest is not read. @default 1000000 */
  maxRecords?: number;
}

/** What {@link parseZoneFile} found. `ok` is false when any issue is an error. */
export interface ParsedZone {
  ok: boolean;
  /** The zone's origin: the option, else the file name's, else the SOA owner, else the first `$ORIGIN`. */
  origin?: string;
  records: ZoneRecord[];
  issues: Issue[];
}

/** Records read at most; the rest of a bigger file is refused with `zone.too_large`. */
export const MAX_ZONE_RECORDS = 1_000_000;

/**
 * Parses a zone in RFC 1035 §5 master-file format (RULES §11).
 *
 * @param text - the file's text (CRLF or LF)
 * @param options - `origin` (@default from `fileName`), `defaultTtl` (@default 3600), `fileName`
 * @returns `{ ok, origin, records, issues }`: every record it could read, and issues with
 *   `params.line`: `zone.syntax_error`, `zone.include_unsupported`, `zone.generate_unsupported`,
 *   `zone.no_origin`, `zone.missing_trailing_dot`, `zone.cname_and_other_data`, `zone.invalid_srv`,
 *   `zone.invalid_address`, `zone.invalid_ttl`, `zone.out_of_zone`, `zone.occluded_data`,
 *   `zone.ttl_mismatch`, `zone.duplicate_record`, `zone.too_large`, `zone.issues_truncated`;
 *   `input.not_string` when `text` is not a string.
 * @example
 * const zone = parseZoneFile('_sipfederationtls._tcp 3600 IN SRV 0 0 5061 sip.contoso.com\n', { origin: 'contoso.com' });
 * zone.issues[0].code // 'zone.missing_trailing_dot'
 */
export function parseZoneFile(text: unknown, options?: ParseZoneFileOptions | null): ParsedZone {
  if (typeof text !== 'string') {
    return {
      ok: false,
      records: [],
      issues: [makeIssue('input.not_string', [], { params: { type: typeName(text) } })],
    };
  }
  const fileName = typeof options?.fileName === 'string' ? options.fileName : undefined;
  const sink = new IssueSink(fileName);
  const initialOrigin = initialOriginOf(options, fileName, sink);
  // Binary input: refused at once, with the line of the first NUL.
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    sink.add('zone.syntax_error', lineOf(text, nul), undefined, {
      reason: 'the file holds binary data (a NUL byte); it is not a zone file',
    });
    return finish(sink, [], initialOrigin);
  }
  const state: State = {
    origin: initialOrigin,
    zoneTtl: undefined,
    lastTtl: undefined,
    lastOwner: undefined,
    zoneClass: undefined,
    defaultTtl: defaultTtlOf(options),
  };
  const read = readEntries(text, state, sink, maxRecordsOf(options));
  const soa = read.records.find((r) => r.type === 'SOA');
  const apex = initialOrigin ?? soa?.name ?? read.firstOrigin;
  checkZoneRecords(read.records, read.origins, apex, sink);
  return finish(sink, read.records, apex);
}

/** The origin from the options (reported when it is not a name), else from the file's name. */
function initialOriginOf(
  options: ParseZoneFileOptions | null | undefined,
  fileName: string | undefined,
  sink: IssueSink,
): string | undefined {
  if (typeof options?.origin === 'string' && options.origin.trim() !== '') {
    const given = absoluteName(options.origin.trim().replace(/\.?$/, '.'), undefined);
    if (given.ok) return given.name;
    sink.add('zone.syntax_error', 0, undefined, {
      reason: `the origin ${JSON.stringify(clip(options.origin))} is not a domain name`,
    });
    return undefined;
  }
  return fileName !== undefined ? originFromFileName(fileName) : undefined;
}

/** `defaultTtl` when it is a valid TTL, else 3600. */
function defaultTtlOf(options: ParseZoneFileOptions | null | undefined): number {
  return typeof options?.defaultTtl === 'number' &&
    Number.isInteger(options.defaultTtl) &&
    options.defaultTtl >= 0 &&
    options.defaultTtl <= MAX_TTL
    ? options.defaultTtl
    : 3600;
}

/** `maxRecords`, capped at {@link MAX_ZONE_RECORDS}. */
function maxRecordsOf(options: ParseZoneFileOptions | null | undefined): number {
  return typeof options?.maxRecords === 'number' && options.maxRecords >= 0
    ? Math.min(options.maxRecords, MAX_ZONE_RECORDS)
    : MAX_ZONE_RECORDS;
}

/** The 1-based line of the character at `at`. */
function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Reads every entry (up to `maxRecords` records): the records kept, the origin in force on each,
 * and the first `$ORIGIN`.
 */
function readEntries(
  text: string,
  state: State,
  sink: IssueSink,
  maxRecords: number,
): { records: ZoneRecord[]; origins: (string | undefined)[]; firstOrigin: string | undefined } {
  const records: ZoneRecord[] = [];
  const origins: (string | undefined)[] = [];
  let firstOrigin: string | undefined;
  const lexer = new Lexer(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  for (let entry = lexer.next(); entry !== undefined; entry = lexer.next()) {
    if (records.length >= maxRecords) {
      sink.add('zone.too_large', entry.line, undefined, { max: maxRecords });
      break;
    }
    if (entry.error !== undefined) {
      const end = entry.endLine > entry.line ? entry.endLine : undefined;
      sink.add('zone.syntax_error', entry.line, end, { reason: entry.error });
      continue;
    }
    const first = entry.tokens[0]!;
    if (!entry.blankOwner && !first.quoted && first.text.charCodeAt(0) === 36) {
      const origin = directive(entry, state, sink);
      if (origin !== undefined) firstOrigin ??= origin;
      continue;
    }
    const record = readRecord(entry, state, sink);
    if (record !== undefined) {
      records.push(record);
      origins.push(state.origin);
    }
  }
  return { records, origins, firstOrigin };
}

function finish(sink: IssueSink, records: ZoneRecord[], origin: string | undefined): ParsedZone {
  const issues = sink.issues.sort((a, b) => Number(a.params?.line ?? 0) - Number(b.params?.line ?? 0));
  if (sink.omitted > 0) {
    issues.push(
      makeIssue('zone.issues_truncated', [], { params: { omitted: sink.omitted, shown: issues.length } }),
    );
  }
  const result: ParsedZone = { ok: sink.errors === 0, records, issues };
  if (origin !== undefined) result.origin = origin;
  return result;
}
