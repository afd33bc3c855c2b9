/**
 * Bounded scheduling for a run of any size: an index-based work list run by a fixed number of
 * workers (no promise per item up front, no spread, no recursion), yielding to the event loop so
 * the deadline timer fires even when every answer arrives at once, and stopping at the deadline.
 */
import type { Check } from '../../core/report/report-types.js';
import { makeIssue } from '../../core/result.js';
import { onAbort } from '../abort.js';

/** A worker yields to the event loop after this much continuous work. */
const SLICE_MS = 8;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `task(0)` … `task(count - 1)` with at most `workers` at once, in index order, and stops
 * taking new items once `signal` aborts. Never rejects (a task's rejection skips that item).
 */
export async function runScheduled(
  count: number,
  workers: number,
  signal: AbortSignal,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let sliceStart = performance.now();
  // One pause shared by every worker: while one waits for the event loop, the others must not keep
  // the microtask queue busy (timers, the deadline's among them, run only once it drains).
  let pause: Promise<void> | undefined;
  const breathe = (): Promise<void> | undefined => {
    if (pause) return pause;
    if (performance.now() - sliceStart <= SLICE_MS) return undefined;
    pause = yieldToLoop().then(() => {
      pause = undefined;
      sliceStart = performance.now();
    });
    return pause;
  };
  const worker = async () => {
    while (next < count && !signal.aborted) {
      const index = next++;
      try {
        await task(index);
      } catch {
        // a task never rejects by contract; if one does, its item stays unfinished (cut off)
      }
      const waiting = breathe();
      if (waiting) await waiting;
    }
  };
  const pool: Promise<void>[] = [];
  for (let i = 0; i < Math.min(workers, count); i++) pool.push(worker());
  await Promise.all(pool);
}

/** A check for work the deadline cut off before it reported. */
export function cutOff(id: Check['id'], subject: string, deadlineMs: number): Check {
  const issues = [makeIssue('dns.deadline_exceeded', [], { params: { name: subject, deadlineMs } })];
  return { id, subject, status: 'inconclusive', issues, durationMs: deadlineMs };
}

/** Resolves with the value, or with `fallback()` once `signal` aborts and `graceMs` more have passed. */
export function raceDeadline<T>(
  work: Promise<T>,
  signal: AbortSignal,
  graceMs: number,
  fallback: () => T,
): Promise<T> {
  return new Promise<T>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const stopWaiting = onAbort(signal, () => {
      timer = setTimeout(() => resolve(fallback()), graceMs);
    });
    const settle = (value: () => T) => {
      if (timer) clearTimeout(timer);
      stopWaiting();
      resolve(value());
    };
    work.then(
      (value) => settle(() => value),
      () => settle(fallback),
    );
  });
}
