// The demo's Edge listener and its loopback guard, against real sockets on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProber } from '../probe/prober.js';
import { closedLoopbackPort, isLoopbackAddress, loopbackOnly, startEdgeServer } from './edge-server.js';

const certs = new URL('../../../examples/demo-certs/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, certs), 'utf8');
const CA = read('demo-ca.pem');
const GOOD = { key: read('harbourline-edge.key'), cert: read('harbourline-edge.pem') };

describe('isLoopbackAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.0.0.2', true],
    ['127.255.255.254', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['198.51.100.24', false],
    ['10.20.30.40', false],
    ['128.0.0.1', false],
    ['localhost', false], // a name may resolve anywhere
    ['127.0.0.1.example.com', false],
    ['::ffff:198.51.100.24', false],
    ['', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackAddress(host)).toBe(expected);
  });
});

describe('loopbackOnly', () => {
  it('passes a loopback result through and throws for anything else', () => {
    const guarded = loopbackOnly((address, port) =>
      address === '198.51.100.24' ? { host: '127.0.0.2', port } : { host: address, port },
    );
    expect(guarded('198.51.100.24', 5061)).toEqual({ host: '127.0.0.2', port: 5061 });
    expect(() => guarded('10.20.30.40', 5061)).toThrow(/loopback addresses only, not 10\.20\.30\.40/);
  });

  it('the prober turns the guard into a failed connection without opening a socket', async () => {
    const prober = createProber({ connectTo: loopbackOnly((address, port) => ({ host: address, port })) });
    const outcome = await prober.probe({
      address: '198.51.100.24',
      port: 5061,
      servername: 'sip.harbourline-freight.com',
      timeoutMs: 500,
    });
    expect(outcome.tls).toBeUndefined();
    expect(outcome.tcp).toMatchObject({ connected: false, reason: 'error', durationMs: 0 });
    expect(outcome.tcp.connected === false && outcome.tcp.message).toMatch(/loopback addresses only/);
  });
});

describe('startEdgeServer', () => {
  it('refuses a non-loopback host', async () => {
    await expect(startEdgeServer({ host: '0.0.0.0', port: 0, ...GOOD })).rejects.toThrow(/loopback/);
  });

  it('serves its certificate; with requestCert it refuses a client without one after sending it', async () => {
    const edge = await startEdgeServer({ host: '127.0.0.1', port: 0, ...GOOD, requestCert: true, ca: [CA] });
    try {
      expect(edge.address).toBe(`127.0.0.1:${edge.port}`);
      const prober = createProber({ connectTo: () => ({ host: edge.host, port: edge.port }), ca: [CA] });
      const outcome = await prober.probe({
        address: '198.51.100.24',
        port: 5061,
        servername: 'sip.harbourline-freight.com',
        timeoutMs: 2000,
      });
      expect(outcome.tcp).toMatchObject({ connected: true, connectedTo: `127.0.0.1:${edge.port}` });
      expect(outcome.tls?.certificateRetrieved).toBe(true);
      expect(outcome.tls?.handshakeCompleted).toBe(false);
      expect(outcome.tls?.chain[0]).toContain('BEGIN CERTIFICATE');
      expect(edge.accepted()).toBe(1);
    } finally {
      await edge.close();
    }
  });

  it('rejects with the listen error when the address is taken', async () => {
    const first = await startEdgeServer({ host: '127.0.0.1', port: 0, ...GOOD });
    try {
      await expect(startEdgeServer({ host: '127.0.0.1', port: first.port, ...GOOD })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      await first.close();
    }
  });
});

describe('closedLoopbackPort', () => {
  it('gives a port where a connection is refused', async () => {
    const port = await closedLoopbackPort();
    const outcome = await createProber({ connectTo: () => ({ host: '127.0.0.1', port }) }).probe({
      address: '198.51.100.40',
      port: 5062,
      servername: 'sip.tidewater-analytics.net',
      timeoutMs: 1000,
    });
    expect(outcome.tcp).toMatchObject({ connected: false, reason: 'refused' });
  });

  it('refuses a non-loopback host', async () => {
    await expect(closedLoopbackPort('198.51.100.1')).rejects.toThrow(/loopback/);
  });
});
