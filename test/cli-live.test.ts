// run() with live DNS against a real dns2 server on 127.0.0.1 serving the demo zone: check and srv,
// every exit code, JSON/NDJSON shapes, formats, --strict, stdin.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../src/cli/commands/demo.js';
import type { CliIo } from '../src/cli/run.js';
import { UsageError } from '../src/cli/support/io.js';
import type { Report } from '../src/core/report/report-types.js';
import { VERSION } from '../src/core/version.js';
import type { ZoneRecordJson as ZoneRecord } from '../src/node/servers/zone-server.js';
import { CHECK_ARGS, ESC, expectDemoProbe, ndjson, ROOT, runCli } from './cli-helpers.js';
import { startSilentListener, startTlsListener } from './fixtures/certs/index.js';
import { startTestDnsServer, type TestDnsServer } from './helpers/dns-server.js';

const zone = (
  JSON.parse(readFileSync(join(ROOT, 'examples', 'demo-zone.json'), 'utf8')) as { records: ZoneRecord[] }
).records;

let server: TestDnsServer;
let silent: TestDnsServer;
beforeAll(async () => {
  server = await startTestDnsServer(zone);
  silent = await startTestDnsServer(zone, { faults: { '*': 'silence' } });
});
afterAll(async () => {
  await server?.close();
  await silent?.close();
});

/** `check` of one domain under its own edge, against the demo zone. */
function checkArgs(domain: string, ...more: string[]): string[] {
  return [
    'check',
    '--edge',
    `sip.${domain}`,
    '--domain',
    domain,
    '--agreement',
    'V7731842',
    '--nameserver',
    server.address,
    ...more,
  ];
}

const allCodes = (report: Report): string[] =>
  report.checks.flatMap((check) => check.issues.map((issue) => issue.code));

describe('check: exit codes from the report', () => {
  it('0 for a correct domain (infos allowed)', async () => {
    const out = await runCli(checkArgs('harbourline-freight.com', '--json'));
    const report = JSON.parse(out.stdout) as Report;
    expect(report.summary.status).toBe('pass');
    expect(out.code).toBe(0);
  });

  it('1 for an error (wrong port)', async () => {
    const out = await runCli(checkArgs('tidewater-analytics.net', '--json'));
    expect(out.code).toBe(1);
    expect(allCodes(JSON.parse(out.stdout) as Report)).toContain('srv.wrong_port');
  });

  it('0 for a warning (CNAME target), 1 with --strict', async () => {
    const out = await runCli(checkArgs('oakridge-partners.net', '--json'));
    const report = JSON.parse(out.stdout) as Report;
    expect(report.summary.status).toBe('warn');
    expect(allCodes(report)).toContain('dns.target_is_alias');
    expect(out.code).toBe(0);
    expect((await runCli(checkArgs('oakridge-partners.net', '--strict'))).code).toBe(1);
  });

  it('3 when the name server never answers (inconclusive), also with --strict', async () => {
    const argv = ['check', '--edge', 'sip.harbourline-freight.com', '--domain', 'harbourline-freight.com'];
    const args = [
      ...argv,
      '--agreement',
      'V7731842',
      '--nameserver',
      silent.address,
      '--timeout',
      '100',
      '--json',
    ];
    const out = await runCli(args);
    const report = JSON.parse(out.stdout) as Report;
    expect(report.summary.status).toBe('inconclusive');
    expect(out.code).toBe(3);
    // dns.timeout is a warning-severity "could not ask" issue: --strict does not turn it into 1.
    expect((await runCli([...args, '--strict'])).code).toBe(3);
  });

  it('1 for an offline error, without asking DNS (--offline)', async () => {
    const before = server.log.length;
    const out = await runCli([
      'check',
      '--edge',
      '10.0.0.1',
      '--domain',
      'harbourline-freight.com',
      '--agreement',
      'V7731842',
      '--offline',
      '--nameserver',
      server.address,
      '--json',
    ]);
    expect(out.code).toBe(1);
    const report = JSON.parse(out.stdout) as Report;
    expect(report.checks.map((check) => check.id)).toEqual(['request']);
    expect(allCodes(report)).toContain('fqdn.ip_address');
    expect(server.log.length).toBe(before);
  });

  it("a missing required field is the library's error (exit 1), not a usage error", async () => {
    // --agreement makes it the PIC form (RULES §6), which needs accessEdgeFqdn.
    const out = await runCli([
      'check',
      '--domain',
      'harbourline-freight.com',
      '--agreement',
      'V7731842',
      '--offline',
      '--json',
    ]);
    expect(out.code).toBe(1);
    expect(allCodes(JSON.parse(out.stdout) as Report)).toContain('request.missing_field');
  });
});

