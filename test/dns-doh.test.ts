// DNS over HTTPS (RULES §10, RFC 8484) against a local HTTPS endpoint on 127.0.0.1 with a throwaway
// CA made by openssl in a temp dir: the same outcomes as UDP, HTTP and TLS failures mapped.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDohExchanger } from '../src/node/dns/doh.js';
import { createResolver } from '../src/node/dns/resolver.js';
import type { LookupOutcome } from '../src/node/dns/types.js';
import { chainOf, key, TEST_ROOT } from './fixtures/certs/index.js';
import { buildReply, parseQuery, type SeenQuery } from './helpers/scripted-dns-server.js';

/** A CA and a leaf for IP 127.0.0.1, made fresh for this file. */
function makeCerts(dir: string): { ca: string; cert: string; key: string } {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=doh test CA');
  writeFileSync(join(dir, 'leaf.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  run('req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=127.0.0.1');
  run(
    'x509',
    '-req',
    '-in',
    'leaf.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'leaf.ext',
    '-out',
    'leaf.pem',
  );
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return { ca: read('ca.pem'), cert: read('leaf.pem'), key: read('leaf.key') };
}

interface Seen {
  method: string;
  path: string;
  contentType: string | undefined;
  accept: string | undefined;
  query: SeenQuery | undefined;
}

/** What the endpoint does, by the query's first label. */
function respond(query: SeenQuery, response: http.ServerResponse) {
  const dns = (bytes: Buffer) => {
    response.writeHead(200, { 'content-type': 'application/dns-message' });
    response.end(bytes);
  };
  const label = query.name.split('.')[0];
  switch (label) {
    case 'status503':
      response.writeHead(503).end('busy');
      return;
    case 'status301':
      response.writeHead(301, { location: 'https://127.0.0.1:1/' }).end();
      return;
    case 'html':
      response.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
      return;
    case 'silent':
      return; // never answers
    case 'huge':
      response.writeHead(200, { 'content-type': 'application/dns-message' });
      response.end(Buffer.alloc(70_000));
      return;
    case 'tc':
      return dns(buildReply(query, { tc: true }));
    case 'other':
      return dns(buildReply(query, { question: { name: 'evil.example', type: query.type } }));
    case 'nx':
      return dns(buildReply(query, { aa: true, rcode: 3 }));
    case 'referral':
      return dns(
        buildReply(query, { authority: [{ name: 'contoso.com', type: 'NS', target: 'ns1.contoso.com' }] }),
      );
    case 'oldserver':
      if (query.edns) return dns(buildReply(query, { rcode: 1, question: null }));
      break;
  }
  dns(buildReply(query, { aa: true, answers: [{ name: query.name, type: 'A', address: '203.0.113.53' }] }));
}

function serve(server: http.Server | https.Server, log: Seen[]): Promise<string> {
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const query = parseQuery(Buffer.concat(chunks), 'tcp');
      log.push({
        method: request.method ?? '',
        path: request.url ?? '',
        contentType: request.headers['content-type'],
        accept: request.headers.accept,
        query,
      });
      if (!query) return void response.writeHead(400).end();
      respond(query, response);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(String((server.address() as net.AddressInfo).port))),
  );
}

const log: Seen[] = [];
let dir: string;
let certs: { ca: string; cert: string; key: string };
let url: string;
let wrongNameUrl: string;
let plainHttpPort: string;
const servers: (http.Server | https.Server)[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pic-doh-'));
  certs = makeCerts(dir);
  const good = https.createServer({ cert: certs.cert, key: certs.key });
  // The probe fixtures' leaf is for sip.contoso.com, not 127.0.0.1: a name mismatch.
  const wrongName = https.createServer({ cert: chainOf('good').join('\n'), key: key('good') });
  const plain = http.createServer();
  servers.push(good, wrongName, plain);
  url = `https://127.0.0.1:${await serve(good, log)}/dns-query`;
  wrongNameUrl = `https://127.0.0.1:${await serve(wrongName, log)}/dns-query`;
  plainHttpPort = await serve(plain, log);
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
  }
  rmSync(dir, { recursive: true, force: true });
});

const doh = (options: Partial<Parameters<typeof createResolver>[0]> = {}) =>
  createResolver({ dohUrl: url, ca: certs.ca, timeoutMs: 300, attempts: 1, ...options });

describe('DoH: RFC 8484 POST application/dns-message', () => {
  test('an answer, source doh, server the URL; the request as RFC 8484 says', async () => {
    const before = log.length;
    const outcome = await doh().lookup('sip.contoso.com', 'A');
    expect(outcome).toMatchObject({
      kind: 'answer',
      source: 'doh',
      server: url,
      records: [{ type: 'A', address: '203.0.113.53' }],
    });
    expect(log.slice(before)).toEqual([
      {
        method: 'POST',
        path: '/dns-query',
        contentType: 'application/dns-message',
        accept: 'application/dns-message',
        query: expect.objectContaining({ id: 0, rd: true, edns: true, name: 'sip.contoso.com' }),
      },
    ]);
  });
  test.each<[string, object]>([
    ['nx.contoso.com', { kind: 'nxdomain', source: 'doh' }],
    ['referral.contoso.com', { kind: 'referral', zone: 'contoso.com', source: 'doh' }],
    ['oldserver.contoso.com', { kind: 'answer' }], // FORMERR to EDNS: asked again without it
  ])('%s → %o', async (name, expected) => {
    expect(await doh().lookup(name, 'A')).toMatchObject(expected);
  });
});

