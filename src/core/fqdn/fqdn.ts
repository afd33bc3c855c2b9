/**
 * RULES §1: fully qualified domain names (Access Edge FQDN, SRV target, every host name) — the
 * public checks. The rules live in `scan.ts` (the fast path), `diagnose.ts` (every rule, with
 * issues) and `reserved-names.ts` (special-use names, documentation placeholders, public suffixes).
 */
import { type Issue, makeIssue, type Result, unwrap } from '../result.js';
import { diagnoseResolved, type FqdnAnalysis, labelIdnaIssue } from './diagnose.js';
import { type FqdnOptions, type ResolvedOptions, resolveOptions } from './options.js';
import { DOCUMENTATION_DOMAINS, documentationIssue } from './reserved-names.js';
import { DOMAIN_CHEAP, DOMAIN_FULL, DOMAIN_NONE, SCAN, SCAN_SLOW, SCAN_VALID, scanFqdn } from './scan.js';

export { diagnoseFqdn, type FqdnAnalysis, HOST_NAME_ERRORS } from './diagnose.js';
export { DEFAULT_FQDN_OPTIONS, type FqdnOptions } from './options.js';
export { registrableDomain } from './reserved-names.js';

/** The result of a name the fast scan accepts (its warnings added), or `undefined` for the diagnosis. */
function fastResult(input: unknown, o: ResolvedOptions, needDomain: number): Result<string> | undefined {
  if (scanFqdn(input, o, false, needDomain) !== SCAN_VALID) return undefined;
  const { name, trimmed, dashes, domain } = SCAN;
  const documentation = domain !== null && DOCUMENTATION_DOMAINS.has(domain);
  if (!trimmed && !dashes && !documentation) return { ok: true, value: name, issues: [] };
  const issues: Issue[] = [];
  if (trimmed) issues.push(makeIssue('input.trimmed'));
  if (dashes) for (const label of name.split('.')) labelIdnaIssue(label, o, issues);
  if (documentation) issues.push(documentationIssue(domain));
  return { ok: true, value: name, issues };
}

/**
 * The full FQDN check with its by-products (registrable domain): the fast scan for valid names, the
 * diagnostic path for the rest. `checkSipDomain` builds on it. Not part of the public API.
 */
export function analyzeFqdn(input: unknown, options?: FqdnOptions | null): FqdnAnalysis {
  const o = resolveOptions(options);
  const result = fastResult(input, o, DOMAIN_FULL);
  return result === undefined ? diagnoseResolved(input, o) : { result, domain: SCAN.domain };
}

/**
 * Checks a fully qualified domain name (Access Edge FQDN, SRV target, any host name) per RULES §1.
 * Narrower than RFC 1035 on purpose: no IP literals, underscores, wildcards, IDN, single labels,
 * special-use or non-ICANN names.
 * @param input the value to check (any type; never throws on bad input)
 * @param options `allowIdn`, `allowReserved`, `requireKnownTld` (see `DEFAULT_FQDN_OPTIONS`); `null` or
 *   `undefined` means the defaults; options of another type are a programmer error (`TypeError`)
 * @returns the normalised name (lower case, no root dot) or the errors: `input.*`, `fqdn.ip_address`,
 *   `fqdn.not_a_hostname`, `fqdn.invalid_char`, `fqdn.non_ascii`, `fqdn.label_empty`, `fqdn.too_long`,
 *   `fqdn.label_too_long`, `fqdn.underscore`, `fqdn.wildcard`, `fqdn.label_hyphen`, `fqdn.invalid_a_label`,
 *   `fqdn.single_label`, `fqdn.numeric_tld`, `fqdn.reserved_name`, `fqdn.unknown_tld`, `fqdn.public_suffix`;
 *   warnings `input.trimmed`, `fqdn.idn_not_supported`, `fqdn.reserved_label_form`, `fqdn.documentation_domain`
 * @example checkFqdn('SIP.Fabrikam.com.') // { ok: true, value: 'sip.fabrikam.com', issues: [ fqdn.documentation_domain ] }
 */
export function checkFqdn(input: unknown, options?: FqdnOptions | null): Result<string> {
  const o = resolveOptions(options);
  // The domain only where it is cheap: the documentation placeholders are all under flat TLDs.
  return fastResult(input, o, DOMAIN_CHEAP) ?? diagnoseResolved(input, o).result;
}

/**
 * Fast boolean form of `checkFqdn`: no issues, no messages, one pass over the characters.
 * Always equal to `checkFqdn(input, options).ok` (property-tested).
 * @param input the value to check (any type)
 * @param options as for `checkFqdn`
 * @returns true when `checkFqdn` would report no error (warnings allowed)
 * @example isFqdn('sip.contoso.com') // true; isFqdn('10.0.0.1') // false
 */
export function isFqdn(input: unknown, options?: FqdnOptions | null): input is string {
  const o = resolveOptions(options);
  const status = scanFqdn(input, o, false, DOMAIN_NONE);
  return status === SCAN_SLOW ? diagnoseResolved(input, o).result.ok : status === SCAN_VALID;
}

/**
 * Like `checkFqdn`, but returns the normalised name or throws a `PreflightError` carrying the issues.
 * @param input the value to check
 * @param options as for `checkFqdn`
 * @returns the normalised name; throws on any `checkFqdn` error code
 * @example const edge = assertFqdn('sip.fabrikam.com'); // 'sip.fabrikam.com'
 */
export function assertFqdn(input: unknown, options?: FqdnOptions | null): string {
  return unwrap(checkFqdn(input, options));
}
