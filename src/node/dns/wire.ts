/**
 * The DNS wire format: the ONLY module that imports dns2.
 *
 * The client side does not use dns2's decoder. A reply comes from the network, so it is judged in
 * two steps, each bounded:
 *
 * 1. {@link screenReply} reads the 12-octet header and the question, nothing else: the id, QR, the
 *    question count and the question itself (name octets compared case-insensitively, type, class)
 *    must match the query (RFC 5452 §9.1). A reply that does not is dropped for the cost of a
 *    header read, so a flood of wrong-id junk costs nothing.
 * 2. {@link decodeReply} decodes the sections of a reply that passed the screen, with its own name
 *    decoder: compression pointers must point backwards (RFC 1035 §4.1.4: "a prior occurrence"),
 *    at most {@link MAX_POINTER_HOPS} per name, labels ≤ 63 octets, names ≤ 255 octets, every
 *    length checked against the message. The cost is linear in the message (65,535 octets at most),
 *    so no reply can hold the event loop: a 65 KB reply of pointer chains is refused in well under
 *    a millisecond per kilobyte.
 *
 * The server side (`zone-server.ts`) keeps dns2's servers and codec, re-exported from here.
 */

import { randomInt } from 'node:crypto';
import { comparableName } from '../../core/names.js';
import type { AnswerRecord, DnsReply, QueryType, WireRecord } from './types.js';

// The server side's dns2 adapter takes these from here, so that dns2 is imported in one place.
export type { Question as DnsQuestion, Resource as DnsResource } from 'dns2';
export { Packet, TCPServer, UDPServer } from 'dns2';

/** Type codes of the query types (RFC 1035 §3.2.2, RFC 3596, RFC 2782). */
export const TYPE_CODES: Readonly<Record<QueryType, number>> = Object.freeze({
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
});
const OPT = 41;
const CLASS_IN = 1;

/** RCODE names (RFC 1035 §4.1.1, RFC 6891 §9, IANA registry). */
const RCODE_NAMES: Readonly<Record<number, string>> = Object.freeze({
  0: 'NOERROR',
  1: 'FORMERR',
  2: 'SERVFAIL',
  3: 'NXDOMAIN',
  4: 'NOTIMP',
  5: 'REFUSED',
  6: 'YXDOMAIN',
  7: 'YXRRSET',
  8: 'NXRRSET',
  9: 'NOTAUTH',
  10: 'NOTZONE',
  11: 'DSOTYPENI',
  16: 'BADVERS',
  17: 'BADKEY',
  18: 'BADTIME',
  19: 'BADMODE',
  20: 'BADNAME',
  21: 'BADALG',
  22: 'BADTRUNC',
  23: 'BADCOOKIE',
});

/** The name of an RCODE: `NOERROR`, `NXDOMAIN`, … or `RCODE<n>`. */
export function rcodeName(rcode: number): string {
  return RCODE_NAMES[rcode] ?? `RCODE${rcode}`;
}

/** RCODE 1: the server could not interpret the query (RFC 1035 §4.1.1). */
export const RCODE_FORMERR = 1;

/** EDNS(0) UDP payload size we advertise: the DNS Flag Day 2020 value, safe from fragmentation. */
export const EDNS_UDP_PAYLOAD = 1232;
/** Most compression pointers followed in one name. A name has at most 127 labels. */
export const MAX_POINTER_HOPS = 127;
const MAX_NAME_OCTETS = 255;
const MAX_LABEL_OCTETS = 63;
const HEADER = 12;

/** A query as sent: its id, the question in presentation form, and the message. */
export interface WireQuery {
  id: number;
  /** The question name as decoded names are shown (lower case, no trailing dot, `\DDD` escapes). */
  qname: string;
  type: QueryType;
  /** Whether an OPT record (EDNS(0)) was sent. */
  edns: boolean;
  /** The question name in wire form (labels, lower case, ending with the root label). */
  qnameWire: Buffer;
  wire: Buffer;
}

/** A message that is not DNS we can read, or breaks a limit. */
export class WireError extends Error {
  override name = 'WireError';
}

