/**
 * The exchange layer: one question to one server, one reply, no interpretation.
 *
 * Why not dns2's clients (3.1.1)? Its TCP client has no timeout and no way to cancel: a server that
 * accepts and never answers leaves a pending promise and an open socket; it ignores the reply id,
 * splits `"::1"` into `""`, and decodes a reply before looking at its id. So the transport is done
 * here with `node:dgram` and `node:net`: one timer per step, sockets released on every exit path,
 * every socket callback a no-op once the exchange has settled, replies screened by id and question
 * before any decoding (`wire.ts`), abortable, and every outcome classified. Nothing here rejects.
 */

import dgram from 'node:dgram';
import net from 'node:net';
import { clampDelay, onAbort } from '../abort.js';
import { formatServer, type NameServer, parseNameServer } from './name-servers.js';
import type { DnsReply, ExchangeOptions, ExchangeOutcome, Exchanger, QueryType } from './types.js';
import { decodeReply, encodeQuery, RCODE_FORMERR, screenReply, type WireQuery } from './wire.js';

/** Options of {@link createExchanger}. */
export interface ExchangerOptions {
  /**
   * Time allowed for one step of an exchange (the UDP query, the TCP retry after truncation, the
   * retry without EDNS after FORMERR), each with its own timer.
   * @default 3000
   */
  timeoutMs?: number;
  /**
   * `udp` (retrying over TCP on the same host:port on truncation, RFC 1035 §4.2.1, RFC 7766) or `tcp` only.
   * @default 'udp'
   */
  transport?: 'udp' | 'tcp';
}

/** The defaults of {@link createExchanger}. */
export const EXCHANGER_DEFAULTS = Object.freeze({ timeoutMs: 3000, transport: 'udp' as const });

/** What one step (one message sent, one reply awaited) came to. */
type Step =
  | { kind: 'reply'; reply: DnsReply }
  | { kind: 'truncated' }
  | { kind: 'formerr' }
  | { kind: 'timeout'; aborted?: boolean; detail?: string }
  | { kind: 'network_error'; reason: string }
  | { kind: 'malformed'; reason: string };

/** What a transport gets: how to settle and how to hand over what the server sent. */
interface Session {
  /** True once the step has settled: every socket callback checks it first. */
  readonly settled: boolean;
  /** Settles the step (the first call wins) and releases the timer, the abort wait and the socket. */
  finish(step: Step): void;
  /** Settles as a `network_error` from a socket error (its code, such as `ECONNREFUSED`). */
  fail(error: unknown): void;
  /** Judges one received message: ours settles the step; anything else is noted and dropped. */
  receive(message: Uint8Array): void;
  /** The reason of the last undecodable message dropped, if any. */
  readonly undecodable: string | undefined;
}

/** Opens a socket to `server`, sends the query, feeds replies to the session; returns the release. */
type Transport = (server: NameServer, query: WireQuery, session: Session) => () => void;

function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  return String(e?.code ?? e?.message ?? error);
}

function step(
  open: Transport,
  server: NameServer,
  query: WireQuery,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Step> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve({ kind: 'timeout', aborted: true });
    let dropped: string | undefined;
    let undecodable: string | undefined;
    let settled = false;
    let release: (() => void) | undefined;
    const finish = (result: Step) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopWaiting();
      try {
        release?.();
      } catch {
        // a socket that cannot be closed is closed already
      }
      resolve(result);
    };
    const timer = setTimeout(() => {
      // Only undecodable messages came back: the server speaks, but not DNS we can read.
      if (undecodable !== undefined) finish({ kind: 'malformed', reason: undecodable });
      else finish({ kind: 'timeout', ...(dropped ? { detail: `ignored a reply: ${dropped}` } : {}) });
    }, timeoutMs);
    const stopWaiting = signal ? onAbort(signal, () => finish({ kind: 'timeout', aborted: true })) : () => {};
    const session: Session = {
      get settled() {
        return settled;
      },
      finish,
      fail: (error) => finish({ kind: 'network_error', reason: reasonOf(error) }),
      receive(message) {
        if (settled) return;
        const screened = screenReply(message, query);
        if (screened.verdict === 'drop') {
          dropped = screened.reason;
          if (screened.undecodable) undecodable = screened.reason;
          return;
        }
        if (screened.tc) return finish({ kind: 'truncated' });
        if (screened.rcode === RCODE_FORMERR && query.edns) return finish({ kind: 'formerr' });
        try {
          finish({ kind: 'reply', reply: decodeReply(message) });
        } catch (error) {
          finish({ kind: 'malformed', reason: `undecodable reply: ${(error as Error).message}` });
        }
      },
      get undecodable() {
        return undecodable;
      },
    };
    try {
      release = open(server, query, session);
    } catch (error) {
      session.fail(error);
    }
    if (settled) {
      try {
        release?.();
      } catch {
        // already closed
      }
    }
  });
}

