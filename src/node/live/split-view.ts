/**
 * RULES §10 `dns.split_view`: the configured recursive resolver (inside) against the authoritative
 * answer (outside, what partners see), compared as sets of records.
 */
import { recordSet } from '../../core/dns-facts/record-sets.js';
import { type Issue, makeIssue } from '../../core/result.js';
import type { LookupOutcome } from '../dns/types.js';
import type { LiveContext } from './context.js';
import { isVerdict } from './lookup-issue.js';

/** One side of a split view: `records` as presentation text, `none` when NXDOMAIN/NODATA. */
export interface ViewSide {
  kind: LookupOutcome['kind'];
  records: string[];
}

/** `evidence.views` entry: one question, seen inside and outside. */
export interface SplitViewEvidence {
  name: string;
  type: string;
  inside: ViewSide;
  outside: ViewSide;
}

const side = (outcome: LookupOutcome): ViewSide => ({
  kind: outcome.kind,
  records: outcome.kind === 'answer' ? recordSet(outcome.records.filter((r) => r.type === outcome.type)) : [],
});

/**
 * Asks the recursive view the same question as `outside` and compares. Nothing when there is no
 * recursive view to compare with, when either side gave no verdict, or when they agree.
 */
export async function splitView(
  context: LiveContext,
  outside: LookupOutcome,
): Promise<{ issue: Issue; view: SplitViewEvidence } | undefined> {
  if (!context.compare || !isVerdict(outside)) return undefined;
  const inside = await context.compare(outside.name, outside.type);
  if (!isVerdict(inside)) return undefined;
  const a = side(inside);
  const b = side(outside);
  if (a.records.length === b.records.length && a.records.every((text, i) => text === b.records[i])) {
    return undefined;
  }
  const text = (s: ViewSide) => (s.records.length > 0 ? s.records.join('; ') : s.kind.toUpperCase());
  const view: SplitViewEvidence = { name: outside.name, type: outside.type, inside: a, outside: b };
  const issue = makeIssue('dns.split_view', [], {
    params: { name: outside.name, type: outside.type, inside: text(a), outside: text(b) },
  });
  return { issue, view };
}
