/**
 * Authoritative mode (RULES §10) over one federation hierarchy served two ways: the in-memory model
 * (a fake Exchanger, no sockets) and real servers on loopback (the project's zone server on
 * 127.0.10.x / 127.0.11.x, one port, through the real exchanger). Same assertions for both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUTHORITATIVE_DEFAULTS,
  type AuthoritativeResolverOptions,
  createAuthoritativeResolver,
} from '../src/node/dns/authoritative/resolver.js';
import { createResolver } from '../src/node/dns/resolver.js';
import type { Exchanger, LookupOutcome, ServerView, SrvAnswer } from '../src/node/dns/types.js';
import {
  createFakeExchanger,
  DEEP_LEVELS,
  federationHierarchy,
  HOSTS,
  type LoggedQuery,
  startHierarchy,
} from './helpers/hierarchy.js';

interface Setup {
  port: number;
  exchanger?: Exchanger;
  log: LoggedQuery[];
  timeoutMs: number;
  close(): Promise<void>;
}

const SIP = '_sipfederationtls._tcp';

async function fakeSetup(): Promise<Setup> {
  const { exchanger, log } = createFakeExchanger(federationHierarchy());
  return { port: 53, exchanger, log, timeoutMs: 50, close: async () => {} };
}

async function loopbackSetup(): Promise<Setup> {
  const hierarchy = await startHierarchy(federationHierarchy());
  return { port: hierarchy.port, log: hierarchy.log, timeoutMs: 300, close: () => hierarchy.close() };
}

const srvRecord = (name: string, port: number, target: string): SrvAnswer => ({
  type: 'SRV',
  name,
  ttl: 3600,
  priority: 0,
  weight: 0,
  port,
  target,
});

describe.each([
  ['in-memory model', fakeSetup],
  ['loopback zone servers', loopbackSetup],
])('authoritative mode over %s', (_label, start) => {
  let setup: Setup;
  const at = (host: string) => `${host}:${setup.port}`;
  const resolver = (extra: AuthoritativeResolverOptions = {}) =>
    createAuthoritativeResolver({
      rootServers: [at(HOSTS.root)],
      port: setup.port,
      timeoutMs: setup.timeoutMs,
      ...(setup.exchanger ? { exchanger: setup.exchanger } : {}),
      ...extra,
    });
  const asked = (host: string, name?: string) =>
    setup.log.filter((q) => q.host === host && (name === undefined || q.name === name)).length;
  const view = (host: string, nameserver: string, zone: string, rest: Partial<ServerView>): ServerView => ({
    server: at(host),
    nameserver,
    zone,
    outcome: 'answer',
    ...rest,
  });
  const rootStep = () => ({ zone: '', nameservers: [at(HOSTS.root)], addresses: [at(HOSTS.root)] });
  const comStep = () => ({ zone: 'com', nameservers: ['ns1.nic.com'], addresses: [at(HOSTS.com)] });
  const netStep = () => ({ zone: 'net', nameservers: ['ns1.nic.net'], addresses: [at(HOSTS.net)] });
  const contosoStep = () => ({
    zone: 'contoso.com',
    nameservers: ['ns1.contoso.com', 'ns2.contoso.com'],
    addresses: [at(HOSTS.contoso1), at(HOSTS.contoso2)],
  });

  beforeAll(async () => {
    setup = await start();
  });
  afterAll(async () => {
    await setup.close();
  });

  describe('delegation: root → TLD → zone → child (in-bailiwick glue)', () => {
    it('answers from the zone and asks every server: the referral’s two and the apex’s third', async () => {
      const outcome = await resolver().lookup(`${SIP}.contoso.com`, 'SRV');
      const records = [srvRecord(`${SIP}.contoso.com`, 5061, 'sip.contoso.com')];
      expect(outcome).toEqual({
        kind: 'answer',
        name: `${SIP}.contoso.com`,
        type: 'SRV',
        server: at(HOSTS.contoso1),
        source: 'authoritative',
        records,
        aliases: [],
        path: [rootStep(), comStep(), contosoStep()],
        servers: [
          view(HOSTS.contoso1, 'ns1.contoso.com', 'contoso.com', { records }),
          view(HOSTS.contoso2, 'ns2.contoso.com', 'contoso.com', { records }),
          view(HOSTS.contoso3, 'ns3.contoso.com', 'contoso.com', { records }),
        ],
      });
    });

    it('follows the child zone’s delegation', async () => {
      const outcome = await resolver().lookup(`${SIP}.eu.contoso.com`, 'SRV');
      const records = [srvRecord(`${SIP}.eu.contoso.com`, 5061, 'sip.eu.contoso.com')];
      expect(outcome).toMatchObject({ kind: 'answer', records, server: at(HOSTS.contosoEu) });
      expect(outcome.path).toEqual([
        rootStep(),
        comStep(),
        contosoStep(),
        { zone: 'eu.contoso.com', nameservers: ['ns1.eu.contoso.com'], addresses: [at(HOSTS.contosoEu)] },
      ]);
      expect(outcome.servers).toEqual([
        view(HOSTS.contosoEu, 'ns1.eu.contoso.com', 'eu.contoso.com', { records }),
      ]);
    });

    it('NXDOMAIN and NODATA come from the zone’s servers, each server’s view kept', async () => {
      const missing = await resolver().lookup(`${SIP}.eu2.contoso.com`, 'SRV');
      expect(missing).toMatchObject({ kind: 'nxdomain', server: at(HOSTS.contoso1) });
      expect(missing.servers?.map((s) => s.outcome)).toEqual(['nxdomain', 'nxdomain', 'nxdomain']);
      const nodata = await resolver().lookup('sip.contoso.com', 'AAAA');
      expect(nodata).toMatchObject({ kind: 'nodata' });
      expect(nodata.servers?.map((s) => s.outcome)).toEqual(['nodata', 'nodata', 'nodata']);
    });
  });

  describe('every authoritative server asked (lame, inconsistent)', () => {
    it('a stale secondary and a lame server show in `servers`; the first authoritative answer wins', async () => {
      const outcome = await resolver().lookup(`${SIP}.fabrikam.com`, 'SRV');
      const name = `${SIP}.fabrikam.com`;
      expect(outcome).toMatchObject({
        kind: 'answer',
        server: at(HOSTS.fabrikam1),
        records: [srvRecord(name, 5061, 'sip.fabrikam.com')],
      });
      expect(outcome.servers).toEqual([
        view(HOSTS.fabrikam1, 'ns1.fabrikam.com', 'fabrikam.com', {
          records: [srvRecord(name, 5061, 'sip.fabrikam.com')],
        }),
        view(HOSTS.fabrikam2, 'ns2.fabrikam.com', 'fabrikam.com', {
          records: [srvRecord(name, 5062, 'sip.fabrikam.com')],
        }),
        view(HOSTS.fabrikamLame, 'ns3.fabrikam.com', 'fabrikam.com', {
          outcome: 'lame',
          lameReason: 'REFUSED',
        }),
      ]);
    });

    it('no server answers: timeout, with each server’s reason', async () => {
      const outcome = await resolver().lookup(`${SIP}.dead.com`, 'SRV');
      expect(outcome).toMatchObject({ kind: 'timeout', source: 'authoritative' });
      expect(outcome.servers).toEqual([
        view(HOSTS.dead1, 'ns1.dead.com', 'dead.com', { outcome: 'lame', lameReason: 'timeout' }),
        view(HOSTS.dead2, 'ns2.dead.com', 'dead.com', { outcome: 'lame', lameReason: 'timeout' }),
      ]);
      expect(outcome.path?.at(-1)).toEqual({
        zone: 'dead.com',
        nameservers: ['ns1.dead.com', 'ns2.dead.com'],
        addresses: [at(HOSTS.dead1), at(HOSTS.dead2)],
      });
    });

    it('a referral loop (the zone’s server refers back to the zone) is lame, not followed', async () => {
      const outcome = await resolver().lookup('sip.loopy.com', 'A');
      expect(outcome).toMatchObject({ kind: 'server_failure', rcode: 'NOERROR' });
      expect(outcome.servers).toEqual([
        view(HOSTS.loopy, 'ns.loopy.com', 'loopy.com', { outcome: 'lame', lameReason: 'no_aa' }),
      ]);
      expect(asked(HOSTS.loopy, 'sip.loopy.com')).toBeGreaterThan(0);
    });

    it('answers without AA: server_failure, lame no_aa', async () => {
      const outcome = await resolver().lookup('sip.noaa.com', 'A');
      expect(outcome).toMatchObject({ kind: 'server_failure', rcode: 'NOERROR' });
      expect(outcome.servers).toEqual([
        view(HOSTS.noaa, 'ns1.noaa.com', 'noaa.com', { outcome: 'lame', lameReason: 'no_aa' }),
      ]);
    });
  });

  describe('glue: glueless names looked up, out-of-bailiwick glue ignored', () => {
    it('a glueless NS name is resolved from the root', async () => {
      const outcome = await resolver().lookup(`${SIP}.glueless.com`, 'SRV');
      expect(outcome).toMatchObject({ kind: 'answer', server: at(HOSTS.dnsHost) });
      expect(outcome.path).toEqual([
        rootStep(),
        comStep(),
        { zone: 'glueless.com', nameservers: ['ns2.dns-host.net'], addresses: [at(HOSTS.dnsHost)] },
      ]);
      expect(outcome.servers).toEqual([
        view(HOSTS.dnsHost, 'ns2.dns-host.net', 'glueless.com', {
          records: [srvRecord(`${SIP}.glueless.com`, 5061, 'sip.glueless.com')],
        }),
      ]);
    });

    it('bogus glue from com for a name in net is never used: the poison server is never asked', async () => {
      const before = asked(HOSTS.poison);
      const outcome = await resolver().lookup('sip.victim.com', 'A');
      expect(outcome).toMatchObject({
        kind: 'answer',
        server: at(HOSTS.dnsHost),
        records: [{ type: 'A', name: 'sip.victim.com', address: '203.0.113.50' }],
      });
      expect(outcome.path?.at(-1)).toEqual({
        zone: 'victim.com',
        nameservers: ['ns.dns-host.net'],
        addresses: [at(HOSTS.dnsHost)],
      });
      expect(asked(HOSTS.poison)).toBe(before);
      expect(before).toBe(0);
    });

    it('a cycle of glueless name servers is resolution_limit glueless_cycle', async () => {
      const outcome = await resolver().lookup('sip.cycle-a.com', 'A');
      expect(outcome).toMatchObject({
        kind: 'resolution_limit',
        limit: 'glueless_cycle',
        source: 'authoritative',
      });
    });
  });

  describe('CNAMEs chased across zones (RULES §8: ≤ 8 links)', () => {
    it('a CNAME into another zone is followed there; both zones’ servers shown', async () => {
      const outcome = await resolver().lookup('edge.contoso.com', 'A');
      const alias = { type: 'CNAME', name: 'edge.contoso.com', ttl: 3600, target: 'sip.edge.net' };
      expect(outcome).toMatchObject({
        kind: 'answer',
        name: 'edge.contoso.com',
        server: at(HOSTS.edge),
        records: [{ type: 'A', name: 'sip.edge.net', ttl: 3600, address: '198.51.100.10' }],
        aliases: [alias],
      });
      expect(outcome.path).toEqual([
        rootStep(),
        netStep(),
        { zone: 'edge.net', nameservers: ['ns1.edge.net'], addresses: [at(HOSTS.edge)] },
      ]);
      expect(outcome.servers?.map((s) => [s.zone, s.server, s.outcome])).toEqual([
        ['contoso.com', at(HOSTS.contoso1), 'answer'],
        ['contoso.com', at(HOSTS.contoso2), 'answer'],
        ['contoso.com', at(HOSTS.contoso3), 'answer'],
        ['edge.net', at(HOSTS.edge), 'answer'],
      ]);
      expect(outcome.servers?.[0]).toMatchObject({ records: [], aliases: [alias] });
    });

    it('a CNAME loop across two zones is cname_loop with the chain as followed', async () => {
      const outcome = await resolver().lookup('loop.contoso.com', 'A');
      expect(outcome.kind).toBe('cname_loop');
      expect(outcome.kind === 'cname_loop' && outcome.aliases.map((a) => `${a.name}>${a.target}`)).toEqual([
        'loop.contoso.com>loop.edge.net',
        'loop.edge.net>loop.contoso.com',
      ]);
    });
  });

  describe('limits (RULES §10: 16 referrals, 200 queries per question)', () => {
    it(`a delegation chain ${DEEP_LEVELS} zones deep is resolution_limit referrals`, async () => {
      let name = 'deep.com';
      for (let level = 1; level < DEEP_LEVELS; level++) name = `l${level}.${name}`;
      const outcome = await resolver().lookup(`www.${name}`, 'A');
      expect(outcome).toMatchObject({ kind: 'resolution_limit', limit: 'referrals' });
      // One zone less is within the limit.
      const shallow = await resolver().lookup(`www.l1.deep.com`, 'A');
      expect(shallow.kind).not.toBe('resolution_limit');
    });

    it('a zone with 210 unresolvable glueless NS names is resolution_limit queries', async () => {
      const udp = () => setup.log.filter((q) => q.transport === 'udp').length;
      const before = udp();
      const outcome = await resolver().lookup('sip.wide.com', 'A');
      expect(outcome).toMatchObject({ kind: 'resolution_limit', limit: 'queries' });
      // Exchanges (the referral of 210 NS records is retried over TCP: the same exchange).
      expect(udp() - before).toBe(AUTHORITATIVE_DEFAULTS.maxQueries);
    });
  });

  describe('delegations cached per resolver: root and TLD asked once', () => {
    it('sequential and concurrent look-ups share the root’s and the TLD’s referrals', async () => {
      const shared = resolver();
      const root = asked(HOSTS.root);
      const com = asked(HOSTS.com);
      await shared.lookup(`${SIP}.contoso.com`, 'SRV');
      await shared.lookup('sip.contoso.com', 'A');
      expect(asked(HOSTS.root) - root).toBe(1);
      expect(asked(HOSTS.com) - com).toBe(1);
      const outcomes = await Promise.all(
        ['fabrikam.com', 'glueless.com', 'victim.com', 'noaa.com', 'eu.contoso.com'].map((d) =>
          shared.lookup(`${SIP}.${d}`, 'SRV'),
        ),
      );
      expect(outcomes.map((o) => o.kind)).toEqual([
        'answer',
        'answer',
        'nxdomain',
        'server_failure',
        'answer',
      ]);
      // The root once more, for net (glueless NS names); com once per new domain (eu.contoso.com: never).
      expect(asked(HOSTS.root) - root).toBe(2);
      expect(asked(HOSTS.com) - com).toBe(5);
    });

    it('a fresh resolver starts from the root again', async () => {
      const root = asked(HOSTS.root);
      await resolver().lookup('sip.contoso.com', 'A');
      await resolver().lookup('sip.contoso.com', 'A');
      expect(asked(HOSTS.root) - root).toBe(2);
    });
  });

  describe('bounded', () => {
    it('an aborted look-up ends at once as timeout aborted', async () => {
      const controller = new AbortController();
      const pending = resolver({ timeoutMs: 5000 }).lookup(`${SIP}.dead.com`, 'SRV', {
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 20);
      const started = Date.now();
      const outcome = await pending;
      expect(outcome).toMatchObject({ kind: 'timeout', aborted: true, source: 'authoritative' });
      expect(Date.now() - started).toBeLessThan(2000);
      // Nothing goes on behind it: no exchange starts after the abort.
      const after = setup.log.length;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(setup.log.length).toBe(after);
    });

    it('an already aborted signal asks nothing', async () => {
      const before = setup.log.length;
      const outcome = await resolver().lookup('sip.contoso.com', 'A', { signal: AbortSignal.abort() });
      expect(outcome).toMatchObject({ kind: 'timeout', aborted: true });
      expect(setup.log.length).toBe(before);
    });
  });
});

describe('split view: the inside resolver vs the authoritative answer (data for dns.split_view)', () => {
  it('the recursive resolver at the internal server and the authoritative resolver disagree', async () => {
    const hierarchy = await startHierarchy(federationHierarchy());
    try {
      const name = `${SIP}.contoso.com`;
      const inside = await createResolver({
        nameservers: [hierarchy.address(HOSTS.inside)],
        timeoutMs: 500,
      }).lookup(name, 'SRV');
      const outside = await createAuthoritativeResolver({
        rootServers: [hierarchy.address(HOSTS.root)],
        port: hierarchy.port,
        timeoutMs: 500,
      }).lookup(name, 'SRV');
      expect(inside).toMatchObject({
        kind: 'answer',
        records: [srvRecord(name, 5061, 'sip-int.contoso.com')],
      });
      expect(inside.source ?? 'recursive').toBe('recursive');
      expect(outside).toMatchObject({
        kind: 'answer',
        source: 'authoritative',
        records: [srvRecord(name, 5061, 'sip.contoso.com')],
      });
      // The internal server is no server of the public zone: never asked in authoritative mode.
      expect(hierarchy.count(HOSTS.inside)).toBe(1);
    } finally {
      await hierarchy.close();
    }
  });
});

describe('options', () => {
  it.each([['not-an-ip'], ['sip.contoso.com'], ['127.0.0.1:99999'], ['[::1']])(
    'a root server that is not an address is a TypeError: %s',
    (entry) => {
      expect(() => createAuthoritativeResolver({ rootServers: [entry] })).toThrow(TypeError);
    },
  );

  it('without `port`, referrals use the port all root servers name (a private hierarchy on one port)', async () => {
    const hierarchy = await startHierarchy(federationHierarchy());
    try {
      const outcome = await createAuthoritativeResolver({
        rootServers: [hierarchy.address(HOSTS.root)],
        timeoutMs: 500,
      }).lookup('sip.contoso.com', 'A');
      expect(outcome).toMatchObject({ kind: 'answer', server: hierarchy.address(HOSTS.contoso1) });
    } finally {
      await hierarchy.close();
    }
  });

  it('a root that refuses the NS question (RFC 9156 minimisation) is asked the question itself', async () => {
    const servers = federationHierarchy();
    const { exchanger, log } = createFakeExchanger(servers);
    const refusingNs: Exchanger = {
      exchange: (server, name, type, options) =>
        server.startsWith(`${HOSTS.root}:`) && type === 'NS'
          ? Promise.resolve({
              kind: 'reply',
              server,
              reply: {
                rcode: 5,
                rcodeName: 'REFUSED',
                aa: false,
                tc: false,
                answers: [],
                authority: [],
                additional: [],
              },
            })
          : exchanger.exchange(server, name, type, options),
    };
    const outcome = await createAuthoritativeResolver({
      rootServers: [HOSTS.root],
      exchanger: refusingNs,
    }).lookup('sip.contoso.com', 'A');
    expect(outcome).toMatchObject({ kind: 'answer', records: [{ address: '203.0.113.10' }] });
    expect(log.filter((q) => q.host === HOSTS.root).map((q) => `${q.name}/${q.type}`)).toEqual([
      'sip.contoso.com/A',
    ]);
  });

  it('roots on different ports (or none): referrals go to port 53', async () => {
    const asked: string[] = [];
    const exchanger: Exchanger = {
      async exchange(server) {
        asked.push(server);
        return {
          kind: 'reply',
          server,
          reply: {
            rcode: 0,
            rcodeName: 'NOERROR',
            aa: false,
            tc: false,
            answers: [],
            authority: [{ type: 'NS', name: 'com', ttl: 60, target: 'ns1.nic.com' }],
            additional: [{ type: 'A', name: 'ns1.nic.com', ttl: 60, address: '192.0.2.53' }],
          },
        };
      },
    };
    await createAuthoritativeResolver({ rootServers: ['192.0.2.1:5300', '192.0.2.2'], exchanger }).lookup(
      'sip.contoso.com',
      'A',
    );
    expect(asked.slice(0, 2)).toEqual(['192.0.2.1:5300', '192.0.2.53:53']);
  });

  it('an empty root server list is a TypeError', () => {
    expect(() => createAuthoritativeResolver({ rootServers: [] })).toThrow(TypeError);
  });

  it('silent IANA roots: three tried, then timeout; the failure is remembered for the run', async () => {
    const asked: string[] = [];
    const exchanger: Exchanger = {
      async exchange(server) {
        asked.push(server);
        return { kind: 'timeout', server, timeoutMs: 1 };
      },
    };
    const resolver = createAuthoritativeResolver({ exchanger });
    const outcome = await resolver.lookup('_sipfederationtls._tcp.contoso.com', 'SRV');
    expect(outcome).toMatchObject({ kind: 'timeout', source: 'authoritative' });
    expect(asked).toEqual(['198.41.0.4:53', '170.247.170.2:53', '192.33.4.12:53']);
    expect((await resolver.lookup('sip.contoso.com', 'A')).kind).toBe('timeout');
    expect(asked).toHaveLength(3);
  });

  it('unreachable roots: a could-not-ask outcome, never a verdict, within the timeouts', async () => {
    const started = Date.now();
    const outcome: LookupOutcome = await createAuthoritativeResolver({
      rootServers: ['127.0.10.250:9', '127.0.10.251:9'],
      timeoutMs: 200,
    }).lookup('_sipfederationtls._tcp.contoso.com', 'SRV');
    expect(['timeout', 'network_error']).toContain(outcome.kind);
    // Not the domain's servers: no `servers` views (no dns.lame_server verdict); the reasons in the text.
    expect(outcome.servers).toBeUndefined();
    expect(outcome.path).toEqual([
      {
        zone: '',
        nameservers: ['127.0.10.250:9', '127.0.10.251:9'],
        addresses: ['127.0.10.250:9', '127.0.10.251:9'],
      },
    ]);
    const text =
      outcome.kind === 'timeout' ? outcome.detail : outcome.kind === 'network_error' ? outcome.reason : '';
    expect(text).toContain('127.0.10.251:9');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
