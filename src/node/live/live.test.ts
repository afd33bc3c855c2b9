import { getEventListeners } from 'node:events';
import { describe, expect, test } from 'vitest';
import { type FakeAnswer, fakeResolver } from '../../../test/helpers/fake-resolver.js';
import type { LookupOutcome } from '../dns/types.js';
import { addressClass, checkDomainFederation, createLiveContext, isNonPublic } from './live.js';

describe('addressClass / isNonPublic (RULES §8 dns.private_address)', () => {
  // RFC 1918, RFC 6598 (CGNAT), RFC 4193 (ULA), RFC 3927 / RFC 4291 link-local, loopback, unspecified.
  test.each([
    ['10.0.0.1', 'private', true],
    ['172.16.5.4', 'private', true],
    ['192.168.1.1', 'private', true],
    ['100.64.0.1', 'cgnat', true],
    ['127.0.0.1', 'loopback', true],
    ['169.254.10.1', 'link-local', true],
    ['0.0.0.0', 'unspecified', true],
    ['224.0.0.1', 'multicast', true],
    ['255.255.255.255', 'broadcast', true],
    ['::1', 'loopback', true],
    ['::', 'unspecified', true],
    ['fe80::1', 'link-local', true],
    ['fd12:3456::1', 'unique-local', true],
    ['::ffff:10.0.0.1', 'private', true],
    // Documentation ranges (RFC 5737, RFC 3849): reserved but not counted, examples use them.
    ['203.0.113.5', 'reserved', false],
    ['2001:db8::1', 'reserved', false],
    ['8.8.8.8', 'public', false],
    ['2606:4700::1', 'public', false],
    ['not an ip', 'invalid', true],
  ] as const)('%s → %s', (address, cls, nonPublic) => {
    expect(addressClass(address)).toBe(cls);
    expect(isNonPublic(addressClass(address))).toBe(nonPublic);
  });
});

describe('with a fake resolver', () => {
  const table = (answers: Record<string, FakeAnswer>) => fakeResolver(answers);

  test('a clean domain passes without sockets', async () => {
    const report = await checkDomainFederation('fake.com', {
      resolver: table({
        'SRV _sipfederationtls._tcp.fake.com': ['sip.fake.com'],
        'A sip.fake.com': ['198.51.100.1'],
      }),
    });
    expect(report.status).toBe('pass');
    expect(report.targets[0]).toMatchObject({ target: 'sip.fake.com', addresses: ['198.51.100.1'] });
  });

  test('AAAA timing out while A answers: the addresses are known but the check is inconclusive', async () => {
    const report = await checkDomainFederation('fake.com', {
      resolver: table({
        'SRV _sipfederationtls._tcp.fake.com': ['sip.fake.com'],
        'A sip.fake.com': ['198.51.100.1'],
        'AAAA sip.fake.com': 'timeout',
      }),
    });
    const target = report.checks.find((c) => c.id === 'srv-target')!;
    expect(target.issues.map((i) => i.code)).toEqual(['dns.timeout']);
    expect(target.status).toBe('inconclusive');
  });

  test('a resolver that rejects (against its contract) becomes dns.network_error', async () => {
    const report = await checkDomainFederation('fake.com', {
      resolver: { lookup: () => Promise.reject(new Error('boom')) },
    });
    expect(report.checks[0]!.issues.map((i) => i.code)).toEqual(['dns.network_error']);
  });

  test('the memo asks each question once, even concurrently', async () => {
    let calls = 0;
    const context = createLiveContext({
      resolver: {
        lookup: async (name, type) => {
          calls++;
          return { name, type, kind: 'nxdomain', rcode: 'NXDOMAIN', aliases: [] };
        },
      },
    });
    await Promise.all([
      context.lookup('A.com', 'A'),
      context.lookup('a.com', 'A'),
      context.lookup('a.com', 'AAAA'),
    ]);
    expect(calls).toBe(2);
  });

  test("repeated checks with one caller's signal leave no abort listener behind", async () => {
    const controller = new AbortController();
    const resolver = table({ 'SRV _sipfederationtls._tcp.fake.com': ['sip.fake.com'] });
    for (let i = 0; i < 15; i++)
      await checkDomainFederation('fake.com', { resolver, signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  test('each lookup gets its own signal: the shared one carries one listener, however many are in flight', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const context = createLiveContext({
      concurrency: 32,
      signal: controller.signal,
      resolver: {
        // Like the real resolver: a listener on its signal while the lookup is in flight.
        lookup: async (name, type, options) => {
          const onAbort = () => {};
          options?.signal?.addEventListener('abort', onAbort);
          seen.push(getEventListeners(options?.signal ?? controller.signal, 'abort').length);
          seen.push(getEventListeners(controller.signal, 'abort').length);
          await new Promise((resolve) => setTimeout(resolve, 5));
          options?.signal?.removeEventListener('abort', onAbort);
          return { name, type, kind: 'nxdomain', rcode: 'NXDOMAIN', aliases: [] };
        },
      },
    });
    await Promise.all(Array.from({ length: 30 }, (_, i) => context.lookup(`host${i}.fake.com`, 'A')));
    expect(seen).toHaveLength(60);
    expect(Math.max(...seen)).toBe(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  test('an abort still ends every lookup in flight, and the resolver sees it', async () => {
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    const context = createLiveContext({
      signal: controller.signal,
      deadlineMs: 50,
      resolver: {
        lookup: (_name, _type, options) => {
          if (options?.signal) signals.push(options.signal);
          return new Promise<LookupOutcome>(() => {}); // never settles
        },
      },
    });
    const pending = Promise.all([context.lookup('a.fake.com', 'A'), context.lookup('b.fake.com', 'A')]);
    controller.abort();
    const outcomes = await pending;
    expect(outcomes.map((o) => [o.kind, o.kind === 'timeout' && o.aborted])).toEqual([
      ['timeout', true],
      ['timeout', true],
    ]);
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
