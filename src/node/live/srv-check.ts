/**
 * RULES §7–§8, §10: the `srv` check of one SIP domain — the `_sipfederationtls._tcp` SRV lookup,
 * the record set through `evaluateFederationSrv` (records passed as received: the verdict does not
 * depend on their order), an owner that is a CNAME, wildcards, near misses, and in authoritative
 * mode each server's answer and the split view.
 */
import {
  evaluateFederationSrv,
  FEDERATION_SRV_PREFIX,
  type SrvRecord,
  selectFederationRecord,
} from '../../core/federation/federation.js';
import type { Check } from '../../core/report/report-types.js';
import { checkStatus } from '../../core/report/status.js';
import { type Issue, makeIssue } from '../../core/result.js';
import type { AnswerRecord, LookupOutcome, ServerView, SrvAnswer } from '../dns/types.js';
import type { LiveContext } from './context.js';
import { lookupIssue } from './lookup-issue.js';
import { nearMisses } from './near-miss.js';
import { dropCouldNotAsk, lameServerIssues, resolutionEvidence, serverSetIssues } from './server-views.js';
import { splitView } from './split-view.js';
import { wildcardIssue, wildcardOf } from './wildcard.js';

/** The SRV facts of a domain the target checks build on. */
export interface SrvFacts {
  check: Check;
  records: SrvRecord[];
  selected?: SrvRecord;
  /**
   * Authoritative mode: targets that only some servers' answers name (a stale secondary), with
   * those servers — their addresses are checked too (RULES §10: the rules on every answer).
   */
  otherTargets: { record: SrvRecord; servers: string[] }[];
}

/** Targets named only in other servers' answers than the one the verdict rests on. */
function otherTargetsOf(outcome: LookupOutcome, records: readonly SrvRecord[]): SrvFacts['otherTargets'] {
  const known = new Set(records.map((r) => r.target));
  const found = new Map<string, { record: SrvRecord; servers: string[] }>();
  for (const view of outcome.servers ?? []) {
    if (view.outcome !== 'answer') continue;
    for (const record of srvRecordsIn(view.records ?? [])) {
      if (record.target === '' || known.has(record.target)) continue;
      const entry = found.get(record.target) ?? { record, servers: [] };
      if (!entry.servers.includes(view.server)) entry.servers.push(view.server);
      found.set(record.target, entry);
    }
  }
  return [...found.values()];
}

/** The SRV records among answers, as plain records (the order kept). */
export function srvRecordsIn(records: readonly AnswerRecord[]): SrvRecord[] {
  return records
    .filter((r): r is SrvAnswer => r.type === 'SRV')
    .map(({ priority, weight, port, target, ttl }) => ({ priority, weight, port, target, ttl }));
}

/** The end of the owner's CNAME chain when the owner itself is an alias. */
function ownerAliasOf(outcome: LookupOutcome, owner: string): string | undefined {
  const aliases = outcome.aliases ?? [];
  if (aliases.length === 0) return undefined;
  return aliases[0]!.name === owner ? aliases[aliases.length - 1]!.target : undefined;
}

/** `srv.missing`, with the hint pointing at the end of the owner's CNAME chain when it is an alias. */
function missingIssue(
  domain: string,
  edges: readonly string[],
  rcode: string,
  alias: string | undefined,
): { issue: Issue; suggested: string } {
  // The in-domain target to suggest, as the pure rule chooses it.
  const missing = evaluateFederationSrv(domain, [], { accessEdgeFqdns: [...edges] }).issues[0]!;
  const suggested = String(missing.params?.suggested ?? `sip.${domain}`);
  // Never an SRV record beside a CNAME (RFC 1034 §3.6.2): the table's hint puts it at the chain's end.
  const issue = makeIssue('srv.missing', [], {
    params: {
      domain,
      name: `${FEDERATION_SRV_PREFIX}.${domain}`,
      suggested,
      rcode,
      ...(alias ? { alias } : {}),
    },
  });
  return { issue, suggested };
}

/** The §7 rule on one server's answer (authoritative mode), for `dns.inconsistent_servers`. */
function ruleOnView(domain: string, edges: readonly string[]) {
  return (view: ServerView): Issue[] =>
    view.outcome === 'answer'
      ? evaluateFederationSrv(domain, srvRecordsIn(view.records ?? []), { accessEdgeFqdns: [...edges] })
          .issues
      : [missingIssue(domain, edges, view.outcome === 'nxdomain' ? 'NXDOMAIN' : 'NOERROR', undefined).issue];
}

