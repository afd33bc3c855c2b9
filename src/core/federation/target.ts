/**
 * RULES §7, the target rule (MS-DEPLOY's "top-level suffix match") and the names every federation
 * check shares: the owner name, the record text of hints, the one normalisation of the SIP domain.
 */
import { checkFqdn, HOST_NAME_ERRORS } from '../fqdn/fqdn.js';
import { MAX_INPUT_LENGTH, tooLongIssue, typeName } from '../input.js';
import { srvRecordLine } from '../issues/record-text.js';
import { comparableName } from '../names.js';
import { makeIssue, type Result, toResult } from '../result.js';
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

/** RFC 2782: a target of "." means the service is decidedly not available; dns2 decodes it as `""`. */
export function isRoot(target: string): boolean {
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
  return srvRecordLine(domain, host);
}

/** `priority weight port target.` — how a record is named in params and messages. */
export function formatSrvRecord(record: SrvRecord): string {
  const target = isRoot(record.target) ? '.' : `${comparableName(record.target)}.`;
  return `${record.priority} ${record.weight} ${record.port} ${target}`;
}

/** The in-domain target to suggest: a declared edge one label under the domain, else `sip.<domain>`. */
export function suggestedTarget(
  domain: string,
  accessEdgeFqdns: readonly string[] = [],
  current?: string,
): string {
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
const TARGET_FQDN_OPTIONS = Object.freeze({ allowReserved: true, requireKnownTld: false });

/**
 * The SIP domain as compared — trimmed, lower case, one root dot removed; junk is kept (it only fails
 * the relation). The one normalisation of `checkFederationTarget` and `evaluateFederationSrv`:
 * `contoso.com..` becomes `contoso.com.` in both, once.
 */
export function comparableDomain(sipDomain: string): string {
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
 * `fqdn.not_a_hostname`, `fqdn.invalid_char`, …); its TLD is the SIP domain's business. RULES §0: a
 * target over 1,024 characters is `input.too_long` before it is trimmed (`input.trimmed` W, `input.empty`).
 * The SIP domain is trimmed, lower-cased and loses one root dot ({@link comparableDomain}, exactly as in
 * `evaluateFederationSrv`), not validated (`checkSipDomain` does that): junk only fails the relation.
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
  return judgeTarget(comparableDomain(sipDomain), target);
}

/**
 * The target rule against a SIP domain already normalised by {@link comparableDomain}. RULES §0: the
 * raw target's length first (over 1,024 characters → `input.too_long`, before trimming), then empty
 * (`input.empty`) and surrounding spaces (`input.trimmed`).
 */
export function judgeTarget(domain: string, target: string): Result<{ relation: FederationRelation }> {
  const tooLong = tooLongIssue(target);
  if (tooLong) return toResult({ relation: 'top-level-suffix' as FederationRelation }, [tooLong]);
  const text = target.trim();
  if (text === '') {
    return toResult({ relation: 'top-level-suffix' as FederationRelation }, [makeIssue('input.empty', [])]);
  }
  const verdict = targetRelation(domain, text);
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
