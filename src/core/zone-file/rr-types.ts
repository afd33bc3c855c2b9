/**
 * Record types (IANA "Resource Record (RR) TYPEs", data types only: meta types and QTYPEs such as
 * OPT, TSIG, AXFR or ANY cannot appear in a zone file). The parser understands the first group and
 * keeps the others as opaque presentation data; anything else is a syntax error, never silently
 * opaque (RULES §11).
 */

/** Types whose RDATA the parser reads into typed fields. */
export const UNDERSTOOD_TYPES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'SOA',
  'NS',
  'A',
  'AAAA',
  'CNAME',
  'SRV',
  'TXT',
  'SPF',
  'MX',
  'CAA',
  'PTR',
  'DNAME',
]);

/** Other registered data types, kept as opaque presentation data. */
const OPAQUE_TYPES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'MD',
  'MF',
  'MB',
  'MG',
  'MR',
  'NULL',
  'WKS',
  'HINFO',
  'MINFO',
  'RP',
  'AFSDB',
  'X25',
  'ISDN',
  'RT',
  'NSAP',
  'NSAP-PTR',
  'SIG',
  'KEY',
  'PX',
  'GPOS',
  'LOC',
  'NXT',
  'EID',
  'NIMLOC',
  'ATMA',
  'NAPTR',
  'KX',
  'CERT',
  'A6',
  'SINK',
  'APL',
  'DS',
  'SSHFP',
  'IPSECKEY',
  'RRSIG',
  'NSEC',
  'DNSKEY',
  'DHCID',
  'NSEC3',
  'NSEC3PARAM',
  'TLSA',
  'SMIMEA',
  'HIP',
  'NINFO',
  'RKEY',
  'TALINK',
  'CDS',
  'CDNSKEY',
  'OPENPGPKEY',
  'CSYNC',
  'ZONEMD',
  'SVCB',
  'HTTPS',
  'DSYNC',
  'HHIT',
  'BRID',
  'UINFO',
  'UID',
  'GID',
  'UNSPEC',
  'NID',
  'L32',
  'L64',
  'LP',
  'EUI48',
  'EUI64',
  'NXNAME',
  'URI',
  'AVC',
  'DOA',
  'AMTRELAY',
  'RESINFO',
  'WALLET',
  'CLA',
  'IPN',
  'TA',
  'DLV',
]);

/** Classes a record may carry (RFC 1035 §3.2.4, RFC 3597 `CLASSnnn`). */
export function normaliseClass(text: string): string | undefined {
  const upper = text.toUpperCase();
  if (upper === 'IN' || upper === 'CH' || upper === 'HS' || upper === 'CS') return upper;
  const n = numberAfter(upper, 'CLASS');
  if (n === undefined) return undefined;
  // RFC 3597 §4: CLASS1 is IN, CLASS3 CH, CLASS4 HS.
  return n === 1 ? 'IN' : n === 3 ? 'CH' : n === 4 ? 'HS' : `CLASS${n}`;
}

/** The type mnemonic for a token, `TYPEnnn` for RFC 3597, or undefined for an unknown one. */
export function normaliseType(text: string): string | undefined {
  const upper = text.toUpperCase();
  if (UNDERSTOOD_TYPES.has(upper) || OPAQUE_TYPES.has(upper)) return upper;
  const n = numberAfter(upper, 'TYPE');
  // RFC 6895 §3.1: 0, OPT (41) and 128–255 are meta types and QTYPEs, never data in a zone.
  if (n === undefined || n === 0 || n === 41 || (n >= 128 && n <= 255)) return undefined;
  return `TYPE${n}`;
}

/** `TYPE65534` → 65534 (1–5 digits, ≤ 65535), else undefined. */
function numberAfter(text: string, prefix: string): number | undefined {
  if (!text.startsWith(prefix) || text.length === prefix.length || text.length > prefix.length + 5)
    return undefined;
  for (let i = prefix.length; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const n = Number(text.slice(prefix.length));
  return n <= 65535 ? n : undefined;
}
