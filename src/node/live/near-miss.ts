/**
 * RULES §8 `srv.near_miss`: when the federation SRV record is missing, look for it at the names
 * people put it by mistake. A near-miss name answered only by a wildcard is not a near miss
 * (`dns.wildcard_answer` instead).
 */

import { FEDERATION_SRV_PREFIX, formatSrvRecord } from '../../core/federation/federation.js';
import { type Issue, makeIssue } from '../../core/result.js';
import type { SrvAnswer } from '../dns/types.js';
import type { LiveContext } from './context.js';
import { wildcardIssue, wildcardOf } from './wildcard.js';

/** The near-miss owner names for a domain (RULES §8). */
export function nearMissNames(domain: string): string[] {
  return [
    `_sipfederationtls.tcp.${domain}`,
    `${FEDERATION_SRV_PREFIX}.${domain}.${domain}`,
    `sipfederationtls._tcp.${domain}`,
    `_sipfederationtls._udp.${domain}`,
  ];
}

/** An SRV answer as zone-file data, `0 0 5061 sip.contoso.com.`. */
export const srvText = (r: SrvAnswer): string => formatSrvRecord(r);

/**
 * The near misses of `domain`. `expected` is where the record belongs (the owner, or the end of
 * its CNAME chain); `suggested` the in-domain target the record should name.
 */
export async function nearMisses(
  context: LiveContext,
  domain: string,
  expected: string,
  suggested: string,
): Promise<{ issues: Issue[]; found: Record<string, string[]> }> {
  const outcomes = await Promise.all(nearMissNames(domain).map((name) => context.lookup(name, 'SRV')));
  const issues: Issue[] = [];
  const found: Record<string, string[]> = {};
  await Promise.all(
    outcomes.map(async (outcome) => {
      if (outcome.kind !== 'answer') return;
      const srv = outcome.records.filter((r): r is SrvAnswer => r.type === 'SRV');
      if (srv.length === 0) return;
      const wildcard = await wildcardOf(context, outcome.name, 'SRV', srv);
      if (wildcard) {
        issues.push(wildcardIssue(outcome.name, wildcard));
        return;
      }
      const texts = srv.map(srvText);
      found[outcome.name] = texts;
      issues.push(
        makeIssue('srv.near_miss', [], {
          params: { domain, name: outcome.name, expected, records: texts.join('; '), suggested },
        }),
      );
    }),
  );
  // Table order, whatever order the lookups finished in.
  const order = nearMissNames(domain);
  const rank = (issue: Issue) => order.indexOf(String(issue.params?.name));
  issues.sort((a, b) => rank(a) - rank(b));
  return { issues, found };
}
