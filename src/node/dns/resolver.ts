/**
 * The recursive source (and DoH): asks the configured name servers (RD=1) through the exchange
 * layer, retries over them, follows CNAME chains that leave a server, and turns a reply into a
 * lookup outcome. Nothing here rejects.
 */

import dns from 'node:dns';
import { comparableName } from '../../core/names.js';
import { clampDelay } from '../abort.js';
import { createDohExchanger } from './doh.js';
import { parseDohUrl } from './doh-url.js';
import { createExchanger } from './exchange.js';
import { formatServer, parseNameServer, ServerHealth } from './name-servers.js';
import { read } from './recursive-reading.js';
import type {
  CnameAnswer,
  DnsReply,
  ExchangeOutcome,
  Exchanger,
  LookupOptions,
  LookupOutcome,
  OutcomeSource,
  RecordType,
  Resolver,
} from './types.js';

export type { NameServer } from './name-servers.js';
export { parseNameServer, UNRESPONSIVE_HOLD_MS } from './name-servers.js';
export { MAX_CNAME_LINKS } from './recursive-reading.js';

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
  /**
   * The most queries this resolver sends in its life, counted per exchange with a server (retries
   * over servers and attempts, CNAME re-asks and every lookup included; one exchange sends at most
   * 4 messages: EDNS over UDP, TCP after TC, and the same without EDNS after FORMERR), so that no
   * zone, however hostile, makes a run send an unbounded number. Once spent, lookups end at once as `resolution_limit` with `limit: 'queries'`.
   * A run (`runPreflight`, a command) uses one resolver: this is the per-run budget.
   * @default 100000
   */
  maxQueries?: number;
  /**
   * Ask over DNS over HTTPS (RFC 8484) instead: POST `application/dns-message` to this `https:` URL
   * (RULES §10, `--doh`). Outcomes then carry `source: 'doh'`; `nameservers` and `transport` are not
   * used. An HTTP status ≠ 200 is a `server_failure` with `rcode: 'HTTP <status>'` and `httpStatus`.
   */
  dohUrl?: string;
  /** DoH only: trusted CA certificates (PEM text or Buffers), for a private CA (`--ca FILE`). */
  ca?: string | Buffer | (string | Buffer)[];
}

/** The defaults of {@link createResolver}. */
export const RESOLVER_DEFAULTS = Object.freeze({
  timeoutMs: 3000,
  attempts: 2,
  transport: 'udp' as const,
  maxQueries: 100_000,
});

/** When every try failed, the most informative failure wins: a server's word, then garbage, then the network. */
const FAILURE_RANK: Record<string, number> = {
  server_failure: 4,
  malformed: 3,
  network_error: 2,
  timeout: 1,
};

/**
 * Creates a DNS resolver: the configured name servers asked with RD=1 (UDP with a TCP retry on
 * truncation, or DoH with `dohUrl`), a timer around every exchange, retries over the servers, and
 * outcomes as a discriminated union. It never rejects.
 *
 * Read as RULES §8 says for recursive mode: a referral (no AA, no answer, NS and no SOA in the
 * authority section) is `referral`, never NXDOMAIN/NODATA; a CNAME chain without the final records
 * and without an NXDOMAIN or SOA-proven NODATA for its end is asked again for its end (RFC 1034
 * §5.3.3), the aliases joined across re-asks; a loop, or more than {@link MAX_CNAME_LINKS} links in
 * all, is `cname_loop` (also when a SERVFAIL's answer section shows it). Every outcome carries
 * `source` (`recursive`, or `doh`).
 *
 * Bounds: one question takes at most `attempts × nameservers` exchanges, a lookup at most 9
 * questions (the CNAME re-asks), an exchange at most 4 × `timeoutMs` (EDNS and TCP retries; usually
 * 1×); the resolver sends at most `maxQueries` queries in its life, then lookups end at once as
 * `resolution_limit` (`limit: 'queries'`). A lookup ends at once when its `signal` aborts.
 *
 * @param options - `nameservers` (@default system, `node:dns` `getServers()`), `timeoutMs`
 *   (@default 3000), `attempts` (@default 2), `transport` (@default `'udp'`), `maxQueries`
 *   (@default 100000), `dohUrl` and `ca` (DoH).
 * @returns a {@link Resolver} whose `lookup` resolves to `answer`, `nxdomain`, `nodata`,
 *   `server_failure`, `timeout`, `network_error`, `malformed`, `referral`, `cname_loop` or
 *   `resolution_limit`.
 * @throws TypeError or RangeError for invalid options (a name server that is not an IP literal or
 *   is a bare IPv6 address with a port-like suffix, a DoH URL that is not https, a non-positive
 *   timeout…): configuration errors, reported at creation.
 * @example
 * const resolver = createResolver({ nameservers: ['127.0.0.1:5353'], timeoutMs: 1000 });
 * const outcome = await resolver.lookup('_sipfederationtls._tcp.contoso.com', 'SRV');
 * if (outcome.kind === 'answer') console.log(outcome.records);
 */
