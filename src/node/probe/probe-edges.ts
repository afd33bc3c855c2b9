/**
 * `--probe` (RULES.md §9): connect to every address of every SRV target, judge reachability and
 * the certificate the Edge presents. Opt-in: it opens connections to the organisation's Edge from
 * wherever it runs.
 */

import type { Check } from '../../core/report/report-types.js';
import { checkStatus } from '../../core/report/status.js';
import { type Issue, makeIssue, type Severity } from '../../core/result.js';
import { clampDelay, onAbort } from '../abort.js';
import { checkEdgeCertificate, checkTlsProtocol } from './certificate.js';
import {
  type ConnectTo,
  createProber,
  formatEndpoint,
  type ProbeOutcome,
  type Prober,
  type TcpOutcome,
  type TlsOutcome,
} from './prober.js';

export type {
  CertificateCheckOptions,
  CertificateEvidence,
  CertificateVerdict,
  TrustVerdict,
} from './certificate.js';
export { checkEdgeCertificate, checkTlsProtocol, verifyChain } from './certificate.js';
export type {
  ConnectTo,
  ProbeOutcome,
  ProbeRequest,
  Prober,
  ProberOptions,
  TcpOutcome,
  TlsOutcome,
} from './prober.js';

import { comparableName } from '../../core/names.js';

export { createProber } from './prober.js';

function isProbeTarget(value: unknown): value is ProbeTarget {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  return (
    typeof t.target === 'string' &&
    Number.isInteger(t.port) &&
    Array.isArray(t.addresses) &&
    t.addresses.every((address) => typeof address === 'string') &&
    (t.names === undefined || (Array.isArray(t.names) && t.names.every((name) => typeof name === 'string')))
  );
}

/** One SRV target to probe. */
export interface ProbeTarget {
  /** The SRV target FQDN: sent as SNI and required in the certificate. */
  target: string;
  /** The SRV port (5061 for federation). */
  port: number;
  /** The target's A/AAAA addresses; each is probed. */
  addresses: string[];
  /**
   * Every SRV target FQDN served by these addresses (e.g. `sip.contoso.com` and `sip.fabrikam.com`
   * on one Edge). The certificate must carry each of them exactly, as well as `target`.
   */
  names: string[];
}

/** Options of {@link probeEdges}. */
export interface ProbeOptions {
  /**
   * Bound of each phase of each probe (TCP connect, then TLS handshake), in milliseconds.
   * @default 5000
   */
  timeoutMs?: number;
  /**
   * How many addresses are probed at once.
   * @default 4
   */
  concurrency?: number;
  /** Cancels the run (e.g. the run's deadline): unfinished probes become `inconclusive` (`probe.aborted`). */
  signal?: AbortSignal;
  /**
   * The clock for certificate validity.
   * @default new Date()
   */
  now?: Date;
  /**
   * Extra trust anchors (PEM) besides Node's public roots: a test CA, or a private CA you accept.
   * @default []
   */
  ca?: string[];
  /**
   * Where to really connect for an address and port, like curl's `--connect-to`: SNI, the
   * certificate rules and the reported subjects keep the real address. Used by tests and the demo
   * to send `192.0.2.10:5061` to a listener on `127.0.0.2:5061`. Ignored when `prober` is given.
   * @default identity
   */
  connectTo?: ConnectTo;
  /**
   * The network adapter.
   * @default createProber({ connectTo, ca })
   */
  prober?: Prober;
}

const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_CONCURRENCY = 4;

interface Job {
  target: ProbeTarget;
  address: string;
  endpoint: string;
  outcome?: ProbeOutcome;
}

/** A check the probe could not finish (`probe.aborted`, inconclusive): aborted, or a throwing prober. */
function abortedCheck(
  id: 'tcp' | 'tls',
  subject: string,
  evidence: Record<string, unknown>,
  durationMs: number,
  reason?: string,
): Check {
  const params = { address: subject, ...(reason === undefined ? {} : { reason }) };
  return {
    id,
    subject,
    status: 'inconclusive',
    issues: [makeIssue('probe.aborted', [], { params })],
    evidence,
    durationMs,
  };
}

function tcpReason(tcp: Extract<TcpOutcome, { connected: false }>): string {
  switch (tcp.reason) {
    case 'refused':
      return 'connection refused';
    case 'timeout':
      return tcp.message;
    default:
      return tcp.code === undefined ? tcp.message : `${tcp.code}: ${tcp.message}`;
  }
}

function tlsReason(error: NonNullable<TlsOutcome['error']>): string {
  return error.code === undefined ? error.message : `${error.code}`;
}

