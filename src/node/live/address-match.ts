/**
 * RULES §8 `dns.target_address_mismatch`: an SRV target that is not a declared Access Edge FQDN and
 * shares no address with any of them. A verdict only when every edge's lookups answered.
 */
import type { Check } from '../../core/report/report-types.js';
import { checkStatus } from '../../core/report/status.js';
import { makeIssue } from '../../core/result.js';
import type { HostAddresses } from './addresses.js';

/** Adds `dns.target_address_mismatch` to the target checks that deserve it (in place). */
export function markAddressMismatches(
  targetChecks: Iterable<Check>,
  edges: readonly { fqdn: string; host?: HostAddresses }[],
): void {
  if (edges.length === 0) return;
  const edgeAddresses = new Set<string>();
  const edgeNames = new Set<string>();
  for (const edge of edges) {
    if (!edge.host?.complete) return;
    edgeNames.add(edge.fqdn);
    for (const address of edge.host.addresses) edgeAddresses.add(address);
  }
  if (edgeAddresses.size === 0) return;
  const names = [...edgeNames].join(', ');
  for (const check of targetChecks) {
    if (edgeNames.has(check.subject)) continue;
    const seen = (check.evidence?.addresses as { address: string }[] | undefined) ?? [];
    if (seen.length === 0 || seen.some((a) => edgeAddresses.has(a.address))) continue;
    check.issues.push(
      makeIssue('dns.target_address_mismatch', [], {
        params: { target: check.subject, edges: names },
      }),
    );
    check.status = checkStatus(check.issues);
  }
}