/**
 * Encodes a query: a random id (CSPRNG, full 16 bits, RFC 5452 §9.2), RD as asked, one question,
 * and an OPT record advertising {@link EDNS_UDP_PAYLOAD} unless `edns` is false.
 *
 * @throws TypeError when the name cannot be a DNS name (empty label, label over 63 or name over
 *   255 octets, a character outside printable ASCII): the caller maps it to a lookup outcome.
 */
export function encodeQuery(
  name: string,
  type: QueryType,
  options: { recursionDesired?: boolean; edns?: boolean; id?: number } = {},
): WireQuery {
  const code = TYPE_CODES[type];
  if (code === undefined) throw new TypeError(`unsupported query type ${JSON.stringify(type)}`);
  const qnameWire = encodeName(name);
  const edns = options.edns ?? true;
  // DoH uses id 0 (RFC 8484 §4.1: cache friendly; TLS, not the id, protects the exchange).
  const id = options.id ?? randomInt(0, 0x10000);
  const wire = Buffer.alloc(HEADER + qnameWire.length + 4 + (edns ? 11 : 0));
  wire.writeUInt16BE(id, 0);
  wire.writeUInt16BE((options.recursionDesired ?? true) ? 0x0100 : 0, 2);
  wire.writeUInt16BE(1, 4); // QDCOUNT
  wire.writeUInt16BE(edns ? 1 : 0, 10); // ARCOUNT
  qnameWire.copy(wire, HEADER);
  let at = HEADER + qnameWire.length;
  wire.writeUInt16BE(code, at);
  wire.writeUInt16BE(CLASS_IN, at + 2);
  at += 4;
  if (edns) {
    // RFC 6891 §6.1.2: root owner, TYPE OPT, CLASS = UDP payload size, TTL 0 (version 0), no RDATA.
    wire[at] = 0;
    wire.writeUInt16BE(OPT, at + 1);
    wire.writeUInt16BE(EDNS_UDP_PAYLOAD, at + 3);
  }
  return { id, qname: readName(qnameWire, 0).name, type, edns, qnameWire, wire };
}

function encodeName(name: string): Buffer {
  const text = comparableName(String(name));
  if (text === '') return Buffer.from([0]);
  const labels = text.split('.');
  let total = 1;
  for (const label of labels) {
    if (label.length === 0) throw new TypeError(`empty label in ${JSON.stringify(name)}`);
    if (label.length > MAX_LABEL_OCTETS)
      throw new TypeError(`label over 63 octets in ${JSON.stringify(name)}`);
    if (!/^[\x21-\x7e]+$/.test(label)) {
      throw new TypeError(`${JSON.stringify(name)} has a character outside printable ASCII`);
    }
    total += label.length + 1;
  }
  if (total > MAX_NAME_OCTETS) throw new TypeError(`${JSON.stringify(name)} is over 255 octets`);
  const wire = Buffer.alloc(total);
  let at = 0;
  for (const label of labels) {
    wire[at++] = label.length;
    at += wire.write(label, at, 'latin1');
  }
  return wire;
}

/** What the screen says of one received message. */
export type Screened =
  /** Ours: id and question match. `tc` and `rcode` from the header (RCODE without EDNS's high bits). */
  | { verdict: 'ours'; tc: boolean; rcode: number }
  /** Not for us (RFC 5452): keep listening. `undecodable` when not even a header. */
  | { verdict: 'drop'; reason: string; undecodable: boolean };

function lowerOctet(octet: number): number {
  return octet >= 0x41 && octet <= 0x5a ? octet | 0x20 : octet;
}

/**
 * Judges a received message by its header and question only (O(question length), no decoding).
 *
 * A reply without a question section is dropped — except a FORMERR to a query that carried EDNS:
 * servers that do not speak EDNS often answer that without the question (RFC 6891 §7), and all it
 * can make us do is ask again without the OPT record.
 */
