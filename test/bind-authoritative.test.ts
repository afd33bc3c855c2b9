/**
 * Against real BIND 9 (RULES §8, §10): five authoritative-only `named` instances on 127.0.53.101–105
 * (root; com and net; two servers of the SIP domains; edge.net, a child zone and a glueless host),
 * never recursing. The authoritative resolver resolves through them from the root; the recursive
 * resolver asked directly at an authoritative-only server gets a referral, not NODATA.
 * Skipped visibly when `named` is missing or we are not root (CI installs bind9: see .ci/run).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthoritativeResolver } from '../src/node/dns/authoritative/resolver.js';
import { createResolver } from '../src/node/dns/resolver.js';
import type { ServerView, SrvAnswer } from '../src/node/dns/types.js';
import { type BindCluster, bindUnavailable, startBind } from './helpers/bind.js';

const ROOT = '127.0.53.101';
const TLD = '127.0.53.102';
const SIP1 = '127.0.53.103';
const SIP2 = '127.0.53.104';
const EDGE = '127.0.53.105';
const SIP = '_sipfederationtls._tcp';

const contoso = `
@ NS ns1
@ NS ns2
ns1 A ${SIP1}
ns2 A ${SIP2}
${SIP} SRV 0 0 5061 sip
sip A 203.0.113.10
edge CNAME sip.edge.net.
loop CNAME loop.edge.net.
eu NS ns1.eu
ns1.eu A ${EDGE}
`;
const fabrikam = (port: number) => `
@ NS ns1
@ NS ns2
ns1 A ${SIP1}
ns2 A ${SIP2}
${SIP} SRV 0 0 ${port} sip
sip A 203.0.113.20
`;

const SERVERS = [
  {
    address: ROOT,
    zones: [
      {
        origin: '',
        body: `
@ NS a.root-servers.net.
a.root-servers.net. A ${ROOT}
com. NS ns1.nic.com.
ns1.nic.com. A ${TLD}
net. NS ns1.nic.net.
ns1.nic.net. A ${TLD}
`,
      },
    ],
  },
  {
    address: TLD,
    zones: [
      {
        origin: 'com',
        body: `
@ NS ns1.nic.com.
ns1.nic A ${TLD}
contoso NS ns1.contoso
contoso NS ns2.contoso
ns1.contoso A ${SIP1}
ns2.contoso A ${SIP2}
fabrikam NS ns1.fabrikam
fabrikam NS ns2.fabrikam
ns1.fabrikam A ${SIP1}
ns2.fabrikam A ${SIP2}
glueless NS ns.dns-host.net.
lame NS ns1.lame
lame NS ns2.lame
ns1.lame A ${SIP1}
ns2.lame A ${EDGE}
`,
      },
      {
        origin: 'net',
        body: `
@ NS ns1.nic.net.
ns1.nic A ${TLD}
edge NS ns1.edge
ns1.edge A ${EDGE}
dns-host NS ns.dns-host
ns.dns-host A ${EDGE}
`,
      },
    ],
  },
  {
    address: SIP1,
    zones: [
      { origin: 'contoso.com', body: contoso },
      { origin: 'fabrikam.com', body: fabrikam(5061) },
      { origin: 'lame.com', body: `@ NS ns1\n@ NS ns2\nns1 A ${SIP1}\nns2 A ${EDGE}\nsip A 203.0.113.70` },
    ],
  },
  {
    address: SIP2,
    zones: [
      { origin: 'contoso.com', body: contoso },
      // A stale secondary: another port.
      { origin: 'fabrikam.com', body: fabrikam(5062) },
    ],
  },
  {
    address: EDGE,
    zones: [
      {
        origin: 'edge.net',
        body: `@ NS ns1\nns1 A ${EDGE}\nsip A 198.51.100.10\nloop CNAME loop.contoso.com.`,
      },
      {
        origin: 'eu.contoso.com',
        body: `@ NS ns1\nns1 A ${EDGE}\n${SIP} SRV 0 0 5061 sip\nsip A 203.0.113.30`,
      },
      { origin: 'dns-host.net', body: `@ NS ns\nns A ${EDGE}` },
      { origin: 'glueless.com', body: `@ NS ns.dns-host.net.\n${SIP} SRV 0 0 5061 sip\nsip A 203.0.113.40` },
    ],
  },
];

const unavailable = bindUnavailable();
if (unavailable) console.log(`BIND 9 suite SKIPPED: ${unavailable}`);
const suite = unavailable ? describe.skip : describe;

const srv = (name: string, port: number, target: string): SrvAnswer => ({
  type: 'SRV',
  name,
  ttl: 3600,
  priority: 0,
  weight: 0,
  port,
  target,
});

suite('BIND 9, authoritative only, on 127.0.53.101–105', () => {
  let bind: BindCluster;
  const at = (address: string) => bind.at(address);
  const authoritative = () =>
    createAuthoritativeResolver({ rootServers: [at(ROOT)], port: bind.port, timeoutMs: 1000 });
  const view = (
    address: string,
    nameserver: string,
    zone: string,
    rest: Partial<ServerView>,
  ): ServerView => ({
    server: at(address),
    nameserver,
    zone,
    outcome: 'answer',
    ...rest,
  });
  const rootStep = () => ({ zone: '', nameservers: [at(ROOT)], addresses: [at(ROOT)] });
  const comStep = () => ({ zone: 'com', nameservers: ['ns1.nic.com'], addresses: [at(TLD)] });

  beforeAll(async () => {
    bind = await startBind(SERVERS);
    console.log(`BIND 9: ${SERVERS.length} named instances on port ${bind.port} ready in ${bind.startMs} ms`);
  }, 60_000);
  afterAll(async () => {
    await bind?.stop();
  }, 30_000);

  describe('authoritative mode resolves from the root through BIND', () => {
    it('the SRV record, from both servers of the zone, with the delegation path', async () => {
      const outcome = await authoritative().lookup(`${SIP}.contoso.com`, 'SRV');
      const records = [srv(`${SIP}.contoso.com`, 5061, 'sip.contoso.com')];
      expect(outcome).toEqual({
        kind: 'answer',
        name: `${SIP}.contoso.com`,
        type: 'SRV',
        server: at(SIP1),
        source: 'authoritative',
        records,
        aliases: [],
        path: [
          rootStep(),
          comStep(),
          {
            zone: 'contoso.com',
            nameservers: ['ns1.contoso.com', 'ns2.contoso.com'],
            addresses: [at(SIP1), at(SIP2)],
          },
        ],
        servers: [
          view(SIP1, 'ns1.contoso.com', 'contoso.com', { records }),
          view(SIP2, 'ns2.contoso.com', 'contoso.com', { records }),
        ],
      });
    });

    it('a stale secondary shows as a different record set', async () => {
      const outcome = await authoritative().lookup(`${SIP}.fabrikam.com`, 'SRV');
      const name = `${SIP}.fabrikam.com`;
      expect(outcome.servers).toEqual([
        view(SIP1, 'ns1.fabrikam.com', 'fabrikam.com', { records: [srv(name, 5061, 'sip.fabrikam.com')] }),
        view(SIP2, 'ns2.fabrikam.com', 'fabrikam.com', { records: [srv(name, 5062, 'sip.fabrikam.com')] }),
      ]);
    });

    it('a CNAME into another zone is chased there', async () => {
      const outcome = await authoritative().lookup('edge.contoso.com', 'A');
      expect(outcome).toMatchObject({
        kind: 'answer',
        server: at(EDGE),
        records: [{ type: 'A', name: 'sip.edge.net', address: '198.51.100.10' }],
        aliases: [{ type: 'CNAME', name: 'edge.contoso.com', target: 'sip.edge.net' }],
      });
      expect(outcome.path?.map((s) => s.zone)).toEqual(['', 'net', 'edge.net']);
      expect(outcome.servers?.map((s) => `${s.zone} ${s.server} ${s.outcome}`)).toEqual([
        `contoso.com ${at(SIP1)} answer`,
        `contoso.com ${at(SIP2)} answer`,
        `edge.net ${at(EDGE)} answer`,
      ]);
    });

    it('a server named by the delegation that does not serve the zone: lame REFUSED', async () => {
      const outcome = await authoritative().lookup('sip.lame.com', 'A');
      expect(outcome).toMatchObject({ kind: 'answer', server: at(SIP1) });
      expect(outcome.servers).toEqual([
        view(SIP1, 'ns1.lame.com', 'lame.com', {
          records: [{ type: 'A', name: 'sip.lame.com', ttl: 3600, address: '203.0.113.70' }],
        }),
        view(EDGE, 'ns2.lame.com', 'lame.com', { outcome: 'lame', lameReason: 'REFUSED' }),
      ]);
    });

    it('a CNAME loop across two zones is cname_loop', async () => {
      const outcome = await authoritative().lookup('loop.contoso.com', 'A');
      expect(outcome.kind).toBe('cname_loop');
      expect(outcome.kind === 'cname_loop' && outcome.aliases.map((a) => `${a.name}>${a.target}`)).toEqual([
        'loop.contoso.com>loop.edge.net',
        'loop.edge.net>loop.contoso.com',
      ]);
    });

    it('a child zone and a glueless delegation', async () => {
      const resolver = authoritative();
      const child = await resolver.lookup(`${SIP}.eu.contoso.com`, 'SRV');
      expect(child).toMatchObject({ kind: 'answer', server: at(EDGE) });
      expect(child.path?.map((s) => s.zone)).toEqual(['', 'com', 'contoso.com', 'eu.contoso.com']);
      const glueless = await resolver.lookup(`${SIP}.glueless.com`, 'SRV');
      expect(glueless).toMatchObject({
        kind: 'answer',
        records: [srv(`${SIP}.glueless.com`, 5061, 'sip.glueless.com')],
      });
      expect(glueless.path?.at(-1)).toEqual({
        zone: 'glueless.com',
        nameservers: ['ns.dns-host.net'],
        addresses: [at(EDGE)],
      });
    });

    it('NXDOMAIN and NODATA are verdicts of the zone’s servers', async () => {
      const resolver = authoritative();
      const missing = await resolver.lookup(`${SIP}.nope.com`, 'SRV');
      expect(missing).toMatchObject({ kind: 'nxdomain', server: at(TLD) });
      expect(missing.servers).toEqual([view(TLD, 'ns1.nic.com', 'com', { outcome: 'nxdomain' })]);
      const nodata = await resolver.lookup('sip.contoso.com', 'AAAA');
      expect(nodata).toMatchObject({ kind: 'nodata' });
      expect(nodata.servers?.map((s) => s.outcome)).toEqual(['nodata', 'nodata']);
    });
  });

  it('named stays on loopback: no priming, no query to any address outside 127.0.0.0/8', () => {
    const logs = bind.logs().join('\n');
    if (process.env.BIND_LOGS) console.log(logs);
    expect(logs).not.toMatch(/priming/);
    const remote = [...logs.matchAll(/(\d+\.\d+\.\d+\.\d+)#\d+/g)]
      .map((m) => m[1])
      .filter((ip) => !ip?.startsWith('127.'));
    expect(remote).toEqual([]);
  });

  describe('recursive mode asked directly at authoritative-only BIND', () => {
    it('the TLD server’s answer is a referral, not NODATA', async () => {
      const outcome = await createResolver({ nameservers: [at(TLD)], timeoutMs: 1000, attempts: 1 }).lookup(
        `${SIP}.contoso.com`,
        'SRV',
      );
      expect(outcome).toMatchObject({
        kind: 'referral',
        zone: 'contoso.com',
        nameservers: ['ns1.contoso.com', 'ns2.contoso.com'],
      });
    });

    it('the root server’s answer is a referral to the TLD', async () => {
      const outcome = await createResolver({ nameservers: [at(ROOT)], timeoutMs: 1000, attempts: 1 }).lookup(
        'sip.contoso.com',
        'A',
      );
      expect(outcome).toMatchObject({ kind: 'referral', zone: 'com', nameservers: ['ns1.nic.com'] });
    });
  });
});