/** The `srv` check of one SIP domain. */
export async function checkSrv(
  context: LiveContext,
  domain: string,
  edges: readonly string[],
): Promise<SrvFacts> {
  const start = performance.now();
  const owner = `${FEDERATION_SRV_PREFIX}.${domain}`;
  const outcome = await context.lookup(owner, 'SRV');
  const issues: Issue[] = [];
  const evidence: Record<string, unknown> = { name: owner };
  // Which view answered, when not the configured resolver: `planned` answers say so (RULES §11).
  if (outcome.source && outcome.source !== 'recursive' && outcome.kind !== 'skipped')
    evidence.source = outcome.source;
  const facts: Omit<SrvFacts, 'check'> = { records: [], otherTargets: [] };
  const alias = ownerAliasOf(outcome, owner);
  if (outcome.aliases !== undefined && outcome.aliases.length > 0)
    evidence.aliases = outcome.aliases.map((a) => `${a.name} CNAME ${a.target}`);
  if (alias) {
    issues.push(
      makeIssue('srv.owner_is_alias', [], {
        params: { owner, alias },
      }),
    );
  }
  if (outcome.kind === 'answer') {
    facts.records = srvRecordsIn(outcome.records);
    evidence.records = facts.records;
    const verdict = evaluateFederationSrv(domain, facts.records, { accessEdgeFqdns: [...edges] });
    issues.push(...verdict.issues);
    // Selection as the Access Edge does it, also when the set as a whole fails.
    const selected = verdict.ok ? verdict.value.selected : selectFederationRecord(facts.records);
    if (selected) facts.selected = evidence.selected = selected;
    const wildcard = await ownerWildcard(context, outcome, verdict.issues);
    if (wildcard) issues.push(wildcardIssue(owner, wildcard));
  } else if (outcome.kind === 'nxdomain' || outcome.kind === 'nodata') {
    // "The record is missing" — a verdict on the domain (RULES §8), with the RCODE that said so.
    const missing = missingIssue(domain, edges, outcome.rcode, alias);
    issues.push(missing.issue);
    evidence.rcode = outcome.rcode;
    const near = await nearMisses(context, domain, alias ?? owner, missing.suggested);
    issues.push(...near.issues);
    if (Object.keys(near.found).length > 0) evidence.nearMisses = near.found;
  } else {
    issues.push(lookupIssue(outcome, context)!);
    if ('rcode' in outcome) evidence.rcode = outcome.rcode;
  }
  if (outcome.server) evidence.server = outcome.server;
  facts.otherTargets = otherTargetsOf(outcome, facts.records);
  await viewsOf(context, outcome, issues, evidence, ruleOnView(domain, edges));
  const check: Check = {
    id: 'srv',
    subject: domain,
    status: checkStatus(issues),
    issues,
    evidence,
    durationMs: Math.round(performance.now() - start),
  };
  return { check, ...facts };
}

/** A passing owner is wildcard-checked on request (`related`); a failing one always (the fix differs). */
async function ownerWildcard(
  context: LiveContext,
  outcome: Extract<LookupOutcome, { kind: 'answer' }>,
  verdict: readonly Issue[],
): Promise<string | undefined> {
  const notable = verdict.some((issue) => issue.severity !== 'info');
  if (!notable && !context.related) return undefined;
  return wildcardOf(context, outcome.name, 'SRV', outcome.records);
}

/**
 * Authoritative-mode findings of one lookup, added to `issues` and `evidence`: lame servers,
 * inconsistent servers (with `rule` run on each answer set), the split view, the delegation path.
 */
export async function viewsOf(
  context: LiveContext,
  outcome: LookupOutcome,
  issues: Issue[],
  evidence: Record<string, unknown>,
  rule: (view: ServerView) => Issue[],
): Promise<void> {
  const lame = lameServerIssues(outcome);
  dropCouldNotAsk(issues, outcome, lame);
  issues.push(...lame, ...serverSetIssues(outcome, issues, rule));
  const split = await splitView(context, outcome);
  if (split) {
    issues.push(split.issue);
    evidence.views = [split.view];
  }
  const resolution = resolutionEvidence([outcome]);
  if (resolution) evidence.resolution = resolution;
}
