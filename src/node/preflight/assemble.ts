/**
 * The live part of a report from the per-domain and per-edge results: one `srv-target` check per
 * target for the whole run (its evidence lists the domains it serves), `dns.target_address_mismatch`,
 * and cut-off checks for work the deadline stopped. Linear in the number of checks.
 */
import type { Check } from '../../core/report/report-types.js';
import { markAddressMismatches } from '../live/address-match.js';
import type { HostAddresses } from '../live/addresses.js';
import type { DomainReport } from '../live/options.js';
import type { ProbeTarget } from '../probe/probe-edges.js';
import type { Plan } from './plan.js';
import { cutOff } from './schedule.js';

/** What the live work produced, by plan index (undefined: cut off by the deadline). */
export interface LiveResults {
  domains: (DomainReport | undefined)[];
  edges: ({ check: Check; host: HostAddresses } | undefined)[];
}

/** Appends the live checks to `checks`, in plan order. */
export function assembleLive(plan: Plan, results: LiveResults, deadlineMs: number, checks: Check[]): void {
  const targets = new Map<string, { check: Check; domains: Set<string> }>();
  for (let i = 0; i < plan.domains.length; i++) {
    const domain = plan.domains[i]!;
    const result = results.domains[i];
    if (!result) {
      checks.push(cutOff('srv', domain, deadlineMs));
      continue;
    }
    for (const check of result.checks) {
      if (check.id !== 'srv-target') {
        checks.push(check);
        continue;
      }
      const seen = targets.get(check.subject);
      if (seen) {
        if (!seen.domains.has(domain)) {
          seen.domains.add(domain);
          (seen.check.evidence?.domains as string[] | undefined)?.push(domain);
        }
        continue;
      }
      targets.set(check.subject, { check, domains: new Set([domain]) });
      checks.push(check);
    }
  }
  const edges = plan.edges.map((edge, i) => {
    const host = results.edges[i]?.host;
    return host ? { fqdn: edge.fqdn, host } : { fqdn: edge.fqdn };
  });
  markAddressMismatches(
    [...targets.values()].map((t) => t.check),
    edges,
  );
  plan.edges.forEach((edge, i) => {
    checks.push(results.edges[i]?.check ?? cutOff('edge', edge.fqdn, deadlineMs));
  });
}

/** The probe targets: each selected SRV target with its port, addresses, and every target sharing an address. */
export function probeTargetsFrom(domains: readonly DomainReport[]): ProbeTarget[] {
  const byKey = new Map<string, ProbeTarget>();
  for (const domain of domains) {
    for (const target of domain.targets) {
      if (!target.selected || target.addresses.length === 0) continue;
      const key = `${target.target}:${target.port}`;
      if (!byKey.has(key)) {
        byKey.set(key, {
          target: target.target,
          port: target.port,
          addresses: [...target.addresses],
          names: [],
        });
      }
    }
  }
  const all = [...byKey.values()];
  // Names by address, so sharing is found in one pass, not by comparing every pair.
  const byAddress = new Map<string, Set<string>>();
  for (const probe of all) {
    for (const address of probe.addresses) {
      const names = byAddress.get(address) ?? new Set<string>();
      names.add(probe.target);
      byAddress.set(address, names);
    }
  }
  for (const probe of all) {
    const names = new Set<string>([probe.target]);
    for (const address of probe.addresses) for (const name of byAddress.get(address) ?? []) names.add(name);
    probe.names = [...names];
  }
  return all;
}
