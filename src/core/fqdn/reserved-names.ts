/**
 * RULES §1: the names that are not public host names whatever their form — special-use and
 * private-use suffixes, Microsoft documentation placeholders — and the ICANN public-suffix facts
 * (tldts) the TLD rules read.
 */
import { getDomain } from 'tldts';
import { type Issue, makeIssue } from '../result.js';
import { FLAT_ICANN_TLDS } from './flat-tlds.js';

// RFC 6761 (test, localhost, invalid, example), RFC 6762 (local), RFC 7686 (onion), RFC 9476 (alt),
// ICANN 2024 (internal), and the widespread private "localdomain".
export const RESERVED_TLDS: ReadonlySet<string> = new Set([
  'local',
  'localhost',
  'localdomain',
  'test',
  'invalid',
  'example',
  'onion',
  'alt',
  'internal',
  'arpa',
]);
// RFC 6761 §6.5: example.com, example.net, example.org.
export const EXAMPLE_TLDS: ReadonlySet<string> = new Set(['com', 'net', 'org']);

// Microsoft documentation placeholders (RULES §1): a name under one was probably copied from the docs.
export const DOCUMENTATION_DOMAINS: ReadonlySet<string> = new Set([
  'contoso.com',
  'fabrikam.com',
  'litwareinc.com',
  'adatum.com',
  'northwindtraders.com',
  'wingtiptoys.com',
  'tailspintoys.com',
  'woodgrovebank.com',
  'proseware.com',
  'fourthcoffee.com',
]);

/** tldts on an already validated, lower-case ASCII name: no host extraction, no validation, ICANN only. */
export const TLDTS_OPTIONS = Object.freeze({
  extractHostname: false,
  validateHostname: false,
  detectIp: false,
  mixedInputs: false,
  allowPrivateDomains: false,
});

/**
 * The registrable domain (ICANN public suffix plus one label) of a normalised name, by tldts.
 * Private suffix-list entries are ignored: `foo.github.io` → `github.io`.
 * @param name a normalised FQDN (lower-case ASCII, no trailing dot), e.g. `checkFqdn(x).value`
 * @returns the registrable domain, or `null` when the name is a public suffix itself
 * @example registrableDomain('sip.contoso.co.uk') // 'contoso.co.uk'
 */
export function registrableDomain(name: string): string | null {
  // No other ICANN rule under a flat TLD (generated from tldts' own list): the last two labels.
  const tldDot = name.lastIndexOf('.');
  if (tldDot > 0 && FLAT_ICANN_TLDS.has(name.slice(tldDot + 1))) {
    return name.slice(name.lastIndexOf('.', tldDot - 1) + 1);
  }
  return getDomain(name, TLDTS_OPTIONS);
}

/**
 * The reserved suffix a lower-case name falls under (`local`, `home.arpa`, `example.com`), or `null`.
 * @param tldStart the index of the name's last label
 */
export function reservedSuffix(name: string, tldStart: number): string | null {
  const tld = name.slice(tldStart);
  if (tld === 'arpa') {
    // RFC 8375: home.arpa; everything under .arpa is infrastructure (in-addr.arpa, ip6.arpa).
    return name === 'home.arpa' || name.endsWith('.home.arpa') ? 'home.arpa' : 'arpa';
  }
  if (RESERVED_TLDS.has(tld)) return tld;
  if (EXAMPLE_TLDS.has(tld) && isExampleDomain(name, tldStart)) return `example.${tld}`;
  return null;
}

/** RFC 6761 §6.5: the second-level label is `example` (the caller has checked the TLD). */
export function isExampleDomain(name: string, tldStart: number): boolean {
  const secondStart = name.lastIndexOf('.', tldStart - 2) + 1;
  return tldStart - 1 - secondStart === 7 && name.startsWith('example', secondStart);
}

/** `fqdn.documentation_domain` W for a registrable domain that is a Microsoft placeholder. */
export function documentationIssue(domain: string): Issue {
  return makeIssue('fqdn.documentation_domain', [], { params: { domain } });
}
