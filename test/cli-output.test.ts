// The output options of the reporting commands (check, srv, demo): formats, -o, --quiet, colour,
// width, PIC_PREFLIGHT_NAMESERVERS and progress, through run() against a real DNS server on
// 127.0.0.1 serving the demo zone; and the built command in an 80-column pseudo-terminal.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colorFor, widthFor } from '../src/cli/support/output.js';
import type { Report } from '../src/core/report/report-types.js';
import type { ZoneRecordJson } from '../src/node/servers/zone-server.js';
import { CLI, ESC, ROOT, runCli } from './cli-helpers.js';
import { startTestDnsServer, type TestDnsServer } from './helpers/dns-server.js';

const zone = (
  JSON.parse(readFileSync(join(ROOT, 'examples', 'demo-zone.json'), 'utf8')) as { records: ZoneRecordJson[] }
).records;
let server: TestDnsServer;
beforeAll(async () => {
  server = await startTestDnsServer(zone);
});
afterAll(async () => {
  await server?.close();
});

const FAILING = ['harbourline-freight.com', 'tidewater-analytics.net'];
const check = (...more: string[]) => [
  'check',
  ...FAILING.flatMap((domain) => ['--domain', domain]),
  '--nameserver',
  server.address,
  ...more,
];
const scratch = mkdtempSync(join(tmpdir(), 'pic-preflight-out-'));

describe('--format junit|sarif|github on check and srv', () => {
  it.each([['check'], ['srv']])('%s --format junit: well-formed, one testcase per check', async (command) => {
    const args =
      command === 'check'
        ? check('--format', 'junit')
        : ['srv', ...FAILING, '--nameserver', server.address, '--format', 'junit'];
    const out = await runCli(args);
    expect(out.code).toBe(1);
    expect(XMLValidator.validate(out.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(out.stdout);
    const cases = [doc.testsuites.testsuite]
      .flat()
      .flatMap((suite: { testcase: unknown }) => [suite.testcase].flat()) as { failure?: { type: string } }[];
    expect(cases.length).toBe(Number(doc.testsuites.tests));
    expect(cases.some((c) => c.failure?.type === 'srv.wrong_port')).toBe(true);
  });

  it('check --format sarif: SARIF 2.1.0 with the wrong port as a result and a rule', async () => {
    const out = await runCli(check('--format', 'sarif'));
    const log = JSON.parse(out.stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(
      run.results.some(
        (r: { ruleId: string; level: string }) => r.ruleId === 'srv.wrong_port' && r.level === 'error',
      ),
    ).toBe(true);
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('srv.wrong_port');
  });

  it('srv --format github: annotations only, one per issue', async () => {
    const out = await runCli(['srv', ...FAILING, '--nameserver', server.address, '--format', 'github']);
    const lines = out.stdout.trim().split('\n');
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) title=[a-z_.]+::/);
    expect(lines.some((line) => line.startsWith('::error title=srv.wrong_port::'))).toBe(true);
  });

  it('srv --format markdown renders one report of every domain', async () => {
    const out = await runCli(['srv', ...FAILING, '--nameserver', server.address, '--format', 'markdown']);
    expect(out.stdout).toContain('### tidewater-analytics.net');
    expect(out.stdout).toContain('### harbourline-freight.com');
  });
});

describe('the offline batch commands report too', () => {
  it('fqdn --format junit|sarif|github: a check per value', async () => {
    const values = ['sip.northwind.net', 'sip_x.northwind.net'];
    const junit = await runCli(['fqdn', ...values, '--format', 'junit']);
    expect(junit.code).toBe(1);
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    expect(junit.stdout.match(/<testcase /g)).toHaveLength(2);
    const sarif = JSON.parse((await runCli(['fqdn', ...values, '--format', 'sarif'])).stdout);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['fqdn.underscore']);
    const github = await runCli(['fqdn', ...values, '--format', 'github']);
    expect(github.stdout.trim()).toMatch(/^::error title=fqdn\.underscore::request sip_x\.northwind\.net: /);
  });

  it('--quiet and -o', async () => {
    const quiet = await runCli(['sip-domain', 'northwind.net', 'x_y.northwind.net', '--quiet']);
    expect(quiet.stdout).not.toContain('✔');
    expect(quiet.stdout).toContain('x_y.northwind.net');
    const file = join(scratch, 'fqdn.ndjson');
    const out = await runCli(['fqdn', 'sip.northwind.net', '--json', '-o', file]);
    expect(out.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ input: 'sip.northwind.net', ok: true });
  });
});

