/**
 * The zones of an authoritative walk (RULES §10): what a zone is, the root zone to start from
 * (IANA's hints or configured `host:port` entries), and how a server address is written.
 */
import net from 'node:net';
import { parseNameServer } from '../name-servers.js';
import type { Glue } from './reply.js';
import { IANA_ROOT_SERVERS } from './root-hints.js';

/** A zone met on the way down: its NS names and the addresses it came with. */
export interface Zone {
  name: string;
  /** NS names, sorted (for the root override: the `host:port` entries themselves). */
  nameservers: string[];
  /** In-bailiwick glue from the referral (IP literals). */
  glue: Glue;
  /** Root override: `host:port` by entry. */
  fixed?: Map<string, string>;
  parent?: Zone;
}

/** `host:port`, with IPv6 literals in brackets. */
export function formatServer(host: string, port: number): string {
  return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The port an entry names (`host:port`, `[v6]:port`), if it names one. */
function explicitPort(entry: string): number | undefined {
  if (typeof entry !== 'string' || !/\]:\d+$|^[^:[\]]+:\d+$/.test(entry.trim())) return undefined;
  return parseNameServer(entry).port;
}

/** The port every root server entry names, when they all name the same one. */
export function sharedRootPort(rootServers: readonly string[] | undefined): number | undefined {
  if (!Array.isArray(rootServers) || rootServers.length === 0) return undefined;
  try {
    const ports = new Set(rootServers.map(explicitPort));
    const [only] = ports;
    return ports.size === 1 ? only : undefined;
  } catch {
    return undefined; // rootZone reports the bad entry
  }
}

/** The root zone: the configured entries (each its own server), or IANA's root hints. */
export function rootZone(rootServers: readonly string[] | undefined, port: number, ipv6: boolean): Zone {
  if (rootServers !== undefined) {
    if (!Array.isArray(rootServers) || rootServers.length === 0) {
      throw new TypeError('rootServers: expected at least one root server address');
    }
    const fixed = new Map<string, string>();
    for (const entry of rootServers) {
      const parsed = parseNameServer(entry);
      fixed.set(entry.trim(), formatServer(parsed.host, explicitPort(entry) ?? port));
    }
    return { name: '', nameservers: [...fixed.keys()], glue: new Map(), fixed };
  }
  const glue: Glue = new Map();
  for (const server of IANA_ROOT_SERVERS)
    glue.set(server.name, ipv6 ? [server.ipv4, server.ipv6] : [server.ipv4]);
  return { name: '', nameservers: IANA_ROOT_SERVERS.map((s) => s.name), glue };
}