describe('check --probe', () => {
  it('passes --probe through: the report gains tcp/tls checks (target on 127.0.0.1)', async () => {
    const local = await startTestDnsServer([
      {
        name: '_sipfederationtls._tcp.harbourline-freight.com',
        type: 'SRV',
        data: { priority: 0, weight: 0, port: 5061, target: 'sip.harbourline-freight.com' },
      },
      { name: 'sip.harbourline-freight.com', type: 'A', data: '127.0.0.1' },
    ]);
    try {
      const argv = [...CHECK_ARGS];
      const without = JSON.parse(
        (await runCli([...argv, '--nameserver', local.address, '--json'])).stdout,
      ) as Report;
      expect(without.checks.some((check) => check.id === 'tcp')).toBe(false);
      const out = await runCli([
        ...argv,
        '--nameserver',
        local.address,
        '--timeout',
        '500',
        '--probe',
        '--json',
      ]);
      const report = JSON.parse(out.stdout) as Report;
      expect(report.checks.some((check) => check.id === 'tcp' && check.subject === '127.0.0.1:5061')).toBe(
        true,
      );
      expect(out.code).toBe(1); // 127.0.0.1 is not a public address
    } finally {
      await local.close();
    }
  });
});

describe('check --probe --ca / --probe-timeout (a listener on 127.0.0.1 with a fixture certificate)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'pic-ca-'));
  const ROOT_PEM = join(ROOT, 'test', 'fixtures', 'certs', 'root.pem');
  /** A zone whose SRV record points at `port` on 127.0.0.1 for sip.contoso.com (the fixture's name). */
  const contoso = (port: number): ZoneRecord[] => [
    {
      name: '_sipfederationtls._tcp.contoso.com',
      type: 'SRV',
      data: { priority: 0, weight: 0, port, target: 'sip.contoso.com' },
    },
    { name: 'sip.contoso.com', type: 'A', data: '127.0.0.1' },
  ];
  const argv = (dns: TestDnsServer, ...more: string[]) => [
    'check',
    '--edge',
    'sip.contoso.com',
    '--domain',
    'contoso.com',
    '--agreement',
    'V7731842',
    '--nameserver',
    dns.address,
    '--timeout',
    '1000',
    '--json',
    ...more,
  ];
  const tlsCheck = (report: Report, port: number) =>
    report.checks.find(
      (check) => check.id === 'tls' && check.subject === `sip.contoso.com@127.0.0.1:${port}`,
    );

  it('--ca makes the fixture CA a trust anchor: tls.untrusted without it, none with it', async () => {
    const edge = await startTlsListener({ leaf: 'good', requireClientCertificate: true });
    const dns = await startTestDnsServer(contoso(edge.port));
    try {
      const plain = await runCli(argv(dns, '--probe'));
      const without = tlsCheck(JSON.parse(plain.stdout) as Report, edge.port);
      expect(without?.issues.map((i) => i.code)).toContain('tls.untrusted');

      const out = await runCli(argv(dns, '--probe', '--ca', ROOT_PEM, '--probe-timeout', '3000'));
      const report = JSON.parse(out.stdout) as Report;
      const codes = tlsCheck(report, edge.port)?.issues.map((i) => i.code);
      expect(codes).toEqual(['tls.handshake_incomplete']); // mutual TLS: certificate retrieved, then refused
      expect(tlsCheck(report, edge.port)?.status).toBe('pass');
      expect(report.checks.find((c) => c.id === 'tcp')?.status).toBe('pass');
      // Still exit 1: 127.0.0.1 is not a public address and the SRV port is not 5061.
      expect(allCodes(report)).toEqual(expect.arrayContaining(['dns.private_address', 'srv.wrong_port']));
      expect(out.code).toBe(1);
    } finally {
      await dns.close();
      await edge.close();
    }
  });

  it('--ca accepts a bundle and repeats', async () => {
    const bundle = join(tmp, 'bundle.pem');
    writeFileSync(
      bundle,
      `some text first\n${readFileSync(join(ROOT, 'test', 'fixtures', 'certs', 'intermediate.pem'), 'utf8')}${readFileSync(ROOT_PEM, 'utf8')}`,
    );
    const edge = await startTlsListener({ leaf: 'good' });
    const dns = await startTestDnsServer(contoso(edge.port));
    try {
      const out = await runCli(argv(dns, '--probe', '--ca', bundle, '--ca', ROOT_PEM));
      expect(tlsCheck(JSON.parse(out.stdout) as Report, edge.port)?.issues).toEqual([]);
      expect(out.code).toBe(1);
    } finally {
      await dns.close();
      await edge.close();
    }
  });

  it('--probe-timeout bounds each phase (a listener that never answers TLS)', async () => {
    const edge = await startSilentListener();
    const dns = await startTestDnsServer(contoso(edge.port));
    try {
      const started = performance.now();
      const out = await runCli(argv(dns, '--probe', '--probe-timeout', '150'));
      expect(performance.now() - started).toBeLessThan(1500);
      const check = tlsCheck(JSON.parse(out.stdout) as Report, edge.port);
      expect(check?.issues.map((i) => i.code)).toEqual(['tls.handshake_failed']);
      expect(String(check?.evidence?.error)).toContain('within 150 ms');
    } finally {
      await dns.close();
      await edge.close();
    }
  });

  it.each([
    [
      'a missing --ca file',
      ['--probe', '--ca', '/nonexistent/pic-ca.pem'],
      /--ca: cannot read .*no such file/,
    ],
    ['a --ca directory', ['--probe', '--ca', tmpdir()], /--ca: cannot read .*it is a directory/],
    [
      'a --ca file without a certificate',
      ['--probe', '--ca', join(ROOT, 'package.json')],
      /holds no PEM certificate/,
    ],
    [
      '--ca without --probe or --doh',
      ['--ca', ROOT_PEM],
      /--ca applies to the probe and DoH only: add --probe or --doh/,
    ],
    [
      '--probe-timeout without --probe',
      ['--probe-timeout', '100'],
      /--probe-timeout applies to the probe only/,
    ],
    ['a non-numeric --probe-timeout', ['--probe', '--probe-timeout', 'soon'], /probe-timeout/],
  ])('exit 2 for %s, one line on stderr, nothing on stdout', async (_label, more, message) => {
    const out = await runCli(argv(silent, ...more));
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('check: federation only (RULES §6), no agreement number', () => {
  it('--domain and --edge without --agreement: the live checks run, nothing asks for the number', async () => {
    const out = await runCli([
      'check',
      '--domain',
      'harbourline-freight.com',
      '--edge',
      'sip.harbourline-freight.com',
      '--nameserver',
      server.address,
      '--json',
    ]);
    const report = JSON.parse(out.stdout) as Report;
    expect(out.code).toBe(0);
    expect(report.request).toEqual({
      sipDomains: ['harbourline-freight.com'],
      accessEdgeFqdn: 'sip.harbourline-freight.com',
    });
    expect(allCodes(report)).not.toContain('request.missing_field');
    expect(report.checks.map((check) => check.id)).toEqual(
      expect.arrayContaining(['srv', 'srv-target', 'edge']),
    );
  });

  it('--domain alone (two domains, no edge): SRV checks per domain, no edge check', async () => {
    const out = await runCli([
      'check',
      '--domain',
      'harbourline-freight.com',
      '--domain',
      'tidewater-analytics.net',
      '--nameserver',
      server.address,
      '--json',
    ]);
    const report = JSON.parse(out.stdout) as Report;
    expect(allCodes(report)).not.toContain('request.missing_field');
    expect(report.checks.filter((check) => check.id === 'srv').map((check) => check.subject)).toEqual([
      'harbourline-freight.com',
      'tidewater-analytics.net',
    ]);
    expect(report.checks.some((check) => check.id === 'edge')).toBe(false);
  });

  it('a request file is still the PIC form: its missing agreement number is an error', async () => {
    const stdin = JSON.stringify({
      accessEdgeFqdn: 'sip.harbourline-freight.com',
      sipDomains: ['harbourline-freight.com'],
    });
    const out = await runCli(['check', '--request', '-', '--offline', '--json'], { stdin });
    expect(out.code).toBe(1);
    expect(allCodes(JSON.parse(out.stdout) as Report)).toContain('request.missing_field');
  });
});

describe('check: request sources and formats', () => {
  it('reads the request from stdin with --request -, flags override its fields', async () => {
    const request = {
      agreementNumber: 'V7731842',
      accessEdgeFqdn: 'sip.tidewater-analytics.net',
      sipDomains: ['tidewater-analytics.net'],
    };
    const stdin = JSON.stringify(request);
    const wrong = await runCli(['check', '--request', '-', '--nameserver', server.address, '--json'], {
      stdin,
    });
    expect(wrong.code).toBe(1);
    const fixed = await runCli(
      [
        'check',
        '--request',
        '-',
        '--nameserver',
        server.address,
        '--edge',
        'sip.harbourline-freight.com',
        '--domain',
        'harbourline-freight.com',
        '--json',
      ],
      { stdin },
    );
    expect(fixed.code).toBe(0);
    expect((JSON.parse(fixed.stdout) as Report).request).toMatchObject({
      sipDomains: ['harbourline-freight.com'],
    });
  });

  it('reads a request file (with a byte-order mark)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pic-cli-')), 'request.json');
    writeFileSync(file, `\uFEFF${readFileSync(join(ROOT, 'examples', 'demo-request.json'), 'utf8')}`);
    const out = await runCli(['check', '--request', file, '--nameserver', server.address, '--json']);
    expect(out.code).toBe(1);
    const report = JSON.parse(out.stdout) as Report;
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'pic-preflight', version: VERSION });
  });

  it('--json puts the report alone on stdout; --format json is the same', async () => {
    const a = await runCli(checkArgs('harbourline-freight.com', '--json'));
    const b = await runCli(checkArgs('harbourline-freight.com', '--format', 'json'));
    for (const out of [a, b]) {
      const report = JSON.parse(out.stdout) as Report;
      expect(Object.keys(report)).toEqual([
        'schemaVersion',
        'tool',
        'startedAt',
        'durationMs',
        'request',
        'summary',
        'checks',
      ]);
      expect(out.stderr).toBe('');
    }
  });

  it('--format markdown gives a heading and tables', async () => {
    const out = await runCli(checkArgs('tidewater-analytics.net', '--format', 'markdown'));
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^## pic-preflight report: ✖ fail$/m);
    expect(out.stdout).toContain('`srv.wrong_port`');
  });

  it('text: marks, codes, the summary line; colour only on a TTY without NO_COLOR', async () => {
    const out = await runCli(checkArgs('tidewater-analytics.net'));
    expect(out.stdout).toContain('[srv.wrong_port]');
    expect(out.stdout).toMatch(/^✖ FAIL: /m);
    expect(out.stdout).not.toContain(ESC);
    expect((await runCli(checkArgs('tidewater-analytics.net'), { stdoutTTY: true })).stdout).toContain(ESC);
    expect(
      (await runCli(checkArgs('tidewater-analytics.net'), { stdoutTTY: true, env: { NO_COLOR: '1' } }))
        .stdout,
    ).not.toContain(ESC);
  });

  it('progress goes to stderr only when stderr is a TTY', async () => {
    const tty = await runCli(checkArgs('harbourline-freight.com', '--json'), { stderrTTY: true });
    expect(tty.stderr).toMatch(/checked \d+\/\d+/);
    JSON.parse(tty.stdout);
    expect((await runCli(checkArgs('harbourline-freight.com', '--json'))).stderr).toBe('');
  });
});

