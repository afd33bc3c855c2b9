/**
 * The rules of RULES §11 that look at the zone as a whole: CNAME and other data, records below a
 * delegation, RRsets with mixed TTLs, duplicates, owners outside the origin. Linear: one map of
 * names, and small per-name groups.
 */

import { isAtOrBelow } from '../names.js';
import { parentName } from './names.js';
import type { IssueSink } from './parse-zone-file.js';
import { formatZoneRecord, type ZoneRecord } from './zone-record.js';

/** Types allowed beside a CNAME (RFC 2181 §10.1, RFC 4035 §2.5: DNSSEC data). */
const CNAME_COMPANIONS = new Set(['RRSIG', 'NSEC', 'NSEC3', 'KEY', 'SIG', 'NXT']);
/** Types that belong at a delegation point (RFC 4035 §2.5). */
const AT_CUT = new Set(['NS', 'DS', 'RRSIG', 'NSEC']);

/**
 * Applies the whole-zone rules.
 *
 * @param records - the records read
 * @param origins - the origin in force on each record's line (same index)
 * @param apex - the zone apex (option, file name, SOA owner or first `$ORIGIN`)
 */
export function checkZoneRecords(
  records: readonly ZoneRecord[],
  origins: readonly (string | undefined)[],
  apex: string | undefined,
  sink: IssueSink,
): void {
  const byName = new Map<string, number | number[]>();
  const apexes = new Set<string>();
  if (apex !== undefined) apexes.add(apex);
  for (const record of records) if (record.type === 'SOA') apexes.add(record.name);
  const cuts = new Map<string, string[]>();

  let soa: ZoneRecord | undefined;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const origin = origins[i];
    if (record.type === 'SOA') {
      // RFC 1035 §5.2: one SOA, at the top of the zone.
      if (soa !== undefined)
        sink.add('zone.syntax_error', record.line, record.endLine, {
          reason: `a second SOA record (the first is on line ${soa.line}); a zone has one`,
        });
      else if (apex !== undefined && record.name !== apex)
        sink.add('zone.syntax_error', record.line, record.endLine, {
          reason: `the SOA record is at ${record.name}, not at the top of the zone ${apex}`,
        });
      soa ??= record;
    }
    if (origin !== undefined && !isAtOrBelow(record.name, origin)) {
      sink.add('zone.out_of_zone', record.line, record.endLine, {
        name: record.name,
        origin,
        type: record.type,
      });
    }
    const seen = byName.get(record.name);
    if (seen === undefined) byName.set(record.name, i);
    else if (typeof seen === 'number') byName.set(record.name, [seen, i]);
    else seen.push(i);
    if (record.type === 'NS' && !apexes.has(record.name)) {
      const targets = cuts.get(record.name) ?? [];
      targets.push(record.target ?? '');
      cuts.set(record.name, targets);
    }
  }

  for (const group of byName.values()) if (typeof group !== 'number') checkGroup(records, group, sink);

  if (cuts.size > 0) {
    const glue = new Set<string>();
    for (const targets of cuts.values()) for (const target of targets) glue.add(target);
    for (const record of records) {
      const cut = coveringCut(record.name, cuts, apexes);
      if (cut === undefined) continue;
      if (cut === record.name && AT_CUT.has(record.type)) continue;
      // Glue: addresses of the delegation's name servers are served with the referral.
      if ((record.type === 'A' || record.type === 'AAAA') && glue.has(record.name)) continue;
      sink.add('zone.occluded_data', record.line, record.endLine, {
        name: record.name,
        type: record.type,
        delegation: cut,
      });
    }
  }
}

/** The delegation point at or above `name` (below the apex), if any. */
function coveringCut(name: string, cuts: Map<string, string[]>, apexes: Set<string>): string | undefined {
  let found: string | undefined;
  for (
    let current: string | undefined = name;
    current !== undefined && !apexes.has(current);
    current = parentName(current)
  ) {
    if (cuts.has(current)) found = current; // the highest cut wins
  }
  return found;
}

/** CNAME and other data, TTL mismatch and duplicates among the records of one owner name. */
function checkGroup(records: readonly ZoneRecord[], group: number[], sink: IssueSink): void {
  let cname: ZoneRecord | undefined;
  for (const i of group) {
    if (records[i]!.type === 'CNAME') {
      cname = records[i];
      break;
    }
  }
  const rrsets = new Map<string, ZoneRecord>();
  const datas = new Map<string, ZoneRecord>();
  for (const i of group) {
    const record = records[i]!;
    const rrset = `${record.class} ${record.type}`;
    const key = `${rrset} ${record.data}`;
    const duplicate = datas.get(key);
    if (duplicate !== undefined) {
      sink.add('zone.duplicate_record', record.line, record.endLine, {
        name: record.name,
        type: record.type,
        record: formatZoneRecord(record).slice(0, 200),
        firstLine: duplicate.line,
      });
      continue;
    }
    datas.set(key, record);
    if (
      cname !== undefined &&
      record !== cname &&
      (record.type === 'CNAME' || !CNAME_COMPANIONS.has(record.type))
    ) {
      // RFC 1034 §3.6.2: a CNAME owner has no other data (and one CNAME). Reported on the later
      // line of the two, as a compiler reports the second definition.
      const later = record.line > cname.line ? record : cname;
      sink.add('zone.cname_and_other_data', later.line, later.endLine, {
        name: record.name,
        type: record.type,
        cnameLine: cname.line,
        otherLine: record.line,
      });
    }
    const first = rrsets.get(rrset);
    if (first === undefined) rrsets.set(rrset, record);
    else if (first.ttl !== record.ttl) {
      // RFC 2181 §5.2: the records of one RRset have one TTL.
      sink.add('zone.ttl_mismatch', record.line, record.endLine, {
        name: record.name,
        type: record.type,
        ttl: record.ttl,
        expected: first.ttl,
        firstLine: first.line,
      });
    }
  }
}
