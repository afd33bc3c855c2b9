/**
 * `parseZoneFile`: an RFC 1035 §5 master file → records and issues (RULES §11). Pure and
 * browser-safe. Like a compiler it reports every problem and keeps every record it could read.
 * Linear in the size of the text; never throws.
 */
import { parse as parseDomain } from 'tldts';
import { isIPv6 } from '../fqdn/ip.js';
import { typeName } from '../input.js';
import type { IssueCode } from '../issues/issue-codes.js';
import { type Issue, type IssueParamsOf, makeIssue } from '../result.js';

/** The codes a zone file's issues carry (they all take `line`). */
type ZoneIssueCode = Extract<IssueCode, `zone.${string}`>;

import { type Entry, Lexer, type Token } from './lexer.js';
import { absoluteName, isAtOrBelow } from './names.js';
import { originFromFileName } from './origin.js';
import { normaliseClass, normaliseType, UNDERSTOOD_TYPES } from './rr-types.js';
import { dotted, quoteString, type ZoneRecord } from './zone-record.js';
import { checkZoneRecords } from './zone-rules.js';

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
/** Issues listed at most; the rest are counted in one `zone.issues_truncated`. */
export const MAX_ZONE_ISSUES = 1000;
const MAX_TTL = 2_147_483_647;
/** Longest token text quoted back in an issue's params. */
const MAX_PARAM_TEXT = 80;

const clip = (text: string) => (text.length > MAX_PARAM_TEXT ? `${text.slice(0, MAX_PARAM_TEXT)}…` : text);

/** Collects issues with a cap, so memory stays bounded on a hostile file. */
export class IssueSink {
  readonly issues: Issue[] = [];
  omitted = 0;
  errors = 0;

  constructor(private readonly file: string | undefined) {}

  add<C extends ZoneIssueCode>(
    code: C,
    line: number,
    endLine: number | undefined,
    params: Omit<IssueParamsOf<C>, 'line' | 'endLine' | 'file'>,
  ): void {
    const where = {
      line,
      ...(endLine !== undefined && endLine > line ? { endLine } : {}),
      ...(this.file !== undefined ? { file: this.file } : {}),
    };
    // Typed per code at the call site; the spread is what the table's params type says.
    const issue = makeIssue(code as 'zone.syntax_error', [], {
      params: { ...where, ...params } as unknown as IssueParamsOf<'zone.syntax_error'>,
    });
    if (issue.severity === 'error') this.errors++;
    if (this.issues.length < MAX_ZONE_ISSUES) this.issues.push(issue);
    else this.omitted++;
  }
}

/**
 * A TTL in seconds from `3600`, `1h`, `1D2h`, `1w` (units s m h d w, either case), or `'range'`
 * when it is over 2147483647, or undefined when the text is not a TTL.
 */
