/**
 * The one record shape of a planned zone (RULES §11 "One record type"), shared by the parser, the
 * planned resolver and the zone server, and its presentation form.
 */

/**
 * One resource record of a zone.
 *
 * - `name`: owner, absolute, lower case, no trailing dot (`_sipfederationtls._tcp.contoso.com`).
 * - `type`: the mnemonic in upper case (`SRV`), or `TYPEnnn` for an RFC 3597 type without one.
 * - `ttl`: seconds; `class`: `IN` (or `CH`, `HS`, `CLASSnnn` as written).
 * - `line`: the line it starts on in its file (0 for records that did not come from a file).
 * - `data`: the RDATA in presentation form, names absolute with their trailing dot
 *   (`0 0 5061 sip.contoso.com.`).
 * - Typed fields by type: SRV `priority/weight/port/target`; A/AAAA `address`; CNAME/NS/PTR/DNAME
 *   `target`; MX `preference/exchange`; TXT/SPF `strings`; SOA `mname/rname/serial/refresh/retry/expire/minimum`;
 *   CAA `flags/tag/value`. Names in typed fields are absolute, lower case, without the trailing
 *   dot; `""` is the root (an SRV target `.`).
 */
export interface ZoneRecord {
  name: string;
  type: string;
  ttl: number;
  class: string;
  line: number;
  /** The last line of a record written across lines (parentheses). */
  endLine?: number;
  data: string;
  priority?: number;
  weight?: number;
  port?: number;
  target?: string;
  address?: string;
  preference?: number;
  exchange?: string;
  strings?: string[];
  mname?: string;
  rname?: string;
  serial?: number;
  refresh?: number;
  retry?: number;
  expire?: number;
  minimum?: number;
  flags?: number;
  tag?: string;
  value?: string;
}

/** A name as written in presentation form: absolute with its trailing dot (`.` for the root). */
export function dotted(name: string): string {
  return name === '' ? '.' : `${name}.`;
}

/** A character-string in presentation form: quoted, `"` and `\` escaped, control characters as `\DDD`. */
export function quoteString(text: string): string {
  let out = '"';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c < 0x20 || c === 0x7f) {
      out += text.slice(from, i);
      out += c === 0x22 || c === 0x5c ? `\\${text[i]}` : `\\${String(c).padStart(3, '0')}`;
      from = i + 1;
    }
  }
  return `${out}${text.slice(from)}"`;
}

/**
 * The record as one master-file line: `name. ttl class type data`.
 *
 * @example formatZoneRecord(record) // '_sipfederationtls._tcp.contoso.com. 3600 IN SRV 0 0 5061 sip.contoso.com.'
 */
export function formatZoneRecord(record: ZoneRecord): string {
  return `${dotted(record.name)} ${record.ttl} ${record.class} ${record.type} ${record.data}`;
}
