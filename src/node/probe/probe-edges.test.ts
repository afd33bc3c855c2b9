import { getEventListeners } from 'node:events';
import { describe, expect, it, test } from 'vitest';
import { chainOf, type LeafName, TEST_ROOT } from '../../../test/fixtures/certs/index.js';
import type { Check } from '../../core/report/report-types.js';
import {
  type ProbeOutcome,
  type ProbeRequest,
  type Prober,
  type ProbeTarget,
  probeEdges,
} from './probe-edges.js';

const NOW = new Date('2026-06-01T00:00:00Z');

type Script = (request: ProbeRequest) => ProbeOutcome | Promise<ProbeOutcome>;

/** A prober that answers from a script and records its calls. */
function fakeProber(script: Script): Prober & { calls: ProbeRequest[] } {
  const calls: ProbeRequest[] = [];
  return {
    calls,
    async probe(request) {
      calls.push(request);
      return script(request);
    },
  };
}

const connected = (endpoint = 'x') => ({ connected: true as const, durationMs: 1, connectedTo: endpoint });
/** A TLS phase that ended before any certificate came. */
const noCertificate = (reason: 'timeout' | 'aborted', message: string, durationMs: number) => ({
  certificateRetrieved: false as const,
  handshakeCompleted: false as const,
  protocol: null,
  chain: [],
  error: { reason, message },
  durationMs,
});
const refused = (endpoint = 'x') => ({
  connected: false as const,
  reason: 'refused' as const,
  code: 'ECONNREFUSED',
  message: 'connect ECONNREFUSED',
  durationMs: 1,
  connectedTo: endpoint,
});
const served = (leaf: LeafName, extra: Partial<NonNullable<ProbeOutcome['tls']>> = {}): ProbeOutcome => ({
  tcp: connected(),
  tls: {
    certificateRetrieved: true,
    handshakeCompleted: true,
    protocol: 'TLSv1.2',
    chain: chainOf(leaf),
    durationMs: 2,
    ...extra,
  },
});

const target = (addresses: string[], names: string[] = []): ProbeTarget => ({
  target: 'sip.contoso.com',
  port: 5061,
  addresses,
  names,
});

const run = (targets: ProbeTarget[], prober: Prober, extra: Parameters<typeof probeEdges>[1] = {}) =>
  probeEdges(targets, { timeoutMs: 1000, concurrency: 4, now: NOW, ca: [TEST_ROOT], prober, ...extra });

const summary = (checks: Check[]) =>
  checks.map((c) => [c.id, c.subject, c.status, c.issues.map((i) => i.code)]);

describe('check ids, subjects and statuses', () => {
  it('gives a tcp and a tls check per address, IPv6 in brackets', async () => {
    const checks = await run(
      [target(['192.0.2.10', '2001:db8::10'])],
      fakeProber(() => served('good')),
    );
    expect(summary(checks)).toEqual([
      ['tcp', '192.0.2.10:5061', 'pass', []],
      ['tls', 'sip.contoso.com@192.0.2.10:5061', 'pass', []],
      ['tcp', '[2001:db8::10]:5061', 'pass', []],
      ['tls', 'sip.contoso.com@[2001:db8::10]:5061', 'pass', []],
    ]);
  });

  it('normalises the target for SNI and the subject', async () => {
    const prober = fakeProber(() => served('good'));
    const checks = await run([{ ...target(['192.0.2.10']), target: 'SIP.Contoso.com.' }], prober);
    expect(prober.calls[0]?.servername).toBe('sip.contoso.com');
    expect(checks[1]?.subject).toBe('sip.contoso.com@192.0.2.10:5061');
  });

  it('puts certificate facts and handshake facts in the tls evidence', async () => {
    const checks = await run(
      [target(['192.0.2.10'])],
      fakeProber(() => served('good')),
    );
    expect(checks[1]?.evidence).toMatchObject({
      target: 'sip.contoso.com',
      address: '192.0.2.10',
      port: 5061,
      names: ['sip.contoso.com'],
      certificateRetrieved: true,
      handshakeCompleted: true,
      protocol: 'TLSv1.2',
      certificate: { subject: 'CN=sip.contoso.com, O=pic-preflight tests', trusted: true },
    });
  });

  test.each<[string, LeafName, string, string[]]>([
    ['good', 'good', 'pass', []],
    ['no client auth', 'no-client-auth', 'warn', ['tls.missing_client_auth']],
    ['no server auth', 'no-server-auth', 'fail', ['tls.missing_server_auth']],
    ['wrong name', 'wrong-name', 'fail', ['tls.name_mismatch']],
    ['self-signed', 'self-signed', 'fail', ['tls.untrusted']],
  ])('tls status from severities: %s', async (_label, leaf, status, codes) => {
    const checks = await run(
      [target(['192.0.2.10'])],
      fakeProber(() => served(leaf)),
    );
    expect(checks[1]?.status).toBe(status);
    expect(checks[1]?.issues.map((i) => i.code)).toEqual(codes);
  });
});

