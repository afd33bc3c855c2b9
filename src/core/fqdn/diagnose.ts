/**
 * RULES §1, the full diagnosis: every rule in order, with issues. `checkFqdn` runs it for the names
 * the fast scan (`scan.ts`) does not accept; tests tie the two (`isFqdn(x) === checkFqdn(x).ok`).
 */
import { getDomain } from 'tldts';
import { readStringInput } from '../input.js';
import { type Issue, makeIssue, type Result, toResult } from '../result.js';
import { codePointOf } from '../text/chars.js';
import { DEEP_ICANN_TLDS, FLAT_ICANN_TLDS } from './flat-tlds.js';
import { firstNonAscii, isValidALabel, offendingChar, punycodeDecode, toALabel, urlToAscii } from './idna.js';
import { extractBareHost, isIPv4Literal, isIPv6 } from './ip.js';
import {
  C_INVALID,
  CHAR_CLASS,
  type FqdnOptions,
  LENIENT,
  LENIENT_IDN,
  MAX_LABEL_LENGTH,
  MAX_NAME_LENGTH,
  type ResolvedOptions,
  resolveOptions,
} from './options.js';
import {
  DOCUMENTATION_DOMAINS,
  documentationIssue,
  reservedSuffix,
  TLDTS_OPTIONS,
} from './reserved-names.js';
import { SCAN_INVALID, SCAN_VALID, scanFqdn } from './scan.js';

/** What the full check found, with the facts `checkSipDomain` builds on. */
export interface FqdnAnalysis {
  result: Result<string>;
  /** The registrable domain (ICANN) when the name passed every error rule and has one. */
  domain: string | null;
}

function done(issues: Issue[], value: string, domain: string | null = null): FqdnAnalysis {
  return { result: toResult(value, issues), domain };
}

/**
 * RULES §1's structural and label errors: what makes a string unfit as a host name whatever its TLD
 * (the SRV target rule of RULES §7 and the `fqdn.not_a_hostname` hint use them).
 */
export const HOST_NAME_ERRORS: ReadonlySet<string> = new Set([
  'input.empty',
  'input.too_long',
  'fqdn.ip_address',
  'fqdn.not_a_hostname',
  'fqdn.invalid_char',
  'fqdn.non_ascii',
  'fqdn.label_empty',
  'fqdn.too_long',
  'fqdn.label_too_long',
  'fqdn.underscore',
  'fqdn.wildcard',
  'fqdn.label_hyphen',
  'fqdn.invalid_a_label',
]);

// Errors that make a bare host unfit for the `fqdn.not_a_hostname` hint.
const HINT_BLOCKERS: ReadonlySet<string> = new Set([
  ...HOST_NAME_ERRORS,
  'input.not_string',
  'input.trimmed',
]);

/**
 * The diagnostic path: every rule of RULES §1 in order, with issues. Used for names the fast scan
 * does not accept, and by tests to tie the fast path to it. Not part of the public API.
 */
export function diagnoseFqdn(input: unknown, options?: FqdnOptions | null): FqdnAnalysis {
  return diagnoseResolved(input, resolveOptions(options));
}

/** {@link diagnoseFqdn} with the options already resolved (the callers in this folder). */
export function diagnoseResolved(input: unknown, o: ResolvedOptions): FqdnAnalysis {
  // RULES §0: not a string, over 1,024 characters, empty after trimming.
  const read = readStringInput(input);
  if (!read.ok) return done([read.issue], '');
  const issues: Issue[] = [];
  if (read.trimmed) issues.push(makeIssue('input.trimmed'));
  const name = screenText(read.text, o, issues);
  if (name === null) return done(issues, '');
  const labels = name.split('.');
  if (labelsHaveError(labels, o, issues)) return done(issues, '');
  return suffixRules(name, labels, o, issues);
}

/**
 * The whole-string rules, in order: IP literal, URL forms, characters, non-ASCII (or its A-label with
 * `allowIdn`), empty labels, length. Returns the lower-case name without its root dot, or `null`.
 */
