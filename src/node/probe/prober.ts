/**
 * The socket side of the probe (RULES.md §9): TCP with `node:net`, then TLS through the `node:tls`
 * adapter (tls.ts). Everything else takes a {@link Prober}, so the certificate rules are tested
 * without sockets and this file is tested against real listeners on 127.0.0.x.
 *
 * Node 20 pitfall measured here (and avoided): the Edge asks for a client certificate (mutual TLS) and may refuse a probe that has none. With
 *   TLS 1.2 the refusal arrives before `secureConnect`; with TLS 1.3 the client sees `secureConnect`
 *   first and the refusal (alert 116 "certificate required") afterwards. The server certificate is
 *   already known at the first `keylog` line that follows it, so it is captured there.
 */
import net from 'node:net';
import {
  createClientContext,
  readPeerChain,
  startTlsClient,
  type TlsClientContext,
  type TlsSocket,
} from './tls.js';

/** Where to really connect for an address and port (like curl's `--connect-to`). */
export type ConnectTo = (address: string, port: number) => { host: string; port: number };

/** One probe: TCP to `address:port`, then TLS on that connection with SNI `servername`. */
export interface ProbeRequest {
  /** The SRV target's address (IPv4 or IPv6 literal). */
  address: string;
  port: number;
  /** The SRV target FQDN, sent as SNI. An IP literal sends no SNI. */
  servername: string;
  /** Bound of each phase (TCP connect, TLS handshake), in milliseconds. */
  timeoutMs: number;
  /** Cancels the probe: sockets are destroyed and the outcome says `aborted`. */
  signal?: AbortSignal;
}

/** Why a phase did not succeed. */
export type FailureReason = 'refused' | 'timeout' | 'aborted' | 'closed' | 'error';

/** The TCP phase. */
export type TcpOutcome =
  | { connected: true; durationMs: number; connectedTo: string }
  | {
      connected: false;
      reason: FailureReason;
      /** Node's error code (`ECONNREFUSED`, `EHOSTUNREACH`, …) when there was one. */
      code?: string;
      message: string;
      durationMs: number;
      connectedTo: string;
    };

/** The TLS phase. "Certificate retrieved" and "handshake completed" are separate facts. */
export interface TlsOutcome {
  /** The server sent its certificate (even when it then ended the handshake). */
  certificateRetrieved: boolean;
  /** The handshake finished and the server did not refuse us afterwards (TLS 1.3: see {@link TLS13_GRACE_MS}). */
  handshakeCompleted: boolean;
  /** Negotiated protocol (`TLSv1.2`, `TLSv1.3`, `TLSv1.1`, …) when known. */
  protocol: string | null;
  /** The certificates as PEM, leaf first, as the server sent them (Node may append a local root). */
  chain: string[];
  /** OpenSSL's verdict on the chain against the roots in use (evidence only; `null` when trusted). */
  opensslVerifyError?: string | null;
  /** Why the handshake did not complete. */
  error?: { reason: FailureReason; code?: string; message: string };
  durationMs: number;
}

/** The result of one probe; `tls` is absent when TCP failed or the probe was aborted before TLS. */
export interface ProbeOutcome {
  tcp: TcpOutcome;
  tls?: TlsOutcome;
}

/**
 * What the probe needs from the network. {@link createProber} is the real one; tests pass a fake.
 * `probe` never rejects: every failure is in the outcome.
 */
export interface Prober {
  probe(request: ProbeRequest): Promise<ProbeOutcome>;
}

/** Options of {@link createProber}. */
export interface ProberOptions {
  /**
   * Maps an address and port to where the socket really connects, keeping SNI and the reported
   * subject unchanged, like curl's `--connect-to`. Tests and the demo use it to send
   * `192.0.2.10:5061` to a listener on `127.0.0.2:5061`.
   * @default identity (connect to the address itself)
   */
  connectTo?: ConnectTo;
  /**
   * Extra CA certificates (PEM) added to Node's public roots for OpenSSL's own verdict
   * (`opensslVerifyError`, evidence only). The rules' trust verdict takes `ca` separately.
   * @default [] (public roots only)
   */
  ca?: readonly string[];
}

/**
 * With TLS 1.3 the client finishes before the server has checked the client's (missing) certificate.
 * After `secureConnect` we wait this long (at most the rest of the phase's timeout) for the server's
 * session ticket (accepted), an alert (refused) or the end of the connection.
 */
export const TLS13_GRACE_MS = 1000;

