/**
 * RULES §7: the federation SRV record (`_sipfederationtls._tcp.<sip domain>`), pure and synchronous.
 * The live lookup lives in `src/dns`; these functions only judge records already in hand.
 */
import { checkFqdn, HOST_NAME_ERRORS } from '../fqdn/fqdn.js';
import { MAX_INPUT_LENGTH, typeName } from '../input.js';
import { comparableName } from '../names.js';
import { type Issue, makeIssue, type Result, toResult } from '../result.js';
import { isMicrosoftOnlineEdge } from './microsoft-online.js';

/** One SRV record as DNS returned it (RFC 2782). `target` may carry a trailing dot; `""` or `"."` is the root. */
export interface SrvRecord {
  priority: number;
  weight: number;
  port: number;
  target: string;
  ttl?: number;
}

/** How an SRV target relates to its SIP domain. */
export type FederationRelation = 'top-level-suffix' | 'domain' | 'microsoft-online';

/** The port federation uses (MS-DNS, MS-DEPLOY: `_sipfederationtls._tcp` … port 5061). */
export const FEDERATION_PORT = 5061;

/** The service and protocol labels of the federation SRV owner name. */
export const FEDERATION_SRV_PREFIX = '_sipfederationtls._tcp';

/** TTL used in the record the hints tell users to publish. */
const HINT_TTL = 3600;

/** RFC 2782: a target of "." means the service is decidedly not available; dns2 decodes it as `""`. */
function isRoot(target: string): boolean {
  return target === '' || target === '.';
}

/** The owner name of the federation SRV record of a SIP domain, e.g. `_sipfederationtls._tcp.contoso.com`. */
export function federationSrvOwner(sipDomain: string): string {
  return `${FEDERATION_SRV_PREFIX}.${comparableName(sipDomain)}`;
}

/**
 * The record users should publish, in zone-file form:
 * `_sipfederationtls._tcp.contoso.com. 3600 IN SRV 0 0 5061 sip.contoso.com.`
 *
 * @param sipDomain - the SIP domain.
 * @param target - the SRV target to publish; @default `sip.<sipDomain>`
 * @returns the zone-file line.
 * @example
 * federationSrvRecordText('contoso.com'); // '_sipfederationtls._tcp.contoso.com. 3600 IN SRV 0 0 5061 sip.contoso.com.'
 */
export function federationSrvRecordText(sipDomain: string, target?: string): string {
  const domain = comparableName(sipDomain);
  const host = target === undefined ? `sip.${domain}` : comparableName(target);
  return `${federationSrvOwner(domain)}. ${HINT_TTL} IN SRV 0 0 ${FEDERATION_PORT} ${host}.`;
}

/** `priority weight port target.` — how a record is named in params and messages. */
export function formatSrvRecord(record: SrvRecord): string {
  const target = isRoot(record.target) ? '.' : `${comparableName(record.target)}.`;
  return `${record.priority} ${record.weight} ${record.port} ${target}`;
}

/** The in-domain target to suggest: a declared edge one label under the domain, else `sip.<domain>`. */
function suggestedTarget(domain: string, accessEdgeFqdns: readonly string[] = [], current?: string): string {
  for (const edge of accessEdgeFqdns) {
    if (typeof edge !== 'string') continue;
    const fqdn = comparableName(edge);
    if (isOneLabelUnder(fqdn, domain)) return fqdn;
  }
  // Keep the host label the user chose (`sip.contoso-edge.com` → `sip.contoso.com`).
  const label = current?.split('.')[0];
  if (label && /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label)) return `${label}.${domain}`;
  return `sip.${domain}`;
}

/**
 * MS-DEPLOY's "top-level suffix match": `fqdn` is exactly one label followed by `.domain`
 * (`sip.contoso.com` under `contoso.com`). Both names normalised. Not part of the public API.
 */
export function isOneLabelUnder(fqdn: string, domain: string): boolean {
  if (!fqdn.endsWith(`.${domain}`)) return false;
  const label = fqdn.slice(0, fqdn.length - domain.length - 1);
  return label.length > 0 && !label.includes('.');
}

