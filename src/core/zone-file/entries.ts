/**
 * The entries of a master file (RFC 1035 §5.1), one at a time: directives (`$ORIGIN`, `$TTL`, and the
 * refused `$INCLUDE`/`$GENERATE`) and records (owner, TTL and class in either order, type, RDATA),
 * against the parser's running state.
 */
import { clip, type IssueSink, reject } from './issue-sink.js';
import type { Entry, Token } from './lexer.js';
import { absoluteName } from './names.js';
import { readData } from './rdata.js';
import { normaliseClass, normaliseType } from './rr-types.js';
import { isDigit, parseTtl } from './scalars.js';
import type { ZoneRecord } from './zone-record.js';

/** What one entry leaves for the next: origin, TTLs, last owner, class. */
export interface State {
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

/** `$ORIGIN`, `$TTL`, `$INCLUDE`, `$GENERATE`. Returns the new origin for `$ORIGIN`. */
export function directive(entry: Entry, state: State, sink: IssueSink): string | undefined {
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

/**
 * The owner of a record entry: the previous owner for a blank owner, else its first token made
 * absolute (and remembered, or `null` when it cannot be read). Undefined when the record is dropped.
 */
function readOwner(entry: Entry, state: State, sink: IssueSink, end: number | undefined): string | undefined {
  const { line } = entry;
  if (entry.blankOwner) {
    if (state.lastOwner === null) return undefined; // the owner line was already reported
    if (state.lastOwner === undefined)
      return reject(sink, line, end, 'a record with a blank owner comes before any owner');
    return state.lastOwner;
  }
  const token = entry.tokens[0]!;
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
  state.lastOwner = name.name;
  return name.name;
}

/** The record type's token read; undefined (reported) when it is missing or not a type. */
function readType(typeToken: Token | undefined, line: number, end: number | undefined, sink: IssueSink) {
  if (typeToken === undefined) return reject(sink, line, end, 'the record has no type');
  if (typeToken.quoted) return reject(sink, line, end, 'a record type cannot be a quoted string');
  const type = normaliseType(typeToken.text);
  if (type !== undefined) return type;
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

/** Reads one record entry, reporting its problems; undefined when it cannot be kept. */
export function readRecord(entry: Entry, state: State, sink: IssueSink): ZoneRecord | undefined {
  const { tokens } = entry;
  const line = entry.line;
  const end = entry.endLine > line ? entry.endLine : undefined;
  const owner = readOwner(entry, state, sink, end);
  if (owner === undefined) return undefined;
  let index = entry.blankOwner ? 0 : 1;

  // [TTL] [class] type, TTL and class in either order (RFC 1035 §5.1). Inline: the hot path.
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
  const type = readType(tokens[index++], line, end, sink);
  if (type === undefined) return undefined;
  const recordClass = klass ?? state.zoneClass ?? 'IN';
  if (state.zoneClass === undefined) state.zoneClass = recordClass;
  else if (recordClass !== state.zoneClass)
    return reject(sink, line, end, `the class ${recordClass} in a zone of class ${state.zoneClass}`);
  if (ttl !== undefined) state.lastTtl = ttl;
  const record: ZoneRecord = {
    name: owner,
    type,
    ttl: ttl ?? state.zoneTtl ?? state.lastTtl ?? state.defaultTtl,
    class: recordClass,
    line,
    data: '',
  };
  if (end !== undefined) record.endLine = end;
  if (!readData(record, tokens.slice(index), state, sink, end)) return undefined;
  if (ttl === undefined && state.zoneTtl === undefined && state.lastTtl === undefined && type === 'SOA') {
    soaTakesMinimum(record, state);
  }
  return record;
}

/** BIND: no TTL anywhere yet; the SOA takes its MINIMUM. */
function soaTakesMinimum(record: ZoneRecord, state: State): void {
  if (record.minimum === undefined) return;
  record.ttl = record.minimum;
  state.lastTtl = record.minimum;
}
