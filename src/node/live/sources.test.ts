// RULES §10: one factory chooses the view of DNS; the checks never know which source answered.
import { describe, expect, test } from 'vitest';
import type { Resolver } from '../dns/types.js';
import { resolverFor } from './sources.js';

const fake = (): Resolver => ({
  lookup: async (name, type) => ({ name, type, kind: 'nodata', rcode: 'NOERROR', aliases: [] }),
});

describe('resolverFor', () => {
  const given = fake();
  const inside = fake();
  test.each([
    ['a given resolver, alone', { resolver: given }, given, undefined],
    ['a given resolver with a view to compare', { resolver: given, compareResolver: inside }, given, inside],
    [
      '…unless compareRecursive is false',
      { resolver: given, compareResolver: inside, compareRecursive: false },
      given,
      undefined,
    ],
    [
      'authoritative mode given a view to compare',
      { resolution: 'authoritative' as const, compareResolver: inside },
      'new',
      inside,
    ],
    [
      'authoritative mode, --no-compare',
      { resolution: 'authoritative' as const, compareRecursive: false },
      'new',
      undefined,
    ],
    ['recursive mode (default): no comparison', { nameservers: ['127.0.0.1:9'] }, 'new', undefined],
  ])('%s', (_label, options, resolver, compare) => {
    const set = resolverFor(options);
    if (resolver === 'new') expect(set.resolver).not.toBe(given);
    else expect(set.resolver).toBe(resolver);
    expect(set.compare).toBe(compare);
  });

  test('authoritative mode compares with the configured name servers by default', () => {
    const set = resolverFor({ resolution: 'authoritative', nameservers: ['127.0.0.1:9'] });
    expect(set.compare).toBeDefined();
  });

  test('authoritative mode answers from the authoritative source, never recursive in disguise', async () => {
    const { resolver } = resolverFor({
      resolution: 'authoritative',
      rootServers: ['127.0.0.1:9'],
      compareRecursive: false,
      timeoutMs: 200,
    });
    const outcome = await resolver.lookup('x.com', 'SRV');
    expect(outcome.source).toBe('authoritative');
    expect(['network_error', 'timeout']).toContain(outcome.kind);
  });
});
