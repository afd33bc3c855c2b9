/**
 * Reading replies in authoritative mode (RULES §10), table by rule; then a seeded property over
 * the federation hierarchy with random server faults: a look-up never rejects, ends in a known kind,
 * stays within the query limit and never asks the poison server.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chainLeavesZone,
  readChain,
  readExchange,
  readGlue,
  toServerView,
} from '../src/node/dns/authoritative/reply.js';
import {
  AUTHORITATIVE_DEFAULTS,
  createAuthoritativeResolver,
} from '../src/node/dns/authoritative/resolver.js';
import type { DnsReply, ExchangeOutcome, LookupKind, WireRecord } from '../src/node/dns/types.js';
import { type Behaviour, createFakeExchanger, federationHierarchy, HOSTS } from './helpers/hierarchy.js';

const NS = (name: string, target: string): WireRecord => ({ type: 'NS', name, ttl: 60, target });
const A = (name: string, address: string): WireRecord => ({ type: 'A', name, ttl: 60, address });
const CNAME = (name: string, target: string): WireRecord => ({ type: 'CNAME', name, ttl: 60, target });
const SOA = (name: string): WireRecord => ({ type: 'SOA', name, ttl: 60, mname: `ns.${name}`, minimum: 60 });

function reply(parts: Partial<DnsReply>): ExchangeOutcome {
  return {
    kind: 'reply',
    server: '127.0.0.1:53',
    reply: {
      rcode: 0,
      rcodeName: 'NOERROR',
      aa: false,
      tc: false,
      answers: [],
      authority: [],
      additional: [],
      ...parts,
    },
  };
}

describe('a reply is authoritative, a referral, or lame (RULES §10)', () => {
  it.each<[string, ExchangeOutcome, string, string, object]>([
    [
      'NS for a child zone, no AA, no answer: a referral (NS names sorted)',
      reply({ authority: [NS('contoso.com', 'ns2.contoso.com'), NS('contoso.com', 'ns1.contoso.com')] }),
      'com',
      'sip.contoso.com',
      { kind: 'referral', zone: 'contoso.com', nameservers: ['ns1.contoso.com', 'ns2.contoso.com'] },
    ],
    [
      'the deepest delegation offered that covers the name',
      reply({ authority: [NS('contoso.com', 'a.ns.net'), NS('eu.contoso.com', 'b.ns.net')] }),
      'com',
      'sip.eu.contoso.com',
      { kind: 'referral', zone: 'eu.contoso.com', nameservers: ['b.ns.net'] },
    ],
    [
      'an upward referral (to the root) is lame, not followed',
      reply({ authority: [NS('', 'a.root-servers.net')] }),
      'contoso.com',
      'sip.contoso.com',
      { kind: 'lame', reason: 'no_aa' },
    ],
    [
      'a sideways referral (a zone that does not hold the name) is lame',
      reply({ authority: [NS('fabrikam.com', 'ns1.fabrikam.com')] }),
      'com',
      'sip.contoso.com',
      { kind: 'lame', reason: 'no_aa' },
    ],
    [
      'a referral to the asked zone itself is lame',
      reply({ authority: [NS('contoso.com', 'ns1.contoso.com')] }),
      'contoso.com',
      'sip.contoso.com',
      { kind: 'lame', reason: 'no_aa' },
    ],
    [
      'an answer without AA (a recursive server, a cache) is lame no_aa',
      reply({ answers: [A('sip.contoso.com', '192.0.2.1')] }),
      'contoso.com',
      'sip.contoso.com',
      { kind: 'lame', reason: 'no_aa' },
    ],
    [
      'REFUSED',
      reply({ rcode: 5, rcodeName: 'REFUSED' }),
      'contoso.com',
      'x.contoso.com',
      { kind: 'lame', reason: 'REFUSED' },
    ],
    [
      'SERVFAIL',
      reply({ rcode: 2, rcodeName: 'SERVFAIL' }),
      'contoso.com',
      'x.contoso.com',
      { kind: 'lame', reason: 'SERVFAIL' },
    ],
    [
      'a timeout',
      { kind: 'timeout', server: 's', timeoutMs: 1 },
      'com',
      'x.com',
      { kind: 'lame', reason: 'timeout' },
    ],
    [
      'a network error',
      { kind: 'network_error', server: 's', reason: 'ECONNREFUSED' },
      'com',
      'x.com',
      { kind: 'lame', reason: 'network_error' },
    ],
    [
      'an undecodable reply',
      { kind: 'malformed', server: 's', reason: 'x' },
      'com',
      'x.com',
      { kind: 'lame', reason: 'malformed' },
    ],
    [
      'AA NXDOMAIN is authoritative',
      reply({ aa: true, rcode: 3, rcodeName: 'NXDOMAIN', authority: [SOA('contoso.com')] }),
      'contoso.com',
      'x.contoso.com',
      { kind: 'authoritative' },
    ],
  ])('%s', (_label, outcome, zone, name, expected) => {
    expect(readExchange(outcome, zone, name)).toMatchObject(expected);
  });
});

describe('glue is trusted only inside the referring server’s zone (RFC 2181 §5.4.1)', () => {
  it.each<[string, string, string[], Record<string, string[]>]>([
    ['in-bailiwick glue kept', 'com', ['ns1.contoso.com'], { 'ns1.contoso.com': ['192.0.2.1'] }],
    ['out-of-bailiwick glue (net, from com) dropped', 'com', ['ns.dns-host.net'], {}],
    ['the root’s bailiwick is everything', '', ['ns.dns-host.net'], { 'ns.dns-host.net': ['192.0.2.2'] }],
    [
      'addresses of names that are not NS targets dropped',
      'com',
      ['ns1.contoso.com', 'www.contoso.com'],
      { 'ns1.contoso.com': ['192.0.2.1'] },
    ],
  ])('%s', (_label, zone, names, expected) => {
    const additional = [
      A('ns1.contoso.com', '192.0.2.1'),
      A('ns.dns-host.net', '192.0.2.2'),
      A('www.fabrikam.com', '192.0.2.3'),
    ];
    expect(Object.fromEntries(readGlue(additional, names, zone))).toEqual(expected);
  });

  it('a referral keeps only its in-bailiwick glue', () => {
    const reading = readExchange(
      reply({
        authority: [NS('victim.com', 'ns.dns-host.net'), NS('victim.com', 'ns1.victim.com')],
        additional: [A('ns.dns-host.net', '127.0.10.66'), A('ns1.victim.com', '192.0.2.9')],
      }),
      'com',
      'sip.victim.com',
    );
    expect(reading.kind === 'referral' && Object.fromEntries(reading.glue)).toEqual({
      'ns1.victim.com': ['192.0.2.9'],
    });
  });
});

describe('CNAME chains in one answer (RFC 1034 §3.6.2)', () => {
  it('follows the chain in answer order, whatever the record order', () => {
    const answers = [CNAME('b.contoso.com', 'c.edge.net'), CNAME('a.contoso.com', 'b.contoso.com')];
    const chain = readChain(answers, 'a.contoso.com', 'A');
    expect(chain.aliases.map((a) => a.type === 'CNAME' && a.target)).toEqual(['b.contoso.com', 'c.edge.net']);
    expect(chain).toMatchObject({ end: 'c.edge.net', loop: false });
  });

  it('stops at a repeat: a loop', () => {
    const answers = [CNAME('a.contoso.com', 'b.contoso.com'), CNAME('b.contoso.com', 'a.contoso.com')];
    expect(readChain(answers, 'a.contoso.com', 'A')).toMatchObject({ loop: true, end: 'a.contoso.com' });
  });

  it('asking for the CNAME itself follows nothing', () => {
    expect(readChain([CNAME('a.contoso.com', 'b.net')], 'a.contoso.com', 'CNAME').aliases).toEqual([]);
  });

  it.each<[string, DnsReply, boolean]>([
    [
      'the chain ends outside the zone',
      {
        rcode: 0,
        rcodeName: 'NOERROR',
        aa: true,
        tc: false,
        answers: [CNAME('a.contoso.com', 'x.edge.net')],
        authority: [],
        additional: [],
      },
      true,
    ],
    [
      'the chain ends below a delegation the server shows',
      {
        rcode: 0,
        rcodeName: 'NOERROR',
        aa: true,
        tc: false,
        answers: [CNAME('a.contoso.com', 'x.eu.contoso.com')],
        authority: [NS('eu.contoso.com', 'ns1.eu.contoso.com')],
        additional: [],
      },
      true,
    ],
    [
      'the chain ends inside the zone: the RCODE speaks for its end',
      {
        rcode: 3,
        rcodeName: 'NXDOMAIN',
        aa: true,
        tc: false,
        answers: [CNAME('a.contoso.com', 'x.contoso.com')],
        authority: [SOA('contoso.com')],
        additional: [],
      },
      false,
    ],
  ])('%s: asked again = %s', (_label, r, expected) => {
    expect(chainLeavesZone(r, readChain(r.answers, 'a.contoso.com', 'A'), 'contoso.com')).toBe(expected);
  });

  it('a server whose chain leaves the zone is an answer with aliases and no records', () => {
    const r = reply({ aa: true, answers: [CNAME('a.contoso.com', 'x.edge.net')] });
    const view = toServerView(
      's:53',
      'ns1.contoso.com',
      'contoso.com',
      readExchange(r, 'contoso.com', 'a.contoso.com'),
      'a.contoso.com',
      'A',
    );
    expect(view).toEqual({
      server: 's:53',
      nameserver: 'ns1.contoso.com',
      zone: 'contoso.com',
      outcome: 'answer',
      records: [],
      aliases: [CNAME('a.contoso.com', 'x.edge.net')],
    });
  });
});

describe('property: any mix of server faults (seeded)', () => {
  const KINDS: LookupKind[] = [
    'answer',
    'nxdomain',
    'nodata',
    'server_failure',
    'timeout',
    'network_error',
    'malformed',
    'cname_loop',
    'resolution_limit',
  ];
  const names = [
    '_sipfederationtls._tcp.contoso.com',
    '_sipfederationtls._tcp.eu.contoso.com',
    '_sipfederationtls._tcp.fabrikam.com',
    '_sipfederationtls._tcp.glueless.com',
    'sip.victim.com',
    'edge.contoso.com',
    'loop.contoso.com',
    'sip.cycle-a.com',
    'sip.wide.com',
  ];
  const behaviour = fc.constantFrom<Behaviour>(
    'normal',
    'normal',
    'normal',
    'silence',
    'refused',
    'servfail',
    'no_aa',
  );

  it('never rejects, ends in a known kind, ≤ 200 exchanges per question, never asks the poison server', async () => {
    const hosts = federationHierarchy().map((s) => s.host);
    await fc.assert(
      fc.asyncProperty(
        fc.array(behaviour, { minLength: hosts.length, maxLength: hosts.length }),
        fc.constantFrom(...names),
        async (faults, name) => {
          const servers = federationHierarchy().map((s, i) =>
            s.host === HOSTS.poison ? s : { ...s, behaviour: faults[i] ?? s.behaviour },
          );
          const { exchanger, log } = createFakeExchanger(servers, { silenceMs: 1 });
          const resolver = createAuthoritativeResolver({ rootServers: [HOSTS.root], exchanger });
          const outcome = await resolver.lookup(name, 'A');
          expect(KINDS).toContain(outcome.kind);
          expect(outcome.source).toBe('authoritative');
          expect(log.length).toBeLessThanOrEqual(AUTHORITATIVE_DEFAULTS.maxQueries);
          expect(log.filter((q) => q.host === HOSTS.poison)).toEqual([]);
        },
      ),
      { seed: 20261129, numRuns: 150 },
    );
  });
});
