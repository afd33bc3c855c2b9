/**
 * RULES §7: the federation SRV record (`_sipfederationtls._tcp.<sip domain>`), pure and synchronous.
 * The target rule lives in `target.ts`, reading and selecting records in `srv-records.ts`; this file
 * judges a record set. The live lookup lives in `src/node`; these functions only judge records in hand.
 */

import { typeName } from '../input.js';
import { comparableName } from '../names.js';
import { isArraySafe, MAX_ITEMS, own, UNREADABLE } from '../object-input.js';
import { type Issue, makeIssue, type Result, toResult } from '../result.js';
import { isMicrosoftOnlineEdge } from './microsoft-online.js';
import { readRecords, selectIndex } from './srv-records.js';
import {
  comparableDomain,
  FEDERATION_PORT,
  federationSrvOwner,
  formatSrvRecord,
  isRoot,
  judgeTarget,
  type SrvRecord,
  suggestedTarget,
} from './target.js';

export {
  checkFederationTarget,
  FEDERATION_PORT,
  FEDERATION_SRV_PREFIX,
  type FederationRelation,
  federationSrvOwner,
  federationSrvRecordText,
  formatSrvRecord,
  isOneLabelUnder,
  type SrvRecord,
} from './target.js';

/** How many declared edges `srv.target_not_declared_edge` names in its params before "and N more". */
const EDGES_SHOWN = 10;

/**
 * The record the Access Edge uses: lowest priority, then highest weight, then the first received.
 * MS-DNS: the Edge does not apply RFC 2782's weighted random choice among equal priorities; it
 * takes the highest weight, and DNS order breaks ties. Root (`.`) records and items that are not
 * SRV records are never selected.
 *
 * @param records - the records in the order DNS returned them.
 * @returns a plain copy of the selected record, or `undefined` when there is none with a real target.
 * @example
 * selectFederationRecord([{ priority: 10, weight: 0, port: 5061, target: 'a.contoso.com' },
 *   { priority: 0, weight: 5, port: 5061, target: 'b.contoso.com' }]).target; // 'b.contoso.com'
 */
export function selectFederationRecord(records: readonly SrvRecord[]): SrvRecord | undefined {
  const { records: list } = readRecords(records);
  return list[selectIndex(list)];
}

/** The declared Access Edge FQDNs of the context, normalised, read once and guarded. */
function declaredEdges(context: unknown): { edges: Set<string>; issues: Issue[] } {
  const edges = new Set<string>();
  const unreadable = () => ({
    edges,
    issues: [makeIssue('input.unreadable', ['accessEdgeFqdns'])],
  });
  if (typeof context !== 'object' || context === null) return { edges, issues: [] };
  const value = own(context as Record<string, unknown>, 'accessEdgeFqdns');
  if (value === UNREADABLE) return unreadable();
  const isArray = isArraySafe(value);
  if (isArray === undefined) return unreadable();
  if (isArray !== true) return { edges, issues: [] };
  try {
    const list = value as readonly unknown[];
    const length = Math.min(list.length, MAX_ITEMS);
    for (let index = 0; index < length; index++) {
      const edge = list[index];
      if (typeof edge === 'string') edges.add(comparableName(edge));
    }
  } catch {
    // A hostile list (a throwing getter, a revoked Proxy): said, and the edges read so far kept.
    return unreadable();
  }
  return { edges, issues: [] };
}

function edgeList(edges: ReadonlySet<string>): string {
  const shown = [...edges].slice(0, EDGES_SHOWN).join(', ');
  return edges.size > EDGES_SHOWN ? `${shown} and ${edges.size - EDGES_SHOWN} more` : shown;
}

/** The target rule and port of one record as if the Edge used it: every issue, any severity. */
function judgeAsSelected(domain: string, record: SrvRecord): Issue[] {
  const issues: Issue[] = [];
  if (record.port !== FEDERATION_PORT) {
    issues.push(
      makeIssue('srv.wrong_port', [], {
        params: {
          domain,
          port: record.port,
          expected: FEDERATION_PORT,
          record: formatSrvRecord(record),
          target: comparableName(record.target.trim()),
        },
      }),
    );
  }
  for (const issue of judgeTarget(domain, record.target).issues) issues.push(issue);
  return issues;
}

/** Errors of the target rule and port for a record the Edge does not use now (for `srv.inconsistent_records`). */
function recordProblems(domain: string, record: SrvRecord): string[] {
  if (isRoot(record.target)) return ['target "."'];
  const problems: string[] = [];
  if (record.port !== FEDERATION_PORT) problems.push(`port ${record.port}`);
  const target = judgeTarget(domain, record.target);
  if (!target.ok) problems.push(target.issues.map((issue) => issue.code).join(', '));
  return problems;
}

/**
 * RULES §7, last row: the records tied with the selected one (same priority, same weight) are each
 * picked in turn as name servers rotate the order, so the whole tie group — the selected record
 * included — is judged as the selected one, once per distinct record. The other records are
 * `srv.inconsistent_records` when they break the port or target rule.
 */
