/**
 * A DNS hierarchy on loopback for authoritative mode (RULES §10): servers, each authoritative for
 * some zones (with delegations, glue and scripted faults), one `startZoneServer` per 127.x address,
 * all on one port. The zone server answers the zone data it can (SRV/A/AAAA/CNAME/TXT, AA set);
 * what it cannot (referrals, NS and SOA answers, REFUSED outside its zones, answers without AA) is
 * sent through its `raw` hook, encoded here (no dns2) from {@link modelAnswer}. Used by the tests,
 * the benchmark and the demo's split-view case.
 */
import net from 'node:net';
import { isAtOrBelow, isBelow } from '../../core/names.js';
import type { DnsReply, WireRecord } from '../dns/types.js';
import { startZoneServer, type ZoneServer } from './zone-server.js';

/** A record of a hierarchy zone: the zone server's records, plus NS (apex or delegation). */
export type HierarchyRecord = ServedRecord | { name: string; type: 'NS'; ttl?: number; data: string };

/**
 * The records the zone server itself serves, in its JSON form (`examples/demo-zone.json`): declared
 * here rather than imported, so this helper does not depend on how the server names that type.
 */
export type ServedRecord =
  | { name: string; type: 'A' | 'AAAA' | 'CNAME' | 'TXT'; ttl?: number; data: string | string[] }
  | {
      name: string;
      type: 'SRV';
      ttl?: number;
      data: { priority: number; weight: number; port: number; target: string };
    };

/** A zone as one server holds it. */
export interface HierarchyZone {
  /** Origin, lower case, no trailing dot (`""` is the root). */
  origin: string;
  records: HierarchyRecord[];
}

/** How a server misbehaves. */
export type Behaviour = 'normal' | 'silence' | 'refused' | 'servfail' | 'no_aa';

/** One server of the hierarchy. */
export interface HierarchyServer {
  /** A 127.x.x.x address. */
  host: string;
  zones: HierarchyZone[];
  behaviour?: Behaviour;
}

/** One query a server received. */
export interface LoggedQuery {
  host: string;
  name: string;
  type: string;
  transport: 'udp' | 'tcp';
}

const SERVED_TYPES: readonly string[] = ['SRV', 'A', 'AAAA', 'CNAME', 'TXT'];