export function createResolver(options: ResolverOptions = {}): Resolver {
  const settings = resolverSettings(options);
  const doh = options.dohUrl !== undefined;
  const { timeoutMs, transport } = settings;
  const exchanger = doh
    ? createDohExchanger({
        url: options.dohUrl!,
        timeoutMs,
        ...(options.ca !== undefined ? { ca: options.ca } : {}),
      })
    : createExchanger({ timeoutMs, transport });
  const servers = doh
    ? [parseDohUrl(options.dohUrl!).href]
    : (options.nameservers ?? dns.getServers()).map(parseNameServerText);
  const state: AskState = {
    ...settings,
    exchanger,
    servers,
    health: new ServerHealth(),
    queries: 0,
  };
  const source: 'recursive' | 'doh' = doh ? 'doh' : 'recursive';

  async function lookup(
    name: string,
    type: RecordType,
    lookupOptions: LookupOptions = {},
  ): Promise<LookupOutcome> {
    const { signal } = lookupOptions;
    const qname = comparableName(String(name));
    const base = { name: qname, type, source };
    if (servers.length === 0) return { ...base, kind: 'network_error', reason: 'no name server configured' };
    const chain: CnameAnswer[] = [];
    const seen = new Set([qname]);
    let current = qname;
    // Each ask either ends the lookup or adds at least one link, and links are capped: ≤ 9 asks.
    for (;;) {
      const asked = await ask(state, current, type, base, signal);
      // A failure at the end of a chain keeps the links followed (the alias is still a finding).
      if (asked.kind === 'failed')
        return chain.length > 0 ? { ...asked.outcome, aliases: [...chain] } : asked.outcome;
      const reading = read(asked.reply, current, type, chain, seen, { ...base, server: asked.server });
      if (reading.kind === 'final') return reading.outcome;
      current = reading.next;
    }
  }

  return { lookup };
}

/** The checked numeric and transport options, with their defaults. */
interface ResolverSettings {
  timeoutMs: number;
  attempts: number;
  transport: 'udp' | 'tcp';
  maxQueries: number;
}

/** Validates the options (configuration errors throw at creation) and fills in the defaults. */
function resolverSettings(options: ResolverOptions): ResolverSettings {
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
  const maxQueries = options.maxQueries ?? RESOLVER_DEFAULTS.maxQueries;
  if (!(Number.isInteger(maxQueries) || maxQueries === Number.POSITIVE_INFINITY) || maxQueries < 1) {
    throw new RangeError(`maxQueries must be an integer ≥ 1 (or Infinity), got ${maxQueries}`);
  }
  if (options.nameservers !== undefined && !Array.isArray(options.nameservers)) {
    throw new TypeError('nameservers must be an array of strings');
  }
  return { timeoutMs, attempts, transport, maxQueries };
}

/** One resolver's state: its settings, exchanger, servers and their health, and the queries sent. */
interface AskState extends ResolverSettings {
  exchanger: Exchanger;
  servers: string[];
  health: ServerHealth;
  /** Queries sent in the resolver's life (against `maxQueries`). */
  queries: number;
}

type Base = { name: string; type: RecordType; source: OutcomeSource };

type Asked = { kind: 'reply'; reply: DnsReply; server: string } | { kind: 'failed'; outcome: LookupOutcome };

/**
 * Asks the name servers one question (rounds over the list, skipping unresponsive ones): a reply,
 * or the most informative failure as an outcome.
 */
