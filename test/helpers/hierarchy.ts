/**
 * The authoritative-mode test hierarchy: the loopback servers of `src/node/servers/hierarchy-server.ts`
 * (re-exported), the same model as an in-memory `Exchanger` for unit tests, and the federation
 * scenario the tests share.
 */
import type { ExchangeOptions, ExchangeOutcome, Exchanger, QueryType } from '../../src/node/dns/types.js';
import {
  type HierarchyRecord,
  type HierarchyServer,
  type HierarchyZone,
  type LoggedQuery,
  modelAnswer,
} from '../../src/node/servers/hierarchy-server.js';

export * from '../../src/node/servers/hierarchy-server.js';

// ---------------------------------------------------------------------------------------------
// The in-memory serving.

/** An exchanger over the model, with the log of what each server was asked. */
export function createFakeExchanger(
  servers: readonly HierarchyServer[],
  options: { silenceMs?: number } = {},
): { exchanger: Exchanger; log: LoggedQuery[] } {
  const silenceMs = options.silenceMs ?? 100;
  const log: LoggedQuery[] = [];
  const byHost = new Map(servers.map((s) => [s.host, s]));
  const exchanger: Exchanger = {
    async exchange(
      server: string,
      name: string,
      type: QueryType,
      exchangeOptions: ExchangeOptions = {},
    ): Promise<ExchangeOutcome> {
      await Promise.resolve();
      const host = server.startsWith('[')
        ? server.slice(1, server.indexOf(']'))
        : server.slice(0, server.lastIndexOf(':'));
      const spec = byHost.get(host);
      if (!spec) return { kind: 'network_error', server, reason: 'ECONNREFUSED' };
      log.push({ host, name, type, transport: 'udp' });
      const answer = modelAnswer(spec, name, type);
      if (!answer) {
        // Silence: wait out the timer, or the abort.
        const signal = exchangeOptions.signal;
        const aborted = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), silenceMs);
          signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve(true);
          });
        });
        return { kind: 'timeout', server, timeoutMs: silenceMs, ...(aborted ? { aborted } : {}) };
      }
      return { kind: 'reply', server, reply: answer };
    },
  };
  return { exchanger, log };
}

// ---------------------------------------------------------------------------------------------
// The federation scenario the authoritative tests share.

/** Hosts of {@link federationHierarchy}, by role. */
export const HOSTS = Object.freeze({
  root: '127.0.10.1',
  com: '127.0.10.2',
  net: '127.0.10.3',
  contoso1: '127.0.10.11',
  contoso2: '127.0.10.12',
  contosoEu: '127.0.10.13',
  contoso3: '127.0.10.14',
  fabrikam1: '127.0.10.21',
  fabrikam2: '127.0.10.22',
  fabrikamLame: '127.0.10.23',
  noaa: '127.0.10.24',
  dnsHost: '127.0.10.31',
  edge: '127.0.10.41',
  poison: '127.0.10.66',
  inside: '127.0.10.90',
  loopy: '127.0.10.91',
  dead1: '127.0.10.71',
  dead2: '127.0.10.72',
  deepBase: '127.0.11.',
});

/** Record shorthands for hierarchy zones. */
export const ns = (name: string, target: string): HierarchyRecord => ({ name, type: 'NS', data: target });
export const a = (name: string, address: string): HierarchyRecord => ({ name, type: 'A', data: address });
export const srv = (name: string, port: number, target: string): HierarchyRecord => ({
  name,
  type: 'SRV',
  data: { priority: 0, weight: 0, port, target },
});
export const cname = (name: string, target: string): HierarchyRecord => ({
  name,
  type: 'CNAME',
  data: target,
});

/** How many glueless NS names (none of which exists) `wide.com` has: more than the query limit. */
export const WIDE_NAMESERVERS = 210;

/** How many zones the too-deep chain under `deep.com` has (one more than the referral limit allows). */
export const DEEP_LEVELS = 17;