export function screenReply(message: Uint8Array, query: WireQuery): Screened {
  if (message.length < HEADER) {
    return { verdict: 'drop', reason: `undecodable ${message.length}-octet message`, undecodable: true };
  }
  const view = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  const id = view.readUInt16BE(0);
  if (id !== query.id) {
    return { verdict: 'drop', reason: `reply id ${id} did not match ${query.id}`, undecodable: false };
  }
  const flags = view.readUInt16BE(2);
  if ((flags & 0x8000) === 0) return { verdict: 'drop', reason: 'not a response (QR=0)', undecodable: false };
  const opcode = (flags >> 11) & 0xf;
  if (opcode !== 0) return { verdict: 'drop', reason: `opcode ${opcode} is not QUERY`, undecodable: false };
  const tc = (flags & 0x0200) !== 0;
  const rcode = flags & 0xf;
  const qdcount = view.readUInt16BE(4);
  if (qdcount === 0 && rcode === RCODE_FORMERR && query.edns) return { verdict: 'ours', tc, rcode };
  if (qdcount !== 1) {
    return {
      verdict: 'drop',
      reason: qdcount === 0 ? 'the reply has no question section' : `the reply has ${qdcount} questions`,
      undecodable: false,
    };
  }
  const qname = query.qnameWire;
  const end = HEADER + qname.length;
  if (view.length < end + 4) {
    // Our id, but the question is cut short: not DNS we can read, and not provably ours either.
    return {
      verdict: 'drop',
      reason: 'undecodable reply: the question runs past the end',
      undecodable: true,
    };
  }
  for (let i = 0; i < qname.length; i++) {
    if (lowerOctet(view[HEADER + i]!) !== qname[i]) {
      return { verdict: 'drop', reason: 'reply question did not match', undecodable: false };
    }
  }
  if (view.readUInt16BE(end) !== TYPE_CODES[query.type] || view.readUInt16BE(end + 2) !== CLASS_IN) {
    return { verdict: 'drop', reason: 'reply question did not match', undecodable: false };
  }
  return { verdict: 'ours', tc, rcode };
}

/** A name read from a message: presentation form and the offset after it where it was found. */
interface ReadName {
  name: string;
  next: number;
}

function presentLabel(message: Uint8Array, start: number, length: number): string {
  let plain = true;
  for (let i = start; i < start + length; i++) {
    const octet = message[i]!;
    if (octet <= 0x20 || octet >= 0x7f || octet === 0x2e || octet === 0x5c) {
      plain = false;
      break;
    }
  }
  if (plain)
    return Buffer.from(message.buffer, message.byteOffset + start, length)
      .toString('latin1')
      .toLowerCase();
  let label = '';
  for (let i = start; i < start + length; i++) {
    const octet = lowerOctet(message[i]!);
    if (octet === 0x2e || octet === 0x5c) label += `\\${String.fromCharCode(octet)}`;
    else if (octet > 0x20 && octet < 0x7f) label += String.fromCharCode(octet);
    else label += `\\${String(octet).padStart(3, '0')}`;
  }
  return label;
}

/** A name suffix already decoded from one offset of one message: its text, octets and pointer hops. */
interface Suffix {
  name: string;
  octets: number;
  hops: number;
}

/** Decoded suffixes of one message by offset: each pointer target is decoded once per message. */
export type NameCache = Map<number, Suffix>;

/**
 * Reads a possibly compressed name at `offset`: lower case, no trailing dot, `""` for the root;
 * `.` and `\` inside a label and octets outside printable ASCII escaped as `\.`, `\\`, `\DDD`
 * (RFC 1035 §5.1), so no label can pass for two.
 *
 * Bounded: every pointer must point before itself (RFC 1035 §4.1.4, "a prior occurrence"), at most
 * {@link MAX_POINTER_HOPS} pointers per name, labels ≤ 63 and names ≤ 255 octets. With `cache`
 * (one per message), a suffix reached by a pointer is decoded once, so a message whose every name
 * points at the same long name or chain costs O(message), not O(message × 255).
 *
 * @throws WireError on a pointer that does not point backwards, more than {@link MAX_POINTER_HOPS}
 *   pointers, a reserved label type, a label or name over its limit, or a name running past the end.
 */
