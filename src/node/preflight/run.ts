/**
 * `runPreflight`: the whole check of a provisioning request — offline rules, live DNS, and the
 * optional probe — as one Report (INTERFACE "Report", `schemaVersion: 1`). Nothing rejects on bad
 * input or a bad network; only invalid options (a name server that is not an IP literal…) throw.
 */

import { isMicrosoftOnlineEdge } from '../../core/federation/microsoft-online.js';
import { checkFqdn } from '../../core/fqdn/fqdn.js';
import { isPlainObject } from '../../core/object-input.js';
import type { Check, Report } from '../../core/report/report-types.js';
import { checkStatus, summarize } from '../../core/report/status.js';
import { checkPreflightRequest, type RequestForm } from '../../core/request/request.js';
import { type Issue, makeIssue } from '../../core/result.js';
import { checkSipDomain } from '../../core/sip-domain/sip-domain.js';
import { TOOL_NAME, VERSION } from '../../core/version.js';
import { clampDelay, onAbort } from '../abort.js';
import {
  addressClassIssue,
  checkDomainWith,
  createLiveContext,
  type DomainReport,
  type HostAddresses,
  hostAddresses,
  type LiveContext,
  type LiveOptions,
} from '../live/live.js';
import type { ProbeOptions, ProbeTarget } from '../probe/probe-edges.js';

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
   * How to read the request: `'auto'` takes an object without PIC-only fields as a federation-only
   * target (RULES §6), `'pic'` always as the PIC form (the command's `--request FILE`). @default 'auto'
   */
  requestForm?: RequestForm;
}

/** The defaults of {@link runPreflight}. */
export const PREFLIGHT_DEFAULTS = Object.freeze({ deadlineMs: 30_000, concurrency: 16 });

/** Past the deadline, the run waits at most this long for work that ignores the abort. */
const DEADLINE_GRACE_MS = 100;

interface Plan {
  /** SIP domains to check, in request order. */
  domains: string[];
  /** Access Edge FQDNs with the SIP domains they serve. */
  edges: { fqdn: string; domains: string[] }[];
}

/**
 * What to check live. A valid request is already normalised and checked (RULES §6: one edge per SIP
 * domain, no Microsoft 365 edge), so it is the plan as it stands. From an invalid one, every SIP
 * domain and Access Edge FQDN that is valid on its own (the rest cannot be asked about).
 */
function planFrom(raw: unknown, valid: ReturnType<typeof checkPreflightRequest>): Plan {
  if (valid.ok) {
    // A federation-only target may have no edge (RULES §6): its domains are still checked.
    const { accessEdgeFqdn = '', sipDomains } = valid.value;
    const additional = 'additionalAccessEdges' in valid.value ? valid.value.additionalAccessEdges : [];
    const edges = [{ fqdn: accessEdgeFqdn, sipDomains }, ...additional].map((edge) => ({
      fqdn: edge.fqdn,
      domains: [...(edge.sipDomains ?? [])],
    }));
    return {
      domains: edges.flatMap((edge) => edge.domains),
      edges: edges.filter((edge) => edge.fqdn !== ''),
    };
  }
  const plan: Plan = { domains: [], edges: [] };
  const addEdge = (fqdnInput: unknown, domainsInput: unknown) => {
    const domains: string[] = [];
    if (Array.isArray(domainsInput)) {
      for (const input of domainsInput) {
        const domain = checkSipDomain(input);
        if (domain.ok && !plan.domains.includes(domain.value)) {
          plan.domains.push(domain.value);
          domains.push(domain.value);
        }
      }
    }
    const fqdn = checkFqdn(fqdnInput);
    if (fqdn.ok && !isMicrosoftOnlineEdge(fqdn.value) && !plan.edges.some((e) => e.fqdn === fqdn.value)) {
      plan.edges.push({ fqdn: fqdn.value, domains });
    }
  };
  if (isPlainObject(raw)) {
    addEdge(raw.accessEdgeFqdn, raw.sipDomains);
    if (Array.isArray(raw.additionalAccessEdges)) {
      for (const edge of raw.additionalAccessEdges) {
        if (isPlainObject(edge)) addEdge(edge.fqdn, edge.sipDomains);
      }
    }
  }
  return plan;
}

const ms = (start: number) => Math.round(performance.now() - start);

