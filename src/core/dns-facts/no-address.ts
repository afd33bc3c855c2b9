/**
 * RULES §8 "has no A/AAAA record", once, as a pure function of fetched facts: used for SRV targets
 * (`dns.target_no_address`) and Access Edge FQDNs (`dns.edge_no_address`) alike.
 */
import { type Issue, makeIssue } from '../result.js';

/** What the A and AAAA lookups of one host name came to. */
export interface AddressFacts {
  /** The host name asked (lower case, no trailing dot). */
  name: string;
  /** Every A and AAAA address found (after any CNAME chain). */
  addresses: readonly string[];
  /** True when both lookups gave a verdict (answer, NXDOMAIN or NODATA), so "none" is a fact. */
  complete: boolean;
}

/** Whose address it is: an SRV target or a declared Access Edge FQDN. */
export type AddressRole = 'target' | 'edge';

/** True when the facts prove the name has no address: both lookups answered and none gave one. */
export function hasNoAddress(facts: AddressFacts): boolean {
  return facts.complete && facts.addresses.length === 0;
}

/** `dns.target_no_address` / `dns.edge_no_address` (E) when the facts prove there is no address. */
export function noAddressIssue(facts: AddressFacts, role: AddressRole): Issue | undefined {
  if (!hasNoAddress(facts)) return undefined;
  if (role === 'target') {
    return makeIssue('dns.target_no_address', [], {
      params: { target: facts.name },
    });
  }
  return makeIssue('dns.edge_no_address', [], {
    params: { fqdn: facts.name },
  });
}
