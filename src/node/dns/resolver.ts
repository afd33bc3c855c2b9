/**
 * The recursive source: asks the configured name servers (RD=1) through the exchange layer, retries
 * over them, and turns a reply into a lookup outcome. Nothing here rejects.
 */

import dns from 'node:dns';
import { comparableName as lower } from '../../core/names.js';
import { clampDelay } from '../abort.js';
import { createExchanger } from './exchange.js';
import { formatServer, parseNameServer, ServerHealth } from './name-servers.js';
import type {
  AnswerRecord,
  CnameAnswer,
  DnsReply,
  ExchangeOutcome,
  LookupOptions,
  LookupOutcome,
  RecordType,
  Resolver,
} from './types.js';
import { isAnswerRecord } from './wire.js';

export type { NameServer } from './name-servers.js';
export { parseNameServer, UNRESPONSIVE_HOLD_MS } from './name-servers.js';

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

/** The defaults of {@link createResolver}. */
export const RESOLVER_DEFAULTS = Object.freeze({ timeoutMs: 3000, attempts: 2, transport: 'udp' as const });

/** Longest CNAME chain we follow inside one answer. */
const MAX_CNAME_CHAIN = 16;

/** Turns a reply into an outcome (RCODE, CNAME chain, records of the asked type). */
function classify(reply: DnsReply, name: string, type: RecordType, server: string): LookupOutcome {
  const base = { name, type, server };
  const answers = reply.answers.filter(isAnswerRecord);
  const aliases: CnameAnswer[] = [];
  let owner = name;
  if (type !== 'CNAME') {
    for (let hop = 0; hop < MAX_CNAME_CHAIN; hop++) {
      const alias = answers.find((a): a is CnameAnswer => a.type === 'CNAME' && a.name === owner);
      if (!alias) break;
      aliases.push(alias);
      owner = alias.target;
    }
  }
  if (reply.rcode === 3) return { ...base, kind: 'nxdomain', rcode: 'NXDOMAIN', aliases };
  if (reply.rcode !== 0) {
    return { ...base, kind: 'server_failure', rcode: reply.rcodeName, rcodeValue: reply.rcode };
  }
  const records = answers.filter((a): a is AnswerRecord => a.type === type && a.name === owner);
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
  const servers = (options.nameservers ?? dns.getServers()).map(parseNameServerText);
  const exchanger = createExchanger({ timeoutMs, transport });
  const health = new ServerHealth();

  async function lookup(
    name: string,
    type: RecordType,
    lookupOptions: LookupOptions = {},
  ): Promise<LookupOutcome> {
    const { signal } = lookupOptions;
    const qname = lower(String(name));
    const base = { name: qname, type };
    if (servers.length === 0) return { ...base, kind: 'network_error', reason: 'no name server configured' };
    // Skip servers known to be unresponsive, unless every server is: then fail at once.
    const asked = servers.filter((server) => !health.isUnresponsive(server));
    if (asked.length === 0) {
      return {
        ...base,
        server: servers[0]!,
        kind: 'timeout',
        timeoutMs,
        detail: 'not sent: the name server has not answered any query in this run',
      };
    }
    let failure: LookupOutcome | undefined;
    const timeouts = new Map<string, number>();
    for (let attempt = 0; attempt < attempts; attempt++) {
      for (const server of asked) {
        // A fresh id per try, so a late reply to an earlier try is not taken for this one.
        const exchanged: ExchangeOutcome = await exchanger.exchange(server, qname, type, { signal });
        if (
          exchanged.kind === 'reply' ||
          exchanged.kind === 'malformed' ||
          (exchanged.kind === 'timeout' && exchanged.detail !== undefined)
        ) {
          health.heard(server);
        }
        let outcome: LookupOutcome;
        switch (exchanged.kind) {
          case 'reply':
            outcome = classify(exchanged.reply, qname, type, server);
            break;
          case 'timeout':
            if (exchanged.aborted) return { ...base, server, kind: 'timeout', timeoutMs, aborted: true };
            outcome = {
              ...base,
              server,
              kind: 'timeout',
              timeoutMs,
              ...(exchanged.detail ? { detail: exchanged.detail } : {}),
            };
            // A server that let every try of this lookup time out and has never answered anything
            // is taken as unresponsive for a while (like a resolver's cache of lame servers).
            timeouts.set(server, (timeouts.get(server) ?? 0) + 1);
            if (timeouts.get(server) === attempts) health.timedOut(server);
            break;
          case 'network_error':
            outcome = { ...base, server, kind: 'network_error', reason: exchanged.reason };
            break;
          case 'malformed':
            outcome = { ...base, server, kind: 'malformed', reason: exchanged.reason };
            break;
        }
        if (outcome.kind === 'answer' || outcome.kind === 'nxdomain' || outcome.kind === 'nodata') {
          // Another server answered where these stayed silent: the same verdict, sooner.
          for (const silent of timeouts.keys()) health.timedOut(silent);
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

function parseNameServerText(entry: string): string {
  return formatServer(parseNameServer(entry));
}
