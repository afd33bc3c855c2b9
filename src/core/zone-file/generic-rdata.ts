/**
 * RFC 3597 §5: a known type written generically (`TYPE33 \# 23 0000…`, `SRV \# …`) is that type: its
 * octets decode to the same fields as the presentation form, so a planned SRV or A record written
 * this way is checked like any other (BIND loads them so too). Names in generic data are never
 * compressed (RFC 3597 §4).
 */
import { dotted, quoteString, type ZoneRecord } from './zone-record.js';

/** The type numbers of the understood types a generic record may carry (IANA RR TYPEs). */
export const UNDERSTOOD_TYPE_NUMBERS: Readonly<Record<number, string>> = /* @__PURE__ */ Object.freeze({
  1: 'A',
  2: 'NS',
  5: 'CNAME',
  12: 'PTR',
  15: 'MX',
  16: 'TXT',
  28: 'AAAA',
  33: 'SRV',
  39: 'DNAME',
});

/** A name in wire form at `offset`: `{ name, next }`, or undefined when it runs past the data or is too long. */
function readWireName(octets: Uint8Array, offset: number): { name: string; next: number } | undefined {
  const labels: string[] = [];
  let at = offset;
  let length = 1;
  for (;;) {
    const size = octets[at];
    if (size === undefined || size > 63) return undefined; // no compression in generic data
    at += 1;
    if (size === 0) break;
    if (at + size > octets.length) return undefined;
    length += size + 1;
    if (length > 255) return undefined;
    let label = '';
    for (let k = 0; k < size; k++) {
      const c = octets[at + k] as number;
      const lower = c >= 65 && c <= 90 ? c + 32 : c;
      // Octets that are not plain name characters are kept as RFC 1035 \DDD escapes.
      label +=
        (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) || lower === 45 || lower === 95
          ? String.fromCharCode(lower)
          : `\\${String(c).padStart(3, '0')}`;
    }
    labels.push(label);
    at += size;
  }
  return { name: labels.join('.'), next: at };
}

const UTF8 = /* @__PURE__ */ new TextDecoder();

const u16 = (octets: Uint8Array, at: number): number =>
  ((octets[at] as number) << 8) | (octets[at + 1] as number);

/**
 * Fills `record` (type set to the understood mnemonic) from generic octets; returns the problem, or
 * undefined when the octets are a well-formed record of that type.
 */
export function decodeGeneric(record: ZoneRecord, type: string, octets: Uint8Array): string | undefined {
  const bad = `the \\# data is not a well-formed ${type} record`;
  switch (type) {
    case 'NS':
    case 'CNAME':
    case 'PTR':
    case 'DNAME': {
      const name = readWireName(octets, 0);
      if (!name || name.next !== octets.length) return bad;
      record.target = name.name;
      record.data = dotted(name.name);
      return undefined;
    }
    case 'MX': {
      const name = octets.length > 2 ? readWireName(octets, 2) : undefined;
      if (!name || name.next !== octets.length) return bad;
      record.preference = u16(octets, 0);
      record.exchange = name.name;
      record.data = `${record.preference} ${dotted(name.name)}`;
      return undefined;
    }
    case 'SRV': {
      const name = octets.length > 6 ? readWireName(octets, 6) : undefined;
      if (!name || name.next !== octets.length) return bad;
      record.priority = u16(octets, 0);
      record.weight = u16(octets, 2);
      record.port = u16(octets, 4);
      record.target = name.name;
      record.data = `${record.priority} ${record.weight} ${record.port} ${dotted(name.name)}`;
      return undefined;
    }
    case 'TXT': {
      const strings: string[] = [];
      let at = 0;
      while (at < octets.length) {
        const size = octets[at] as number;
        if (at + 1 + size > octets.length) return bad;
        strings.push(UTF8.decode(octets.subarray(at + 1, at + 1 + size)));
        at += 1 + size;
      }
      if (strings.length === 0) return bad;
      record.strings = strings;
      record.data = strings.map(quoteString).join(' ');
      return undefined;
    }
    case 'A':
    case 'AAAA': {
      // Generic data of an address type is the address itself.
      const size = type === 'A' ? 4 : 16;
      if (octets.length !== size) return `a ${type} record holds ${size} octets, not ${octets.length}`;
      record.address =
        type === 'A'
          ? octets.join('.')
          : Array.from({ length: 8 }, (_, k) => u16(octets, 2 * k).toString(16)).join(':');
      record.data = record.address;
      return undefined;
    }
    default:
      return bad;
  }
}
