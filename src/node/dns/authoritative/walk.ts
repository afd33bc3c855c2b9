/**
 * The iterative walk of one authoritative resolver (RULES §10): down the delegations from the root,
 * then every server of the zone that holds the name, then along a CNAME chain across zones. The
 * state of one resolver (one run) — delegations, root probes, apex NS sets, looked-up NS addresses —
 * lives on the instance; the state of one question (budget, signal, cycle detection) in a {@link Context}.
 */
import net from 'node:net';
import { comparableName } from '../../../core/names.js';
import { onAbort } from '../../abort.js';
import type {
  CnameAnswer,
  DelegationStep,
  ExchangeOutcome,
  Exchanger,
  LookupOptions,
  LookupOutcome,
  QueryType,
  RecordType,
  ServerView,
} from '../types.js';
import { type Failed, failureOutcome } from './failure.js';
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
import { formatServer, type Zone } from './zone.js';

/** The settings and limits of one walk (see `AUTHORITATIVE_DEFAULTS`). */
export interface WalkSettings {
  port: number;
  ipv6: boolean;
  timeoutMs: number;
  exchanger: Exchanger;
  root: Zone;
  maxReferrals: number;
  maxQueries: number;
  maxCnameLinks: number;
  rootTries: number;
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

/** The state of one question. */
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

type Answered = {
  ok: true;
  reading: Exclude<Reading, { kind: 'lame' }>;
  server: string;
  nameserver?: string;
};

type Asked = Answered | ({ ok: false } & Failed);

interface Target {
  nameserver?: string;
  server?: string;
  reason?: string;
}

function isCycle(error: unknown): boolean {
  return (
    error instanceof Cycle ||
    (error instanceof Stop && error.reason.kind === 'limit' && error.reason.limit === 'glueless_cycle')
  );
}

/** The distinct NS targets of `owner` in an answer section, sorted. */
function nsNamesOf(answers: readonly { type: string; name: string; target?: string }[], owner: string) {
  return [
    ...new Set(answers.flatMap((r) => (r.type === 'NS' && r.name === owner ? [r.target as string] : []))),
  ].sort();
}

/** A lame view for an NS name without a usable address (`no_address`, `glueless_cycle`). */
function addresslessView(zone: string, nameserver: string | undefined, reason: string): ServerView {
  return {
    server: nameserver ?? '',
    ...(nameserver !== undefined ? { nameserver } : {}),
    zone,
    outcome: 'lame',
    lameReason: reason,
  };
}

/** One resolver's walk: the caches of its run, and the steps of each question. */
export class AuthoritativeWalk {
  /** Delegations met, by zone name: the cache of one resolver (one run). */
  private readonly zones: Map<string, Zone>;
  /** Root probes by TLD (shared: the root is asked once per TLD). */
  private readonly probes = new Map<string, Shared<Probe>>();
  /** Apex NS sets by zone. */
  private readonly apexes = new Map<string, Shared<{ nameservers: string[]; glue: Glue } | undefined>>();
  /** Addresses (`host:port`) of NS names looked up. */
  private readonly hosts = new Map<string, Shared<string[]>>();
  private readonly resolvedHosts = new Map<string, string[]>();

  constructor(private readonly settings: WalkSettings) {
    this.zones = new Map([['', settings.root]]);
  }

