/**
 * The outcome when no server of a zone answered authoritatively (RULES §10): timeout, an RCODE, no
 * AA bit, unreadable replies, or unreachable servers, with every server's view as evidence.
 */
import type { DelegationStep, LookupOutcome, RecordType, ServerView } from '../types.js';
import type { Reading } from './reply.js';

/** The views and readings of the servers of one zone that did not answer authoritatively. */
export interface Failed {
  views: ServerView[];
  readings: Reading[];
}

/** Where the failure happened: the zone's name, whether it is the root, and the delegation path. */
export interface FailedZone {
  name: string;
  atRoot: boolean;
  path: DelegationStep[];
}

/**
 * The outcome for `origin` when every server of `zone` failed: `timeout` when all timed out, else
 * `server_failure` (an RCODE, or NOERROR without AA), `malformed`, or `network_error`.
 */
export function failureOutcome(
  origin: string,
  type: RecordType,
  zone: FailedZone,
  failed: Failed,
  servers: ServerView[],
  timeoutMs: number,
): LookupOutcome {
  // The root servers failing is our network, not the domain: their views go into `detail`, not
  // `servers` (which the live layer turns into dns.lame_server, an error when none answered).
  const views = zone.atRoot ? servers : [...servers, ...failed.views];
  const base = {
    name: origin,
    type,
    source: 'authoritative' as const,
    path: zone.path,
    ...(views.length > 0 ? { servers: views } : {}),
  };
  const { readings } = failed;
  if (readings.length > 0 && readings.every((r) => r.kind === 'lame' && r.reason === 'timeout')) {
    const detail = zone.atRoot
      ? `no root server answered (${failed.views.map((v) => `${v.server} ${v.lameReason}`).join(', ')})`
      : `no server of ${zone.name} answered`;
    return { ...base, kind: 'timeout', timeoutMs, detail };
  }
  const withRcode = readings.find((r) => r.kind === 'lame' && r.rcode !== undefined);
  if (withRcode?.kind === 'lame' && withRcode.rcode) {
    return {
      ...base,
      kind: 'server_failure',
      rcode: withRcode.rcode.name,
      rcodeValue: withRcode.rcode.value,
    };
  }
  if (readings.some((r) => r.kind === 'lame' && r.reason === 'no_aa')) {
    return { ...base, kind: 'server_failure', rcode: 'NOERROR', rcodeValue: 0 };
  }
  if (readings.some((r) => r.kind === 'lame' && r.reason === 'malformed')) {
    return {
      ...base,
      kind: 'malformed',
      reason: `no server of ${zone.name || '.'} sent a readable answer`,
    };
  }
  const reasons = failed.views.map((v) => `${v.server} ${v.lameReason}`).join(', ');
  return {
    ...base,
    kind: 'network_error',
    reason: `no server of ${zone.name || '.'} could be reached (${reasons})`,
  };
}
