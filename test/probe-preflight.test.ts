/**
 * runPreflight({ probe: true }) end to end: a real DNS server on 127.0.0.1 serves the SRV and A
 * records; the A records hold TEST-NET-3 addresses which `connectTo` sends to TLS listeners on
 * 127.0.0.x, so the report's subjects are the published addresses while nothing leaves the machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Check } from '../src/core/report/report-types.js';
import { runPreflight } from '../src/node/preflight/run.js';
import {
  canBind,
  closedPort,
  type Listener,
  startSilentListener,
  startTlsListener,
  TEST_ROOT,
} from './fixtures/certs/index.js';
import { rr, startTestDnsServer, type TestDnsServer } from './helpers/dns-server.js';

const NOW = new Date('2026-06-01T00:00:00Z');

let dns: TestDnsServer;
let edge: Listener;
let silent: Listener;
let refusedPort: number;
const routes = new Map<string, { host: string; port: number }>();

beforeAll(async () => {
  const host = (await canBind('127.0.0.2')) ? '127.0.0.2' : '127.0.0.1';
  // The Edge: the good certificate (sip.contoso.com, sipfed.contoso.com) and mutual TLS.
  edge = await startTlsListener({ leaf: 'good', host, requireClientCertificate: true });
  silent = await startSilentListener();
  refusedPort = await closedPort();
  routes.set('203.0.113.10', { host: edge.host, port: edge.port });
  routes.set('203.0.113.11', { host: '127.0.0.1', port: refusedPort });
  routes.set('203.0.113.20', { host: edge.host, port: edge.port });
  routes.set('203.0.113.30', { host: silent.host, port: silent.port });
  dns = await startTestDnsServer([
    // contoso.com: two addresses, one Edge answering, one refusing.
    rr.srv('_sipfederationtls._tcp.contoso.com', 'sip.contoso.com'),
    rr.a('sip.contoso.com', '203.0.113.10'),
    rr.a('sip.contoso.com', '203.0.113.11'),
    // fabrikam.com and northwind.com share one Edge whose certificate lacks their names.
    rr.srv('_sipfederationtls._tcp.fabrikam.com', 'sip.fabrikam.com'),
    rr.a('sip.fabrikam.com', '203.0.113.20'),
    rr.srv('_sipfederationtls._tcp.northwind.com', 'sip.northwind.com'),
    rr.a('sip.northwind.com', '203.0.113.20'),
    // tailspin.com: an Edge that accepts TCP and never speaks.
    rr.srv('_sipfederationtls._tcp.tailspin.com', 'sip.tailspin.com'),
    rr.a('sip.tailspin.com', '203.0.113.30'),
  ]);
});

afterAll(async () => {
  await Promise.all([dns?.close(), edge?.close(), silent?.close()]);
});

const connectTo = (address: string, port: number) => routes.get(address) ?? { host: '127.0.0.1', port };

const request = (edgeFqdn: string, sipDomains: string[]) => ({
  agreementNumber: 'V1234567',
  accessEdgeFqdn: edgeFqdn,
  sipDomains,
});

const probeChecks = (checks: Check[]) =>
  checks
    .filter((c) => c.id === 'tcp' || c.id === 'tls')
    .map((c) => [c.id, c.subject, c.status, c.issues.map((i) => `${i.code}:${i.severity}`)]);

describe('runPreflight with probe: true', () => {
  it('probes every address of the selected SRV target', async () => {
    const report = await runPreflight(request('sip.contoso.com', ['contoso.com']), {
      nameservers: [dns.address],
      timeoutMs: 1000,
      deadlineMs: 10_000,
      probe: true,
      probeOptions: { ca: [TEST_ROOT], now: NOW, connectTo, timeoutMs: 2000 },
    });
    expect(probeChecks(report.checks)).toEqual([
      ['tcp', '203.0.113.10:5061', 'pass', []],
      ['tls', 'sip.contoso.com@203.0.113.10:5061', 'pass', ['tls.handshake_incomplete:info']],
      ['tcp', '203.0.113.11:5061', 'warn', ['probe.unreachable:warning']],
      ['tls', 'sip.contoso.com@203.0.113.11:5061', 'skipped', []],
    ]);
    const tls = report.checks.find((c) => c.id === 'tls' && c.status === 'pass');
    expect(tls?.evidence).toMatchObject({ certificateRetrieved: true, handshakeCompleted: false });
  });

  it('requires every SRV target served by one address in its certificate', async () => {
    const report = await runPreflight(request('sip.fabrikam.com', ['fabrikam.com', 'northwind.com']), {
      nameservers: [dns.address],
      timeoutMs: 1000,
      deadlineMs: 10_000,
      probe: true,
      probeOptions: { ca: [TEST_ROOT], now: NOW, connectTo, timeoutMs: 2000 },
    });
    const tls = report.checks.filter((c) => c.id === 'tls');
    expect(tls.map((c) => c.subject)).toEqual([
      'sip.fabrikam.com@203.0.113.20:5061',
      'sip.northwind.com@203.0.113.20:5061',
    ]);
    for (const check of tls) {
      expect(check.status).toBe('fail');
      expect(
        check.issues
          .filter((i) => i.code === 'tls.name_mismatch')
          .map((i) => i.params?.name)
          .sort(),
      ).toEqual(['sip.fabrikam.com', 'sip.northwind.com']);
    }
    expect(report.checks.filter((c) => c.id === 'tcp').map((c) => c.subject)).toEqual(['203.0.113.20:5061']);
    expect(report.summary.status).toBe('fail');
  });

  it('without probe, no tcp or tls check and no connection', async () => {
    const before = edge.accepted();
    const report = await runPreflight(request('sip.contoso.com', ['contoso.com']), {
      nameservers: [dns.address],
      timeoutMs: 1000,
      deadlineMs: 10_000,
      probeOptions: { ca: [TEST_ROOT], now: NOW, connectTo },
    });
    expect(probeChecks(report.checks)).toEqual([]);
    expect(edge.accepted()).toBe(before);
  });

  it('the run deadline ends a probe that would wait longer', async () => {
    const started = performance.now();
    const report = await runPreflight(request('sip.tailspin.com', ['tailspin.com']), {
      nameservers: [dns.address],
      timeoutMs: 500,
      deadlineMs: 1500,
      probe: true,
      probeOptions: { ca: [TEST_ROOT], now: NOW, connectTo, timeoutMs: 20_000 },
    });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(2500);
    const tls = report.checks.find((c) => c.id === 'tls');
    expect(tls?.status).toBe('inconclusive');
    expect(report.summary.inconclusive).toBeGreaterThan(0);
  });
});
