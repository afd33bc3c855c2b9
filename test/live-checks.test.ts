// checkDomainFederation against a real dns2 server on 127.0.0.1: every code of RULES §7–8.
import dgram from 'node:dgram';
import { describe, expect, test } from 'vitest';
import type { Check } from '../src/core/report/report-types.js';
import { checkDomainFederation, type DomainReport, type LiveOptions } from '../src/node/live/live.js';
import { rr, serveForFile } from './helpers/dns-server.js';
import { codes } from './helpers/issues.js';

const ZONE = [
  // good.com: everything right, plus the related records.
  rr.srv('_sipfederationtls._tcp.good.com', 'sip.good.com'),
  rr.a('sip.good.com', '203.0.113.10'),
  rr.aaaa('sip.good.com', '2001:db8::10'),
  rr.srv('_sip._tls.good.com', 'sip.good.com', 443),
  rr.cname('lyncdiscover.good.com', 'webext.good.com'),
  rr.a('webext.good.com', '203.0.113.20'),
  // srv.missing: NODATA (the name exists with another type)
  rr.txt('_sipfederationtls._tcp.nodata.com', 'not an SRV'),
  // srv.near_miss, one per form
  rr.srv('_sipfederationtls.tcp.near1.com', 'sip.near1.com'),
  rr.srv('_sipfederationtls._tcp.near2.com.near2.com', 'sip.near2.com'),
  rr.srv('sipfederationtls._tcp.near3.com', 'sip.near3.com'),
  rr.srv('_sipfederationtls._udp.near4.com', 'sip.near4.com'),
  // RULES §7 through a live lookup
  rr.srv('_sipfederationtls._tcp.disabled.com', '.'),
  rr.srv('_sipfederationtls._tcp.port.com', 'sip.port.com', 443),
  rr.a('sip.port.com', '203.0.113.11'),
  rr.srv('_sipfederationtls._tcp.outside.com', 'sip.outside-edge.com'),
  rr.a('sip.outside-edge.com', '203.0.113.12'),
  rr.srv('_sipfederationtls._tcp.deep.com', 'sip.it.deep.com'),
  rr.a('sip.it.deep.com', '203.0.113.13'),
  rr.srv('_sipfederationtls._tcp.itself.com', 'itself.com'),
  rr.a('itself.com', '203.0.113.14'),
  rr.srv('_sipfederationtls._tcp.online.com', 'sipfed.online.lync.com'),
  rr.srv('_sipfederationtls._tcp.mixedtargets.com', 'sip.mixedtargets.com'),
  rr.srv('_sipfederationtls._tcp.mixedtargets.com', 'sipfed.online.lync.com', 5061, 10),
  rr.a('sip.mixedtargets.com', '203.0.113.15'),
  rr.srv('_sipfederationtls._tcp.dup.com', 'sip.dup.com'),
  rr.srv('_sipfederationtls._tcp.dup.com', 'sip.dup.com'),
  rr.a('sip.dup.com', '203.0.113.16'),
  rr.srv('_sipfederationtls._tcp.inconsistent.com', 'sip.inconsistent.com'),
  rr.srv('_sipfederationtls._tcp.inconsistent.com', 'sip2.inconsistent.com', 5060, 10),
  rr.a('sip.inconsistent.com', '203.0.113.17'),
  rr.a('sip2.inconsistent.com', '203.0.113.18'),
  // RULES §8 target checks
  rr.srv('_sipfederationtls._tcp.alias.com', 'sip.alias.com'),
  rr.cname('sip.alias.com', 'edge.hosting.net'),
  rr.a('edge.hosting.net', '203.0.113.30'),
  rr.srv('_sipfederationtls._tcp.noaddr.com', 'sip.noaddr.com'),
  rr.srv('_sipfederationtls._tcp.private.com', 'sip.private.com'),
  rr.a('sip.private.com', '10.0.0.5'),
  rr.srv('_sipfederationtls._tcp.ula.com', 'sip.ula.com'),
  rr.aaaa('sip.ula.com', 'fd12:3456::5'),
  rr.srv('_sipfederationtls._tcp.cgnat.com', 'sip.cgnat.com'),
  rr.a('sip.cgnat.com', '100.64.0.5'),
  rr.srv('_sipfederationtls._tcp.mixed.com', 'sip.mixed.com'),
  rr.a('sip.mixed.com', '203.0.113.40'),
  rr.a('sip.mixed.com', '192.168.1.4'),
  // targets for the fault rows
  rr.srv('_sipfederationtls._tcp.slowtarget.com', 'sip.slowtarget.com'),
  rr.a('sip.slowtarget.com', '203.0.113.50'),
];

const server = serveForFile(ZONE);

