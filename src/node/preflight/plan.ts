/**
 * What `runPreflight` checks live: the SIP domains and Access Edge FQDNs of a request. Linear in
 * the request's size (sets, no `includes` scans).
 */
import { isMicrosoftOnlineEdge } from '../../core/federation/microsoft-online.js';
import { checkFqdn } from '../../core/fqdn/fqdn.js';
import { isPlainObject } from '../../core/object-input.js';
import type { checkPreflightRequest } from '../../core/request/request.js';
import { checkSipDomain } from '../../core/sip-domain/sip-domain.js';

/** The live plan of a run. */
export interface Plan {
  /** SIP domains to check, in request order. */
  domains: string[];
  /** Access Edge FQDNs with the SIP domains they serve. */
  edges: { fqdn: string; domains: string[] }[];
}

/**
 * What to check live. A valid request is already normalised and checked (RULES §6: one edge per SIP
 * domain, no Microsoft 365 edge), so it is the plan as it stands. From an invalid one, every SIP
 * domain and Access Edge FQDN that is valid on its own (the rest cannot be asked about).
 */
export function planFrom(raw: unknown, valid: ReturnType<typeof checkPreflightRequest>): Plan {
  if (valid.ok) {
    // A federation-only target may have no edge (RULES §6): its domains are still checked.
    const { accessEdgeFqdn = '', sipDomains } = valid.value;
    const additional =
      'additionalAccessEdges' in valid.value ? (valid.value.additionalAccessEdges ?? []) : [];
    const edges = [{ fqdn: accessEdgeFqdn, sipDomains }, ...additional].map((edge) => ({
      fqdn: edge.fqdn,
      domains: [...(edge.sipDomains ?? [])],
    }));
    const domains: string[] = [];
    for (const edge of edges) for (const domain of edge.domains) domains.push(domain);
    return { domains, edges: edges.filter((edge) => edge.fqdn !== '') };
  }
  const plan: Plan = { domains: [], edges: [] };
  const seenDomains = new Set<string>();
  const seenEdges = new Set<string>();
  const addEdge = (fqdnInput: unknown, domainsInput: unknown) => {
    const domains: string[] = [];
    if (Array.isArray(domainsInput)) {
      for (const input of domainsInput) {
        const domain = checkSipDomain(input);
        if (domain.ok && !seenDomains.has(domain.value)) {
          seenDomains.add(domain.value);
          plan.domains.push(domain.value);
          domains.push(domain.value);
        }
      }
    }
    const fqdn = checkFqdn(fqdnInput);
    if (fqdn.ok && !isMicrosoftOnlineEdge(fqdn.value) && !seenEdges.has(fqdn.value)) {
      seenEdges.add(fqdn.value);
      plan.edges.push({ fqdn: fqdn.value, domains });
    }
  };
  if (isPlainObject(raw)) {
    addEdge(raw.accessEdgeFqdn, raw.sipDomains);
    if (Array.isArray(raw.additionalAccessEdges)) {
      for (const edge of raw.additionalAccessEdges) {
        if (isPlainObject(edge)) addEdge(edge.fqdn, edge.sipDomains);
      }
    }
  }
  return plan;
}

/** A JSON-safe copy of any value: BigInt as a string, a repeated object as "[Circular]", the rest as JSON has it. */
export function jsonSafe(value: unknown): unknown {
  const seen = new WeakSet<object>();
  try {
    const text = JSON.stringify(value, (_key, item: unknown) => {
      if (typeof item === 'bigint') return item.toString();
      if (typeof item === 'object' && item !== null) {
        if (seen.has(item)) return '[Circular]';
        seen.add(item);
      }
      return item;
    });
    return text === undefined ? null : (JSON.parse(text) as unknown);
  } catch {
    return null; // a getter that throws, a toJSON that throws
  }
}