const openUdp: Transport = (server, query, session) => {
  const socket = dgram.createSocket(net.isIPv6(server.host) ? 'udp6' : 'udp4');
  let closed = false;
  socket.on('error', (error) => {
    if (!closed) session.fail(error);
  });
  socket.on('message', (message: Buffer) => {
    if (!closed) session.receive(message);
  });
  // connect(): the kernel then delivers only the server's datagrams, and an ICMP port unreachable
  // surfaces as ECONNREFUSED instead of a silent timeout. The callback may run after the step has
  // settled and the socket closed: `send` would then throw outside any handler, so it is guarded.
  socket.connect(server.port, server.host, () => {
    if (closed || session.settled) return;
    try {
      socket.send(query.wire, (error) => {
        if (error && !closed) session.fail(error);
      });
    } catch (error) {
      session.fail(error);
    }
  });
  return () => {
    if (closed) return;
    closed = true;
    socket.removeAllListeners('message');
    socket.on('error', () => {}); // a late error after close must not crash the process
    try {
      socket.close();
    } catch {
      // already closed
    }
  };
};

/** Largest DNS message over TCP (a two-octet length prefix). */
const TCP_MAX = 0xffff;

// The step's timer bounds connect + write + read: a server that dribbles bytes (slowloris) or
// announces a length it never sends gets no more than the timer.
const openTcp: Transport = (server, query, session) => {
  const socket = net.connect({ host: server.host, port: server.port });
  let closed = false;
  // RFC 1035 §4.2.2: each message is preceded by a two-octet length. The message buffer is
  // allocated once per message at its announced length, so a dribbling server costs O(n), not O(n²).
  const prefix = Buffer.alloc(2);
  let prefixFill = 0;
  let message: Buffer | undefined;
  let messageFill = 0;
  socket.setNoDelay(true);
  socket.on('error', (error) => {
    if (!closed) session.fail(error);
  });
  socket.on('close', () => {
    if (closed) return;
    session.finish(
      session.undecodable
        ? { kind: 'malformed', reason: session.undecodable }
        : { kind: 'network_error', reason: 'connection closed before an answer' },
    );
  });
  socket.on('data', (chunk: Buffer) => {
    let at = 0;
    while (!closed && !session.settled && at < chunk.length) {
      if (message === undefined) {
        const take = Math.min(2 - prefixFill, chunk.length - at);
        chunk.copy(prefix, prefixFill, at, at + take);
        prefixFill += take;
        at += take;
        if (prefixFill < 2) return;
        message = Buffer.alloc(Math.min(prefix.readUInt16BE(0), TCP_MAX));
        messageFill = 0;
      }
      const take = Math.min(message.length - messageFill, chunk.length - at);
      chunk.copy(message, messageFill, at, at + take);
      messageFill += take;
      at += take;
      if (messageFill === message.length) {
        const complete = message;
        message = undefined;
        prefixFill = 0;
        session.receive(complete);
      }
    }
  });
  const frame = Buffer.alloc(2 + query.wire.length);
  frame.writeUInt16BE(query.wire.length, 0);
  query.wire.copy(frame, 2);
  socket.write(frame, (error) => {
    if (error && !closed) session.fail(error);
  });
  return () => {
    if (closed) return;
    closed = true;
    socket.removeAllListeners('data');
    socket.on('error', () => {});
    socket.destroy();
  };
};

/**
 * Creates an {@link Exchanger} over UDP (with a TCP retry on truncation, same host:port) or TCP.
 *
 * One exchange: the query (RD as asked, @default 1; EDNS(0) advertising 1,232 octets), then —
 * - a truncated UDP reply: the same question over TCP; truncated there too → `malformed`
 *   (`reason` says truncated);
 * - FORMERR to the EDNS query: asked again without the OPT record (RFC 6891 §7);
 * - replies whose id, QR bit or question do not match are dropped before any decoding (RFC 5452);
 *   when only those came, the outcome is `timeout` with `detail` saying why, or `malformed` when
 *   they were not even DNS headers.
 * Each step has its own `timeoutMs` timer, so one exchange takes at most 4 × `timeoutMs` (EDNS
 * over UDP, then TCP; without EDNS over UDP, then TCP) and ends at once when `signal` aborts.
 *
 * @param options - `timeoutMs` (@default 3000), `transport` (@default `'udp'`).
 * @throws RangeError / TypeError for invalid options (configuration errors, at creation).
 * @example
 * const exchanger = createExchanger({ timeoutMs: 1000 });
 * const outcome = await exchanger.exchange('127.0.0.1:5353', 'contoso.com', 'NS', { recursionDesired: false });
 * if (outcome.kind === 'reply') console.log(outcome.reply.aa, outcome.reply.authority);
 */
