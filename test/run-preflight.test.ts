// runPreflight end to end against a real dns2 server on 127.0.0.1, plus fake resolvers for the
// concurrency, memo and deadline guarantees.
import { getEventListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import type { Check, Report } from '../src/core/report/report-types.js';
import type { LookupOutcome, RecordType, Resolver } from '../src/node/dns/types.js';
import { runPreflight } from '../src/node/preflight/run.js';
import { rr, serveForFile } from './helpers/dns-server.js';
import { warningsDuring } from './helpers/warnings.js';

const probeCalls: unknown[][] = [];
vi.mock('../src/node/probe/probe-edges.js', () => ({
  probeEdges: async (...args: unknown[]) => {
    probeCalls.push(args);
    return [{ id: 'tcp', subject: '203.0.113.10:5061', status: 'pass', issues: [], durationMs: 1 }];
  },
}));

const ZONE = [
  rr.srv('_sipfederationtls._tcp.good.com', 'sip.good.com'),
  rr.a('sip.good.com', '203.0.113.10'),
  // second.com: in-domain target on another address than every declared edge
  rr.srv('_sipfederationtls._tcp.second.com', 'sip.second.com'),
  rr.a('sip.second.com', '198.51.100.77'),
  // third.com: in-domain target on the edge's address
  rr.srv('_sipfederationtls._tcp.third.com', 'sip.third.com'),
  rr.a('sip.third.com', '203.0.113.10'),
  // edges
  rr.a('sip.priv-edge.com', '10.1.1.1'),
];

const server = serveForFile(ZONE);

const REQUEST = {
  agreementType: 'volume-licensing',
  agreementNumber: 'V7391046',
  accessEdgeFqdn: 'sip.good.com',
  sipDomains: ['good.com', 'second.com', 'third.com'],
};
const live = (extra: Parameters<typeof runPreflight>[1] = {}) => ({
  nameservers: [server.address],
  timeoutMs: 200,
  attempts: 1,
  ...extra,
});
const find = (report: Report, id: Check['id'], subject: string) => {
  const found = report.checks.find((c) => c.id === id && c.subject === subject);
  if (!found) throw new Error(`no ${id} ${subject}`);
  return found;
};
const codes = (c: Check) => c.issues.map((issue) => issue.code);

describe('the Report (INTERFACE, schemaVersion 1)', () => {
  test('shape, version, request, the retired-site info once', async () => {
    const report = await runPreflight(REQUEST, live({ related: true }));
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'pic-preflight', version: pkg.version });
    expect(new Date(report.startedAt).toISOString()).toBe(report.startedAt);
    expect(report.durationMs).toBeGreaterThanOrEqual(0);
    expect(report.request).toMatchObject({ accessEdgeFqdn: 'sip.good.com', sipDomains: REQUEST.sipDomains });
    const all = report.checks.flatMap((c) => c.issues.map((i) => [c.id, i.code]));
    expect(all.filter(([, code]) => code === 'pic.provisioning_site_retired')).toEqual([
      ['request', 'pic.provisioning_site_retired'],
    ]);
    expect(report.checks.map((c) => `${c.id} ${c.subject}`)).toEqual([
      'request request',
      'srv good.com',
      'srv-target sip.good.com',
      'related good.com',
      'srv second.com',
      'srv-target sip.second.com',
      'related second.com',
      'srv third.com',
      'srv-target sip.third.com',
      'related third.com',
      'edge sip.good.com',
    ]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  test('dns.target_address_mismatch vs srv.target_not_declared_edge; summary per INTERFACE', async () => {
    const report = await runPreflight(REQUEST, live());
    expect(codes(find(report, 'srv', 'second.com'))).toEqual(['srv.target_not_declared_edge']);
    expect(codes(find(report, 'srv-target', 'sip.second.com'))).toEqual(['dns.target_address_mismatch']);
    // sip.third.com shares the edge's address: no mismatch.
    expect(codes(find(report, 'srv-target', 'sip.third.com'))).toEqual([]);
    expect(find(report, 'edge', 'sip.good.com').status).toBe('pass');
    // infos: pic.provisioning_site_retired, 2 × request.needs_in_domain_target, 2 × srv.target_not_declared_edge
    // (no related records unless asked for).
    expect(report.summary).toEqual({ status: 'warn', errors: 0, warnings: 1, infos: 5, inconclusive: 0 });
    expect(report.checks.some((c) => c.id === 'related')).toBe(false);
  });

  test('dns.edge_no_address and a private edge (dns.private_address)', async () => {
    const report = await runPreflight(
      {
        ...REQUEST,
        sipDomains: ['good.com'],
        additionalAccessEdges: [
          { fqdn: 'sip.noaddr-edge.com', sipDomains: ['second.com'] },
          { fqdn: 'sip.priv-edge.com', sipDomains: ['third.com'] },
        ],
      },
      live(),
    );
    expect(codes(find(report, 'edge', 'sip.noaddr-edge.com'))).toEqual(['dns.edge_no_address']);
    expect(codes(find(report, 'edge', 'sip.priv-edge.com'))).toEqual(['dns.private_address']);
    expect(report.summary.status).toBe('fail');
    expect(report.summary.errors).toBe(2);
  });

  test('offline: the request check alone', async () => {
    const report = await runPreflight(REQUEST, { offline: true, nameservers: ['127.0.0.1:9'] });
    expect(report.checks.map((c) => c.id)).toEqual(['request']);
    expect(report.summary.status).toBe('pass');
  });

  test('an invalid request still checks the SIP domains and edges that are valid on their own', async () => {
    const report = await runPreflight(
      { accessEdgeFqdn: 'sip.good.com', sipDomains: ['good.com', 'not a domain'] },
      live(),
    );
    expect(find(report, 'request', 'request').status).toBe('fail');
    expect(report.request).toEqual({
      accessEdgeFqdn: 'sip.good.com',
      sipDomains: ['good.com', 'not a domain'],
    });
    expect(report.checks.filter((c) => c.id === 'srv').map((c) => c.subject)).toEqual(['good.com']);
    expect(find(report, 'edge', 'sip.good.com').status).toBe('pass');
  });

  test('nothing rejects on junk input', async () => {
    for (const input of [null, 42, 'x', [], { sipDomains: 'good.com' }]) {
      const report = await runPreflight(input, live());
      expect(report.summary.status).toBe('fail');
    }
  });

  test('onProgress counts domains and edges', async () => {
    const calls: [number, number][] = [];
    await runPreflight(REQUEST, live({ onProgress: (done, total) => calls.push([done, total]) }));
    expect(calls.at(-1)).toEqual([4, 4]);
    expect(calls.map(([done]) => done)).toEqual([1, 2, 3, 4]);
  });

  test('probe: the selected targets with port, addresses and the names sharing them', async () => {
    probeCalls.length = 0;
    const report = await runPreflight(REQUEST, live({ probe: true }));
    expect(probeCalls).toHaveLength(1);
    const [targets, options] = probeCalls[0] as [unknown[], { signal: AbortSignal }];
    expect(targets).toEqual([
      {
        target: 'sip.good.com',
        port: 5061,
        addresses: ['203.0.113.10'],
        names: ['sip.good.com', 'sip.third.com'],
      },
      { target: 'sip.second.com', port: 5061, addresses: ['198.51.100.77'], names: ['sip.second.com'] },
      {
        target: 'sip.third.com',
        port: 5061,
        addresses: ['203.0.113.10'],
        names: ['sip.third.com', 'sip.good.com'],
      },
    ]);
    expect(options.signal).toBeInstanceOf(AbortSignal);
    expect(report.checks.at(-1)).toMatchObject({ id: 'tcp' });
  });
});

describe('bounded: the deadline holds', () => {
  test('deadlineMs 500 against a TCP server that never answers: resolves by ~1 s', async () => {
    server.fault('*', 'tcp-silence');
    try {
      const start = performance.now();
      const report = await runPreflight(REQUEST, live({ deadlineMs: 500, timeoutMs: 5000, attempts: 3 }));
      const elapsed = performance.now() - start;
      expect(elapsed).toBeLessThan(1000);
      expect(elapsed).toBeGreaterThanOrEqual(480);
      expect(codes(find(report, 'srv', 'good.com'))).toEqual(['dns.deadline_exceeded']);
      expect(find(report, 'srv', 'good.com').issues[0]!.params).toMatchObject({ deadlineMs: 500 });
      expect(report.summary.status).toBe('inconclusive');
      expect(report.summary.inconclusive).toBeGreaterThan(0);
    } finally {
      server.clearFaults();
    }
  });

  test('a silent server: the run ends soon after one timeout, however many lookups are queued', async () => {
    server.fault('*', 'silence');
    try {
      const domains = Array.from({ length: 12 }, (_, i) => `d${i}.good.com`);
      const start = performance.now();
      const report = await runPreflight(
        { ...REQUEST, sipDomains: domains },
        live({ timeoutMs: 200, attempts: 2, concurrency: 4 }),
      );
      const elapsed = performance.now() - start;
      // ~50 lookups at 4 in flight would be 13 waves × 400 ms ≈ 5 s without the short-circuit.
      expect(elapsed).toBeLessThan(1500);
      expect(report.summary.status).toBe('inconclusive');
      expect(codes(find(report, 'srv', 'd11.good.com'))).toEqual(['dns.timeout']);
    } finally {
      server.clearFaults();
    }
  });

  test('a resolver that never settles (and ignores aborts) cannot hold the run', async () => {
    const hanging: Resolver = { lookup: () => new Promise<LookupOutcome>(() => {}) };
    const start = performance.now();
    const report = await runPreflight(REQUEST, { resolver: hanging, deadlineMs: 300 });
    expect(performance.now() - start).toBeLessThan(700);
    // Every SIP domain of the request has its srv check, each cut off (an empty list must not pass).
    const srv = report.checks.filter((c) => c.id === 'srv');
    expect(srv.map((c) => [c.subject, c.status])).toEqual(
      REQUEST.sipDomains.map((domain) => [domain, 'inconclusive']),
    );
  });

  test('an outer signal aborts the run too', async () => {
    const hanging: Resolver = { lookup: () => new Promise<LookupOutcome>(() => {}) };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const start = performance.now();
    await runPreflight(REQUEST, { resolver: hanging, signal: controller.signal });
    expect(performance.now() - start).toBeLessThan(500);
  });

  test('an outer signal that is already aborted ends the run at once', async () => {
    const hanging: Resolver = { lookup: () => new Promise<LookupOutcome>(() => {}) };
    const start = performance.now();
    const report = await runPreflight(REQUEST, { resolver: hanging, signal: AbortSignal.abort() });
    expect(performance.now() - start).toBeLessThan(500);
    expect(report.summary.status).toBe('inconclusive');
  });
});

describe('abort listeners: one per signal, none left behind', () => {
  const DOMAINS = Array.from({ length: 40 }, (_, i) => `d${i}.good.com`);
  const MANY = { ...REQUEST, sipDomains: DOMAINS };

  test("a run of many concurrent queries: no MaxListenersExceededWarning, the caller's signal left clean", async () => {
    const controller = new AbortController();
    const warnings = await warningsDuring(() =>
      runPreflight(MANY, live({ concurrency: 64, signal: controller.signal })),
    );
    expect(warnings).toEqual([]);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  test('the signal each lookup gets carries its own listener only', async () => {
    let most = 0;
    const resolver: Resolver = {
      async lookup(name, type, options) {
        const onAbort = () => {};
        options?.signal?.addEventListener('abort', onAbort); // as the real resolver does
        if (options?.signal) most = Math.max(most, getEventListeners(options.signal, 'abort').length);
        await new Promise((resolve) => setTimeout(resolve, 2));
        options?.signal?.removeEventListener('abort', onAbort);
        return { name, type, kind: 'nxdomain', rcode: 'NXDOMAIN', aliases: [] };
      },
    };
    await runPreflight(MANY, { resolver, concurrency: 64 });
    expect(most).toBe(1);
  });
});

describe('concurrency and the per-run memo (fake resolver)', () => {
  function countingResolver(delayMs: number) {
    const asked: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const resolver: Resolver = {
      async lookup(name: string, type: RecordType): Promise<LookupOutcome> {
        asked.push(`${type} ${name}`);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        inFlight--;
        if (type === 'SRV' && name.startsWith('_sipfederationtls._tcp.')) {
          const domain = name.slice('_sipfederationtls._tcp.'.length);
          return {
            name,
            type,
            kind: 'answer',
            aliases: [],
            records: [
              { type: 'SRV', name, ttl: 60, priority: 0, weight: 0, port: 5061, target: `sip.${domain}` },
            ],
          };
        }
        if (type === 'A' && name.startsWith('sip.')) {
          return {
            name,
            type,
            kind: 'answer',
            aliases: [],
            records: [{ type: 'A', name, ttl: 60, address: '203.0.113.9' }],
          };
        }
        return { name, type, kind: 'nxdomain', rcode: 'NXDOMAIN', aliases: [] };
      },
    };
    return { resolver, asked, max: () => maxInFlight };
  }

  test('never more than `concurrency` lookups in flight', async () => {
    const fake = countingResolver(5);
    await runPreflight(REQUEST, { resolver: fake.resolver, concurrency: 3 });
    expect(fake.max()).toBeLessThanOrEqual(3);
    expect(fake.max()).toBeGreaterThan(1);
  });

  test('identical questions are asked once per run (sip.D is both target, related record and edge)', async () => {
    const fake = countingResolver(1);
    await runPreflight(REQUEST, { resolver: fake.resolver, related: true });
    expect(new Set(fake.asked).size).toBe(fake.asked.length);
    expect(fake.asked.filter((q) => q === 'A sip.good.com')).toHaveLength(1);
  });
});

describe('federation-only target (RULES §6)', () => {
  test('{ sipDomains } alone: §7–§8 for each domain, no agreement asked, no edge check', async () => {
    const report = await runPreflight({ sipDomains: ['good.com', 'second.com'] }, live());
    expect(report.request).toEqual({ sipDomains: ['good.com', 'second.com'] });
    expect(report.checks.flatMap((c) => c.issues.map((i) => i.code))).not.toContain('request.missing_field');
    expect(find(report, 'srv', 'good.com').status).toBe('pass');
    expect(find(report, 'srv', 'second.com').status).toBe('pass');
    expect(report.checks.some((c) => c.id === 'edge')).toBe(false);
  });

  test('{ sipDomains, accessEdgeFqdn }: the edge is checked and used for target_address_mismatch', async () => {
    const report = await runPreflight({ sipDomains: ['second.com'], accessEdgeFqdn: 'sip.good.com' }, live());
    expect(find(report, 'edge', 'sip.good.com').status).toBe('pass');
    expect(codes(find(report, 'srv-target', 'sip.second.com'))).toContain('dns.target_address_mismatch');
  });

  test("requestForm 'pic' reads the same object as the PIC form", async () => {
    const report = await runPreflight(
      { sipDomains: ['good.com'], accessEdgeFqdn: 'sip.good.com' },
      live({ offline: true, requestForm: 'pic' }),
    );
    expect(codes(find(report, 'request', 'request'))).toContain('request.missing_field');
  });
});

describe('timeouts longer than a timer holds', () => {
  test('deadlineMs and timeoutMs of 3e9 mean "as long as possible", not "at once"', async () => {
    const report = await runPreflight(REQUEST, live({ deadlineMs: 3e9, timeoutMs: 3e9 }));
    expect(find(report, 'srv', 'good.com').status).toBe('pass');
    expect(report.checks.flatMap((c) => c.issues.map((i) => i.code))).not.toContain('dns.deadline_exceeded');
  });
});

describe('nothing rejects (INTERFACE), whatever it is given', () => {
  test('null options mean the defaults; an odd raw request still renders as JSON', async () => {
    const cyclic: Record<string, unknown> = { ...REQUEST, extra: 1n };
    cyclic.self = cyclic;
    const report = await runPreflight(cyclic, null);
    expect(report.summary.status).toBe('fail'); // request.unknown_field
    const { renderReport } = await import('../src/node/preflight/render.js');
    const json = JSON.parse(renderReport(report, 'json')) as Report;
    expect(json.request).toMatchObject({ extra: '1', self: '[Circular]' });
  });

  test('checkDomainFederation with a non-string domain or odd options: an issue, not a lookup', async () => {
    const { checkDomainFederation } = await import('../src/node/live/live.js');
    const before = server.log.length;
    const report = await checkDomainFederation(42 as never, null);
    expect(report.status).toBe('fail');
    expect(report.checks[0]!.issues.map((issue) => issue.code)).toEqual(['input.not_string']);
    expect(server.log.length).toBe(before);
    const odd = await checkDomainFederation('good.com', { ...live(), accessEdgeFqdns: 5 as never });
    expect(odd.status).toBe('pass');
  });

  test('probeEdges leaves out what is not a target', async () => {
    const { probeEdges } = await vi.importActual<typeof import('../src/node/probe/probe-edges.js')>(
      '../src/node/probe/probe-edges.js',
    );
    expect(await probeEdges(null as never)).toEqual([]);
    expect(await probeEdges([undefined, { target: 'x' }] as never)).toEqual([]);
  });
});