/** A JSON-safe copy of any value: BigInt as a string, a repeated object as "[Circular]", the rest as JSON has it. */
function jsonSafe(value: unknown): unknown {
  const seen = new WeakSet<object>();
  try {
    const text = JSON.stringify(value, (_key, item: unknown) => {
      if (typeof item === 'bigint') return item.toString();
      if (typeof item === 'object' && item !== null) {
        if (seen.has(item)) return '[Circular]';
        seen.add(item);
      }
      return item;
    });
    return text === undefined ? null : (JSON.parse(text) as unknown);
  } catch {
    return null; // a getter that throws, a toJSON that throws
  }
}

/** The `edge` check of one Access Edge FQDN: `dns.edge_no_address`, `dns.private_address`, `dns.mixed_addresses`. */
async function checkEdge(
  context: LiveContext,
  edge: { fqdn: string; domains: string[] },
): Promise<{ check: Check; host: HostAddresses }> {
  const start = performance.now();
  const host = await hostAddresses(context, edge.fqdn);
  const issues: Issue[] = [...host.problems];
  if (host.addresses.length === 0 && host.complete) {
    issues.push(
      makeIssue('dns.edge_no_address', [], {
        params: { fqdn: edge.fqdn },
        hint: `Publish an A (or AAAA) record for ${edge.fqdn} with the Access Edge's public address in public DNS.`,
      }),
    );
  }
  const cls = addressClassIssue(host);
  if (cls) issues.push(cls);
  return {
    host,
    check: {
      id: 'edge',
      subject: edge.fqdn,
      status: checkStatus(issues),
      issues,
      evidence: {
        sipDomains: edge.domains,
        addresses: host.addresses.map((address) => ({ address, class: host.classes[address] })),
        ...(host.aliases.length > 0 ? { aliases: host.aliases } : {}),
      },
      durationMs: ms(start),
    },
  };
}

/** A check for work the deadline cut off before it even reported (a resolver that ignores aborts). */
function cutOff(id: Check['id'], subject: string, deadlineMs: number): Check {
  const issues = [makeIssue('dns.deadline_exceeded', [], { params: { name: subject, deadlineMs } })];
  return { id, subject, status: 'inconclusive', issues, durationMs: deadlineMs };
}

/** Resolves with the value, or with `fallback()` once `signal` aborts and `graceMs` more have passed. */
function raceDeadline<T>(
  work: Promise<T>,
  signal: AbortSignal,
  graceMs: number,
  fallback: () => T,
): Promise<T> {
  return new Promise<T>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    const stopWaiting = onAbort(signal, () => {
      timer = setTimeout(() => resolve(fallback()), graceMs);
    });
    const settle = (value: () => T) => {
      if (timer) clearTimeout(timer);
      stopWaiting();
      resolve(value());
    };
    work.then(
      (value) => settle(() => value),
      () => settle(fallback),
    );
  });
}

/** The probe targets: each selected SRV target with its port, addresses, and every target sharing an address. */
export function probeTargetsFrom(domains: readonly DomainReport[]): ProbeTarget[] {
  const byKey = new Map<string, ProbeTarget>();
  for (const domain of domains) {
    for (const target of domain.targets) {
      if (!target.selected || target.addresses.length === 0) continue;
      const key = `${target.target}:${target.port}`;
      if (!byKey.has(key)) {
        byKey.set(key, {
          target: target.target,
          port: target.port,
          addresses: [...target.addresses],
          names: [],
        });
      }
    }
  }
  const all = [...byKey.values()];
  for (const probe of all) {
    const names = new Set<string>([probe.target]);
    for (const other of all)
      if (other.addresses.some((a) => probe.addresses.includes(a))) names.add(other.target);
    probe.names = [...names];
  }
  return all;
}