export function parseTtl(text: string): number | 'range' | undefined {
  const length = text.length;
  if (length === 0 || length > 40) return length > 40 && isDigit(text.charCodeAt(0)) ? 'range' : undefined;
  let total = 0;
  let i = 0;
  let units = false;
  while (i < length) {
    let n = 0;
    const start = i;
    while (i < length && isDigit(text.charCodeAt(i))) n = n * 10 + (text.charCodeAt(i++) - 48);
    if (i === start) return undefined;
    if (i === length) {
      if (units) return undefined; // `1h30`: a number after units has no unit
      total += n;
      break;
    }
    const unit = text.charCodeAt(i++) | 0x20;
    const factor =
      unit === 115
        ? 1
        : unit === 109
          ? 60
          : unit === 104
            ? 3600
            : unit === 100
              ? 86400
              : unit === 119
                ? 604800
                : 0;
    if (factor === 0) return undefined;
    units = true;
    total += n * factor;
  }
  return total > MAX_TTL ? 'range' : total;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A whole number 0–max written in decimal, else undefined. */
function parseUint(text: string, max: number): number | undefined {
  if (text.length === 0 || text.length > 10) return undefined;
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/** RFC 1035 dotted quad, as BIND's inet_pton reads it: four decimal parts 0–255, no leading zero. */
function isIPv4(text: string): boolean {
  let parts = 0;
  let i = 0;
  const length = text.length;
  while (i <= length) {
    const start = i;
    let n = 0;
    while (i < length && isDigit(text.charCodeAt(i))) n = n * 10 + (text.charCodeAt(i++) - 48);
    const digits = i - start;
    if (digits === 0 || digits > 3 || n > 255 || (digits > 1 && text.charCodeAt(start) === 48)) return false;
    parts++;
    if (i === length) break;
    if (text.charCodeAt(i) !== 46 || parts === 4) return false;
    i++;
  }
  return parts === 4;
}

/** UTF-8 octets of `text` from `from` to `to` (a surrogate pair counts 2 + 2). */
function octetsOf(text: string, from: number, to: number): number {
  let octets = to - from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) octets += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return octets;
}

/** A character-string (RFC 1035 §5.1) decoded: `\X` → X, `\DDD` → the octet. Plain runs are copied whole. */
function decodeString(
  text: string,
): { ok: true; value: string; octets: number } | { ok: false; detail: string } {
  let slash = text.indexOf('\\');
  if (slash === -1) return { ok: true, value: text, octets: octetsOf(text, 0, text.length) };
  let out = '';
  let octets = 0;
  let from = 0;
  while (slash !== -1) {
    out += text.slice(from, slash);
    octets += octetsOf(text, from, slash);
    if (slash + 1 >= text.length) return { ok: false, detail: 'a backslash at the end of a string' };
    if (isDigit(text.charCodeAt(slash + 1))) {
      if (!(isDigit(text.charCodeAt(slash + 2)) && isDigit(text.charCodeAt(slash + 3))))
        return { ok: false, detail: 'a \\DDD escape needs three digits' };
      const code = Number(text.slice(slash + 1, slash + 4));
      if (code > 255)
        return { ok: false, detail: `the escape \\${text.slice(slash + 1, slash + 4)} is over 255` };
      out += String.fromCharCode(code);
      from = slash + 4;
    } else {
      out += text[slash + 1];
      from = slash + 2;
    }
    octets++;
    slash = text.indexOf('\\', from);
  }
  out += text.slice(from);
  octets += octetsOf(text, from, text.length);
  return { ok: true, value: out, octets };
}

/** The token as it would be written back: quoted strings re-quoted, the rest as it was. */
const rawText = (token: Token) => (token.quoted ? `"${token.text}"` : token.text);

/** Relative name targets that lost their trailing dot (RULES §11 `zone.missing_trailing_dot`). */
const TLDTS_OPTIONS = Object.freeze({
  extractHostname: false,
  validateHostname: false,
  detectIp: false,
  mixedInputs: false,
  allowPrivateDomains: false,
});

/**
 * RULES §11: a relative target that, made absolute, ends with the origin twice (`sip.contoso.com`
 * in `contoso.com`), or whose own text has two or more labels and already ends in an ICANN public
 * suffix (`sip.contoso-edge.com`). A one-label relative name (`app`) is never flagged.
 */
export function lostTrailingDot(relative: string, origin: string): boolean {
  if (origin === '') return false; // `$ORIGIN .`: a relative name is published as written
  if (isAtOrBelow(relative, origin)) return true;
  if (relative.indexOf('.') === -1 || relative.indexOf('\\') !== -1) return false;
  const parsed = parseDomain(relative, TLDTS_OPTIONS);
  return parsed.isIcann === true && parsed.publicSuffix !== null && parsed.publicSuffix !== relative;
}

interface State {
  origin: string | undefined;
  /** `$TTL` in force. */
  zoneTtl: number | undefined;
  /** The last TTL written on a record (RFC 1035 §5.1: used when neither the record nor `$TTL` gives one). */
  lastTtl: number | undefined;
  lastOwner: string | undefined | null;
  /** The class of the zone: the first record's (RFC 1035 §5.1: all records of a file share it). */
  zoneClass: string | undefined;
  defaultTtl: number;
}

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
  const records: ZoneRecord[] = [];
  let initialOrigin: string | undefined;
  if (typeof options?.origin === 'string' && options.origin.trim() !== '') {
    const given = absoluteName(options.origin.trim().replace(/\.?$/, '.'), undefined);
    if (given.ok) initialOrigin = given.name;
    else
      sink.add('zone.syntax_error', 0, undefined, {
        reason: `the origin ${JSON.stringify(clip(options.origin))} is not a domain name`,
      });
  } else if (fileName !== undefined) {
    initialOrigin = originFromFileName(fileName);
  }
  const defaultTtl =
    typeof options?.defaultTtl === 'number' &&
    Number.isInteger(options.defaultTtl) &&
    options.defaultTtl >= 0 &&
    options.defaultTtl <= MAX_TTL
      ? options.defaultTtl
      : 3600;

  // Binary input: refused at once, with the line of the first NUL.
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < nul; i = text.indexOf('\n', i + 1)) line++;
    sink.add('zone.syntax_error', line, undefined, {
      reason: 'the file holds binary data (a NUL byte); it is not a zone file',
    });
    return finish(sink, records, initialOrigin);
  }

  const maxRecords =
    typeof options?.maxRecords === 'number' && options.maxRecords >= 0
      ? Math.min(options.maxRecords, MAX_ZONE_RECORDS)
      : MAX_ZONE_RECORDS;
  const state: State = {
    origin: initialOrigin,
    zoneTtl: undefined,
    lastTtl: undefined,
    lastOwner: undefined,
    zoneClass: undefined,
    defaultTtl,
  };
  let firstOrigin: string | undefined;
  const origins: (string | undefined)[] = [];
  const lexer = new Lexer(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  for (let entry = lexer.next(); entry !== undefined; entry = lexer.next()) {
    if (records.length >= maxRecords) {
      sink.add('zone.too_large', entry.line, undefined, { max: maxRecords });
      break;
    }
    const end = entry.endLine > entry.line ? entry.endLine : undefined;
    if (entry.error !== undefined) {
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
  const soa = records.find((r) => r.type === 'SOA');
  const apex = initialOrigin ?? soa?.name ?? firstOrigin;
  checkZoneRecords(records, origins, apex, sink);
  return finish(sink, records, apex);
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

/** `$ORIGIN`, `$TTL`, `$INCLUDE`, `$GENERATE`. Returns the new origin for `$ORIGIN`. */
function directive(entry: Entry, state: State, sink: IssueSink): string | undefined {
  const [first, argument, ...rest] = entry.tokens as [Token, Token | undefined, ...Token[]];
  const name = first.text.toUpperCase();
  const end = entry.endLine > entry.line ? entry.endLine : undefined;
  if (name === '$INCLUDE') {
    sink.add('zone.include_unsupported', entry.line, end, { included: argument ? clip(argument.text) : '' });
    return undefined;
  }
  if (name === '$GENERATE') {
    sink.add('zone.generate_unsupported', entry.line, end, {});
    return undefined;
  }
  if (name === '$ORIGIN') {
    if (argument === undefined || argument.quoted || rest.length > 0) {
      sink.add('zone.syntax_error', entry.line, end, { reason: '$ORIGIN takes exactly one domain name' });
      return undefined;
    }
    const origin = absoluteName(argument.text, state.origin);
    if (!origin.ok) {
      if (origin.reason === 'no_origin')
        sink.add('zone.no_origin', entry.line, end, { text: clip(argument.text), where: 'directive' });
      else
        sink.add('zone.syntax_error', entry.line, end, {
          reason: `$ORIGIN ${clip(argument.text)}: ${origin.detail}`,
        });
      return undefined;
    }
    state.origin = origin.name;
    return origin.name;
  }
  if (name === '$TTL') {
    if (argument === undefined || argument.quoted || rest.length > 0) {
      sink.add('zone.syntax_error', entry.line, end, { reason: '$TTL takes exactly one TTL' });
      return undefined;
    }
    const ttl = parseTtl(argument.text);
    if (ttl === 'range') sink.add('zone.invalid_ttl', entry.line, end, { text: clip(argument.text) });
    else if (ttl === undefined)
      sink.add('zone.syntax_error', entry.line, end, { reason: `$TTL ${clip(argument.text)} is not a TTL` });
    else state.zoneTtl = ttl;
    return undefined;
  }
  sink.add('zone.syntax_error', entry.line, end, { reason: `unknown directive ${clip(first.text)}` });
  return undefined;
}

/** Reports a syntax error of a record; returns undefined (the record is dropped). */
function reject(sink: IssueSink, line: number, end: number | undefined, reason: string): undefined {
  sink.add('zone.syntax_error', line, end, { reason });
  return undefined;
}

/** Reports a syntax error in RDATA; returns false (the record is dropped). */
function fail(sink: IssueSink, line: number, end: number | undefined, reason: string): false {
  sink.add('zone.syntax_error', line, end, { reason });
  return false;
}

/** True when RDATA has no token past `count`; else reports the extra data. */
function noExtra(
  sink: IssueSink,
  record: ZoneRecord,
  rdata: Token[],
  end: number | undefined,
  count: number,
): boolean {
  if (rdata.length <= count) return true;
  return fail(
    sink,
    record.line,
    end,
    `the ${record.type} record has extra data ${JSON.stringify(clip(rawText(rdata[count]!)))}`,
  );
}

/** Reads one record entry, reporting its problems; undefined when it cannot be kept. */
function readRecord(entry: Entry, state: State, sink: IssueSink): ZoneRecord | undefined {
  const { tokens } = entry;
  const line = entry.line;
  const end = entry.endLine > line ? entry.endLine : undefined;
  let index = 0;
  let owner: string;
  if (entry.blankOwner) {
    if (state.lastOwner === null) return undefined; // the owner line was already reported
    if (state.lastOwner === undefined)
      return reject(sink, line, end, 'a record with a blank owner comes before any owner');
    owner = state.lastOwner;
  } else {
    const token = tokens[index++]!;
    if (token.quoted) {
      state.lastOwner = null;
      return reject(sink, line, end, 'an owner name cannot be a quoted string');
    }
    const name = absoluteName(token.text, state.origin);
    if (!name.ok) {
      state.lastOwner = null;
      if (name.reason === 'no_origin') {
        sink.add('zone.no_origin', line, end, { text: clip(token.text), where: 'owner' });
        return undefined;
      }
      return reject(sink, line, end, `owner ${JSON.stringify(clip(token.text))}: ${name.detail}`);
    }
    owner = name.name;
    state.lastOwner = owner;
  }

  // [TTL] [class] type, TTL and class in either order (RFC 1035 §5.1).
  let ttl: number | undefined;
  let klass: string | undefined;
  for (let k = 0; k < 2 && index < tokens.length; k++) {
    const token = tokens[index]!;
    if (token.quoted) break;
    if (ttl === undefined && isDigit(token.text.charCodeAt(0))) {
      const value = parseTtl(token.text);
      if (value === 'range') {
        sink.add('zone.invalid_ttl', line, end, { text: clip(token.text) });
        return undefined;
      }
      if (value === undefined)
        return reject(sink, line, end, `${JSON.stringify(clip(token.text))} is not a TTL`);
      ttl = value;
      index++;
      continue;
    }
    const c = klass === undefined ? normaliseClass(token.text) : undefined;
    if (c === undefined) break;
    klass = c;
    index++;
  }
  const typeToken = tokens[index++];
  if (typeToken === undefined) return reject(sink, line, end, 'the record has no type');
  if (typeToken.quoted) return reject(sink, line, end, 'a record type cannot be a quoted string');
  const type = normaliseType(typeToken.text);
  if (type === undefined) {
    return reject(
      sink,
      line,
      end,
      normaliseClass(typeToken.text) !== undefined
        ? `the class ${clip(typeToken.text)} is given twice`
        : typeToken.text.startsWith('[AGE:')
          ? `the Windows DNS aging stamp ${clip(typeToken.text)} is not master-file syntax; remove it`
          : `unknown record type ${JSON.stringify(clip(typeToken.text))}`,
    );
  }
  const recordClass = klass ?? state.zoneClass ?? 'IN';
  if (state.zoneClass === undefined) state.zoneClass = recordClass;
  else if (recordClass !== state.zoneClass)
    return reject(sink, line, end, `the class ${recordClass} in a zone of class ${state.zoneClass}`);
  if (ttl !== undefined) state.lastTtl = ttl;
  const rdata = tokens.slice(index);
  const record: ZoneRecord = {
    name: owner,
    type,
    ttl: ttl ?? state.zoneTtl ?? state.lastTtl ?? state.defaultTtl,
    class: recordClass,
    line,
    data: '',
  };
  if (end !== undefined) record.endLine = end;
  if (!readData(record, rdata, state, sink, end)) return undefined;
  if (
    ttl === undefined &&
    state.zoneTtl === undefined &&
    state.lastTtl === undefined &&
    type === 'SOA' &&
    record.minimum !== undefined
  ) {
    // BIND: no TTL anywhere yet; the SOA takes its MINIMUM.
    record.ttl = record.minimum;
    state.lastTtl = record.minimum;
  }
  return record;
}

/** Reads a name field of RDATA; reports and returns undefined when it cannot. */
function nameField(
  token: Token | undefined,
  record: ZoneRecord,
  state: State,
  sink: IssueSink,
  end: number | undefined,
  field: string,
  checkDot: boolean,
): string | undefined {
  if (token === undefined) {
    sink.add('zone.syntax_error', record.line, end, { reason: `the ${record.type} record has no ${field}` });
    return undefined;
  }
  if (token.quoted) {
    sink.add('zone.syntax_error', record.line, end, {
      reason: `the ${record.type} ${field} cannot be a quoted string`,
    });
    return undefined;
  }
  const name = absoluteName(token.text, state.origin);
  if (!name.ok) {
    if (name.reason === 'no_origin')
      sink.add('zone.no_origin', record.line, end, { text: clip(token.text), where: 'data', field });
    else
      sink.add('zone.syntax_error', record.line, end, {
        reason: `${record.type} ${field} ${JSON.stringify(clip(token.text))}: ${name.detail}`,
      });
    return undefined;
  }
  if (
    checkDot &&
    name.relative !== undefined &&
    state.origin !== undefined &&
    lostTrailingDot(name.relative, state.origin)
  ) {
    // Kept as it would be published (RULES §11): the hint gives the dotted form.
    sink.add('zone.missing_trailing_dot', record.line, end, {
      type: record.type,
      name: record.name,
      text: clip(token.text),
      published: name.name,
      expected: `${name.relative}.`,
    });
  }
  return name.name;
}

function readData(
  record: ZoneRecord,
  rdata: Token[],
  state: State,
  sink: IssueSink,
  end: number | undefined,
): boolean {
  const { type, line } = record;
  // RFC 3597 generic data `\# length hex…` is accepted for every type and kept opaque.
  if (rdata[0] !== undefined && !rdata[0].quoted && rdata[0].text === '\\#') {
    const length = rdata[1] ? parseUint(rdata[1].text, 65535) : undefined;
    if (length === undefined) return fail(sink, line, end, '\\# needs a length');
    let hex = '';
    for (const token of rdata.slice(2)) hex += token.text;
    if (hex.length !== length * 2 || !/^[0-9a-fA-F]*$/.test(hex))
      return fail(sink, line, end, `the \\# data is not ${length} octets of hex`);
    if (type === 'A' || type === 'AAAA') {
      // Generic data of an address type is the address itself (RFC 3597 §5).
      const size = type === 'A' ? 4 : 16;
      if (length !== size)
        return fail(sink, line, end, `a ${type} record holds ${size} octets, not ${length}`);
      const octets = Array.from({ length: size }, (_, k) => Number.parseInt(hex.slice(2 * k, 2 * k + 2), 16));
      record.address =
        type === 'A'
          ? octets.join('.')
          : Array.from({ length: 8 }, (_, k) =>
              ((octets[2 * k]! << 8) | octets[2 * k + 1]!).toString(16),
            ).join(':');
      record.data = record.address;
      return true;
    }
    if (length === 0 && UNDERSTOOD_TYPES.has(type))
      return fail(sink, line, end, `a ${type} record cannot be empty`);
    record.data = rdata.map(rawText).join(' ');
    return true;
  }
  if (!UNDERSTOOD_TYPES.has(type)) {
    if (rdata.length === 0) return fail(sink, line, end, `the ${type} record has no data`);
    record.data = rdata.map(rawText).join(' ');
    return true;
  }
  switch (type) {
    case 'A':
    case 'AAAA': {
      const token = rdata[0];
      if (token === undefined) return fail(sink, line, end, `the ${type} record has no address`);
      const family = type === 'A' ? 'IPv4' : 'IPv6';
      const valid =
        !token.quoted &&
        (type === 'A' ? isIPv4(token.text) : token.text.indexOf('%') === -1 && isIPv6(token.text));
      if (!valid) {
        sink.add('zone.invalid_address', line, end, { type, family, text: clip(token.text) });
        return false;
      }
      if (!noExtra(sink, record, rdata, end, 1)) return false;
      record.address = type === 'AAAA' ? token.text.toLowerCase() : token.text;
      record.data = record.address;
      return true;
    }
    case 'CNAME':
    case 'NS':
    case 'PTR':
    case 'DNAME': {
      const target = nameField(rdata[0], record, state, sink, end, 'target', type !== 'PTR');
      if (target === undefined || !noExtra(sink, record, rdata, end, 1)) return false;
      record.target = target;
      record.data = dotted(target);
      return true;
    }
    case 'MX': {
      const preference = rdata[0] && !rdata[0].quoted ? parseUint(rdata[0].text, 65535) : undefined;
      if (preference === undefined)
        return fail(sink, line, end, 'the MX preference must be a number from 0 to 65535');
      const exchange = nameField(rdata[1], record, state, sink, end, 'exchange', true);
      if (exchange === undefined || !noExtra(sink, record, rdata, end, 2)) return false;
      record.preference = preference;
      record.exchange = exchange;
      record.data = `${preference} ${dotted(exchange)}`;
      return true;
    }
    case 'SRV': {
      const fields = ['priority', 'weight', 'port'] as const;
      const values: number[] = [];
      for (let k = 0; k < 3; k++) {
        const token = rdata[k];
        const field = fields[k]!;
        if (token === undefined) {
          sink.add('zone.invalid_srv', line, end, { reason: `has no ${field}`, field });
          return false;
        }
        const value = token.quoted ? undefined : parseUint(token.text, 65535);
        if (value === undefined) {
          sink.add('zone.invalid_srv', line, end, {
            reason: `${field} ${JSON.stringify(clip(rawText(token)))} is not a number from 0 to 65535`,
            field,
            text: clip(rawText(token)),
          });
          return false;
        }
        values.push(value);
      }
      if (rdata[3] === undefined) {
        sink.add('zone.invalid_srv', line, end, { reason: 'has no target', field: 'target' });
        return false;
      }
      const target = nameField(rdata[3], record, state, sink, end, 'target', true);
      if (target === undefined || !noExtra(sink, record, rdata, end, 4)) return false;
      [record.priority, record.weight, record.port] = values as [number, number, number];
      record.target = target;
      record.data = `${values.join(' ')} ${dotted(target)}`;
      return true;
    }
    case 'TXT':
    case 'SPF': {
      if (rdata.length === 0) return fail(sink, line, end, `the ${type} record has no text`);
      const strings: string[] = [];
      for (const token of rdata) {
        const decoded = decodeString(token.text);
        if (!decoded.ok) return fail(sink, line, end, decoded.detail);
        if (decoded.octets > 255)
          return fail(
            sink,
            line,
            end,
            `a ${type} string is ${decoded.octets} octets long; at most 255 fit in one string`,
          );
        strings.push(decoded.value);
      }
      record.strings = strings;
      record.data = strings.map(quoteString).join(' ');
      return true;
    }
    case 'SOA': {
      const mname = nameField(rdata[0], record, state, sink, end, 'primary name server', false);
      if (mname === undefined) return false;
      const rname = nameField(rdata[1], record, state, sink, end, 'mailbox', false);
      if (rname === undefined) return false;
      const serial = rdata[2] && !rdata[2].quoted ? parseUint(rdata[2].text, 4_294_967_295) : undefined;
      if (serial === undefined)
        return fail(sink, line, end, 'the SOA serial must be a number from 0 to 4294967295');
      const timers: number[] = [];
      for (const [k, field] of (['refresh', 'retry', 'expire', 'minimum'] as const).entries()) {
        const token = rdata[3 + k];
        const value = token && !token.quoted ? parseTtl(token.text) : undefined;
        if (value === undefined || value === 'range')
          return fail(sink, line, end, `the SOA ${field} is missing or not a time`);
        timers.push(value);
      }
      if (!noExtra(sink, record, rdata, end, 7)) return false;
      record.mname = mname;
      record.rname = rname;
      record.serial = serial;
      [record.refresh, record.retry, record.expire, record.minimum] = timers as [
        number,
        number,
        number,
        number,
      ];
      record.data = `${dotted(mname)} ${dotted(rname)} ${serial} ${timers.join(' ')}`;
      return true;
    }
    case 'CAA': {
      const flags = rdata[0] && !rdata[0].quoted ? parseUint(rdata[0].text, 255) : undefined;
      if (flags === undefined) return fail(sink, line, end, 'the CAA flags must be a number from 0 to 255');
      const tag = rdata[1];
      if (tag === undefined || tag.quoted || !/^[A-Za-z0-9]{1,15}$/.test(tag.text))
        return fail(sink, line, end, 'the CAA tag must be 1–15 letters or digits');
      const value = rdata[2];
      if (value === undefined) return fail(sink, line, end, 'the CAA record has no value');
      const decoded = decodeString(value.text);
      if (!decoded.ok) return fail(sink, line, end, decoded.detail);
      if (!noExtra(sink, record, rdata, end, 3)) return false;
      record.flags = flags;
      record.tag = tag.text.toLowerCase();
      record.value = decoded.value;
      record.data = `${flags} ${record.tag} ${quoteString(decoded.value)}`;
      return true;
    }
  }
  return fail(sink, line, end, `the ${type} record cannot be read`);
}