const options = (extra: LiveOptions = {}): LiveOptions => ({
  nameservers: [server.address],
  timeoutMs: 150,
  attempts: 1,
  ...extra,
});
const check = (report: DomainReport, id: Check['id'], subject?: string): Check => {
  const found = report.checks.find((c) => c.id === id && (subject === undefined || c.subject === subject));
  if (!found) throw new Error(`no ${id} check for ${subject ?? report.domain}`);
  return found;
};

describe('a correct domain', () => {
  test('passes, with the selected record, its target and related records', async () => {
    const report = await checkDomainFederation('Good.com.', options({ related: true }));
    expect(report.domain).toBe('good.com');
    expect(report.status).toBe('pass');
    expect(report.selected).toEqual({
      priority: 0,
      weight: 0,
      port: 5061,
      target: 'sip.good.com',
      ttl: 3600,
    });
    expect(check(report, 'srv').status).toBe('pass');
    expect(check(report, 'srv').evidence).toMatchObject({
      records: [{ target: 'sip.good.com', port: 5061 }],
    });
    const target = check(report, 'srv-target', 'sip.good.com');
    expect(target.status).toBe('pass');
    expect(report.targets).toEqual([
      {
        target: 'sip.good.com',
        port: 5061,
        selected: true,
        addresses: ['203.0.113.10', '2001:db8::10'],
        aliases: [],
      },
    ]);
    // dns.related_record: _sip._tls (443), sip.D, lyncdiscover.D, for context.
    const related = check(report, 'related');
    expect(related.status).toBe('pass');
    expect(related.issues.map((i) => [i.code, i.params?.name, i.params?.type])).toEqual([
      ['dns.related_record', '_sip._tls.good.com', 'SRV'],
      ['dns.related_record', 'sip.good.com', 'A/AAAA'],
      ['dns.related_record', 'lyncdiscover.good.com', 'CNAME'],
    ]);
    expect(related.issues[0]!.params?.data).toBe('0 0 443 sip.good.com.');
  });
  test('srv.target_not_declared_edge when edges are declared and the target is not one', async () => {
    const report = await checkDomainFederation('good.com', options({ accessEdgeFqdns: ['sip.other.com'] }));
    expect(codes(check(report, 'srv'))).toEqual(['srv.target_not_declared_edge']);
  });
});

describe('srv.missing: "the record is missing" is a verdict (RULES §8)', () => {
  test.each([
    ['NXDOMAIN', 'absent.com', 'NXDOMAIN'],
    ['NODATA', 'nodata.com', 'NOERROR'],
  ])('%s', async (_label, domain, rcode) => {
    const report = await checkDomainFederation(domain, options());
    const srv = check(report, 'srv');
    expect(srv.status).toBe('fail');
    expect(codes(srv)).toEqual(['srv.missing']);
    expect(srv.issues[0]!.params).toMatchObject({ rcode, domain });
    expect(srv.issues[0]!.hint).toBe(
      `Publish in public DNS: _sipfederationtls._tcp.${domain}. 3600 IN SRV 0 0 5061 sip.${domain}.`,
    );
  });
});

describe('srv.near_miss: the record is at a near-miss owner name', () => {
  test.each([
    ['near1.com', '_sipfederationtls.tcp.near1.com'],
    ['near2.com', '_sipfederationtls._tcp.near2.com.near2.com'],
    ['near3.com', 'sipfederationtls._tcp.near3.com'],
    ['near4.com', '_sipfederationtls._udp.near4.com'],
  ])('%s: %s', async (domain, name) => {
    const srv = check(await checkDomainFederation(domain, options()), 'srv');
    expect(codes(srv)).toEqual(['srv.missing', 'srv.near_miss']);
    const near = srv.issues[1]!;
    expect(near.severity).toBe('warning');
    expect(near.params).toMatchObject({ name, expected: `_sipfederationtls._tcp.${domain}` });
    expect(near.hint).toContain(`_sipfederationtls._tcp.${domain}.`);
  });
});

describe('RULES §7 through a live lookup', () => {
  test.each([
    ['disabled.com', ['srv.service_disabled'], 'fail'],
    ['port.com', ['srv.wrong_port'], 'fail'],
    ['outside.com', ['federation.target_outside_domain'], 'fail'],
    ['deep.com', ['federation.target_not_top_level'], 'fail'],
    ['itself.com', ['federation.target_is_domain'], 'warn'],
    ['online.com', ['federation.microsoft_online_target'], 'pass'],
    ['mixedtargets.com', ['srv.mixed_targets'], 'warn'],
    ['dup.com', ['srv.duplicate_record'], 'warn'],
    ['inconsistent.com', ['srv.inconsistent_records'], 'warn'],
  ])('%s → %j', async (domain, expected, status) => {
    const srv = check(await checkDomainFederation(domain, options()), 'srv');
    expect(codes(srv)).toEqual(expected);
    expect(srv.status).toBe(status);
  });
  test("Microsoft 365 targets are not resolved (their addresses are Microsoft's business)", async () => {
    const report = await checkDomainFederation('online.com', options());
    expect(report.checks.filter((c) => c.id === 'srv-target')).toEqual([]);
  });
  test('every distinct target gets a srv-target check, the selected one first', async () => {
    const report = await checkDomainFederation('inconsistent.com', options());
    expect(report.targets.map((t) => [t.target, t.selected])).toEqual([
      ['sip.inconsistent.com', true],
      ['sip2.inconsistent.com', false],
    ]);
  });
});