describe('names served by the same address (MS-DEPLOY)', () => {
  it('requires every other SRV target name too', async () => {
    const checks = await run(
      [target(['192.0.2.10'], ['sip.contoso.com', 'sip.fabrikam.com'])],
      fakeProber(() => served('good')),
    );
    expect(checks[1]?.issues.map((i) => [i.code, i.params?.name])).toEqual([
      ['tls.name_mismatch', 'sip.fabrikam.com'],
    ]);
  });
});

// RULES §9: probe.unreachable E when every address of a target fails, W when only some.
describe('probe.unreachable', () => {
  it('is an error on every address when all fail; tls is skipped', async () => {
    const checks = await run(
      [target(['192.0.2.10', '192.0.2.11'])],
      fakeProber(() => ({ tcp: refused() })),
    );
    expect(summary(checks)).toEqual([
      ['tcp', '192.0.2.10:5061', 'fail', ['probe.unreachable']],
      ['tls', 'sip.contoso.com@192.0.2.10:5061', 'skipped', []],
      ['tcp', '192.0.2.11:5061', 'fail', ['probe.unreachable']],
      ['tls', 'sip.contoso.com@192.0.2.11:5061', 'skipped', []],
    ]);
    expect(checks[0]?.issues[0]).toMatchObject({
      severity: 'error',
      params: { address: '192.0.2.10', port: 5061, reason: 'connection refused' },
    });
    expect(checks[0]?.issues[0]?.hint).toContain('TCP 5061');
  });

  it('is a warning when only some addresses fail', async () => {
    const prober = fakeProber((r) => (r.address === '192.0.2.11' ? { tcp: refused() } : served('good')));
    const checks = await run([target(['192.0.2.10', '192.0.2.11'])], prober);
    expect(summary(checks)).toEqual([
      ['tcp', '192.0.2.10:5061', 'pass', []],
      ['tls', 'sip.contoso.com@192.0.2.10:5061', 'pass', []],
      ['tcp', '192.0.2.11:5061', 'warn', ['probe.unreachable']],
      ['tls', 'sip.contoso.com@192.0.2.11:5061', 'skipped', []],
    ]);
    expect(checks[2]?.issues[0]?.severity).toBe('warning');
  });

  it('reports a shared address once, as an error if any of its targets has no other address', async () => {
    const prober = fakeProber((r) => (r.address === '192.0.2.10' ? { tcp: refused() } : served('good')));
    const checks = await run(
      [target(['192.0.2.10', '192.0.2.11']), { ...target(['192.0.2.10']), target: 'sipfed.contoso.com' }],
      prober,
    );
    const tcp = checks.filter((c) => c.id === 'tcp');
    expect(tcp.map((c) => [c.subject, c.status])).toEqual([
      ['192.0.2.10:5061', 'fail'],
      ['192.0.2.11:5061', 'pass'],
    ]);
    expect(checks.filter((c) => c.id === 'tls').map((c) => c.subject)).toEqual([
      'sip.contoso.com@192.0.2.10:5061',
      'sip.contoso.com@192.0.2.11:5061',
      'sipfed.contoso.com@192.0.2.10:5061',
    ]);
  });

  it('gives no check for a target without addresses', async () => {
    expect(
      await run(
        [target([])],
        fakeProber(() => served('good')),
      ),
    ).toEqual([]);
  });
});

