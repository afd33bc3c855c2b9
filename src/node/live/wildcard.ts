/**
 * RULES §8 `dns.wildcard_answer`: an answer synthesised from a wildcard (RFC 4592) is detected by
 * asking a random label (`_pic-preflight-<nonce>`) under the same parent: the same records back
 * mean the name matched only the wildcard, which is then located at the closest encloser.
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

/** Ancestors walked at most when looking for the wildcard's owner. */
const MAX_ENCLOSER_STEPS = 8;

/**
 * The wildcard that synthesised `records` (the answer for `name`), or undefined when a random label
 * under the same parent does not get the same records (or no answer). RFC 4592: the wildcard is
 * `*.<closest encloser>`, the deepest ancestor that exists; an ancestor that does not exist is
 * answered by the same wildcard, so the walk goes up while the ancestor gets the same records too.
 */
export async function wildcardOf(
  context: LiveContext,
  name: string,
  type: RecordType,
  records: readonly AnswerRecord[],
): Promise<string | undefined> {
  const own = records.filter((r) => r.type === type);
  let parent = parentOf(name);
  if (parent === '' || own.length === 0) return undefined;
  const probe = await context.lookup(`_pic-preflight-${context.nonce}.${parent}`, type);
  if (
    probe.kind !== 'answer' ||
    !sameRecordSet(
      own,
      probe.records.filter((r) => r.type === type),
    )
  )
    return undefined;
  // The closest encloser: the first ancestor that answers otherwise than the wildcard does.
  for (let step = 0; step < MAX_ENCLOSER_STEPS && parent.includes('.'); step++) {
    const ancestor = await context.lookup(parent, type);
    const synthesised =
      ancestor.kind === 'answer' &&
      sameRecordSet(
        own,
        ancestor.records.filter((r) => r.type === type),
      );
    if (!synthesised) break;
    parent = parentOf(parent);
  }
  return `*.${parent}`;
}

/** The `dns.wildcard_answer` info. */
export function wildcardIssue(name: string, wildcard: string): Issue {
  return makeIssue('dns.wildcard_answer', [], { params: { name, wildcard } });
}
