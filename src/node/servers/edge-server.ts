/**
 * A TLS listener that plays an Access Edge on a loopback address, for `pic-preflight demo`: it
 * presents a certificate and, like a real Edge (mutual TLS), may ask for a client certificate and
 * refuse a client without one. Its TLS comes from the probe's `node:tls` adapter (probe/tls.ts).
 * Loopback only: it refuses to listen anywhere else.
 */
import net from 'node:net';
import type { ConnectTo } from '../probe/prober.js';
import { createTlsServer } from '../probe/tls.js';

/** Options of {@link startEdgeServer}. */
export interface EdgeServerOptions {
  /** A loopback address (`127.0.0.0/8` or `::1`); anything else throws. */
  host: string;
  /** The port; `0` lets the system choose. */
  port: number;
  /** The private key (PEM). */
  key: string;
  /** The certificate chain (PEM), leaf first. */
  cert: string;
  /**
   * Ask for a client certificate and refuse a client without one issued by `ca`, as an Edge does
   * for federation (mutual TLS).
   * @default false
   */
  requestCert?: boolean;
  /**
   * The CAs a client certificate must come from (with `requestCert`).
   * @default []
   */
  ca?: readonly string[];
}

/** A started listener; `close()` ends every open connection and resolves once the port is free. */
export interface EdgeServer {
  host: string;
  port: number;
  /** `host:port`, or `[host]:port` for IPv6. */
  address: string;
  /** Connections accepted so far. */
  accepted(): number;
  close(): Promise<void>;
}

/** True for a loopback IP literal: `127.0.0.0/8` in dotted-decimal form, or `::1`. */
export function isLoopbackAddress(host: string): boolean {
  if (net.isIPv6(host)) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return net.isIPv4(host) && host.startsWith('127.');
}

/**
 * Wraps a `connectTo` so that it throws unless the result is a loopback address: the demo never
 * contacts anything but this machine, whatever its zone holds. (The prober reports a throwing
 * `connectTo` as a failed connection, without opening a socket.)
 * @param connectTo The mapping to guard.
 * @returns The guarded mapping.
 */
export function loopbackOnly(connectTo: ConnectTo): ConnectTo {
  return (address, port) => {
    const target = connectTo(address, port);
    if (!isLoopbackAddress(target.host)) {
      throw new Error(`the demo connects to loopback addresses only, not ${target.host}`);
    }
    return target;
  };
}

function formatAddress(host: string, port: number): string {
  return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

function listen(server: net.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen({ host, port }, () => {
      server.off('error', onError);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

/**
 * Starts a TLS listener on a loopback address that serves `cert` and ends each accepted session.
 * Rejects with the listen error (`EADDRINUSE`, `EADDRNOTAVAIL`, `EACCES`…) when it cannot bind.
 * @param options Loopback host and port, key and certificate, and whether to ask for a client certificate.
 * @returns The started {@link EdgeServer}.
 * @example
 * const edge = await startEdgeServer({ host: '127.0.0.2', port: 5061, key, cert, requestCert: true, ca: [caPem] });
 * await edge.close();
 */
export async function startEdgeServer(options: EdgeServerOptions): Promise<EdgeServer> {
  if (!isLoopbackAddress(options.host)) {
    throw new Error(`an Edge listener binds loopback addresses only, not "${options.host}"`);
  }
  const server = createTlsServer({
    key: options.key,
    cert: options.cert,
    requestCert: options.requestCert === true,
    ...(options.ca === undefined ? {} : { ca: options.ca }),
  });
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  server.on('connection', (socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  // A client without a certificate is refused during the handshake: not an error of the listener.
  server.on('tlsClientError', () => {});
  server.on('secureConnection', (socket) => {
    socket.on('error', () => {});
    socket.end();
  });
  const port = await listen(server, options.host, options.port);
  return {
    host: options.host,
    port,
    address: formatAddress(options.host, port),
    accepted: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A port on a loopback `host` where nothing listens (bound, then released): a connection to it is
 * refused, as one to a closed port of a real Edge is.
 * @param host A loopback address.
 * @returns The port number.
 */
export async function closedLoopbackPort(host = '127.0.0.1'): Promise<number> {
  if (!isLoopbackAddress(host)) throw new Error(`not a loopback address: "${host}"`);
  const server = net.createServer();
  const port = await listen(server, host, 0);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
