// RULES §8/§10: every lookup outcome kind → its issue (code, severity, inconclusive flag, params).
import { describe, expect, test } from 'vitest';
import type { LookupOutcome } from '../dns/types.js';
import { isVerdict, lookupIssue } from './lookup-issue.js';

const at = { name: 'x.com', type: 'SRV' as const };
const rows: [string, LookupOutcome, string, 'warning' | 'error', boolean, Record<string, unknown>][] = [
  ['timeout', { ...at, kind: 'timeout', timeoutMs: 150 }, 'dns.timeout', 'warning', true, { timeoutMs: 150 }],
  [
    'aborted by the deadline',
    { ...at, kind: 'timeout', timeoutMs: 0, aborted: true },
    'dns.deadline_exceeded',
    'warning',
    true,
    { deadlineMs: 900 },
  ],
  [
    'SERVFAIL',
    { ...at, kind: 'server_failure', rcode: 'SERVFAIL', rcodeValue: 2 },
    'dns.server_failure',
    'warning',
    true,
    { rcode: 'SERVFAIL' },
  ],
  [
    'DoH HTTP 503',
    { ...at, kind: 'server_failure', rcode: 'HTTP 503', rcodeValue: 2, httpStatus: 503 } as LookupOutcome,
    'dns.server_failure',
    'warning',
    true,
    { httpStatus: 503 },
  ],
  [
    'network error',
    { ...at, kind: 'network_error', reason: 'ECONNREFUSED' },
    'dns.network_error',
    'warning',
    true,
    { reason: 'ECONNREFUSED' },
  ],
  [
    'truncated on every transport',
    { ...at, kind: 'malformed', reason: 'truncated on every transport' },
    'dns.malformed_response',
    'warning',
    true,
    { reason: 'truncated on every transport' },
  ],
  [
    'referral',
    { ...at, kind: 'referral', zone: 'x.com', nameservers: ['ns1.x.com', 'ns2.x.com'] },
    'dns.referral',
    'warning',
    true,
    { zone: 'x.com', nameservers: 'ns1.x.com, ns2.x.com' },
  ],
  [
    'resolution limit',
    { ...at, kind: 'resolution_limit', limit: 'glueless_cycle' },
    'dns.resolution_limit',
    'warning',
    true,
    { limit: 'glueless_cycle' },
  ],
  [
    'CNAME loop',
    {
      ...at,
      kind: 'cname_loop',
      aliases: [
        { type: 'CNAME', name: 'x.com', ttl: 1, target: 'y.com' },
        { type: 'CNAME', name: 'y.com', ttl: 1, target: 'x.com' },
      ],
    },
    'dns.cname_loop',
    'error',
    false,
    { max: 8, chain: 'x.com → y.com, y.com → x.com' },
  ],
];

describe('lookupIssue: outcome → issue', () => {
  test.each(rows)('%s → %s', (_label, outcome, code, severity, inconclusive, params) => {
    const issue = lookupIssue(outcome, { deadlineMs: 900 });
    expect(issue).toMatchObject({ code, severity, params });
    expect(issue?.inconclusive).toBe(inconclusive ? true : undefined);
    expect(isVerdict(outcome)).toBe(false);
  });

  test.each([
    { ...at, kind: 'answer', records: [], aliases: [] },
    { ...at, kind: 'nxdomain', rcode: 'NXDOMAIN', aliases: [] },
    { ...at, kind: 'nodata', rcode: 'NOERROR', aliases: [] },
  ] as LookupOutcome[])('$kind is a verdict the checks read: no issue', (outcome) => {
    expect(lookupIssue(outcome, {})).toBeUndefined();
    expect(isVerdict(outcome)).toBe(true);
  });
});
