/** Address classes and which of them no federation partner can reach. No dependency: the report renderer uses it too. */

/** Address classes. `public` also covers documentation and other IANA-reserved ranges (see {@link isNonPublic}). */
export type AddressClass =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'cgnat'
  | 'unique-local'
  | 'unspecified'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'invalid';

/**
 * Non-public for `dns.private_address` / `dns.mixed_addresses` (RULES §8): private (RFC 1918),
 * loopback, link-local, CGNAT 100.64/10 (RFC 6598), ULA fc00::/7 (RFC 4193), plus unspecified,
 * multicast and broadcast, which no partner can connect to. Documentation (RFC 5737, RFC 3849),
 * benchmarking and other IANA-reserved ranges are NOT counted: the rules do not list them and
 * examples must use them; the class is still shown in the evidence.
 */
export function isNonPublic(cls: AddressClass): boolean {
  return cls !== 'public' && cls !== 'reserved';
}