/**
 * Runs the whole preflight: the offline request rules, then (unless `offline`) the live DNS checks
 * of every SIP domain and Access Edge FQDN, then (with `probe`) the Edge probes, and returns the Report.
 *
 * - The `request` check holds the request issues and, once, `pic.provisioning_site_retired` (info).
 * - When the request has errors, the live checks still run for each SIP domain and Access Edge FQDN
 *   that is valid on its own; the others are not asked about.
 * - `offline: true` → the report holds the `request` check alone (live checks are omitted, not `skipped`).
 * - Independent lookups run concurrently (`concurrency`), identical ones are asked once per run, and
 *   the whole run ends by `deadlineMs` (unfinished work → `dns.deadline_exceeded`, inconclusive).
 *
 * @param request - the provisioning request (RULES §6), any JSON value.
 * @param options - resolver options (`nameservers` @default system, `timeoutMs` @default 3000,
 *   `attempts` @default 2) or a `resolver`; `probe` (@default false), `offline` (@default false),
 *   `deadlineMs` (@default 30000), `concurrency` (@default 16), `onProgress`, `probeOptions`.
 * @returns the {@link Report}: checks `request`, `srv`, `srv-target`, `related`, `edge` (and `tcp`,
 *   `tls` with `probe`), with the codes of RULES §6–9 — among them `srv.missing`, `srv.near_miss`,
 *   `dns.target_no_address`, `dns.edge_no_address`, `dns.private_address`, `dns.target_address_mismatch`,
 *   and the inconclusive `dns.timeout`, `dns.server_failure`, `dns.network_error`,
 *   `dns.malformed_response`, `dns.deadline_exceeded`.
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
  const rawRequest = validated.ok ? undefined : jsonSafe(request);
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
  const report = (): Report => ({
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    startedAt: startedAt.toISOString(),
    durationMs: ms(t0),
    // The normalised request; an invalid one as received, made JSON-safe (BigInt, cycles).
    request: validated.ok ? validated.value : rawRequest,
    summary: summarize(checks),
    checks,
  });
  if (options.offline) return report();

  const plan = planFrom(request, validated);
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(), deadlineMs);
  const stopOuter = options.signal ? onAbort(options.signal, () => controller.abort()) : () => {};
  const { signal } = controller;
  try {
    const context = createLiveContext({ ...options, signal, deadlineMs, concurrency });
    const edgeFqdns = plan.edges.map((edge) => edge.fqdn);
    const total = plan.domains.length + plan.edges.length;
    let done = 0;
    const progress = () => {
      done++;
      try {
        options.onProgress?.(done, total);
      } catch {
        // a progress callback must not break the run
      }
    };

    const domainResults: (DomainReport | undefined)[] = plan.domains.map(() => undefined);
    const edgeResults: ({ check: Check; host: HostAddresses } | undefined)[] = plan.edges.map(
      () => undefined,
    );
    const work = Promise.all([
      ...plan.domains.map(async (domain, i) => {
        domainResults[i] = await checkDomainWith(context, domain, edgeFqdns);
        progress();
      }),
      ...plan.edges.map(async (edge, i) => {
        edgeResults[i] = await checkEdge(context, edge);
        progress();
      }),
    ]);
    await raceDeadline(work, signal, DEADLINE_GRACE_MS, () => []);

    // SRV targets, one check per target for the whole run (evidence lists the domains it serves).
    const domainChecks: Check[] = [];
    const targetChecks = new Map<string, Check>();
    plan.domains.forEach((domain, i) => {
      const result = domainResults[i];
      if (!result) {
        domainChecks.push(cutOff('srv', domain, deadlineMs));
        return;
      }
      for (const check of result.checks) {
        if (check.id !== 'srv-target') {
          domainChecks.push(check);
          continue;
        }
        const seen = targetChecks.get(check.subject);
        if (seen) {
          const domains = (seen.evidence?.domains as string[] | undefined) ?? [];
          if (!domains.includes(domain)) domains.push(domain);
          continue;
        }
        targetChecks.set(check.subject, check);
        domainChecks.push(check);
      }
    });

    // dns.target_address_mismatch: a target that is not a declared edge and shares no address with one.
    const edgeAddresses = new Set<string>();
    let edgesComplete = plan.edges.length > 0;
    plan.edges.forEach((_edge, i) => {
      const result = edgeResults[i];
      if (!result?.host.complete) edgesComplete = false;
      for (const address of result?.host.addresses ?? []) edgeAddresses.add(address);
    });
    if (edgesComplete && edgeAddresses.size > 0) {
      for (const check of targetChecks.values()) {
        if (edgeFqdns.includes(check.subject)) continue;
        const addresses = ((check.evidence?.addresses as { address: string }[] | undefined) ?? []).map(
          (a) => a.address,
        );
        if (addresses.length === 0 || addresses.some((address) => edgeAddresses.has(address))) continue;
        check.issues.push(
          makeIssue('dns.target_address_mismatch', [], {
            params: { target: check.subject, edges: edgeFqdns.join(', ') },
            hint: `Point ${check.subject} at the Access Edge's public address, or declare its edge in the request.`,
          }),
        );
        check.status = checkStatus(check.issues);
      }
    }

    checks.push(...domainChecks);
    plan.edges.forEach((edge, i) => {
      checks.push(edgeResults[i]?.check ?? cutOff('edge', edge.fqdn, deadlineMs));
    });

    if (options.probe && !signal.aborted) {
      const targets = probeTargetsFrom(domainResults.filter((r): r is DomainReport => r !== undefined));
      if (targets.length > 0) checks.push(...(await runProbe(targets, options, signal, concurrency)));
    }
    return report();
  } finally {
    clearTimeout(deadline);
    stopOuter();
  }
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
