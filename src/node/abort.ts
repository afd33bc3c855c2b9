/**
 * One `abort` listener per signal, however many waiters share it. A run's signal is shared by every
 * lookup and probe in flight; if each added its own listener, Node would warn past ten
 * (`MaxListenersExceededWarning`) and a waiter that forgot to remove its listener would leak it.
 * Here each waiter gets an unsubscribe function, and the one real listener is removed with the last
 * waiter.
 */

interface Waiters {
  callbacks: Set<() => void>;
  fire: () => void;
}

const bySignal = new WeakMap<AbortSignal, Waiters>();

/**
 * Calls `callback` once when `signal` aborts (at once when it already has). Call the returned
 * function when the work settles: it stops waiting, and removes the signal's listener when no one
 * else waits on it.
 *
 * @example
 * const stop = onAbort(signal, () => socket.destroy());
 * try { await work(); } finally { stop(); }
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) {
    callback();
    return () => {};
  }
  let waiters = bySignal.get(signal);
  if (waiters === undefined) {
    const callbacks = new Set<() => void>();
    const fire = () => {
      bySignal.delete(signal);
      for (const waiting of [...callbacks]) waiting();
      callbacks.clear();
    };
    waiters = { callbacks, fire };
    bySignal.set(signal, waiters);
    signal.addEventListener('abort', fire, { once: true });
  }
  const own = () => callback();
  const { callbacks, fire } = waiters;
  callbacks.add(own);
  return () => {
    if (!callbacks.delete(own) || callbacks.size > 0) return;
    bySignal.delete(signal);
    signal.removeEventListener('abort', fire);
  };
}

/** The longest delay a Node or browser timer honours (2^31 − 1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_DELAY_MS = 2_147_483_647;

/** A timeout or deadline as a timer can hold it: values over {@link MAX_DELAY_MS} (or `Infinity`) are capped. */
export function clampDelay(ms: number): number {
  return Math.min(ms, MAX_DELAY_MS);
}
