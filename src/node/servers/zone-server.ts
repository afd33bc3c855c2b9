/**
 * A small authoritative DNS server for a zone held in memory: dns2's UDP and TCP servers on ONE
 * port (a truncated UDP answer is retried over TCP on the same host:port). Used by the `demo`
 * command and by tests; the server side's only dns2 adapter.
 */
import net from 'node:net';
import { comparableName } from '../../core/names.js';
import { dotted, quoteString, type ZoneRecord } from '../../core/zone-file/zone-record.js';
import { type DnsResource, Packet, TCPServer, UDPServer } from '../dns/wire.js';

/** Record types the JSON form may hold. */
export type ZoneRecordType = 'SRV' | 'A' | 'AAAA' | 'CNAME' | 'TXT';

export type { ZoneRecord };

/**
 * One record in the JSON form (`examples/demo-zone.json`); the server also takes the parser's
 * {@link ZoneRecord} (RULES §11: one record type), and turns this form into it.
 *
 * - `name`: owner name, any case, trailing dot optional (`_sipfederationtls._tcp.contoso.com`).
 * - `type`: `SRV`, `A`, `AAAA`, `CNAME` or `TXT`.
 * - `ttl`: seconds, @default 3600.
 * - `data`: by type —
 *   `SRV` `{ "priority": 0, "weight": 0, "port": 5061, "target": "sip.contoso.com" }` (target `"."` is the root);
 *   `A` `"203.0.113.10"`; `AAAA` `"2001:db8::10"`; `CNAME` `"edge.contoso.net"` (the canonical name);
 *   `TXT` `"text"` or `["several", "strings"]`.
 *
 * @example
 * [
 *   { "name": "_sipfederationtls._tcp.contoso.com", "type": "SRV", "ttl": 3600,
 *     "data": { "priority": 0, "weight": 0, "port": 5061, "target": "sip.contoso.com" } },
 *   { "name": "sip.contoso.com", "type": "A", "data": "203.0.113.10" }
 * ]
 */
export interface ZoneRecordJson {
  name: string;
  type: ZoneRecordType;
  ttl?: number;
  data: string | string[] | { priority: number; weight: number; port: number; target: string };
}

function isZoneRecord(record: ZoneRecord | ZoneRecordJson): record is ZoneRecord {
  return typeof record.data === 'string' && 'class' in record && typeof record.ttl === 'number';
}

/** The JSON form as a {@link ZoneRecord} (names lower case, no trailing dot; `""` is the root). */
export function fromZoneRecordJson(record: ZoneRecordJson | ZoneRecord): ZoneRecord {
  if (isZoneRecord(record)) return record;
  const base = {
    name: comparableName(record.name),
    type: record.type,
    ttl: record.ttl ?? 3600,
    class: 'IN',
    line: 0,
  };
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return { ...base, data: String(record.data), address: String(record.data) };
    case 'CNAME': {
      const target = comparableName(String(record.data));
      return { ...base, data: dotted(target), target };
    }
    case 'TXT': {
      const strings = Array.isArray(record.data) ? record.data.map(String) : [String(record.data)];
      return { ...base, data: strings.map(quoteString).join(' '), strings };
    }
    default: {
      const data = record.data as { priority: number; weight: number; port: number; target: string };
      const target = data.target === '.' ? '' : comparableName(data.target);
      const { priority, weight, port } = data;
      return {
        ...base,
        data: `${priority} ${weight} ${port} ${dotted(target)}`,
        priority,
        weight,
        port,
        target,
      };
    }
  }
}

/** What a hook may make the server do with one query instead of answering from the zone. */
export type ZoneFault =
  /** Answer from the zone (the default). */
  | { action: 'answer' }
  /** Never answer. */
  | { action: 'silence' }
  /** Answer with this RCODE and no records (2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED…). */
  | { action: 'rcode'; rcode: number }
  /** Answer NOERROR with no records. */
  | { action: 'nodata' }
  /** Over UDP: the TC bit and no records; over TCP: the full answer. */
  | { action: 'truncate' }
  /** Send these bytes instead of an answer (`withId`: overwrite the first two with the query id). */
  | { action: 'raw'; bytes: Uint8Array; withId?: boolean }
  /** The right answer with a wrong id (`thenAnswer`: followed by the right one). */
  | { action: 'wrong-id'; thenAnswer?: boolean };

/** A query as hooks see it. */
export interface ZoneQuery {
  name: string;
  type: string;
  transport: 'udp' | 'tcp';
}

