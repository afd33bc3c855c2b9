// The resolver against a real dns2 server on 127.0.0.1 (UDP + TCP, one port), with scripted faults.
import dgram from 'node:dgram';
import dns from 'node:dns';
import { getEventListeners } from 'node:events';
import net from 'node:net';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createResolver, parseNameServer } from '../src/node/dns/resolver.js';
import type { LookupOutcome } from '../src/node/dns/types.js';
import { type Fault, rr, serveForFile } from './helpers/dns-server.js';
import { warningsDuring } from './helpers/warnings.js';

const ZONE = [
  rr.srv('_sipfederationtls._tcp.contoso.com', 'sip.contoso.com'),
  rr.a('sip.contoso.com', '203.0.113.10'),
  rr.aaaa('sip.contoso.com', '2001:db8::10'),
  rr.cname('alias.contoso.com', 'edge.contoso.com'),
  rr.cname('edge.contoso.com', 'sip.contoso.com'),
  rr.cname('dangling.contoso.com', 'nowhere.contoso.com'),
  rr.txt('contoso.com', 'v=spf1 -all'),
  // 100 A records: over the 1,232-octet EDNS payload we advertise, so the server sets TC.
  ...Array.from({ length: 100 }, (_, i) => rr.a('big.contoso.com', `198.51.100.${i + 1}`)),
  // One name per concurrent test of 'scripted faults', so that their faults do not meet.
  ...Array.from({ length: 24 }, (_, i) => rr.a(`f${i}.contoso.com`, '203.0.113.10')),
];

const server = serveForFile(ZONE);

const resolver = (options: Parameters<typeof createResolver>[0] = {}) =>
  createResolver({ nameservers: [server.address], timeoutMs: 200, attempts: 2, ...options });

async function timed(promise: Promise<LookupOutcome>): Promise<[LookupOutcome, number]> {
  const start = performance.now();
  const outcome = await promise;
  return [outcome, performance.now() - start];
}

