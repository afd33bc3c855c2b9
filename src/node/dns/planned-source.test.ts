import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createPlannedResolver } from './planned-source.js';
import type { LookupOutcome, RecordType, Resolver } from './types.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/zones/valid/${name}`, import.meta.url), 'utf8');

/** A live resolver stand-in that counts what it is asked. */
function countingResolver(): Resolver & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async lookup(name: string, type: RecordType): Promise<LookupOutcome> {
      asked.push(`${type} ${name}`);
      if (name === 'sipdir.online.lync.com' && type === 'A')
        return {
          name,
          type,
          kind: 'answer',
          records: [{ type: 'A', name, ttl: 60, address: '52.112.0.1' }],
          aliases: [],
        };
      return { name, type, kind: 'nxdomain', rcode: 'NXDOMAIN', aliases: [] };
    },
  };
}

const tailspin = { text: fixture('db.tailspintoys.com'), fileName: 'db.tailspintoys.com' };
const contoso = { text: fixture('contoso.com.zone'), fileName: 'contoso.com.zone' };
const wingtip = { text: fixture('wingtiptoys.com.txt'), fileName: 'wingtiptoys.com.txt' };

describe('createPlannedResolver: answers as the authoritative server would (RFC 1034 §4.3.2)', () => {
  const resolver = createPlannedResolver({ zones: [tailspin, contoso] });

  test('answer: the SRV records, source planned', async () => {
    const outcome = await resolver.lookup('_sipfederationtls._tcp.tailspintoys.com', 'SRV');
    expect(outcome).toMatchObject({ kind: 'answer', source: 'planned', aliases: [] });
    expect(outcome.kind === 'answer' && outcome.records).toEqual([
      {
        type: 'SRV',
        name: '_sipfederationtls._tcp.tailspintoys.com',
        ttl: 86_400,
        priority: 10,
        weight: 50,
        port: 5061,
        target: 'sip.tailspintoys.com',
      },
      {
        type: 'SRV',
        name: '_sipfederationtls._tcp.tailspintoys.com',
        ttl: 86_400,
        priority: 10,
        weight: 50,
        port: 5061,
        target: 'sip2.tailspintoys.com',
      },
    ]);
  });

  test.each([
    ['a name that does not exist', 'nothere.tailspintoys.com', 'A', 'nxdomain'],
    ['a name with other types', 'sip.tailspintoys.com', 'AAAA', 'nodata'],
    ['an empty non-terminal exists', '_tcp.tailspintoys.com', 'SRV', 'nodata'],
    ['the apex', 'tailspintoys.com', 'TXT', 'answer'],
    ['case and a trailing dot', 'SIP.TailspinToys.com.', 'A', 'answer'],
    ['near-miss name', '_sipfederationtls.tcp.tailspintoys.com', 'SRV', 'nxdomain'],
  ] as const)('%s → %s', async (_label, name, type, kind) => {
    const outcome = await resolver.lookup(name, type);
    expect(outcome.kind).toBe(kind);
    expect(outcome.source).toBe('planned');
  });

  test('RFC 4592 wildcard: *.apps answers any name below, with the asked owner; not the encloser itself', async () => {
    const outcome = await resolver.lookup('shop.apps.tailspintoys.com', 'A');
    expect(outcome).toMatchObject({
      kind: 'answer',
      records: [{ name: 'shop.apps.tailspintoys.com', address: '192.0.2.90' }],
    });
    expect((await resolver.lookup('a.b.apps.tailspintoys.com', 'A')).kind).toBe('answer');
    expect((await resolver.lookup('apps.tailspintoys.com', 'A')).kind).toBe('nodata');
    expect((await resolver.lookup('shop.apps.tailspintoys.com', 'TXT')).kind).toBe('nodata');
  });

  test('CNAME chain within the plans: lyncdiscover → webext', async () => {
    const outcome = await resolver.lookup('lyncdiscover.contoso.com', 'A');
    expect(outcome).toMatchObject({
      kind: 'answer',
      source: 'planned',
      aliases: [{ type: 'CNAME', name: 'lyncdiscover.contoso.com', target: 'webext.contoso.com' }],
      records: [{ type: 'A', name: 'webext.contoso.com', address: '198.51.100.20' }],
    });
    expect((await resolver.lookup('lyncdiscover.contoso.com', 'CNAME')).kind).toBe('answer');
  });

  test('a delegation to a child not in the plan, offline: skipped, nothing asked', async () => {
    const outcome = await resolver.lookup('www.lab.tailspintoys.com', 'A');
    expect(outcome).toMatchObject({ kind: 'skipped', reason: 'offline', source: 'planned' });
  });

  test('names outside every plan, offline: skipped', async () => {
    expect(await resolver.lookup('_sipfederationtls._tcp.fabrikam.com', 'SRV')).toMatchObject({
      kind: 'skipped',
    });
  });
});

