/**
 * Authoritative mode (RULES §10): resolve like a partner's resolver does — iteratively from the
 * root, RD=0, following referrals with in-bailiwick glue only — then ask EVERY authoritative server
 * of the zone that holds the name the same question, so the evidence shows lame and inconsistent
 * servers. Built on the {@link Exchanger} (one question to one server); never rejects.
 *
 * The evidence, as the live layer reads it:
 * - `path`: the delegations followed to the zone that gave the final answer (root first); each
 *   step's NS names (sorted) and the addresses used (glue, or looked up).
 * - `servers`: every server of the zone that holds the name — the referral's NS names, then the
 *   zone's own apex NS names it did not list, each address — in that order; the outcome is the
 *   first of them that answered authoritatively. Along a CNAME chain that leaves the zone, the
 *   next zone's servers follow (each view names its `zone`). `lameReason`: `timeout`, `no_aa`,
 *   `REFUSED`, `SERVFAIL` (or another RCODE name), `network_error`, `malformed`, and `no_address` /
 *   `glueless_cycle` for an NS name without a usable address (then `server` is the NS name).
 * - No server of the root answering is our network, not the domain: no `servers` then, the
 *   reasons are in `detail`/`reason`.
 * - Delegations, apex NS sets and looked-up NS addresses are cached per resolver (one run): the
 *   root is asked once per TLD, concurrent look-ups wait on the same questions.
 */
import net from 'node:net';
import { comparableName } from '../../../core/names.js';
import { onAbort } from '../../abort.js';
import { createExchanger } from '../exchange.js';
import { parseNameServer } from '../name-servers.js';
import type {
  CnameAnswer,
  DelegationStep,
  ExchangeOutcome,
  Exchanger,
  LookupOptions,
  LookupOutcome,
  QueryType,
  RecordType,
  Resolver,
  ServerView,
} from '../types.js';
import {
  chainLeavesZone,
  type Glue,
  type Reading,
  readChain,
  readExchange,
  readGlue,
  recordsOf,
  toServerView,
} from './reply.js';
import { IANA_ROOT_SERVERS } from './root-hints.js';

/** Options of {@link createAuthoritativeResolver}. */
export interface AuthoritativeResolverOptions {
  /**
   * Root servers to start from, as `host`, `host:port` or `[v6]:port` IP literals (private roots,
   * tests). @default IANA's root hints ({@link IANA_ROOT_SERVERS})
   */
  rootServers?: readonly string[];
  /** Sends one question to one server. @default a UDP/TCP exchanger with `timeoutMs` */
  exchanger?: Exchanger;
  /** Time allowed for one exchange with one server (used by the default exchanger). @default 2000 */
  timeoutMs?: number;
  /**
   * Port of every name server found by referral or look-up (glue carries no port).
   * @default the port every `rootServers` entry names, when they all name the same one (a private
   *   hierarchy on one port, as in tests); else 53
   */
  port?: number;
  /**
   * Also use the IPv6 addresses of name servers (root hints, glue, AAAA lookups). Off by default:
   * on a host without an IPv6 route every IPv6 server would read as lame. @default false
   */
  ipv6?: boolean;
}

/** The defaults and limits of {@link createAuthoritativeResolver} (RULES §10). */
export const AUTHORITATIVE_DEFAULTS = Object.freeze({
  timeoutMs: 2000,
  port: 53,
  ipv6: false,
  /** Referrals followed for one question, glueless look-ups included. */
  maxReferrals: 16,
  /** Exchanges for one question, glueless look-ups and CNAME chases included. */
  maxQueries: 200,
  /** CNAME links followed, across zones (RULES §8). */
  maxCnameLinks: 8,
  /**
   * Root servers tried per question before giving up (a network that drops port 53 would otherwise
   * wait 13 × `timeoutMs` on IANA's roots); a failure is remembered for the resolver's run.
   */
  rootTries: 3,
});

/** A zone met on the way down: its NS names and the addresses it came with. */
interface Zone {
  name: string;
  /** NS names, sorted (for the root override: the `host:port` entries themselves). */
  nameservers: string[];
  /** In-bailiwick glue from the referral (IP literals). */
  glue: Glue;
  /** Root override: `host:port` by entry. */
  fixed?: Map<string, string>;
  parent?: Zone;
}