// RULES §7 "exactly one LDH label followed by the SIP domain": the target's host-name errors (RULES §1
// structural and label rules). The TLD and registrability belong to the SIP domain, so `single_label`,
// `numeric_tld`, `reserved_name`, `unknown_tld` and `public_suffix` are left to the relation codes.
const TARGET_ERRORS = HOST_NAME_ERRORS;
const TARGET_FQDN_OPTIONS = /* @__PURE__ */ Object.freeze({ allowReserved: true, requireKnownTld: false });

/** The SIP domain as compared: trimmed, lower case, no root dot; junk is kept (it only fails the relation). */
function comparableDomain(sipDomain: string): string {
  return comparableName(
    sipDomain.length > MAX_INPUT_LENGTH ? sipDomain.slice(0, MAX_INPUT_LENGTH) : sipDomain.trim(),
  );
}

/**
 * Checks an SRV target against the federation target rule (RULES §7, MS-DEPLOY).
 *
 * Compared case-insensitively, without the trailing dot. The target must first be a host name by the
 * structural and label rules of `checkFqdn` (its errors are reported instead of the relation codes:
 * `fqdn.wildcard`, `fqdn.underscore`, `fqdn.label_hyphen`, `fqdn.label_too_long`, `fqdn.non_ascii`,
 * `fqdn.not_a_hostname`, `fqdn.invalid_char`, `input.too_long`, …); its TLD is the SIP domain's business.
 * The SIP domain is trimmed and lower-cased, not validated (`checkSipDomain` does that): junk only
 * fails the relation.
 *
 * @param sipDomain - the SIP domain, e.g. `contoso.com`.
 * @param target - the SRV target, e.g. `sip.contoso.com`.
 * @returns `{ relation }` on success; errors: the target's FQDN errors (above), then
 *   `federation.target_outside_domain`, `federation.target_not_top_level`; warning
 *   `federation.target_is_domain`; info `federation.microsoft_online_target`; `input.not_string` for a
 *   non-string argument.
 * @example
 * checkFederationTarget('contoso.com', 'sip.contoso.com'); // { ok: true, value: { relation: 'top-level-suffix' }, issues: [] }
 * checkFederationTarget('contoso.com', 'sip.it.contoso.com').issues[0].code; // 'federation.target_not_top_level'
 */
export function checkFederationTarget(
  sipDomain: string,
  target: string,
): Result<{ relation: FederationRelation }> {
  if (typeof sipDomain !== 'string' || typeof target !== 'string') {
    const bad = typeof sipDomain !== 'string' ? sipDomain : target;
    return toResult({ relation: 'top-level-suffix' as FederationRelation }, [
      makeIssue('input.not_string', [], { params: { type: typeName(bad) } }),
    ]);
  }
  // RULES §0: an empty target is `input.empty`; spaces around it are removed with `input.trimmed`.
  const text = target.trim();
  if (text === '') {
    return toResult({ relation: 'top-level-suffix' as FederationRelation }, [makeIssue('input.empty', [])]);
  }
  const verdict = targetRelation(comparableDomain(sipDomain), text);
  if (text === target) return verdict;
  return toResult(verdict.ok ? verdict.value : { relation: 'top-level-suffix' }, [
    makeIssue('input.trimmed', []),
    ...verdict.issues,
  ]);
}

