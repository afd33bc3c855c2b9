/**
 * A DNS hierarchy for authoritative-mode tests: servers, each authoritative for some zones (with
 * delegations, glue, and faults), described once and served two ways —
 * - `startHierarchy`: real servers on loopback, one `startZoneServer` per 127.0.0.x address, all on
 *   one port. The zone server answers the zone data it can (SRV/A/AAAA/CNAME/TXT, AA set); what it
 *   cannot (referrals, NS and SOA answers, REFUSED outside its zones, answers without AA) is sent
 *   through its `raw` hook, encoded here from the same model.
 * - `createFakeExchanger`: the same model as an in-memory `Exchanger`, for unit tests.
 */
import net from 'node:net';
import type {
  DnsReply,
  ExchangeOptions,
  ExchangeOutcome,
  Exchanger,
  QueryType,
  WireRecord,
} from '../../src/node/dns/types.js';
import { startZoneServer, type ZoneServer } from '../../src/node/servers/zone-server.js';

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

function isAtOrBelow(name: string, zone: string): boolean {
  return zone === '' || name === zone || name.endsWith(`.${zone}`);
}

function isBelow(name: string, zone: string): boolean {
  return name !== zone && isAtOrBelow(name, zone);
}

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

// ---------------------------------------------------------------------------------------------
// The in-memory serving.

/** An exchanger over the model, with the log of what each server was asked. */
export function createFakeExchanger(
  servers: readonly HierarchyServer[],
  options: { silenceMs?: number } = {},
): { exchanger: Exchanger; log: LoggedQuery[] } {
  const silenceMs = options.silenceMs ?? 100;
  const log: LoggedQuery[] = [];
  const byHost = new Map(servers.map((s) => [s.host, s]));
  const exchanger: Exchanger = {
    async exchange(
      server: string,
      name: string,
      type: QueryType,
      exchangeOptions: ExchangeOptions = {},
    ): Promise<ExchangeOutcome> {
      await Promise.resolve();
      const host = server.startsWith('[')
        ? server.slice(1, server.indexOf(']'))
        : server.slice(0, server.lastIndexOf(':'));
      const spec = byHost.get(host);
      if (!spec) return { kind: 'network_error', server, reason: 'ECONNREFUSED' };
      log.push({ host, name, type, transport: 'udp' });
      const answer = modelAnswer(spec, name, type);
      if (!answer) {
        // Silence: wait out the timer, or the abort.
        const signal = exchangeOptions.signal;
        const aborted = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), silenceMs);
          signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve(true);
          });
        });
        return { kind: 'timeout', server, timeoutMs: silenceMs, ...(aborted ? { aborted } : {}) };
      }
      return { kind: 'reply', server, reply: answer };
    },
  };
  return { exchanger, log };
}

// ---------------------------------------------------------------------------------------------
// The loopback serving.

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

// ---------------------------------------------------------------------------------------------
// The federation scenario the authoritative tests share.

/** Hosts of {@link federationHierarchy}, by role. */
export const HOSTS = Object.freeze({
  root: '127.0.10.1',
  com: '127.0.10.2',
  net: '127.0.10.3',
  contoso1: '127.0.10.11',
  contoso2: '127.0.10.12',
  contosoEu: '127.0.10.13',
  contoso3: '127.0.10.14',
  fabrikam1: '127.0.10.21',
  fabrikam2: '127.0.10.22',
  fabrikamLame: '127.0.10.23',
  noaa: '127.0.10.24',
  dnsHost: '127.0.10.31',
  edge: '127.0.10.41',
  poison: '127.0.10.66',
  inside: '127.0.10.90',
  dead1: '127.0.10.71',
  dead2: '127.0.10.72',
  deepBase: '127.0.11.',
});

const ns = (name: string, target: string): HierarchyRecord => ({ name, type: 'NS', data: target });
const a = (name: string, address: string): HierarchyRecord => ({ name, type: 'A', data: address });
const srv = (name: string, port: number, target: string): HierarchyRecord => ({
  name,
  type: 'SRV',
  data: { priority: 0, weight: 0, port, target },
});
const cname = (name: string, target: string): HierarchyRecord => ({ name, type: 'CNAME', data: target });

/** How many glueless NS names (none of which exists) `wide.com` has: more than the query limit. */
export const WIDE_NAMESERVERS = 210;

/** How many zones the too-deep chain under `deep.com` has (one more than the referral limit allows). */
export const DEEP_LEVELS = 17;