function screenText(text: string, o: ResolvedOptions, issues: Issue[]): string | null {
  // MS-PIC asks for an FQDN: IP literals (a dotted quad, IPv6) are recognised before anything else,
  // also inside a URL. Other dotted numbers (`10.1`, `999.1.1.1`) fall through to the name rules.
  const bare = extractBareHost(text);
  if (isIPv4Literal(bare.bare) || isIPv6(bare.bare)) {
    issues.push(makeIssue('fqdn.ip_address', [], { params: { value: bare.bare } }));
    return null;
  }
  if (bare.found !== undefined || bare.bracketed) {
    // The hint names a bare host only when that host passes the structural and label rules itself.
    const host = isPlausibleBareHost(bare.bare, o) ? bare.bare : undefined;
    const params = {
      value: text,
      found: bare.found ?? ('brackets' as const),
      ...(host === undefined ? {} : { host }),
    };
    issues.push(makeIssue('fqdn.not_a_hostname', [], { params }));
    return null;
  }

  // RFC 1035 §2.3.1: letters, digits and hyphens (underscore and "*" get their own rules below).
  let hasNonAscii = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      hasNonAscii = true;
      continue;
    }
    if (CHAR_CLASS[c] === C_INVALID) {
      const char = text[i] as string;
      issues.push(makeIssue('fqdn.invalid_char', [], { params: { char, codePoint: codePointOf(char) } }));
      return null;
    }
  }

  let name = text;
  if (hasNonAscii) {
    const converted = nonAsciiToALabels(text, o, issues);
    if (converted === null) return null;
    name = converted;
  }
  name = name.toLowerCase();

  // RFC 1035: one trailing (root) dot is accepted and removed; any other empty label is refused.
  if (name.charCodeAt(name.length - 1) === 46) name = name.slice(0, -1);
  if (name.length === 0 || name.charCodeAt(0) === 46 || name.includes('..') || name.endsWith('.')) {
    issues.push(makeIssue('fqdn.label_empty'));
    return null;
  }
  // RFC 1035 §2.3.4: 255 octets on the wire, 253 characters in text.
  if (name.length > MAX_NAME_LENGTH) {
    issues.push(makeIssue('fqdn.too_long', [], { params: { max: MAX_NAME_LENGTH, actual: name.length } }));
    return null;
  }
  return name;
}

/**
 * MS-DNS: "Lync Server 2013 does not support internationalized domain names"; "Do not use Unicode
 * characters". With `allowIdn` the U-labels become A-labels; otherwise (or when a label has no
 * faithful A-label) `fqdn.non_ascii` with the A-label form as hint, and `null`.
 */
function nonAsciiToALabels(text: string, o: ResolvedOptions, issues: Issue[]): string | null {
  const converted = o.allowIdn ? convertULabels(text) : null;
  if (typeof converted === 'string') return converted;
  const char = converted?.char ?? firstNonAscii(text);
  const ascii = urlToAscii(text);
  const params = { char, codePoint: codePointOf(char), ...(ascii === null ? {} : { ascii }) };
  issues.push(makeIssue('fqdn.non_ascii', [], { params }));
  return null;
}

/** Label rules: every label is checked, all findings reported; true when any is an error. */
function labelsHaveError(labels: readonly string[], o: ResolvedOptions, issues: Issue[]): boolean {
  let labelError = false;
  for (const label of labels) {
    let bad = false;
    // RFC 1035 §2.3.4: label ≤ 63 octets.
    if (label.length > MAX_LABEL_LENGTH) {
      issues.push(
        makeIssue('fqdn.label_too_long', [], {
          params: { label, max: MAX_LABEL_LENGTH, actual: label.length },
        }),
      );
      bad = true;
    }
    // RFC 1123 §2.1; MS-DNS "Do not use … underscores" in host names.
    if (label.includes('_')) {
      issues.push(makeIssue('fqdn.underscore', [], { params: { label } }));
      bad = true;
    }
    // MS-CERT: wildcards are not supported for the Edge. RULES §1: any label holding "*" (`*`, `w*`)
    // is `fqdn.wildcard`, never `fqdn.invalid_char`.
    if (label.includes('*')) {
      issues.push(makeIssue('fqdn.wildcard', [], { params: { label } }));
      bad = true;
    }
    // RFC 1123 §2.1 / RFC 952: a label starts and ends with a letter or digit.
    if (label.charCodeAt(0) === 45 || label.charCodeAt(label.length - 1) === 45) {
      issues.push(makeIssue('fqdn.label_hyphen', [], { params: { label } }));
      bad = true;
    }
    if (bad) {
      labelError = true;
      continue;
    }
    if (labelIdnaIssue(label, o, issues)) labelError = true;
  }
  return labelError;
}

