/**
 * `runPreflight`: the whole check of a provisioning request — offline rules, live DNS, and the
 * optional probe — as one Report (INTERFACE "Report", `schemaVersion: 1`). Nothing rejects on bad
 * input or a bad network; only invalid options (a name server that is not an IP literal…) throw.
 * The plan is in `plan.ts`, scheduling and the deadline in `schedule.ts`, the live checks' merge in
 * `assemble.ts`; the checks themselves in `../live/`.
 */

import type { Check, Report } from '../../core/report/report-types.js';
import { checkStatus, summarize } from '../../core/report/status.js';
import { checkPreflightRequest, type RequestForm } from '../../core/request/request.js';
import { type Issue, makeIssue } from '../../core/result.js';
import { TOOL_NAME, VERSION } from '../../core/version.js';
import { clampDelay, onAbort } from '../abort.js';
import type { PlannedZoneInput } from '../dns/planned-source.js';
import { createLiveContext, defaultQueryBudget, type LiveContext } from '../live/context.js';
import { checkDomainWith } from '../live/domain.js';
import type { LiveOptions } from '../live/options.js';
import { resolverFor } from '../live/sources.js';
import { checkEdge } from '../live/target-check.js';
import type { ProbeOptions, ProbeTarget } from '../probe/probe-edges.js';
import { assembleLive, type LiveResults, probeTargetsFrom } from './assemble.js';
import { jsonSafe, type Plan, planFrom } from './plan.js';
import { raceDeadline, runScheduled } from './schedule.js';
import { markSkipped, planZones } from './zones.js';

export { probeTargetsFrom };

/** Options of {@link runPreflight}. */
export interface PreflightOptions extends LiveOptions {
  /** Also probe each selected SRV target (TCP connect, TLS, certificate; RULES §9). @default false */
  probe?: boolean;
  /** Only the offline rules: the report then holds the `request` check alone. @default false */
  offline?: boolean;
  /**
   * Bound of the whole run in milliseconds: unfinished lookups become `dns.deadline_exceeded`
   * (inconclusive) and the report is returned shortly after. @default 30000
   */
  deadlineMs?: number;
  /** Lookups (and probes) in flight at once. @default 16 */
  concurrency?: number;
  /** Called as each SIP domain and Access Edge is finished: `done` of `total`. */
  onProgress?: (done: number, total: number) => void;
  /** Passed to the prober (`ca`, `connectTo`, `timeoutMs`, `now`…). */
  probeOptions?: Omit<ProbeOptions, 'signal'>;
  /**
   * Planned zones (RULES §11): names inside them are answered from the plan (`source: 'planned'`),
   * the rest live — or `skipped` with `offline`, which then sends nothing. Each adds a `zone` check.
   */
  zones?: PlannedZoneInput[];
  /**
   * How to read the request: `'auto'` takes an object without PIC-only fields as a federation-only
   * target (RULES §6), `'pic'` always as the PIC form (the command's `--request FILE`). @default 'auto'
   */
  requestForm?: RequestForm;
}

/** The defaults of {@link runPreflight}. */
export const PREFLIGHT_DEFAULTS = Object.freeze({ deadlineMs: 30_000, concurrency: 16 });

/** Past the deadline, the run waits at most this long for work that ignores the abort. */
const DEADLINE_GRACE_MS = 100;

/** SIP domains (and edges) in progress per lookup slot: enough to keep every slot busy. */
const ITEMS_PER_SLOT = 4;

const ms = (start: number) => Math.round(performance.now() - start);

/**
 * Runs the whole preflight: the offline request rules, then (unless `offline`) the live DNS checks
 * of every SIP domain and Access Edge FQDN, then (with `probe`) the Edge probes, and returns the Report.
 *
 * - The `request` check holds the request issues and, once, `pic.provisioning_site_retired` (info).
 * - When the request has errors, the live checks still run for each SIP domain and Access Edge FQDN
 *   that is valid on its own; the others are not asked about.
 * - `offline: true` → the report holds the `request` check alone (live checks are omitted, not `skipped`).
 * - Independent lookups run concurrently (`concurrency`), identical ones are asked once per run, at
 *   most `queryBudget` are sent, and the whole run ends by `deadlineMs` plus a small constant, at
 *   any size (unfinished work → `dns.deadline_exceeded`, inconclusive).
 * - Related records (`dns.related_record`) only with `related: true`: the verdict needs three
 *   questions per SIP domain (SRV, A, AAAA), related records add four.
 *
 * @param request - the provisioning request (RULES §6), any JSON value.
 * @param options - resolver options (`nameservers` @default system, `timeoutMs` @default 3000,
 *   `attempts` @default 2) or a `resolver`; `resolution`, `rootServers`, `dohUrl`, `ca`,
 *   `compareRecursive` (RULES §10); `probe` (@default false), `offline` (@default false),
 *   `deadlineMs` (@default 30000), `concurrency` (@default 16), `related` (@default false),
 *   `queryBudget` (@default 20 × (SIP domains + edges) + 1000), `onProgress`, `probeOptions`.
 * @returns the {@link Report}: checks `request`, `srv`, `srv-target`, `edge`, `related` (on
 *   request), and `tcp`, `tls` with `probe`, with the codes of RULES §6–10.
 * @throws TypeError / RangeError only for invalid options (configuration errors).
 * @example
 * const report = await runPreflight(
 *   { agreementNumber: 'V1234567', accessEdgeFqdn: 'sip.contoso.com', sipDomains: ['contoso.com'] },
 *   { nameservers: ['127.0.0.1:5353'], deadlineMs: 10_000 },
 * );
 * console.log(report.summary.status);
 */
