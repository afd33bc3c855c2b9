/**
 * RULES §8: live DNS checks of one SIP domain — the federation SRV record, its targets' addresses,
 * near-miss owner names and related records. Talks to DNS only through a `Resolver`.
 */
import ipaddr from 'ipaddr.js';
import {
  evaluateFederationSrv,
  FEDERATION_SRV_PREFIX,
  type SrvRecord,
  selectFederationRecord,
} from '../../core/federation/federation.js';
import { isMicrosoftOnlineEdge } from '../../core/federation/microsoft-online.js';
import { comparableName as normalise } from '../../core/names.js';
import { type AddressClass, isNonPublic } from '../../core/report/address-class.js';
import { onAbort } from '../abort.js';

export { type AddressClass, isNonPublic };

import { readStringInput } from '../../core/input.js';
import type { Check } from '../../core/report/report-types.js';
import { checkStatus } from '../../core/report/status.js';
import { type Issue, makeIssue } from '../../core/result.js';
import { createResolver, type ResolverOptions } from '../dns/resolver.js';
import type { AddressAnswer, LookupOutcome, RecordType, Resolver, SrvAnswer } from '../dns/types.js';

/** Options of the live checks. */
export interface LiveOptions extends ResolverOptions {
  /** A resolver to use instead of creating one from `nameservers`, `timeoutMs`, `attempts`, `transport`. */
  resolver?: Resolver;
  /** The declared Access Edge FQDNs (for `srv.target_not_declared_edge` and hints). @default [] */
  accessEdgeFqdns?: string[];
  /** Queries in flight at once. @default 16 */
  concurrency?: number;
  /** Aborting ends every pending lookup at once (reported as `dns.deadline_exceeded`). */
  signal?: AbortSignal;
}

/** One SRV target as seen live. */
export interface TargetReport {
  target: string;
  port: number;
  /** True for the record the Access Edge would use. */
  selected: boolean;
  /** A and AAAA addresses (after any CNAME chain). */
  addresses: string[];
  /** The CNAME chain in front of the target, if any (RFC 2782: there should be none). */
  aliases: string[];
}

/** The live verdict on one SIP domain: its `srv`, `srv-target` and `related` checks. */
export interface DomainReport {
  domain: string;
  /** Worst status among the checks. */
  status: Check['status'];
  /** The SRV records as DNS returned them. */
  records: SrvRecord[];
  /** The record the Access Edge would use, when there is one. */
  selected?: SrvRecord;
  targets: TargetReport[];
  checks: Check[];
}

const RANGE_CLASS: Record<string, AddressClass> = {
  private: 'private',
  loopback: 'loopback',
  linkLocal: 'link-local',
  carrierGradeNat: 'cgnat',
  uniqueLocal: 'unique-local',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
  reserved: 'reserved',
};

/**
 * The class of an IP address, with ipaddr.js ranges. IPv4-mapped IPv6 addresses are judged by
 * their IPv4 address.
 */
export function addressClass(address: string): AddressClass {
  if (!ipaddr.isValid(address)) return 'invalid';
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return RANGE_CLASS[parsed.range()] ?? 'public';
}

/** The per-run machinery: one resolver, a memo of in-flight lookups, a concurrency limit, a signal. */
export interface LiveContext {
  lookup(name: string, type: RecordType): Promise<LookupOutcome>;
  /** For `dns.deadline_exceeded` messages. */
  deadlineMs?: number;
}

/**
 * Builds the per-run lookup: identical questions are asked once (a memo of promises), at most
 * `concurrency` run at once, and an aborted `signal` settles every pending and queued lookup at
 * once — even when the resolver itself never settles.
 */
