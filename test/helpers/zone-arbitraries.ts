/**
 * fast-check arbitraries of zone records (RULES §11 round-trip property) and their master-file
 * text, shared by the parser's property test and the BIND oracle test.
 */
import fc from 'fast-check';
import type { ZoneRecord } from '../../src/core/zone-file/zone-record.js';

/** Typed fields of a record, before the parser adds class, line and presentation data. */
export type RecordFields = Omit<ZoneRecord, 'class' | 'line' | 'data'>;

const label = fc.stringMatching(/^[a-z0-9_]([a-z0-9-]{0,8}[a-z0-9])?$/);
const name = fc
  .array(label, { minLength: 1, maxLength: 3 })
  .map((labels) => `${labels.join('.')}.contoso.com`);
const ttl = fc.integer({ min: 0, max: 2_147_483_647 });
const u16 = fc.integer({ min: 0, max: 65535 });
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
const ipv6 = fc
  .ipV6()
  .filter((a) => !a.includes('.'))
  .map((a) => a.toLowerCase());
const text = fc.string({ maxLength: 60, unit: 'binary-ascii' });
/** One record of a type the parser understands, under contoso.com. */
export const zoneRecordFields: fc.Arbitrary<RecordFields> = fc.oneof(
  fc.record({ name, ttl, type: fc.constant('A'), address: ipv4 }),
  fc.record({ name, ttl, type: fc.constant('AAAA'), address: ipv6 }),
  fc.record({ name, ttl, type: fc.constantFrom('CNAME', 'NS', 'PTR', 'DNAME'), target: name }),
  fc.record({ name, ttl, type: fc.constant('MX'), preference: u16, exchange: name }),
  fc.record({ name, ttl, type: fc.constant('SRV'), priority: u16, weight: u16, port: u16, target: name }),
  fc.record({
    name,
    ttl,
    type: fc.constant('TXT'),
    strings: fc.array(text, { minLength: 1, maxLength: 3 }),
  }),
);
/** The record's RDATA in presentation form, written independently of the parser's formatter. */
export function dataOf(r: Partial<ZoneRecord>): string {
  switch (r.type) {
    case 'A':
    case 'AAAA':
      return String(r.address);
    case 'MX':
      return `${r.preference} ${r.exchange}.`;
    case 'SRV':
      return `${r.priority} ${r.weight} ${r.port} ${r.target}.`;
    case 'TXT':
      return (r.strings ?? []).map(quoted).join(' ');
    default:
      return `${r.target}.`;
  }
}

function quoted(text: string): string {
  let out = '"';
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (code < 32 || code === 127) out += `\\${String(code).padStart(3, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

/** One master-file line for the record (absolute owner, explicit TTL and class). */
export function recordLine(r: RecordFields): string {
  return `${r.name}. ${r.ttl} IN ${r.type} ${dataOf(r)}`;
}