/** The target rule on a trimmed, non-empty target. */
function targetRelation(domain: string, target: string): Result<{ relation: FederationRelation }> {
  // RFC 2782: the root target "." is judged by the relation (outside every domain).
  if (isRoot(target)) {
    const params = { target: '.', domain };
    return toResult({ relation: 'top-level-suffix' }, [
      makeIssue('federation.target_outside_domain', [], {
        params: { ...params, suggested: suggestedTarget(domain, [], '') },
      }),
    ]);
  }
  // RULES §7: "exactly one LDH label followed by the SIP domain" — the target must be a host name first
  // (RULES §1 via checkFqdn: no `*`, `_`, edge hyphens, over-long labels, non-ASCII, URI forms).
  const fqdn = checkFqdn(target, TARGET_FQDN_OPTIONS);
  const errors = fqdn.issues.filter((issue) => issue.severity === 'error' && TARGET_ERRORS.has(issue.code));
  if (errors.length > 0) return toResult({ relation: 'top-level-suffix' }, errors);
  const host = fqdn.ok ? fqdn.value : comparableName(target);
  const params = { target: host, domain };

  // The suffix rule is Microsoft's business for its own edges: the domain federates through Microsoft 365.
  if (isMicrosoftOnlineEdge(host)) {
    return toResult({ relation: 'microsoft-online' }, [
      makeIssue('federation.microsoft_online_target', [], { params }),
    ]);
  }
  // Not documented either way: the edge's FQDN equal to the SIP domain itself.
  if (host === domain) {
    return toResult({ relation: 'domain' }, [makeIssue('federation.target_is_domain', [], { params })]);
  }
  // MS-DEPLOY: "Each domain must resolve by DNS SRV query to an edge server FQDN that satisfies a
  // top-level suffix match of the domain." — exactly one label followed by the SIP domain.
  if (!host.endsWith(`.${domain}`) || domain.length === 0) {
    return toResult({ relation: 'top-level-suffix' }, [
      makeIssue('federation.target_outside_domain', [], {
        params: { ...params, suggested: suggestedTarget(domain, [], host) },
      }),
    ]);
  }
  if (!isOneLabelUnder(host, domain)) {
    return toResult({ relation: 'top-level-suffix' }, [
      makeIssue('federation.target_not_top_level', [], {
        params: { ...params, suggested: suggestedTarget(domain, [], host) },
      }),
    ]);
  }
  return { ok: true, value: { relation: 'top-level-suffix' }, issues: [] };
}

function isValidRecord(record: unknown): record is SrvRecord {
  if (typeof record !== 'object' || record === null) return false;
  const r = record as Record<string, unknown>;
  return (
    Number.isInteger(r.priority) &&
    Number.isInteger(r.weight) &&
    Number.isInteger(r.port) &&
    typeof r.target === 'string'
  );
}

/**
 * The record the Access Edge uses: lowest priority, then highest weight, then the first received.
 * MS-DNS: the Edge does not apply RFC 2782's weighted random choice among equal priorities; it
 * takes the highest weight, and DNS order breaks ties. Root (`.`) records are never selected.
 *
 * @param records - the records in the order DNS returned them.
 * @returns the selected record, or `undefined` when there is none with a real target.
 * @example
 * selectFederationRecord([{ priority: 10, weight: 0, port: 5061, target: 'a.contoso.com' },
 *   { priority: 0, weight: 5, port: 5061, target: 'b.contoso.com' }]).target; // 'b.contoso.com'
 */
export function selectFederationRecord(records: readonly SrvRecord[]): SrvRecord | undefined {
  let best: SrvRecord | undefined;
  for (const record of records) {
    if (!isValidRecord(record) || isRoot(record.target)) continue;
    // Strict comparisons keep the first received on a tie.
    if (
      best === undefined ||
      record.priority < best.priority ||
      (record.priority === best.priority && record.weight > best.weight)
    ) {
      best = record;
    }
  }
  return best;
}

/** Issues of the target rule and port for one record; errors only (for `srv.inconsistent_records`). */
function recordProblems(domain: string, record: SrvRecord): string[] {
  const problems: string[] = [];
  if (record.port !== FEDERATION_PORT) problems.push(`port ${record.port}`);
  const target = checkFederationTarget(domain, record.target);
  if (!target.ok) problems.push(target.issues.map((issue) => issue.code).join(', '));
  return problems;
}

/**
 * Evaluates the federation SRV record set of a SIP domain (RULES §7). Pure: takes the records in
 * the order DNS returned them and selects the one the Access Edge would use.
 *
 * @param sipDomain - the SIP domain, e.g. `contoso.com`.
 * @param records - the SRV records of `_sipfederationtls._tcp.<sipDomain>`, in DNS order.
 * @param context - `accessEdgeFqdns`: the declared Access Edge FQDNs, to report
 *   `srv.target_not_declared_edge` and to suggest a target in hints.
 * @returns `{ selected }` on success. Errors: `srv.missing`, `srv.service_disabled`, `srv.wrong_port`,
 *   `federation.target_outside_domain`, `federation.target_not_top_level`, and the selected target's
 *   FQDN errors (`fqdn.wildcard`, `fqdn.underscore`, …; see {@link checkFederationTarget}). Warnings:
 *   `federation.target_is_domain`, `srv.inconsistent_records`, `srv.mixed_targets`,
 *   `srv.duplicate_record`. Infos: `federation.microsoft_online_target`, `srv.target_not_declared_edge`.
 * @example
 * evaluateFederationSrv('contoso.com', [{ priority: 0, weight: 0, port: 5061, target: 'sip.contoso.com' }]);
 * // { ok: true, value: { selected: { priority: 0, weight: 0, port: 5061, target: 'sip.contoso.com' } }, issues: [] }
 */
