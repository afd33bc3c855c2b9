/**
 * RULES §8: the address checks of one host name — an SRV target (`srv-target`) or a declared Access
 * Edge FQDN (`edge`): no address (the one pure rule for both), alias, private or mixed addresses,
 * and in authoritative mode each server's answer and the split view.
 */
import { addressClassIssue } from '../../core/dns-facts/address-class-issue.js';
import { type AddressRole, noAddressIssue } from '../../core/dns-facts/no-address.js';
import type { SrvRecord } from '../../core/federation/federation.js';
import type { Check } from '../../core/report/report-types.js';
import { checkStatus } from '../../core/report/status.js';
import { type Issue, makeIssue } from '../../core/result.js';
import type { LookupOutcome, ServerView } from '../dns/types.js';
import { addressesIn, addressesOf, classify, type HostAddresses, hostAddresses } from './addresses.js';
import type { LiveContext } from './context.js';
import type { TargetReport } from './options.js';
import { dropCouldNotAsk, lameServerIssues, resolutionEvidence, serverSetIssues } from './server-views.js';
import { type SplitViewEvidence, splitView } from './split-view.js';

/** The address rules on a set of facts (also run on each authoritative server's answer). */
function addressIssues(
  host: Pick<HostAddresses, 'name' | 'addresses' | 'complete'>,
  role: AddressRole,
): Issue[] {
  const facts = { ...host, classes: classify(host.addresses) };
  return [noAddressIssue(facts, role), addressClassIssue(facts)].filter((i): i is Issue => i !== undefined);
}

/** The rule on one server's answer to one family, with the other family's addresses as found. */
function ruleOnView(host: HostAddresses, other: LookupOutcome, role: AddressRole) {
  return (view: ServerView): Issue[] => {
    const addresses = [...addressesIn(view.records ?? []), ...addressesOf(other)];
    return addressIssues({ name: host.name, addresses, complete: host.complete }, role);
  };
}

/** Authoritative findings of the A and AAAA lookups: lame and inconsistent servers, split view. */
async function hostViews(
  context: LiveContext,
  host: HostAddresses,
  issues: Issue[],
  role: AddressRole,
): Promise<Record<string, unknown>> {
  const [a, aaaa] = host.outcomes;
  const evidence: Record<string, unknown> = {};
  // A lame server is one finding, whichever family showed it.
  const lame = new Map<string, Issue>();
  const lameA = lameServerIssues(a);
  const lameAaaa = lameServerIssues(aaaa);
  dropCouldNotAsk(issues, a, lameA);
  dropCouldNotAsk(issues, aaaa, lameAaaa);
  for (const found of [...lameA, ...lameAaaa])
    if (!lame.has(`${found.params?.server} ${found.params?.zone}`))
      lame.set(`${found.params?.server} ${found.params?.zone}`, found);
  issues.push(
    ...lame.values(),
    ...serverSetIssues(a, issues, ruleOnView(host, aaaa, role)),
    ...serverSetIssues(aaaa, issues, ruleOnView(host, a, role)),
  );
  const views: SplitViewEvidence[] = [];
  for (const split of await Promise.all([splitView(context, a), splitView(context, aaaa)])) {
    if (!split) continue;
    issues.push(split.issue);
    views.push(split.view);
  }
  if (views.length > 0) evidence.views = views;
  const resolution = resolutionEvidence(host.outcomes);
  if (resolution) evidence.resolution = resolution;
  return evidence;
}

/** The issues and evidence of one host's addresses. */
async function hostCheck(
  context: LiveContext,
  name: string,
  role: AddressRole,
  domain?: string,
): Promise<{ host: HostAddresses; issues: Issue[]; evidence: Record<string, unknown> }> {
  const host = await hostAddresses(context, name);
  const issues: Issue[] = [...host.problems, ...addressIssues(host, role)];
  // RFC 2782: "the name MUST NOT be an alias (in the sense of RFC 1034 or RFC 2181)".
  if (role === 'target' && host.aliases.length > 0) {
    issues.push(
      makeIssue('dns.target_is_alias', [], {
        params: {
          target: name,
          alias: host.aliases[host.aliases.length - 1]!,
          ...(domain ? { domain } : {}),
        },
      }),
    );
  }
  const views = await hostViews(context, host, issues, role);
  const evidence: Record<string, unknown> = {
    addresses: host.addresses.map((address) => ({ address, class: host.classes[address] })),
    ...(host.aliases.length > 0 ? { aliases: host.aliases } : {}),
    ...views,
  };
  // Which view answered (a skipped lookup was answered by none).
  const answered = host.outcomes.filter((outcome) => outcome.kind !== 'skipped');
  const source = answered[0]?.source ?? answered[1]?.source;
  if (source && source !== 'recursive') evidence.source = source;
  return { host, issues, evidence };
}

/** The `srv-target` check of one SRV target. */
export async function checkTarget(
  context: LiveContext,
  domain: string,
  record: SrvRecord,
  selected: boolean,
): Promise<{ check: Check; target: TargetReport; host: HostAddresses }> {
  const start = performance.now();
  const { host, issues, evidence } = await hostCheck(context, record.target, 'target', domain);
  const check: Check = {
    id: 'srv-target',
    subject: record.target,
    status: checkStatus(issues),
    issues,
    evidence: { domains: [domain], port: record.port, selected, ...evidence },
    durationMs: Math.round(performance.now() - start),
  };
  const target: TargetReport = {
    target: record.target,
    port: record.port,
    selected,
    addresses: host.addresses,
    aliases: host.aliases,
  };
  return { check, host, target };
}

/** The `edge` check of one Access Edge FQDN: `dns.edge_no_address`, `dns.private_address`, `dns.mixed_addresses`. */
export async function checkEdge(
  context: LiveContext,
  edge: { fqdn: string; domains: string[] },
): Promise<{ check: Check; host: HostAddresses }> {
  const start = performance.now();
  const { host, issues, evidence } = await hostCheck(context, edge.fqdn, 'edge');
  const check: Check = {
    id: 'edge',
    subject: edge.fqdn,
    status: checkStatus(issues),
    issues,
    evidence: { sipDomains: edge.domains, ...evidence },
    durationMs: Math.round(performance.now() - start),
  };
  return { check, host };
}