/** Options of {@link startZoneServer}. */
export interface ZoneServerOptions {
  /** The records served: parsed {@link ZoneRecord}s or the JSON form ({@link ZoneRecordJson}). */
  zone: readonly (ZoneRecord | ZoneRecordJson)[];
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 0 (a free port, the same for UDP and TCP) */
  port?: number;
  /** Delay before every answer, in milliseconds. @default 0 */
  delayMs?: number;
  /** Scripted behaviour per query: return a fault and/or an extra delay, or nothing to answer normally. */
  hooks?: {
    onQuery?: (query: ZoneQuery) => { fault?: ZoneFault; delayMs?: number } | undefined;
  };
}

/** A running zone server. */
export interface ZoneServer {
  host: string;
  port: number;
  /** `host:port` (`[v6]:port`), ready for `nameservers`. */
  address: string;
  /** Number of queries received, by transport. */
  readonly queries: { udp: number; tcp: number };
  /** Stops both servers and drops open TCP connections. */
  close(): Promise<void>;
}

interface Indexed {
  byName: Map<string, ZoneRecord[]>;
  /** Every name that exists: owners and their ancestors (empty non-terminals, RFC 8020). */
  existing: Set<string>;
}

function indexZone(zone: readonly (ZoneRecord | ZoneRecordJson)[]): Indexed {
  const byName = new Map<string, ZoneRecord[]>();
  const existing = new Set<string>();
  for (const given of zone) {
    const record = fromZoneRecordJson(given);
    const name = comparableName(record.name);
    const list = byName.get(name) ?? [];
    list.push(record);
    byName.set(name, list);
    const labels = name.split('.');
    for (let i = 0; i < labels.length - 1; i++) existing.add(labels.slice(i).join('.'));
  }
  return { byName, existing };
}

/** The record as dns2 encodes it; types the server does not encode are not served. */
function toResource(owner: string, record: ZoneRecord): DnsResource | undefined {
  const base = { name: owner, class: Packet.CLASS.IN, ttl: record.ttl };
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return {
        ...base,
        type: Packet.TYPE[record.type],
        address: record.address ?? record.data,
      } as DnsResource;
    case 'CNAME':
      return { ...base, type: Packet.TYPE.CNAME, domain: record.target ?? '' } as DnsResource;
    case 'TXT': {
      const strings = record.strings ?? [];
      return {
        ...base,
        type: Packet.TYPE.TXT,
        data: strings.length === 1 ? strings[0] : strings,
      } as DnsResource;
    }
    case 'SRV': {
      const { priority = 0, weight = 0, port = 0, target = '' } = record;
      return { ...base, type: Packet.TYPE.SRV, priority, weight, port, target } as unknown as DnsResource;
    }
    default:
      return undefined;
  }
}

/** Authoritative answer for a question: follows CNAMEs inside the zone, NXDOMAIN vs NODATA. */
function answerFromZone(zone: Indexed, request: Packet): Packet {
  const response = Packet.createResponseFromRequest(request);
  response.header.aa = 1;
  const question = request.questions[0];
  if (!question) {
    response.header.rcode = Packet.RCODE.FORMERR;
    return response;
  }
  let owner = comparableName(question.name);
  const typeName = Packet.TYPE_NAME[question.type];
  for (let hop = 0; hop < 16; hop++) {
    const records = zone.byName.get(owner);
    if (records === undefined) {
      // RFC 1034 §4.3.2: NXDOMAIN for a name with no records and no descendants.
      if (!zone.existing.has(owner)) response.header.rcode = Packet.RCODE.NXDOMAIN;
      return response;
    }
    const cname = records.find((r) => r.type === 'CNAME');
    if (cname && typeName !== 'CNAME') {
      // RFC 1034 §3.6.2: the alias, then the answer for its canonical name.
      const alias = toResource(owner, cname);
      if (alias) response.answers.push(alias);
      owner = cname.target ?? '';
      continue;
    }
    for (const record of records) {
      const resource = record.type === typeName ? toResource(owner, record) : undefined;
      if (resource) response.answers.push(resource);
    }
    return response; // NODATA when nothing matched
  }
  return response;
}

function listenOnce(server: UDPServer | TCPServer, port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const onError = () => resolve(false);
    server.once('error', onError);
    const onListening = () => {
      server.removeListener('error', onError);
      resolve(true);
    };
    if (server instanceof TCPServer) server.listen(port, host, onListening);
    else server.bind(port, host, onListening);
  });
}