export function createLiveContext(options: LiveOptions & { deadlineMs?: number } = {}): LiveContext {
  const resolver = options.resolver ?? createResolver(options);
  const limit = Math.max(1, Math.floor(options.concurrency ?? 16));
  const signal = options.signal;
  const memo = new Map<string, Promise<LookupOutcome>>();
  const queue: (() => void)[] = [];
  let active = 0;

  const aborted = (name: string, type: RecordType): LookupOutcome => ({
    name,
    type,
    kind: 'timeout',
    timeoutMs: options.deadlineMs ?? 0,
    aborted: true,
  });

  const ask = (name: string, type: RecordType, lookupSignal?: AbortSignal): Promise<LookupOutcome> =>
    resolver
      .lookup(name, type, lookupSignal ? { signal: lookupSignal } : {})
      .catch(
        (error: unknown): LookupOutcome => ({ name, type, kind: 'network_error', reason: String(error) }),
      );

  const run = async (name: string, type: RecordType): Promise<LookupOutcome> => {
    // A slot is handed straight to the next waiter on release, so a caller arriving in between
    // cannot take it as well (which would let more than `limit` run).
    if (active < limit) active++;
    else await new Promise<void>((resolve) => queue.push(resolve));
    try {
      if (!signal) return await ask(name, type);
      if (signal.aborted) return aborted(name, type);
      // Each lookup gets its own signal, fanned out from the run's through one listener that goes
      // away with the last lookup in flight (a run's signal would otherwise collect one per exchange,
      // and a caller's signal one per context, never removed).
      const own = new AbortController();
      let stopped!: () => void;
      const cutOff = new Promise<LookupOutcome>((resolve) => {
        stopped = onAbort(signal, () => {
          own.abort();
          resolve(aborted(name, type));
        });
      });
      try {
        // A resolver that ignores the signal must not hold the run past its deadline.
        return await Promise.race([ask(name, type, own.signal), cutOff]);
      } finally {
        stopped();
      }
    } finally {
      const next = queue.shift();
      if (next) next();
      else active--;
    }
  };

  const context: LiveContext = {
    lookup(name, type) {
      const key = `${type} ${name.toLowerCase()}`;
      let pending = memo.get(key);
      if (pending === undefined) {
        pending = run(name.toLowerCase(), type);
        memo.set(key, pending);
      }
      return pending;
    },
  };
  if (options.deadlineMs !== undefined) context.deadlineMs = options.deadlineMs;
  return context;
}

/** "We could not ask": the inconclusive issue for a failed lookup, or undefined for a verdict. */
export function lookupIssue(
  outcome: LookupOutcome,
  context: { deadlineMs?: number },
  path: (string | number)[] = [],
): Issue | undefined {
  const where = { name: outcome.name, type: outcome.type };
  switch (outcome.kind) {
    case 'timeout':
      if (outcome.aborted) {
        return makeIssue('dns.deadline_exceeded', path, {
          params: { ...where, deadlineMs: context.deadlineMs ?? '?' },
        });
      }
      return makeIssue('dns.timeout', path, {
        params: {
          ...where,
          timeoutMs: outcome.timeoutMs,
          ...(outcome.server ? { server: outcome.server } : {}),
        },
        hint: 'Check that the name server is reachable (--nameserver), or raise --timeout.',
      });
    case 'server_failure':
      return makeIssue('dns.server_failure', path, {
        params: { ...where, rcode: outcome.rcode, ...(outcome.server ? { server: outcome.server } : {}) },
        hint:
          outcome.rcode === 'REFUSED'
            ? 'The name server refused the question: use a resolver that answers you (--nameserver), such as a public one.'
            : "The name server could not answer (SERVFAIL: often a broken delegation or DNSSEC failure at the domain's DNS host); try again or ask another --nameserver.",
      });
    case 'network_error':
      return makeIssue('dns.network_error', path, {
        params: {
          name: outcome.name,
          reason: outcome.reason,
          ...(outcome.server ? { server: outcome.server } : {}),
        },
        hint: 'The name server could not be reached from here: check the address and port (--nameserver) and the firewall.',
      });
    case 'malformed':
      return makeIssue('dns.malformed_response', path, { params: { ...where, reason: outcome.reason } });
    case 'skipped': // planned zones, offline (RULES §11): not asked
      return makeIssue('dns.skipped', path, { params: { ...where, reason: outcome.reason } });
    default:
      return undefined;
  }
}

const ms = (start: number) => Math.round(performance.now() - start);

function addressesOf(outcome: LookupOutcome): string[] {
  return outcome.kind === 'answer'
    ? outcome.records
        .filter((r): r is AddressAnswer => r.type === 'A' || r.type === 'AAAA')
        .map((r) => r.address)
    : [];
}

/** The facts about one host name's addresses: A + AAAA (CNAME chains come with the answers). */
export interface HostAddresses {
  name: string;
  addresses: string[];
  classes: Record<string, AddressClass>;
  aliases: string[];
  /** True when both lookups gave a verdict (answer, NXDOMAIN or NODATA). */
  complete: boolean;
  /** Inconclusive issues of failed lookups. */
  problems: Issue[];
  /** `planned` when the addresses came from a planned zone (RULES §11). */
  source?: LookupOutcome['source'];
}

