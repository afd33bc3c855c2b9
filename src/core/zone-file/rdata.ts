/**
 * RDATA (RFC 1035 §5, RFC 3597): the fields of each understood type read into a {@link ZoneRecord},
 * generic `\#` data, and opaque data of other types. Each reader reports its problems and returns
 * false when the record must be dropped.
 */
import { parse as parseDomain } from 'tldts';
import { isIPv6 } from '../fqdn/ip.js';
import { isAtOrBelow } from '../names.js';
import { decodeGeneric, UNDERSTOOD_TYPE_NUMBERS } from './generic-rdata.js';
import { clip, fail, type IssueSink } from './issue-sink.js';
import type { Token } from './lexer.js';
import { absoluteName } from './names.js';
import { UNDERSTOOD_TYPES } from './rr-types.js';
import { decodeString, isIPv4, parseTtl, parseUint } from './scalars.js';
import { dotted, quoteString, type ZoneRecord } from './zone-record.js';

/** What reading RDATA needs of the parser's state: the origin in force. */
interface InScope {
  readonly origin: string | undefined;
}

/** Reads the RDATA tokens of one record into it; false when the record must be dropped. */
type DataReader = (
  record: ZoneRecord,
  rdata: Token[],
  state: InScope,
  sink: IssueSink,
  end: number | undefined,
) => boolean;

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