type Limit = 'referrals' | 'queries' | 'glueless_cycle';

/** Ends the whole question: a limit, or the caller's signal. */
class Stop extends Error {
  constructor(readonly reason: { kind: 'limit'; limit: Limit; detail: string } | { kind: 'aborted' }) {
    super(reason.kind);
  }
}

/** Ends the resolution of one NS name whose look-up needs itself (a glueless cycle). */
class Cycle extends Error {}

interface Context {
  budget: { queries: number; referrals: number };
  signal?: AbortSignal;
  /** NS names whose addresses this chain of look-ups is resolving (cycle detection). */
  resolving: ReadonlySet<string>;
  /** Inside a glueless look-up: never waits on another look-up's unfinished work (no deadlock). */
  nested: boolean;
}

interface Shared<T> {
  promise: Promise<T>;
  done: boolean;
}

type Probe = { kind: 'zone'; zone: Zone } | { kind: 'none' } | { kind: 'failed'; views: Failed };

interface Failed {
  views: ServerView[];
  readings: Reading[];
}

type Asked =
  | { ok: true; reading: Exclude<Reading, { kind: 'lame' }>; server: string; nameserver?: string }
  | ({ ok: false } & Failed);

interface Target {
  nameserver?: string;
  server?: string;
  reason?: string;
}

function formatServer(host: string, port: number): string {
  return net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
}

function isCycle(error: unknown): boolean {
  return (
    error instanceof Cycle ||
    (error instanceof Stop && error.reason.kind === 'limit' && error.reason.limit === 'glueless_cycle')
  );
}

/**
 * Creates a resolver that answers as the zone's authoritative servers do (RULES §10).
 *
 * @param options - root servers, exchanger, per-exchange timeout, name server port, IPv6.
 * @returns a {@link Resolver} whose outcomes carry `source: 'authoritative'`, the delegation `path`
 *   and every server's view (`servers`); kinds `answer`, `nxdomain`, `nodata`, `cname_loop`,
 *   `resolution_limit` (over 16 referrals, over 200 queries, a glueless cycle), and
 *   `server_failure`/`timeout`/`network_error` when no server of a zone answered authoritatively.
 * @throws TypeError for a root server that is not an IP literal (a configuration error).
 * @example
 * const resolver = createAuthoritativeResolver({ rootServers: ['127.0.0.1:5300'] });
 * const outcome = await resolver.lookup('_sipfederationtls._tcp.contoso.com', 'SRV');
 */