/** Looks up A and AAAA of a host, concurrently. */
export async function hostAddresses(context: LiveContext, name: string): Promise<HostAddresses> {
  const [a, aaaa] = await Promise.all([context.lookup(name, 'A'), context.lookup(name, 'AAAA')]);
  const addresses = [...addressesOf(a), ...addressesOf(aaaa)];
  const classes: Record<string, AddressClass> = {};
  for (const address of addresses) classes[address] = addressClass(address);
  const aliases: string[] = [];
  for (const outcome of [a, aaaa]) {
    if ('aliases' in outcome)
      for (const alias of outcome.aliases) if (!aliases.includes(alias.target)) aliases.push(alias.target);
  }
  const problems = [a, aaaa].map((o) => lookupIssue(o, context)).filter((i): i is Issue => i !== undefined);
  const host: HostAddresses = {
    name,
    addresses,
    classes,
    aliases,
    complete: problems.length === 0,
    problems,
  };
  const source = a.source ?? aaaa.source;
  if (source) host.source = source;
  return host;
}

/** `dns.private_address` (E) or `dns.mixed_addresses` (W) for a name, or nothing. */
export function addressClassIssue(host: HostAddresses): Issue | undefined {
  if (host.addresses.length === 0) return undefined;
  const nonPublic = host.addresses.filter((address) => isNonPublic(host.classes[address] ?? 'invalid'));
  if (nonPublic.length === 0) return undefined;
  const params = { name: host.name, addresses: nonPublic.join(', ') };
  if (nonPublic.length === host.addresses.length) {
    // "Resolves only to" non-public addresses is a verdict only when every lookup answered: with the
    // A or the AAAA lookup unanswered the check is inconclusive (its problem says why), not failed.
    if (!host.complete) return undefined;
    return makeIssue('dns.private_address', [], {
      params,
      hint: `Federation partners connect from the internet: publish ${host.name}'s public address in public DNS (an internal view is not what they see).`,
    });
  }
  return makeIssue('dns.mixed_addresses', [], {
    params,
    hint: `Remove the non-public addresses from ${host.name} in public DNS; partners may pick one they cannot reach.`,
  });
}

/** The `srv-target` check of one target. */
async function checkTarget(
  context: LiveContext,
  domain: string,
  record: SrvRecord,
  selected: boolean,
): Promise<{ check: Check; target: TargetReport; host: HostAddresses }> {
  const start = performance.now();
  const host = await hostAddresses(context, record.target);
  const issues: Issue[] = [...host.problems];
  if (host.addresses.length === 0 && host.complete) {
    issues.push(
      makeIssue('dns.target_no_address', [], {
        params: { target: record.target },
        hint: `Publish an A (or AAAA) record for ${record.target} with the Access Edge's public address.`,
      }),
    );
  }
  // RFC 2782: "the name MUST NOT be an alias (in the sense of RFC 1034 or RFC 2181)".
  if (host.aliases.length > 0) {
    issues.push(
      makeIssue('dns.target_is_alias', [], {
        params: { target: record.target, alias: host.aliases[host.aliases.length - 1]! },
        hint: `Replace the CNAME at ${record.target} with A/AAAA records, or point the SRV record at the canonical name if it is in ${domain}.`,
      }),
    );
  }
  const cls = addressClassIssue(host);
  if (cls) issues.push(cls);
  const check: Check = {
    id: 'srv-target',
    subject: record.target,
    status: checkStatus(issues),
    issues,
    evidence: {
      domains: [domain],
      port: record.port,
      selected,
      addresses: host.addresses.map((address) => ({ address, class: host.classes[address] })),
      ...(host.aliases.length > 0 ? { aliases: host.aliases } : {}),
      ...(host.source ? { source: host.source } : {}),
    },
    durationMs: ms(start),
  };
  return {
    check,
    host,
    target: {
      target: record.target,
      port: record.port,
      selected,
      addresses: host.addresses,
      aliases: host.aliases,
    },
  };
}

/** The near-miss owner names for a domain (RULES §8). */
export function nearMissNames(domain: string): string[] {
  return [
    `_sipfederationtls.tcp.${domain}`,
    `${FEDERATION_SRV_PREFIX}.${domain}.${domain}`,
    `sipfederationtls._tcp.${domain}`,
    `_sipfederationtls._udp.${domain}`,
  ];
}

