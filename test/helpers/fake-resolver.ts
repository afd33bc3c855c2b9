// One fake Resolver for the tests: answers from a table (`'A sip.contoso.com'` → addresses), a
// function for everything else, an optional delay, and a record of what was asked.
import type { AnswerRecord, LookupOutcome, RecordType, Resolver } from '../../src/node/dns/types.js';

/**
 * What a question gets: addresses (A/AAAA) or targets (SRV, port 5061) as strings, a failure kind
 * (`'timeout'`, `'server_failure'`, `'nodata'`, `'nxdomain'`), or a whole outcome.
 */
export type FakeAnswer = string[] | 'timeout' | 'server_failure' | 'nodata' | 'nxdomain' | LookupOutcome;

export interface FakeResolverOptions {
  /** Answers a question the table lacks. @default NXDOMAIN */
  fallback?: (name: string, type: RecordType) => FakeAnswer;
  /** Milliseconds each lookup waits before answering. @default 0 (answers on the next microtask) */
  delayMs?: number;
}

/** A {@link Resolver} plus what it saw. */
export interface FakeResolver extends Resolver {
  /** Every question, as `'TYPE name'`, in the order asked. */
  readonly asked: string[];
  /** The most lookups in flight at once. */
  maxInFlight(): number;
}

/** The outcome a {@link FakeAnswer} stands for. */
export function outcomeOf(name: string, type: RecordType, answer: FakeAnswer): LookupOutcome {
  if (Array.isArray(answer)) {
    const records: AnswerRecord[] = answer.map((data) =>
      type === 'SRV'
        ? { type: 'SRV', name, ttl: 60, priority: 0, weight: 0, port: 5061, target: data }
        : { type: type === 'AAAA' ? 'AAAA' : 'A', name, ttl: 60, address: data },
    );
    return { name, type, kind: 'answer', records, aliases: [] };
  }
  switch (answer) {
    case 'timeout':
      return { name, type, kind: 'timeout', timeoutMs: 1 };
    case 'server_failure':
      return { name, type, kind: 'server_failure', rcode: 'SERVFAIL', rcodeValue: 2 };
    case 'nodata':
      return { name, type, kind: 'nodata', rcode: 'NOERROR', aliases: [] };
    case 'nxdomain':
      return { name, type, kind: 'nxdomain', rcode: 'NXDOMAIN', aliases: [] };
    default:
      return answer;
  }
}

/**
 * A fake resolver answering from `table` (keys `'TYPE name'`), then `options.fallback`, else NXDOMAIN.
 * @example fakeResolver({ 'SRV _sipfederationtls._tcp.fake.com': ['sip.fake.com'], 'A sip.fake.com': ['198.51.100.1'] })
 */
export function fakeResolver(
  table: Readonly<Record<string, FakeAnswer>> = {},
  options: FakeResolverOptions = {},
): FakeResolver {
  const asked: string[] = [];
  let inFlight = 0;
  let most = 0;
  return {
    asked,
    maxInFlight: () => most,
    async lookup(name, type) {
      asked.push(`${type} ${name}`);
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        const answer = table[`${type} ${name}`] ?? options.fallback?.(name, type) ?? 'nxdomain';
        return outcomeOf(name, type, answer);
      } finally {
        inFlight -= 1;
      }
    },
  };
}