describe('DoH failures (RULES §10)', () => {
  test.each<[string, string, object]>([
    ['HTTP 503', 'status503.contoso.com', { kind: 'server_failure', rcode: 'HTTP 503', httpStatus: 503 }],
    ['a redirect is not followed', 'status301.contoso.com', { kind: 'server_failure', httpStatus: 301 }],
    [
      '200 with another media type',
      'html.contoso.com',
      { kind: 'malformed', reason: expect.stringMatching(/text\/html/) },
    ],
    [
      'a body over 65,535 octets',
      'huge.contoso.com',
      { kind: 'malformed', reason: expect.stringMatching(/65,535/) },
    ],
    [
      'a truncated reply',
      'tc.contoso.com',
      { kind: 'malformed', reason: expect.stringMatching(/truncated/) },
    ],
    [
      'the answer to another question',
      'other.contoso.com',
      { kind: 'malformed', reason: expect.stringMatching(/question/) },
    ],
  ])('%s', async (_label, name, expected) => {
    expect(await doh().lookup(name, 'A')).toMatchObject({ ...expected, source: 'doh' });
  });

  test('a server that never answers: timeout, bounded', async () => {
    const start = performance.now();
    expect(await doh({ attempts: 2, timeoutMs: 150 }).lookup('silent.contoso.com', 'A')).toMatchObject({
      kind: 'timeout',
      timeoutMs: 150,
    });
    expect(performance.now() - start).toBeLessThan(150 * 2 * 3);
  });
  test('abort ends it at once', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const start = performance.now();
    const outcome = await doh({ timeoutMs: 5000 }).lookup('silent.contoso.com', 'A', {
      signal: controller.signal,
    });
    expect(outcome).toMatchObject({ kind: 'timeout', aborted: true });
    expect(performance.now() - start).toBeLessThan(1000);
  });
  test.each<[string, () => Parameters<typeof createResolver>[0], RegExp]>([
    ['a CA we do not trust', () => ({ dohUrl: url }), /CERT|SIGNATURE|ISSUER/],
    ['a certificate for another name', () => ({ dohUrl: wrongNameUrl, ca: TEST_ROOT }), /ALTNAME/],
    [
      'plain HTTP on the port',
      () => ({ dohUrl: `https://127.0.0.1:${plainHttpPort}/`, ca: certs.ca }),
      /EPROTO|SSL/,
    ],
    ['nothing listening', () => ({ dohUrl: 'https://127.0.0.1:9/dns-query', ca: certs.ca }), /ECONNREFUSED/],
  ])('TLS or connection failure, %s: network_error', async (_label, options, reason) => {
    const outcome = await createResolver({ timeoutMs: 1000, attempts: 1, ...options() }).lookup(
      'a.contoso.com',
      'A',
    );
    expect(outcome).toMatchObject({ kind: 'network_error', source: 'doh' });
    expect(outcome.kind === 'network_error' && outcome.reason).toMatch(reason);
  });
  test.each([
    ['http://127.0.0.1/dns-query'],
    ['ftp://127.0.0.1/'],
    ['127.0.0.1:443'],
    [''],
    ['https://user:pw@127.0.0.1/'],
  ])('a DoH URL that is not https (%j): TypeError at creation', (dohUrl) => {
    expect(() => createResolver({ dohUrl })).toThrow(TypeError);
    expect(() => createDohExchanger({ url: dohUrl })).toThrow(TypeError);
  });
  test('the exchanger: status in httpStatus, never rejects, one TLS connection reused', async () => {
    const exchanger = createDohExchanger({ url, ca: certs.ca, timeoutMs: 500 });
    const outcomes: LookupOutcome[] | unknown[] = await Promise.all(
      ['a', 'b', 'status503', 'c'].map((label) => exchanger.exchange('', `${label}.contoso.com`, 'A')),
    );
    expect(outcomes).toMatchObject([
      { kind: 'reply' },
      { kind: 'reply' },
      { kind: 'network_error', httpStatus: 503, reason: 'HTTP 503' },
      { kind: 'reply' },
    ]);
  });
  test('no socket outlives the run for long (keep-alive sockets do not hold the process)', async () => {
    await doh().lookup('sip.contoso.com', 'A');
    // A child process (this one's event loop must stay free to serve it): it must exit on its own.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { createResolver } from ${JSON.stringify(new URL('../src/node/dns/resolver.ts', import.meta.url).pathname)};
         const t = Date.now();
         const o = await createResolver({ dohUrl: process.env.URL, ca: process.env.CA, timeoutMs: 2000 }).lookup('sip.contoso.com', 'A');
         console.log(o.kind); process.on('exit', () => console.log(Date.now() - t < 4000 ? 'exited' : 'slow'));`,
      ],
      { env: { ...process.env, URL: url, CA: certs.ca }, encoding: 'utf8', timeout: 15_000 },
    );
    const child = stdout;
    expect(child.trim().split('\n')).toEqual(['answer', 'exited']);
  });
});