const srvText = (r: SrvAnswer) =>
  `${r.priority} ${r.weight} ${r.port} ${r.target === '' ? '.' : `${r.target}.`}`;

/** The `related` check: `_sip._tls.D` SRV, `sip.D`, `lyncdiscover.D`, for context. */
async function checkRelated(context: LiveContext, domain: string): Promise<Check> {
  const start = performance.now();
  const sipTls = `_sip._tls.${domain}`;
  const [srv, sip, discover] = await Promise.all([
    context.lookup(sipTls, 'SRV'),
    hostAddresses(context, `sip.${domain}`),
    context.lookup(`lyncdiscover.${domain}`, 'A'),
  ]);
  const issues: Issue[] = [];
  const found: Record<string, unknown> = {};
  const related = (name: string, type: string, data: string) => {
    issues.push(makeIssue('dns.related_record', [], { params: { name, type, data } }));
    found[`${name} ${type}`] = data;
  };
  if (srv.kind === 'answer') {
    // MS-DNS: `_sip._tls.<domain>` SRV, port 443, for remote user access (not federation).
    for (const record of srv.records) if (record.type === 'SRV') related(sipTls, 'SRV', srvText(record));
  }
  if (sip.addresses.length > 0) related(`sip.${domain}`, 'A/AAAA', sip.addresses.join(', '));
  if (discover.kind === 'answer' || discover.kind === 'nodata') {
    const alias = discover.aliases[0];
    if (alias) related(`lyncdiscover.${domain}`, 'CNAME', alias.target);
    else if (discover.kind === 'answer')
      related(`lyncdiscover.${domain}`, 'A', addressesOf(discover).join(', '));
  }
  for (const outcome of [srv, discover]) {
    const problem = lookupIssue(outcome, context);
    if (problem) issues.push(problem);
  }
  issues.push(...sip.problems);
  return {
    id: 'related',
    subject: domain,
    status: checkStatus(issues),
    issues,
    evidence: { records: found },
    durationMs: ms(start),
  };
}

/**
 * The live checks of one SIP domain, with a given per-run context. Used by `runPreflight`; most
 * callers want {@link checkDomainFederation}.
 */
export async function checkDomainWith(
  context: LiveContext,
  sipDomain: string,
  accessEdgeFqdns: readonly string[] = [],
): Promise<DomainReport> {
  const start = performance.now();
  const domain = normalise(sipDomain);
  const owner = `${FEDERATION_SRV_PREFIX}.${domain}`;
  const relatedPending = checkRelated(context, domain);
  const outcome = await context.lookup(owner, 'SRV');
  const issues: Issue[] = [];
  const evidence: Record<string, unknown> = { name: owner };
  const checks: Check[] = [];
  const targets: TargetReport[] = [];
  let records: SrvRecord[] = [];
  let selected: SrvRecord | undefined;

  if (outcome.kind === 'answer') {
    records = outcome.records
      .filter((r): r is SrvAnswer => r.type === 'SRV')
      .map(({ priority, weight, port, target, ttl }) => ({ priority, weight, port, target, ttl }));
    evidence.records = records;
    if (outcome.aliases.length > 0)
      evidence.aliases = outcome.aliases.map((a) => `${a.name} CNAME ${a.target}`);
    const verdict = evaluateFederationSrv(domain, records, { accessEdgeFqdns: [...accessEdgeFqdns] });
    issues.push(...verdict.issues);
    // Selection as the Access Edge does it, also when the set as a whole fails.
    selected = verdict.ok ? verdict.value.selected : selectFederationRecord(records);
    // Every distinct real target, the selected one first; Microsoft 365 edges are Microsoft's business.
    const distinct = new Map<string, SrvRecord>();
    if (selected) distinct.set(selected.target, selected);
    for (const record of records)
      if (record.target !== '' && !distinct.has(record.target)) distinct.set(record.target, record);
    const results = await Promise.all(
      [...distinct.values()]
        .filter((record) => !isMicrosoftOnlineEdge(record.target))
        .map((record) => checkTarget(context, domain, record, record === selected)),
    );
    for (const result of results) {
      checks.push(result.check);
      targets.push(result.target);
    }
    if (selected) evidence.selected = selected;
  } else if (outcome.kind === 'nxdomain' || outcome.kind === 'nodata') {
    // "The record is missing" — a verdict on the domain (RULES §8), with the RCODE that said so.
    const missing = evaluateFederationSrv(domain, [], { accessEdgeFqdns: [...accessEdgeFqdns] }).issues[0]!;
    issues.push(
      makeIssue('srv.missing', [], {
        params: { ...missing.params, rcode: outcome.rcode },
        ...(missing.hint ? { hint: missing.hint } : {}),
      }),
    );
    evidence.rcode = outcome.rcode;
    const near = await Promise.all(nearMissNames(domain).map((name) => context.lookup(name, 'SRV')));
    const nearMisses: Record<string, string[]> = {};
    for (const found of near) {
      if (found.kind !== 'answer') continue;
      const texts = found.records.filter((r): r is SrvAnswer => r.type === 'SRV').map(srvText);
      nearMisses[found.name] = texts;
      issues.push(
        makeIssue('srv.near_miss', [], {
          params: { name: found.name, expected: owner, records: texts.join('; ') },
          hint: `Move the record to ${owner}: ${missing.hint?.replace(/^Publish in public DNS: /, '') ?? owner}`,
        }),
      );
    }
    if (Object.keys(nearMisses).length > 0) evidence.nearMisses = nearMisses;
  } else {
    const problem = lookupIssue(outcome, context)!;
    issues.push(problem);
    if ('rcode' in outcome) evidence.rcode = outcome.rcode;
  }
  if (outcome.server) evidence.server = outcome.server;
  if (outcome.source) evidence.source = outcome.source; // `planned` answers say so (RULES §11)

  const srvCheck: Check = {
    id: 'srv',
    subject: domain,
    status: checkStatus(issues),
    issues,
    evidence,
    durationMs: ms(start),
  };
  const related = await relatedPending;
  const all = [srvCheck, ...checks, related];
  return {
    domain,
    status: worst(all),
    records,
    ...(selected ? { selected } : {}),
    targets,
    checks: all,
  };
}