function norm(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function toWire(record: HierarchyRecord): WireRecord {
  const name = norm(record.name);
  const ttl = record.ttl ?? 3600;
  switch (record.type) {
    case 'NS':
      return { type: 'NS', name, ttl, target: norm(String(record.data)) };
    case 'A':
    case 'AAAA':
      return { type: record.type, name, ttl, address: String(record.data) };
    case 'CNAME':
      return { type: 'CNAME', name, ttl, target: norm(String(record.data)) };
    case 'TXT':
      return {
        type: 'TXT',
        name,
        ttl,
        data: Array.isArray(record.data) ? record.data : [String(record.data)],
      };
    case 'SRV': {
      const data = record.data as { priority: number; weight: number; port: number; target: string };
      return { type: 'SRV', name, ttl, ...data, target: data.target === '.' ? '' : norm(data.target) };
    }
  }
}

function soaOf(zone: HierarchyZone): WireRecord {
  const ns = zone.records.find((r) => r.type === 'NS' && norm(r.name) === zone.origin);
  return {
    type: 'SOA',
    name: zone.origin,
    ttl: 3600,
    mname: ns ? norm(String(ns.data)) : 'ns.invalid',
    minimum: 300,
  };
}

const RCODE_NAMES: Record<number, string> = { 0: 'NOERROR', 2: 'SERVFAIL', 3: 'NXDOMAIN', 5: 'REFUSED' };

function reply(
  rcode: number,
  aa: boolean,
  sections: Partial<Pick<DnsReply, 'answers' | 'authority' | 'additional'>> = {},
): DnsReply {
  return {
    rcode,
    rcodeName: RCODE_NAMES[rcode] ?? `RCODE${rcode}`,
    aa,
    tc: false,
    answers: sections.answers ?? [],
    authority: sections.authority ?? [],
    additional: sections.additional ?? [],
  };
}

const converted = new WeakMap<HierarchyZone, WireRecord[]>();

function wireRecords(zone: HierarchyZone): WireRecord[] {
  let records = converted.get(zone);
  if (!records) {
    records = zone.records.map(toWire);
    converted.set(zone, records);
  }
  return records;
}

/** What `server` answers to (name, type): the model both servings share. `undefined`: silence. */
export function modelAnswer(server: HierarchyServer, qname: string, qtype: string): DnsReply | undefined {
  const behaviour = server.behaviour ?? 'normal';
  if (behaviour === 'silence') return undefined;
  if (behaviour === 'refused') return reply(5, false);
  if (behaviour === 'servfail') return reply(2, false);
  const name = norm(qname);
  let zone: HierarchyZone | undefined;
  for (const candidate of server.zones) {
    if (isAtOrBelow(name, candidate.origin) && (!zone || candidate.origin.length > zone.origin.length))
      zone = candidate;
  }
  if (!zone) return reply(5, false);
  const records = wireRecords(zone);
  const origin = zone.origin;
  const cutOf = (owner: string): string | undefined => {
    let cut: string | undefined;
    for (const r of records) {
      if (r.type === 'NS' && isBelow(r.name, origin) && isAtOrBelow(owner, r.name)) {
        if (cut === undefined || r.name.length < cut.length) cut = r.name;
      }
    }
    return cut;
  };
  const glueFor = (ns: WireRecord[]): WireRecord[] =>
    records.filter(
      (r) => (r.type === 'A' || r.type === 'AAAA') && ns.some((n) => n.type === 'NS' && n.target === r.name),
    );
  const aa = behaviour !== 'no_aa';
  const cut = cutOf(name);
  if (cut !== undefined) {
    const ns = records.filter((r) => r.type === 'NS' && r.name === cut);
    return reply(0, false, { authority: ns, additional: glueFor(ns) });
  }
  const answers: WireRecord[] = [];
  const seen = new Set<string>();
  let current = name;
  for (let hop = 0; hop < 16; hop++) {
    seen.add(current);
    const here = records.filter((r) => r.name === current);
    const cname = here.find((r) => r.type === 'CNAME');
    if (cname && cname.type === 'CNAME' && qtype !== 'CNAME') {
      answers.push(cname);
      current = cname.target;
      if (!isAtOrBelow(current, origin) || seen.has(current)) return reply(0, aa, { answers });
      const below = cutOf(current);
      if (below !== undefined) {
        const ns = records.filter((r) => r.type === 'NS' && r.name === below);
        return reply(0, aa, { answers, authority: ns, additional: glueFor(ns) });
      }
      continue;
    }
    if (qtype === 'SOA' && current === origin) return reply(0, aa, { answers: [...answers, soaOf(zone)] });
    const matching = here.filter((r) => r.type === qtype);
    if (matching.length > 0) {
      return reply(0, aa, {
        answers: [...answers, ...matching],
        additional: qtype === 'NS' ? glueFor(matching) : [],
      });
    }
    const exists = current === origin || records.some((r) => isAtOrBelow(r.name, current));
    return reply(exists ? 0 : 3, aa, { answers, authority: [soaOf(zone)] });
  }
  return reply(2, false);
}

const TYPE_CODES: Record<string, number> = { A: 1, NS: 2, CNAME: 5, SOA: 6, TXT: 16, AAAA: 28, SRV: 33 };

function encodeName(name: string): number[] {
  const out: number[] = [];
  if (name !== '') {
    for (const label of name.split('.')) {
      const bytes = [...Buffer.from(label, 'ascii')];
      out.push(bytes.length, ...bytes);
    }
  }
  out.push(0);
  return out;
}

function u16(value: number): number[] {
  return [(value >> 8) & 0xff, value & 0xff];
}

function u32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

function ipv6Bytes(address: string): number[] {
  const [head = '', tail = ''] = address.split('::');
  const h = head ? head.split(':') : [];
  const t = address.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = address.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return groups.flatMap((g) => u16(Number.parseInt(g, 16)));
}

function encodeRecord(record: WireRecord): number[] {
  let rdata: number[];
  switch (record.type) {
    case 'A':
      rdata = record.address.split('.').map(Number);
      break;
    case 'AAAA':
      rdata = ipv6Bytes(record.address);
      break;
    case 'NS':
    case 'CNAME':
      rdata = encodeName(record.target);
      break;
    case 'SOA':
      rdata = [
        ...encodeName(record.mname),
        ...encodeName(`hostmaster.${record.name || 'root'}`),
        ...u32(1),
        ...u32(3600),
        ...u32(600),
        ...u32(86400),
        ...u32(record.minimum),
      ];
      break;
    case 'SRV':
      rdata = [
        ...u16(record.priority),
        ...u16(record.weight),
        ...u16(record.port),
        ...encodeName(record.target),
      ];
      break;
    case 'TXT':
      rdata = record.data.flatMap((s) => {
        const bytes = [...Buffer.from(s, 'utf8')];
        return [bytes.length, ...bytes];
      });
      break;
    default:
      throw new Error(`cannot encode ${record.type}`);
  }
  return [
    ...encodeName(record.name),
    ...u16(TYPE_CODES[record.type] ?? 0),
    ...u16(1),
    ...u32(record.ttl),
    ...u16(rdata.length),
    ...rdata,
  ];
}

/** The reply as bytes (id 0: the zone server's `withId` writes the query's). */
export function encodeReply(name: string, type: string, answer: DnsReply): Uint8Array {
  const flags = 0x8000 | (answer.aa ? 0x0400 : 0) | (answer.rcode & 0xf);
  const bytes = [
    ...u16(0),
    ...u16(flags),
    ...u16(1),
    ...u16(answer.answers.length),
    ...u16(answer.authority.length),
    ...u16(answer.additional.length),
    ...encodeName(name),
    ...u16(TYPE_CODES[type] ?? 255),
    ...u16(1),
    ...answer.answers.flatMap(encodeRecord),
    ...answer.authority.flatMap(encodeRecord),
    ...answer.additional.flatMap(encodeRecord),
  ];
  return Uint8Array.from(bytes);
}

/** A running loopback hierarchy. */
export interface Hierarchy {
  /** The port every server listens on (UDP and TCP). */
  port: number;
  /** `host:port` of a server. */
  address(host: string): string;
  /** Every query, in arrival order. */
  readonly log: LoggedQuery[];
  /** Queries a host received. */
  count(host: string, filter?: { name?: string; type?: string }): number;
  close(): Promise<void>;
}

/**
 * Starts every server of `servers` on its 127.x address, all on one port (a random free one unless
 * `port` is given). `delayMs` delays every answer.
 */
export async function startHierarchy(
  servers: readonly HierarchyServer[],
  options: { port?: number; delayMs?: number } = {},
): Promise<Hierarchy> {
  const log: LoggedQuery[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = options.port ?? 20000 + Math.floor(Math.random() * 40000);
    const started: ZoneServer[] = [];
    try {
      for (const server of servers) {
        if (!net.isIPv4(server.host)) throw new TypeError(`${server.host}: use a 127.x.x.x address`);
        const zone = server.zones.flatMap((z) =>
          z.records.filter((r): r is ServedRecord => SERVED_TYPES.includes(r.type)),
        );
        started.push(
          await startZoneServer({
            zone,
            host: server.host,
            port,
            ...(options.delayMs ? { delayMs: options.delayMs } : {}),
            hooks: {
              onQuery(query) {
                log.push({
                  host: server.host,
                  name: query.name,
                  type: query.type,
                  transport: query.transport,
                });
                const answer = modelAnswer(server, query.name, query.type);
                if (answer === undefined) return { fault: { action: 'silence' } };
                // The zone server answers its own data; the rest is the model's, as bytes.
                const own =
                  answer.aa &&
                  server.zones.length === 1 &&
                  SERVED_TYPES.includes(query.type) &&
                  answer.authority.every((r) => r.type === 'SOA');
                if (own) return undefined;
                return {
                  fault: { action: 'raw', bytes: encodeReply(query.name, query.type, answer), withId: true },
                };
              },
            },
          }),
        );
      }
    } catch (error) {
      await Promise.all(started.map((s) => s.close()));
      if (options.port !== undefined || attempt === 19) throw error;
      continue;
    }
    return {
      port,
      address: (host) => `${host}:${port}`,
      log,
      count: (host, filter = {}) =>
        log.filter(
          (q) =>
            q.host === host &&
            (filter.name === undefined || q.name === filter.name) &&
            (filter.type === undefined || q.type === filter.type),
        ).length,
      async close() {
        await Promise.all(started.map((s) => s.close()));
      },
    };
  }
  throw new Error('no free port for the hierarchy');
}