describe('srv', () => {
  interface SrvLine {
    input: string;
    domain: string;
    status: string;
    records: unknown[];
    checks: { id: string; issues: { code: string }[] }[];
  }
  const codesOf = (line: SrvLine) => line.checks.flatMap((check) => check.issues.map((issue) => issue.code));

  it('--json: one object per domain, in input order, whatever the concurrency', async () => {
    const domains = [
      'westfield-builders.org',
      'harbourline-freight.com',
      'lakeshore-dental.com',
      'copperfield-design.com',
      'tidewater-analytics.net',
    ];
    const out = await runCli([
      'srv',
      '--json',
      '--concurrency',
      '3',
      '--nameserver',
      server.address,
      ...domains,
    ]);
    expect(out.code).toBe(1);
    const lines = ndjson(out.stdout) as SrvLine[];
    expect(lines.map((line) => line.input)).toEqual(domains);
    expect(lines.map((line) => line.status)).toEqual(['fail', 'pass', 'fail', 'fail', 'fail']);
    expect(codesOf(lines[0] as SrvLine)).toContain('dns.private_address');
    expect(codesOf(lines[2] as SrvLine)).toContain('srv.missing');
    expect(codesOf(lines[3] as SrvLine)).toContain('srv.near_miss');
    expect(codesOf(lines[4] as SrvLine)).toContain('srv.wrong_port');
  });

  it('text: one line per domain with the selected record and the codes', async () => {
    const out = await runCli([
      'srv',
      '--nameserver',
      server.address,
      'harbourline-freight.com',
      'tidewater-analytics.net',
    ]);
    expect(out.stdout.trimEnd().split('\n')).toEqual([
      '✔ harbourline-freight.com  SRV 0 0 5061 sip.harbourline-freight.com → 198.51.100.24',
      '✖ tidewater-analytics.net  SRV 0 0 5062 sip.tidewater-analytics.net → 198.51.100.40  srv.wrong_port',
    ]);
  });

  it('-v adds each issue with its fix', async () => {
    const out = await runCli(['srv', '-v', '--nameserver', server.address, 'tidewater-analytics.net']);
    expect(out.stdout).toMatch(/^ {6}✖ .*\[srv\.wrong_port\]$/m);
    expect(out.stdout).toMatch(/^ {8}fix: /m);
  });

  it('checks a domain offline first: an invalid one is never looked up', async () => {
    const before = server.log.length;
    const out = await runCli(['srv', '--json', '--nameserver', server.address, 'bad_domain.net']);
    expect(out.code).toBe(1);
    expect(codesOf((ndjson(out.stdout) as SrvLine[])[0] as SrvLine)).toEqual(['fqdn.underscore']);
    expect(server.log.length).toBe(before);
  });

  it('reads domains from stdin; 0 when all pass, 0 on a warning, 1 with --strict', async () => {
    const ok = await runCli(['srv', '--nameserver', server.address], {
      stdin: 'harbourline-freight.com\r\n\r\n',
    });
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\n')).toHaveLength(2);
    expect((await runCli(['srv', '--nameserver', server.address, 'oakridge-partners.net'])).code).toBe(0);
    expect(
      (await runCli(['srv', '--strict', '--nameserver', server.address, 'oakridge-partners.net'])).code,
    ).toBe(1);
  });

  it('3 when the name server never answers', async () => {
    const out = await runCli([
      'srv',
      '--timeout',
      '100',
      '--nameserver',
      silent.address,
      'harbourline-freight.com',
    ]);
    expect(out.code).toBe(3);
    expect(out.stdout).toMatch(/^\? harbourline-freight\.com .*dns\.timeout/);
  });

  it('--edge reaches the rules (srv.target_not_declared_edge when the target is not a declared edge)', async () => {
    const out = await runCli([
      'srv',
      '--json',
      '--edge',
      'sip.tidewater-analytics.net',
      '--nameserver',
      server.address,
      'harbourline-freight.com',
    ]);
    expect(codesOf((ndjson(out.stdout) as SrvLine[])[0] as SrvLine)).toContain(
      'srv.target_not_declared_edge',
    );
  });
});

