/** The A/AAAA facts of one host name, as the live checks fetch them (RULES §8). */
import ipaddr from 'ipaddr.js';
import type { ClassifiedAddresses } from '../../core/dns-facts/address-class-issue.js';
import type { AddressClass } from '../../core/report/address-class.js';
import type { Issue } from '../../core/result.js';
import type { AddressAnswer, AnswerRecord, LookupOutcome } from '../dns/types.js';
import type { LiveContext } from './context.js';
import { lookupIssue } from './lookup-issue.js';

const RANGE_CLASS: Record<string, AddressClass> = {
  private: 'private',
  loopback: 'loopback',
  linkLocal: 'link-local',
  carrierGradeNat: 'cgnat',
  uniqueLocal: 'unique-local',
  unspecified: 'unspecified',
  multicast: 'multicast',
  broadcast: 'broadcast',
  reserved: 'reserved',
};

/**
 * The class of an IP address, with ipaddr.js ranges. IPv4-mapped IPv6 addresses are judged by
 * their IPv4 address.
 */
export function addressClass(address: string): AddressClass {
  if (!ipaddr.isValid(address)) return 'invalid';
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return RANGE_CLASS[parsed.range()] ?? 'public';
}

/** The A/AAAA addresses among records. */
export function addressesIn(records: readonly AnswerRecord[]): string[] {
  const found: string[] = [];
  for (const r of records) if (r.type === 'A' || r.type === 'AAAA') found.push((r as AddressAnswer).address);
  return found;
}

/** The addresses of an outcome (none unless it is an answer). */
export function addressesOf(outcome: LookupOutcome): string[] {
  return outcome.kind === 'answer' ? addressesIn(outcome.records) : [];
}

/** Each address with its class. */
export function classify(addresses: readonly string[]): Record<string, AddressClass> {
  const classes: Record<string, AddressClass> = {};
  for (const address of addresses) classes[address] = addressClass(address);
  return classes;
}

/** The facts about one host name's addresses: A + AAAA (CNAME chains come with the answers). */
export interface HostAddresses extends ClassifiedAddresses {
  addresses: string[];
  classes: Record<string, AddressClass>;
  /** CNAME targets in front of the addresses, in chain order. */
  aliases: string[];
  /** Issues of lookups that gave no verdict ("could not ask", or a CNAME loop). */
  problems: Issue[];
  /** The A and the AAAA outcome. */
  outcomes: [LookupOutcome, LookupOutcome];
}

/** Looks up A and AAAA of a host, concurrently. */
export async function hostAddresses(context: LiveContext, name: string): Promise<HostAddresses> {
  const [a, aaaa] = await Promise.all([context.lookup(name, 'A'), context.lookup(name, 'AAAA')]);
  const addresses = [...addressesOf(a), ...addressesOf(aaaa)];
  const aliases: string[] = [];
  for (const outcome of [a, aaaa]) {
    for (const alias of outcome.aliases ?? [])
      if (!aliases.includes(alias.target)) aliases.push(alias.target);
  }
  const problems: Issue[] = [];
  for (const outcome of [a, aaaa]) {
    const problem = lookupIssue(outcome, context);
    // A loop on both families is one finding.
    if (problem && !problems.some((p) => p.code === problem.code && problem.code === 'dns.cname_loop'))
      problems.push(problem);
  }
  return {
    name,
    addresses,
    classes: classify(addresses),
    aliases,
    complete: problems.length === 0,
    problems,
    outcomes: [a, aaaa],
  };
}
