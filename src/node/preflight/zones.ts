/**
 * Planned zones in a preflight run (RULES §11): the `zone` checks (each zone file's own issues)
 * and the resolver that answers from the plans before asking live DNS (or nothing, offline).
 */
import type { Check } from '../../core/report/report-types.js';
import { checkStatus } from '../../core/report/status.js';
import type { Issue } from '../../core/result.js';
import {
  createPlannedResolver,
  type PlannedResolver,
  type PlannedZone,
  type PlannedZoneInput,
  readPlannedZones,
} from '../dns/planned-source.js';
import type { Resolver } from '../dns/types.js';

/** The `zone` check of one planned zone: subject is its origin, else its file name. */
export function zoneCheck(zone: PlannedZone, durationMs = 0): Check {
  const issues: Issue[] = zone.issues;
  return {
    id: 'zone',
    subject: zone.origin ?? zone.fileName ?? 'zone',
    status: checkStatus(issues),
    issues,
    evidence: {
      source: 'planned',
      ...(zone.fileName !== undefined ? { file: zone.fileName } : {}),
      ...(zone.origin !== undefined ? { origin: zone.origin } : {}),
      records: zone.records.length,
    },
    durationMs,
  };
}

/**
 * Reads the planned zones of a run: their `zone` checks, and a resolver that answers from them and
 * asks `fallback` (live) for the rest — or, with no fallback (offline), says `skipped`.
 */
export function planZones(
  inputs: readonly PlannedZoneInput[],
  fallback: Resolver | undefined,
): { checks: Check[]; resolver: PlannedResolver } {
  const start = performance.now();
  const zones = readPlannedZones(inputs);
  const durationMs = Math.round(performance.now() - start);
  const resolver = createPlannedResolver(fallback ? { zones, fallback } : { zones });
  return { checks: zones.map((zone) => zoneCheck(zone, durationMs)), resolver };
}

/**
 * Checks whose lookups were all skipped (offline, outside the plans) get the status `skipped`:
 * their only issues are `dns.skipped` and infos.
 */
export function markSkipped(checks: Check[]): void {
  for (const check of checks) {
    if (!check.issues.some((issue) => issue.code === 'dns.skipped')) continue;
    if (check.issues.every((issue) => issue.severity === 'info')) check.status = 'skipped';
  }
}