describe('createPlannedResolver with a live fallback', () => {
  test('outside names and delegated children go to the fallback; planned names never do', async () => {
    const live = countingResolver();
    const resolver = createPlannedResolver({ zones: [tailspin, wingtip], fallback: live });
    expect((await resolver.lookup('_sipfederationtls._tcp.tailspintoys.com', 'SRV')).source).toBe('planned');
    expect((await resolver.lookup('nothere.tailspintoys.com', 'A')).kind).toBe('nxdomain');
    await resolver.lookup('www.lab.tailspintoys.com', 'A');
    await resolver.lookup('_sipfederationtls._tcp.fabrikam.com', 'SRV');
    expect(live.asked).toEqual(['A www.lab.tailspintoys.com', 'SRV _sipfederationtls._tcp.fabrikam.com']);
  });

  test('a CNAME chain that leaves the plan continues live, the planned links first', async () => {
    const live = countingResolver();
    const resolver = createPlannedResolver({ zones: [wingtip], fallback: live });
    const outcome = await resolver.lookup('sip.wingtiptoys.com', 'A');
    expect(live.asked).toEqual(['A sipdir.online.lync.com']);
    expect(outcome).toMatchObject({
      kind: 'answer',
      name: 'sip.wingtiptoys.com',
      aliases: [{ name: 'sip.wingtiptoys.com', target: 'sipdir.online.lync.com' }],
      records: [{ address: '52.112.0.1' }],
    });
  });

  test('a child zone in the plan answers for itself, under its parent’s delegation', async () => {
    const live = countingResolver();
    const child = { origin: 'lab.tailspintoys.com', text: 'www IN A 192.0.2.77\n' };
    const resolver = createPlannedResolver({ zones: [tailspin, child], fallback: live });
    const outcome = await resolver.lookup('www.lab.tailspintoys.com', 'A');
    expect(outcome).toMatchObject({
      kind: 'answer',
      source: 'planned',
      records: [{ address: '192.0.2.77' }],
    });
    expect(live.asked).toEqual([]);
  });
});

describe('CNAME loops and records given directly', () => {
  test('a loop inside the plan → cname_loop', async () => {
    const resolver = createPlannedResolver({
      zones: [{ origin: 'contoso.com', text: 'a IN CNAME b\nb IN CNAME a\n' }],
    });
    const outcome = await resolver.lookup('a.contoso.com', 'A');
    expect(outcome).toMatchObject({ kind: 'cname_loop', source: 'planned' });
    expect(outcome.kind === 'cname_loop' && outcome.aliases).toHaveLength(2);
  });

  test('a chain longer than 8 links → cname_loop', async () => {
    const text = Array.from({ length: 10 }, (_, i) => `c${i} IN CNAME c${i + 1}\n`).join('');
    const resolver = createPlannedResolver({ zones: [{ origin: 'contoso.com', text }] });
    expect((await resolver.lookup('c0.contoso.com', 'A')).kind).toBe('cname_loop');
  });

  test('{ origin, records } zones are served as given', async () => {
    const resolver = createPlannedResolver({
      zones: [
        {
          origin: 'Contoso.com.',
          records: [
            {
              name: 'sip.contoso.com',
              type: 'A',
              ttl: 60,
              class: 'IN',
              line: 0,
              data: '192.0.2.1',
              address: '192.0.2.1',
            },
          ],
        },
      ],
    });
    expect(await resolver.lookup('sip.contoso.com', 'A')).toMatchObject({
      kind: 'answer',
      records: [{ address: '192.0.2.1' }],
    });
    expect((await resolver.lookup('x.contoso.com', 'A')).kind).toBe('nxdomain');
  });
});

describe('zones given in several files', () => {
  test('two files of one zone are served together', async () => {
    const resolver = createPlannedResolver({
      zones: [
        { origin: 'contoso.com', text: '_sipfederationtls._tcp IN SRV 0 0 5061 sip.contoso.com.\n' },
        { origin: 'contoso.com', text: 'sip IN A 192.0.2.1\n' },
      ],
    });
    expect((await resolver.lookup('sip.contoso.com', 'A')).kind).toBe('answer');
    expect((await resolver.lookup('_sipfederationtls._tcp.contoso.com', 'SRV')).kind).toBe('answer');
  });
});

describe('odd input never throws', () => {
  test('junk zones and records are skipped; names given by hand are normalised', async () => {
    const resolver = createPlannedResolver({
      zones: [
        null,
        42,
        { text: 7 },
        {
          origin: 'Contoso.COM.',
          records: [
            null,
            1,
            { name: 5 },
            {
              name: 'SIP.Contoso.com.',
              type: 'a',
              ttl: 1,
              class: 'IN',
              line: 0,
              data: '192.0.2.1',
              address: '192.0.2.1',
            },
          ],
        },
      ] as never,
    });
    expect(resolver.zones).toHaveLength(2);
    expect(resolver.zones[0]?.issues.map((i) => i.code)).toEqual(['input.not_string']);
    expect(await resolver.lookup('sip.contoso.com', 'A')).toMatchObject({
      kind: 'answer',
      records: [{ address: '192.0.2.1' }],
    });
  });
});