function judgeRecords(
  domain: string,
  list: readonly SrvRecord[],
  selected: SrvRecord,
  suggested: string,
): Issue[] {
  const issues: Issue[] = [];
  const judged = new Set<string>();
  for (const record of list) {
    const tied =
      !isRoot(record.target) && record.priority === selected.priority && record.weight === selected.weight;
    if (tied) {
      const key = formatSrvRecord(record);
      if (judged.has(key)) continue;
      judged.add(key);
      for (const issue of judgeAsSelected(domain, record)) issues.push(issue);
      continue;
    }
    // The others: fine while the selected record stands, broken once it goes.
    const problems = recordProblems(domain, record);
    if (problems.length > 0) {
      issues.push(
        makeIssue('srv.inconsistent_records', [], {
          params: { domain, record: formatSrvRecord(record), reason: problems.join('; '), suggested },
        }),
      );
    }
  }
  return issues;
}

/** The set rules: mixed targets, duplicates, targets that are not declared edges. Linear in records. */
function setRules(
  domain: string,
  list: readonly SrvRecord[],
  edges: ReadonlySet<string>,
  issues: Issue[],
): void {
  const targets = new Set<string>();
  let online = 0;
  let real = 0;
  for (const record of list) {
    if (isRoot(record.target)) continue;
    const target = comparableName(record.target);
    real += 1;
    if (isMicrosoftOnlineEdge(target)) online += 1;
    targets.add(target);
  }
  if (online > 0 && online < real) {
    issues.push(
      makeIssue('srv.mixed_targets', [], {
        params: { domain },
      }),
    );
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

  if (edges.size === 0) return;
  const named = edgeList(edges);
  for (const target of targets) {
    if (edges.has(target) || isMicrosoftOnlineEdge(target)) continue;
    issues.push(
      makeIssue('srv.target_not_declared_edge', [], {
        params: { target, edges: named },
      }),
    );
  }
}

const NO_RECORD: SrvRecord = Object.freeze({ priority: 0, weight: 0, port: 0, target: '' });

/**
 * Evaluates the federation SRV record set of a SIP domain (RULES §7). Pure: takes the records in
 * the order DNS returned them and selects the one the Access Edge would use.
 *
 * The verdict never depends on the order of the records (RULES §7): `selected` is the first
 * received among the lowest priority and highest weight (MS-DNS), and every record tied with it
 * (same priority, same weight) is judged as the selected one — its `srv.wrong_port`, `federation.*`
 * and target codes at their own severity (E for a broken port or target), once per distinct record —
 * so any order of the same records gives the same codes. Records are read once, field by field, into
 * plain data (`selected` is never the caller's object; extra fields are dropped).
 *
 * @param sipDomain - the SIP domain, e.g. `contoso.com` (trimmed, lower-cased, one root dot removed,
 *   exactly as {@link checkFederationTarget} does).
 * @param records - the SRV records of `_sipfederationtls._tcp.<sipDomain>`, in DNS order.
 * @param context - `accessEdgeFqdns`: the declared Access Edge FQDNs, to report
 *   `srv.target_not_declared_edge` and to suggest a target in hints.
 * @returns `{ selected }` on success. Errors: `srv.invalid_record` (an item that is not a record, a
 *   hole, a priority/weight/port that is not a whole number in 0–65535, a bad `ttl`; `params.field`,
 *   `params.reason`), `input.unreadable`, `input.too_long` (a target over 1,024 characters),
 *   `input.too_many_items`, `srv.missing`, `srv.service_disabled`, `srv.wrong_port`,
 *   `federation.target_outside_domain`, `federation.target_not_top_level`, and the target's
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
    return toResult({ selected: NO_RECORD }, [
      makeIssue('input.not_string', [], { params: { type: typeName(sipDomain) } }),
    ]);
  }
  const domain = comparableDomain(sipDomain);
  const { edges, issues: contextIssues } = declaredEdges(context);
  // Input that is not a record at all is the caller's error, not a missing DNS record.
  const { records: list, issues: invalid } = readRecords(records);
  if (invalid.length > 0 || contextIssues.length > 0)
    return toResult({ selected: NO_RECORD }, [...contextIssues, ...invalid]);
  const suggested = suggestedTarget(domain, [...edges]);

  // MS-DNS, MS-DEPLOY: one `_sipfederationtls._tcp.<domain>` SRV record per SIP domain, port 5061.
  if (list.length === 0) {
    return toResult({ selected: NO_RECORD }, [
      makeIssue('srv.missing', [], {
        params: { domain, name: federationSrvOwner(domain), suggested },
      }),
    ]);
  }

  const selected = list[selectIndex(list)];
  // RFC 2782: 'A Target of "." means that the service is decidedly not available at this domain.'
  if (selected === undefined) {
    return toResult({ selected: NO_RECORD }, [
      makeIssue('srv.service_disabled', [], {
        params: { domain, record: formatSrvRecord(list[0] as SrvRecord), suggested },
      }),
    ]);
  }

  const issues = judgeRecords(domain, list, selected, suggested);
  setRules(domain, list, edges, issues);

  // RULES §0: names come back lower-case without the root dot (the record is a plain copy).
  return toResult({ selected: { ...selected, target: comparableName(selected.target.trim()) } }, issues);
}