describe('RULES §8: the targets', () => {
  test.each([
    ['noaddr.com', 'sip.noaddr.com', ['dns.target_no_address'], 'fail'],
    ['alias.com', 'sip.alias.com', ['dns.target_is_alias'], 'warn'],
    ['private.com', 'sip.private.com', ['dns.private_address'], 'fail'],
    ['ula.com', 'sip.ula.com', ['dns.private_address'], 'fail'],
    ['cgnat.com', 'sip.cgnat.com', ['dns.private_address'], 'fail'],
    ['mixed.com', 'sip.mixed.com', ['dns.mixed_addresses'], 'warn'],
  ])('%s → %j', async (domain, target, expected, status) => {
    const report = await checkDomainFederation(domain, options());
    const c = check(report, 'srv-target', target);
    expect(codes(c)).toEqual(expected);
    expect(c.status).toBe(status);
  });
  test('the alias names the canonical name; addresses come through the chain', async () => {
    const c = check(await checkDomainFederation('alias.com', options()), 'srv-target');
    expect(c.issues[0]!.params).toEqual({
      target: 'sip.alias.com',
      alias: 'edge.hosting.net',
      domain: 'alias.com',
    });
    expect(c.evidence).toMatchObject({ addresses: [{ address: '203.0.113.30', class: 'reserved' }] });
  });
  test('A private, AAAA unanswered: inconclusive, not dns.private_address ("resolves only to")', async () => {
    server.fault('sip.private.com', 'servfail', 'AAAA');
    try {
      const c = check(await checkDomainFederation('private.com', options()), 'srv-target');
      expect(codes(c)).toEqual(['dns.server_failure']);
      expect(c.status).toBe('inconclusive');
    } finally {
      server.fault('sip.private.com', undefined, 'AAAA');
    }
  });
  test('private addresses are named in params', async () => {
    const c = check(await checkDomainFederation('mixed.com', options()), 'srv-target');
    expect(c.issues[0]!.params).toEqual({ name: 'sip.mixed.com', addresses: '192.168.1.4' });
  });
});

describe('"we could not ask": inconclusive, never a verdict on the domain', () => {
  const SRV = '_sipfederationtls._tcp.good.com';
  test.each([
    ['silence', 'silence', 'dns.timeout'],
    ['SERVFAIL', 'servfail', 'dns.server_failure'],
    ['REFUSED', 'refused', 'dns.server_failure'],
    ['garbage', 'garbage-with-id', 'dns.malformed_response'],
    ['TCP never answers after TC', 'tcp-silence', 'dns.timeout'],
  ] as const)('SRV lookup: %s → %s', async (_label, fault, code) => {
    server.fault(SRV, fault);
    try {
      const start = performance.now();
      const report = await checkDomainFederation('good.com', options());
      const srv = check(report, 'srv');
      expect(codes(srv)).toEqual([code]);
      expect(srv.status).toBe('inconclusive');
      expect(report.status).toBe('inconclusive');
      expect(performance.now() - start).toBeLessThan(1000);
    } finally {
      server.fault(SRV, undefined);
    }
  });
  test('SERVFAIL params carry the rcode', async () => {
    server.fault(SRV, 'refused');
    try {
      const srv = check(await checkDomainFederation('good.com', options()), 'srv');
      expect(srv.issues[0]!.params).toMatchObject({ rcode: 'REFUSED', name: SRV, type: 'SRV' });
    } finally {
      server.fault(SRV, undefined);
    }
  });
  test('a target whose A lookup times out is inconclusive, not "no address"', async () => {
    server.fault('sip.slowtarget.com', 'silence', 'A');
    try {
      const report = await checkDomainFederation('slowtarget.com', options());
      const c = check(report, 'srv-target', 'sip.slowtarget.com');
      expect(codes(c)).toEqual(['dns.timeout']);
      expect(c.status).toBe('inconclusive');
    } finally {
      server.fault('sip.slowtarget.com', undefined, 'A');
    }
  });
  test('network error: nothing listens at the name server', async () => {
    const socket = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    const { port } = socket.address();
    await new Promise<void>((resolve) => socket.close(() => resolve()));
    const report = await checkDomainFederation('good.com', {
      nameservers: [`127.0.0.1:${port}`],
      timeoutMs: 150,
    });
    expect(codes(check(report, 'srv'))).toEqual(['dns.network_error']);
    expect(report.status).toBe('inconclusive');
  });
});