/** A port on 127.0.0.1 where nothing listens (UDP and TCP). */
async function deadPort(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

describe('outcomes from an authoritative server', () => {
  test('answer: SRV, normalised', async () => {
    const outcome = await resolver().lookup('_SIPFEDERATIONTLS._tcp.Contoso.com.', 'SRV');
    expect(outcome).toMatchObject({
      kind: 'answer',
      name: '_sipfederationtls._tcp.contoso.com',
      records: [{ type: 'SRV', priority: 0, weight: 0, port: 5061, target: 'sip.contoso.com', ttl: 3600 }],
      aliases: [],
      server: server.address,
    });
  });
  test('answer: A and AAAA', async () => {
    expect(await resolver().lookup('sip.contoso.com', 'A')).toMatchObject({
      kind: 'answer',
      records: [{ address: '203.0.113.10' }],
    });
    expect(await resolver().lookup('sip.contoso.com', 'AAAA')).toMatchObject({
      kind: 'answer',
      records: [{ address: '2001:db8::10' }],
    });
  });
  test('answer: a CNAME chain comes with the answer (RFC 1034 §3.6.2)', async () => {
    const outcome = await resolver().lookup('alias.contoso.com', 'A');
    expect(outcome.kind).toBe('answer');
    expect(outcome.kind === 'answer' && outcome.aliases.map((a) => a.target)).toEqual([
      'edge.contoso.com',
      'sip.contoso.com',
    ]);
    expect(outcome.kind === 'answer' && outcome.records).toEqual([
      { type: 'A', name: 'sip.contoso.com', ttl: 3600, address: '203.0.113.10' },
    ]);
  });
  test('CNAME query returns the CNAME itself', async () => {
    expect(await resolver().lookup('alias.contoso.com', 'CNAME')).toMatchObject({
      kind: 'answer',
      records: [{ type: 'CNAME', target: 'edge.contoso.com' }],
    });
  });
  test('TXT', async () => {
    expect(await resolver().lookup('contoso.com', 'TXT')).toMatchObject({
      kind: 'answer',
      records: [{ type: 'TXT', data: ['v=spf1 -all'] }],
    });
  });
  test('nxdomain: no such name', async () => {
    expect(await resolver().lookup('nope.contoso.com', 'A')).toMatchObject({
      kind: 'nxdomain',
      rcode: 'NXDOMAIN',
    });
  });
  test('nxdomain at the end of a CNAME chain keeps the chain', async () => {
    const outcome = await resolver().lookup('dangling.contoso.com', 'A');
    expect(outcome).toMatchObject({ kind: 'nxdomain', aliases: [{ target: 'nowhere.contoso.com' }] });
  });
  test('nodata: the name exists with other types, or is an empty non-terminal', async () => {
    expect(await resolver().lookup('contoso.com', 'SRV')).toMatchObject({ kind: 'nodata', rcode: 'NOERROR' });
    expect(await resolver().lookup('_tcp.contoso.com', 'SRV')).toMatchObject({ kind: 'nodata' });
  });
  test('an answer too large for UDP comes back truncated and is retried over TCP', async () => {
    const before = server.queries.tcp;
    const outcome = await resolver().lookup('big.contoso.com', 'A');
    expect(outcome.kind === 'answer' && outcome.records.length).toBe(100);
    expect(server.queries.tcp).toBe(before + 1);
  });
  test('transport tcp', async () => {
    const before = server.queries.tcp;
    expect(await resolver({ transport: 'tcp' }).lookup('sip.contoso.com', 'A')).toMatchObject({
      kind: 'answer',
    });
    expect(server.queries.tcp).toBe(before + 1);
  });
});

// Concurrent: each test scripts the fault of its own name (fN.contoso.com).
describe.concurrent('scripted faults', () => {
  const names = new Map<string, string>();
  /** f0…f19.contoso.com, one per row label. */
  const nameFor = (label: string) => {
    if (!names.has(label)) names.set(label, `f${names.size}.contoso.com`);
    return names.get(label)!;
  };
  test.each<[string, Fault, Partial<LookupOutcome>]>([
    ['SERVFAIL', 'servfail', { kind: 'server_failure', rcode: 'SERVFAIL' }],
    ['REFUSED', 'refused', { kind: 'server_failure', rcode: 'REFUSED' }],
    ['NXDOMAIN', 'nxdomain', { kind: 'nxdomain' }],
    ['NODATA', 'nodata', { kind: 'nodata' }],
    ['TC bit, TCP retry succeeds', 'truncate', { kind: 'answer' }],
    ['a wrong id, then the right reply', 'wrong-id-then-answer', { kind: 'answer' }],
  ])('%s', async (label, fault, expected) => {
    const NAME = nameFor(label);
    server.fault(NAME, fault);
    try {
      const [outcome, elapsed] = await timed(resolver().lookup(NAME, 'A'));
      expect(outcome).toMatchObject(expected);
      expect(elapsed).toBeLessThan(150); // none of these waits for a timer
    } finally {
      server.fault(NAME, undefined);
    }
  });

  // Each row waits for the timer: attempts (2) × timeoutMs (200) ≈ 400 ms, well under 1.5 s.
  test.each<[string, Fault, Partial<LookupOutcome>, 'udp' | 'tcp']>([
    ['silence', 'silence', { kind: 'timeout', timeoutMs: 200 }, 'udp'],
    ['TC bit, then a TCP server that accepts and never answers', 'tcp-silence', { kind: 'timeout' }, 'udp'],
    ['TCP transport, server never answers', 'silence', { kind: 'timeout' }, 'tcp'],
    ['only replies with a wrong id (ignored, RFC 5452)', 'wrong-id', { kind: 'timeout' }, 'udp'],
    ['a garbage datagram: dropped, then reported as malformed', 'garbage', { kind: 'malformed' }, 'udp'],
    ['a garbage TCP message', 'garbage', { kind: 'malformed' }, 'tcp'],
    // The question cannot be read, so the reply cannot be matched (RFC 5452): dropped, then malformed.
    ['a header with our id, then junk', 'garbage-with-id', { kind: 'malformed' }, 'udp'],
    ['an answer slower than the timeout', { delayMs: 500 }, { kind: 'timeout' }, 'udp'],
  ])('%s → bounded by the timer', async (label, fault, expected, transport) => {
    const NAME = nameFor(label);
    server.fault(NAME, fault);
    try {
      const [outcome, elapsed] = await timed(resolver({ transport }).lookup(NAME, 'A'));
      expect(outcome).toMatchObject(expected);
      expect(elapsed).toBeGreaterThanOrEqual(390);
      expect(elapsed).toBeLessThan(1500);
    } finally {
      server.fault(NAME, undefined);
    }
  });

  test('wrong-id detail says why it timed out', async () => {
    const NAME = 'f20.contoso.com';
    server.fault(NAME, 'wrong-id');
    try {
      const outcome = await resolver({ attempts: 1 }).lookup(NAME, 'A');
      expect(outcome.kind === 'timeout' && outcome.detail).toMatch(/did not match/);
    } finally {
      server.fault(NAME, undefined);
    }
  });

  test('a slow answer within the timeout is an answer', async () => {
    const NAME = 'f21.contoso.com';
    server.fault(NAME, { delayMs: 80 });
    try {
      const [outcome, elapsed] = await timed(resolver().lookup(NAME, 'A'));
      expect(outcome.kind).toBe('answer');
      expect(elapsed).toBeGreaterThanOrEqual(75);
    } finally {
      server.fault(NAME, undefined);
    }
  });

  test('retries: one query per attempt', async () => {
    const NAME = 'f22.contoso.com';
    server.fault(NAME, 'silence');
    try {
      await resolver({ attempts: 3, timeoutMs: 100 }).lookup(NAME, 'A');
      expect(server.log.filter((q) => q.name === NAME)).toHaveLength(3);
    } finally {
      server.fault(NAME, undefined);
    }
  });
});

describe('an unresponsive name server', () => {
  const NAME = 'sip.contoso.com';

  test('a server that never answered and let a lookup time out is not waited on again', async () => {
    server.fault('*', 'silence');
    try {
      const shared = resolver();
      const [first, firstMs] = await timed(shared.lookup(NAME, 'A'));
      expect(first).toMatchObject({ kind: 'timeout' });
      expect(firstMs).toBeGreaterThanOrEqual(390);
      const before = server.log.length;
      const [next, nextMs] = await timed(shared.lookup('_sipfederationtls._tcp.contoso.com', 'SRV'));
      expect(next).toMatchObject({ kind: 'timeout', detail: expect.stringMatching(/not sent/) });
      expect(nextMs).toBeLessThan(50);
      expect(server.log.length).toBe(before); // nothing was sent
    } finally {
      server.fault('*', undefined);
    }
  });

  test('many lookups queued behind a small limit end soon after one timeout, not one per wave', async () => {
    server.fault('*', 'silence');
    try {
      const shared = resolver();
      let active = 0;
      const waiting: (() => void)[] = [];
      const limited = async (name: string) => {
        if (active >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
        active++;
        try {
          return await shared.lookup(name, 'A');
        } finally {
          active--;
          waiting.shift()?.();
        }
      };
      const names = Array.from({ length: 20 }, (_, i) => `host${i}.contoso.com`);
      const start = performance.now();
      const outcomes = await Promise.all(names.map(limited));
      const elapsed = performance.now() - start;
      expect(outcomes.every((o) => o.kind === 'timeout')).toBe(true);
      // 10 waves × 400 ms would be 4 s; one round of timeouts is ~400 ms.
      expect(elapsed).toBeLessThan(1200);
    } finally {
      server.fault('*', undefined);
    }
  });

  test('a server that drops one name but answers others is always asked', async () => {
    const shared = resolver();
    expect((await shared.lookup(NAME, 'A')).kind).toBe('answer');
    server.fault(NAME, 'silence');
    try {
      expect((await shared.lookup(NAME, 'A')).kind).toBe('timeout');
      const [next, nextMs] = await timed(shared.lookup('_sipfederationtls._tcp.contoso.com', 'SRV'));
      expect(next.kind).toBe('answer');
      expect(nextMs).toBeLessThan(150);
    } finally {
      server.fault(NAME, undefined);
    }
  });

  test('an unresponsive server is skipped while another one answers', async () => {
    const silent = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    try {
      const shared = createResolver({
        nameservers: [`127.0.0.1:${silent.address().port}`, server.address],
        timeoutMs: 200,
        attempts: 2,
      });
      const [first, firstMs] = await timed(shared.lookup(NAME, 'A'));
      expect(first.kind).toBe('answer'); // the second server answered after the first timed out
      expect(firstMs).toBeGreaterThanOrEqual(190);
      const [second, secondMs] = await timed(shared.lookup(NAME, 'AAAA'));
      expect(second.kind).toBe('answer');
      expect(secondMs).toBeLessThan(150);
    } finally {
      silent.close();
    }
  });
});

describe('network errors, several servers, abort', () => {
  test('UDP to a port where nothing listens: network_error (ICMP port unreachable), fast', async () => {
    const port = await deadPort();
    const [outcome, elapsed] = await timed(
      resolver({ nameservers: [`127.0.0.1:${port}`] }).lookup('a.com', 'A'),
    );
    expect(outcome).toMatchObject({ kind: 'network_error', reason: 'ECONNREFUSED' });
    expect(elapsed).toBeLessThan(400);
  });
  test('TCP refused: network_error', async () => {
    const port = await deadPort();
    const outcome = await resolver({ nameservers: [`127.0.0.1:${port}`], transport: 'tcp' }).lookup(
      'a.com',
      'A',
    );
    expect(outcome).toMatchObject({ kind: 'network_error', reason: 'ECONNREFUSED' });
  });
  test('TCP server that accepts then closes without a word: network_error', async () => {
    const tcp = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    const { port } = tcp.address() as net.AddressInfo;
    try {
      const outcome = await resolver({ nameservers: [`127.0.0.1:${port}`], transport: 'tcp' }).lookup(
        'a.com',
        'A',
      );
      expect(outcome.kind).toBe('network_error');
    } finally {
      tcp.close();
    }
  });
  test('the next name server answers when the first is dead', async () => {
    const port = await deadPort();
    const outcome = await resolver({ nameservers: [`127.0.0.1:${port}`, server.address] }).lookup(
      'sip.contoso.com',
      'A',
    );
    expect(outcome).toMatchObject({ kind: 'answer', server: server.address });
  });
  test('a server failure is preferred over a network error when all fail', async () => {
    const port = await deadPort();
    server.fault('sip.contoso.com', 'servfail');
    try {
      const outcome = await resolver({ nameservers: [server.address, `127.0.0.1:${port}`] }).lookup(
        'sip.contoso.com',
        'A',
      );
      expect(outcome.kind).toBe('server_failure');
    } finally {
      server.fault('sip.contoso.com', undefined);
    }
  });
  test('abort ends a hanging lookup at once and frees its socket', async () => {
    server.fault('sip.contoso.com', 'tcp-silence');
    try {
      const controller = new AbortController();
      const pending = timed(
        resolver({ timeoutMs: 5000 }).lookup('sip.contoso.com', 'A', { signal: controller.signal }),
      );
      setTimeout(() => controller.abort(), 50);
      const [outcome, elapsed] = await pending;
      expect(outcome).toMatchObject({ kind: 'timeout', aborted: true });
      expect(elapsed).toBeLessThan(300);
    } finally {
      server.fault('sip.contoso.com', undefined);
    }
  });
  test('concurrent lookups sharing a signal add one abort listener, gone once they settle', async () => {
    const controller = new AbortController();
    const names = ['sip.contoso.com', 'alias.contoso.com', 'dangling.contoso.com', 'nowhere.contoso.com'];
    let during = 0;
    const warnings = await warningsDuring(async () => {
      const r = resolver();
      const pending = Array.from({ length: 24 }, (_, i) =>
        r.lookup(names[i % names.length]!, i % 2 === 0 ? 'A' : 'AAAA', { signal: controller.signal }),
      );
      during = getEventListeners(controller.signal, 'abort').length;
      await Promise.all(pending);
    });
    expect(during).toBe(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(warnings).toEqual([]);
  });
  test('no socket or timer outlives a lookup (TCP that never answers included)', async () => {
    server.fault('sip.contoso.com', 'tcp-silence');
    const count = () => process.getActiveResourcesInfo().filter((r) => /TCP|UDP|Timeout/.test(r)).length;
    try {
      const before = count();
      await resolver({ timeoutMs: 100 }).lookup('sip.contoso.com', 'A');
      // Let the server side see the close too (it lives in this process).
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(count()).toBeLessThanOrEqual(before);
    } finally {
      server.fault('sip.contoso.com', undefined);
    }
  });
  test('no name server at all: network_error, never a public resolver', async () => {
    const outcome = await createResolver({ nameservers: [] }).lookup('a.com', 'A');
    expect(outcome).toMatchObject({ kind: 'network_error', reason: 'no name server configured' });
  });
  test("defaults to node:dns getServers() (the system's), not dns2's public resolvers", async () => {
    const saved = dns.getServers();
    dns.setServers([server.address]);
    try {
      const outcome = await createResolver({ timeoutMs: 500 }).lookup('sip.contoso.com', 'A');
      expect(outcome).toMatchObject({ kind: 'answer', server: server.address });
    } finally {
      dns.setServers(saved);
    }
  });
});

describe('configuration', () => {
  test.each([
    ['127.0.0.1', { host: '127.0.0.1', port: 53 }],
    ['127.0.0.1:5353', { host: '127.0.0.1', port: 5353 }],
    ['::1', { host: '::1', port: 53 }],
    ['[::1]', { host: '::1', port: 53 }],
    ['[2001:db8::1]:5353', { host: '2001:db8::1', port: 5353 }],
    [' 10.0.0.1 ', { host: '10.0.0.1', port: 53 }],
  ])('parses %j', (entry, expected) => {
    expect(parseNameServer(entry)).toEqual(expected);
  });
  test.each([
    ['ns.contoso.com'],
    ['127.0.0.1:0'],
    ['127.0.0.1:70000'],
    ['127.0.0.1:x'],
    ['[nope]:53'],
    [''],
    ['1.2.3'],
  ])('rejects %j with a TypeError at creation', (entry) => {
    expect(() => createResolver({ nameservers: [entry] })).toThrow(TypeError);
  });
  test.each([
    ['::1:5353', '[::1]:5353'],
    ['2001:db8::1:53', '[2001:db8::1]:53'],
    ['fe80::1:2', '[fe80::1]:2'],
    ['1:2:3:4:5:6:7:8:53', '[1:2:3:4:5:6:7:8]:53'],
    ['2001:db8:::53', '[2001:db8::]:53'],
  ])('refuses the bare IPv6 with a port-like suffix %j, with the hint %s', (entry, hint) => {
    expect(() => parseNameServer(entry)).toThrow(TypeError);
    expect(() => parseNameServer(entry)).toThrow(hint);
  });
  test.each([
    ['::1', '::1'],
    ['2001:db8::53', '2001:db8::53'],
    ['fe80::1', 'fe80::1'],
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['2001:db8:0:0:0:0:0:53', '2001:db8:0:0:0:0:0:53'],
  ])('a bare IPv6 that no address precedes a colon of is accepted: %j', (entry, host) => {
    expect(parseNameServer(entry)).toEqual({ host, port: 53 });
  });
  test('[v6:with:digits] is that address, port 53; [v6]:port is that address and port', () => {
    expect(parseNameServer('[::1:5353]')).toEqual({ host: '::1:5353', port: 53 });
    expect(parseNameServer('[::1]:5353')).toEqual({ host: '::1', port: 5353 });
  });
  test('no form of an address and a port is read as another address (seeded)', () => {
    fc.assert(
      fc.property(fc.ipV6(), fc.integer({ min: 1, max: 65535 }), (address, port) => {
        expect(parseNameServer(`[${address}]:${port}`)).toEqual({ host: address, port });
        expect(parseNameServer(`[${address}]`)).toEqual({ host: address, port: 53 });
        // Unbracketed with a port: always refused, never another address.
        expect(() => parseNameServer(`${address}:${port}`)).toThrow(TypeError);
        // Bare: that address on port 53, or refused when it could be read as address:port.
        let bare: { host: string; port: number } | undefined;
        try {
          bare = parseNameServer(address);
        } catch (error) {
          expect(error).toBeInstanceOf(TypeError);
          expect(String(error)).toMatch(/\]:\d+/);
        }
        if (bare) expect(bare).toEqual({ host: address, port: 53 });
      }),
      { seed: 5353, numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 1, max: 65535 }), (address, port) => {
        expect(parseNameServer(`${address}:${port}`)).toEqual({ host: address, port });
        expect(parseNameServer(address)).toEqual({ host: address, port: 53 });
      }),
      { seed: 5354, numRuns: 500 },
    );
  });
  test.each([[{ timeoutMs: 0 }], [{ timeoutMs: Number.NaN }], [{ attempts: 0 }], [{ attempts: 1.5 }]])(
    'rejects %j',
    (options) => {
      expect(() => createResolver({ nameservers: ['127.0.0.1'], ...options })).toThrow(RangeError);
    },
  );
  test('rejects an unknown transport', () => {
    expect(() => createResolver({ transport: 'quic' as 'udp' })).toThrow(TypeError);
  });
});

