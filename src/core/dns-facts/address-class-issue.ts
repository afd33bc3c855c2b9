/** RULES §8 `dns.private_address` / `dns.mixed_addresses`, a pure function of fetched facts. */
import { type AddressClass, isNonPublic } from '../report/address-class.js';
import { type Issue, makeIssue } from '../result.js';
import type { AddressFacts } from './no-address.js';

/** Address facts with each address's class. */
export interface ClassifiedAddresses extends AddressFacts {
  classes: Readonly<Record<string, AddressClass>>;
}

/** `dns.private_address` (E) or `dns.mixed_addresses` (W) for a name, or nothing. */
export function addressClassIssue(host: ClassifiedAddresses): Issue | undefined {
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
    });
  }
  return makeIssue('dns.mixed_addresses', [], {
    params,
  });
}
