// The exchange layer (createExchanger): one question to one server, one reply, no interpretation —
// RD as asked, EDNS with a retry without it on FORMERR, UDP→TCP on TC on the same host:port (IPv6
// too), and every misuse an outcome, never a rejection.
import dgram from 'node:dgram';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createExchanger } from '../src/node/dns/exchange.js';
import {
  buildReply,
  parseQuery,
  type ScriptedServer,
  type SeenQuery,
  startScriptedServer,
} from './helpers/scripted-dns-server.js';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer((q) => {
    if (q.name.startsWith('formerr') && q.edns) return { reply: { rcode: 1, question: null } };
    if (q.name.startsWith('tc') && q.transport === 'udp') return { reply: { tc: true } };
    return {
      reply: {
        aa: !q.rd,
        answers: [{ name: q.name, type: 'A', address: '203.0.113.1' }],
        authority: [{ name: 'test', type: 'NS', target: 'ns.test' }],
        additional: [{ name: 'ns.test', type: 'A', address: '192.0.2.53' }],
      },
    };
  });
});
afterAll(async () => {
  await server.close();
});

const asked = (from: number): SeenQuery[] => server.log.slice(from);

describe('createExchanger', () => {
  test('a reply with every section; RD=1 by default', async () => {
    const before = server.log.length;
    const outcome = await createExchanger({ timeoutMs: 500 }).exchange(server.address, 'a.test', 'A');
    expect(outcome).toEqual({
      kind: 'reply',
      server: server.address,
      reply: {
        rcode: 0,
        rcodeName: 'NOERROR',
        aa: false,
        tc: false,
        answers: [{ type: 'A', name: 'a.test', ttl: 300, address: '203.0.113.1' }],
        authority: [{ type: 'NS', name: 'test', ttl: 300, target: 'ns.test' }],
        additional: [{ type: 'A', name: 'ns.test', ttl: 300, address: '192.0.2.53' }],
      },
    });
    expect(asked(before)).toMatchObject([{ rd: true, edns: true, transport: 'udp' }]);
  });
  test('recursionDesired: false sends RD=0 (authoritative mode)', async () => {
    const before = server.log.length;
    const outcome = await createExchanger({ timeoutMs: 500 }).exchange(server.address, 'a.test', 'NS', {
      recursionDesired: false,
    });
    expect(outcome).toMatchObject({ kind: 'reply', reply: { aa: true } });
    expect(asked(before)).toMatchObject([{ rd: false, typeName: 'NS' }]);
  });
  test('FORMERR to EDNS (even without a question): asked again without OPT', async () => {
    const before = server.log.length;
    const outcome = await createExchanger({ timeoutMs: 500 }).exchange(server.address, 'formerr.test', 'A');
    expect(outcome).toMatchObject({ kind: 'reply', reply: { rcode: 0 } });
    expect(asked(before).map((q) => q.edns)).toEqual([true, false]);
  });
  test('TC over UDP: the same question over TCP, same port', async () => {
    const before = server.log.length;
    expect(await createExchanger({ timeoutMs: 500 }).exchange(server.address, 'tc.test', 'A')).toMatchObject({
      kind: 'reply',
      reply: { tc: false, answers: [{ address: '203.0.113.1' }] },
    });
    expect(asked(before).map((q) => q.transport)).toEqual(['udp', 'tcp']);
  });
  test('transport tcp asks over TCP only', async () => {
    const before = server.log.length;
    await createExchanger({ timeoutMs: 500, transport: 'tcp' }).exchange(server.address, 'a.test', 'A');
    expect(asked(before).map((q) => q.transport)).toEqual(['tcp']);
  });
  test.each<[string, string, string, object]>([
    [
      'a server that is not an address',
      'ns.contoso.com',
      'a.test',
      { kind: 'network_error', reason: /not a name/ },
    ],
    [
      'a bare IPv6 with a port-like suffix',
      '::1:5353',
      'a.test',
      { kind: 'network_error', reason: /\[::1\]:5353/ },
    ],
    ['a name that cannot be encoded', '127.0.0.1:9', 'a..test', { kind: 'network_error', reason: /encoded/ }],
  ])('%s: an outcome, not a rejection', async (_label, where, name, expected) => {
    const outcome = await createExchanger({ timeoutMs: 200 }).exchange(where, name, 'A');
    const { reason, ...rest } = expected as { reason: RegExp };
    expect(outcome).toMatchObject(rest);
    expect(outcome.kind === 'network_error' && outcome.reason).toMatch(reason);
  });
  test.each([[{ timeoutMs: 0 }], [{ timeoutMs: -1 }], [{ transport: 'quic' as 'udp' }]])(
    'refuses %j at creation',
    (options) => {
      expect(() => createExchanger(options)).toThrow();
    },
  );
});

describe('IPv6 loopback ([::1]:port): UDP, then TCP on the same port', () => {
  test('udp6 socket, TC, TCP retry over ::1', async (context) => {
    const udp = dgram.createSocket('udp6');
    const bound = await new Promise<boolean>((resolve) => {
      udp.once('error', () => resolve(false));
      udp.bind(0, '::1', () => resolve(true));
    });
    if (!bound) {
      console.log('IPv6 loopback ::1 is not available here: the IPv6 exchange test is skipped');
      context.skip();
      return;
    }
    const port = udp.address().port;
    udp.on('message', (message, remote) => {
      const q = parseQuery(message, 'udp');
      if (q) udp.send(buildReply(q, { tc: true }), remote.port, remote.address);
    });
    const tcp = net.createServer((socket) =>
      socket.on('data', (data) => {
        const q = parseQuery(data.subarray(2), 'tcp');
        if (!q) return;
        const reply = buildReply(q, { answers: [{ name: q.name, type: 'AAAA', address: '2001:db8::1' }] });
        const prefix = Buffer.alloc(2);
        prefix.writeUInt16BE(reply.length);
        socket.end(Buffer.concat([prefix, reply]));
      }),
    );
    await new Promise<void>((resolve) => tcp.listen(port, '::1', resolve));
    try {
      const outcome = await createExchanger({ timeoutMs: 500 }).exchange(`[::1]:${port}`, 'x.test', 'AAAA');
      expect(outcome).toMatchObject({
        kind: 'reply',
        server: `[::1]:${port}`,
        reply: { answers: [{ type: 'AAAA', address: '2001:db8::1' }] },
      });
    } finally {
      udp.close();
      tcp.close();
    }
  });
});
