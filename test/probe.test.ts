/**
 * The probe against real listeners on 127.0.0.x and ::1 (RULES.md §9): certificates from
 * test/fixtures/certs (a throwaway CA passed as `ca`), mutual TLS, refused ports, silent servers,
 * old protocols, aborts. Addresses such as 192.0.2.10 (TEST-NET-1) are mapped to the listeners with
 * `connectTo`, so subjects and SNI look like production while nothing leaves the machine.
 */
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import type { Check } from '../src/core/report/report-types.js';
import {
  createProber,
  type ProbeOptions,
  type ProbeTarget,
  probeEdges,
} from '../src/node/probe/probe-edges.js';
import {
  canBind,
  chainOf,
  closedPort,
  key,
  type Listener,
  startSilentListener,
  startTlsListener,
  TEST_ROOT,
  type TlsListenerOptions,
} from './fixtures/certs/index.js';
import { codes as codesOf } from './helpers/issues.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const ADDRESS = '192.0.2.10';
const TARGET = 'sip.contoso.com';

const listeners: Listener[] = [];
async function listen(options: TlsListenerOptions): Promise<Listener> {
  const listener = await startTlsListener(options);
  listeners.push(listener);
  return listener;
}
afterAll(async () => {
  await Promise.all(listeners.map((l) => l.close()));
});

const to = (listener: { host: string; port: number }) => () => ({ host: listener.host, port: listener.port });
const target = (addresses = [ADDRESS], names: string[] = []): ProbeTarget => ({
  target: TARGET,
  port: 5061,
  addresses,
  names,
});

async function probe(
  listener: { host: string; port: number },
  extra: Partial<ProbeOptions> = {},
  targets = [target()],
): Promise<{ checks: Check[]; tcp: Check; tls: Check; elapsed: number }> {
  const started = performance.now();
  const checks = await probeEdges(targets, {
    timeoutMs: 2000,
    concurrency: 4,
    now: NOW,
    ca: [TEST_ROOT],
    connectTo: to(listener),
    ...extra,
  });
  const elapsed = performance.now() - started;
  return { checks, tcp: checks[0]!, tls: checks[1]!, elapsed };
}

// One listener per certificate rule; each probe must finish well within its timeout.
describe('certificate rules over real TLS (MS-DEPLOY, MS-CERT)', () => {
  test.each<[string, TlsListenerOptions, string, string[]]>([
    ['good certificate', { leaf: 'good' }, 'pass', []],
    ['good certificate, TLS 1.2 only', { leaf: 'good', maxVersion: 'TLSv1.2' }, 'pass', []],
    ['no EKU extension (any purpose)', { leaf: 'no-eku' }, 'pass', []],
    ['wrong name', { leaf: 'wrong-name' }, 'fail', ['tls.name_mismatch']],
    ['wildcard subject', { leaf: 'wildcard-subject' }, 'fail', ['tls.wildcard_subject']],
    ['wildcard SAN only', { leaf: 'wildcard-san' }, 'fail', ['tls.name_mismatch']],
    ['expired', { leaf: 'expired' }, 'fail', ['tls.expired']],
    ['no clientAuth EKU', { leaf: 'no-client-auth' }, 'warn', ['tls.missing_client_auth']],
    ['no serverAuth EKU', { leaf: 'no-server-auth' }, 'fail', ['tls.missing_server_auth']],
    ['self-signed', { leaf: 'self-signed' }, 'fail', ['tls.untrusted']],
    ['intermediate not sent', { leaf: 'good', withIntermediate: false }, 'fail', ['tls.untrusted']],
  ])('%s', async (_label, options, status, codes) => {
    const listener = await listen(options);
    const { tcp, tls, elapsed } = await probe(listener);
    expect(tcp.status).toBe('pass');
    expect(tls.status).toBe(status);
    expect(codesOf(tls)).toEqual(codes);
    expect(tls.evidence).toMatchObject({ certificateRetrieved: true, handshakeCompleted: true });
    expect(elapsed).toBeLessThan(1500);
  });

  it('tls.expiring_soon with an injected clock', async () => {
    const listener = await listen({ leaf: 'good' });
    const { tls } = await probe(listener, { now: new Date('2124-12-20T00:00:00Z') });
    expect(tls.status).toBe('warn');
    expect(tls.issues.map((i) => [i.code, i.params?.days])).toEqual([['tls.expiring_soon', 12]]);
  });

  it('without the test CA the chain is untrusted (public roots only)', async () => {
    const listener = await listen({ leaf: 'good' });
    const { tls } = await probe(listener, { ca: [] });
    expect(tls.issues.map((i) => [i.code, i.params?.trust])).toEqual([['tls.untrusted', 'unknown_issuer']]);
  });

  it('requires every name served by the address', async () => {
    const listener = await listen({ leaf: 'good' });
    const { tls } = await probe(listener, {}, [
      target([ADDRESS], ['sipfed.contoso.com', 'sip.fabrikam.com']),
    ]);
    expect(tls.issues.map((i) => [i.code, i.params?.name])).toEqual([
      ['tls.name_mismatch', 'sip.fabrikam.com'],
    ]);
  });

  it('records the evidence of the certificate and the connection', async () => {
    const listener = await listen({ leaf: 'good', maxVersion: 'TLSv1.2' });
    const { tcp, tls } = await probe(listener);
    expect(tcp).toMatchObject({
      id: 'tcp',
      subject: '192.0.2.10:5061',
      evidence: { address: ADDRESS, port: 5061, connected: true, connectedTo: `127.0.0.1:${listener.port}` },
    });
    expect(tls).toMatchObject({
      id: 'tls',
      subject: 'sip.contoso.com@192.0.2.10:5061',
      evidence: {
        certificateRetrieved: true,
        handshakeCompleted: true,
        protocol: 'TLSv1.2',
        opensslVerifyError: null,
        certificate: {
          subject: 'CN=sip.contoso.com, O=pic-preflight tests',
          dnsNames: ['sip.contoso.com', 'sipfed.contoso.com'],
          eku: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'],
          trusted: true,
        },
      },
    });
  });

  it('sends the target as SNI', async () => {
    const seen: string[] = [];
    const server = tls.createServer({
      SNICallback: (name, callback) => {
        seen.push(name);
        callback(null, undefined);
      },
    });
    server.on('tlsClientError', () => {});
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await probe({ host: '127.0.0.1', port }, { timeoutMs: 500 });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(seen).toEqual([TARGET]);
  });
});

