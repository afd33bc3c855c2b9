/**
 * The resolver contract, free of dns2 and sockets: live checks take a `Resolver`, so unit tests can
 * pass a fake one and only `resolver.ts` talks to the network.
 */

/** Record types the live checks ask for. */
export type RecordType = 'SRV' | 'A' | 'AAAA' | 'CNAME' | 'TXT';

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

/** Fields every outcome carries. `server` is the `host:port` that gave the outcome, when one did. */
interface OutcomeBase {
  name: string;
  type: RecordType;
  server?: string;
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
  /** SERVFAIL, REFUSED or any other RCODE: the server would not say. */
  | (OutcomeBase & { kind: 'server_failure'; rcode: string; rcodeValue: number })
  /** No usable answer before the timer ran out (on every attempt), or the lookup was aborted. */
  | (OutcomeBase & { kind: 'timeout'; timeoutMs: number; aborted?: boolean; detail?: string })
  /** The query could not be sent or the connection failed (ECONNREFUSED, EHOSTUNREACH…). */
  | (OutcomeBase & { kind: 'network_error'; reason: string })
  /** An answer came that could not be decoded. */
  | (OutcomeBase & { kind: 'malformed'; reason: string });

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
