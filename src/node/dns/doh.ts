/**
 * DNS over HTTPS (RFC 8484): the same exchange as over UDP, as a POST of `application/dns-message`
 * to an https URL.
 *
 * `node:https` rather than the global `fetch`: Node 20's fetch (undici) takes no private CA without
 * importing undici's `Agent` (a dependency), while `https.request` takes `ca` directly, and it
 * aborts and times out as our UDP and TCP exchanges do. One keep-alive agent per exchanger, so a run
 * pays one TLS handshake, not one per question.
 */

import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import { clampDelay, onAbort } from '../abort.js';
import { parseDohUrl } from './doh-url.js';
import type { DnsReply, ExchangeOptions, ExchangeOutcome, Exchanger, QueryType } from './types.js';
import { decodeReply, encodeQuery, RCODE_FORMERR, screenReply, type WireQuery } from './wire.js';

/** Options of {@link createDohExchanger}. */
export interface DohExchangerOptions {
  /** The DoH endpoint, an `https:` URL (such as `https://dns.example/dns-query`). */
  url: string;
  /** Trusted CA certificates (PEM text or Buffers) instead of Node's bundled roots: for a private CA. */
  ca?: string | Buffer | (string | Buffer)[];
  /**
   * Time allowed for one request: connect, TLS, the response and its body.
   * @default 3000
   */
  timeoutMs?: number;
}

/** Largest DNS message (RFC 8484 §6 keeps DNS's own limit). */
const MAX_MESSAGE = 0xffff;
const MEDIA_TYPE = 'application/dns-message';

type Step =
  | { kind: 'reply'; reply: DnsReply }
  | { kind: 'formerr' }
  | { kind: 'timeout'; aborted?: boolean }
  | { kind: 'network_error'; reason: string; httpStatus?: number }
  | { kind: 'malformed'; reason: string };

function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  return String(e?.code ?? e?.message ?? error);
}

/**
 * Creates an {@link Exchanger} over DoH: each exchange POSTs the query (id 0, RFC 8484 §4.1; RD as
 * asked; EDNS(0), asked again without it on FORMERR) to `url` and reads the reply.
 *
 * Outcomes: `reply`; `network_error` for TLS and connection errors (`reason` is the error code, such
 * as `ECONNREFUSED`, `UNABLE_TO_VERIFY_LEAF_SIGNATURE`, `ERR_TLS_CERT_ALTNAME_INVALID`) and for an
 * HTTP status ≠ 200 (`httpStatus` set, `reason` `HTTP <status>`; the resolver makes that a
 * `server_failure`); `malformed` for a body that is not a DNS reply to the question (wrong media
 * type, over 65,535 octets, undecodable, another question, truncated); `timeout` when the request
 * outlives `timeoutMs` or `signal` aborts. Never rejects. The `server` argument of `exchange` may
 * name another https URL; otherwise `url` is used.
 *
 * @throws TypeError when `url` is not https (configuration error, at creation); RangeError for a
 *   non-positive timeout.
 * @example
 * const doh = createDohExchanger({ url: 'https://127.0.0.1:8443/dns-query', ca: readFileSync('ca.pem') });
 * const outcome = await doh.exchange('', 'contoso.com', 'TXT');
 */
export function createDohExchanger(options: DohExchangerOptions): Exchanger {
  const url = parseDohUrl(options?.url);
  const timeoutMs = clampDelay(options.timeoutMs ?? 3000);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  }
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: 16,
    ...(options.ca !== undefined ? { ca: options.ca } : {}),
  });
  const endpoint: Endpoint = { url, agent, timeoutMs };
  return {
    exchange: (server, name, type, exchangeOptions = {}) =>
      exchange(endpoint, server, name, type, exchangeOptions),
  };
}

/** One exchanger's endpoint: the default URL, the keep-alive agent, the per-request time. */
interface Endpoint {
  url: URL;
  agent: https.Agent;
  timeoutMs: number;
}

/** One exchange: the query POSTed (again without EDNS after FORMERR), the last step as an outcome. */
async function exchange(
  endpoint: Endpoint,
  server: string,
  name: string,
  type: QueryType,
  exchangeOptions: ExchangeOptions,
): Promise<ExchangeOutcome> {
  let target = endpoint.url;
  try {
    if (typeof server === 'string' && server.startsWith('https://')) target = parseDohUrl(server);
  } catch (error) {
    return { kind: 'network_error', server: String(server), reason: (error as Error).message };
  }
  const label = target.href;
  try {
    const recursionDesired = exchangeOptions.recursionDesired ?? true;
    let query: WireQuery;
    try {
      query = encodeQuery(name, type, { recursionDesired, id: 0 });
    } catch (error) {
      return {
        kind: 'network_error',
        server: label,
        reason: `the query could not be encoded: ${(error as Error).message}`,
      };
    }
    let step = await post(endpoint, target, query, exchangeOptions.signal);
    if (step.kind === 'formerr') {
      query = encodeQuery(name, type, { recursionDesired, id: 0, edns: false });
      step = await post(endpoint, target, query, exchangeOptions.signal);
    }
    return outcomeOf(step, label, endpoint.timeoutMs);
  } catch (error) {
    return { kind: 'network_error', server: label, reason: reasonOf(error) };
  }
}