export function createExchanger(options: ExchangerOptions = {}): Exchanger {
  const timeoutMs = clampDelay(options.timeoutMs ?? EXCHANGER_DEFAULTS.timeoutMs);
  const transport = options.transport ?? EXCHANGER_DEFAULTS.transport;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  }
  if (transport !== 'udp' && transport !== 'tcp') {
    throw new TypeError(`transport must be 'udp' or 'tcp', got ${JSON.stringify(transport)}`);
  }
  const parse = nameServerCache();

  async function exchange(
    serverText: string,
    name: string,
    type: QueryType,
    exchangeOptions: ExchangeOptions = {},
  ): Promise<ExchangeOutcome> {
    const where = String(serverText);
    try {
      const server = parse(where);
      if (server instanceof TypeError)
        return { kind: 'network_error', server: where, reason: server.message };
      const label = formatServer(server);
      const { signal } = exchangeOptions;
      const recursionDesired = exchangeOptions.recursionDesired ?? true;
      let query: WireQuery;
      try {
        query = encodeQuery(name, type, { recursionDesired });
      } catch (error) {
        return {
          kind: 'network_error',
          server: label,
          reason: `the query could not be encoded: ${(error as Error).message}`,
        };
      }
      let result = await over(transport, timeoutMs, server, query, signal);
      if (result.kind === 'formerr') {
        // RFC 6891 §7: a server that does not speak EDNS answers FORMERR; ask again without OPT.
        query = encodeQuery(name, type, { recursionDesired, edns: false });
        result = await over(transport, timeoutMs, server, query, signal);
      }
      return outcomeOf(result, label, timeoutMs);
    } catch (error) {
      return { kind: 'network_error', server: where, reason: reasonOf(error) };
    }
  }

  return { exchange };
}

/** Parses server texts once each (up to 10,000 remembered): the name server, or why it is not one. */
function nameServerCache(): (server: string) => NameServer | TypeError {
  const parsed = new Map<string, NameServer | TypeError>();
  return (server) => {
    let known = parsed.get(server);
    if (known === undefined) {
      try {
        known = parseNameServer(server);
      } catch (error) {
        known = error instanceof TypeError ? error : new TypeError(String(error));
      }
      if (parsed.size < 10_000) parsed.set(server, known);
    }
    return known;
  };
}

/** One query over the transport: UDP with a TCP retry on truncation, or TCP only. */
async function over(
  transport: 'udp' | 'tcp',
  timeoutMs: number,
  server: NameServer,
  query: WireQuery,
  signal?: AbortSignal,
): Promise<Step> {
  if (transport === 'tcp') {
    const tcp = await step(openTcp, server, query, timeoutMs, signal);
    return tcp.kind === 'truncated' ? { kind: 'malformed', reason: 'truncated over TCP' } : tcp;
  }
  const udp = await step(openUdp, server, query, timeoutMs, signal);
  if (udp.kind !== 'truncated') return udp;
  const tcp = await step(openTcp, server, query, timeoutMs, signal);
  return tcp.kind === 'truncated' ? { kind: 'malformed', reason: 'truncated over UDP and over TCP' } : tcp;
}

/** The last step of an exchange as its outcome. */
function outcomeOf(result: Step, label: string, timeoutMs: number): ExchangeOutcome {
  switch (result.kind) {
    case 'reply':
      return { kind: 'reply', server: label, reply: result.reply };
    case 'timeout':
      return {
        kind: 'timeout',
        server: label,
        timeoutMs,
        ...(result.aborted ? { aborted: true } : {}),
        ...(result.detail ? { detail: result.detail } : {}),
      };
    case 'network_error':
      return { kind: 'network_error', server: label, reason: result.reason };
    case 'malformed':
      return { kind: 'malformed', server: label, reason: result.reason };
    default:
      // `formerr` cannot come back from a query without EDNS, nor `truncated` from `over`.
      return { kind: 'malformed', server: label, reason: `unexpected ${result.kind}` };
  }
}