/** Binds UDP (port 0 picks a free one), then TCP on the same number; starts over when TCP's is taken. */
async function bindPair(
  host: string,
  port: number,
  ipv6: boolean,
): Promise<{ udp: UDPServer; tcp: TCPServer; port: number }> {
  for (let tries = 0; tries < 20; tries++) {
    const udp = new UDPServer({ type: ipv6 ? 'udp6' : 'udp4' });
    if (!(await listenOnce(udp, port, host))) {
      throw new Error(`could not bind UDP ${host}:${port}`);
    }
    const bound = (udp.address() as net.AddressInfo).port;
    const tcp = new TCPServer();
    if (await listenOnce(tcp, bound, host)) return { udp, tcp, port: bound };
    await new Promise<void>((resolve) => udp.close(() => resolve()));
    if (port !== 0) break;
  }
  throw new Error(`could not bind UDP and TCP on one port of ${host}`);
}

/** Sends what a scripted fault says (the zone's answer unless told otherwise); a gone client is fine. */
function replyWith(
  fault: ZoneFault,
  transport: 'udp' | 'tcp',
  zone: ReturnType<typeof indexZone>,
  request: Packet,
  send: (response: Packet | Buffer) => unknown,
): void {
  const safeSend = (message: Packet | Buffer) => {
    try {
      const sent = send(message);
      if (sent instanceof Promise) sent.catch(() => {});
    } catch {
      // the client went away
    }
  };
  switch (fault.action) {
    case 'silence':
      return;
    case 'rcode': {
      const response = Packet.createResponseFromRequest(request);
      response.header.rcode = fault.rcode;
      safeSend(response);
      return;
    }
    case 'nodata': {
      const response = Packet.createResponseFromRequest(request);
      response.header.aa = 1;
      safeSend(response);
      return;
    }
    case 'raw': {
      const bytes = Buffer.from(fault.bytes);
      if (fault.withId && bytes.length >= 2) bytes.writeUInt16BE(request.header.id, 0);
      safeSend(bytes);
      return;
    }
    case 'wrong-id': {
      const bytes = answerFromZone(zone, request).toBuffer();
      bytes.writeUInt16BE((request.header.id + 1) & 0xffff, 0);
      safeSend(bytes);
      if (fault.thenAnswer) safeSend(answerFromZone(zone, request));
      return;
    }
    case 'truncate': {
      if (transport === 'tcp') {
        safeSend(answerFromZone(zone, request));
        return;
      }
      const response = Packet.createResponseFromRequest(request);
      response.header.tc = 1;
      safeSend(response);
      return;
    }
    default:
      safeSend(answerFromZone(zone, request));
      return;
  }
}

/**
 * Starts an authoritative DNS server for `zone` on UDP and TCP, same port.
 *
 * @param options - the zone, `host` (@default `'127.0.0.1'`), `port` (@default 0: free), `delayMs`
 *   (@default 0) and `hooks.onQuery` for scripted faults.
 * @returns the running server; `close()` stops it.
 * @example
 * const server = await startZoneServer({ zone: [{ name: 'sip.contoso.com', type: 'A', data: '203.0.113.10' }] });
 * const resolver = createResolver({ nameservers: [server.address] });
 * await server.close();
 */
export async function startZoneServer(options: ZoneServerOptions): Promise<ZoneServer> {
  const host = options.host ?? '127.0.0.1';
  const zone = indexZone(options.zone);
  const delayMs = options.delayMs ?? 0;
  const queries = { udp: 0, tcp: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<net.Socket>();
  let closed = false;

  const handle =
    (transport: 'udp' | 'tcp') => (request: Packet, send: (response: Packet | Buffer) => unknown) => {
      queries[transport]++;
      const question = request.questions[0];
      const script = options.hooks?.onQuery?.({
        name: question ? comparableName(question.name) : '',
        type: question ? Packet.typeName(question.type) : '',
        transport,
      });
      const fault = script?.fault ?? { action: 'answer' };
      const wait = delayMs + (script?.delayMs ?? 0);
      const reply = () => {
        if (!closed) replyWith(fault, transport, zone, request, send);
      };
      if (wait > 0) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          reply();
        }, wait);
        timers.add(timer);
      } else {
        reply();
      }
    };

  const ipv6 = net.isIPv6(host);
  const pair = await bindPair(host, options.port ?? 0, ipv6);
  const { udp, port } = pair;
  const tcpServer = pair.tcp;
  udp.on('request', handle('udp'));
  udp.on('requestError', () => {});
  udp.on('error', () => {});
  tcpServer.on('request', handle('tcp'));
  tcpServer.on('requestError', () => {});
  tcpServer.on('error', () => {});
  tcpServer.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });

  return {
    host,
    port,
    address: ipv6 ? `[${host}]:${port}` : `${host}:${port}`,
    queries,
    async close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await Promise.all([
        new Promise<void>((resolve) => udp.close(() => resolve())),
        new Promise<void>((resolve) => tcpServer.close(() => resolve())),
      ]);
    },
  };
}
