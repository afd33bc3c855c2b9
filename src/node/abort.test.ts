import { getEventListeners } from 'node:events';
import { describe, expect, test } from 'vitest';
import { onAbort } from './abort.js';

const listeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

describe('onAbort: one listener per signal, however many waiters', () => {
  test('many waiters share one listener; it goes with the last waiter', () => {
    const controller = new AbortController();
    const stops = Array.from({ length: 25 }, () => onAbort(controller.signal, () => {}));
    expect(listeners(controller.signal)).toBe(1);
    for (const stop of stops.slice(1)) stop();
    expect(listeners(controller.signal)).toBe(1);
    stops[0]!();
    expect(listeners(controller.signal)).toBe(0);
    stops[0]!(); // stopping twice is harmless
    expect(listeners(controller.signal)).toBe(0);
  });

  test('an abort calls each waiting callback once, and no stopped one', () => {
    const controller = new AbortController();
    const called: string[] = [];
    onAbort(controller.signal, () => called.push('a'));
    const stopB = onAbort(controller.signal, () => called.push('b'));
    onAbort(controller.signal, () => called.push('c'));
    stopB();
    controller.abort();
    controller.abort();
    expect(called).toEqual(['a', 'c']);
    expect(listeners(controller.signal)).toBe(0);
  });

  test('an already aborted signal calls back at once and adds no listener', () => {
    const signal = AbortSignal.abort();
    let called = 0;
    const stop = onAbort(signal, () => called++);
    expect(called).toBe(1);
    expect(listeners(signal)).toBe(0);
    stop();
  });

  test('a waiter added after the others stopped registers a fresh listener', () => {
    const controller = new AbortController();
    onAbort(controller.signal, () => {})();
    let called = 0;
    onAbort(controller.signal, () => called++);
    expect(listeners(controller.signal)).toBe(1);
    controller.abort();
    expect(called).toBe(1);
  });
});
