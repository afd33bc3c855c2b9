/**
 * The planned-zone source (RULES §11): a `Resolver` that answers names inside planned zones the way
 * their authoritative server would once the zone is published — answer, NXDOMAIN vs NODATA (empty
 * non-terminals exist), CNAME chains across the plans, RFC 4592 wildcards, delegations to child
 * zones — and hands every other name to a fallback resolver (live, any mode), or says `skipped`
 * when there is none (`--offline`). Every outcome it makes carries `source: 'planned'`. No I/O.
 */

import { isAtOrBelow } from '../../core/names.js';
import type { Issue } from '../../core/result.js';
import { parentName } from '../../core/zone-file/names.js';
import { parseZoneFile } from '../../core/zone-file/parse-zone-file.js';
import type { ZoneRecord } from '../../core/zone-file/zone-record.js';
import { MAX_CNAME_LINKS } from './recursive-reading.js';
import type {
  AnswerRecord,
  CnameAnswer,
  LookupOptions,
  LookupOutcome,
  RecordType,
  Resolver,
} from './types.js';

/** A planned zone as given: a zone file's text, or records already made. */
export type PlannedZoneInput =
  | { text: string; origin?: string; fileName?: string }
  | { origin: string; records: readonly ZoneRecord[] };

/** A planned zone, read: its apex, its records and the issues its file had. */
export interface PlannedZone {
  /** The apex (lower case, no trailing dot); undefined when the file named none. */
  origin: string | undefined;
  records: readonly ZoneRecord[];
  issues: Issue[];
  fileName?: string;
}

/** Options of {@link createPlannedResolver}. */
export interface PlannedResolverOptions {
  zones: readonly (PlannedZoneInput | PlannedZone)[];
  /** Asked for names outside every plan and for children delegated out of one. @default none: `skipped` */
  fallback?: Resolver;
}

/** A resolver over planned zones, with the zones it read. */
export interface PlannedResolver extends Resolver {
  readonly zones: readonly PlannedZone[];
}

/** RULES §8: at most 8 CNAME links. */

const normalName = (name: string) => name.toLowerCase().replace(/\.$/, '');

/** Reads each input (parsing zone texts) into a {@link PlannedZone}. Never throws. */
export function readPlannedZones(inputs: readonly (PlannedZoneInput | PlannedZone)[]): PlannedZone[] {
  const zones: PlannedZone[] = [];
  for (const input of Array.isArray(inputs) ? inputs : []) {
    if (input === null || typeof input !== 'object') continue;
    if ('issues' in input && Array.isArray(input.issues)) {
      zones.push(input as PlannedZone);
    } else if ('text' in input) {
      const parsed = parseZoneFile(input.text, {
        ...(input.origin !== undefined ? { origin: input.origin } : {}),
        ...(input.fileName !== undefined ? { fileName: input.fileName } : {}),
      });
      const zone: PlannedZone = { origin: parsed.origin, records: parsed.records, issues: parsed.issues };
      if (typeof input.fileName === 'string') zone.fileName = input.fileName;
      zones.push(zone);
    } else if ('records' in input && Array.isArray(input.records)) {
      const origin = typeof input.origin === 'string' ? normalName(input.origin) : undefined;
      // Records made by hand: names compared as DNS does (lower case, no trailing dot); junk skipped.
      const records: ZoneRecord[] = [];
      for (const record of input.records as unknown[]) {
        if (record === null || typeof record !== 'object') continue;
        const { name, type } = record as Partial<ZoneRecord>;
        if (typeof name !== 'string' || typeof type !== 'string') continue;
        records.push({ ...(record as ZoneRecord), name: normalName(name), type: type.toUpperCase() });
      }
      zones.push({ origin, records, issues: [] });
    }
  }
  return zones;
}

interface Index {
  apex: string;
  byName: Map<string, ZoneRecord[]>;
  /** Owners and every ancestor down to the apex (empty non-terminals exist, RFC 8020). */
  existing: Set<string>;
  /** Delegation points: NS owners other than the apex. */
  cuts: Set<string>;
}

function indexZone(apex: string, records: readonly ZoneRecord[]): Index {
  const byName = new Map<string, ZoneRecord[]>();
  const existing = new Set<string>([apex]);
  const cuts = new Set<string>();
  for (const record of records) {
    if (!isAtOrBelow(record.name, apex)) continue; // out of zone: never served
    const list = byName.get(record.name);
    if (list) list.push(record);
    else byName.set(record.name, [record]);
    if (record.type === 'NS' && record.name !== apex) cuts.add(record.name);
    for (
      let name: string | undefined = record.name;
      name !== undefined && name !== apex;
      name = parentName(name)
    ) {
      if (existing.has(name)) break;
      existing.add(name);
    }
  }
  return { apex, byName, existing, cuts };
}

function toAnswer(record: ZoneRecord, owner: string): AnswerRecord | undefined {
  switch (record.type) {
    case 'SRV':
      if (record.target === undefined) return undefined; // RFC 3597 generic data: not interpreted
      return {
        type: 'SRV',
        name: owner,
        ttl: record.ttl,
        priority: record.priority ?? 0,
        weight: record.weight ?? 0,
        port: record.port ?? 0,
        target: record.target ?? '',
      };
    case 'A':
    case 'AAAA':
      if (record.address === undefined) return undefined;
      return { type: record.type, name: owner, ttl: record.ttl, address: record.address };
    case 'CNAME':
      if (record.target === undefined) return undefined;
      return { type: 'CNAME', name: owner, ttl: record.ttl, target: record.target };
    case 'TXT':
      if (record.strings === undefined) return undefined;
      return { type: 'TXT', name: owner, ttl: record.ttl, data: [...record.strings] };
    default:
      return undefined;
  }
}