describe('a server that does not speak EDNS (RFC 6891 §7)', () => {
  test('FORMERR to the EDNS query: asked again without OPT, and the answer counts', async () => {
    const { Packet } = await import('dns2');
    const socket = dgram.createSocket('udp4');
    const seen: number[] = [];
    socket.on('message', (message, remote) => {
      const request = Packet.parse(message);
      seen.push(request.additionals.length);
      const response = Packet.createResponseFromRequest(request);
      if (request.additionals.length > 0) {
        response.header.rcode = 1; // FORMERR: "I do not understand OPT"
      } else {
        response.answers.push({
          name: request.questions[0]!.name,
          type: Packet.TYPE.A,
          class: Packet.CLASS.IN,
          ttl: 60,
          address: '203.0.113.9',
        } as never);
      }
      socket.send(response.toBuffer(), remote.port, remote.address);
    });
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    try {
      const old = createResolver({ nameservers: [`127.0.0.1:${socket.address().port}`], timeoutMs: 300 });
      const outcome = await old.lookup('sip.contoso.com', 'A');
      expect(outcome).toMatchObject({ kind: 'answer', records: [{ type: 'A', address: '203.0.113.9' }] });
      expect(seen).toEqual([1, 0]);
    } finally {
      socket.close();
    }
  });
});