// The Edge asks for a client certificate (MTLS) and refuses a client without one. The certificate
// must be reported as retrieved, apart from "handshake completed".
describe('mutual TLS: the server refuses a client without a certificate', () => {
  test.each<[tls.SecureVersion]>([['TLSv1.2'], ['TLSv1.3']])('%s', async (version) => {
    const listener = await listen({
      leaf: 'good',
      requireClientCertificate: true,
      minVersion: version,
      maxVersion: version,
    });
    const { tls, elapsed } = await probe(listener);
    expect(tls.status).toBe('pass');
    expect(tls.issues.map((i) => [i.code, i.severity])).toEqual([['tls.handshake_incomplete', 'info']]);
    expect(tls.evidence).toMatchObject({
      certificateRetrieved: true,
      handshakeCompleted: false,
      protocol: version,
      certificate: { subject: 'CN=sip.contoso.com, O=pic-preflight tests', trusted: true },
    });
    expect(elapsed).toBeLessThan(1500);
  });

  it('still judges the retrieved certificate', async () => {
    const listener = await listen({
      leaf: 'wrong-name',
      requireClientCertificate: true,
      maxVersion: 'TLSv1.2',
    });
    const { tls } = await probe(listener);
    expect(tls.status).toBe('fail');
    expect(codesOf(tls)).toEqual(['tls.name_mismatch', 'tls.handshake_incomplete']);
  });
});

// Timer-bound and independent (each test has its own listeners): run concurrently, each with the
// `expect` of its own context.
describe.concurrent('reachability and timeouts: nothing hangs', () => {
  it('connection refused: probe.unreachable, tls skipped, fast', async ({ expect }) => {
    const port = await closedPort();
    const { tcp, tls, elapsed } = await probe({ host: '127.0.0.1', port });
    expect(tcp.status).toBe('fail');
    expect(tcp.issues[0]).toMatchObject({
      code: 'probe.unreachable',
      severity: 'error',
      params: { address: ADDRESS, port: 5061, reason: 'connection refused' },
    });
    expect(tcp.evidence).toMatchObject({ connected: false, reason: 'refused', errorCode: 'ECONNREFUSED' });
    expect(tls.status).toBe('skipped');
    expect(elapsed).toBeLessThan(1000);
  });

  it('one address refused, one good: a warning', async ({ expect }) => {
    const good = await listen({ leaf: 'good' });
    const port = await closedPort();
    const checks = await probeEdges([target(['192.0.2.10', '192.0.2.11'])], {
      timeoutMs: 2000,
      concurrency: 2,
      now: NOW,
      ca: [TEST_ROOT],
      connectTo: (address) => ({ host: '127.0.0.1', port: address === '192.0.2.10' ? good.port : port }),
    });
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['tcp', 'pass'],
      ['tls', 'pass'],
      ['tcp', 'warn'],
      ['tls', 'skipped'],
    ]);
  });

  it('a server that never speaks TLS: tls.handshake_failed at the timeout', async ({ expect }) => {
    const silent = await startSilentListener();
    listeners.push(silent);
    const { tcp, tls, elapsed } = await probe(silent, { timeoutMs: 300 });
    expect(tcp.status).toBe('pass');
    expect(tls.status).toBe('fail');
    expect(tls.issues[0]).toMatchObject({
      code: 'tls.handshake_failed',
      params: { reason: 'no TLS handshake within 300 ms' },
    });
    expect(tls.evidence).toMatchObject({ certificateRetrieved: false, handshakeCompleted: false });
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(1300);
    // Our socket is gone: the server sees the connection close.
    await expect.poll(() => silent.open(), { timeout: 1000 }).toBe(0);
  });

  it('the concurrency limit holds against slow servers', async ({ expect }) => {
    const silent = await startSilentListener();
    listeners.push(silent);
    const addresses = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'];
    const { checks, elapsed } = await probe(silent, { timeoutMs: 250, concurrency: 2 }, [target(addresses)]);
    expect(checks.filter((c) => c.id === 'tls').every((c) => codesOf(c)[0] === 'tls.handshake_failed')).toBe(
      true,
    );
    expect(elapsed).toBeGreaterThanOrEqual(480); // two rounds of 250 ms
    expect(elapsed).toBeLessThan(1800);
  });

  it('an abort signal (the run deadline) ends a waiting probe: inconclusive', async ({ expect }) => {
    const silent = await startSilentListener();
    listeners.push(silent);
    const { tcp, tls, elapsed } = await probe(silent, {
      timeoutMs: 10_000,
      signal: AbortSignal.timeout(200),
    });
    expect(tcp.status).toBe('pass');
    expect(tls.status).toBe('inconclusive');
    expect(codesOf(tls)).toEqual(['probe.aborted']);
    expect(elapsed).toBeLessThan(1200);
    await expect.poll(() => silent.open(), { timeout: 1000 }).toBe(0);
  });

  it('closes its sockets after a completed probe', async ({ expect }) => {
    const listener = await listen({ leaf: 'good', maxVersion: 'TLSv1.2' });
    await probe(listener);
    await expect.poll(() => listener.open(), { timeout: 1000 }).toBe(0);
    expect(listener.accepted()).toBe(1);
  });

  it('a connectTo that throws is reported, not thrown', async ({ expect }) => {
    const { tcp, tls } = await probe(
      { host: '127.0.0.1', port: 1 },
      {
        connectTo: () => {
          throw new Error('no mapping');
        },
      },
    );
    expect(tcp.issues[0]).toMatchObject({ code: 'probe.unreachable', params: { reason: 'no mapping' } });
    expect(tls.status).toBe('skipped');
  });
});