/**
 * Probes the Edge behind every SRV target (RULES §9): for each address, TCP to the SRV port, then
 * TLS with SNI = the target; the certificate must carry the target and every other name served by
 * that address exactly (MS-DEPLOY), must not have a wildcard subject (MS-CERT), must be valid,
 * carry server and client authentication EKUs and lead to a public root.
 *
 * Per unique `address:port` one `tcp` check, subject `address:port` (`[v6]:port`); per target and
 * address one `tls` check, subject `target@address:port` (`sip.contoso.com@[2001:db8::1]:5061`).
 * Statuses: `pass`/`warn`/`fail` from the issues' severities; `tls` is `skipped` when TCP failed;
 * both are `inconclusive` when `signal` aborted them. Never rejects.
 *
 * @param targets The SRV targets with their addresses (targets without addresses give no check).
 * @param options Timeout per phase, concurrency, abort signal, clock, extra CAs, address mapping, prober.
 * @returns The checks, in input order (`tcp` then `tls` per address). Codes: `probe.unreachable`
 *   (E when every address of the target fails, W when only some), `probe.aborted` (inconclusive),
 *   `tls.handshake_failed`, `tls.handshake_incomplete` (I: certificate retrieved, then refused, as
 *   a mutual-TLS Edge does), `tls.untrusted`, `tls.name_mismatch`, `tls.wildcard_subject`,
 *   `tls.expired`, `tls.expiring_soon`, `tls.missing_server_auth`, `tls.missing_client_auth`,
 *   `tls.old_protocol`.
 * @example
 * const checks = await probeEdges(
 *   [{ target: 'sip.contoso.com', port: 5061, addresses: ['192.0.2.10'], names: ['sip.contoso.com'] }],
 *   { timeoutMs: 3000, concurrency: 4 },
 * );
 */
export async function probeEdges(
  given: readonly ProbeTarget[],
  options?: ProbeOptions | null,
): Promise<Check[]> {
  // Nothing rejects: what is not a target (null, a missing field) is left out.
  const targets = (Array.isArray(given) ? given : [])
    .filter(isProbeTarget)
    .map((t) => (Array.isArray(t.names) ? t : { ...t, names: [] }));
  try {
    return await probeAll(targets, options ?? {});
  } catch (error) {
    // Programmer errors only (a throwing custom prober): still never reject.
    const reason = error instanceof Error ? error.message : String(error);
    return targets.flatMap((t) =>
      t.addresses.flatMap((address): Check[] => {
        const endpoint = formatEndpoint(address, t.port);
        const evidence = { address, port: t.port, error: reason };
        return [
          abortedCheck('tcp', endpoint, evidence, 0, reason),
          abortedCheck('tls', `${comparableName(t.target)}@${endpoint}`, { ...evidence }, 0, reason),
        ];
      }),
    );
  }
}

async function probeAll(targets: readonly ProbeTarget[], options: ProbeOptions): Promise<Check[]> {
  const timeoutMs = clampDelay(
    typeof options.timeoutMs === 'number' && options.timeoutMs > 0 ? options.timeoutMs : DEFAULT_TIMEOUT_MS,
  );
  const concurrency =
    typeof options.concurrency === 'number' && options.concurrency >= 1
      ? Math.floor(options.concurrency)
      : DEFAULT_CONCURRENCY;
  const prober =
    options.prober ??
    createProber({
      ...(options.connectTo ? { connectTo: options.connectTo } : {}),
      ...(options.ca ? { ca: options.ca } : {}),
    });

  const jobs: Job[] = [];
  for (const target of targets) {
    for (const address of new Set(target.addresses)) {
      jobs.push({ target, address, endpoint: formatEndpoint(address, target.port) });
    }
  }

  // A small pool: `concurrency` workers take jobs in order.
  const { signal } = options;
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let job = jobs[next++]; job !== undefined; job = jobs[next++]) {
      if (signal?.aborted) continue;
      // Each probe gets its own signal, fanned out from the caller's through one listener (see abort.ts).
      const own = signal ? new AbortController() : undefined;
      const stopWaiting = signal && own ? onAbort(signal, () => own.abort()) : () => {};
      try {
        job.outcome = await prober.probe({
          address: job.address,
          port: job.target.port,
          servername: comparableName(job.target.target),
          timeoutMs,
          ...(own ? { signal: own.signal } : {}),
        });
      } finally {
        stopWaiting();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));

  // probe.unreachable: E when every address of a target fails, W when only some (RULES §9).
  const unreachableSeverity = new Map<string, Severity>();
  for (const target of targets) {
    const own = jobs.filter((j) => j.target === target);
    const failed = own.filter((j) => j.outcome !== undefined && isUnreachable(j.outcome.tcp));
    const severity: Severity = failed.length === own.length ? 'error' : 'warning';
    for (const job of failed) {
      if (unreachableSeverity.get(job.endpoint) !== 'error') unreachableSeverity.set(job.endpoint, severity);
    }
  }

  const checks: Check[] = [];
  const tcpDone = new Set<string>();
  for (const job of jobs) {
    if (!tcpDone.has(job.endpoint)) {
      tcpDone.add(job.endpoint);
      checks.push(tcpCheck(job, unreachableSeverity.get(job.endpoint) ?? 'error'));
    }
    checks.push(tlsCheck(job, options));
  }
  return checks;
}

