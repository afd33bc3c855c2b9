/**
 * RULES §10, authoritative mode: what the zone's servers said, one by one. `dns.lame_server` per
 * lame server (E when none answered authoritatively), `dns.inconsistent_servers` when their answer
 * sets differ (E when one set fails a rule another passes), issues only some servers' answers
 * produce named in `params.servers`, and the evidence (delegation path, each server's answer).
 */
import { recordSet } from '../../core/dns-facts/record-sets.js';
import { type Issue, makeIssue } from '../../core/result.js';
import type { LookupOutcome, ServerView } from '../dns/types.js';

/** The evidence of one lookup in authoritative mode (see the report: `evidence.resolution`). */
export interface LookupEvidence {
  name: string;
  type: string;
  path?: { zone: string; nameservers: string[]; addresses: string[] }[];
  servers?: {
    server: string;
    nameserver?: string;
    zone: string;
    outcome: ServerView['outcome'];
    lameReason?: string;
    records?: string[];
  }[];
}

/** `evidence.resolution` of a check: which view answered and, in authoritative mode, how. */
export function resolutionEvidence(
  outcomes: readonly LookupOutcome[],
): { source: string; lookups: LookupEvidence[] } | undefined {
  const lookups: LookupEvidence[] = [];
  let source: string | undefined;
  for (const outcome of outcomes) {
    if (outcome.source && outcome.source !== 'recursive') source ??= outcome.source;
    if (!outcome.path && !outcome.servers) continue;
    const entry: LookupEvidence = { name: outcome.name, type: outcome.type };
    if (outcome.path) entry.path = outcome.path.map((step) => ({ ...step }));
    if (outcome.servers) entry.servers = outcome.servers.map(viewEvidence);
    lookups.push(entry);
  }
  if (source === undefined && lookups.length === 0) return undefined;
  return { source: source ?? 'recursive', lookups };
}

function viewEvidence(view: ServerView): NonNullable<LookupEvidence['servers']>[number] {
  const entry: NonNullable<LookupEvidence['servers']>[number] = {
    server: view.server,
    zone: view.zone,
    outcome: view.outcome,
  };
  if (view.nameserver !== undefined) entry.nameserver = view.nameserver;
  if (view.lameReason !== undefined) entry.lameReason = view.lameReason;
  // A server of a zone along a CNAME chain answers with the alias: show it, not "no records".
  const aliases = (view.aliases ?? []).map((alias) => `CNAME ${alias.target}.`);
  if (view.records !== undefined || aliases.length > 0)
    entry.records = [...aliases, ...recordSet(view.records ?? [])];
  return entry;
}

/** `dns.lame_server` for each lame server of the outcome: W, or E when no server was authoritative. */
export function lameServerIssues(outcome: LookupOutcome): Issue[] {
  const views = outcome.servers ?? [];
  const lame = views.filter((view) => view.outcome === 'lame');
  if (lame.length === 0) return [];
  // Per zone: along a CNAME chain the views span several zones, each judged on its own servers.
  const answering = new Set(views.filter((view) => view.outcome !== 'lame').map((view) => view.zone));
  return lame
    .map((view) => ({ view, none: !answering.has(view.zone) }))
    .map(({ view, none }) =>
      makeIssue('dns.lame_server', [], {
        params: {
          name: outcome.name,
          type: outcome.type,
          server: view.server,
          zone: view.zone,
          reason: view.lameReason ?? 'lame',
          ...(view.nameserver ? { nameserver: view.nameserver } : {}),
          ...(none ? { none } : {}),
        },
        ...(none ? { severity: 'error' as const } : {}),
      }),
    );
}

/** The answer of one server as a comparable key (outcome, CNAME links and record set). */
function viewKey(view: ServerView): string {
  const aliases = (view.aliases ?? []).map((alias) => `${alias.name} CNAME ${alias.target}`).sort();
  return `${view.outcome} ${aliases.join(' | ')} ${recordSet(view.records ?? []).join(' | ')}`;
}