/**
 * Root → com/net → SIP domains on loopback:
 * - `contoso.com`: two servers named by the referral, a third only in the apex NS set; a child zone
 *   `eu.contoso.com`; `edge.contoso.com` a CNAME into `edge.net`; `loop.contoso.com` a CNAME loop
 *   across the two zones.
 * - `fabrikam.com`: a secondary with a different SRV set and a lame (REFUSED) server.
 * - `glueless.com`: NS `ns.dns-host.net`, no glue (looked up through `net`).
 * - `victim.com`: NS `ns.dns-host.net` with bogus out-of-bailiwick glue from `com` pointing at the
 *   poison server.
 * - `cycle-a.com` / `cycle-b.com`: each served only by a name inside the other, without glue.
 * - `dead.com`: both servers silent; `noaa.com`: its only server answers without AA.
 * - `inside` (127.0.10.90): the admin's internal DNS server (split-brain): its own `contoso.com`
 *   with another SRV target and a private address — what a recursive look-up there sees.
 * - `wide.com`: {@link WIDE_NAMESERVERS} glueless NS names that do not exist.
 * - `deep.com`: a chain of {@link DEEP_LEVELS} delegations below it.
 */
export function federationHierarchy(): HierarchyServer[] {
  const H = HOSTS;
  const sipContoso = '_sipfederationtls._tcp.contoso.com';
  const contosoZone = (): HierarchyZone => ({
    origin: 'contoso.com',
    records: [
      ns('contoso.com', 'ns1.contoso.com'),
      ns('contoso.com', 'ns2.contoso.com'),
      ns('contoso.com', 'ns3.contoso.com'),
      a('ns1.contoso.com', H.contoso1),
      a('ns2.contoso.com', H.contoso2),
      a('ns3.contoso.com', H.contoso3),
      srv(sipContoso, 5061, 'sip.contoso.com'),
      a('sip.contoso.com', '203.0.113.10'),
      cname('edge.contoso.com', 'sip.edge.net'),
      cname('loop.contoso.com', 'loop.edge.net'),
      ns('eu.contoso.com', 'ns1.eu.contoso.com'),
      a('ns1.eu.contoso.com', H.contosoEu),
    ],
  });
  const fabrikamZone = (port: number): HierarchyZone => ({
    origin: 'fabrikam.com',
    records: [
      ns('fabrikam.com', 'ns1.fabrikam.com'),
      ns('fabrikam.com', 'ns2.fabrikam.com'),
      ns('fabrikam.com', 'ns3.fabrikam.com'),
      a('ns1.fabrikam.com', H.fabrikam1),
      a('ns2.fabrikam.com', H.fabrikam2),
      a('ns3.fabrikam.com', H.fabrikamLame),
      srv('_sipfederationtls._tcp.fabrikam.com', port, 'sip.fabrikam.com'),
      a('sip.fabrikam.com', '203.0.113.20'),
    ],
  });
  const wide = Array.from({ length: WIDE_NAMESERVERS }, (_, i) => `ns${i + 1}.gone.net`);
  const deep: HierarchyServer[] = [];
  let parent = 'deep.com';
  for (let level = 1; level <= DEEP_LEVELS; level++) {
    const child = `l${level}.${parent}`;
    const records = [
      ns(parent, `ns.${parent}`),
      ns(child, `ns.${child}`),
      a(`ns.${child}`, `${H.deepBase}${level + 1}`),
    ];
    if (level === DEEP_LEVELS) records.splice(1, 2, a(`www.${parent}`, '203.0.113.99'));
    deep.push({ host: `${H.deepBase}${level}`, zones: [{ origin: parent, records }] });
    parent = child;
  }
  return [
    {
      host: H.root,
      zones: [
        {
          origin: '',
          records: [
            ns('com', 'ns1.nic.com'),
            a('ns1.nic.com', H.com),
            ns('net', 'ns1.nic.net'),
            a('ns1.nic.net', H.net),
          ],
        },
      ],
    },
    {
      host: H.com,
      zones: [
        {
          origin: 'com',
          records: [
            ns('com', 'ns1.nic.com'),
            a('ns1.nic.com', H.com),
            ns('contoso.com', 'ns1.contoso.com'),
            ns('contoso.com', 'ns2.contoso.com'),
            a('ns1.contoso.com', H.contoso1),
            a('ns2.contoso.com', H.contoso2),
            ns('fabrikam.com', 'ns1.fabrikam.com'),
            ns('fabrikam.com', 'ns2.fabrikam.com'),
            ns('fabrikam.com', 'ns3.fabrikam.com'),
            a('ns1.fabrikam.com', H.fabrikam1),
            a('ns2.fabrikam.com', H.fabrikam2),
            a('ns3.fabrikam.com', H.fabrikamLame),
            ns('glueless.com', 'ns2.dns-host.net'),
            ns('victim.com', 'ns.dns-host.net'),
            a('ns.dns-host.net', H.poison),
            ns('cycle-a.com', 'ns.cycle-b.com'),
            ns('cycle-b.com', 'ns.cycle-a.com'),
            ns('dead.com', 'ns1.dead.com'),
            ns('dead.com', 'ns2.dead.com'),
            a('ns1.dead.com', H.dead1),
            a('ns2.dead.com', H.dead2),
            ns('noaa.com', 'ns1.noaa.com'),
            a('ns1.noaa.com', H.noaa),
            ...wide.map((name) => ns('wide.com', name)),
            ns('deep.com', 'ns.deep.com'),
            a('ns.deep.com', `${H.deepBase}1`),
          ],
        },
      ],
    },
    {
      host: H.net,
      zones: [
        {
          origin: 'net',
          records: [
            ns('net', 'ns1.nic.net'),
            a('ns1.nic.net', H.net),
            ns('dns-host.net', 'ns.dns-host.net'),
            a('ns.dns-host.net', H.dnsHost),
            ns('edge.net', 'ns1.edge.net'),
            a('ns1.edge.net', H.edge),
          ],
        },
      ],
    },
    { host: H.contoso1, zones: [contosoZone()] },
    { host: H.contoso2, zones: [contosoZone()] },
    { host: H.contoso3, zones: [contosoZone()] },
    {
      host: H.contosoEu,
      zones: [
        {
          origin: 'eu.contoso.com',
          records: [
            ns('eu.contoso.com', 'ns1.eu.contoso.com'),
            a('ns1.eu.contoso.com', H.contosoEu),
            srv('_sipfederationtls._tcp.eu.contoso.com', 5061, 'sip.eu.contoso.com'),
            a('sip.eu.contoso.com', '203.0.113.30'),
          ],
        },
      ],
    },
    { host: H.fabrikam1, zones: [fabrikamZone(5061)] },
    // The stale secondary: another port.
    { host: H.fabrikam2, zones: [fabrikamZone(5062)] },
    // Named by the delegation, serves nothing: REFUSED. Also the "no AA" server of noaa.com.
    { host: H.fabrikamLame, zones: [], behaviour: 'refused' },
    {
      host: H.dnsHost,
      zones: [
        {
          origin: 'dns-host.net',
          records: [
            ns('dns-host.net', 'ns.dns-host.net'),
            a('ns.dns-host.net', H.dnsHost),
            a('ns2.dns-host.net', H.dnsHost),
          ],
        },
        {
          origin: 'glueless.com',
          records: [
            ns('glueless.com', 'ns2.dns-host.net'),
            srv('_sipfederationtls._tcp.glueless.com', 5061, 'sip.glueless.com'),
            a('sip.glueless.com', '203.0.113.40'),
          ],
        },
        {
          origin: 'victim.com',
          records: [ns('victim.com', 'ns.dns-host.net'), a('sip.victim.com', '203.0.113.50')],
        },
      ],
    },
    {
      host: H.poison,
      zones: [
        {
          origin: 'victim.com',
          records: [ns('victim.com', 'ns.dns-host.net'), a('sip.victim.com', '192.0.2.66')],
        },
      ],
    },
    {
      host: H.edge,
      zones: [
        {
          origin: 'edge.net',
          records: [
            ns('edge.net', 'ns1.edge.net'),
            a('ns1.edge.net', H.edge),
            a('sip.edge.net', '198.51.100.10'),
            cname('loop.edge.net', 'loop.contoso.com'),
          ],
        },
      ],
    },
    {
      host: H.noaa,
      zones: [
        { origin: 'noaa.com', records: [ns('noaa.com', 'ns1.noaa.com'), a('sip.noaa.com', '203.0.113.60')] },
      ],
      behaviour: 'no_aa',
    },
    {
      host: H.inside,
      zones: [
        {
          origin: 'contoso.com',
          records: [
            ns('contoso.com', 'dc1.contoso.com'),
            a('dc1.contoso.com', H.inside),
            srv(sipContoso, 5061, 'sip-int.contoso.com'),
            a('sip-int.contoso.com', '10.0.0.10'),
            a('sip.contoso.com', '10.0.0.10'),
          ],
        },
      ],
    },
    { host: H.dead1, zones: [], behaviour: 'silence' },
    { host: H.dead2, zones: [], behaviour: 'silence' },
    ...deep,
  ];
}