export async function runPreflight(request: unknown, given?: PreflightOptions | null): Promise<Report> {
  const options: PreflightOptions = given ?? {};
  const startedAt = new Date();
  const t0 = performance.now();
  const deadlineMs = clampDelay(options.deadlineMs ?? PREFLIGHT_DEFAULTS.deadlineMs);
  const concurrency = options.concurrency ?? PREFLIGHT_DEFAULTS.concurrency;
  if (!(deadlineMs > 0)) throw new RangeError(`deadlineMs must be positive, got ${deadlineMs}`);
  if (!(concurrency >= 1)) throw new RangeError(`concurrency must be ≥ 1, got ${concurrency}`);

  const validated = checkPreflightRequest(request, { form: options.requestForm ?? 'auto' });
  const requestIssues: Issue[] = [...validated.issues, makeIssue('pic.provisioning_site_retired', [])];
  const checks: Check[] = [
    {
      id: 'request',
      subject: 'request',
      status: checkStatus(requestIssues),
      issues: requestIssues,
      durationMs: ms(t0),
    },
  ];
  const echoed = validated.ok ? validated.value : jsonSafe(request);
  const report = (): Report => ({
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    startedAt: startedAt.toISOString(),
    durationMs: ms(t0),
    // The normalised request; an invalid one as received, made JSON-safe (BigInt, cycles).
    request: echoed,
    summary: summarize(checks),
    checks,
  });
  // Planned zones (RULES §11): answered from the plan, the rest by the live view (none offline).
  const live = options.offline ? undefined : resolverFor(options);
  const zoned =
    Array.isArray(options.zones) && options.zones.length > 0
      ? planZones(options.zones, live?.resolver)
      : undefined;
  if (zoned) for (const check of zoned.checks) checks.push(check);
  if (options.offline && !zoned) return report();

  const plan = planFrom(request, validated);
  const controller = new AbortController();
  // The deadline counts from the call, the offline rules included.
  const deadline = setTimeout(() => controller.abort(), Math.max(0, deadlineMs - ms(t0)));
  const stopOuter = options.signal ? onAbort(options.signal, () => controller.abort()) : () => {};
  const { signal } = controller;
  try {
    const context = createLiveContext({
      ...options,
      ...(zoned
        ? { resolver: zoned.resolver, ...(live?.compare ? { compareResolver: live.compare } : {}) }
        : {}),
      queryBudget: options.queryBudget ?? defaultQueryBudget(plan.domains.length + plan.edges.length),
      signal,
      deadlineMs,
      concurrency,
    });
    const results = await runLive(context, plan, options, signal, concurrency);
    assembleLive(plan, results, deadlineMs, checks);
    if (options.probe && !options.offline && !signal.aborted) {
      const done = results.domains.filter((r) => r !== undefined);
      const targets = probeTargetsFrom(done);
      if (targets.length > 0)
        for (const check of await runProbe(targets, options, signal, concurrency)) checks.push(check);
    }
    if (zoned) markSkipped(checks);
    return report();
  } finally {
    clearTimeout(deadline);
    stopOuter();
  }
}

/** The live checks of every planned SIP domain and edge, scheduled and bounded by the deadline. */
async function runLive(
  context: LiveContext,
  plan: Plan,
  options: PreflightOptions,
  signal: AbortSignal,
  concurrency: number,
): Promise<LiveResults> {
  const edgeFqdns = plan.edges.map((edge) => edge.fqdn);
  const count = plan.domains.length;
  const total = count + plan.edges.length;
  // Plain arrays filled by index: whatever the deadline cut off stays undefined.
  const results: LiveResults = { domains: new Array(count), edges: new Array(plan.edges.length) };
  let done = 0;
  const progress = () => {
    done++;
    try {
      options.onProgress?.(done, total);
    } catch {
      // a progress callback must not break the run
    }
  };
  // Edges first: few, and every target is compared with them.
  const edges = plan.edges.length;
  const work = runScheduled(total, concurrency * ITEMS_PER_SLOT, signal, async (index) => {
    if (index < edges) results.edges[index] = await checkEdge(context, plan.edges[index]!);
    else
      results.domains[index - edges] = await checkDomainWith(
        context,
        plan.domains[index - edges]!,
        edgeFqdns,
      );
    progress();
  });
  await raceDeadline(work, signal, DEADLINE_GRACE_MS, () => undefined);
  return results;
}

/** Loads the prober only when asked (keeps node:tls out of the DNS path) and bounds it by the deadline. */
async function runProbe(
  targets: ProbeTarget[],
  options: PreflightOptions,
  signal: AbortSignal,
  concurrency: number,
): Promise<Check[]> {
  const start = performance.now();
  const failed = (reason: string): Check[] => [
    {
      id: 'tcp',
      subject: targets.map((t) => `${t.target}:${t.port}`).join(', '),
      status: 'skipped',
      issues: [],
      evidence: { reason },
      durationMs: ms(start),
    },
  ];
  try {
    const { probeEdges } = await import('../probe/probe-edges.js');
    const probeOptions: ProbeOptions = {
      timeoutMs: options.probeOptions?.timeoutMs ?? options.timeoutMs ?? 5000,
      concurrency: options.probeOptions?.concurrency ?? Math.min(concurrency, 8),
      // `ca` (INTERFACE) is extra trust for DoH and the probe alike.
      ...(options.ca !== undefined ? { ca: [String(options.ca)] } : {}),
      ...options.probeOptions,
      signal,
    };
    return await raceDeadline(probeEdges(targets, probeOptions), signal, DEADLINE_GRACE_MS, () =>
      failed('the deadline passed before the probes finished'),
    );
  } catch (error) {
    return failed(`the probe could not run: ${(error as Error).message}`);
  }
}