/** Reads a name field of RDATA; reports and returns undefined when it cannot. */
function nameField(
  token: Token | undefined,
  record: ZoneRecord,
  state: InScope,
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

/**
 * Reads the RDATA of `record` (its type already known): RFC 3597 generic data for every type, the
 * fields of an understood type, else the tokens kept as written.
 */
export function readData(
  record: ZoneRecord,
  rdata: Token[],
  state: InScope,
  sink: IssueSink,
  end: number | undefined,
): boolean {
  const { type, line } = record;
  // RFC 3597 generic data `\# length hex…` is accepted for every type and kept opaque.
  if (rdata[0] !== undefined && !rdata[0].quoted && rdata[0].text === '\\#') {
    return readGenericData(record, rdata, sink, end);
  }
  if (!UNDERSTOOD_TYPES.has(type)) {
    if (rdata.length === 0) return fail(sink, line, end, `the ${type} record has no data`);
    record.data = rdata.map(rawText).join(' ');
    return true;
  }
  const reader = readerOf(type);
  if (reader !== undefined) return reader(record, rdata, state, sink, end);
  return fail(sink, line, end, `the ${type} record cannot be read`);
}

const HEX = /^[0-9a-fA-F]*$/;

/** RFC 3597 `\# length hex…`: opaque, except that an address type's data is the address. */
function readGenericData(
  record: ZoneRecord,
  rdata: Token[],
  sink: IssueSink,
  end: number | undefined,
): boolean {
  const { type, line } = record;
  const length = rdata[1] ? parseUint(rdata[1].text, 65535) : undefined;
  if (length === undefined) return fail(sink, line, end, '\\# needs a length');
  let hex = '';
  for (const token of rdata.slice(2)) hex += token.text;
  if (hex.length !== length * 2 || !HEX.test(hex))
    return fail(sink, line, end, `the \\# data is not ${length} octets of hex`);
  // RFC 3597 §5: a known type in generic form is that type (`TYPE33 \# …` is an SRV record).
  const known = type.startsWith('TYPE') ? UNDERSTOOD_TYPE_NUMBERS[Number(type.slice(4))] : type;
  if (length === 0 && UNDERSTOOD_TYPES.has(known ?? type))
    return fail(sink, line, end, `a ${known ?? type} record cannot be empty`);
  if (known !== undefined && UNDERSTOOD_TYPE_NUMBERS_SET.has(known)) {
    const octets = Uint8Array.from({ length }, (_, k) => Number.parseInt(hex.slice(2 * k, 2 * k + 2), 16));
    const problem = decodeGeneric(record, known, octets);
    if (problem !== undefined) return fail(sink, line, end, problem);
    record.type = known;
    return true;
  }
  record.data = rdata.map(rawText).join(' ');
  return true;
}

/** The understood types whose generic octets are decoded into fields (the others stay opaque). */
const UNDERSTOOD_TYPE_NUMBERS_SET: ReadonlySet<string> = /* @__PURE__ */ new Set(
  Object.values(UNDERSTOOD_TYPE_NUMBERS),
);

/** A and AAAA: one address of the type's family. */
const readAddress: DataReader = (record, rdata, _state, sink, end) => {
  const { type, line } = record;
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
};

/** CNAME, NS, PTR, DNAME: one target name (a PTR's target is not checked for a lost dot). */
const readTarget: DataReader = (record, rdata, state, sink, end) => {
  const target = nameField(rdata[0], record, state, sink, end, 'target', record.type !== 'PTR');
  if (target === undefined || !noExtra(sink, record, rdata, end, 1)) return false;
  record.target = target;
  record.data = dotted(target);
  return true;
};

/** MX: preference and exchange. */
const readMx: DataReader = (record, rdata, state, sink, end) => {
  const preference = rdata[0] && !rdata[0].quoted ? parseUint(rdata[0].text, 65535) : undefined;
  if (preference === undefined)
    return fail(sink, record.line, end, 'the MX preference must be a number from 0 to 65535');
  const exchange = nameField(rdata[1], record, state, sink, end, 'exchange', true);
  if (exchange === undefined || !noExtra(sink, record, rdata, end, 2)) return false;
  record.preference = preference;
  record.exchange = exchange;
  record.data = `${preference} ${dotted(exchange)}`;
  return true;
};

const SRV_FIELDS = ['priority', 'weight', 'port'] as const;

/** SRV: priority, weight, port (each 0–65535) and target; problems are `zone.invalid_srv`. */
const readSrv: DataReader = (record, rdata, state, sink, end) => {
  const { line } = record;
  const values: number[] = [];
  for (let k = 0; k < 3; k++) {
    const token = rdata[k];
    const field = SRV_FIELDS[k]!;
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
};

/** TXT and SPF: one or more character-strings of at most 255 octets each. */
const readText: DataReader = (record, rdata, _state, sink, end) => {
  const { type, line } = record;
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
};

const SOA_TIMERS = ['refresh', 'retry', 'expire', 'minimum'] as const;

/** SOA: primary name server, mailbox, serial and the four timers. */
const readSoa: DataReader = (record, rdata, state, sink, end) => {
  const { line } = record;
  const mname = nameField(rdata[0], record, state, sink, end, 'primary name server', false);
  if (mname === undefined) return false;
  const rname = nameField(rdata[1], record, state, sink, end, 'mailbox', false);
  if (rname === undefined) return false;
  const serial = rdata[2] && !rdata[2].quoted ? parseUint(rdata[2].text, 4_294_967_295) : undefined;
  if (serial === undefined)
    return fail(sink, line, end, 'the SOA serial must be a number from 0 to 4294967295');
  const timers: number[] = [];
  for (const [k, field] of SOA_TIMERS.entries()) {
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
  [record.refresh, record.retry, record.expire, record.minimum] = timers as [number, number, number, number];
  record.data = `${dotted(mname)} ${dotted(rname)} ${serial} ${timers.join(' ')}`;
  return true;
};

/** CAA: flags, tag and value (RFC 8659). */
const readCaa: DataReader = (record, rdata, _state, sink, end) => {
  const { line } = record;
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
};

/** The reader of each understood type. */
function readerOf(type: string): DataReader | undefined {
  switch (type) {
    case 'A':
    case 'AAAA':
      return readAddress;
    case 'CNAME':
    case 'NS':
    case 'PTR':
    case 'DNAME':
      return readTarget;
    case 'MX':
      return readMx;
    case 'SRV':
      return readSrv;
    case 'TXT':
    case 'SPF':
      return readText;
    case 'SOA':
      return readSoa;
    case 'CAA':
      return readCaa;
  }
  return undefined;
}
