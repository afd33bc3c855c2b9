/**
 * RULES §8 `dns.related_record` (I): `_sip._tls.D` SRV, `sip.D`, `lyncdiscover.D`, for context.
 * Asked on request only (`related: true`): they cost as many questions again as the verdict.
 */
import type { Check } from '../../core/report/report-types.js';
import { checkStatus } from '../../core/report/status.js';
import { type Issue, makeIssue } from '../../core/result.js';
import { addressesOf, hostAddresses } from './addresses.js';
import type { LiveContext } from './context.js';
import { lookupIssue } from './lookup-issue.js';
import { srvText } from './near-miss.js';

/** The `related` check of a domain. */
export async function checkRelated(context: LiveContext, domain: string): Promise<Check> {
  const start = performance.now();
  const sipTls = `_sip._tls.${domain}`;
  const [srv, sip, discover] = await Promise.all([
    context.lookup(sipTls, 'SRV'),
    hostAddresses(context, `sip.${domain}`),
    context.lookup(`lyncdiscover.${domain}`, 'A'),
  ]);
  const issues: Issue[] = [];
  const found: Record<string, unknown> = {};
  const related = (name: string, type: string, data: string) => {
    issues.push(makeIssue('dns.related_record', [], { params: { name, type, data } }));
    found[`${name} ${type}`] = data;
  };
  if (srv.kind === 'answer') {
    // MS-DNS: `_sip._tls.<domain>` SRV, port 443, for remote user access (not federation).
    for (const record of srv.records) if (record.type === 'SRV') related(sipTls, 'SRV', srvText(record));
  }
  if (sip.addresses.length > 0) related(`sip.${domain}`, 'A/AAAA', sip.addresses.join(', '));
  if (discover.kind === 'answer' || discover.kind === 'nodata') {
    const alias = discover.aliases[0];
    if (alias) related(`lyncdiscover.${domain}`, 'CNAME', alias.target);
    else if (discover.kind === 'answer')
      related(`lyncdiscover.${domain}`, 'A', addressesOf(discover).join(', '));
  }
  for (const outcome of [srv, discover]) {
    const problem = lookupIssue(outcome, context);
    if (problem) issues.push(problem);
  }
  issues.push(...sip.problems);
  return {
    id: 'related',
    subject: domain,
    status: checkStatus(issues),
    issues,
    evidence: { records: found },
    durationMs: Math.round(performance.now() - start),
  };
}
