/**
 * RULES §8: live DNS checks of one SIP domain — the federation SRV record, its targets' addresses,
 * near-miss owner names and (on request) related records. The public face of `src/node/live/`;
 * each rule lives in its own file beside this one. Talks to DNS only through a `Resolver`.
 */
import { readStringInput } from '../../core/input.js';
import type { Check } from '../../core/report/report-types.js';
import { clampDelay, onAbort } from '../abort.js';
import { createLiveContext, defaultQueryBudget } from './context.js';
import { checkDomainWith } from './domain.js';
import type { DomainReport, LiveOptions } from './options.js';

export { type AddressClass, isNonPublic } from '../../core/report/address-class.js';
export { addressClass, type HostAddresses, hostAddresses } from './addresses.js';
export { createLiveContext, type LiveContext } from './context.js';
export { checkDomainWith, worstStatus } from './domain.js';
export { lookupIssue } from './lookup-issue.js';
export { nearMissNames } from './near-miss.js';
export type { DomainReport, LiveOptions, ResolutionMode, TargetReport } from './options.js';

/** The default deadline of {@link checkDomainFederation}, in milliseconds. */
export const DOMAIN_DEADLINE_MS = 30_000;

/**
 * Checks one SIP domain live: the `_sipfederationtls._tcp` SRV record (RULES §7 via
 * `evaluateFederationSrv`), the A/AAAA/CNAME of every target, near-miss owner names when the record
 * is missing, and (with `related`) related records for context. Never rejects.
 *
 * @param sipDomain - the SIP domain, e.g. `contoso.com` (normalised: lower-case, no trailing dot).
 * @param options - resolver options (`nameservers`, `timeoutMs`…) or a `resolver`, `resolution`,
 *   `rootServers`, `dohUrl`, `ca`, `compareRecursive`, `accessEdgeFqdns`, `concurrency`
 *   (@default 16), `related` (@default false), `queryBudget` (@default 1020), `deadlineMs`
 *   (@default 30000), `signal`.
 * @returns a {@link DomainReport} with checks `srv` (codes of RULES §7, `srv.missing` with
 *   `params.rcode`, `srv.near_miss`, `srv.owner_is_alias`, `dns.wildcard_answer`), `srv-target` per
 *   target (`dns.target_no_address`, `dns.target_is_alias`, `dns.private_address`,
 *   `dns.mixed_addresses`) and, with `related`, `related` (`dns.related_record`); any may carry
 *   `dns.cname_loop`, the §10 verdicts (`dns.lame_server`, `dns.inconsistent_servers`,
 *   `dns.split_view`) and the inconclusive `dns.timeout`, `dns.server_failure`, `dns.network_error`,
 *   `dns.malformed_response`, `dns.referral`, `dns.resolution_limit`, `dns.deadline_exceeded`.
 * @example
 * const report = await checkDomainFederation('contoso.com', { nameservers: ['192.0.2.53'] });
 * console.log(report.status, report.selected);
 */
export async function checkDomainFederation(
  sipDomain: string,
  given?: (LiveOptions & { deadlineMs?: number }) | null,
): Promise<DomainReport> {
  const options = given ?? {};
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
  const deadlineMs = clampDelay(options.deadlineMs ?? DOMAIN_DEADLINE_MS);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  const stopOuter = options.signal ? onAbort(options.signal, () => controller.abort()) : () => {};
  try {
    const context = createLiveContext({
      ...options,
      queryBudget: options.queryBudget ?? defaultQueryBudget(1),
      signal: controller.signal,
      deadlineMs,
    });
    return await checkDomainWith(context, read.text, edges);
  } finally {
    clearTimeout(timer);
    stopOuter();
  }
}