describe('demo (in process)', () => {
  const fakeIo = () => {
    const out = { stdout: '', stderr: '' };
    const io: CliIo = {
      stdout: { write: (chunk: string) => (out.stdout += chunk) },
      stderr: { write: (chunk: string) => (out.stderr += chunk) },
      stdin: Readable.from([]),
      env: {},
    };
    return { io, out };
  };

  it('run(["demo", "--json"]) finds examples/ from the sources and exits 0 with a failing report', async () => {
    const out = await runCli(['demo', '--json']);
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as Report).summary.status).toBe('fail');
  });

  it('probes the demo Edges by default: tcp/tls checks with the expected codes, loopback only', async (context) => {
    const out = await runCli(['demo', '--json']);
    expect(out.code).toBe(0);
    const skipped = /^Probe: skipped, .*$/m.exec(out.stderr);
    if (skipped) context.skip(`the demo could not run its probe here: ${skipped[0]}`);
    expectDemoProbe(JSON.parse(out.stdout) as Report);
    // Each Edge on its own 127.0.0.x:5061, or (where that cannot be bound) ports chosen on 127.0.0.1.
    expect(out.stderr).toMatch(
      /198\.51\.100\.24:5061 → 127\.0\.0\.24:5061|ports chosen by the system on 127\.0\.0\.1/,
    );
    expect(out.stderr).toContain('--no-probe');
  });

  it('falls back to ports chosen by the system when 127.0.0.24:5061 is taken', async (context) => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    const bound = await new Promise<string | null>((resolve) => {
      blocker.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      blocker.listen(5061, '127.0.0.24', () => resolve(null));
    });
    if (bound !== null) context.skip(`cannot bind 127.0.0.24:5061 here to block it (${bound})`);
    try {
      const out = await runCli(['demo', '--json']);
      expect(out.code).toBe(0);
      expect(out.stderr).toContain('127.0.0.x:5061 cannot be bound here');
      expect(out.stderr).toMatch(/198\.51\.100\.24:5061 → 127\.0\.0\.1:\d+/);
      expectDemoProbe(JSON.parse(out.stdout) as Report);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('--no-probe: the report has no tcp/tls checks and stderr no probe part', async () => {
    const out = await runCli(['demo', '--json', '--no-probe']);
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout) as Report;
    expect(report.checks.filter((check) => check.id === 'tcp' || check.id === 'tls')).toEqual([]);
    expect(out.stderr).not.toContain('Probe:');
  });

  it('the demo files are missing or broken → UsageError (exit 2 through run)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pic-demo-'));
    const { io } = fakeIo();
    await expect(runDemo({}, io, dir)).rejects.toBeInstanceOf(UsageError);
    writeFileSync(join(dir, 'demo-zone.json'), '{"records": "none"}');
    writeFileSync(join(dir, 'demo-request.json'), '{}');
    await expect(runDemo({}, io, dir)).rejects.toThrow(/records/);
    writeFileSync(join(dir, 'demo-zone.json'), '[1, 2]');
    await expect(runDemo({}, io, dir)).rejects.toThrow(/JSON object/);
  });

  it('a copy of the example files runs from any folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pic-demo-'));
    for (const name of ['demo-zone.json', 'demo-request.json']) {
      writeFileSync(join(dir, name), readFileSync(join(ROOT, 'examples', name)));
    }
    const { io, out } = fakeIo();
    expect(await runDemo({ format: 'markdown' }, io, dir)).toBe(0);
    expect(out.stdout).toMatch(/^## pic-preflight report: ✖ fail/);
    expect(out.stderr).toContain('127.0.0.1:');
    // Without demo-certs/ the probe part is skipped with one line; the demo still runs.
    expect(out.stderr).toMatch(/^Probe: skipped, the demo certificates are missing .*$/m);
    expect(out.stdout).not.toMatch(/^\| (tcp|tls)\b/m);
  });
});

describe('srv: one lookup memo for the whole batch', () => {
  it('a target shared by two SIP domains is asked once', async () => {
    const shared = await startTestDnsServer([
      {
        name: '_sipfederationtls._tcp.alpha-corp.com',
        type: 'SRV',
        data: { priority: 0, weight: 0, port: 5061, target: 'sip.shared-host.com' },
      },
      {
        name: '_sipfederationtls._tcp.beta-corp.com',
        type: 'SRV',
        data: { priority: 0, weight: 0, port: 5061, target: 'sip.shared-host.com' },
      },
      { name: 'sip.shared-host.com', type: 'A', data: '198.51.100.7' },
    ]);
    try {
      const out = await runCli([
        'srv',
        'alpha-corp.com',
        'beta-corp.com',
        '--json',
        '--nameserver',
        shared.address,
      ]);
      expect(ndjson(out.stdout)).toHaveLength(2);
      const asked = (type: string) =>
        shared.log.filter((q) => q.name === 'sip.shared-host.com' && q.type === type && q.transport === 'udp')
          .length;
      expect([asked('A'), asked('AAAA')]).toEqual([1, 1]);
    } finally {
      await shared.close();
    }
  });
});