describe('old protocols', () => {
  let listener: Listener | undefined;
  let refusal = '';
  beforeAll(async () => {
    try {
      listener = await listen({
        leaf: 'good',
        minVersion: 'TLSv1.1',
        maxVersion: 'TLSv1.1',
        ciphers: 'DEFAULT@SECLEVEL=0',
      });
    } catch (error) {
      refusal = error instanceof Error ? error.message : String(error);
    }
  });

  it('tls.old_protocol for a TLS 1.1 server (skipped when this runtime cannot serve TLS 1.1)', async (context) => {
    if (listener === undefined) context.skip(`the runtime refuses a TLS 1.1 server: ${refusal}`);
    const { tls } = await probe(listener!);
    if (tls.evidence?.protocol !== 'TLSv1.1') {
      context.skip(`OpenSSL here would not negotiate TLS 1.1 (${String(tls.evidence?.error)})`);
    }
    expect(tls.status).toBe('warn');
    expect(tls.issues.map((i) => [i.code, i.params?.protocol])).toEqual([['tls.old_protocol', 'TLSv1.1']]);
  });
});

describe('real addresses without connectTo', () => {
  it('IPv6 loopback: subject [::1]:port', async (context) => {
    if (!(await canBind('::1'))) context.skip('cannot bind ::1 here');
    const listener = await listen({ leaf: 'good', host: '::1' });
    const checks = await probeEdges([{ ...target(['::1']), port: listener.port }], {
      timeoutMs: 2000,
      concurrency: 1,
      now: NOW,
      ca: [TEST_ROOT],
    });
    expect(checks.map((c) => [c.subject, c.status])).toEqual([
      [`[::1]:${listener.port}`, 'pass'],
      [`sip.contoso.com@[::1]:${listener.port}`, 'pass'],
    ]);
  });

  it('127.0.0.2 on the federation port 5061', async (context) => {
    const server = tls.createServer({ key: key('good'), cert: chainOf('good').join('') });
    server.on('secureConnection', (socket) => socket.end());
    server.on('tlsClientError', () => {});
    const bound = await new Promise<string | null>((resolve) => {
      server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      server.listen(5061, '127.0.0.2', () => resolve(null));
    });
    if (bound !== null) context.skip(`cannot bind 127.0.0.2:5061 here (${bound})`);
    try {
      const checks = await probeEdges([target(['127.0.0.2'])], {
        timeoutMs: 2000,
        concurrency: 1,
        now: NOW,
        ca: [TEST_ROOT],
      });
      expect(checks.map((c) => [c.subject, c.status])).toEqual([
        ['127.0.0.2:5061', 'pass'],
        ['sip.contoso.com@127.0.0.2:5061', 'pass'],
      ]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('the bare prober reports a refused connection without throwing', async () => {
    const port = await closedPort('127.0.0.3');
    const outcome = await createProber().probe({
      address: '127.0.0.3',
      port,
      servername: TARGET,
      timeoutMs: 500,
    });
    expect(outcome.tcp).toMatchObject({ connected: false, reason: 'refused', code: 'ECONNREFUSED' });
    expect(outcome.tls).toBeUndefined();
  });
});
