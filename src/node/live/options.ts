/** The options and result types of the live checks (RULES §8, §10). Types only. */
import type { SrvRecord } from '../../core/federation/federation.js';
import type { Check } from '../../core/report/report-types.js';
import type { ResolverOptions } from '../dns/resolver.js';
import type { Resolver } from '../dns/types.js';

/** Whose view of DNS answers (RULES §10). */
export type ResolutionMode = 'recursive' | 'authoritative';

/** Options of the live checks. */
export interface LiveOptions extends ResolverOptions {
  /** A resolver to use instead of creating one from the options below (tests, shared batches). */
  resolver?: Resolver;
  /** The declared Access Edge FQDNs (for `srv.target_not_declared_edge` and hints). @default [] */
  accessEdgeFqdns?: string[];
  /** Queries in flight at once. @default 16 */
  concurrency?: number;
  /** Aborting ends every pending lookup at once (reported as `dns.deadline_exceeded`). */
  signal?: AbortSignal;
  /**
   * `recursive`: the configured name servers (or `dohUrl`); `authoritative`: iterative resolution
   * from the root servers, every authoritative server asked (RULES §10). @default 'recursive'
   */
  resolution?: ResolutionMode;
  /** Authoritative mode: root servers (`host[:port]`) instead of IANA's root hints. */
  rootServers?: string[];
  /** Recursive mode over DNS-over-HTTPS (RFC 8484): the `https:` URL of the DoH service. */
  dohUrl?: string;
  /** Extra trust (PEM) for DoH and the probe. */
  ca?: string | Buffer;
  /**
   * Authoritative mode: also ask the configured recursive resolver and report `dns.split_view`
   * when its answer differs. @default true in authoritative mode
   */
  compareRecursive?: boolean;
  /** The recursive view to compare with (instead of one made from `nameservers`/`dohUrl`). */
  compareResolver?: Resolver;
  /**
   * Also ask the related records (`_sip._tls`, `sip.`, `lyncdiscover.`: `dns.related_record`) and
   * check a passing SRV owner for a wildcard. They cost about as many questions again as the
   * verdict, so they are asked on request only. @default false
   */
  related?: boolean;
  /**
   * Questions the run may send at most (memo hits are free); past it a lookup is
   * `dns.resolution_limit`. @default 20 × (SIP domains + Access Edges) + 1000
   */
  queryBudget?: number;
}

/** One SRV target as seen live. */
export interface TargetReport {
  target: string;
  port: number;
  /** True for the record the Access Edge would use. */
  selected: boolean;
  /** A and AAAA addresses (after any CNAME chain). */
  addresses: string[];
  /** The CNAME chain in front of the target, if any (RFC 2782: there should be none). */
  aliases: string[];
}

/** The live verdict on one SIP domain: its `srv`, `srv-target` and (on request) `related` checks. */
export interface DomainReport {
  domain: string;
  /** Worst status among the checks. */
  status: Check['status'];
  /** The SRV records as DNS returned them. */
  records: SrvRecord[];
  /** The record the Access Edge would use, when there is one. */
  selected?: SrvRecord;
  targets: TargetReport[];
  checks: Check[];
}
