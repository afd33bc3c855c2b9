/**
 * The Microsoft 365 (Skype for Business Online / Teams) federation edges. One shared list: the
 * federation rules (RULES §7 `federation.microsoft_online_target`, `srv.mixed_targets`) and the
 * request rules (RULES §6 `request.edge_is_microsoft_online`) both read it.
 */
import { comparableName } from '../names.js';

/** Microsoft 365 federation edge FQDNs (commercial and GCC High / DoD), lower-case, no trailing dot. */
export const MICROSOFT_ONLINE_EDGES: readonly string[] = /* @__PURE__ */ Object.freeze([
  'sipfed.online.lync.com',
  'sipfed.online.gov.skypeforbusiness.us',
]);

/**
 * True when `fqdn` is a Microsoft 365 federation edge (case-insensitive, trailing dot ignored).
 *
 * @param fqdn - a host name.
 * @returns whether the name is one of {@link MICROSOFT_ONLINE_EDGES}.
 * @example
 * isMicrosoftOnlineEdge('SIPFED.online.lync.com.'); // true
 */
export function isMicrosoftOnlineEdge(fqdn: string): boolean {
  if (typeof fqdn !== 'string') return false;
  return MICROSOFT_ONLINE_EDGES.includes(comparableName(fqdn));
}