/** The answering views of each zone, in the order the zones were asked (a CNAME chain crosses zones). */
function viewsByZone(outcome: LookupOutcome): Map<string, ServerView[]> {
  const zones = new Map<string, ServerView[]>();
  for (const view of outcome.servers ?? []) {
    if (view.outcome === 'lame') continue;
    const list = zones.get(view.zone);
    if (list) list.push(view);
    else zones.set(view.zone, [view]);
  }
  return zones;
}

/**
 * Runs `rule` on every distinct answer set among the authoritative servers of the zone that gave
 * the final answer (along a CNAME chain, the earlier zones only hold the alias: their servers are
 * compared with each other, and no §7/§8 rule runs on an alias). Adds `params.servers` to the issues
 * in `main` that only some servers' answers produce, returns the issues only other servers' answers
 * produce, and `dns.inconsistent_servers` for each zone whose servers' answers differ.
 */
export function serverSetIssues(
  outcome: LookupOutcome,
  main: Issue[],
  rule: (view: ServerView) => Issue[],
): Issue[] {
  const zones = [...viewsByZone(outcome)];
  const extra: Issue[] = [];
  zones.forEach(([zone, views], index) => {
    const final = index === zones.length - 1;
    const groups = new Map<string, { servers: string[]; issues: Issue[] }>();
    for (const view of views) {
      const key = viewKey(view);
      const group = groups.get(key);
      if (group) group.servers.push(view.server);
      else groups.set(key, { servers: [view.server], issues: final ? rule(view) : [] });
    }
    if (groups.size < 2) return;
    const failsSomewhere = final && markPartialIssues([...groups.values()], main, extra);
    extra.push(
      makeIssue('dns.inconsistent_servers', [], {
        params: {
          name: outcome.name,
          type: outcome.type,
          zone,
          sets: groups.size,
          servers: [...groups.values()].map((g) => g.servers.join(' + ')).join(' / '),
        },
        ...(failsSomewhere ? { severity: 'error' as const } : {}),
      }),
    );
  });
  return extra;
}

/**
 * Names in `params.servers` the servers behind each issue only some answer sets produce (in `main`,
 * or added to `extra` when only another set produced it). True when such an issue is an error.
 */
function markPartialIssues(
  groups: readonly { servers: string[]; issues: Issue[] }[],
  main: Issue[],
  extra: Issue[],
): boolean {
  let failsSomewhere = false;
  const codes = new Set<Issue['code']>();
  for (const group of groups) for (const issue of group.issues) codes.add(issue.code);
  for (const code of codes) {
    const having = groups.filter((g) => g.issues.some((issue) => issue.code === code));
    if (having.length === groups.length) continue;
    const servers = having.flatMap((g) => g.servers).join(', ');
    const own = main.filter((issue) => issue.code === code);
    const found = own.length > 0 ? own : [having[0]!.issues.find((issue) => issue.code === code)!];
    for (const issue of found) {
      issue.params = { ...issue.params, servers };
      if (issue.severity === 'error') failsSomewhere = true;
    }
    if (own.length === 0) extra.push(...found);
  }
  return failsSomewhere;
}

/**
 * When no server of the zone answered authoritatively, `dns.lame_server` (E) is the verdict: the
 * "could not ask" issue of that same lookup goes (partners cannot resolve the name either).
 */
export function dropCouldNotAsk(issues: Issue[], outcome: LookupOutcome, lame: readonly Issue[]): void {
  if (!lame.some((issue) => issue.severity === 'error')) return;
  for (let i = issues.length - 1; i >= 0; i--) {
    const issue = issues[i]!;
    if (
      issue.inconclusive &&
      issue.params?.name === outcome.name &&
      (issue.params?.type ?? outcome.type) === outcome.type
    )
      issues.splice(i, 1);
  }
}