  /** One question from the caller: never rejects; a limit or the signal ends it with an outcome. */
  async lookup(name: string, type: RecordType, lookupOptions: LookupOptions = {}): Promise<LookupOutcome> {
    const qname = typeof name === 'string' ? comparableName(name.trim()) : '';
    const signal = lookupOptions?.signal;
    const { timeoutMs } = this.settings;
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
    const work = this.resolve(ctx, qname, qname, type, true, [], []).catch(
      (error: unknown): LookupOutcome => {
        if (error instanceof Stop && error.reason.kind === 'limit') {
          const { limit, detail } = error.reason;
          return { name: qname, type, source: 'authoritative', kind: 'resolution_limit', limit, detail };
        }
        if (error instanceof Stop || signal?.aborted) return aborted();
        return { name: qname, type, source: 'authoritative', kind: 'network_error', reason: String(error) };
      },
    );
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

  /** Work shared between concurrent look-ups (by key), unless waiting on it could deadlock. */
  private async share<T>(
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

  /** One exchange (RD=0), counted against the question's budget. */
  private async ask(ctx: Context, server: string, name: string, type: QueryType): Promise<ExchangeOutcome> {
    const { maxQueries } = this.settings;
    if (ctx.signal?.aborted) throw new Stop({ kind: 'aborted' });
    if (++ctx.budget.queries > maxQueries) {
      throw new Stop({ kind: 'limit', limit: 'queries', detail: `more than ${maxQueries} queries` });
    }
    const outcome = await this.settings.exchanger.exchange(server, name, type, {
      recursionDesired: false,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    if (ctx.signal?.aborted) throw new Stop({ kind: 'aborted' });
    return outcome;
  }

  /** The usable glue addresses (`host:port`) of one NS name, if any. */
  private glueAddresses(glue: readonly string[] | undefined): string[] | undefined {
    const { ipv6, port } = this.settings;
    const usable = glue?.filter((ip) => ipv6 || !net.isIPv6(ip));
    return usable && usable.length > 0 ? usable.map((ip) => formatServer(ip, port)) : undefined;
  }

  /** `host:port` addresses of one NS name of `zone`: glue, the override, or a look-up. */
  private async addressesOf(
    ctx: Context,
    zone: Zone,
    nameserver: string,
    extraGlue?: Glue,
  ): Promise<string[]> {
    const fixed = zone.fixed?.get(nameserver);
    if (fixed !== undefined) return [fixed];
    const glue = zone.glue.get(nameserver) ?? extraGlue?.get(nameserver);
    return this.glueAddresses(glue) ?? this.resolveHost(ctx, nameserver);
  }

  /** The A (and AAAA) addresses of an NS name without glue, looked up from the root. */
  private resolveHost(ctx: Context, host: string): Promise<string[]> {
    if (ctx.resolving.has(host)) throw new Cycle();
    return this.share(ctx, this.hosts, host, async () => {
      const inner: Context = { ...ctx, resolving: new Set([...ctx.resolving, host]), nested: true };
      const types: RecordType[] = this.settings.ipv6 ? ['A', 'AAAA'] : ['A'];
      const found: string[] = [];
      for (const type of types) {
        const outcome = await this.resolve(inner, host, host, type, false, [], []);
        if (outcome.kind === 'resolution_limit' && outcome.limit === 'glueless_cycle') throw new Cycle();
        if (outcome.kind !== 'answer') continue;
        for (const record of outcome.records) {
          if (record.type === 'A' || record.type === 'AAAA')
            found.push(formatServer(record.address, this.settings.port));
        }
      }
      found.sort();
      this.resolvedHosts.set(host, found);
      return found;
    });
  }

  /** Asks the servers of `zone`, in order, until one answers authoritatively or refers us on. */
  private async askZone(ctx: Context, zone: Zone, name: string, type: QueryType): Promise<Asked> {
    const views: ServerView[] = [];
    const readings: Reading[] = [];
    let cycles = 0;
    const tries = zone === this.settings.root ? this.settings.rootTries : Number.POSITIVE_INFINITY;
    for (const nameserver of zone.nameservers) {
      if (readings.length >= tries) break;
      const asNameserver = zone.fixed ? undefined : nameserver;
      let servers: string[];
      try {
        servers = await this.addressesOf(ctx, zone, nameserver);
      } catch (error) {
        if (!isCycle(error)) throw error;
        cycles++;
        views.push(addresslessView(zone.name, nameserver, 'glueless_cycle'));
        continue;
      }
      if (servers.length === 0) {
        views.push(addresslessView(zone.name, nameserver, 'no_address'));
        continue;
      }
      for (const server of servers) {
        if (readings.length >= tries) break;
        const reading = readExchange(await this.ask(ctx, server, name, type), zone.name, name);
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

  /** The child zone of a referral (cached), counted against the question's referral budget. */
  private followReferral(ctx: Context, parent: Zone, referral: Extract<Reading, { kind: 'referral' }>): Zone {
    const { maxReferrals } = this.settings;
    if (++ctx.budget.referrals > maxReferrals) {
      throw new Stop({ kind: 'limit', limit: 'referrals', detail: `more than ${maxReferrals} referrals` });
    }
    const known = this.zones.get(referral.zone);
    if (known) return known;
    const zone: Zone = {
      name: referral.zone,
      nameservers: referral.nameservers,
      glue: referral.glue,
      parent,
    };
    this.zones.set(zone.name, zone);
    return zone;
  }

  /** The root asked once per TLD (a minimised NS question, RFC 9156), shared by every look-up. */
  private probeRoot(ctx: Context, tld: string): Promise<Probe> {
    const { root } = this.settings;
    return this.share(
      ctx,
      this.probes,
      tld,
      async () => {
        const asked = await this.askZone(ctx, root, tld, 'NS');
        if (!asked.ok) return { kind: 'failed', views: asked };
        if (asked.reading.kind === 'referral')
          return { kind: 'zone', zone: this.followReferral(ctx, root, asked.reading) };
        const nameservers = nsNamesOf(asked.reading.reply.answers, tld);
        if (nameservers.length === 0) return { kind: 'none' };
        // The root servers serve the TLD themselves: a zone without a referral.
        const glue = readGlue(asked.reading.reply.additional, nameservers, '');
        const zone: Zone = this.zones.get(tld) ?? { name: tld, nameservers, glue, parent: root };
        this.zones.set(tld, zone);
        return { kind: 'zone', zone };
      },
      true,
    );
  }

  /** The deepest zone already known that holds `name`. */
  private closestZone(name: string): Zone {
    for (let at = name; ; ) {
      const zone = this.zones.get(at);
      if (zone) return zone;
      if (at === '') return this.settings.root;
      const dot = at.indexOf('.');
      at = dot === -1 ? '' : at.slice(dot + 1);
    }
  }

  /** The delegations from the root down to `zone`, with the addresses known for each NS name. */
  private pathOf(zone: Zone): DelegationStep[] {
    const steps: DelegationStep[] = [];
    for (let at: Zone | undefined = zone; at; at = at.parent) {
      const step = at;
      const addresses = step.nameservers.flatMap((ns) => {
        const fixed = step.fixed?.get(ns);
        if (fixed !== undefined) return [fixed];
        return this.glueAddresses(step.glue.get(ns)) ?? this.resolvedHosts.get(ns) ?? [];
      });
      steps.unshift({ zone: step.name, nameservers: [...step.nameservers], addresses });
    }
    return steps;
  }

  /** The zone's own apex NS set (asked once per zone), for servers the referral did not name. */
  private apexOf(ctx: Context, zone: Zone, server: string) {
    return this.share(
      ctx,
      this.apexes,
      zone.name,
      async () => {
        const reading = readExchange(await this.ask(ctx, server, zone.name, 'NS'), zone.name, zone.name);
        if (reading.kind !== 'authoritative') return undefined;
        const nameservers = nsNamesOf(reading.reply.answers, zone.name);
        return { nameservers, glue: readGlue(reading.reply.additional, nameservers, zone.name) };
      },
      true,
    );
  }

  /** Every server of the zone: the referral's NS names, then the apex's others; each address. */
  private async serversOf(ctx: Context, zone: Zone, firstServer: string): Promise<Target[]> {
    let names = zone.nameservers;
    let apexGlue: Glue | undefined;
    if (zone.name !== '') {
      const apex = await this.apexOf(ctx, zone, firstServer);
      if (apex) {
        names = [...names, ...apex.nameservers.filter((ns) => !names.includes(ns))];
        apexGlue = apex.glue;
      }
    }
    const lists = await Promise.all(
      names.map(async (nameserver): Promise<Target[]> => {
        const asNameserver = zone.fixed ? {} : { nameserver };
        try {
          const servers = await this.addressesOf(ctx, zone, nameserver, apexGlue);
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

  /** The outcome when no server of `zone` answered authoritatively. */
  private failure(
    origin: string,
    type: RecordType,
    zone: Zone,
    failed: Failed,
    servers: ServerView[],
  ): LookupOutcome {
    const where = { name: zone.name, atRoot: zone === this.settings.root, path: this.pathOf(zone) };
    return failureOutcome(origin, type, where, failed, servers, this.settings.timeoutMs);
  }

  /**
   * Resolves `name` (reached from `origin` through `links`): down the delegations, then every
   * server of the zone (when `allServers`), then across zones along a CNAME chain.
   */
  private async resolve(
    ctx: Context,
    origin: string,
    name: string,
    type: RecordType,
    allServers: boolean,
    links: CnameAnswer[],
    seenServers: ServerView[],
  ): Promise<LookupOutcome> {
    const found = await this.descend(ctx, origin, name, type, seenServers);
    if ('outcome' in found) return found.outcome;
    const { zone, first } = found;
    const every = allServers
      ? await this.askEveryServer(ctx, zone, first, name, type)
      : { chosen: first, views: [] };
    const servers = [...seenServers, ...every.views];
    const base = {
      name: origin,
      type,
      server: every.chosen.server,
      source: 'authoritative' as const,
      path: this.pathOf(zone),
      servers,
    };
    if (every.chosen.reading.kind !== 'authoritative')
      return { ...base, kind: 'server_failure', rcode: 'NOERROR', rcodeValue: 0 };
    const reply = every.chosen.reading.reply;
    const chain = readChain(reply.answers, name, type);
    const aliases = [...links, ...chain.aliases];
    const names = [origin, ...aliases.map((a) => a.target)];
    if (chain.loop || new Set(names).size !== names.length || aliases.length > this.settings.maxCnameLinks) {
      return { ...base, kind: 'cname_loop', aliases };
    }
    const records = recordsOf(reply.answers, chain.end, type);
    if (records.length > 0) return { ...base, kind: 'answer', records, aliases };
    if (chainLeavesZone(reply, chain, zone.name)) {
      // RFC 1034 §5.3.3: the chain leaves the zone; ask again for its end.
      return this.resolve(ctx, origin, chain.end, type, allServers, aliases, servers);
    }
    if (reply.rcode === 3) return { ...base, kind: 'nxdomain', rcode: 'NXDOMAIN', aliases };
    return { ...base, kind: 'nodata', rcode: 'NOERROR', aliases };
  }

  /**
   * Down the delegations from the closest known zone (probing the root once per TLD) to the zone
   * whose server answered; or the failure outcome when none of a zone's servers did.
   */
  private async descend(
    ctx: Context,
    origin: string,
    name: string,
    type: RecordType,
    seenServers: ServerView[],
  ): Promise<{ zone: Zone; first: Answered } | { outcome: LookupOutcome }> {
    const { root } = this.settings;
    let zone = this.closestZone(name);
    let probed = false;
    for (;;) {
      if (zone === root && !probed && name.includes('.')) {
        probed = true;
        const probe = await this.probeRoot(ctx, name.slice(name.lastIndexOf('.') + 1));
        if (probe.kind === 'failed') {
          // Silent roots: give up. Roots that answered the NS question badly (REFUSED, no AA…)
          // may still answer the question itself: ask it.
          const silent = probe.views.readings.every(
            (r) => r.kind === 'lame' && (r.reason === 'timeout' || r.reason === 'network_error'),
          );
          if (silent) return { outcome: this.failure(origin, type, root, probe.views, seenServers) };
        }
        if (probe.kind === 'zone') {
          zone = probe.zone;
          continue;
        }
      }
      const asked = await this.askZone(ctx, zone, name, type);
      if (!asked.ok) return { outcome: this.failure(origin, type, zone, asked, seenServers) };
      if (asked.reading.kind !== 'referral') return { zone, first: asked };
      zone = this.followReferral(ctx, zone, asked.reading);
    }
  }

  /**
   * Asks every server of the zone the same question (the first answer is reused); returns each
   * server's view and the answer to use: the first authoritative one, else the first answer.
   */
  private async askEveryServer(
    ctx: Context,
    zone: Zone,
    first: Answered,
    name: string,
    type: RecordType,
  ): Promise<{ chosen: { server: string; reading: Reading }; views: ServerView[] }> {
    const targets = await this.serversOf(ctx, zone, first.server);
    const answered = await Promise.all(
      targets.map(async (target) => {
        if (target.server === undefined) {
          return { view: addresslessView(zone.name, target.nameserver, target.reason ?? 'no_address') };
        }
        const reading =
          target.server === first.server
            ? first.reading
            : readExchange(await this.ask(ctx, target.server, name, type), zone.name, name);
        return {
          view: toServerView(target.server, target.nameserver, zone.name, reading, name, type),
          server: target.server,
          reading,
        };
      }),
    );
    const views = answered.map((a) => a.view);
    const authoritative = answered.find((a) => a.reading?.kind === 'authoritative');
    if (authoritative?.server !== undefined && authoritative.reading) {
      return { chosen: { server: authoritative.server, reading: authoritative.reading }, views };
    }
    return { chosen: first, views };
  }
}
