/**
 * The resolver contract, free of dns2 and sockets: live checks take a `Resolver`, so unit tests can
 * pass a fake one and only `resolver.ts` talks to the network.
 */

/** Record types the live checks ask for. */
export type RecordType = 'SRV' | 'A' | 'AAAA' | 'CNAME' | 'TXT';

/** Record types the exchange layer can ask for (the live checks' plus what iteration needs). */
export type QueryType = RecordType | 'NS' | 'SOA';

/** An SRV answer (RFC 2782). `target` is lower-case without the trailing dot; `""` is the root. */
export interface SrvAnswer {
  type: 'SRV';
  name: string;
  ttl: number;
  priority: number;
  weight: number;
  port: number;
  target: string;
}

/** An A or AAAA answer. */
export interface AddressAnswer {
  type: 'A' | 'AAAA';
  name: string;
  ttl: number;
  address: string;
}

/** A CNAME answer: `name` is an alias of `target`. */
export interface CnameAnswer {
  type: 'CNAME';
  name: string;
  ttl: number;
  target: string;
}

/** A TXT answer: its character-strings. */
export interface TxtAnswer {
  type: 'TXT';
  name: string;
  ttl: number;
  data: string[];
}

/** Any answer record. */
export type AnswerRecord = SrvAnswer | AddressAnswer | CnameAnswer | TxtAnswer;

/** Which view of DNS produced an outcome (RULES §10–§11). */
export type OutcomeSource = 'recursive' | 'authoritative' | 'doh' | 'planned';

/** One step of a delegation path, in authoritative mode: a zone, its NS names, their addresses. */
export interface DelegationStep {
  /** The zone (lower case, no trailing dot; `""` is the root). */
  zone: string;
  /** NS names of the zone. */
  nameservers: string[];
  /** Addresses used (`host:port`), glue or looked up. */
  addresses: string[];
}

/**
 * What one authoritative server of the zone said to the same question (authoritative mode).
 * `lame`: it did not answer, answered without AA, or said REFUSED/SERVFAIL (RULES §10).
 */
export interface ServerView {
  /** `host:port` asked. */
  server: string;
  /** The NS name it was asked as, when known. */
  nameserver?: string;
  /** The zone it was asked for. */
  zone: string;
  outcome: 'answer' | 'nxdomain' | 'nodata' | 'lame';
  /** Why lame: `timeout`, `no_aa`, `REFUSED`, `SERVFAIL`, `network_error`, `malformed`, … */
  lameReason?: string;
  /** Its records of the asked type (answer), as a set: order and TTL do not matter when compared. */
  records?: AnswerRecord[];
  /** Its CNAME chain, if any. */
  aliases?: CnameAnswer[];
}

/** Fields every outcome carries. `server` is the `host:port` that gave the outcome, when one did. */
interface OutcomeBase {
  name: string;
  type: RecordType;
  server?: string;
  /** Which view answered. Absent means `recursive` (the configured name servers). */
  source?: OutcomeSource;
  /** Authoritative mode: the delegation path followed to reach the zone that answered. */
  path?: DelegationStep[];
  /** Authoritative mode: every authoritative server of the zone, asked the same question. */
  servers?: ServerView[];
  /**
   * The CNAME links followed before the outcome (always on answers, NXDOMAIN and NODATA; on a
   * failure when it came at the end of a chain, so the check can name the alias and the name asked).
   */
  aliases?: CnameAnswer[];
}

/**
 * What one lookup came to. "The record is missing" (`nxdomain`, `nodata`) is a verdict on the
 * domain; `server_failure`, `timeout`, `network_error` and `malformed` mean "we could not ask".
 * A lookup never rejects: every failure is one of these.
 */
