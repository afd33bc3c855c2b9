/**
 * RULES §8/§10: what a lookup outcome says as an issue. "We could not ask" outcomes become the
 * inconclusive codes; a CNAME loop is a verdict (`dns.cname_loop`, E); answers, NXDOMAIN and NODATA
 * are verdicts the checks read themselves (undefined here).
 */
import { type Issue, makeIssue } from '../../core/result.js';
import { MAX_CNAME_LINKS } from '../dns/recursive-reading.js';
import type { LookupOutcome } from '../dns/types.js';

export { MAX_CNAME_LINKS };

/** True for outcomes that are a verdict on the name: an answer, NXDOMAIN or NODATA. */
export function isVerdict(
  outcome: LookupOutcome,
): outcome is Extract<LookupOutcome, { kind: 'answer' | 'nxdomain' | 'nodata' }> {
  return outcome.kind === 'answer' || outcome.kind === 'nxdomain' || outcome.kind === 'nodata';
}

/** The issue for an outcome that is not an answer, NXDOMAIN or NODATA; undefined for those. */
export function lookupIssue(
  outcome: LookupOutcome,
  context: { deadlineMs?: number },
  path: (string | number)[] = [],
): Issue | undefined {
  // A failure at the end of a CNAME chain names the question that failed: the chain's end.
  const end = outcome.kind === 'cname_loop' ? undefined : outcome.aliases?.at(-1)?.target;
  const where = { name: end ?? outcome.name, type: outcome.type };
  const server: { server?: string } = outcome.server ? { server: outcome.server } : {};
  switch (outcome.kind) {
    case 'timeout':
      if (outcome.aborted) {
        return makeIssue('dns.deadline_exceeded', path, {
          params: {
            ...where,
            ...(context.deadlineMs !== undefined ? { deadlineMs: context.deadlineMs } : {}),
          },
        });
      }
      return makeIssue('dns.timeout', path, {
        params: { ...where, timeoutMs: outcome.timeoutMs, ...server },
      });
    case 'server_failure': {
      // DoH (RULES §10): an HTTP status other than 200 is a server failure, the status in params.
      const { httpStatus } = outcome;
      return makeIssue('dns.server_failure', path, {
        params: {
          ...where,
          rcode: outcome.rcode,
          ...(httpStatus !== undefined ? { httpStatus } : {}),
          ...server,
        },
      });
    }
    case 'network_error':
      return makeIssue('dns.network_error', path, {
        params: { ...where, reason: outcome.reason, ...server },
      });
    case 'malformed':
      return makeIssue('dns.malformed_response', path, {
        params: { ...where, reason: outcome.reason, ...server },
      });
    case 'referral':
      return makeIssue('dns.referral', path, {
        params: { ...where, zone: outcome.zone, nameservers: outcome.nameservers.join(', '), ...server },
      });
    case 'cname_loop':
      return makeIssue('dns.cname_loop', path, {
        params: {
          ...where,
          max: MAX_CNAME_LINKS,
          chain: outcome.aliases.map((alias) => `${alias.name} → ${alias.target}`).join(', '),
        },
      });
    case 'resolution_limit':
      return makeIssue('dns.resolution_limit', path, {
        params: { ...where, limit: outcome.limit, ...(outcome.detail ? { detail: outcome.detail } : {}) },
      });
    case 'skipped': // planned zones, offline (RULES §11): not asked
      return makeIssue('dns.skipped', path, { params: { ...where, reason: outcome.reason } });
    default:
      return undefined;
  }
}