/**
 * Root → com/net → SIP domains on loopback:
 * - `contoso.com`: two servers named by the referral, a third only in the apex NS set; a child zone
 *   `eu.contoso.com`; `edge.contoso.com` a CNAME into `edge.net`; `loop.contoso.com` a CNAME loop
 *   across the two zones.
 * - `fabrikam.com`: a secondary with a different SRV set and a lame (REFUSED) server.
 * - `glueless.com`: NS `ns.dns-host.net`, no glue (looked up through `net`).
 * - `victim.com`: NS `ns.dns-host.net` with bogus out-of-bailiwick glue from `com` pointing at the
 *   poison server.
 * - `cycle-a.com` / `cycle-b.com`: each served only by a name inside the other, without glue.
 * - `loopy.com`: its server refers the question back to `loopy.com` (a referral loop).
 * - `dead.com`: both servers silent; `noaa.com`: its only server answers without AA.
 * - `inside` (127.0.10.90): the admin's internal DNS server (split-brain): its own `contoso.com`
 *   with another SRV target and a private address — what a recursive look-up there sees.
 * - `wide.com`: {@link WIDE_NAMESERVERS} glueless NS names that do not exist.
 * - `deep.com`: a chain of {@link DEEP_LEVELS} delegations below it.
 */
export function federationHierarchy(): HierarchyServer[] {
  const H = HOSTS;
  const sipContoso = '_sipfederationtls._tcp.contoso.com';
  const contosoZone = (): HierarchyZone => ({
    origin: 'contoso.com',
    records: [
      ns('contoso.com', 'ns1.contoso.com'),
      ns('contoso.com', 'ns2.contoso.com'),
      ns('contoso.com', 'ns3.contoso.com'),
      a('ns1.contoso.com', H.contoso1),
      a('ns2.contoso.com', H.contoso2),
      a('ns3.contoso.com', H.contoso3),
      srv(sipContoso, 5061, 'sip.contoso.com'),
      a('sip.contoso.com', '203.0.113.10'),
      cname('edge.contoso.com', 'sip.edge.net'),
      cname('loop.contoso.com', 'loop.edge.net'),
      ns('eu.contoso.com', 'ns1.eu.contoso.com'),
      a('ns1.eu.contoso.com', H.contosoEu),
    ],
  });
  const fabrikamZone = (port: number): HierarchyZone => ({
    origin: 'fabrikam.com',
    records: [
      ns('fabrikam.com', 'ns1.fabrikam.com'),
      ns('fabrikam.com', 'ns2.fabrikam.com'),
      ns('fabrikam.com', 'ns3.fabrikam.com'),
      a('ns1.fabrikam.com', H.fabrikam1),
      a('ns2.fabrikam.com', H.fabrikam2),
      a('ns3.fabrikam.com', H.fabrikamLame),
      srv('_sipfederationtls._tcp.fabrikam.com', port, 'sip.fabrikam.com'),
      a('sip.fabrikam.com', '203.0.113.20'),
    ],
  });
  const wide = Array.from({ length: WIDE_NAMESERVERS }, (_, i) => `ns${i + 1}.gone.net`);
  const deep: HierarchyServer[] = [];
  let parent = 'deep.com';
  for (let level = 1; level <= DEEP_LEVELS; level++) {
    const child = `l${level}.${parent}`;
    const records = [
      ns(parent, `ns.${parent}`),
      ns(child, `ns.${child}`),
      a(`ns.${child}`, `${H.deepBase}${level + 1}`),
    ];
    if (level === DEEP_LEVELS) records.splice(1, 2, a(`www.${parent}`, '203.0.113.99'));
    deep.push({ host: `${H.deepBase}${level}`, zones: [{ origin: parent, records }] });
    parent = child;
  }
  return [
    {
      host: H.root,
      zones: [
        {
          origin: '',
          records: [
            ns('com', 'ns1.nic.com'),
            a('ns1.nic.com', H.com),
            ns('net', 'ns1.nic.net'),
            a('ns1.nic.net', H.net),
          ],
        },
      ],
    },
    {
      host: H.com,
      zones: [
        {
          origin: 'com',
          records: [
            ns('com', 'ns1.nic.com'),
            a('ns1.nic.com', H.com),
            ns('contoso.com', 'ns1.contoso.com'),
            ns('contoso.com', 'ns2.contoso.com'),
            a('ns1.contoso.com', H.contoso1),
            a('ns2.contoso.com', H.contoso2),
            ns('fabrikam.com', 'ns1.fabrikam.com'),
            ns('fabrikam.com', 'ns2.fabrikam.com'),
            ns('fabrikam.com', 'ns3.fabrikam.com'),
            a('ns1.fabrikam.com', H.fabrikam1),
            a('ns2.fabrikam.com', H.fabrikam2),
            a('ns3.fabrikam.com', H.fabrikamLame),
            ns('glueless.com', 'ns2.dns-host.net'),
            ns('victim.com', 'ns.dns-host.net'),
            a('ns.dns-host.net', H.poison),
            ns('cycle-a.com', 'ns.cycle-b.com'),
            ns('cycle-b.com', 'ns.cycle-a.com'),
            ns('dead.com', 'ns1.dead.com'),
            ns('dead.com', 'ns2.dead.com'),
            a('ns1.dead.com', H.dead1),
            a('ns2.dead.com', H.dead2),
            ns('noaa.com', 'ns1.noaa.com'),
            a('ns1.noaa.com', H.noaa),
            ...wide.map((name) => ns('wide.com', name)),
            ns('loopy.com', 'ns.loopy.com'),
            a('ns.loopy.com', H.loopy),
            ns('deep.com', 'ns.deep.com'),
            a('ns.deep.com', `${H.deepBase}1`),
          ],
        },
      ],
    },
    {
      host: H.net,
      zones: [
        {
          origin: 'net',
          records: [
            ns('net', 'ns1.nic.net'),
            a('ns1.nic.net', H.net),
            ns('dns-host.net', 'ns.dns-host.net'),
            a('ns.dns-host.net', H.dnsHost),
            ns('edge.net', 'ns1.edge.net'),
            a('ns1.edge.net', H.edge),
          ],
        },
      ],
    },
    { host: H.contoso1, zones: [contosoZone()] },
    { host: H.contoso2, zones: [contosoZone()] },
    { host: H.contoso3, zones: [contosoZone()] },
    {
      host: H.contosoEu,
      zones: [
        {
          origin: 'eu.contoso.com',
          records: [
            ns('eu.contoso.com', 'ns1.eu.contoso.com'),
            a('ns1.eu.contoso.com', H.contosoEu),
            srv('_sipfederationtls._tcp.eu.contoso.com', 5061, 'sip.eu.contoso.com'),
            a('sip.eu.contoso.com', '203.0.113.30'),
          ],
        },
      ],
    },
    { host: H.fabrikam1, zones: [fabrikamZone(5061)] },
    // The stale secondary: another port.
    { host: H.fabrikam2, zones: [fabrikamZone(5062)] },
    // Named by the delegation, serves nothing: REFUSED. Also the "no AA" server of noaa.com.
    { host: H.fabrikamLame, zones: [], behaviour: 'refused' },
    {
      host: H.dnsHost,
      zones: [
        {
          origin: 'dns-host.net',
          records: [
            ns('dns-host.net', 'ns.dns-host.net'),
            a('ns.dns-host.net', H.dnsHost),
            a('ns2.dns-host.net', H.dnsHost),
          ],
        },
        {
          origin: 'glueless.com',
          records: [
            ns('glueless.com', 'ns2.dns-host.net'),
            srv('_sipfederationtls._tcp.glueless.com', 5061, 'sip.glueless.com'),
            a('sip.glueless.com', '203.0.113.40'),
          ],
        },
        {
          origin: 'victim.com',
          records: [ns('victim.com', 'ns.dns-host.net'), a('sip.victim.com', '203.0.113.50')],
        },
      ],
    },
    {
      host: H.poison,
      zones: [
        {
          origin: 'victim.com',
          records: [ns('victim.com', 'ns.dns-host.net'), a('sip.victim.com', '192.0.2.66')],
        },
      ],
    },
    {
      host: H.edge,
      zones: [
        {
          origin: 'edge.net',
          records: [
            ns('edge.net', 'ns1.edge.net'),
            a('ns1.edge.net', H.edge),
            a('sip.edge.net', '198.51.100.10'),
            cname('loop.edge.net', 'loop.contoso.com'),
          ],
        },
      ],
    },
    {
      host: H.noaa,
      zones: [
        { origin: 'noaa.com', records: [ns('noaa.com', 'ns1.noaa.com'), a('sip.noaa.com', '203.0.113.60')] },
      ],
      behaviour: 'no_aa',
    },
    {
      host: H.inside,
      zones: [
        {
          origin: 'contoso.com',
          records: [
            ns('contoso.com', 'dc1.contoso.com'),
            a('dc1.contoso.com', H.inside),
            srv(sipContoso, 5061, 'sip-int.contoso.com'),
            a('sip-int.contoso.com', '10.0.0.10'),
            a('sip.contoso.com', '10.0.0.10'),
          ],
        },
      ],
    },
    // A referral loop: the server of loopy.com refers loopy.com back to itself.
    {
      host: H.loopy,
      zones: [{ origin: 'com', records: [ns('loopy.com', 'ns.loopy.com'), a('ns.loopy.com', H.loopy)] }],
    },
    { host: H.dead1, zones: [], behaviour: 'silence' },
    { host: H.dead2, zones: [], behaviour: 'silence' },
    ...deep,
  ];
}
