// The built command, spawned: `node dist/cli.js …` (npm test builds first). What only a real
// process shows: exit codes, stdout/stderr separation, pipes (no colour), lazy loading, the demo.
import { createSocket, type Socket } from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/core/report/report-types.js';
import { CHECK_ARGS, CLI, ESC, expectDemoProbe, ndjson, ROOT, spawnCli } from './cli-helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const tmp = mkdtempSync(join(tmpdir(), 'pic-cli-spawn-'));

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does)');
});

describe('basics', () => {
  it('--version prints the package.json version', async () => {
    const out = await spawnCli(['--version']);
    expect(out).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(await spawnCli(['-V'])).toEqual(out);
  });

  it('the file starts with a shebang (the npm bin)', () => {
    expect(readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('exit 0 / 1 for the offline validators, output on stdout only', async () => {
    const good = await spawnCli(['fqdn', 'sip.fabrikam-edge.net']);
    expect(good).toEqual({ code: 0, stdout: '✔ sip.fabrikam-edge.net\n', stderr: '' });
    const bad = await spawnCli(['fqdn', '--json', 'sip_fed.fabrikam.net']);
    expect(bad.code).toBe(1);
    expect((ndjson(bad.stdout)[0] as { issues: { code: string }[] }).issues[0]?.code).toBe('fqdn.underscore');
  });

  it('exit 2 for an unknown flag: one line on stderr, no stack trace', async () => {
    const out = await spawnCli(['check', '--frobnicate']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain('--frobnicate');
  });

  it.each([
    ['missing', join(tmp, 'missing.json'), null],
    ['not JSON', join(tmp, 'bad.json'), '{ not json'],
    ['a JSON array', join(tmp, 'array.json'), '["fabrikam.net"]'],
  ])('exit 2 for a request file that is %s', async (_label, path, content) => {
    if (content !== null) writeFileSync(path, content);
    const out = await spawnCli(['check', '--request', path, '--offline']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('exit 2 for an unreadable --ca file (before any query or connection)', async () => {
    const out = await spawnCli([
      ...CHECK_ARGS,
      '--nameserver',
      '127.0.0.1:9',
      '--probe',
      '--ca',
      join(tmp, 'no-such-ca.pem'),
    ]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/--ca: cannot read ".*no-such-ca\.pem": no such file/);
  });

  it('exit 2 for a non-numeric --timeout', async () => {
    expect((await spawnCli(['srv', 'fabrikam.net', '--timeout', 'abc'])).code).toBe(2);
  });

  it('reads a stdin batch; no progress and no colour in pipes, unless FORCE_COLOR', async () => {
    const stdin = 'harbourline-freight.com\r\nsip.harbourline-freight.com\n';
    const out = await spawnCli(['sip-domain'], { stdin, env: { FORCE_COLOR: undefined } });
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n').filter((line) => /^[✔✖⚠]/.test(line))).toHaveLength(2);
    expect(out.stdout).not.toContain(ESC);
    expect(out.stderr).toBe('');
    const forced = await spawnCli(['sip-domain'], { stdin, env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(ESC);
  });

  it('decorate prints the decorated address alone', async () => {
    const out = await spawnCli(['decorate', 'ted@harbourline-freight.com']);
    expect(out).toEqual({ code: 0, stdout: 'ted(harbourline-freight.com)@msn.com\n', stderr: '' });
  });

  it('provider-command prints PowerShell', async () => {
    const out = await spawnCli(['provider-command', '--server-version', 'lync2013']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^New-CsPublicProvider -ProxyFqdn 'federation\.messenger\.msn\.com'/m);
  });
});

describe('lazy loading', () => {
  // Records every module the command resolves, through a module.register() resolve hook.
  const hooks = join(tmp, 'hooks.mjs');
  const register = join(tmp, 'register.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.TRACE_FILE, result.url + '\\n');
  return result;
}
`,
  );
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );

  async function loaded(argv: string[]): Promise<string[]> {
    const trace = join(tmp, `trace-${argv.join('-')}.txt`);
    writeFileSync(trace, '');
    const out = await spawnCli(argv, {
      nodeArgs: ['--import', pathToFileURL(register).href],
      env: { TRACE_FILE: trace },
    });
    expect(out.code).not.toBe(2);
    return readFileSync(trace, 'utf8').split('\n').filter(Boolean);
  }
  const heavy = /node_modules\/(dns2|zod|ipaddr\.js)\/|^node:(tls|dgram|net|dns)$/;

  it('--version loads no dns2, zod, tldts or node:tls', async () => {
    const urls = await loaded(['--version']);
    expect(urls.some((url) => url.endsWith('/dist/cli.js'))).toBe(true);
    expect(urls.filter((url) => heavy.test(url) || url.includes('/tldts'))).toEqual([]);
    // main.ts answers --version alone before loading commander.
    expect(urls.filter((url) => url.includes('/commander/'))).toEqual([]);
  });

  it('fqdn loads no dns2, zod, node:tls or commander; tldts only for a name under a TLD with second-level suffixes', async () => {
    const urls = await loaded(['fqdn', 'sip.fabrikam-edge.net']);
    expect(
      urls.filter((url) => heavy.test(url) || url.includes('/tldts') || url.includes('/commander/')),
    ).toEqual([]);
    // tldts then comes through require() (src/cli/lazy-tldts.ts), which the ESM trace does not see.
    const deep = await loaded(['fqdn', 'sip.fabrikam-edge.co.uk']);
    expect(deep.filter((url) => heavy.test(url))).toEqual([]);
    expect((await spawnCli(['fqdn', 'sip.fabrikam-edge.co.uk', 'co.uk'])).stdout).toMatch(
      /✔ sip\.fabrikam-edge\.co\.uk[\s\S]*fqdn\.public_suffix/,
    );
  });
});

describe('check against real name servers on 127.0.0.1', () => {
  let silent: Socket;
  let silentPort = 0;
  beforeAll(async () => {
    silent = createSocket('udp4'); // receives queries and never answers
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', () => resolve()));
    silentPort = silent.address().port;
  });
  afterAll(() => silent?.close());

  it('exit 3 when nothing answers; the JSON report alone on stdout', async () => {
    const out = await spawnCli([
      ...CHECK_ARGS,
      '--nameserver',
      `127.0.0.1:${silentPort}`,
      '--timeout',
      '150',
      '--json',
    ]);
    expect(out.code).toBe(3);
    const report = JSON.parse(out.stdout) as Report;
    expect(report.summary.status).toBe('inconclusive');
    expect(report.checks.flatMap((check) => check.issues.map((issue) => issue.code))).toContain(
      'dns.timeout',
    );
  });
});

describe('demo', () => {
  const mistakes = [
    'srv.wrong_port',
    'federation.target_outside_domain',
    'srv.missing',
    'srv.near_miss',
    'dns.target_is_alias',
    'dns.private_address',
  ];

  it('prints the report, names every mistake, exits 0', async () => {
    const out = await spawnCli(['demo']);
    expect(out.code).toBe(0);
    for (const code of mistakes) expect(out.stdout).toContain(`[${code}]`);
    expect(out.stdout).toMatch(/^ {2}✔ srv pass {2}SRV 0 0 5061 sip\.harbourline-freight\.com$/m);
    expect(out.stdout).toMatch(/^✖ FAIL: /m);
    expect(out.stdout).not.toContain(ESC);
    expect(out.stderr).toContain('127.0.0.1:');
  });

  it('--json: the report alone on stdout; the correct domain passes, each mistake is in its own domain', async () => {
    const out = await spawnCli(['demo', '--json']);
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout) as Report;
    const bySubject = (subject: string) =>
      report.checks
        .filter((check) => check.subject === subject)
        .flatMap((check) => check.issues.map((i) => i.code));
    const statusOf = (id: string, subject: string) =>
      report.checks.find((check) => check.id === id && check.subject === subject)?.status;
    expect(statusOf('srv', 'harbourline-freight.com')).toBe('pass');
    expect(statusOf('srv-target', 'sip.harbourline-freight.com')).toBe('pass');
    expect(bySubject('tidewater-analytics.net')).toContain('srv.wrong_port');
    expect(bySubject('brightmoor-clinics.org')).toContain('federation.target_outside_domain');
    expect(bySubject('lakeshore-dental.com')).toContain('srv.missing');
    expect(bySubject('copperfield-design.com')).toEqual(
      expect.arrayContaining(['srv.missing', 'srv.near_miss']),
    );
    expect(bySubject('sip.oakridge-partners.net')).toContain('dns.target_is_alias');
    expect(bySubject('sip.westfield-builders.org')).toContain('dns.private_address');
    expect(report.summary.inconclusive).toBe(0);
  });

  it('shows the probe: TLS listeners on loopback play the Edges, tcp/tls checks in the same report', async (context) => {
    const started = performance.now();
    const out = await spawnCli(['demo']);
    const elapsed = performance.now() - started;
    expect(out.code).toBe(0);
    const skipped = /^Probe: skipped, .*$/m.exec(out.stderr);
    if (skipped) context.skip(`the demo could not run its probe here: ${skipped[0]}`);
    // The DNS part comes first, unchanged; the probe's checks follow in the same report.
    expect(out.stdout.indexOf('sip.westfield-builders.org\n')).toBeLessThan(
      out.stdout.indexOf('198.51.100.24:5061\n'),
    );
    expect(out.stdout).toMatch(/^ {2}✔ tls pass {2}→ 198\.51\.100\.24$/m);
    expect(out.stdout).toMatch(/^ {2}✖ tls fail {2}→ 198\.51\.100\.120$/m);
    for (const code of [
      'tls.name_mismatch',
      'tls.missing_client_auth',
      'tls.handshake_incomplete',
      'probe.unreachable',
    ]) {
      expect(out.stdout).toContain(`[${code}]`);
    }
    expect(out.stderr).toMatch(/^Probe: TLS listeners play the Edges/m);
    expect(elapsed).toBeLessThan(3000); // `npm run demo` stays quick
  });

  it('--json: the probe checks carry the expected codes (only an info for the correct Edge), loopback only', async (context) => {
    const out = await spawnCli(['demo', '--json']);
    expect(out.code).toBe(0);
    const skipped = /^Probe: skipped, .*$/m.exec(out.stderr);
    if (skipped) context.skip(`the demo could not run its probe here: ${skipped[0]}`);
    expectDemoProbe(JSON.parse(out.stdout) as Report);
  });

  it('--no-probe: no listener, no tcp/tls check', async () => {
    const out = await spawnCli(['demo', '--no-probe', '--json']);
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as Report).checks.some((c) => c.id === 'tcp' || c.id === 'tls')).toBe(
      false,
    );
    expect(out.stderr).not.toContain('Probe:');
  });

  it('works from another working directory (finds examples/ next to dist/)', async () => {
    const out = await spawnCli(['demo', '--format', 'markdown'], { cwd: tmp });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^## pic-preflight report: /);
  });
});
