// Planned zones across the boundaries (RULES §11): the `zone` command, `check --zone` with and
// without --offline against a real DNS server on 127.0.0.1 that counts every query, and runPreflight.
import { closeSync, mkdtempSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MAX_ZONE_FILE_BYTES } from '../src/cli/support/zone-files.js';
import type { Check, Report } from '../src/core/report/report-types.js';
import type { LookupOutcome, RecordType, Resolver } from '../src/node/dns/types.js';
import { runPreflight } from '../src/node/preflight/run.js';
import { runCli } from './cli-helpers.js';
import { rr, serveForFile } from './helpers/dns-server.js';

const dir = mkdtempSync(join(tmpdir(), 'zone-cli-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const GOOD = `$TTL 1h
@ IN SOA ns1 hostmaster 1 1h 15m 1w 5m
@ IN NS ns1
ns1 IN A 198.51.100.2
_sipfederationtls._tcp IN SRV 0 0 5061 sip.contoso.com.
sip IN A 198.51.100.10
lyncdiscover IN CNAME webext
webext IN A 198.51.100.20
`;
const FORGOTTEN_DOT = GOOD.replace('5061 sip.contoso.com.', '5061 sip.contoso.com');
const good = write('contoso.com.zone', GOOD);
const forgotten = write('db.contoso.com', FORGOTTEN_DOT);

const json = (stdout: string) => JSON.parse(stdout) as Report;
const check = (report: Report, id: string, subject?: string) =>
  report.checks.find((c) => c.id === id && (subject === undefined || c.subject === subject)) as Check;

describe('pic-preflight zone', () => {
  test('a correct planned zone: exit 0, the zone and the federation checks pass, answered from the plan', async () => {
    const { code, stdout } = await runCli(['zone', good, '--json']);
    expect(code).toBe(0);
    const report = json(stdout);
    expect(check(report, 'zone', 'contoso.com').status).toBe('pass');
    expect(check(report, 'srv', 'contoso.com')).toMatchObject({
      status: 'pass',
      evidence: { source: 'planned' },
    });
    expect(check(report, 'srv-target', 'sip.contoso.com')).toMatchObject({
      status: 'pass',
      evidence: { source: 'planned' },
    });
  });

  test('the forgotten trailing dot: exit 1, zone.missing_trailing_dot on its line, the SRV as it would be published', async () => {
    const { code, stdout } = await runCli(['zone', forgotten, '--json']);
    expect(code).toBe(1);
    const report = json(stdout);
    const zone = check(report, 'zone', 'contoso.com');
    expect(zone.issues.map((i) => [i.code, i.params?.line])).toEqual([['zone.missing_trailing_dot', 5]]);
    expect(zone.issues[0]?.hint).toContain('sip.contoso.com.');
    expect(check(report, 'srv', 'contoso.com').issues.map((i) => i.code)).toContain(
      'federation.target_not_top_level',
    );
  });

  test('text output names the line and the fix', async () => {
    const { code, stdout } = await runCli(['zone', forgotten]);
    expect(code).toBe(1);
    expect(stdout).toContain('Line 5');
    expect(stdout).toContain('zone.missing_trailing_dot');
  });

  test('--domain adds a SIP domain; one outside every plan is skipped (offline)', async () => {
    const { code, stdout } = await runCli(['zone', good, '--domain', 'fabrikam.com', '--json']);
    expect(code).toBe(0);
    const srv = check(json(stdout), 'srv', 'fabrikam.com');
    expect(srv.status).toBe('skipped');
    expect(srv.issues.map((i) => i.code)).toEqual(['dns.skipped']);
  });

  test('--origin names the origin of a file whose name does not', async () => {
    const plain = write('planned.txt', GOOD);
    expect((await runCli(['zone', plain])).code).toBe(1); // zone.no_origin
    const { code, stdout } = await runCli(['zone', plain, '--origin', 'contoso.com', '--json']);
    expect(code).toBe(0);
    expect(check(json(stdout), 'srv', 'contoso.com').status).toBe('pass');
  });

  test('--strict: a warning gives 1', async () => {
    const warned = write('warn.contoso.com.zone', `${GOOD}sip 300 IN A 198.51.100.11\n`); // ttl_mismatch
    const origin = ['--origin', 'contoso.com'];
    expect((await runCli(['zone', warned, ...origin])).code).toBe(0);
    expect((await runCli(['zone', warned, ...origin, '--strict'])).code).toBe(1);
  });

  test.each([
    ['a missing file', () => join(dir, 'missing.zone'), 'no such file'],
    ['a directory', () => dir, 'directory'],
    [
      'a file over the size cap',
      () => {
        const file = join(dir, 'huge.zone');
        const fd = openSync(file, 'w');
        writeFileSync(fd, ' ', { flag: 'w' });
        closeSync(fd);
        // A sparse file: the size is checked before anything is read.
        truncateSync(file, MAX_ZONE_FILE_BYTES + 1);
        return file;
      },
      'limit',
    ],
  ])('%s: exit 2, one line', async (_label, make, words) => {
    const { code, stdout, stderr } = await runCli(['zone', make()]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(words);
  });

  test('a binary file: exit 1 with zone.syntax_error, no stack trace', async () => {
    const file = join(dir, 'binary.zone');
    writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
    const { code, stdout, stderr } = await runCli(['zone', file, '--origin', 'contoso.com', '--json']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(check(json(stdout), 'zone').issues.map((i) => i.code)).toEqual(['zone.syntax_error']);
  });
});

describe('check --zone against a real DNS server that counts queries', () => {
  // The live server knows fabrikam.com; contoso.com exists only as a plan.
  const server = serveForFile([
    rr.srv('_sipfederationtls._tcp.fabrikam.com', 'sip.fabrikam.com'),
    rr.a('sip.fabrikam.com', '203.0.113.30'),
  ]);
  const args = () => [
    'check',
    '--edge',
    'sip.contoso.com',
    '--domain',
    'contoso.com',
    '--domain',
    'fabrikam.com',
    '--agreement',
    'V7731842',
    '--nameserver',
    server.address,
    '--timeout',
    '500',
    '--zone',
    good,
    '--json',
  ];

  test('--offline sends nothing: zero queries; planned answers pass, the rest is skipped', async () => {
    const before = server.queries.udp + server.queries.tcp;
    const { code, stdout } = await runCli([...args(), '--offline']);
    expect(server.queries.udp + server.queries.tcp).toBe(before);
    const report = json(stdout);
    expect(check(report, 'zone', 'contoso.com').status).toBe('pass');
    expect(check(report, 'srv', 'contoso.com')).toMatchObject({
      status: 'pass',
      evidence: { source: 'planned' },
    });
    expect(check(report, 'srv', 'fabrikam.com').status).toBe('skipped');
    expect(code).toBe(0);
  });

  test('without --offline: names outside the plan are asked live, planned names never', async () => {
    const { code, stdout } = await runCli(args());
    const report = json(stdout);
    expect(check(report, 'srv', 'contoso.com').evidence?.source).toBe('planned');
    const fabrikam = check(report, 'srv', 'fabrikam.com');
    expect(fabrikam.status).toBe('pass');
    expect(fabrikam.evidence?.source).not.toBe('planned');
    const asked = server.log.map((q) => q.name);
    expect(asked).toContain('_sipfederationtls._tcp.fabrikam.com');
    expect(asked.filter((name) => name.endsWith('contoso.com'))).toEqual([]);
    expect(code).toBe(0);
  });

  test('an unreadable --zone file: exit 2 before any query', async () => {
    const before = server.queries.udp + server.queries.tcp;
    const { code, stderr } = await runCli([...args(), '--zone', join(dir, 'missing.zone')]);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read');
    expect(server.queries.udp + server.queries.tcp).toBe(before);
  });
});

describe('runPreflight(request, { zones })', () => {
  const counting = (): Resolver & { calls: number } => {
    const resolver = {
      calls: 0,
      async lookup(name: string, type: RecordType): Promise<LookupOutcome> {
        resolver.calls++;
        return { name, type, kind: 'nxdomain', rcode: 'NXDOMAIN', aliases: [] };
      },
    };
    return resolver;
  };
  const request = {
    agreementNumber: 'V7731842',
    accessEdgeFqdn: 'sip.contoso.com',
    sipDomains: ['contoso.com'],
  };

  test('offline with zones: the given resolver is never called; a zone check per zone', async () => {
    const resolver = counting();
    const report = await runPreflight(request, {
      resolver,
      offline: true,
      zones: [{ text: FORGOTTEN_DOT, fileName: 'db.contoso.com' }],
    });
    expect(resolver.calls).toBe(0);
    expect(check(report, 'zone', 'contoso.com').issues.map((i) => i.code)).toEqual([
      'zone.missing_trailing_dot',
    ]);
    expect(check(report, 'srv', 'contoso.com').issues.map((i) => i.code)).toEqual([
      'federation.target_not_top_level',
      'srv.target_not_declared_edge',
    ]);
    expect(report.summary.status).toBe('fail');
  });

  test('{ origin, records } zones; live fallback only for names outside', async () => {
    const resolver = counting();
    const report = await runPreflight(
      { ...request, sipDomains: ['contoso.com', 'fabrikam.com'] },
      {
        resolver,
        zones: [
          {
            origin: 'contoso.com',
            records: [
              {
                name: '_sipfederationtls._tcp.contoso.com',
                type: 'SRV',
                ttl: 3600,
                class: 'IN',
                line: 0,
                data: '0 0 5061 sip.contoso.com.',
                priority: 0,
                weight: 0,
                port: 5061,
                target: 'sip.contoso.com',
              },
              {
                name: 'sip.contoso.com',
                type: 'A',
                ttl: 3600,
                class: 'IN',
                line: 0,
                data: '198.51.100.10',
                address: '198.51.100.10',
              },
            ],
          },
        ],
      },
    );
    expect(check(report, 'srv', 'contoso.com').status).toBe('pass');
    expect(check(report, 'srv', 'fabrikam.com').issues.map((i) => i.code)).toContain('srv.missing');
    expect(resolver.calls).toBeGreaterThan(0);
  });

  test('without zones, offline is unchanged: the request check alone', async () => {
    const report = await runPreflight(request, { offline: true, resolver: counting() });
    expect(report.checks.map((c) => c.id)).toEqual(['request']);
  });
});

describe('demo: the planned-zone step', () => {
  test('text: after the live report, the forgotten trailing dot is caught before publishing', async () => {
    const { code, stdout } = await runCli(['demo', '--no-probe']);
    expect(code).toBe(0);
    const step = stdout.slice(stdout.indexOf('Planned zone, before publishing'));
    expect(step).toContain('planned/lakeshore-dental.com.zone');
    expect(step).toContain('Line 18');
    expect(step).toContain('[zone.missing_trailing_dot]');
  });

  test('json: stdout stays one report; the step is named on stderr', async () => {
    const { code, stdout, stderr } = await runCli(['demo', '--no-probe', '--json']);
    expect(code).toBe(0);
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(stderr).toContain('Planned zone step: pic-preflight zone');
  });
});

describe('srv --zone', () => {
  test('a planned domain is answered from its plan with no query; a zone with errors is named on stderr', async () => {
    const { code, stdout, stderr } = await runCli([
      'srv',
      'contoso.com',
      '--zone',
      forgotten,
      '--nameserver',
      '127.0.0.1:9',
      '--timeout',
      '200',
      '--json',
    ]);
    expect(code).toBe(1);
    const line = JSON.parse(stdout) as { checks: Check[] };
    expect(line.checks.find((c) => c.id === 'srv')?.evidence?.source).toBe('planned');
    expect(line.checks.flatMap((c) => c.issues).map((i) => i.code)).toContain(
      'federation.target_not_top_level',
    );
    expect(stderr).toContain('error(s) in the planned zone');
  });
});

describe('hostile zone files', () => {
  test('a UTF-16 file (Windows tools) is read as text', async () => {
    const file = join(dir, 'utf16.contoso.com.zone');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]));
    const { code, stdout } = await runCli(['zone', file, '--origin', 'contoso.com', '--json']);
    expect(code).toBe(0);
    expect(check(json(stdout), 'srv', 'contoso.com').status).toBe('pass');
  });

  test('thousands of SIP domains in one zone: the first 1000 are checked, with a warning', async () => {
    const body = Array.from(
      { length: 1500 },
      (_, i) => `_sipfederationtls._tcp.d${i} IN SRV 0 0 5061 sip.d${i}\n`,
    ).join('');
    const file = write('many.zone', `${GOOD}${body}`);
    const { stdout } = await runCli(['zone', file, '--origin', 'contoso.com', '--json']);
    const report = json(stdout);
    expect(check(report, 'zone').issues.map((i) => i.code)).toContain('zone.too_many_domains');
    expect(report.checks.filter((c) => c.id === 'srv')).toHaveLength(1000);
  });
});

describe('an owner that lost its trailing dot', () => {
  test('the SIP domain meant is checked: srv.missing with the near miss at _sipfederationtls._tcp.D.D', async () => {
    const file = write(
      'owner.contoso.com.zone',
      GOOD.replace('_sipfederationtls._tcp IN', '_sipfederationtls._tcp.contoso.com IN'),
    );
    const { code, stdout } = await runCli(['zone', file, '--origin', 'contoso.com', '--json']);
    expect(code).toBe(1);
    const srv = check(json(stdout), 'srv', 'contoso.com');
    expect(srv.issues.map((i) => i.code)).toEqual(['srv.missing', 'srv.near_miss']);
    expect(srv.issues[1]?.params?.name).toBe('_sipfederationtls._tcp.contoso.com.contoso.com');
  });
});
