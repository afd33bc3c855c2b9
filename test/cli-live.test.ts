// run() with live DNS against a real dns2 server on 127.0.0.1 serving the demo zone: check and srv,
// every exit code, JSON/NDJSON shapes, formats, --strict, stdin.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../src/cli/commands/demo.js';
import { UsageError } from '../src/cli/io.js';
import type { CliIo } from '../src/cli/run.js';
import type { ZoneRecord } from '../src/dns/zone-server.js';
import type { Report } from '../src/preflight/report-types.js';
import { VERSION } from '../src/version.js';
import { ESC, ndjson, ROOT, runCli } from './cli-helpers.js';
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
    const out = await runCli(['check', '--domain', 'harbourline-freight.com', '--offline', '--json']);
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
      const argv = [
        'check',
        '--edge',
        'sip.harbourline-freight.com',
        '--domain',
        'harbourline-freight.com',
        '--agreement',
        'V7731842',
      ];
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
  });
});