export type LookupOutcome =
  /** Records of the asked type. `aliases` is the CNAME chain the server followed, in order. */
  | (OutcomeBase & { kind: 'answer'; records: AnswerRecord[]; aliases: CnameAnswer[] })
  /** RCODE 3: the name does not exist (possibly at the end of `aliases`). */
  | (OutcomeBase & { kind: 'nxdomain'; rcode: 'NXDOMAIN'; aliases: CnameAnswer[] })
  /** RCODE 0 without records of the asked type: the name exists with other types. */
  | (OutcomeBase & { kind: 'nodata'; rcode: 'NOERROR'; aliases: CnameAnswer[] })
  /**
   * SERVFAIL, REFUSED or any other RCODE: the server would not say. DoH: an HTTP status ≠ 200, with
   * `rcode: 'HTTP <status>'`, `httpStatus` and `rcodeValue` 2 (SERVFAIL).
   */
  | (OutcomeBase & { kind: 'server_failure'; rcode: string; rcodeValue: number; httpStatus?: number })
  /** No usable answer before the timer ran out (on every attempt), or the lookup was aborted. */
  | (OutcomeBase & { kind: 'timeout'; timeoutMs: number; aborted?: boolean; detail?: string })
  /** The query could not be sent or the connection failed (ECONNREFUSED, EHOSTUNREACH…). */
  | (OutcomeBase & { kind: 'network_error'; reason: string })
  /** An answer came that could not be decoded (or was truncated on every transport). */
  | (OutcomeBase & { kind: 'malformed'; reason: string })
  /**
   * Recursive mode: a referral (no AA, no answer, NS records in the authority section). The server
   * is authoritative for a parent zone only: "could not ask" (`dns.referral`), never NXDOMAIN/NODATA.
   */
  | (OutcomeBase & { kind: 'referral'; zone: string; nameservers: string[] })
  /** A CNAME chain that loops or is longer than 8 links (`dns.cname_loop`). `aliases` as followed. */
  | (OutcomeBase & { kind: 'cname_loop'; aliases: CnameAnswer[] })
  /**
   * Authoritative mode: over 16 referrals or 200 queries for one question, or a cycle of glueless
   * name servers (`dns.resolution_limit`).
   */
  | (OutcomeBase & {
      kind: 'resolution_limit';
      limit: 'referrals' | 'queries' | 'glueless_cycle';
      detail?: string;
    })
  /**
   * Planned zones with no live resolution (`--zone … --offline`, RULES §11): the name is outside
   * every plan, or delegated to a child zone not in the plan, and nothing was asked (`dns.skipped`).
   * `aliases`: the planned CNAME links that led out of the plans.
   */
  | (OutcomeBase & { kind: 'skipped'; reason: 'offline'; aliases: CnameAnswer[] });

/** The `kind` of a lookup outcome. */
export type LookupKind = LookupOutcome['kind'];

/** Per-lookup options. */
export interface LookupOptions {
  /** Aborting ends the lookup at once (outcome `timeout` with `aborted: true`) and frees its sockets. */
  signal?: AbortSignal;
}

/** Asks DNS one question. Implementations never reject. */
export interface Resolver {
  /**
   * Looks up `name` (lower-case, no trailing dot) for `type`.
   *
   * @returns a {@link LookupOutcome}; never rejects.
   */
  lookup(name: string, type: RecordType, options?: LookupOptions): Promise<LookupOutcome>;
}

// ---------------------------------------------------------------------------------------------
// The exchange layer: one question to one server, one reply, no interpretation. The recursive
// resolver, the authoritative (iterative) resolver and DoH are built on it.

/** An NS record: `name` is delegated to (or served by) `target`. */
export interface NsRecord {
  type: 'NS';
  name: string;
  ttl: number;
  target: string;
}

/** An SOA record (the fields the checks use). */
export interface SoaRecord {
  type: 'SOA';
  name: string;
  ttl: number;
  mname: string;
  minimum: number;
}

/** A record of a type we do not interpret. */
export interface OpaqueRecord {
  type: 'OTHER';
  name: string;
  ttl: number;
  typeCode: number;
}

/** Any record of a reply's sections. Names lower case, no trailing dot. */
export type WireRecord = AnswerRecord | NsRecord | SoaRecord | OpaqueRecord;

/** A decoded reply, already matched to its query (id and question). */
export interface DnsReply {
  rcode: number;
  /** `NOERROR`, `NXDOMAIN`, `SERVFAIL`, `REFUSED`, … or `RCODE<n>`. */
  rcodeName: string;
  /** Authoritative answer. */
  aa: boolean;
  /** Truncated (only seen when no transport gave the whole message). */
  tc: boolean;
  answers: WireRecord[];
  authority: WireRecord[];
  additional: WireRecord[];
}

/** What one exchange with one server came to. Never rejects. */
export type ExchangeOutcome =
  | { kind: 'reply'; server: string; reply: DnsReply }
  | { kind: 'timeout'; server: string; timeoutMs: number; aborted?: boolean; detail?: string }
  /** `httpStatus`: DoH only, the HTTP status when it was not 200 (RULES §10: a server failure). */
  | { kind: 'network_error'; server: string; reason: string; httpStatus?: number }
  | { kind: 'malformed'; server: string; reason: string };

/** Options of one exchange. */
export interface ExchangeOptions {
  /** RD bit. @default true */
  recursionDesired?: boolean;
  signal?: AbortSignal;
}

/**
 * Sends one question to one server (UDP with TCP retry on truncation, or TCP, or DoH) and returns
 * the reply, bounded by its timeout. `server` is `host:port` / `[v6]:port` (or the DoH URL).
 */
export interface Exchanger {
  exchange(
    server: string,
    name: string,
    type: QueryType,
    options?: ExchangeOptions,
  ): Promise<ExchangeOutcome>;
}