const ORDER: Check['status'][] = ['skipped', 'pass', 'warn', 'inconclusive', 'fail'];
function worst(checks: readonly Check[]): Check['status'] {
  let status: Check['status'] = 'skipped';
  for (const check of checks) if (ORDER.indexOf(check.status) > ORDER.indexOf(status)) status = check.status;
  return status;
}

/**
 * Checks one SIP domain live: the `_sipfederationtls._tcp` SRV record (RULES §7 via
 * `evaluateFederationSrv`), the A/AAAA/CNAME of every target, near-miss owner names when the record
 * is missing, and related records for context. Never rejects.
 *
 * @param sipDomain - the SIP domain, e.g. `contoso.com` (normalised: lower-case, no trailing dot).
 * @param options - resolver options (`nameservers`, `timeoutMs`…) or a `resolver`, `accessEdgeFqdns`,
 *   `concurrency` (@default 16), `signal`.
 * @returns a {@link DomainReport} with checks `srv` (codes of RULES §7, `srv.missing` with
 *   `params.rcode`, `srv.near_miss`), `srv-target` per target (`dns.target_no_address`,
 *   `dns.target_is_alias`, `dns.private_address`, `dns.mixed_addresses`) and `related`
 *   (`dns.related_record`); any of them may carry the inconclusive `dns.timeout`,
 *   `dns.server_failure`, `dns.network_error`, `dns.malformed_response`, `dns.deadline_exceeded`.
 * @example
 * const report = await checkDomainFederation('contoso.com', { nameservers: ['192.0.2.53'] });
 * console.log(report.status, report.selected);
 */
export async function checkDomainFederation(
  sipDomain: string,
  given?: LiveOptions | null,
): Promise<DomainReport> {
  const options: LiveOptions = given ?? {};
  // Nothing rejects (INTERFACE): input that is not a domain name at all is an issue, not a lookup.
  const read = readStringInput(sipDomain);
  if (!read.ok) {
    const subject = typeof sipDomain === 'string' ? sipDomain : '';
    const check: Check = { id: 'srv', subject, status: 'fail', issues: [read.issue], durationMs: 0 };
    return { domain: subject, status: 'fail', records: [], targets: [], checks: [check] };
  }
  const edges = Array.isArray(options.accessEdgeFqdns)
    ? options.accessEdgeFqdns.filter((edge): edge is string => typeof edge === 'string')
    : [];
  return checkDomainWith(createLiveContext(options), read.text, edges);
}
