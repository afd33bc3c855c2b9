// Recursive mode (RULES §8): referrals, CNAME chains that leave the server, loops, the query budget —
// against a scripted server on 127.0.0.1 that answers as authoritative-only servers do.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createResolver } from '../src/node/dns/resolver.js';
import type { LookupOutcome } from '../src/node/dns/types.js';
import {
  type ReplySpec,
  type Rr,
  type ScriptedServer,
  startScriptedServer,
} from './helpers/scripted-dns-server.js';

const A = (name: string, address = '203.0.113.10'): Rr => ({ name, type: 'A', address });
const CNAME = (name: string, target: string): Rr => ({ name, type: 'CNAME', target });
const NS = (name: string, target: string): Rr => ({ name, type: 'NS', target });
const SOA = (name: string): Rr => ({ name, type: 'SOA', mname: `ns1.${name}` });

/** Replies by `name/TYPE` (or `name` for any type); anything else is NXDOMAIN with an SOA. */
let replies: Record<string, ReplySpec> = {};
let server: ScriptedServer;

beforeAll(async () => {
  server = await startScriptedServer((query) => {
    const spec = replies[`${query.name}/${query.typeName}`] ?? replies[query.name];
    return { reply: spec ?? { aa: true, rcode: 3, authority: [SOA('test')] } };
  });
});
afterAll(async () => {
  await server.close();
});

function lookup(name: string, type: 'A' | 'SRV' | 'CNAME' = 'A', options = {}): Promise<LookupOutcome> {
  return createResolver({ nameservers: [server.address], timeoutMs: 300, attempts: 1, ...options }).lookup(
    name,
    type,
  );
}

async function asked(run: () => Promise<LookupOutcome>): Promise<[LookupOutcome, string[]]> {
  const before = server.log.length;
  const outcome = await run();
  return [outcome, server.log.slice(before).map((q) => `${q.name}/${q.typeName}`)];
}

describe('referrals are not NXDOMAIN/NODATA (RULES §8 dns.referral)', () => {
  test.each<[string, ReplySpec, object]>([
    [
      'no AA, no answer, NS in authority: a referral to the child zone',
      { aa: false, authority: [NS('contoso.com', 'ns2.contoso.com'), NS('contoso.com', 'ns1.contoso.com')] },
      { kind: 'referral', zone: 'contoso.com', nameservers: ['ns1.contoso.com', 'ns2.contoso.com'] },
    ],
    [
      'a referral with glue',
      {
        aa: false,
        authority: [NS('com', 'a.gtld.test')],
        additional: [A('a.gtld.test', '192.0.2.1')],
      },
      { kind: 'referral', zone: 'com', nameservers: ['a.gtld.test'] },
    ],
    [
      'no AA, NS and SOA in authority: a negative answer, NODATA',
      { aa: false, authority: [SOA('contoso.com'), NS('contoso.com', 'ns1.contoso.com')] },
      { kind: 'nodata' },
    ],
    [
      'AA, no answer, NS in authority: an authoritative NODATA',
      { aa: true, authority: [NS('contoso.com', 'ns1.contoso.com')] },
      { kind: 'nodata' },
    ],
    [
      'no AA, nothing at all: NODATA (a recursive server that says nothing)',
      { aa: false },
      { kind: 'nodata' },
    ],
    [
      'no AA, NS in authority, but NXDOMAIN: NXDOMAIN',
      { aa: false, rcode: 3, authority: [NS('contoso.com', 'ns1.contoso.com')] },
      { kind: 'nxdomain' },
    ],
  ])('%s', async (_label, spec, expected) => {
    replies = { 'sip.contoso.com': spec };
    const outcome = await lookup('sip.contoso.com');
    expect(outcome).toMatchObject({ ...expected, source: 'recursive', name: 'sip.contoso.com' });
  });
});

