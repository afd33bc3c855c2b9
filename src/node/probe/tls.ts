/**
 * The `node:tls` adapter: the only file of the package that imports `node:tls`. The probe's client
 * side (prober.ts) and the demo's Edge listener (servers/edge-server.ts) take their TLS from here.
 *
 * Node 20 pitfall measured here (and avoided): `getPeerX509Certificate()` works once, and a later
 * `getPeerCertificate()` then returns `undefined`; calling either after the socket failed can crash
 * the process. We call only `getPeerCertificate(true)`, and the prober calls it only from
 * `keylog`/`secureConnect` handlers, never after an error.
 */
import { X509Certificate } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';

/** A client TLS socket (Node's `TLSSocket`). */
export type TlsSocket = tls.TLSSocket;

/** The client's TLS settings, made once per prober. */
export type TlsClientContext = tls.SecureContext;

/** Node's public root certificates (PEM): the trust anchors the certificate rules use by default. */
export function publicRootCertificates(): readonly string[] {
  return tls.rootCertificates;
}

/**
 * The client settings: accept anything so that we can judge it (old protocols, weak keys, any chain).
 * @param ca extra CA certificates (PEM) for OpenSSL's own verdict, beside Node's public roots.
 */
export function createClientContext(ca: readonly string[] | undefined): TlsClientContext {
  return tls.createSecureContext({
    // Accept TLS 1.0/1.1 so that an old Edge is reported (tls.old_protocol) rather than refused.
    minVersion: 'TLSv1',
    // SECLEVEL=0: OpenSSL 3 refuses TLS < 1.2 and weak keys otherwise; we only look, we send nothing.
    ciphers: 'DEFAULT@SECLEVEL=0',
    ...(ca !== undefined && ca.length > 0 ? { ca: [...tls.rootCertificates, ...ca] } : {}),
  });
}

/**
 * Starts TLS on a connected TCP socket, with SNI `servername` (none for an IP literal), no client
 * certificate and no verdict of its own: the rules judge the chain and the names. May throw.
 */
export function startTlsClient(socket: net.Socket, context: TlsClientContext, servername: string): TlsSocket {
  return tls.connect({
    socket,
    secureContext: context,
    ...(net.isIP(servername) === 0 ? { servername } : {}),
    rejectUnauthorized: false,
    // The name rules are ours (exact match, no wildcard); keep OpenSSL's verdict about the chain.
    checkServerIdentity: () => undefined,
  });
}

/** The peer chain as PEM, leaf first; `[]` when the server has not sent a certificate yet. */
export function readPeerChain(socket: TlsSocket): string[] {
  let cert: tls.DetailedPeerCertificate | undefined;
  try {
    cert = socket.getPeerCertificate(true);
  } catch {
    return [];
  }
  const chain: string[] = [];
  const seen = new Set<string>();
  // A self-signed root's issuerCertificate is itself: stop on a repeat.
  while (cert?.raw !== undefined && chain.length < 16) {
    const fingerprint = cert.fingerprint256;
    if (seen.has(fingerprint)) break;
    seen.add(fingerprint);
    try {
      chain.push(new X509Certificate(cert.raw).toString());
    } catch {
      break;
    }
    cert = cert.issuerCertificate;
  }
  return chain;
}

/** What the Edge listener serves. */
export interface TlsServerOptions {
  key: string;
  cert: string;
  /** Ask for a client certificate and refuse a client without one issued by `ca` (mutual TLS). */
  requestCert: boolean;
  ca?: readonly string[];
}

/** A TLS listener (Node's `tls.Server`). */
export type TlsServer = tls.Server;

/** A TLS listener (not yet listening) that serves `cert`. */
export function createTlsServer(options: TlsServerOptions): TlsServer {
  const mutual = options.requestCert;
  return tls.createServer({
    key: options.key,
    cert: options.cert,
    requestCert: mutual,
    rejectUnauthorized: mutual,
    ...(mutual && options.ca !== undefined && options.ca.length > 0 ? { ca: [...options.ca] } : {}),
  });
}
