/** The live checks of one SIP domain with a per-run context: `srv`, each `srv-target`, `related`. */
import type { SrvRecord } from '../../core/federation/federation.js';
import { isMicrosoftOnlineEdge } from '../../core/federation/microsoft-online.js';
import { comparableName } from '../../core/names.js';
import type { Check } from '../../core/report/report-types.js';
import { checkStatus } from '../../core/report/status.js';
import type { LiveContext } from './context.js';
import type { DomainReport, TargetReport } from './options.js';
import { checkRelated } from './related.js';
import { checkSrv } from './srv-check.js';
import { checkTarget } from './target-check.js';

const ORDER: Check['status'][] = ['skipped', 'pass', 'warn', 'inconclusive', 'fail'];

/** The worst status among checks. */
export function worstStatus(checks: readonly Check[]): Check['status'] {
  let status: Check['status'] = 'skipped';
  for (const check of checks) if (ORDER.indexOf(check.status) > ORDER.indexOf(status)) status = check.status;
  return status;
}

/** Every distinct real target, the selected one first; Microsoft 365 edges are Microsoft's business. */
function targetsToCheck(records: readonly SrvRecord[], selected: SrvRecord | undefined): SrvRecord[] {
  const distinct = new Map<string, SrvRecord>();
  if (selected && selected.target !== '') distinct.set(selected.target, selected);
  for (const record of records)
    if (record.target !== '' && !distinct.has(record.target)) distinct.set(record.target, record);
  return [...distinct.values()].filter((record) => !isMicrosoftOnlineEdge(record.target));
}

/**
 * A target only some servers name (RULES §10): its issues name those servers, and when it fails a
 * rule, the servers' disagreement is an error (partners fail at random).
 */
function markOnlySome(srv: Check, target: Check, servers: readonly string[]): void {
  const named = servers.join(', ');
  target.evidence = { ...target.evidence, servers: [...servers] };
  for (const issue of target.issues)
    if (!issue.inconclusive) issue.params = { ...issue.params, servers: named };
  if (target.status !== 'fail') return;
  for (const issue of srv.issues) if (issue.code === 'dns.inconsistent_servers') issue.severity = 'error';
  srv.status = checkStatus(srv.issues);
}

/**
 * The live checks of one SIP domain, with a given per-run context. Used by `runPreflight`; most
 * callers want `checkDomainFederation`.
 */
export async function checkDomainWith(
  context: LiveContext,
  sipDomain: string,
  accessEdgeFqdns: readonly string[] = [],
): Promise<DomainReport> {
  const domain = comparableName(sipDomain);
  const relatedPending = context.related ? checkRelated(context, domain) : undefined;
  const srv = await checkSrv(context, domain, accessEdgeFqdns);
  const [results, others] = await Promise.all([
    Promise.all(
      targetsToCheck(srv.records, srv.selected).map((record) =>
        checkTarget(context, domain, record, record === srv.selected),
      ),
    ),
    Promise.all(
      srv.otherTargets
        .filter(({ record }) => !isMicrosoftOnlineEdge(record.target))
        .map(async ({ record, servers }) => ({
          servers,
          ...(await checkTarget(context, domain, record, false)),
        })),
    ),
  ]);
  const checks: Check[] = [srv.check];
  const targets: TargetReport[] = [];
  for (const result of results) {
    checks.push(result.check);
    targets.push(result.target);
  }
  for (const other of others) {
    markOnlySome(srv.check, other.check, other.servers);
    checks.push(other.check);
  }
  if (relatedPending) checks.push(await relatedPending);
  return {
    domain,
    status: worstStatus(checks),
    records: srv.records,
    ...(srv.selected ? { selected: srv.selected } : {}),
    targets,
    checks,
  };
}
