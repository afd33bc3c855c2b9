/**
 * Planned zones in a preflight run (RULES §11): the `zone` checks (each zone file's own issues)
 * and the resolver that answers from the plans before asking live DNS (or nothing, offline).
 */
import { FEDERATION_SRV_PREFIX } from '../../core/federation/federation.js';
import type { Check, Report } from '../../core/report/report-types.js';
import { checkStatus, summarize } from '../../core/report/status.js';
import { type Issue, makeIssue } from '../../core/result.js';
import { TOOL_NAME, VERSION } from '../../core/version.js';
import {
  createPlannedResolver,
  type PlannedResolver,
  type PlannedZone,
  type PlannedZoneInput,
  readPlannedZones,
} from '../dns/planned-source.js';
import type { Resolver } from '../dns/types.js';
import { checkDomainWith, createLiveContext } from '../live/live.js';

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

/** SIP domains {@link lintPlannedZones} checks at most (a hostile zone may hold a million). */
export const MAX_LINT_DOMAINS = 1000;

/** Options of {@link lintPlannedZones}. */
export interface LintZonesOptions {
  /** SIP domains to check besides those found in the zones (`_sipfederationtls._tcp.D` owners). */
  domains?: string[];
  /** Declared Access Edge FQDNs (`srv.target_not_declared_edge`). @default [] */
  accessEdgeFqdns?: string[];
}

/** The SIP domains whose federation SRV owner `_sipfederationtls._tcp.D` is in the zones, in file order. */
export function sipDomainsInZones(zones: readonly PlannedZone[]): string[] {
  const domains: string[] = [];
  const seen = new Set<string>();
  const prefix = `${FEDERATION_SRV_PREFIX}.`;
  for (const zone of zones) {
    for (const record of zone.records) {
      if (!record.name.startsWith(prefix)) continue;
      let domain = record.name.slice(prefix.length);
      // An owner that lost its trailing dot (`_sipfederationtls._tcp.contoso.com` in contoso.com
      // becomes …contoso.com.contoso.com): the SIP domain meant is the first part (the check then
      // reports srv.missing with the near miss).
      const origin = zone.origin;
      if (origin !== undefined && domain.endsWith(`.${origin}`)) {
        const meant = domain.slice(0, -(origin.length + 1));
        if (meant === origin || meant.endsWith(`.${origin}`)) domain = meant;
      }
      if (domain !== '' && !seen.has(domain)) {
        seen.add(domain);
        domains.push(domain);
      }
    }
  }
  return domains;
}

/**
 * Lints planned zones offline (RULES §11, §7, the offline parts of §8): each zone's own issues as a
 * `zone` check, then for each SIP domain found in them (or given) the `srv`, `srv-target` and
 * `related` checks answered from the plans. Nothing is sent over the network: names outside the
 * plans are `skipped`.
 *
 * @returns a report (`schemaVersion: 1`) whose `request` holds the files and the SIP domains
 * @example
 * const report = await lintPlannedZones([{ text, fileName: 'contoso.com.zone' }]);
 * report.summary.status; // 'fail' when a target lost its trailing dot
 */
export async function lintPlannedZones(
  inputs: readonly PlannedZoneInput[],
  options: LintZonesOptions = {},
): Promise<Report> {
  const startedAt = new Date();
  const t0 = performance.now();
  const { checks, resolver } = planZones(inputs, undefined);
  const domains = sipDomainsInZones(resolver.zones);
  for (const given of options.domains ?? []) {
    const domain = given.toLowerCase().replace(/\.$/, '');
    if (!domains.includes(domain)) domains.push(domain);
  }
  if (domains.length > MAX_LINT_DOMAINS) {
    const first = checks[0];
    const note = makeIssue('zone.too_many_domains', [], {
      params: { found: domains.length, max: MAX_LINT_DOMAINS },
    });
    if (first) {
      first.issues.push(note);
      first.status = checkStatus(first.issues);
    }
    domains.length = MAX_LINT_DOMAINS;
  }
  const context = createLiveContext({ resolver });
  const results = await Promise.all(
    domains.map((domain) => checkDomainWith(context, domain, options.accessEdgeFqdns ?? [])),
  );
  for (const result of results) checks.push(...result.checks);
  markSkipped(checks);
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    request: {
      zones: resolver.zones.map((zone) => zone.fileName ?? zone.origin ?? 'zone'),
      sipDomains: domains,
    },
    summary: summarize(checks),
    checks,
  };
}