/** The last step of an exchange as its outcome (a second FORMERR is `malformed`). */
function outcomeOf(step: Step, label: string, timeoutMs: number): ExchangeOutcome {
  switch (step.kind) {
    case 'reply':
      return { kind: 'reply', server: label, reply: step.reply };
    case 'timeout':
      return { kind: 'timeout', server: label, timeoutMs, ...(step.aborted ? { aborted: true } : {}) };
    case 'network_error':
      return {
        kind: 'network_error',
        server: label,
        reason: step.reason,
        ...(step.httpStatus !== undefined ? { httpStatus: step.httpStatus } : {}),
      };
    case 'malformed':
      return { kind: 'malformed', server: label, reason: step.reason };
    default:
      return { kind: 'malformed', server: label, reason: 'FORMERR without EDNS' };
  }
}

/** A request in flight: `finish` settles it once (timer and abort listener cleared). */
interface Pending {
  settled: boolean;
  finish: (step: Step) => void;
}

/** POSTs one query; settles on the first of: the reply read, an error, the timer, the signal. */
function post(
  endpoint: Endpoint,
  target: URL,
  query: WireQuery,
  signal: AbortSignal | undefined,
): Promise<Step> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve({ kind: 'timeout', aborted: true });
    let request: ReturnType<typeof https.request> | undefined;
    const pending: Pending = {
      settled: false,
      finish: (step: Step) => {
        if (pending.settled) return;
        pending.settled = true;
        clearTimeout(timer);
        stopWaiting();
        // A request that did not finish cleanly must not return its socket to the pool.
        if (step.kind !== 'reply' && step.kind !== 'formerr') request?.destroy();
        resolve(step);
      },
    };
    const { finish } = pending;
    const timer = setTimeout(() => finish({ kind: 'timeout' }), endpoint.timeoutMs);
    const stopWaiting = signal ? onAbort(signal, () => finish({ kind: 'timeout', aborted: true })) : () => {};
    try {
      request = https.request(target, {
        method: 'POST',
        agent: endpoint.agent,
        headers: {
          'content-type': MEDIA_TYPE,
          accept: MEDIA_TYPE,
          'content-length': query.wire.length,
        },
      });
    } catch (error) {
      return finish({ kind: 'network_error', reason: reasonOf(error) });
    }
    request.on('error', (error) => finish({ kind: 'network_error', reason: reasonOf(error) }));
    request.on('response', (response) => readResponse(response, query, pending));
    request.end(query.wire);
  });
}

/** The HTTP response: status 200 and the DNS media type, then the body (at most 65,535 octets). */
function readResponse(response: IncomingMessage, query: WireQuery, pending: Pending): void {
  const { finish } = pending;
  response.on('error', (error) => finish({ kind: 'network_error', reason: reasonOf(error) }));
  if (pending.settled) {
    response.resume();
    return;
  }
  const status = response.statusCode ?? 0;
  if (status !== 200) {
    response.resume();
    finish({ kind: 'network_error', reason: `HTTP ${status}`, httpStatus: status });
    return;
  }
  const type = String(response.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type !== MEDIA_TYPE) {
    finish({
      kind: 'malformed',
      reason: `the DoH reply is ${type || 'untyped'}, not ${MEDIA_TYPE}`,
    });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    if (pending.settled) return;
    size += chunk.length;
    if (size > MAX_MESSAGE) finish({ kind: 'malformed', reason: 'the DoH reply is over 65,535 octets' });
    else chunks.push(chunk);
  });
  response.on('end', () => {
    if (!pending.settled) finish(readBody(Buffer.concat(chunks, size), query));
  });
}

/** The body as a step: a reply to the query, FORMERR to retry without EDNS, or `malformed`. */
function readBody(message: Buffer, query: WireQuery): Step {
  const screened = screenReply(message, query);
  if (screened.verdict === 'drop') {
    return { kind: 'malformed', reason: `the DoH reply does not answer the query: ${screened.reason}` };
  }
  if (screened.tc) return { kind: 'malformed', reason: 'truncated over DoH' };
  if (screened.rcode === RCODE_FORMERR && query.edns) return { kind: 'formerr' };
  try {
    return { kind: 'reply', reply: decodeReply(message) };
  } catch (error) {
    return { kind: 'malformed', reason: `undecodable reply: ${(error as Error).message}` };
  }
}