describe('the TLS phase', () => {
  it('tls.handshake_failed when no certificate came', async () => {
    const prober = fakeProber(() => ({
      tcp: connected(),
      tls: noCertificate('timeout', 'no TLS handshake within 1000 ms', 1000),
    }));
    const [, tls] = await run([target(['192.0.2.10'])], prober);
    expect(tls?.status).toBe('fail');
    expect(tls?.issues[0]).toMatchObject({
      code: 'tls.handshake_failed',
      params: { address: '192.0.2.10:5061', reason: 'no TLS handshake within 1000 ms' },
    });
    expect(tls?.evidence).toMatchObject({ certificateRetrieved: false, handshakeCompleted: false });
  });

  it('judges a certificate retrieved before the server refused us, with an info', async () => {
    const prober = fakeProber(() =>
      served('good', {
        handshakeCompleted: false,
        error: { reason: 'error', code: 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', message: 'alert' },
      }),
    );
    const [, tls] = await run([target(['192.0.2.10'])], prober);
    expect(tls?.status).toBe('pass');
    expect(tls?.issues.map((i) => [i.code, i.severity])).toEqual([['tls.handshake_incomplete', 'info']]);
    expect(tls?.evidence).toMatchObject({ certificateRetrieved: true, handshakeCompleted: false });
  });

  it('tls.old_protocol as a warning', async () => {
    const [, tls] = await run(
      [target(['192.0.2.10'])],
      fakeProber(() => served('good', { protocol: 'TLSv1.1' })),
    );
    expect(tls?.status).toBe('warn');
    expect(tls?.issues.map((i) => i.code)).toEqual(['tls.old_protocol']);
  });
});

describe('limits: concurrency, abort, failures', () => {
  it('never runs more than `concurrency` probes at once', async () => {
    let running = 0;
    let peak = 0;
    const prober = fakeProber(async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      return served('good');
    });
    const addresses = Array.from({ length: 9 }, (_, i) => `192.0.2.${i + 1}`);
    const checks = await run([target(addresses)], prober, { concurrency: 2 });
    expect(peak).toBe(2);
    expect(prober.calls).toHaveLength(9);
    expect(checks).toHaveLength(18);
  });

  it('an already aborted signal probes nothing and makes every check inconclusive', async () => {
    const prober = fakeProber(() => served('good'));
    const checks = await run([target(['192.0.2.10'])], prober, { signal: AbortSignal.abort() });
    expect(prober.calls).toHaveLength(0);
    expect(summary(checks)).toEqual([
      ['tcp', '192.0.2.10:5061', 'inconclusive', ['probe.aborted']],
      ['tls', 'sip.contoso.com@192.0.2.10:5061', 'inconclusive', ['probe.aborted']],
    ]);
  });

  it('an abort during TLS before the certificate makes tls inconclusive', async () => {
    const prober = fakeProber(() => ({
      tcp: connected(),
      tls: noCertificate('aborted', 'the probe was aborted', 3),
    }));
    const checks = await run([target(['192.0.2.10'])], prober);
    expect(summary(checks)).toEqual([
      ['tcp', '192.0.2.10:5061', 'pass', []],
      ['tls', 'sip.contoso.com@192.0.2.10:5061', 'inconclusive', ['probe.aborted']],
    ]);
  });

  it('does not reject when a custom prober throws', async () => {
    const prober: Prober = {
      probe: () => {
        throw new Error('boom');
      },
    };
    const checks = await probeEdges([target(['192.0.2.10'])], { prober });
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['tcp', 'inconclusive'],
      ['tls', 'inconclusive'],
    ]);
  });

  it('falls back to defaults for invalid timeout and concurrency', async () => {
    const prober = fakeProber(() => served('good'));
    await probeEdges([target(['192.0.2.10'])], {
      prober,
      timeoutMs: -1,
      concurrency: 0,
      now: NOW,
      ca: [TEST_ROOT],
    });
    expect(prober.calls[0]?.timeoutMs).toBe(5000);
  });

  it("passes the port, and a signal that follows the caller's, to the prober", async () => {
    const controller = new AbortController();
    const prober = fakeProber((request) => {
      expect(request.signal?.aborted).toBe(false);
      controller.abort();
      expect(request.signal?.aborted).toBe(true);
      return served('good');
    });
    await run([target(['192.0.2.10'])], prober, { signal: controller.signal, timeoutMs: 1234 });
    expect(prober.calls[0]).toMatchObject({ address: '192.0.2.10', port: 5061, timeoutMs: 1234 });
  });

  it("adds one abort listener to the caller's signal however many probes are in flight, and removes it", async () => {
    const controller = new AbortController();
    const counts: number[] = [];
    // Like the real prober: a listener on the signal it is given, while the probe is in flight.
    const prober = fakeProber(async (request) => {
      const onAbort = () => {};
      request.signal?.addEventListener('abort', onAbort);
      counts.push(getEventListeners(controller.signal, 'abort').length);
      await new Promise((resolve) => setTimeout(resolve, 5));
      request.signal?.removeEventListener('abort', onAbort);
      return served('good');
    });
    const addresses = Array.from({ length: 24 }, (_, i) => `192.0.2.${i + 1}`);
    await run([target(addresses)], prober, { signal: controller.signal, concurrency: 24 });
    expect(counts).toHaveLength(24);
    expect(Math.max(...counts)).toBeLessThanOrEqual(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