export function readName(message: Uint8Array, offset: number, cache?: NameCache): ReadName {
  const labels: string[] = [];
  // Where the decoder entered (the start, then each pointer target), to cache the suffixes.
  const entries: { at: number; label: number; octets: number; hops: number }[] = [];
  let at = offset;
  let next = -1;
  let hops = 0;
  let octets = 1;
  let tail: Suffix | undefined;
  entries.push({ at, label: 0, octets, hops });
  for (;;) {
    if (at >= message.length)
      throw new WireError(`a name runs past the end of the message (offset ${offset})`);
    const length = message[at]!;
    if (length === 0) {
      if (next < 0) next = at + 1;
      break;
    }
    const kind = length & 0xc0;
    if (kind === 0xc0) {
      if (at + 1 >= message.length)
        throw new WireError('a compression pointer runs past the end of the message');
      const target = ((length & 0x3f) << 8) | message[at + 1]!;
      if (target >= at) throw new WireError(`a compression pointer at ${at} does not point backwards`);
      if (++hops > MAX_POINTER_HOPS)
        throw new WireError(`a name follows over ${MAX_POINTER_HOPS} compression pointers`);
      if (next < 0) next = at + 2;
      at = target;
      const known = cache?.get(target);
      if (known !== undefined) {
        if (hops + known.hops > MAX_POINTER_HOPS) {
          throw new WireError(`a name follows over ${MAX_POINTER_HOPS} compression pointers`);
        }
        if (octets + known.octets - 1 > MAX_NAME_OCTETS) throw new WireError('a name is over 255 octets');
        tail = known;
        break;
      }
      entries.push({ at, label: labels.length, octets, hops });
      continue;
    }
    if (kind !== 0) throw new WireError(`reserved label type 0x${length.toString(16)}`);
    octets += length + 1;
    if (octets > MAX_NAME_OCTETS) throw new WireError('a name is over 255 octets');
    if (at + 1 + length > message.length) throw new WireError('a label runs past the end of the message');
    labels.push(presentLabel(message, at + 1, length));
    at += 1 + length;
  }
  const own = labels.join('.');
  const name = tail === undefined || tail.name === '' ? own : own === '' ? tail.name : `${own}.${tail.name}`;
  if (cache !== undefined) {
    const totalOctets = octets + (tail ? tail.octets - 1 : 0);
    const totalHops = hops + (tail ? tail.hops : 0);
    for (const entry of entries) {
      if (cache.has(entry.at)) continue;
      const rest = labels.slice(entry.label).join('.');
      const suffix =
        tail === undefined || tail.name === '' ? rest : rest === '' ? tail.name : `${rest}.${tail.name}`;
      cache.set(entry.at, {
        name: suffix,
        octets: totalOctets - entry.octets + 1,
        hops: totalHops - entry.hops,
      });
    }
  }
  return { name, next };
}

