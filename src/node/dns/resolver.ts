/**
 * The DNS client: the only module of the client side that imports dns2 (its `Packet` codec).
 *
 * Why not dns2's own clients (3.1.1)? Its TCP client has no timeout and no way to cancel: a server
 * that accepts and never answers leaves a pending promise and an open socket that keeps the process
 * alive; it ignores the reply id, splits `"::1"` into `""`, and the UDP client's automatic TCP retry
 * inherits all of that. Its UDP client does drop replies with a wrong id and undecodable datagrams
 * (good, RFC 5452), but only says so in a timeout message. So this module keeps dns2 for what it does
 * well — encoding and decoding messages — and does the transport itself with `node:dgram` and
 * `node:net`: one timer per exchange, sockets destroyed on every exit path, reply id and question
 * matched, abortable, and every outcome classified. Nothing here rejects.
 */

import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';
import { type Question as DnsQuestion, type Resource as DnsResource, Packet } from 'dns2';
import { comparableName as lower } from '../../core/names.js';
import { clampDelay, onAbort } from '../abort.js';
import type {
  AnswerRecord,
  CnameAnswer,
  LookupOptions,
  LookupOutcome,
  RecordType,
  Resolver,
} from './types.js';

/** Options of {@link createResolver}. */
export interface ResolverOptions {
  /**
   * Name servers as `host`, `host:port` or `[v6]:port` IP literals (port 53 when omitted).
   * @default the system's, from `node:dns` `getServers()` — never dns2's built-in public resolvers
   */
  nameservers?: string[];
  /**
   * Time allowed for one exchange with one server (a UDP query, or the TCP retry after truncation).
   * @default 3000
   */
  timeoutMs?: number;
  /**
   * Rounds over the name server list before giving up on timeouts, failures and network errors.
   * @default 2
   */
  attempts?: number;
  /**
   * `udp` (retrying over TCP on truncation, RFC 1035 §4.2.1) or `tcp` only.
   * @default 'udp'
   */
  transport?: 'udp' | 'tcp';
}

/** A parsed name server address. */
export interface NameServer {
  host: string;
  port: number;
}

/** The defaults of {@link createResolver}. */
export const RESOLVER_DEFAULTS = Object.freeze({ timeoutMs: 3000, attempts: 2, transport: 'udp' as const });

/** EDNS(0) UDP payload size we advertise: the DNS Flag Day 2020 value, safe from fragmentation. */
const EDNS_UDP_PAYLOAD = 1232;
/** RCODE 1: the server could not interpret the query (RFC 1035 §4.1.1). */
const FORMERR = 1;
/** Longest CNAME chain we follow inside one answer. */
const MAX_CNAME_CHAIN = 16;
/**
 * How long a name server that has never answered, and has let a whole lookup time out, is taken as
 * unresponsive: lookups to it then end at once as `timeout` instead of each waiting
 * `attempts × timeoutMs` (which, queued behind a concurrency limit, would stack up wave after wave).
 */
export const UNRESPONSIVE_HOLD_MS = 30_000;

const RCODE_NAMES: Record<number, string> = {};
for (const [label, code] of Object.entries(Packet.RCODE)) RCODE_NAMES[code] ??= label;

/**
 * Parses `host`, `host:port`, `[v6]` or `[v6]:port` (IP literals only).
 *
 * @throws TypeError for anything else: a bad name server is a configuration error, found at creation.
 */
export function parseNameServer(entry: string): NameServer {
  if (typeof entry !== 'string' || entry.trim() === '') {
    throw new TypeError(
      `Invalid name server ${JSON.stringify(entry)}: expected host, host:port or [v6]:port`,
    );
  }
  const text = entry.trim();
  let host = text;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    host = bracketed[1]!;
    portText = bracketed[2];
    if (!net.isIPv6(host))
      throw new TypeError(`Invalid name server "${entry}": [${host}] is not an IPv6 address`);
  } else if (net.isIPv6(text)) {
    host = text; // a bare IPv6 literal has no port
  } else {
    const colon = text.lastIndexOf(':');
    if (colon !== -1) {
      host = text.slice(0, colon);
      portText = text.slice(colon + 1);
    }
    if (!net.isIPv4(host)) {
      throw new TypeError(
        `Invalid name server "${entry}": use an IP address (host, host:port or [v6]:port), not a name`,
      );
    }
  }
  let port = 53;
  if (portText !== undefined) {
    port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
    if (!(port >= 1 && port <= 65535)) throw new TypeError(`Invalid name server "${entry}": bad port`);
  }
  return { host, port };
}

