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

function runProbe(
  request: ProbeRequest,
  target: { host: string; port: number },
  context: TlsClientContext,
): Promise<ProbeOutcome> {
  const timeoutMs = Math.max(1, request.timeoutMs);
  const connectedTo = formatEndpoint(target.host, target.port);
  const started = performance.now();
  const elapsed = (since: number): number => Math.round(performance.now() - since);

  return new Promise<ProbeOutcome>((resolve) => {
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    let raw: net.Socket | undefined;
    let secure: TlsSocket | undefined;
    let tcp: TcpOutcome | undefined;
    // TLS phase state.
    let tlsStarted = 0;
    let chain: string[] = [];
    let protocol: string | null = null;
    let secureConnected = false;
    let opensslVerifyError: string | null | undefined;

    const finish = (outcome: ProbeOutcome): void => {
      if (done) return;
      done = true;
      if (timer !== undefined) clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      secure?.destroy();
      raw?.destroy();
      resolve(outcome);
    };
    const tlsOutcome = (error?: TlsOutcome['error']): TlsOutcome => {
      const outcome: TlsOutcome = {
        certificateRetrieved: chain.length > 0,
        handshakeCompleted: secureConnected && error === undefined,
        protocol,
        chain,
        durationMs: elapsed(tlsStarted),
      };
      if (opensslVerifyError !== undefined) outcome.opensslVerifyError = opensslVerifyError;
      if (error !== undefined) outcome.error = error;
      return outcome;
    };
    const failTcp = (reason: FailureReason, detail: { code?: string; message: string }): void => {
      finish({ tcp: { connected: false, reason, ...detail, durationMs: elapsed(started), connectedTo } });
    };
    const failTls = (reason: FailureReason, detail: { code?: string; message: string }): void => {
      if (tcp === undefined) failTcp(reason, detail);
      else finish({ tcp, tls: tlsOutcome({ reason, ...detail }) });
    };
    function onAbort(): void {
      failTls('aborted', { message: 'the probe was aborted' });
    }

    if (request.signal?.aborted) {
      finish({
        tcp: {
          connected: false,
          reason: 'aborted',
          message: 'the probe was aborted',
          durationMs: 0,
          connectedTo,
        },
      });
      return;
    }
    request.signal?.addEventListener('abort', onAbort, { once: true });

    // Phase 1: TCP connect.
    timer = setTimeout(
      () => failTcp('timeout', { message: `no connection within ${timeoutMs} ms` }),
      timeoutMs,
    );
    try {
      raw = net.connect({ host: target.host, port: target.port });
    } catch (error) {
      failTcp('error', describe(error));
      return;
    }
    raw.on('error', (error) => {
      if (done) return;
      const detail = describe(error);
      if (tcp === undefined) failTcp(CONNECT_ERROR_REASONS[detail.code ?? ''] ?? 'error', detail);
      // After connect, the TLS socket reports the error.
    });
    raw.once('connect', () => {
      if (done) return;
      clearTimeout(timer);
      tcp = { connected: true, durationMs: elapsed(started), connectedTo };
      startTls();
    });

    // Phase 2: TLS on the same connection.
    function startTls(): void {
      tlsStarted = performance.now();
      timer = setTimeout(
        () => failTls('timeout', { message: `no TLS handshake within ${timeoutMs} ms` }),
        timeoutMs,
      );
      const capture = (socket: TlsSocket): void => {
        if (done) return;
        if (chain.length === 0) chain = readPeerChain(socket);
        try {
          protocol ??= socket.getProtocol();
        } catch {
          // unknown until later
        }
      };
      try {
        secure = startTlsClient(raw as net.Socket, context, request.servername);
      } catch (error) {
        failTls('error', describe(error));
        return;
      }
      const socket = secure;
      // The first keylog line after the server's Certificate message is the earliest moment the
      // certificate can be read; the refusal of a client without a certificate comes later.
      socket.on('keylog', () => capture(socket));
      socket.on('error', (error) => {
        if (done) return;
        const detail = describe(error);
        failTls(CONNECT_ERROR_REASONS[detail.code ?? ''] ?? 'error', detail);
      });
      socket.on('close', () => {
        if (done) return;
        if (secureConnected) finish({ tcp: tcp!, tls: tlsOutcome() });
        else failTls('closed', { message: 'the server closed the connection during the handshake' });
      });
      socket.on('end', () => {
        if (done || !secureConnected) return;
        finish({ tcp: tcp!, tls: tlsOutcome() });
      });
      socket.on('session', () => {
        // TLS 1.3: a session ticket means the server accepted the handshake.
        if (done || !secureConnected) return;
        finish({ tcp: tcp!, tls: tlsOutcome() });
      });
      socket.once('secureConnect', () => {
        if (done) return;
        capture(socket);
        secureConnected = true;
        opensslVerifyError = socket.authorized ? null : String(socket.authorizationError ?? 'unknown');
        if (protocol !== 'TLSv1.3') {
          finish({ tcp: tcp!, tls: tlsOutcome() });
          return;
        }
        // TLS 1.3: wait briefly for a ticket (accepted) or an alert (refused), within the phase budget.
        const remaining = timeoutMs - (performance.now() - tlsStarted);
        clearTimeout(timer);
        timer = setTimeout(
          () => finish({ tcp: tcp!, tls: tlsOutcome() }),
          Math.max(0, Math.min(TLS13_GRACE_MS, remaining)),
        );
      });
    }
  });
}