export function evaluateFederationSrv(
  sipDomain: string,
  records: SrvRecord[],
  context?: { accessEdgeFqdns?: string[] } | null,
): Result<{ selected: SrvRecord }> {
  if (typeof sipDomain !== 'string') {
    return toResult({ selected: { priority: 0, weight: 0, port: 0, target: '' } }, [
      makeIssue('input.not_string', [], { params: { type: typeName(sipDomain) } }),
    ]);
  }
  const domain = comparableDomain(sipDomain);
  const edges = (Array.isArray(context?.accessEdgeFqdns) ? context.accessEdgeFqdns : [])
    .filter((edge): edge is string => typeof edge === 'string')
    .map(comparableName);
  const given: unknown[] = Array.isArray(records) ? records : [];
  const list = given.filter(isValidRecord);
  const suggested = suggestedTarget(domain, edges);
  // Input that is not a record at all is the caller's error, not a missing DNS record.
  if (list.length < given.length) {
    const invalid: Issue[] = [];
    given.forEach((record, index) => {
      if (!isValidRecord(record))
        invalid.push(makeIssue('srv.invalid_record', [index], { params: { index } }));
    });
    return toResult({ selected: { priority: 0, weight: 0, port: 0, target: '' } }, invalid);
  }

  // MS-DNS, MS-DEPLOY: one `_sipfederationtls._tcp.<domain>` SRV record per SIP domain, port 5061.
  if (list.length === 0) {
    return toResult({ selected: { priority: 0, weight: 0, port: 0, target: '' } }, [
      makeIssue('srv.missing', [], {
        params: { domain, name: federationSrvOwner(domain), suggested },
      }),
    ]);
  }

  const selected = selectFederationRecord(list);
  // RFC 2782: 'A Target of "." means that the service is decidedly not available at this domain.'
  if (selected === undefined) {
    return toResult({ selected: list[0]! }, [
      makeIssue('srv.service_disabled', [], {
        params: { domain, record: formatSrvRecord(list[0]!), suggested },
      }),
    ]);
  }

  const issues: Issue[] = [];
  if (selected.port !== FEDERATION_PORT) {
    issues.push(
      makeIssue('srv.wrong_port', [], {
        params: {
          domain,
          port: selected.port,
          expected: FEDERATION_PORT,
          record: formatSrvRecord(selected),
          target: comparableName(selected.target.trim()),
        },
      }),
    );
  }
  issues.push(...checkFederationTarget(domain, selected.target).issues);

  // The others: fine while the selected record stands, broken once it goes.
  for (const record of list) {
    if (record === selected) continue;
    const problems = isRoot(record.target) ? ['target "."'] : recordProblems(domain, record);
    if (problems.length > 0) {
      issues.push(
        makeIssue('srv.inconsistent_records', [], {
          params: { domain, record: formatSrvRecord(record), reason: problems.join('; '), suggested },
        }),
      );
    }
  }

  const targets = list
    .filter((record) => !isRoot(record.target))
    .map((record) => comparableName(record.target));
  const online = targets.filter(isMicrosoftOnlineEdge).length;
  if (online > 0 && online < targets.length) {
    issues.push(makeIssue('srv.mixed_targets', [], { params: { domain } }));
  }

  const seen = new Map<string, number>();
  for (const record of list) {
    const key = formatSrvRecord(record);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 2) {
      issues.push(makeIssue('srv.duplicate_record', [], { params: { record: key } }));
    }
  }

  if (edges.length > 0) {
    for (const target of new Set(targets)) {
      if (edges.includes(target) || isMicrosoftOnlineEdge(target)) continue;
      issues.push(
        makeIssue('srv.target_not_declared_edge', [], {
          params: { target, edges: edges.join(', ') },
        }),
      );
    }
  }

  // RULES §0: names come back lower-case without the root dot (the record is otherwise as received,
  // and is the very object received when its target is already normalised).
  const target = comparableName(selected.target.trim());
  return toResult({ selected: target === selected.target ? selected : { ...selected, target } }, issues);
}
