/** Check status and report summary, from issues (INTERFACE "Report"). Shared by dns, probe and cli. */
import { isInconclusiveCode } from '../issues/issue-codes.js';
import type { Issue } from '../result.js';
import type { Check, CheckStatus, ReportSummary } from './report-types.js';

/**
 * A check's status from its issues: `fail` if any error, else `inconclusive` if any issue means
 * "we could not ask" (`dns.timeout`, `dns.deadline_exceeded`…), else `warn` if any warning, else `pass`.
 */
export function checkStatus(issues: readonly Issue[]): Exclude<CheckStatus, 'skipped'> {
  let status: Exclude<CheckStatus, 'skipped'> = 'pass';
  for (const issue of issues) {
    if (issue.severity === 'error') return 'fail';
    if (isInconclusiveCode(issue.code)) status = 'inconclusive';
    else if (issue.severity === 'warning' && status === 'pass') status = 'warn';
  }
  return status;
}

/**
 * The report summary (INTERFACE): `fail` if any error, else `inconclusive` if any check is, else
 * `warn` if any warning, else `pass`. `warnings` counts warnings that are not "could not ask" issues
 * (those are counted by `inconclusive`, the number of inconclusive checks).
 */
export function summarize(checks: readonly Check[]): ReportSummary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let inconclusive = 0;
  for (const check of checks) {
    if (check.status === 'inconclusive') inconclusive++;
    for (const issue of check.issues) {
      if (issue.severity === 'error') errors++;
      else if (issue.severity === 'info') infos++;
      else if (!isInconclusiveCode(issue.code)) warnings++;
    }
  }
  const status = errors > 0 ? 'fail' : inconclusive > 0 ? 'inconclusive' : warnings > 0 ? 'warn' : 'pass';
  return { status, errors, warnings, infos, inconclusive };
}
