/**
 * Authoritative mode (RULES §10): resolve like a partner's resolver does — iteratively from the
 * root, RD=0, following referrals with in-bailiwick glue only — then ask EVERY authoritative server
 * of the zone that holds the name the same question, so the evidence shows lame and inconsistent
 * servers. Built on the {@link Exchanger} (one question to one server); never rejects.
 *
 * The evidence, as the live layer reads it:
 * - `path`: the delegations followed to the zone that gave the final answer (root first); each
 *   step's NS names (sorted) and the addresses used (glue, or looked up).
 * - `servers`: every server of the zone that holds the name — the referral's NS names, then the
 *   zone's own apex NS names it did not list, each address — in that order; the outcome is the
 *   first of them that answered authoritatively. Along a CNAME chain that leaves the zone, the
 *   next zone's servers follow (each view names its `zone`). `lameReason`: `timeout`, `no_aa`,
 *   `REFUSED`, `SERVFAIL` (or another RCODE name), `network_error`, `malformed`, and `no_address` /
 *   `glueless_cycle` for an NS name without a usable address (then `server` is the NS name).
 * - No server of the root answering is our network, not the domain: no `servers` then, the
 *   reasons are in `detail`/`reason`.
 * - Delegations, apex NS sets and looked-up NS addresses are cached per resolver (one run): the
 *   root is asked once per TLD, concurrent look-ups wait on the same questions.
 */
import { createExchanger } from '../exchange.js';
import { MAX_CNAME_LINKS } from '../recursive-reading.js';
import type { Exchanger, Resolver } from '../types.js';
import { AuthoritativeWalk } from './walk.js';
import { rootZone, sharedRootPort } from './zone.js';

/** Options of {@link createAuthoritativeResolver}. */
export interface AuthoritativeResolverOptions {
  /**
   * Root servers to start from, as `host`, `host:port` or `[v6]:port` IP literals (private roots,
   * tests). @default IANA's root hints ({@link IANA_ROOT_SERVERS})
   */
  rootServers?: readonly string[];
  /** Sends one question to one server. @default a UDP/TCP exchanger with `timeoutMs` */
  exchanger?: Exchanger;
  /** Time allowed for one exchange with one server (used by the default exchanger). @default 2000 */
  timeoutMs?: number;
  /**
   * Port of every name server found by referral or look-up (glue carries no port).
   * @default the port every `rootServers` entry names, when they all name the same one (a private
   *   hierarchy on one port, as in tests); else 53
   */
  port?: number;
  /**
   * Also use the IPv6 addresses of name servers (root hints, glue, AAAA lookups). Off by default:
   * on a host without an IPv6 route every IPv6 server would read as lame. @default false
   */
  ipv6?: boolean;
}

/** The defaults and limits of {@link createAuthoritativeResolver} (RULES §10). */
export const AUTHORITATIVE_DEFAULTS = Object.freeze({
  timeoutMs: 2000,
  port: 53,
  ipv6: false,
  /** Referrals followed for one question, glueless look-ups included. */
  maxReferrals: 16,
  /** Exchanges for one question, glueless look-ups and CNAME chases included. */
  maxQueries: 200,
  /** CNAME links followed, across zones (RULES §8). */
  maxCnameLinks: MAX_CNAME_LINKS,
  /**
   * Root servers tried per question before giving up (a network that drops port 53 would otherwise
   * wait 13 × `timeoutMs` on IANA's roots); a failure is remembered for the resolver's run.
   */
  rootTries: 3,
});

/**
 * Creates a resolver that answers as the zone's authoritative servers do (RULES §10).
 *
 * @param options - root servers, exchanger, per-exchange timeout, name server port, IPv6.
 * @returns a {@link Resolver} whose outcomes carry `source: 'authoritative'`, the delegation `path`
 *   and every server's view (`servers`); kinds `answer`, `nxdomain`, `nodata`, `cname_loop`,
 *   `resolution_limit` (over 16 referrals, over 200 queries, a glueless cycle), and
 *   `server_failure`/`timeout`/`network_error` when no server of a zone answered authoritatively.
 * @throws TypeError for a root server that is not an IP literal (a configuration error).
 * @example
 * const resolver = createAuthoritativeResolver({ rootServers: ['127.0.0.1:5300'] });
 * const outcome = await resolver.lookup('_sipfederationtls._tcp.contoso.com', 'SRV');
 */
export function createAuthoritativeResolver(options: AuthoritativeResolverOptions = {}): Resolver {
  const port = options.port ?? sharedRootPort(options.rootServers) ?? AUTHORITATIVE_DEFAULTS.port;
  const ipv6 = options.ipv6 ?? AUTHORITATIVE_DEFAULTS.ipv6;
  const timeoutMs = options.timeoutMs ?? AUTHORITATIVE_DEFAULTS.timeoutMs;
  const { maxReferrals, maxQueries, maxCnameLinks, rootTries } = AUTHORITATIVE_DEFAULTS;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new TypeError(`Invalid port ${port}`);
  const exchanger = options.exchanger ?? createExchanger({ timeoutMs });
  const root = rootZone(options.rootServers, port, ipv6);
  const walk = new AuthoritativeWalk({
    port,
    ipv6,
    timeoutMs,
    exchanger,
    root,
    maxReferrals,
    maxQueries,
    maxCnameLinks,
    rootTries,
  });
  return { lookup: (name, type, lookupOptions) => walk.lookup(name, type, lookupOptions) };
}