describe('-o FILE and --quiet', () => {
  it('-o writes the report to the file and nothing to stdout; the exit code is the same', async () => {
    const file = join(scratch, 'report.json');
    const out = await runCli(check('--json', '-o', file));
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    const report = JSON.parse(readFileSync(file, 'utf8')) as Report;
    expect(report.summary.status).toBe('fail');
  });

  it('-o to a file that cannot be written is a usage error (exit 2)', async () => {
    const out = await runCli(check('-o', join(scratch, 'missing-dir', 'r.txt')));
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/cannot write/);
  });

  it('srv -o: the lines go to the file', async () => {
    const file = join(scratch, 'srv.ndjson');
    const out = await runCli(['srv', ...FAILING, '--nameserver', server.address, '--json', '-o', file]);
    expect(out.stdout).toBe('');
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('--quiet: only failed checks and their errors, plus the summary', async () => {
    const out = await runCli(check('--quiet'));
    expect(out.stdout).toContain('srv.wrong_port');
    expect(out.stdout).not.toContain('pic.provisioning_site_retired');
    expect(out.stdout).not.toContain('✔');
    expect(out.stdout).toMatch(/FAIL: /);
    const srv = await runCli(['srv', ...FAILING, '--nameserver', server.address, '--quiet']);
    expect(srv.stdout.trim().split('\n')).toHaveLength(1);
    expect(srv.stdout).toContain('tidewater-analytics.net');
  });
});

describe('colour: --color/--no-color, NO_COLOR, FORCE_COLOR', () => {
  it.each([
    [{}, undefined, false, false],
    [{}, undefined, true, true],
    [{ NO_COLOR: '1' }, undefined, true, false],
    [{ FORCE_COLOR: '1' }, undefined, false, true],
    [{ FORCE_COLOR: '0' }, undefined, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, undefined, false, false],
    [{ NO_COLOR: '1' }, true, false, true],
    [{ FORCE_COLOR: '1' }, false, true, false],
    [{ TERM: 'dumb' }, undefined, true, false],
  ] as const)('env %j, flag %s, TTY %s → %s', (env, flag, tty, expected) => {
    expect(colorFor({ isTTY: tty }, env, flag)).toBe(expected);
  });

  it('--color colours a pipe, --no-color never', async () => {
    expect((await runCli(check('--color'))).stdout).toContain(ESC);
    expect((await runCli(check('--no-color'), { stdoutTTY: true })).stdout).not.toContain(ESC);
    expect((await runCli(check(), { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
  });
});

describe('width: the terminal, or COLUMNS; never for a pipe without it', () => {
  it.each([
    [{ isTTY: true, columns: 80 }, {}, 80],
    [{ isTTY: true, columns: 80 }, { COLUMNS: '100' }, 100],
    [{ isTTY: false }, {}, undefined],
    [{ isTTY: false }, { COLUMNS: '72' }, 72],
    [{ isTTY: false }, { COLUMNS: 'wide' }, undefined],
  ] as const)('%j %j → %s', (stream, env, expected) => {
    expect(widthFor(stream, env)).toBe(expected);
  });

  it('a TTY of 60 columns: no line wider unless it is a record alone', async () => {
    const out = await runCli(check(), { stdoutTTY: true, stdoutColumns: 60, env: { NO_COLOR: '1' } });
    const lines = out.stdout.split('\n');
    for (const line of lines) {
      if ([...line].length > 60) expect(line).toMatch(/^\s*\S+ (\d+ IN )?SRV \d+ \d+ \d+ \S+$/);
    }
    expect(lines).toContain(
      '_sipfederationtls._tcp.tidewater-analytics.net. 3600 IN SRV 0 0 5061 sip.tidewater-analytics.net.',
    );
    const pipe = await runCli(check());
    expect(pipe.stdout.split('\n').some((line) => [...line].length > 100)).toBe(true);
  });
});

describe('PIC_PREFLIGHT_NAMESERVERS', () => {
  it('is the default name server list (comma or space separated); --nameserver wins', async () => {
    const args = ['check', '--domain', 'harbourline-freight.com', '--json', '--timeout', '300'];
    const env = { PIC_PREFLIGHT_NAMESERVERS: ` 127.0.0.1:9, ${server.address}` };
    const out = await runCli(args, { env });
    expect((JSON.parse(out.stdout) as Report).summary.status).toBe('pass');
    const bad = await runCli(args, { env: { PIC_PREFLIGHT_NAMESERVERS: 'not a server:99999' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/PIC_PREFLIGHT_NAMESERVERS/);
    const flag = await runCli([...args, '--nameserver', server.address], {
      env: { PIC_PREFLIGHT_NAMESERVERS: 'x:99999' },
    });
    expect(flag.code).toBe(0);
  });
});

describe('srv progress', () => {
  it('on stderr whenever stderr is a TTY, whatever stdout is, also for domains given as arguments', async () => {
    const out = await runCli(['srv', ...FAILING, '--nameserver', server.address, '--json'], {
      stderrTTY: true,
    });
    expect(out.stderr).toMatch(/checked 2\/2/);
    expect(out.stdout.trim().split('\n')).toHaveLength(2);
    const quiet = await runCli(['srv', ...FAILING, '--nameserver', server.address]);
    expect(quiet.stderr).toBe('');
  });
});

describe('the built command in an 80-column pseudo-terminal', () => {
  const script = spawnSync('script', ['--version'], { encoding: 'utf8' });
  it.skipIf(script.status !== 0 || !existsSync(CLI))(
    'demo: no line over 80 but whole records; records whole',
    () => {
      const run = spawnSync(
        'script',
        ['-qec', `stty cols 80 rows 24; ${process.execPath} ${CLI} demo --no-probe`, '/dev/null'],
        {
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, COLUMNS: undefined },
          timeout: 30_000,
        },
      );
      // What the terminal shows: the text after the last carriage return of each line (progress).
      const lines = run.stdout.split('\n').map((line) => line.replace(/\r$/, '').split('\r').pop() as string);
      const wide = lines.filter((line) => [...line].length > 80);
      for (const line of wide)
        expect(line).toMatch(
          /^(_sipfederationtls\._tcp\.\S+ 3600 IN SRV 0 0 5061 \S+|pic-preflight check .*)$/,
        );
      const records = lines.filter((line) => line.includes(' IN SRV '));
      expect(records.length).toBeGreaterThan(3);
      for (const line of records)
        expect(line.trim()).toMatch(/^_sipfederationtls\._tcp\.\S+\. 3600 IN SRV 0 0 5061 \S+\.$/);
    },
  );
});
