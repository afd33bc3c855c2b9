// RULES §10 / INTERFACE flags of the live commands (src/cli/support/dns-flags.ts): --authoritative,
// --root-server, --doh, --ca, --no-compare, --related; srv's --deadline. Bad values exit 2 with one
// line; nothing leaves 127.0.0.0/8.
import { describe, expect, it } from 'vitest';
import { CHECK_ARGS, ndjson, ROOT, runCli } from './cli-helpers.js';
import { rr, serveForFile } from './helpers/dns-server.js';

const server = serveForFile([
  rr.srv('_sipfederationtls._tcp.good.com', 'sip.good.com'),
  rr.a('sip.good.com', '203.0.113.10'),
  rr.srv('_sip._tls.good.com', 'sip.good.com', 443),
]);
const ROOT_PEM = `${ROOT}/test/fixtures/certs/root.pem`;

describe('bad resolution flags: exit 2, one line on stderr, nothing on stdout', () => {
  const rows: [string, string[], RegExp][] = [
    [
      'a root server that is a name',
      ['--authoritative', '--root-server', 'a.root-servers.net'],
      /--root-server: .*not a name/,
    ],
    [
      'a root server with a bad port',
      ['--authoritative', '--root-server', '127.0.0.1:notaport'],
      /--root-server/,
    ],
    [
      '--root-server without --authoritative',
      ['--root-server', '127.0.0.1'],
      /--root-server applies to --authoritative only/,
    ],
    [
      '--no-compare without --authoritative',
      ['--no-compare'],
      /--no-compare applies to --authoritative only/,
    ],
    ['a DoH URL over http', ['--doh', 'http://127.0.0.1/dns-query'], /--doh: .*needs https:/],
    ['a DoH URL that is not a URL', ['--doh', 'dns-query'], /--doh: .*expected https:\/\/host/],
    ['a DoH URL with credentials', ['--doh', 'https://u:p@127.0.0.1/dns-query'], /--doh: .*no credentials/],
    ['--ca without --doh or --probe', ['--ca', ROOT_PEM], /--ca applies to the probe and DoH only/],
  ];
  it.each(rows)('check: %s', async (_label, more, message) => {
    const out = await runCli([...CHECK_ARGS, '--nameserver', server.address, ...more]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
  it.each(rows)('srv: %s', async (_label, more, message) => {
    const out = await runCli(['srv', 'good.com', '--nameserver', server.address, ...more]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('srv --deadline', () => {
  it('a silent name server with a long --timeout: the command ends by its --deadline, inconclusive (exit 3)', async () => {
    server.fault('*', 'silence');
    try {
      const start = performance.now();
      const out = await runCli([
        'srv',
        'good.com',
        'other.com',
        '--nameserver',
        server.address,
        '--timeout',
        '5000',
        '--deadline',
        '300',
        '--json',
      ]);
      expect(performance.now() - start).toBeLessThan(3000);
      expect(out.code).toBe(3);
      const lines = ndjson(out.stdout) as { checks: { issues: { code: string }[] }[] }[];
      expect(lines).toHaveLength(2);
      for (const line of lines) {
        expect(line.checks.flatMap((c) => c.issues.map((i) => i.code))).toContain('dns.deadline_exceeded');
      }
    } finally {
      server.clearFaults();
    }
  });

  it('a bad --deadline is a usage error', async () => {
    const out = await runCli(['srv', 'good.com', '--nameserver', server.address, '--deadline', 'soon']);
    expect(out.code).toBe(2);
  });
});

describe('--related and --authoritative', () => {
  it('srv --related adds the related check; without it there is none', async () => {
    const plain = ndjson(
      (await runCli(['srv', 'good.com', '--nameserver', server.address, '--json'])).stdout,
    ) as {
      checks: { id: string }[];
    }[];
    expect(plain[0]!.checks.map((c) => c.id)).not.toContain('related');
    const related = ndjson(
      (await runCli(['srv', 'good.com', '--nameserver', server.address, '--json', '--related'])).stdout,
    ) as { checks: { id: string; issues: { code: string }[] }[] }[];
    const check = related[0]!.checks.find((c) => c.id === 'related');
    expect(check?.issues.map((i) => i.code)).toContain('dns.related_record');
  });

  it('check --related adds a related check per SIP domain; without it there is none', async () => {
    const args = ['check', '--edge', 'sip.good.com', '--domain', 'good.com', '--agreement', 'V7391046'];
    const ids = async (...more: string[]) =>
      (
        JSON.parse((await runCli([...args, '--nameserver', server.address, '--json', ...more])).stdout) as {
          checks: { id: string }[];
        }
      ).checks.map((c) => c.id);
    expect(await ids()).not.toContain('related');
    expect(await ids('--related')).toContain('related');
  });

  it('--authoritative against an unreachable private root: inconclusive (exit 3), within the deadline', async () => {
    const start = performance.now();
    const out = await runCli([
      'srv',
      'good.com',
      '--authoritative',
      '--root-server',
      '127.0.0.1:9',
      '--no-compare',
      '--timeout',
      '200',
      '--deadline',
      '2000',
      '--json',
    ]);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(out.code).toBe(3);
    const [line] = ndjson(out.stdout) as { status: string }[];
    expect(line!.status).toBe('inconclusive');
  });
});