const CONNECT_ERROR_REASONS: Record<string, FailureReason> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'closed',
  EPIPE: 'closed',
};

/** `address:port`, or `[address]:port` for IPv6. */
export function formatEndpoint(address: string, port: number): string {
  return net.isIPv6(address) ? `[${address}]:${port}` : `${address}:${port}`;
}

/** OpenSSL's `80…:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:file:line:` → the reason. */
const OPENSSL_MESSAGE = /^[0-9A-F]+:error:[0-9A-F]+:[^:]*:[^:]*:([^:]+):/;

function describe(error: unknown): { code?: string; message: string } {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = OPENSSL_MESSAGE.exec(error.message)?.[1] ?? error.message.trim();
    return code === undefined ? { message } : { code, message };
  }
  return { message: String(error) };
}

/**
 * Creates the real prober: one TCP connection per probe, upgraded to TLS with SNI = the target,
 * `rejectUnauthorized: false` (we judge the certificate ourselves) and no client certificate.
 * Every phase has its own timer; every socket is destroyed at the end; nothing throws or hangs.
 * @param options `connectTo` (address mapping) and `ca` (extra roots for OpenSSL's evidence verdict).
 * @returns A {@link Prober}.
 * @example
 * const prober = createProber({ connectTo: (address, port) => ({ host: '127.0.0.2', port }) });
 * const outcome = await prober.probe({ address: '192.0.2.10', port: 5061, servername: 'sip.contoso.com', timeoutMs: 3000 });
 */
export function createProber(options: ProberOptions = {}): Prober {
  let context: TlsClientContext | undefined;
  const connectTo: ConnectTo = options.connectTo ?? ((address, port) => ({ host: address, port }));
  return {
    probe(request) {
      let target: { host: string; port: number };
      try {
        target = connectTo(request.address, request.port);
        context ??= createClientContext(options.ca);
      } catch (error) {
        const connectedTo = formatEndpoint(request.address, request.port);
        return Promise.resolve({
          tcp: { connected: false, reason: 'error', ...describe(error), durationMs: 0, connectedTo },
        });
      }
      return runProbe(request, target, context);
    },
  };
}

/** The state of one probe, shared by its two phases. */
interface Session {
  readonly request: ProbeRequest;
  readonly context: TlsClientContext;
  /** Bound of each phase, in milliseconds (at least 1). */
  readonly timeoutMs: number;
  readonly connectedTo: string;
  readonly started: number;
  readonly resolve: (outcome: ProbeOutcome) => void;
  readonly onAbort: () => void;
  done: boolean;
  timer?: NodeJS.Timeout;
  raw?: net.Socket;
  secure?: TlsSocket;
  tcp?: TcpOutcome;
  // TLS phase.
  tlsStarted: number;
  chain: string[];
  protocol: string | null;
  secureConnected: boolean;
  opensslVerifyError?: string | null;
}

const elapsed = (since: number): number => Math.round(performance.now() - since);

/** Ends the probe once: stops the timer, frees the sockets and the abort listener, resolves. */
function finish(session: Session, outcome: ProbeOutcome): void {
  if (session.done) return;
  session.done = true;
  if (session.timer !== undefined) clearTimeout(session.timer);
  session.request.signal?.removeEventListener('abort', session.onAbort);
  session.secure?.destroy();
  session.raw?.destroy();
  session.resolve(outcome);
}

function tlsOutcome(session: Session, error?: TlsOutcome['error']): TlsOutcome {
  const outcome: TlsOutcome = {
    certificateRetrieved: session.chain.length > 0,
    handshakeCompleted: session.secureConnected && error === undefined,
    protocol: session.protocol,
    chain: session.chain,
    durationMs: elapsed(session.tlsStarted),
  };
  if (session.opensslVerifyError !== undefined) outcome.opensslVerifyError = session.opensslVerifyError;
  if (error !== undefined) outcome.error = error;
  return outcome;
}

function failTcp(session: Session, reason: FailureReason, detail: { code?: string; message: string }): void {
  const { connectedTo } = session;
  finish(session, {
    tcp: { connected: false, reason, ...detail, durationMs: elapsed(session.started), connectedTo },
  });
}

function failTls(session: Session, reason: FailureReason, detail: { code?: string; message: string }): void {
  if (session.tcp === undefined) failTcp(session, reason, detail);
  else finish(session, { tcp: session.tcp, tls: tlsOutcome(session, { reason, ...detail }) });
}

/** Ends the probe with the TLS phase as it stands (handshake done). */
function succeed(session: Session): void {
  finish(session, { tcp: session.tcp!, tls: tlsOutcome(session) });
}