type Step =
  | { kind: 'answer'; records: AnswerRecord[] }
  | { kind: 'cname'; alias: CnameAnswer }
  | { kind: 'nodata' }
  | { kind: 'nxdomain' }
  | { kind: 'delegated'; zone: string; nameservers: string[] };

/** What the zone's authoritative server says to `name`/`type` (RFC 1034 §4.3.2, RFC 4592). */
function answerIn(zone: Index, name: string, type: RecordType): Step {
  // A delegation at or above the name: the server would refer (the highest cut wins).
  let cut: string | undefined;
  for (
    let current: string | undefined = name;
    current !== undefined && current !== zone.apex;
    current = parentName(current)
  ) {
    if (zone.cuts.has(current)) cut = current;
  }
  if (cut !== undefined) {
    const nameservers = (zone.byName.get(cut) ?? [])
      .filter((r) => r.type === 'NS')
      .map((r) => r.target ?? '');
    return { kind: 'delegated', zone: cut, nameservers };
  }
  let owner = name;
  let records = zone.byName.get(name);
  if (records === undefined) {
    if (zone.existing.has(name)) return { kind: 'nodata' };
    // RFC 4592 §3.3.1: the closest encloser, then its wildcard.
    let encloser = parentName(name);
    while (encloser !== undefined && encloser !== zone.apex && !zone.existing.has(encloser))
      encloser = parentName(encloser);
    if (encloser === undefined) return { kind: 'nxdomain' };
    owner = `*.${encloser}`;
    records = zone.byName.get(owner);
    if (records === undefined) return { kind: 'nxdomain' };
  }
  const cname = records.find((r) => r.type === 'CNAME' && r.target !== undefined);
  if (cname !== undefined && type !== 'CNAME') {
    return { kind: 'cname', alias: { type: 'CNAME', name, ttl: cname.ttl, target: cname.target ?? '' } };
  }
  const found: AnswerRecord[] = [];
  for (const record of records) {
    if (record.type !== type) continue;
    const answer = toAnswer(record, name); // a wildcard's records take the asked name
    if (answer) found.push(answer);
  }
  return found.length > 0 ? { kind: 'answer', records: found } : { kind: 'nodata' };
}

/**
 * A `Resolver` over planned zones.
 *
 * @param options - `zones` (texts or records), `fallback` (@default none: names outside the plans
 *   come back as `skipped`)
 * @returns a resolver whose outcomes from a plan carry `source: 'planned'`; it never rejects.
 * @example
 * const resolver = createPlannedResolver({ zones: [{ text, fileName: 'contoso.com.zone' }] });
 * await resolver.lookup('_sipfederationtls._tcp.contoso.com', 'SRV'); // { kind: 'answer', source: 'planned', … }
 */
export function createPlannedResolver(options: PlannedResolverOptions): PlannedResolver {
  const zones = readPlannedZones(options?.zones ?? []);
  const fallback = options?.fallback;
  // Files of one zone (same apex) are served together.
  const byApex = new Map<string, ZoneRecord[]>();
  for (const zone of zones) {
    const apex = zone.origin ?? zone.records.find((r) => r.type === 'SOA')?.name;
    if (apex === undefined) continue;
    const records = byApex.get(apex);
    if (records === undefined) byApex.set(apex, [...zone.records]);
    else for (const record of zone.records) records.push(record);
  }
  const indexes = [...byApex].map(([apex, records]) => indexZone(apex, records));
  // The deepest zone holding a name answers for it (a child zone in the plan beats its parent's cut).
  indexes.sort((a, b) => b.apex.length - a.apex.length);
  const zoneOf = (name: string) => indexes.find((zone) => isAtOrBelow(name, zone.apex));

  return {
    zones,
    async lookup(name: string, type: RecordType, lookupOptions?: LookupOptions): Promise<LookupOutcome> {
      const asked = String(name).toLowerCase().replace(/\.$/, '');
      const aliases: CnameAnswer[] = [];
      const seen = new Set<string>([asked]);
      let current = asked;
      for (;;) {
        const zone = zoneOf(current);
        if (zone === undefined) break;
        const step = answerIn(zone, current, type);
        if (step.kind === 'delegated') {
          // A child zone not in the plan: the referral is followed live, or skipped.
          if (fallback === undefined) {
            return { name: asked, type, kind: 'skipped', reason: 'offline', source: 'planned', aliases };
          }
          break;
        }
        if (step.kind === 'cname') {
          aliases.push(step.alias);
          if (seen.has(step.alias.target) || aliases.length > MAX_CNAME_LINKS) {
            return { name: asked, type, kind: 'cname_loop', aliases, source: 'planned' };
          }
          seen.add(step.alias.target);
          current = step.alias.target;
          continue;
        }
        if (step.kind === 'answer')
          return { name: asked, type, kind: 'answer', records: step.records, aliases, source: 'planned' };
        if (step.kind === 'nodata')
          return { name: asked, type, kind: 'nodata', rcode: 'NOERROR', aliases, source: 'planned' };
        return { name: asked, type, kind: 'nxdomain', rcode: 'NXDOMAIN', aliases, source: 'planned' };
      }
      if (fallback === undefined) {
        return { name: asked, type, kind: 'skipped', reason: 'offline', source: 'planned', aliases };
      }
      let outcome: LookupOutcome;
      try {
        outcome = await fallback.lookup(current, type, lookupOptions);
      } catch (error) {
        outcome = { name: current, type, kind: 'network_error', reason: String(error) };
      }
      if (aliases.length === 0) return outcome;
      // The chain began in a plan and ends outside it: the planned links first.
      return { ...outcome, name: asked, aliases: [...aliases, ...(outcome.aliases ?? [])] } as LookupOutcome;
    },
  };
}
