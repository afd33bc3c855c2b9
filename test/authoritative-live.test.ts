// RULES §8/§10 through the live checks in authoritative mode: a CNAME chain that crosses zones is
// judged on the zone that gave the final answer; the zones before it only hold the alias, so no
// §7/§8 rule runs on them and their servers are compared only with each other.
import { describe, expect, it } from 'vitest';
import type { Check } from '../src/core/report/report-types.js';
import { createAuthoritativeResolver } from '../src/node/dns/authoritative/index.js';
import { checkDomainFederation } from '../src/node/live/live.js';
import { a, cname, createFakeExchanger, type HierarchyServer, ns, srv } from './helpers/hierarchy.js';

const ROOT = '127.0.12.1';
const TLDS = '127.0.12.2';
const ALIAS1 = '127.0.12.11';
const ALIAS2 = '127.0.12.12';
const HOSTING = '127.0.12.21';

/** alias.com (two servers) points its SRV owner and its SRV target into hosting.net (one server). */
function hierarchy(stalePort?: number): HierarchyServer[] {
  const aliasZone = (port: number) => ({
    origin: 'alias.com',
    records: [
      ns('alias.com', 'ns1.alias.com'),
      ns('alias.com', 'ns2.alias.com'),
      a('ns1.alias.com', ALIAS1),
      a('ns2.alias.com', ALIAS2),
      cname(
        '_sipfederationtls._tcp.alias.com',
        `_sipfederationtls._tcp.alias${port === 5061 ? '' : '-old'}.hosting.net`,
      ),
      cname('sip.alias.com', 'sip.hosting.net'),
    ],
  });
  return [
    {
      host: ROOT,
      zones: [
        {
          origin: '',
          records: [ns('com', 'ns.tlds.net'), ns('net', 'ns.tlds.net'), a('ns.tlds.net', TLDS)],
        },
      ],
    },
    {
      host: TLDS,
      zones: [
        {
          origin: 'com',
          records: [
            ns('alias.com', 'ns1.alias.com'),
            ns('alias.com', 'ns2.alias.com'),
            a('ns1.alias.com', ALIAS1),
            a('ns2.alias.com', ALIAS2),
          ],
        },
        { origin: 'net', records: [ns('hosting.net', 'ns.hosting.net'), a('ns.hosting.net', HOSTING)] },
      ],
    },
    { host: ALIAS1, zones: [aliasZone(5061)] },
    { host: ALIAS2, zones: [aliasZone(stalePort ?? 5061)] },
    {
      host: HOSTING,
      zones: [
        {
          origin: 'hosting.net',
          records: [
            ns('hosting.net', 'ns.hosting.net'),
            a('ns.hosting.net', HOSTING),
            srv('_sipfederationtls._tcp.alias.hosting.net', 5061, 'sip.alias.com'),
            srv('_sipfederationtls._tcp.alias-old.hosting.net', 5062, 'sip.alias.com'),
            a('sip.hosting.net', '198.51.100.20'),
          ],
        },
      ],
    },
  ];
}

async function run(servers: HierarchyServer[]) {
  const { exchanger } = createFakeExchanger(servers);
  const resolver = createAuthoritativeResolver({ rootServers: [`${ROOT}:53`], exchanger, timeoutMs: 50 });
  return checkDomainFederation('alias.com', { resolver, compareRecursive: false });
}
const codes = (check: Check | undefined) => check?.issues.map((issue) => issue.code);

describe('authoritative mode: CNAMEs across zones (RULES §8, §10)', () => {
  it('the owner and the target are aliases into another zone: only the alias warnings', async () => {
    const report = await run(hierarchy());
    const srvCheck = report.checks.find((check) => check.id === 'srv');
    const target = report.checks.find((check) => check.id === 'srv-target');
    expect(codes(srvCheck)).toEqual(['srv.owner_is_alias']);
    expect(codes(target)).toEqual(['dns.target_is_alias']);
    expect(report.selected).toMatchObject({ port: 5061, target: 'sip.alias.com' });
    expect(target?.evidence?.addresses).toMatchObject([{ address: '198.51.100.20' }]);
    // The alias zone's servers answered with the CNAME: the evidence shows it.
    type Resolution = { lookups: { servers?: { zone: string; records?: string[] }[] }[] };
    const { lookups } = (target?.evidence?.resolution ?? { lookups: [] }) as Resolution;
    const aliasViews = lookups[0]?.servers?.filter((view) => view.zone === 'alias.com') ?? [];
    expect(aliasViews.map((view) => view.records)).toEqual([
      ['CNAME sip.hosting.net.'],
      ['CNAME sip.hosting.net.'],
    ]);
  });

  it('servers of the alias zone that disagree on the alias: inconsistent (W), named by zone', async () => {
    const report = await run(hierarchy(5062));
    const srvCheck = report.checks.find((check) => check.id === 'srv');
    const inconsistent = srvCheck?.issues.find((issue) => issue.code === 'dns.inconsistent_servers');
    expect(inconsistent).toMatchObject({ severity: 'warning', params: { zone: 'alias.com', sets: 2 } });
    expect(codes(srvCheck)).not.toContain('srv.missing');
  });
});