function runProbe(
  request: ProbeRequest,
  target: { host: string; port: number },
  context: TlsClientContext,
): Promise<ProbeOutcome> {
  return new Promise<ProbeOutcome>((resolve) => {
    const session: Session = {
      request,
      context,
      timeoutMs: Math.max(1, request.timeoutMs),
      connectedTo: formatEndpoint(target.host, target.port),
      started: performance.now(),
      resolve,
      onAbort: () => failTls(session, 'aborted', { message: 'the probe was aborted' }),
      done: false,
      tlsStarted: 0,
      chain: [],
      protocol: null,
      secureConnected: false,
    };
    if (request.signal?.aborted) {
      failTcp(session, 'aborted', { message: 'the probe was aborted' });
      return;
    }
    request.signal?.addEventListener('abort', session.onAbort, { once: true });
    connectTcp(session, target);
  });
}

/** Phase 1: TCP connect, bounded by the phase timeout; then phase 2 on the same connection. */
function connectTcp(session: Session, target: { host: string; port: number }): void {
  const { timeoutMs } = session;
  session.timer = setTimeout(
    () => failTcp(session, 'timeout', { message: `no connection within ${timeoutMs} ms` }),
    timeoutMs,
  );
  let raw: net.Socket;
  try {
    raw = net.connect({ host: target.host, port: target.port });
  } catch (error) {
    failTcp(session, 'error', describe(error));
    return;
  }
  session.raw = raw;
  raw.on('error', (error) => {
    if (session.done) return;
    const detail = describe(error);
    if (session.tcp === undefined)
      failTcp(session, CONNECT_ERROR_REASONS[detail.code ?? ''] ?? 'error', detail);
    // After connect, the TLS socket reports the error.
  });
  raw.once('connect', () => {
    if (session.done) return;
    clearTimeout(session.timer);
    session.tcp = { connected: true, durationMs: elapsed(session.started), connectedTo: session.connectedTo };
    startTls(session, raw);
  });
}

/** Reads the certificate and protocol as soon as they are known (never after an error). */
function capture(session: Session, socket: TlsSocket): void {
  if (session.done) return;
  if (session.chain.length === 0) session.chain = readPeerChain(socket);
  try {
    session.protocol ??= socket.getProtocol();
  } catch {
    // unknown until later
  }
}

/** Phase 2: TLS on the connection, bounded by its own timeout. */
function startTls(session: Session, raw: net.Socket): void {
  const { timeoutMs } = session;
  session.tlsStarted = performance.now();
  session.timer = setTimeout(
    () => failTls(session, 'timeout', { message: `no TLS handshake within ${timeoutMs} ms` }),
    timeoutMs,
  );
  let socket: TlsSocket;
  try {
    socket = startTlsClient(raw, session.context, session.request.servername);
  } catch (error) {
    failTls(session, 'error', describe(error));
    return;
  }
  session.secure = socket;
  // The first keylog line after the server's Certificate message is the earliest moment the
  // certificate can be read; the refusal of a client without a certificate comes later.
  socket.on('keylog', () => capture(session, socket));
  socket.on('error', (error) => {
    if (session.done) return;
    const detail = describe(error);
    failTls(session, CONNECT_ERROR_REASONS[detail.code ?? ''] ?? 'error', detail);
  });
  socket.on('close', () => {
    if (session.done) return;
    if (session.secureConnected) succeed(session);
    else failTls(session, 'closed', { message: 'the server closed the connection during the handshake' });
  });
  // TLS 1.3: the end of the connection, or a session ticket, after secureConnect means accepted.
  socket.on('end', () => {
    if (!session.done && session.secureConnected) succeed(session);
  });
  socket.on('session', () => {
    if (!session.done && session.secureConnected) succeed(session);
  });
  socket.once('secureConnect', () => {
    if (session.done) return;
    capture(session, socket);
    session.secureConnected = true;
    session.opensslVerifyError = socket.authorized ? null : String(socket.authorizationError ?? 'unknown');
    if (session.protocol !== 'TLSv1.3') {
      succeed(session);
      return;
    }
    // TLS 1.3: wait briefly for a ticket (accepted) or an alert (refused), within the phase budget.
    const remaining = timeoutMs - (performance.now() - session.tlsStarted);
    clearTimeout(session.timer);
    session.timer = setTimeout(() => succeed(session), Math.max(0, Math.min(TLS13_GRACE_MS, remaining)));
  });
}