function formatIPv6(message: Uint8Array, at: number): string {
  const groups: number[] = [];
  for (let i = 0; i < 8; i++) groups.push((message[at + 2 * i]! << 8) | message[at + 2 * i + 1]!);
  // RFC 5952 §4.2: the longest run of two or more zero groups becomes "::" (the first on a tie).
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Reads one record's RDATA by type; `undefined` for OPT (a pseudo-record, not data). */
function readRecord(
  message: Buffer,
  owner: string,
  type: number,
  ttl: number,
  start: number,
  length: number,
  cache: NameCache,
): WireRecord | undefined {
  const end = start + length;
  const nameIn = (at: number): ReadName => {
    const read = readName(message, at, cache);
    if (read.next > end) throw new WireError(`a name in ${owner}'s RDATA runs past its RDLENGTH`);
    return read;
  };
  const exact = (at: number) => {
    if (at !== end) throw new WireError(`RDATA of ${owner} (type ${type}) does not fill its RDLENGTH`);
  };
  switch (type) {
    case 1:
      if (length !== 4) throw new WireError(`an A record of ${length} octets`);
      return {
        type: 'A',
        name: owner,
        ttl,
        address: `${message[start]}.${message[start + 1]}.${message[start + 2]}.${message[start + 3]}`,
      };
    case 28:
      if (length !== 16) throw new WireError(`an AAAA record of ${length} octets`);
      return { type: 'AAAA', name: owner, ttl, address: formatIPv6(message, start) };
    case 5:
    case 2: {
      const target = nameIn(start);
      exact(target.next);
      return type === 5
        ? { type: 'CNAME', name: owner, ttl, target: target.name }
        : { type: 'NS', name: owner, ttl, target: target.name };
    }
    case 33: {
      if (length < 7) throw new WireError(`an SRV record of ${length} octets`);
      const target = nameIn(start + 6);
      exact(target.next);
      return {
        type: 'SRV',
        name: owner,
        ttl,
        priority: message.readUInt16BE(start),
        weight: message.readUInt16BE(start + 2),
        port: message.readUInt16BE(start + 4),
        target: target.name,
      };
    }
    case 6: {
      const mname = nameIn(start);
      const rname = nameIn(mname.next);
      exact(rname.next + 20);
      return {
        type: 'SOA',
        name: owner,
        ttl,
        mname: mname.name,
        minimum: message.readUInt32BE(rname.next + 16),
      };
    }
    case 16: {
      const data: string[] = [];
      let at = start;
      while (at < end) {
        const size = message[at]!;
        if (at + 1 + size > end) throw new WireError(`a TXT string of ${owner} runs past its RDLENGTH`);
        data.push(message.toString('utf8', at + 1, at + 1 + size));
        at += 1 + size;
      }
      return { type: 'TXT', name: owner, ttl, data };
    }
    case OPT:
      return undefined;
    default:
      return { type: 'OTHER', name: owner, ttl, typeCode: type };
  }
}

/**
 * Decodes a reply that {@link screenReply} accepted: its sections, with bounded names. The RCODE
 * includes EDNS's extended bits (RFC 6891 §6.1.3) when an OPT record carries them.
 *
 * @throws WireError when the message is not DNS we can read (then the reply is `malformed`).
 */
export function decodeReply(message: Uint8Array): DnsReply {
  const view = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
  if (view.length < HEADER) throw new WireError('shorter than a DNS header');
  const flags = view.readUInt16BE(2);
  const counts = [view.readUInt16BE(4), view.readUInt16BE(6), view.readUInt16BE(8), view.readUInt16BE(10)];
  // Every record takes at least 11 octets: a count beyond what the message can hold is a lie.
  if ((counts[1]! + counts[2]! + counts[3]!) * 11 + counts[0]! * 5 > view.length - HEADER) {
    throw new WireError('the section counts claim more records than the message holds');
  }
  const cache: NameCache = new Map();
  let at = HEADER;
  for (let i = 0; i < counts[0]!; i++) {
    at = readName(view, at, cache).next + 4;
    if (at > view.length) throw new WireError('the question runs past the end of the message');
  }
  let extended = 0;
  const sections: WireRecord[][] = [[], [], []];
  for (let s = 0; s < 3; s++) {
    const section = sections[s]!;
    for (let i = 0; i < counts[s + 1]!; i++) {
      const owner = readName(view, at, cache);
      at = owner.next;
      if (at + 10 > view.length) throw new WireError('a record header runs past the end of the message');
      const type = view.readUInt16BE(at);
      const rrclass = view.readUInt16BE(at + 2);
      const ttl = view.readUInt32BE(at + 4);
      const length = view.readUInt16BE(at + 8);
      at += 10;
      if (at + length > view.length)
        throw new WireError(`RDLENGTH ${length} runs past the end of the message`);
      if (type === OPT) {
        if (s === 2 && owner.name === '') extended = ttl >>> 24;
      } else if (rrclass === CLASS_IN) {
        // RFC 2181 §8: a TTL with the top bit set counts as zero.
        const record = readRecord(view, owner.name, type, ttl > 0x7fffffff ? 0 : ttl, at, length, cache);
        if (record) section.push(record);
      }
      at += length;
    }
  }
  return {
    rcode: (extended << 4) | (flags & 0xf),
    rcodeName: rcodeName((extended << 4) | (flags & 0xf)),
    aa: (flags & 0x0400) !== 0,
    tc: (flags & 0x0200) !== 0,
    answers: sections[0]!,
    authority: sections[1]!,
    additional: sections[2]!,
  };
}

/** The records of a reply's answer section that the live checks read (no NS, SOA or opaque ones). */
export function isAnswerRecord(record: WireRecord): record is AnswerRecord {
  return record.type !== 'NS' && record.type !== 'SOA' && record.type !== 'OTHER';
}