async function ask(
  state: AskState,
  qname: string,
  type: RecordType,
  base: Base,
  signal: AbortSignal | undefined,
): Promise<Asked> {
  const { servers, health, attempts, maxQueries, timeoutMs } = state;
  // Skip servers known to be unresponsive, unless every server is: then fail at once.
  const asked = servers.filter((server) => !health.isUnresponsive(server));
  if (asked.length === 0) {
    return {
      kind: 'failed',
      outcome: {
        ...base,
        server: servers[0]!,
        kind: 'timeout',
        timeoutMs,
        detail: 'not sent: the name server has not answered any query in this run',
      },
    };
  }
  let failure: LookupOutcome | undefined;
  const timeouts = new Map<string, number>();
  for (let attempt = 0; attempt < attempts; attempt++) {
    for (const server of asked) {
      if (state.queries >= maxQueries) {
        const limit: LookupOutcome = {
          ...base,
          kind: 'resolution_limit',
          limit: 'queries',
          detail: `this resolver's budget of ${maxQueries} queries is spent`,
        };
        return { kind: 'failed', outcome: failure ?? limit };
      }
      state.queries++;
      // A fresh id per try, so a late reply to an earlier try is not taken for this one.
      const exchanged: ExchangeOutcome = await state.exchanger.exchange(server, qname, type, { signal });
      if (
        exchanged.kind === 'reply' ||
        exchanged.kind === 'malformed' ||
        (exchanged.kind === 'timeout' && exchanged.detail !== undefined)
      ) {
        health.heard(server);
      }
      if (isAnswer(exchanged)) {
        for (const silent of timeouts.keys()) health.timedOut(silent);
        return { kind: 'reply', reply: exchanged.reply, server };
      }
      if (exchanged.kind === 'timeout' && exchanged.aborted) {
        return { kind: 'failed', outcome: { ...base, server, kind: 'timeout', timeoutMs, aborted: true } };
      }
      if (exchanged.kind === 'timeout') {
        // A server that let every try of this lookup time out and has never answered anything
        // is taken as unresponsive for a while (like a resolver's cache of lame servers).
        timeouts.set(server, (timeouts.get(server) ?? 0) + 1);
        if (timeouts.get(server) === attempts) health.timedOut(server);
      }
      const outcome = failureOf(exchanged, { ...base, server }, timeoutMs);
      if (failure === undefined || FAILURE_RANK[outcome.kind]! >= FAILURE_RANK[failure.kind]!)
        failure = outcome;
    }
  }
  return { kind: 'failed', outcome: failure! };
}

/**
 * A reply that answers: NOERROR and NXDOMAIN, or a failure whose answer section shows a CNAME chain
 * (maybe a loop). SERVFAIL, REFUSED… from one server is not: another may answer.
 */
function isAnswer(exchanged: ExchangeOutcome): exchanged is Extract<ExchangeOutcome, { kind: 'reply' }> {
  if (exchanged.kind !== 'reply') return false;
  const { rcode } = exchanged.reply;
  return rcode === 0 || rcode === 3 || exchanged.reply.answers.some((r) => r.type === 'CNAME');
}

/** One server's failed exchange (not an answer, not aborted) as a lookup outcome. */
function failureOf(
  exchanged: ExchangeOutcome,
  base: Base & { server: string },
  timeoutMs: number,
): LookupOutcome {
  switch (exchanged.kind) {
    case 'reply':
      return {
        ...base,
        kind: 'server_failure',
        rcode: exchanged.reply.rcodeName,
        rcodeValue: exchanged.reply.rcode,
      };
    case 'timeout':
      return {
        ...base,
        kind: 'timeout',
        timeoutMs,
        ...(exchanged.detail ? { detail: exchanged.detail } : {}),
      };
    case 'network_error':
      // DoH: an HTTP status ≠ 200 is the server's word, a server failure (RULES §10).
      return exchanged.httpStatus !== undefined
        ? {
            ...base,
            kind: 'server_failure',
            rcode: `HTTP ${exchanged.httpStatus}`,
            rcodeValue: 2,
            httpStatus: exchanged.httpStatus,
          }
        : { ...base, kind: 'network_error', reason: exchanged.reason };
    case 'malformed':
      return { ...base, kind: 'malformed', reason: exchanged.reason };
  }
}

function parseNameServerText(entry: string): string {
  return formatServer(parseNameServer(entry));
}
