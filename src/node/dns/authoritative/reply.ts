/**
 * Reading one reply in authoritative mode (RULES §10), pure: is it an authoritative answer, a
 * referral (and which glue may be trusted), or lame; what a server of the zone said, as a
 * {@link ServerView}; and the CNAME chain an answer holds.
 */

import { isAtOrBelow, isBelow } from '../../../core/names.js';
import type {
  AnswerRecord,
  CnameAnswer,
  DnsReply,
  ExchangeOutcome,
  NsRecord,
  QueryType,
  ServerView,
  WireRecord,
} from '../types.js';

/** Glue: addresses (as IP literals) by NS name. */
export type Glue = Map<string, string[]>;

/** What one exchange with a server of `zone` came to, for the question (name, type). */
export type Reading =
  /** AA set, NOERROR or NXDOMAIN: the server speaks for the zone that holds the name. */
  | { kind: 'authoritative'; reply: DnsReply }
  /** A delegation to `zone`, strictly below the asked zone and at or above the name. */
  | { kind: 'referral'; zone: string; nameservers: string[]; glue: Glue }
  /** Not usable: why (`timeout`, `no_aa`, `REFUSED`, `SERVFAIL`, `network_error`, `malformed`…). */
  | { kind: 'lame'; reason: string; rcode?: { name: string; value: number } };

/**
 * Classifies an exchange with a server of `zone` asked about `name`.
 * Glue is kept only for NS names inside `zone` (the referring server's bailiwick): anything else
 * could be a poisoning attempt (RFC 2181 §5.4.1) and is looked up instead.
 */
export function readExchange(outcome: ExchangeOutcome, zone: string, name: string): Reading {
  if (outcome.kind === 'timeout') return { kind: 'lame', reason: 'timeout' };
  if (outcome.kind === 'network_error') return { kind: 'lame', reason: 'network_error' };
  if (outcome.kind === 'malformed') return { kind: 'lame', reason: 'malformed' };
  const reply = outcome.reply;
  if (reply.rcode !== 0 && reply.rcode !== 3) {
    return { kind: 'lame', reason: reply.rcodeName, rcode: { name: reply.rcodeName, value: reply.rcode } };
  }
  if (reply.rcode === 0 && !reply.answers.some((r) => r.name === name)) {
    const referral = readReferral(reply, zone, name);
    if (referral) return referral;
  }
  if (!reply.aa) return { kind: 'lame', reason: 'no_aa' };
  return { kind: 'authoritative', reply };
}

function readReferral(reply: DnsReply, zone: string, name: string): Reading | undefined {
  const ns = reply.authority.filter((r): r is NsRecord => r.type === 'NS');
  // The deepest delegation offered that is strictly below the asked zone and covers the name.
  let child: string | undefined;
  for (const record of ns) {
    if (isBelow(record.name, zone) && isAtOrBelow(name, record.name)) {
      if (child === undefined || record.name.length > child.length) child = record.name;
    }
  }
  if (child === undefined) return undefined;
  const nameservers = [...new Set(ns.filter((r) => r.name === child).map((r) => r.target))].sort();
  return { kind: 'referral', zone: child, nameservers, glue: readGlue(reply.additional, nameservers, zone) };
}

/** Addresses in `section` for `nameservers` that lie inside `bailiwick`. */
export function readGlue(
  section: readonly WireRecord[],
  nameservers: readonly string[],
  bailiwick: string,
): Glue {
  const glue: Glue = new Map();
  for (const record of section) {
    if (record.type !== 'A' && record.type !== 'AAAA') continue;
    if (!nameservers.includes(record.name) || !isAtOrBelow(record.name, bailiwick)) continue;
    const list = glue.get(record.name) ?? [];
    if (!list.includes(record.address)) list.push(record.address);
    glue.set(record.name, list);
  }
  // Deterministic order, whatever the server's rotation.
  for (const list of glue.values()) list.sort();
  return glue;
}

/** The CNAME chain an answer holds for `name`, the name it ends at, and whether it loops. */
export interface Chain {
  aliases: CnameAnswer[];
  end: string;
  loop: boolean;
}

/** Follows the CNAME records of `answers` from `name` (RFC 1034 §3.6.2), stopping at a repeat. */
export function readChain(answers: readonly WireRecord[], name: string, type: QueryType): Chain {
  const aliases: CnameAnswer[] = [];
  if (type === 'CNAME') return { aliases, end: name, loop: false };
  const seen = new Set([name]);
  let end = name;
  for (;;) {
    const cname = answers.find((r): r is CnameAnswer => r.type === 'CNAME' && r.name === end);
    if (!cname) return { aliases, end, loop: false };
    aliases.push(cname);
    if (seen.has(cname.target)) return { aliases, end: cname.target, loop: true };
    seen.add(cname.target);
    end = cname.target;
  }
}

/** The records of `type` owned by `owner`. */
export function recordsOf(answers: readonly WireRecord[], owner: string, type: QueryType): AnswerRecord[] {
  return answers.filter(
    (r): r is AnswerRecord => r.type === type && r.name === owner && r.type !== 'NS' && r.type !== 'SOA',
  );
}

/**
 * Whether an authoritative reply's CNAME chain ends where this server cannot speak: outside its
 * zone, or below a delegation it shows. Its RCODE then says nothing about the chain's end.
 */
export function chainLeavesZone(reply: DnsReply, chain: Chain, zone: string): boolean {
  if (chain.aliases.length === 0) return false;
  if (!isAtOrBelow(chain.end, zone)) return true;
  return reply.authority.some(
    (r) => r.type === 'NS' && isBelow(r.name, zone) && isAtOrBelow(chain.end, r.name),
  );
}

/** What one server of `zone` said, as the evidence shows it. */
export function toServerView(
  server: string,
  nameserver: string | undefined,
  zone: string,
  reading: Reading,
  name: string,
  type: QueryType,
): ServerView {
  const base: ServerView = {
    server,
    ...(nameserver !== undefined ? { nameserver } : {}),
    zone,
    outcome: 'lame',
  };
  if (reading.kind === 'lame') return { ...base, lameReason: reading.reason };
  // A server of the zone that refers us onward for the zone itself is not authoritative for it.
  if (reading.kind === 'referral') return { ...base, lameReason: 'no_aa' };
  const chain = readChain(reading.reply.answers, name, type);
  const records = recordsOf(reading.reply.answers, chain.end, type);
  const aliases = chain.aliases.length > 0 ? { aliases: chain.aliases } : {};
  if (records.length > 0 || chainLeavesZone(reading.reply, chain, zone) || chain.loop) {
    return { ...base, outcome: 'answer', records, ...aliases };
  }
  if (reading.reply.rcode === 3) return { ...base, outcome: 'nxdomain', ...aliases };
  return { ...base, outcome: 'nodata', ...aliases };
}
