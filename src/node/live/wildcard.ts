/**
 * RULES §8 `dns.wildcard_answer`: an answer synthesised from a wildcard (RFC 4592) is detected by
 * asking a random label (`_pic-preflight-<nonce>`) under the same parent: the same records back
 * mean the name matched only the wildcard.
 */
import { sameRecordSet } from '../../core/dns-facts/record-sets.js';
import { type Issue, makeIssue } from '../../core/result.js';
import type { AnswerRecord, RecordType } from '../dns/types.js';
import type { LiveContext } from './context.js';

/** The name's parent (the name without its first label). */
export function parentOf(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

/**
 * `*.parent` when `records` (the answer for `name`) are what a random label under the same parent
 * gets too; undefined otherwise (or when the probe gives no answer).
 */
export async function wildcardOf(
  context: LiveContext,
  name: string,
  type: RecordType,
  records: readonly AnswerRecord[],
): Promise<string | undefined> {
  const parent = parentOf(name);
  if (parent === '') return undefined;
  const probe = await context.lookup(`_pic-preflight-${context.nonce}.${parent}`, type);
  if (probe.kind !== 'answer') return undefined;
  const own = records.filter((r) => r.type === type);
  const synthesised = probe.records.filter((r) => r.type === type);
  return own.length > 0 && sameRecordSet(own, synthesised) ? `*.${parent}` : undefined;
}

/** The `dns.wildcard_answer` info. */
export function wildcardIssue(name: string, wildcard: string): Issue {
  return makeIssue('dns.wildcard_answer', [], { params: { name, wildcard } });
}