describe('CNAME chains that leave the server are asked again for their end (RFC 1034 §5.3.3)', () => {
  test('a chain out of the zone, no proof for its end: the end is asked, the aliases kept', async () => {
    replies = {
      'sip.contoso.com': { aa: true, answers: [CNAME('sip.contoso.com', 'sip.partner-edge.net')] },
      'sip.partner-edge.net/A': { aa: true, answers: [A('sip.partner-edge.net', '198.51.100.7')] },
    };
    const [outcome, queries] = await asked(() => lookup('sip.contoso.com'));
    expect(outcome).toMatchObject({
      kind: 'answer',
      source: 'recursive',
      name: 'sip.contoso.com',
      aliases: [{ name: 'sip.contoso.com', target: 'sip.partner-edge.net' }],
      records: [{ type: 'A', name: 'sip.partner-edge.net', address: '198.51.100.7' }],
    });
    expect(queries).toEqual(['sip.contoso.com/A', 'sip.partner-edge.net/A']);
  });
  test('the SRV owner is itself an alias: followed, the alias shown', async () => {
    replies = {
      '_sipfederationtls._tcp.contoso.com': {
        aa: true,
        answers: [CNAME('_sipfederationtls._tcp.contoso.com', '_sipfederationtls._tcp.hosted.test')],
      },
      '_sipfederationtls._tcp.hosted.test/SRV': {
        aa: true,
        answers: [
          { name: '_sipfederationtls._tcp.hosted.test', type: 'SRV', port: 5061, target: 'sip.hosted.test' },
        ],
      },
    };
    const outcome = await lookup('_sipfederationtls._tcp.contoso.com', 'SRV');
    expect(outcome).toMatchObject({
      kind: 'answer',
      aliases: [{ target: '_sipfederationtls._tcp.hosted.test' }],
      records: [{ type: 'SRV', port: 5061, target: 'sip.hosted.test' }],
    });
  });
  test('chains across re-asks are joined in order', async () => {
    replies = {
      'a.test': { aa: true, answers: [CNAME('a.test', 'b.test'), CNAME('b.test', 'c.other')] },
      'c.other': { aa: true, answers: [CNAME('c.other', 'd.third')] },
      'd.third/A': { aa: true, answers: [A('d.third')] },
    };
    const [outcome, queries] = await asked(() => lookup('a.test'));
    expect(outcome.kind === 'answer' && outcome.aliases.map((a) => `${a.name}>${a.target}`)).toEqual([
      'a.test>b.test',
      'b.test>c.other',
      'c.other>d.third',
    ]);
    expect(queries).toEqual(['a.test/A', 'c.other/A', 'd.third/A']);
  });
  test.each<[string, ReplySpec, object]>([
    [
      'NODATA proven by an SOA: no re-ask',
      { aa: true, answers: [CNAME('x.test', 'y.test')], authority: [SOA('test')] },
      { kind: 'nodata', aliases: [{ target: 'y.test' }] },
    ],
    [
      'NXDOMAIN for the end: no re-ask',
      { aa: true, rcode: 3, answers: [CNAME('x.test', 'y.test')], authority: [SOA('test')] },
      { kind: 'nxdomain', aliases: [{ target: 'y.test' }] },
    ],
  ])('%s', async (_label, spec, expected) => {
    replies = { 'x.test': spec, 'y.test': { aa: true, answers: [A('y.test')] } };
    const [outcome, queries] = await asked(() => lookup('x.test'));
    expect(outcome).toMatchObject(expected);
    expect(queries).toEqual(['x.test/A']);
  });
  test('the end of the chain answers with a referral: referral', async () => {
    replies = {
      'x.test': { aa: true, answers: [CNAME('x.test', 'y.elsewhere')] },
      'y.elsewhere': { aa: false, authority: [NS('elsewhere', 'ns.elsewhere')] },
    };
    expect(await lookup('x.test')).toMatchObject({ kind: 'referral', zone: 'elsewhere', name: 'x.test' });
  });
  test('the end of the chain times out: timeout, for the name asked', async () => {
    replies = { 'x.test': { aa: true, answers: [CNAME('x.test', 'y.silent')] } };
    const script = server.script;
    server.script = (query) => (query.name === 'y.silent' ? { silence: true } : script(query));
    try {
      expect(await lookup('x.test')).toMatchObject({ kind: 'timeout', name: 'x.test' });
    } finally {
      server.script = script;
    }
  });
  test('a CNAME question is not chased', async () => {
    replies = { 'x.test': { aa: true, answers: [CNAME('x.test', 'y.other')] } };
    const [outcome, queries] = await asked(() => lookup('x.test', 'CNAME'));
    expect(outcome).toMatchObject({ kind: 'answer', records: [{ type: 'CNAME', target: 'y.other' }] });
    expect(queries).toEqual(['x.test/CNAME']);
  });
});

