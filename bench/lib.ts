// Shared by the benchmarks: a seeded generator, word lists for made-up names, medians and the
// machine line each report ends with.
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** mulberry32: a small seeded generator, so every run sees the same inputs. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A picker over `random`: one item of a list, uniformly. */
export function picker(random: () => number): <T>(items: readonly T[]) => T {
  return (items) => items[Math.floor(random() * items.length)]!;
}

/** Company-like words for made-up domains. */
export const WORDS = [
  'acme',
  'northwind',
  'globex',
  'initech',
  'umbrella',
  'stark',
  'wayne',
  'hooli',
  'vandelay',
  'tyrell',
] as const;

/** The median (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The `q` quantile (0…1) of values sorted ascending, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** `2 CPUs, AMD EPYC …, node v20.20.2, 2026-11-27`: where the numbers come from. */
export function machine(): string {
  const model = /model name\s*:\s*(.*)/.exec(
    existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '',
  )?.[1];
  const cpu = model ?? cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} CPUs, ${cpu}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}
