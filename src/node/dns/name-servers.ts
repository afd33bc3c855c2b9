/**
 * Name server addresses: parsing (`host`, `host:port`, `[v6]`, `[v6]:port`), formatting, and which
 * servers of a run have stopped answering.
 */

import net from 'node:net';

/** A parsed name server address. */
export interface NameServer {
  host: string;
  port: number;
}

const FORMS = 'IPv4, IPv4:port, [IPv6] or [IPv6]:port';

function invalid(entry: string, why: string): TypeError {
  return new TypeError(`Invalid name server ${JSON.stringify(entry)}: ${why}`);
}

/** `prefix` + `:` + `digits` where the prefix is itself an IPv6 address: the shape of a port suffix. */
function portLikeSplit(text: string): { host: string; port: string } | undefined {
  const colon = text.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const host = text.slice(0, colon);
  const port = text.slice(colon + 1);
  return /^\d{1,5}$/.test(port) && net.isIPv6(host) ? { host, port } : undefined;
}

/**
 * Parses `host`, `host:port`, `[v6]` or `[v6]:port` (IP literals only; port 53 when omitted).
 *
 * A bare IPv6 address (without brackets) is accepted only when it cannot be read as an address
 * followed by a port: when the part before its last colon is itself an IPv6 address and the part
 * after it is all decimal digits (`::1:5353`, `2001:db8::1:53`), it is refused — `::1:5353` is a
 * valid IPv6 address, but not `::1` port 5353, and a typo must not send queries to another
 * address. The error names both readings (`[::1]:5353` or `[::1:5353]`). So `::1`, `2001:db8::53`
 * and `fe80::1` are accepted (no IPv6 address precedes their last colon), and `::1:53` is not.
 *
 * @throws TypeError for anything else: a bad name server is a configuration error, found at creation.
 */
export function parseNameServer(entry: string): NameServer {
  if (typeof entry !== 'string' || entry.trim() === '') {
    throw invalid(String(entry), `expected ${FORMS}`);
  }
  const text = entry.trim();
  let host = text;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) {
    host = bracketed[1]!;
    portText = bracketed[2];
    if (!net.isIPv6(host)) throw invalid(entry, `[${host}] is not an IPv6 address`);
  } else if (text.startsWith('[')) {
    throw invalid(entry, `expected ${FORMS}`);
  } else if (net.isIPv6(text)) {
    const split = portLikeSplit(text);
    if (split) {
      throw invalid(
        entry,
        `a bare IPv6 address cannot carry a port: write [${split.host}]:${split.port} for port ${split.port} of ${split.host}, or [${text}] for the address ${text}`,
      );
    }
    host = text; // a bare IPv6 literal has no port
  } else {
    const colon = text.lastIndexOf(':');
    if (colon !== -1) {
      host = text.slice(0, colon);
      portText = text.slice(colon + 1);
    }
    if (!net.isIPv4(host)) {
      const split = portLikeSplit(text);
      if (split) throw invalid(entry, `an IPv6 address with a port is written [${split.host}]:${split.port}`);
      throw invalid(entry, `use an IP address (${FORMS}), not a name`);
    }
  }
  let port = 53;
  if (portText !== undefined) {
    port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
    if (!(port >= 1 && port <= 65535)) throw invalid(entry, 'the port must be 1–65535');
  }
  return { host, port };
}

/** `host:port`, or `[v6]:port`. */
export function formatServer(server: NameServer): string {
  return net.isIPv6(server.host) ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`;
}

/**
 * How long a name server that has never answered, and has let a whole lookup time out, is taken as
 * unresponsive: lookups to it then end at once as `timeout` instead of each waiting
 * `attempts × timeoutMs` (which, queued behind a concurrency limit, would stack up wave after wave).
 */
export const UNRESPONSIVE_HOLD_MS = 30_000;

/**
 * Per server (by its `host:port`): whether anything — even garbage — ever came back, and until when
 * it counts as unresponsive. Only a server that has never answered is short-circuited, so a server
 * that drops some names but answers others is always asked.
 */
export class ServerHealth {
  readonly #heard = new Set<string>();
  readonly #unresponsiveUntil = new Map<string, number>();

  constructor(private readonly holdMs = UNRESPONSIVE_HOLD_MS) {}

  /** Whether `server` is held as unresponsive now. */
  isUnresponsive(server: string): boolean {
    return (this.#unresponsiveUntil.get(server) ?? 0) > Date.now();
  }

  /** Something came back from `server`. */
  heard(server: string): void {
    this.#heard.add(server);
    this.#unresponsiveUntil.delete(server);
  }

  /** `server` let a whole lookup time out: hold it as unresponsive, unless it ever answered. */
  timedOut(server: string): void {
    if (!this.#heard.has(server)) this.#unresponsiveUntil.set(server, Date.now() + this.holdMs);
  }
}