export function createAuthoritativeResolver(options: AuthoritativeResolverOptions = {}): Resolver {
  const port = options.port ?? sharedRootPort(options.rootServers) ?? AUTHORITATIVE_DEFAULTS.port;
  const ipv6 = options.ipv6 ?? AUTHORITATIVE_DEFAULTS.ipv6;
  const timeoutMs = options.timeoutMs ?? AUTHORITATIVE_DEFAULTS.timeoutMs;
  const { maxReferrals, maxQueries, maxCnameLinks, rootTries } = AUTHORITATIVE_DEFAULTS;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new TypeError(`Invalid port ${port}`);
  const exchanger = options.exchanger ?? createExchanger({ timeoutMs });
  const root = rootZone(options.rootServers, port, ipv6);

  /** Delegations met, by zone name: the cache of one resolver (one run). */
  const zones = new Map<string, Zone>([['', root]]);
  /** Root probes by TLD (shared: the root is asked once per TLD). */
  const probes = new Map<string, Shared<Probe>>();
  /** Apex NS sets by zone. */
  const apexes = new Map<string, Shared<{ nameservers: string[]; glue: Glue } | undefined>>();
  /** Addresses (`host:port`) of NS names looked up. */
  const hosts = new Map<string, Shared<string[]>>();
  const resolvedHosts = new Map<string, string[]>();

  async function share<T>(
    ctx: Context,
    map: Map<string, Shared<T>>,
    key: string,
    start: () => Promise<T>,
    exchangesOnly = false,
  ): Promise<T> {
    const entry = map.get(key);
    // Work that only exchanges (never waits on another look-up) is safe to wait on from anywhere.
    if (entry && (entry.done || !ctx.nested || exchangesOnly)) {
      try {
        return await entry.promise;
      } catch (error) {
        // Another look-up's abort or spent budget is not ours: do the work ourselves.
        if (!(error instanceof Stop) || isCycle(error) || ctx.signal?.aborted) throw error;
      }
    }
    const mine: Shared<T> = { promise: start(), done: false };
    const current = map.get(key);
    if (current === undefined || current === entry) map.set(key, mine);
    mine.promise.then(
      () => {
        mine.done = true;
      },
      () => {
        if (map.get(key) === mine) map.delete(key);
      },
    );
    return mine.promise;
  }

  async function ask(ctx: Context, server: string, name: string, type: QueryType): Promise<ExchangeOutcome> {
    if (ctx.signal?.aborted) throw new Stop({ kind: 'aborted' });
    if (++ctx.budget.queries > maxQueries) {
      throw new Stop({ kind: 'limit', limit: 'queries', detail: `more than ${maxQueries} queries` });
    }
    const outcome = await exchanger.exchange(server, name, type, {
      recursionDesired: false,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    if (ctx.signal?.aborted) throw new Stop({ kind: 'aborted' });
    return outcome;
  }

  /** `host:port` addresses of one NS name of `zone`: glue, the override, or a look-up. */
  async function addressesOf(
    ctx: Context,
    zone: Zone,
    nameserver: string,
    extraGlue?: Glue,
  ): Promise<string[]> {
    const fixed = zone.fixed?.get(nameserver);
    if (fixed !== undefined) return [fixed];
    const glue = zone.glue.get(nameserver) ?? extraGlue?.get(nameserver);
    if (glue && glue.length > 0) {
      const usable = glue.filter((ip) => ipv6 || !net.isIPv6(ip));
      if (usable.length > 0) return usable.map((ip) => formatServer(ip, port));
    }
    return resolveHost(ctx, nameserver);
  }

  function resolveHost(ctx: Context, host: string): Promise<string[]> {
    if (ctx.resolving.has(host)) throw new Cycle();
    return share(ctx, hosts, host, async () => {
      const inner: Context = { ...ctx, resolving: new Set([...ctx.resolving, host]), nested: true };
      const types: RecordType[] = ipv6 ? ['A', 'AAAA'] : ['A'];
      const found: string[] = [];
      for (const type of types) {
        const outcome = await resolve(inner, host, host, type, false, [], []);
        if (outcome.kind === 'resolution_limit' && outcome.limit === 'glueless_cycle') throw new Cycle();
        if (outcome.kind !== 'answer') continue;
        for (const record of outcome.records) {
          if (record.type === 'A' || record.type === 'AAAA') found.push(formatServer(record.address, port));
        }
      }
      found.sort();
      resolvedHosts.set(host, found);
      return found;
    });
  }

  /** Asks the servers of `zone`, in order, until one answers authoritatively or refers us on. */
  async function askZone(ctx: Context, zone: Zone, name: string, type: QueryType): Promise<Asked> {
    const views: ServerView[] = [];
    const readings: Reading[] = [];
    let cycles = 0;
    const tries = zone === root ? rootTries : Number.POSITIVE_INFINITY;
    for (const nameserver of zone.nameservers) {
      if (readings.length >= tries) break;
      const asNameserver = zone.fixed ? undefined : nameserver;
      let servers: string[];
      try {
        servers = await addressesOf(ctx, zone, nameserver);
      } catch (error) {
        if (!isCycle(error)) throw error;
        cycles++;
        views.push({
          server: nameserver,
          nameserver,
          zone: zone.name,
          outcome: 'lame',
          lameReason: 'glueless_cycle',
        });
        continue;
      }
      if (servers.length === 0) {
        views.push({
          server: nameserver,
          nameserver,
          zone: zone.name,
          outcome: 'lame',
          lameReason: 'no_address',
        });
        continue;
      }
      for (const server of servers) {
        if (readings.length >= tries) break;
        const reading = readExchange(await ask(ctx, server, name, type), zone.name, name);
        if (reading.kind !== 'lame') {
          return {
            ok: true,
            reading,
            server,
            ...(asNameserver !== undefined ? { nameserver: asNameserver } : {}),
          };
        }
        readings.push(reading);
        views.push(toServerView(server, asNameserver, zone.name, reading, name, type));
      }
    }
    if (cycles > 0 && readings.length === 0) {
      throw new Stop({
        kind: 'limit',
        limit: 'glueless_cycle',
        detail: `the name servers of ${zone.name || '.'} can only be found through themselves`,
      });
    }
    return { ok: false, views, readings };
  }

  function followReferral(
    ctx: Context,
    parent: Zone,
    referral: Extract<Reading, { kind: 'referral' }>,
  ): Zone {
    if (++ctx.budget.referrals > maxReferrals) {
      throw new Stop({ kind: 'limit', limit: 'referrals', detail: `more than ${maxReferrals} referrals` });
    }
    const known = zones.get(referral.zone);
    if (known) return known;
    const zone: Zone = {
      name: referral.zone,
      nameservers: referral.nameservers,
      glue: referral.glue,
      parent,
    };
    zones.set(zone.name, zone);
    return zone;
  }

  /** The root asked once per TLD (a minimised NS question, RFC 9156), shared by every look-up. */
  function probeRoot(ctx: Context, tld: string): Promise<Probe> {
    return share(
      ctx,
      probes,
      tld,
      async () => {
        const asked = await askZone(ctx, root, tld, 'NS');
        if (!asked.ok) return { kind: 'failed', views: asked };
        if (asked.reading.kind === 'referral')
          return { kind: 'zone', zone: followReferral(ctx, root, asked.reading) };
        const nameservers = [
          ...new Set(
            asked.reading.reply.answers.flatMap((r) => (r.type === 'NS' && r.name === tld ? [r.target] : [])),
          ),
        ].sort();
        if (nameservers.length === 0) return { kind: 'none' };
        // The root servers serve the TLD themselves: a zone without a referral.
        const glue = readGlue(asked.reading.reply.additional, nameservers, '');
        const zone: Zone = zones.get(tld) ?? { name: tld, nameservers, glue, parent: root };
        zones.set(tld, zone);
        return { kind: 'zone', zone };
      },
      true,
    );
  }

  /** The deepest zone already known that holds `name`. */
  function closestZone(name: string): Zone {
    for (let at = name; ; ) {
      const zone = zones.get(at);
      if (zone) return zone;
      if (at === '') return root;
      const dot = at.indexOf('.');
      at = dot === -1 ? '' : at.slice(dot + 1);
    }
  }

  function pathOf(zone: Zone): DelegationStep[] {
    const steps: DelegationStep[] = [];
    for (let at: Zone | undefined = zone; at; at = at.parent) {
      const addresses = at.nameservers.flatMap((ns) => {
        const fixed = at?.fixed?.get(ns);
        if (fixed !== undefined) return [fixed];
        const glue = at?.glue.get(ns)?.filter((ip) => ipv6 || !net.isIPv6(ip));
        if (glue && glue.length > 0) return glue.map((ip) => formatServer(ip, port));
        return resolvedHosts.get(ns) ?? [];
      });
      steps.unshift({ zone: at.name, nameservers: [...at.nameservers], addresses });
    }
    return steps;
  }

  /** The zone's own apex NS set (asked once per zone), for servers the referral did not name. */
  function apexOf(ctx: Context, zone: Zone, server: string) {
    return share(
      ctx,
      apexes,
      zone.name,
      async () => {
        const reading = readExchange(await ask(ctx, server, zone.name, 'NS'), zone.name, zone.name);
        if (reading.kind !== 'authoritative') return undefined;
        const nameservers = [
          ...new Set(
            reading.reply.answers.flatMap((r) => (r.type === 'NS' && r.name === zone.name ? [r.target] : [])),
          ),
        ].sort();
        return { nameservers, glue: readGlue(reading.reply.additional, nameservers, zone.name) };
      },
      true,
    );
  }

  /** Every server of the zone: the referral's NS names, then the apex's others; each address. */
  async function serversOf(ctx: Context, zone: Zone, firstServer: string): Promise<Target[]> {
    let names = zone.nameservers;
    let apexGlue: Glue | undefined;
    if (zone.name !== '') {
      const apex = await apexOf(ctx, zone, firstServer);
      if (apex) {
        names = [...names, ...apex.nameservers.filter((ns) => !names.includes(ns))];
        apexGlue = apex.glue;
      }
    }
    const lists = await Promise.all(
      names.map(async (nameserver): Promise<Target[]> => {
        const asNameserver = zone.fixed ? {} : { nameserver };
        try {
          const servers = await addressesOf(ctx, zone, nameserver, apexGlue);
          if (servers.length === 0) return [{ ...asNameserver, reason: 'no_address' }];
          return servers.map((server) => ({ ...asNameserver, server }));
        } catch (error) {
          if (!isCycle(error)) throw error;
          return [{ ...asNameserver, reason: 'glueless_cycle' }];
        }
      }),
    );
    return lists.flat();
  }

  function failure(
    origin: string,
    type: RecordType,
    zone: Zone,
    failed: Failed,
    servers: ServerView[],
  ): LookupOutcome {
    // The root servers failing is our network, not the domain: their views go into `detail`, not
    // `servers` (which the live layer turns into dns.lame_server, an error when none answered).
    const atRoot = zone === root;
    const views = atRoot ? servers : [...servers, ...failed.views];
    const base = {
      name: origin,
      type,
      source: 'authoritative' as const,
      path: pathOf(zone),
      ...(views.length > 0 ? { servers: views } : {}),
    };
    const { readings } = failed;
    if (readings.length > 0 && readings.every((r) => r.kind === 'lame' && r.reason === 'timeout')) {
      const detail = atRoot
        ? `no root server answered (${failed.views.map((v) => `${v.server} ${v.lameReason}`).join(', ')})`
        : `no server of ${zone.name} answered`;
      return { ...base, kind: 'timeout', timeoutMs, detail };
    }
    const withRcode = readings.find((r) => r.kind === 'lame' && r.rcode !== undefined);
    if (withRcode?.kind === 'lame' && withRcode.rcode) {
      return {
        ...base,
        kind: 'server_failure',
        rcode: withRcode.rcode.name,
        rcodeValue: withRcode.rcode.value,
      };
    }
    if (readings.some((r) => r.kind === 'lame' && r.reason === 'no_aa')) {
      return { ...base, kind: 'server_failure', rcode: 'NOERROR', rcodeValue: 0 };
    }
    if (readings.some((r) => r.kind === 'lame' && r.reason === 'malformed')) {
      return {
        ...base,
        kind: 'malformed',
        reason: `no server of ${zone.name || '.'} sent a readable answer`,
      };
    }
    const reasons = failed.views.map((v) => `${v.server} ${v.lameReason}`).join(', ');
    return {
      ...base,
      kind: 'network_error',
      reason: `no server of ${zone.name || '.'} could be reached (${reasons})`,
    };
  }

  /**
   * Resolves `name` (reached from `origin` through `links`): down the delegations, then every
   * server of the zone (when `allServers`), then across zones along a CNAME chain.
   */
  async function resolve(
    ctx: Context,
    origin: string,
    name: string,
    type: RecordType,
    allServers: boolean,
    links: CnameAnswer[],
    seenServers: ServerView[],
  ): Promise<LookupOutcome> {
    let zone = closestZone(name);
    let probed = false;
    let first: Extract<Asked, { ok: true }>;
    for (;;) {
      if (zone === root && !probed && name.includes('.')) {
        probed = true;
        const probe = await probeRoot(ctx, name.slice(name.lastIndexOf('.') + 1));
        if (probe.kind === 'failed') {
          // Silent roots: give up. Roots that answered the NS question badly (REFUSED, no AA…)
          // may still answer the question itself: ask it.
          const silent = probe.views.readings.every(
            (r) => r.kind === 'lame' && (r.reason === 'timeout' || r.reason === 'network_error'),
          );
          if (silent) return failure(origin, type, root, probe.views, seenServers);
        }
        if (probe.kind === 'zone') {
          zone = probe.zone;
          continue;
        }
      }
      const asked = await askZone(ctx, zone, name, type);
      if (!asked.ok) return failure(origin, type, zone, asked, seenServers);
      if (asked.reading.kind === 'referral') {
        zone = followReferral(ctx, zone, asked.reading);
        continue;
      }
      first = asked;
      break;
    }

    let chosen: { server: string; reading: Reading } = first;
    let views: ServerView[] = [];
    if (allServers) {
      const targets = await serversOf(ctx, zone, first.server);
      const answered = await Promise.all(
        targets.map(async (target) => {
          if (target.server === undefined) {
            const view: ServerView = {
              server: target.nameserver ?? '',
              ...(target.nameserver !== undefined ? { nameserver: target.nameserver } : {}),
              zone: zone.name,
              outcome: 'lame',
              lameReason: target.reason ?? 'no_address',
            };
            return { view };
          }
          const reading =
            target.server === first.server
              ? first.reading
              : readExchange(await ask(ctx, target.server, name, type), zone.name, name);
          return {
            view: toServerView(target.server, target.nameserver, zone.name, reading, name, type),
            server: target.server,
            reading,
          };
        }),
      );
      views = answered.map((a) => a.view);
      const authoritative = answered.find((a) => a.reading?.kind === 'authoritative');
      if (authoritative?.server !== undefined && authoritative.reading) {
        chosen = { server: authoritative.server, reading: authoritative.reading };
      }
    }

    const servers = [...seenServers, ...views];
    const base = {
      name: origin,
      type,
      server: chosen.server,
      source: 'authoritative' as const,
      path: pathOf(zone),
      servers,
    };
    if (chosen.reading.kind !== 'authoritative')
      return { ...base, kind: 'server_failure', rcode: 'NOERROR', rcodeValue: 0 };
    const reply = chosen.reading.reply;
    const chain = readChain(reply.answers, name, type);
    const aliases = [...links, ...chain.aliases];
    const names = [origin, ...aliases.map((a) => a.target)];
    if (chain.loop || new Set(names).size !== names.length || aliases.length > maxCnameLinks) {
      return { ...base, kind: 'cname_loop', aliases };
    }
    const records = recordsOf(reply.answers, chain.end, type);
    if (records.length > 0) return { ...base, kind: 'answer', records, aliases };
    if (chainLeavesZone(reply, chain, zone.name)) {
      // RFC 1034 §5.3.3: the chain leaves the zone; ask again for its end.
      return resolve(ctx, origin, chain.end, type, allServers, aliases, servers);
    }
    if (reply.rcode === 3) return { ...base, kind: 'nxdomain', rcode: 'NXDOMAIN', aliases };
    return { ...base, kind: 'nodata', rcode: 'NOERROR', aliases };
  }

  async function lookup(
    name: string,
    type: RecordType,
    lookupOptions: LookupOptions = {},
  ): Promise<LookupOutcome> {
    const qname = typeof name === 'string' ? comparableName(name.trim()) : '';
    const signal = lookupOptions?.signal;
    const aborted = (): LookupOutcome => ({
      name: qname,
      type,
      source: 'authoritative',
      kind: 'timeout',
      timeoutMs,
      aborted: true,
    });
    if (signal?.aborted) return aborted();
    const ctx: Context = {
      budget: { queries: 0, referrals: 0 },
      ...(signal ? { signal } : {}),
      resolving: new Set(),
      nested: false,
    };
    const work = resolve(ctx, qname, qname, type, true, [], []).catch((error: unknown): LookupOutcome => {
      if (error instanceof Stop && error.reason.kind === 'limit') {
        const { limit, detail } = error.reason;
        return { name: qname, type, source: 'authoritative', kind: 'resolution_limit', limit, detail };
      }
      if (error instanceof Stop || signal?.aborted) return aborted();
      return { name: qname, type, source: 'authoritative', kind: 'network_error', reason: String(error) };
    });
    if (!signal) return work;
    let stop = () => {};
    const abort = new Promise<LookupOutcome>((resolve) => {
      stop = onAbort(signal, () => resolve(aborted()));
    });
    try {
      return await Promise.race([work, abort]);
    } finally {
      stop();
    }
  }

  return { lookup };
}

/** The port an entry names (`host:port`, `[v6]:port`), if it names one. */
function explicitPort(entry: string): number | undefined {
  if (typeof entry !== 'string' || !/\]:\d+$|^[^:[\]]+:\d+$/.test(entry.trim())) return undefined;
  return parseNameServer(entry).port;
}

/** The port every root server entry names, when they all name the same one. */
function sharedRootPort(rootServers: readonly string[] | undefined): number | undefined {
  if (!Array.isArray(rootServers) || rootServers.length === 0) return undefined;
  try {
    const ports = new Set(rootServers.map(explicitPort));
    const [only] = ports;
    return ports.size === 1 ? only : undefined;
  } catch {
    return undefined; // rootZone reports the bad entry
  }
}

function rootZone(rootServers: readonly string[] | undefined, port: number, ipv6: boolean): Zone {
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