function formatServer(server: NameServer): string {
  return net.isIPv6(server.host) ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`;
}

/** What one exchange with one server produced. */
type Exchange =
  | { kind: 'packet'; packet: Packet }
  | { kind: 'timeout'; detail?: string; aborted?: boolean; malformed?: string }
  | { kind: 'network_error'; reason: string }
  | { kind: 'malformed'; reason: string };

interface Query {
  id: number;
  name: string;
  type: RecordType;
  wire: Buffer;
}

function randomId(): number {
  return Packet.uuid(); // CSPRNG, full 16 bits (RFC 5452 §9.2)
}

function buildQuery(name: string, type: RecordType, edns = true): Query {
  const packet = new Packet();
  const id = randomId();
  packet.header.id = id;
  packet.header.rd = 1;
  packet.questions.push({ name, type: Packet.TYPE[type], class: Packet.CLASS.IN } as DnsQuestion);
  if (edns) packet.additionals.push(Packet.Resource.EDNS([], { udpPayloadSize: EDNS_UDP_PAYLOAD }));
  return { id, name, type, wire: packet.toBuffer() };
}

/**
 * Judges one received message. `drop` means "not for us" (RFC 5452: a reply must match id and
 * question); `malformed` means it is ours but undecodable.
 */
function judge(
  message: Buffer,
  query: Query,
):
  | { verdict: 'accept'; packet: Packet }
  | { verdict: 'drop'; reason: string; undecodable: boolean }
  | { verdict: 'malformed'; reason: string } {
  if (message.length < 12) {
    return { verdict: 'drop', reason: `undecodable ${message.length}-octet message`, undecodable: true };
  }
  const id = message.readUInt16BE(0);
  let packet: Packet;
  try {
    packet = Packet.parse(message);
  } catch (error) {
    const reason = `undecodable message: ${(error as Error).message}`;
    return id === query.id
      ? { verdict: 'malformed', reason }
      : { verdict: 'drop', reason, undecodable: true };
  }
  if (packet.errors.length > 0) {
    const reason = `undecodable message: ${packet.errors.map((e) => e.message).join('; ')}`;
    return id === query.id
      ? { verdict: 'malformed', reason }
      : { verdict: 'drop', reason, undecodable: true };
  }
  if (id !== query.id)
    return { verdict: 'drop', reason: `reply id ${id} did not match ${query.id}`, undecodable: false };
  if (packet.header.qr !== 1) return { verdict: 'malformed', reason: 'the reply is not a response (QR=0)' };
  const question = packet.questions[0];
  // A reply may omit the question (some servers do for FORMERR/REFUSED); when present it must match.
  if (
    question !== undefined &&
    (lower(question.name) !== query.name || question.type !== Packet.TYPE[query.type])
  ) {
    return { verdict: 'drop', reason: 'reply question did not match', undecodable: false };
  }
  return { verdict: 'accept', packet };
}

/** What an exchange's transport gets: how to settle, and how to judge what the server sent. */
interface Session {
  /** Settles the exchange (the first call wins), then releases the timer, the abort wait and the socket. */
  finish(exchange: Exchange): void;
  /** Settles as a `network_error` from a socket error (its code, such as `ECONNREFUSED`). */
  fail(error: NodeJS.ErrnoException): void;
  /**
   * Judges one received message: an accepted or malformed reply settles the exchange; one that does
   * not match is remembered and dropped (RFC 5452: it may be forged or stale; keep listening).
   */
  receive(message: Buffer): void;
  /** The reason of the last undecodable message dropped, if any. */
  readonly malformedSeen: string | undefined;
}

/**
 * A transport: opens a socket to `server`, sends `query`, feeds what comes back to the session, and
 * returns how to release the socket (called once, when the exchange settles).
 */
type Transport = (server: NameServer, query: Query, session: Session) => () => void;

/** One exchange, whatever the transport: a timer bounding it, the abort, settling once. */
function exchange(
  open: Transport,
  server: NameServer,
  query: Query,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Exchange> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve({ kind: 'timeout', aborted: true });
    let dropped: { reason: string; undecodable: boolean } | undefined;
    let malformedSeen: string | undefined;
    let settled = false;
    let release: (() => void) | undefined;
    const finish = (result: Exchange) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopWaiting();
      release?.();
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish({
        kind: 'timeout',
        ...(dropped ? { detail: `ignored a reply: ${dropped.reason}` } : {}),
        ...(malformedSeen ? { malformed: malformedSeen } : {}),
      });
    }, timeoutMs);
    const stopWaiting = signal ? onAbort(signal, () => finish({ kind: 'timeout', aborted: true })) : () => {};
    const session: Session = {
      finish,
      fail: (error) => finish({ kind: 'network_error', reason: error.code ?? error.message }),
      receive(message) {
        const judged = judge(message, query);
        if (judged.verdict === 'accept') return finish({ kind: 'packet', packet: judged.packet });
        if (judged.verdict === 'malformed') return finish({ kind: 'malformed', reason: judged.reason });
        dropped = judged;
        if (judged.undecodable) malformedSeen = judged.reason;
      },
      get malformedSeen() {
        return malformedSeen;
      },
    };
    release = open(server, query, session);
    if (settled) release();
  });
}

const openUdp: Transport = (server, query, session) => {
  const socket = dgram.createSocket(net.isIPv6(server.host) ? 'udp6' : 'udp4');
  socket.on('error', session.fail);
  socket.on('message', (message: Buffer) => session.receive(message));
  // connect(): the kernel then delivers only the server's datagrams, and an ICMP port
  // unreachable surfaces as ECONNREFUSED instead of a silent timeout.
  socket.connect(server.port, server.host, () => {
    socket.send(query.wire, (error) => {
      if (error) session.fail(error);
    });
  });
  return () => {
    socket.removeAllListeners('message');
    socket.on('error', () => {}); // a late error after close must not crash the process
    try {
      socket.close();
    } catch {
      // already closed
    }
  };
};

// dns2's TCP client has no timer at all: `exchange`'s timer bounds connect + write + read.
const openTcp: Transport = (server, query, session) => {
  const socket = net.connect({ host: server.host, port: server.port });
  let buffered: Buffer = Buffer.alloc(0);
  let open = true;
  socket.setNoDelay(true);
  socket.on('error', session.fail);
  socket.on('close', () =>
    session.finish(
      session.malformedSeen
        ? { kind: 'malformed', reason: session.malformedSeen }
        : { kind: 'network_error', reason: 'connection closed before an answer' },
    ),
  );
  socket.on('data', (chunk: Buffer) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    // RFC 1035 §4.2.2: each message is preceded by a two-octet length.
    while (open && buffered.length >= 2) {
      const length = buffered.readUInt16BE(0);
      if (buffered.length < 2 + length) return;
      const message = buffered.subarray(2, 2 + length);
      buffered = buffered.subarray(2 + length);
      session.receive(message);
    }
  });
  const frame = Buffer.alloc(2 + query.wire.length);
  frame.writeUInt16BE(query.wire.length, 0);
  query.wire.copy(frame, 2);
  socket.write(frame);
  return () => {
    open = false;
    socket.removeAllListeners('data');
    socket.on('error', () => {});
    socket.destroy();
  };
};

function toAnswer(resource: DnsResource): AnswerRecord | undefined {
  const name = lower(resource.name);
  const ttl = resource.ttl;
  switch (resource.type) {
    case Packet.TYPE.A:
      return { type: 'A', name, ttl, address: String(resource.address) };
    case Packet.TYPE.AAAA:
      return { type: 'AAAA', name, ttl, address: String(resource.address) };
    case Packet.TYPE.CNAME:
      return { type: 'CNAME', name, ttl, target: lower(String(resource.domain ?? '')) };
    case Packet.TYPE.SRV: {
      const r = resource as DnsResource & { weight?: number; port?: number; target?: string };
      // RFC 2782: a target of "." (decoded by dns2 as "") means the service is not available.
      return {
        type: 'SRV',
        name,
        ttl,
        priority: Number(r.priority),
        weight: Number(r.weight),
        port: Number(r.port),
        target: lower(String(r.target ?? '')),
      };
    }
    case Packet.TYPE.TXT: {
      const data = resource.data;
      return { type: 'TXT', name, ttl, data: Array.isArray(data) ? data.map(String) : [String(data ?? '')] };
    }
    default:
      return undefined;
  }
}

/** Turns an accepted reply into an outcome (RCODE, CNAME chain, records of the asked type). */
function classify(packet: Packet, query: Query, server: string): LookupOutcome {
  const base = { name: query.name, type: query.type, server };
  const answers = packet.answers.map(toAnswer).filter((a): a is AnswerRecord => a !== undefined);
  const aliases: CnameAnswer[] = [];
  let owner = query.name;
  if (query.type !== 'CNAME') {
    for (let hop = 0; hop < MAX_CNAME_CHAIN; hop++) {
      const alias = answers.find((a): a is CnameAnswer => a.type === 'CNAME' && a.name === owner);
      if (!alias) break;
      aliases.push(alias);
      owner = alias.target;
    }
  }
  const rcode = packet.header.rcode;
  if (rcode === Packet.RCODE.NXDOMAIN) return { ...base, kind: 'nxdomain', rcode: 'NXDOMAIN', aliases };
  if (rcode !== Packet.RCODE.NOERROR) {
    return {
      ...base,
      kind: 'server_failure',
      rcode: RCODE_NAMES[rcode] ?? `RCODE${rcode}`,
      rcodeValue: rcode,
    };
  }
  const records = answers.filter((a) => a.type === query.type && a.name === owner);
  if (records.length === 0) return { ...base, kind: 'nodata', rcode: 'NOERROR', aliases };
  return { ...base, kind: 'answer', records, aliases };
}

/** When every try failed, the most informative failure wins: a server's word, then garbage, then the network. */
const FAILURE_RANK: Record<string, number> = {
  server_failure: 4,
  malformed: 3,
  network_error: 2,
  timeout: 1,
};

/**
 * Creates a DNS resolver: UDP with a TCP retry on truncation, a timer around every exchange, retries
 * over the name servers, and outcomes as a discriminated union. It never rejects.
 *
 * A lookup takes at most `attempts × nameservers × timeoutMs` (twice that when every UDP reply is
 * truncated and the TCP retry then hangs), and ends at once when its `signal` aborts.
 *
 * @param options - `nameservers` (@default system, `node:dns` `getServers()`), `timeoutMs`
 *   (@default 3000), `attempts` (@default 2), `transport` (@default `'udp'`).
 * @returns a {@link Resolver} whose `lookup` resolves to `answer`, `nxdomain`, `nodata`,
 *   `server_failure`, `timeout`, `network_error` or `malformed`.
 * @throws TypeError or RangeError for invalid options (a name server that is not an IP literal,
 *   a non-positive timeout…): configuration errors, reported at creation.
 * @example
 * const resolver = createResolver({ nameservers: ['127.0.0.1:5353'], timeoutMs: 1000 });
 * const outcome = await resolver.lookup('_sipfederationtls._tcp.contoso.com', 'SRV');
 * if (outcome.kind === 'answer') console.log(outcome.records);
 */
export function createResolver(options: ResolverOptions = {}): Resolver {
  // Longer than a timer can hold means "as long as possible", not "at once".
  const timeoutMs = clampDelay(options.timeoutMs ?? RESOLVER_DEFAULTS.timeoutMs);
  const attempts = options.attempts ?? RESOLVER_DEFAULTS.attempts;
  const transport = options.transport ?? RESOLVER_DEFAULTS.transport;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  }
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new RangeError(`attempts must be an integer ≥ 1, got ${attempts}`);
  }
  if (transport !== 'udp' && transport !== 'tcp') {
    throw new TypeError(`transport must be 'udp' or 'tcp', got ${JSON.stringify(transport)}`);
  }
  if (options.nameservers !== undefined && !Array.isArray(options.nameservers)) {
    throw new TypeError('nameservers must be an array of strings');
  }
  const servers = (options.nameservers ?? dns.getServers()).map(parseNameServer);
  // Per server: whether anything (even garbage) ever came back, and until when it counts as
  // unresponsive. Only a server that has never answered is short-circuited, so a server that drops
  // some names but answers others is always asked.
  const heard = new Set<NameServer>();
  const unresponsiveUntil = new Map<NameServer, number>();
  const isUnresponsive = (server: NameServer) => (unresponsiveUntil.get(server) ?? 0) > Date.now();
  const markIfNeverHeard = (server: NameServer) => {
    if (!heard.has(server)) unresponsiveUntil.set(server, Date.now() + UNRESPONSIVE_HOLD_MS);
  };

  async function exchangeWith(server: NameServer, query: Query, signal?: AbortSignal): Promise<Exchange> {
    let result = await exchangeOver(server, query, signal);
    // RFC 6891 §7: a server that does not speak EDNS answers FORMERR; ask it again without the OPT record.
    if (result.kind === 'packet' && result.packet.header.rcode === FORMERR) {
      result = await exchangeOver(server, buildQuery(query.name, query.type, false), signal);
    }
    if (
      result.kind === 'packet' ||
      result.kind === 'malformed' ||
      (result.kind === 'timeout' && (result.malformed !== undefined || result.detail !== undefined))
    ) {
      heard.add(server);
      unresponsiveUntil.delete(server);
    }
    return result;
  }

  async function exchangeOver(server: NameServer, query: Query, signal?: AbortSignal): Promise<Exchange> {
    if (transport === 'tcp') return exchange(openTcp, server, query, timeoutMs, signal);
    const udp = await exchange(openUdp, server, query, timeoutMs, signal);
    // RFC 1035 §4.2.1 / RFC 7766: a truncated answer is asked again over TCP, same server and port.
    if (udp.kind === 'packet' && udp.packet.header.tc === 1)
      return exchange(openTcp, server, query, timeoutMs, signal);
    return udp;
  }

  async function lookup(
    name: string,
    type: RecordType,
    lookupOptions: LookupOptions = {},
  ): Promise<LookupOutcome> {
    const { signal } = lookupOptions;
    const qname = lower(String(name));
    const base = { name: qname, type };
    if (servers.length === 0) return { ...base, kind: 'network_error', reason: 'no name server configured' };
    let query: Query;
    try {
      query = buildQuery(qname, type);
    } catch (error) {
      return {
        ...base,
        kind: 'network_error',
        reason: `the query could not be encoded: ${(error as Error).message}`,
      };
    }
    // Skip servers known to be unresponsive, unless every server is: then fail at once.
    const asked = servers.filter((server) => !isUnresponsive(server));
    if (asked.length === 0) {
      return {
        ...base,
        server: formatServer(servers[0]!),
        kind: 'timeout',
        timeoutMs,
        detail: 'not sent: the name server has not answered any query in this run',
      };
    }
    let failure: LookupOutcome | undefined;
    const timeouts = new Map<NameServer, number>();
    for (let attempt = 0; attempt < attempts; attempt++) {
      for (const server of asked) {
        const where = formatServer(server);
        let outcome: LookupOutcome;
        let exchange: Exchange;
        try {
          // A fresh id per try, so a late reply to an earlier try is not taken for this one.
          if (attempt > 0 || server !== asked[0]) query = buildQuery(qname, type);
          exchange = await exchangeWith(server, query, signal);
        } catch (error) {
          exchange = { kind: 'network_error', reason: (error as Error).message };
        }
        switch (exchange.kind) {
          case 'packet':
            outcome = classify(exchange.packet, query, where);
            break;
          case 'timeout':
            if (exchange.aborted)
              return { ...base, server: where, kind: 'timeout', timeoutMs, aborted: true };
            outcome = exchange.malformed
              ? // Only undecodable datagrams came back from the server: it speaks, but not DNS we can read.
                { ...base, server: where, kind: 'malformed', reason: exchange.malformed }
              : {
                  ...base,
                  server: where,
                  kind: 'timeout',
                  timeoutMs,
                  ...(exchange.detail ? { detail: exchange.detail } : {}),
                };
            // A server that let every try of this lookup time out and has never answered anything
            // is taken as unresponsive for a while (like a resolver's cache of lame servers).
            timeouts.set(server, (timeouts.get(server) ?? 0) + 1);
            if (timeouts.get(server) === attempts) markIfNeverHeard(server);
            break;
          case 'network_error':
            outcome = { ...base, server: where, kind: 'network_error', reason: exchange.reason };
            break;
          case 'malformed':
            outcome = { ...base, server: where, kind: 'malformed', reason: exchange.reason };
            break;
        }
        if (outcome.kind === 'answer' || outcome.kind === 'nxdomain' || outcome.kind === 'nodata') {
          // Another server answered where these stayed silent: the same verdict, sooner.
          for (const silent of timeouts.keys()) markIfNeverHeard(silent);
          return outcome;
        }
        if (failure === undefined || FAILURE_RANK[outcome.kind]! >= FAILURE_RANK[failure.kind]!)
          failure = outcome;
      }
    }
    return failure!;
  }

  return { lookup };
}
