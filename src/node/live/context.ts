/**
 * The per-run machinery of the live checks: one resolver set (RULES §10), a memo of in-flight
 * lookups, a concurrency limit with an O(1) queue, a query budget, and the run's deadline signal.
 */
import { onAbort } from '../abort.js';
import type { LookupOutcome, RecordType, Resolver } from '../dns/types.js';
import type { LiveOptions } from './options.js';
import { resolverFor } from './sources.js';
import { WaitQueue } from './wait-queue.js';

/** Questions a run may send beyond 20 per SIP domain or edge (RULES/issue 13: a stated budget). */
export const QUERY_BUDGET_BASE = 1000;
/** Questions per SIP domain or edge in the default budget. */
export const QUERY_BUDGET_PER_NAME = 20;

/** The default query budget of a run over `names` SIP domains and edges. */
export function defaultQueryBudget(names: number): number {
  return QUERY_BUDGET_PER_NAME * Math.max(1, names) + QUERY_BUDGET_BASE;
}

/** A whole number ≥ 1 from an option, or the fallback when it is not a number (NaN, a string…). */
function atLeastOne(value: unknown, fallback: number): number {
  return typeof value === 'number' && !Number.isNaN(value) ? Math.max(1, Math.floor(value)) : fallback;
}

/** The per-run lookups the checks use. */
export interface LiveContext {
  /** One question, memoised per run; never rejects. */
  lookup(name: string, type: RecordType): Promise<LookupOutcome>;
  /** The configured recursive view, to compare with (authoritative mode, `dns.split_view`). */
  compare?: (name: string, type: RecordType) => Promise<LookupOutcome>;
  /** For `dns.deadline_exceeded` messages. */
  deadlineMs?: number;
  /** Ask related records and wildcard-check passing owners (`related` option). */
  related: boolean;
  /** A random label part for wildcard probes (`_pic-preflight-<nonce>`), one per run. */
  nonce: string;
  /** Questions sent and the budget. */
  budget: { used: number; limit: number };
}

/** Options of {@link createLiveContext}. */
export type LiveContextOptions = LiveOptions & { deadlineMs?: number };

/**
 * Builds the per-run lookup: identical questions are asked once (a memo of promises), at most
 * `concurrency` run at once, at most `queryBudget` are sent, and an aborted `signal` settles every
 * pending and queued lookup at once — even when the resolver itself never settles.
 */
export function createLiveContext(options: LiveContextOptions = {}): LiveContext {
  const { resolver, compare } = resolverFor(options);
  const limit = atLeastOne(options.concurrency, 16);
  const budget = { used: 0, limit: atLeastOne(options.queryBudget, defaultQueryBudget(1)) };
  const slots = { active: 0, limit, queue: new WaitQueue<() => void>() };
  const ask = asker(slots, budget, options);
  const memo = new Map<string, Promise<LookupOutcome>>();
  const memoised = (source: Resolver, prefix: string) => (name: string, type: RecordType) => {
    const lower = name.toLowerCase();
    const key = `${prefix}${type} ${lower}`;
    let pending = memo.get(key);
    if (pending === undefined) {
      pending = ask(source, lower, type);
      memo.set(key, pending);
    }
    return pending;
  };
  const context: LiveContext = {
    lookup: memoised(resolver, ''),
    related: options.related === true,
    nonce: Math.random().toString(36).slice(2, 10),
    budget,
  };
  if (compare) context.compare = memoised(compare, 'compare ');
  if (options.deadlineMs !== undefined) context.deadlineMs = options.deadlineMs;
  return context;
}

interface Slots {
  active: number;
  limit: number;
  queue: WaitQueue<() => void>;
}

/** One lookup through the slots, the budget and the signal. */
function asker(slots: Slots, budget: { used: number; limit: number }, options: LiveContextOptions) {
  const signal = options.signal;
  const aborted = (name: string, type: RecordType): LookupOutcome => ({
    name,
    type,
    kind: 'timeout',
    timeoutMs: options.deadlineMs ?? 0,
    aborted: true,
  });
  const send = (resolver: Resolver, name: string, type: RecordType, own?: AbortSignal) =>
    Promise.resolve()
      .then(() => resolver.lookup(name, type, own ? { signal: own } : {}))
      .catch(
        (error: unknown): LookupOutcome => ({ name, type, kind: 'network_error', reason: String(error) }),
      );

  return async (resolver: Resolver, name: string, type: RecordType): Promise<LookupOutcome> => {
    if (signal?.aborted) return aborted(name, type);
    // A slot is handed straight to the next waiter on release, so a caller arriving in between
    // cannot take it as well (which would let more than `limit` run).
    if (slots.active < slots.limit) slots.active++;
    else await new Promise<void>((resolve) => slots.queue.push(resolve));
    try {
      if (signal?.aborted) return aborted(name, type);
      if (budget.used >= budget.limit) {
        return {
          name,
          type,
          kind: 'resolution_limit',
          limit: 'queries',
          detail: `run budget of ${budget.limit} queries`,
        };
      }
      budget.used++;
      if (!signal) return await send(resolver, name, type);
      // Each lookup gets its own signal, fanned out from the run's through one listener that goes
      // away with the lookup (a run's signal would otherwise collect one per exchange).
      const own = new AbortController();
      let stopped!: () => void;
      const cutOff = new Promise<LookupOutcome>((resolve) => {
        stopped = onAbort(signal, () => {
          own.abort();
          resolve(aborted(name, type));
        });
      });
      try {
        // A resolver that ignores the signal must not hold the run past its deadline.
        return await Promise.race([send(resolver, name, type, own.signal), cutOff]);
      } finally {
        stopped();
      }
    } finally {
      const next = slots.queue.shift();
      if (next) next();
      else slots.active--;
    }
  };
}