function isUnreachable(tcp: TcpOutcome): boolean {
  return !tcp.connected && tcp.reason !== 'aborted';
}

function tcpCheck(job: Job, severity: Severity): Check {
  const { address, endpoint } = job;
  const port = job.target.port;
  const tcp = job.outcome?.tcp;
  const evidence: Record<string, unknown> = { address, port };
  if (tcp === undefined || (!tcp.connected && tcp.reason === 'aborted')) {
    evidence.connected = false;
    return abortedCheck('tcp', endpoint, evidence, tcp?.durationMs ?? 0);
  }
  if (tcp.connectedTo !== endpoint) evidence.connectedTo = tcp.connectedTo;
  evidence.connected = tcp.connected;
  if (tcp.connected)
    return { id: 'tcp', subject: endpoint, status: 'pass', issues: [], evidence, durationMs: tcp.durationMs };
  evidence.reason = tcp.reason;
  if (tcp.code !== undefined) evidence.errorCode = tcp.code;
  const issue = makeIssue('probe.unreachable', [], {
    severity,
    params: { address, port, reason: tcpReason(tcp) },
  });
  return {
    id: 'tcp',
    subject: endpoint,
    status: checkStatus([issue]),
    issues: [issue],
    evidence,
    durationMs: tcp.durationMs,
  };
}

function tlsCheck(job: Job, options: Pick<ProbeOptions, 'now' | 'ca'>): Check {
  const target = comparableName(job.target.target);
  const subject = `${target}@${job.endpoint}`;
  const port = job.target.port;
  const names = [target, ...job.target.names.map(comparableName).filter((n) => n !== target)];
  const evidence: Record<string, unknown> = {
    target,
    address: job.address,
    port,
    names: [...new Set(names)],
  };
  const outcome = job.outcome;
  if (outcome === undefined || (!outcome.tcp.connected && outcome.tcp.reason === 'aborted')) {
    return abortedCheck('tls', subject, evidence, 0);
  }
  const tls = outcome.tls;
  if (!outcome.tcp.connected || tls === undefined) {
    evidence.reason = 'no TCP connection';
    return { id: 'tls', subject, status: 'skipped', issues: [], evidence, durationMs: 0 };
  }

  evidence.certificateRetrieved = tls.certificateRetrieved;
  evidence.handshakeCompleted = tls.handshakeCompleted;
  evidence.protocol = tls.protocol;
  if (tls.opensslVerifyError !== undefined) evidence.opensslVerifyError = tls.opensslVerifyError;
  if (tls.error !== undefined) {
    evidence.error =
      tls.error.code === undefined ? tls.error.message : `${tls.error.code}: ${tls.error.message}`;
  }

  // Aborted before the certificate arrived: we could not ask.
  if (tls.error?.reason === 'aborted' && !tls.certificateRetrieved) {
    return abortedCheck('tls', subject, evidence, tls.durationMs);
  }

  const issues: Issue[] = [];
  if (!tls.certificateRetrieved) {
    issues.push(
      makeIssue('tls.handshake_failed', [], {
        params: {
          address: job.endpoint,
          name: target,
          reason: tls.error ? tlsReason(tls.error) : 'no certificate',
        },
      }),
    );
    return { id: 'tls', subject, status: checkStatus(issues), issues, evidence, durationMs: tls.durationMs };
  }

  const verdict = checkEdgeCertificate(tls.chain, {
    names,
    ...(options.now ? { now: options.now } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
  });
  issues.push(...verdict.issues, ...checkTlsProtocol(tls.protocol));
  if (verdict.evidence) evidence.certificate = verdict.evidence;
  if (!tls.handshakeCompleted) {
    // Certificate retrieved, then refused: a mutual-TLS Edge does this to a client without a certificate.
    issues.push(
      makeIssue('tls.handshake_incomplete', [], {
        params: { address: job.endpoint, reason: tls.error ? tlsReason(tls.error) : 'closed' },
      }),
    );
  }
  return { id: 'tls', subject, status: checkStatus(issues), issues, evidence, durationMs: tls.durationMs };
}
