/**
 * Reading one reply in recursive mode (RULES §8): the CNAME chain it shows (joined across re-asks),
 * then `answer`, `nxdomain`, `server_failure`, `referral`, `nodata`, `cname_loop`, or a re-ask for
 * the chain's end when it left the server's zones.
 */
import type {
  AnswerRecord,
  CnameAnswer,
  DnsReply,
  LookupOutcome,
  OutcomeSource,
  RecordType,
} from './types.js';
import { isAnswerRecord } from './wire.js';

/** Most CNAME links followed for one lookup, across re-asks (RULES §8). */
export const MAX_CNAME_LINKS = 8;

/** What one reply says, read in recursive mode (RULES §8). */
export type Reading =
  | { kind: 'final'; outcome: LookupOutcome }
  /** A CNAME chain without the final records and without a proof for its end: ask for `next`. */
  | { kind: 'reask'; next: string };

/** NS records of a referral (no AA, no answer, NS and no SOA in the authority section), if it is one. */
function referralOf(reply: DnsReply): { zone: string; nameservers: string[] } | undefined {
  if (reply.aa || reply.answers.length > 0) return undefined;
  if (reply.authority.some((r) => r.type === 'SOA')) return undefined;
  const ns = reply.authority.filter((r) => r.type === 'NS');
  if (ns.length === 0) return undefined;
  const zone = ns[0]!.name;
  const nameservers = [...new Set(ns.filter((r) => r.name === zone).map((r) => r.target))].sort();
  return { zone, nameservers };
}

/**
 * Reads a reply to `current` (asked for `type`) in recursive mode, extending `chain` (the aliases
 * followed so far, across re-asks; `seen` holds their owners and the name first asked).
 */
export function read(
  reply: DnsReply,
  current: string,
  type: RecordType,
  chain: CnameAnswer[],
  seen: Set<string>,
  base: { name: string; type: RecordType; server: string; source: OutcomeSource },
): Reading {
  const answers = reply.answers.filter(isAnswerRecord);
  const { owner, loop } =
    type === 'CNAME' ? { owner: current, loop: false } : followChain(answers, current, chain, seen);
  const aliases = [...chain];
  // A loop, or a chain over 8 links, whatever the RCODE (a SERVFAIL whose answer shows the loop too).
  if (loop) return { kind: 'final', outcome: { ...base, kind: 'cname_loop', aliases } };
  if (reply.rcode === 3)
    return { kind: 'final', outcome: { ...base, kind: 'nxdomain', rcode: 'NXDOMAIN', aliases } };
  if (reply.rcode !== 0) {
    return {
      kind: 'final',
      outcome: { ...base, kind: 'server_failure', rcode: reply.rcodeName, rcodeValue: reply.rcode },
    };
  }
  const records = answers.filter((a): a is AnswerRecord => a.type === type && a.name === owner);
  if (records.length > 0) return { kind: 'final', outcome: { ...base, kind: 'answer', records, aliases } };
  if (owner === current) {
    const referral = referralOf(reply);
    if (referral) return { kind: 'final', outcome: { ...base, kind: 'referral', ...referral } };
    return { kind: 'final', outcome: { ...base, kind: 'nodata', rcode: 'NOERROR', aliases } };
  }
  // The chain moved on in this reply but its end has no records: NODATA is proven by an SOA in the
  // authority section (RFC 2308 §2.2); without one the chain left the server's zones (RFC 1034 §5.3.3).
  if (reply.authority.some((r) => r.type === 'SOA')) {
    return { kind: 'final', outcome: { ...base, kind: 'nodata', rcode: 'NOERROR', aliases } };
  }
  return { kind: 'reask', next: owner };
}

/**
 * Follows the CNAME links of `answers` from `current`, appending them to `chain`: the chain's end,
 * and whether it loops (a target seen before) or runs over {@link MAX_CNAME_LINKS} links.
 */
function followChain(
  answers: readonly (AnswerRecord | CnameAnswer)[],
  current: string,
  chain: CnameAnswer[],
  seen: Set<string>,
): { owner: string; loop: boolean } {
  let owner = current;
  for (;;) {
    const alias = answers.find((a): a is CnameAnswer => a.type === 'CNAME' && a.name === owner);
    if (!alias) return { owner, loop: false };
    chain.push(alias);
    if (seen.has(alias.target) || chain.length > MAX_CNAME_LINKS) return { owner, loop: true };
    seen.add(alias.target);
    owner = alias.target;
  }
}