/** The rules on the name as a whole once its labels are valid: qualified, TLD, reserved, public suffix. */
function suffixRules(
  name: string,
  labels: readonly string[],
  o: ResolvedOptions,
  issues: Issue[],
): FqdnAnalysis {
  // Must be fully qualified.
  if (labels.length === 1) {
    issues.push(makeIssue('fqdn.single_label', [], { params: { value: name } }));
    return done(issues, '');
  }
  const tldStart = name.lastIndexOf('.') + 1;
  const tld = labels[labels.length - 1] as string;
  // RFC 3696 §2 (a TLD is not all-numeric); RFC 3261 §25.1 toplabel = ALPHA / ALPHA *( alphanum / "-" ) alphanum.
  const first = tld.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    issues.push(makeIssue('fqdn.numeric_tld', [], { params: { tld } }));
    return done(issues, '');
  }
  // RFC 6761/6762/7686/8375/9476, ICANN 2024 (.internal): special-use and private-use names.
  const suffix = reservedSuffix(name, tldStart);
  if (suffix !== null) {
    if (o.allowReserved) return done(issues, name);
    issues.push(makeIssue('fqdn.reserved_name', [], { params: { value: name, suffix } }));
    return done(issues, '');
  }

  // Public DNS: only ICANN suffixes count (private PSL entries such as github.io are fine). The
  // tables generated from tldts hold every ICANN TLD (flat-tlds.ts).
  const flat = FLAT_ICANN_TLDS.has(tld);
  const icann = flat || DEEP_ICANN_TLDS.has(tld);
  if (o.requireKnownTld && !icann) {
    issues.push(makeIssue('fqdn.unknown_tld', [], { params: { tld } }));
    return done(issues, '');
  }
  // Flat or not ICANN: the last two labels (tldts takes the last label as the suffix); else tldts.
  const domain =
    icann && !flat ? getDomain(name, TLDTS_OPTIONS) : name.slice(name.lastIndexOf('.', tldStart - 2) + 1);
  if (domain === null) {
    issues.push(makeIssue('fqdn.public_suffix', [], { params: { value: name } }));
    return done(issues, '');
  }
  if (DOCUMENTATION_DOMAINS.has(domain)) issues.push(documentationIssue(domain));
  return done(issues, name, domain);
}

/** True when `bare` is itself a bare host passing the structural and label rules (checked once, no recursion). */
function isPlausibleBareHost(bare: string, o: ResolvedOptions): boolean {
  if (bare.length === 0 || bare.trim() !== bare) return false;
  const lenient = o.allowIdn ? LENIENT_IDN : LENIENT;
  // Fast path first: the structure-only scan accepts only names passing every structural and label rule.
  const scanned = scanFqdn(bare, lenient, true);
  if (scanned === SCAN_VALID) return true;
  if (scanned === SCAN_INVALID) return false;
  // Non-ASCII with allowIdn: only the diagnostic path converts U-labels.
  const again = extractBareHost(bare);
  if (again.found !== undefined || again.bracketed) return false;
  const checked = diagnoseResolved(bare, lenient).result;
  return !checked.issues.some((issue) => HINT_BLOCKERS.has(issue.code));
}

/**
 * The IDNA rules of one valid LDH label with "--" in positions 3–4. Pushes `fqdn.invalid_a_label`
 * (returns true), `fqdn.idn_not_supported` or `fqdn.reserved_label_form`; nothing for other labels.
 */
export function labelIdnaIssue(label: string, o: ResolvedOptions, issues: Issue[]): boolean {
  if (label.length < 4 || label.charCodeAt(2) !== 45 || label.charCodeAt(3) !== 45) return false;
  if (label.startsWith('xn')) {
    // RFC 5891 §5.4: an xn-- label must decode to a valid U-label.
    if (!isValidALabel(label)) {
      issues.push(makeIssue('fqdn.invalid_a_label', [], { params: { label } }));
      return true;
    }
    // MS-DNS: no IDN in Lync Server 2013.
    if (!o.allowIdn) {
      const unicode = punycodeDecode(label.slice(4)) ?? '';
      issues.push(makeIssue('fqdn.idn_not_supported', [], { params: { label, unicode } }));
    }
    return false;
  }
  // RFC 5890 §2.3.1: "--" in positions 3 and 4 is reserved (R-LDH) for IDNA.
  issues.push(makeIssue('fqdn.reserved_label_form', [], { params: { label } }));
  return false;
}

/**
 * `allowIdn`: converts each label holding non-ASCII characters to its A-label. Returns the ASCII name,
 * or the character to report when a label has no faithful A-label (full-width forms, `。`, zero-width).
 */
function convertULabels(text: string): string | { char: string } {
  const labels = text.split('.');
  for (let i = 0; i < labels.length; i += 1) {
    const label = labels[i] as string;
    if (firstNonAscii(label) === '') continue;
    const aLabel = toALabel(label);
    if (aLabel === null) return { char: offendingChar(label) };
    labels[i] = aLabel;
  }
  return labels.join('.');
}