describe('CNAME loops and chains over 8 links (dns.cname_loop)', () => {
  /** `n0 → n1 → … → n<links>` with an A record at the end, one link per reply (each leaves the server). */
  function chainOf(links: number): Record<string, ReplySpec> {
    const out: Record<string, ReplySpec> = {};
    for (let i = 0; i < links; i++)
      out[`n${i}.test`] = { aa: true, answers: [CNAME(`n${i}.test`, `n${i + 1}.test`)] };
    out[`n${links}.test/A`] = { aa: true, answers: [A(`n${links}.test`)] };
    return out;
  }
  test('8 links across re-asks: an answer', async () => {
    replies = chainOf(8);
    const outcome = await lookup('n0.test');
    expect(outcome.kind).toBe('answer');
    expect(outcome.kind === 'answer' && outcome.aliases).toHaveLength(8);
  });
  test('9 links across re-asks: cname_loop, after at most 9 questions', async () => {
    replies = chainOf(9);
    const [outcome, queries] = await asked(() => lookup('n0.test'));
    expect(outcome).toMatchObject({ kind: 'cname_loop', name: 'n0.test', source: 'recursive' });
    expect(queries.length).toBeLessThanOrEqual(9);
  });
  test('9 links in one answer: cname_loop', async () => {
    const answers = Array.from({ length: 9 }, (_, i) => CNAME(`m${i}.test`, `m${i + 1}.test`));
    replies = { 'm0.test': { aa: true, answers: [...answers, A('m9.test')] } };
    expect(await lookup('m0.test')).toMatchObject({ kind: 'cname_loop' });
  });
  test.each<[string, Record<string, ReplySpec>]>([
    [
      'a loop inside one answer',
      { 'l.test': { aa: true, answers: [CNAME('l.test', 'm.test'), CNAME('m.test', 'l.test')] } },
    ],
    ['a self loop', { 'l.test': { aa: true, answers: [CNAME('l.test', 'l.test')] } }],
    [
      'a loop across re-asks',
      {
        'l.test': { aa: true, answers: [CNAME('l.test', 'm.other')] },
        'm.other': { aa: true, answers: [CNAME('m.other', 'l.test')] },
      },
    ],
    [
      'a SERVFAIL whose answer section shows the loop',
      { 'l.test': { rcode: 2, answers: [CNAME('l.test', 'm.test'), CNAME('m.test', 'l.test')] } },
    ],
  ])('%s', async (_label, script) => {
    replies = script;
    const [outcome, queries] = await asked(() => lookup('l.test'));
    expect(outcome).toMatchObject({ kind: 'cname_loop', name: 'l.test' });
    expect(outcome.kind === 'cname_loop' && outcome.aliases.length).toBeGreaterThan(0);
    expect(queries.length).toBeLessThanOrEqual(2);
  });
  test('a SERVFAIL without a loop stays a server failure', async () => {
    replies = { 'l.test': { rcode: 2 } };
    expect(await lookup('l.test')).toMatchObject({
      kind: 'server_failure',
      rcode: 'SERVFAIL',
      rcodeValue: 2,
    });
  });
});

describe('the query budget (maxQueries)', () => {
  test('once spent, lookups end at once as resolution_limit (queries) and nothing more is sent', async () => {
    replies = { 'x.test/A': { aa: true, answers: [A('x.test')] } };
    const resolver = createResolver({ nameservers: [server.address], timeoutMs: 300, maxQueries: 2 });
    expect((await resolver.lookup('x.test', 'A')).kind).toBe('answer');
    expect((await resolver.lookup('x.test', 'A')).kind).toBe('answer');
    const before = server.log.length;
    expect(await resolver.lookup('x.test', 'A')).toMatchObject({
      kind: 'resolution_limit',
      limit: 'queries',
      name: 'x.test',
    });
    expect(server.log.length).toBe(before);
  });
  test('CNAME re-asks count', async () => {
    replies = {
      'x.test': { aa: true, answers: [CNAME('x.test', 'y.other')] },
      'y.other/A': { aa: true, answers: [A('y.other')] },
    };
    const resolver = createResolver({ nameservers: [server.address], timeoutMs: 300, maxQueries: 1 });
    expect(await resolver.lookup('x.test', 'A')).toMatchObject({
      kind: 'resolution_limit',
      limit: 'queries',
    });
  });
  test.each([[0], [-1], [1.5], [Number.NaN]])('maxQueries %s is refused at creation', (maxQueries) => {
    expect(() => createResolver({ nameservers: ['127.0.0.1'], maxQueries })).toThrow(RangeError);
  });
});
