// The pure DNS-fact rules: "no A/AAAA" once for targets and edges, and answers compared as sets.
import { describe, expect, test } from 'vitest';
import { addressClassIssue } from './address-class-issue.js';
import { hasNoAddress, noAddressIssue } from './no-address.js';
import { recordSet, sameRecordSet } from './record-sets.js';

describe('no address (RULES §8 dns.target_no_address / dns.edge_no_address)', () => {
  test.each([
    ['both lookups answered, none gave an address', [], true, true],
    ['an address', ['198.51.100.1'], true, false],
    ['a lookup unanswered: not a fact', [], false, false],
  ] as const)('%s', (_label, addresses, complete, none) => {
    const facts = { name: 'sip.contoso.com', addresses, complete };
    expect(hasNoAddress(facts)).toBe(none);
    expect(noAddressIssue(facts, 'target')?.code).toBe(none ? 'dns.target_no_address' : undefined);
    expect(noAddressIssue(facts, 'edge')?.code).toBe(none ? 'dns.edge_no_address' : undefined);
  });

  test('params name the host as each code expects', () => {
    const facts = { name: 'sip.contoso.com', addresses: [], complete: true };
    expect(noAddressIssue(facts, 'target')?.params).toEqual({ target: 'sip.contoso.com' });
    expect(noAddressIssue(facts, 'edge')?.params).toEqual({ fqdn: 'sip.contoso.com' });
  });

  test('address classes: only private is E when complete, mixed is W', () => {
    const host = (addresses: string[], complete = true) => ({
      name: 'sip.contoso.com',
      addresses,
      complete,
      classes: { '10.0.0.1': 'private', '198.51.100.1': 'public' } as const,
    });
    expect(addressClassIssue(host(['10.0.0.1']))?.code).toBe('dns.private_address');
    expect(addressClassIssue(host(['10.0.0.1'], false))).toBeUndefined();
    expect(addressClassIssue(host(['10.0.0.1', '198.51.100.1']))?.code).toBe('dns.mixed_addresses');
    expect(addressClassIssue(host(['198.51.100.1']))).toBeUndefined();
  });
});

describe('record sets (RULES §10: order and TTL do not make two answers different)', () => {
  const srv = (target: string, port = 5061, ttl = 300) => ({
    type: 'SRV',
    priority: 0,
    weight: 0,
    port,
    target,
    ttl,
  });
  test('order, TTL and repetition do not matter; data does', () => {
    expect(
      sameRecordSet([srv('a.com'), srv('b.com')], [srv('b.com', 5061, 1), srv('a.com'), srv('a.com')]),
    ).toBe(true);
    expect(sameRecordSet([srv('a.com')], [srv('a.com', 5060)])).toBe(false);
    expect(sameRecordSet([srv('a.com')], [])).toBe(false);
  });
  test('presentation text per type', () => {
    expect(
      recordSet([
        srv(''),
        { type: 'A', address: '198.51.100.1' },
        { type: 'AAAA', address: '2001:DB8::1' },
        { type: 'CNAME', target: 'x.com' },
        { type: 'TXT', data: ['v=1'] },
      ]),
    ).toEqual(['A 198.51.100.1', 'AAAA 2001:db8::1', 'CNAME x.com.', 'SRV 0 0 5061 .', 'TXT ["v=1"]']);
  });
});
