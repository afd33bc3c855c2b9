/** RULES §2: SIP domains (the suffix of users' SIP addresses, one `_sipfederationtls._tcp` record each). */
import { analyzeFqdn, type FqdnOptions, isFqdn, registrableDomain } from '../fqdn/fqdn.js';
import { type Issue, makeIssue, type Result, toResult, unwrap } from '../result.js';

/**
 * First labels that name a host, not a domain (MS-FAQ: "Specify only the domain suffix … Do not
 * specify any FQDNs, including the FQDN for the Access Edge service").
 */
export const HOST_LIKE_LABELS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'sip',
  'sipfed',
  'sipexternal',
  'access',
  'accessedge',
  'edge',
  'lyncdiscover',
  'lyncdiscoverinternal',
  'webcon',
  'av',
  'meet',
  'dialin',
  'pool',
  'fe',
]);

// Microsoft 365 initial domains: their federation is Microsoft's, not an on-premises Edge's.
const MICROSOFT_MANAGED_SUFFIX = '.onmicrosoft.com';

/**
 * Checks a SIP domain: every FQDN rule (same codes), plus host-name and Microsoft 365 warnings.
 * Subdomains are valid SIP domains (`example.fabrikam.com`, MS-FAQ).
 * @param input the value to check (any type; never throws on bad input)
 * @param options as for `checkFqdn` (`allowIdn`, `allowReserved`, `requireKnownTld`)
 * @returns the normalised domain, or the `checkFqdn` error codes; warnings `sip_domain.looks_like_host`,
 *   `sip_domain.microsoft_managed` and the FQDN warnings
 * @example checkSipDomain('sip.fabrikam.com') // ok, with sip_domain.looks_like_host (domain 'fabrikam.com')
 */
export function checkSipDomain(input: unknown, options?: FqdnOptions | null): Result<string> {
  const analysis = analyzeFqdn(input, options);
  const result = analysis.result;
  if (!result.ok) return result;
  const name = result.value;
  const issues: Issue[] = result.issues.slice();
  const dot = name.indexOf('.');
  const label = name.slice(0, dot);
  // MS-FAQ: a typical host label in front of the registrable domain means an FQDN was given.
  if (HOST_LIKE_LABELS.has(label)) {
    const domain = analysis.domain ?? registrableDomain(name);
    if (domain !== null && name.length > domain.length) {
      issues.push(makeIssue('sip_domain.looks_like_host', [], { params: { value: name, label, domain } }));
    }
  }
  if (name.endsWith(MICROSOFT_MANAGED_SUFFIX)) {
    issues.push(makeIssue('sip_domain.microsoft_managed', [], { params: { value: name } }));
  }
  return toResult(name, issues);
}

/**
 * Fast boolean form of `checkSipDomain`. A SIP domain adds only warnings to the FQDN rules, so this
 * is `isFqdn` (property-tested against `checkSipDomain(input, options).ok`).
 * @param input the value to check (any type)
 * @param options as for `checkFqdn`
 * @returns true when `checkSipDomain` would report no error (warnings allowed)
 * @example isSipDomain('fabrikam.com') // true; isSipDomain('fabrikam') // false
 */
export function isSipDomain(input: unknown, options?: FqdnOptions | null): input is string {
  return isFqdn(input, options);
}

/**
 * Like `checkSipDomain`, but returns the normalised domain or throws a `PreflightError` with the issues.
 * @param input the value to check
 * @param options as for `checkFqdn`
 * @returns the normalised domain; throws on any `checkSipDomain` error code
 * @example assertSipDomain('Fabrikam.com') // 'fabrikam.com'
 */
export function assertSipDomain(input: unknown, options?: FqdnOptions | null): string {
  return unwrap(checkSipDomain(input, options));
}
