/**
 * RULES §1, the fast path: one pass over the characters, no issue objects. `isFqdn` is this alone;
 * `checkFqdn` uses it for valid names (adding their warnings) and runs the diagnosis only for the
 * rest. Keep in sync with `diagnose.ts`: the property test `isFqdn(x) === checkFqdn(x).ok` ties them.
 */
import { getDomain } from 'tldts';
import { MAX_INPUT_LENGTH } from '../input.js';
import { DEEP_ICANN_TLDS, FLAT_ICANN_TLDS } from './flat-tlds.js';
import { isValidALabel } from './idna.js';
import { MAX_LABEL_LENGTH, MAX_NAME_LENGTH, type ResolvedOptions } from './options.js';
import { EXAMPLE_TLDS, isExampleDomain, RESERVED_TLDS, TLDTS_OPTIONS } from './reserved-names.js';

export const SCAN_INVALID = 0;
export const SCAN_VALID = 1;
/** Non-ASCII with allowIdn: only the diagnostic path converts U-labels. */
export const SCAN_SLOW = 2;

/** How much of the registrable domain a scan must find (`SCAN.domain`). */
export const DOMAIN_NONE = 0; // isFqdn: the verdict only
export const DOMAIN_CHEAP = 1; // checkFqdn: the domain when it costs no tldts call (flat TLDs)
export const DOMAIN_FULL = 2; // analyzeFqdn: the domain whenever there is one

/** What the last `scanFqdn` call found for a valid name (reused, so the hot path allocates nothing). */
export const SCAN = { name: '', trimmed: false, dashes: false, domain: null as string | null };

/**
 * The fast verdict: one native pattern test, then the TLD rules. With `structureOnly`, stops after the structural and label rules (the
 * `fqdn.not_a_hostname` hint check): single labels, the TLD and the public-suffix rules are not judged.
 * @returns SCAN_VALID (facts in {@link SCAN}), SCAN_INVALID, or SCAN_SLOW
 */
export function scanFqdn(
  input: unknown,
  o: ResolvedOptions,
  structureOnly = false,
  needDomain: number = DOMAIN_FULL,
): number {
  if (typeof input !== 'string') return SCAN_INVALID;
  const rawLength = input.length;
  if (rawLength === 0 || rawLength > MAX_INPUT_LENGTH) return SCAN_INVALID;
  let s = input;
  // The common case first: one native test of the whole structure — lower-case LDH labels, none
  // empty, no hyphen at either end (RFC 1035 §2.3.1, RFC 1123 §2.1), one optional root dot.
  const lower = LOWER_LDH_NAME.test(s);
  if (!lower) {
    // Trim (exactly as String.prototype.trim) only when an end could be whitespace.
    const head = s.charCodeAt(0);
    const tail = s.charCodeAt(rawLength - 1);
    if (head <= 32 || head >= 127 || tail <= 32 || tail >= 127) {
      s = s.trim();
      if (s.length === 0) return SCAN_INVALID;
    }
    // Any other character or shape is an error of some rule (invalid_char, label_empty,
    // label_hyphen, not_a_hostname, ip_address, underscore, wildcard), or non-ASCII that only the
    // diagnosis can convert (allowIdn).
    if (!LDH_NAME.test(s)) return o.allowIdn && NON_ASCII.test(s) ? SCAN_SLOW : SCAN_INVALID;
  }
  let end = s.length;
  if (s.charCodeAt(end - 1) === 46) end -= 1; // one root dot
  // RFC 1035 §2.3.4: 253 characters without the root dot, labels of at most 63 (only a longer name can hold one).
  if (end > MAX_NAME_LENGTH) return SCAN_INVALID;
  const body = end === s.length ? s : s.slice(0, end);
  if (end > MAX_LABEL_LENGTH && hasLongLabel(body)) return SCAN_INVALID;
  // "--" in positions 3–4: an xn-- label to validate, or an R-LDH label to warn about.
  const dashes = body.includes('--');
  if (structureOnly) return !dashes || aLabelsValid(body.toLowerCase()) ? SCAN_VALID : SCAN_INVALID;
  const tldStart = body.lastIndexOf('.') + 1;
  if (tldStart === 0) return SCAN_INVALID; // a single label
  const tldFirst = body.charCodeAt(tldStart);
  if (tldFirst >= 48 && tldFirst <= 57) return SCAN_INVALID; // numeric TLD (and every dotted-number IPv4)

  const name = lower ? body : body.toLowerCase();
  if (dashes && !aLabelsValid(name)) return SCAN_INVALID;
  SCAN.name = name;
  SCAN.trimmed = s.length !== rawLength;
  SCAN.dashes = dashes;
  SCAN.domain = null;
  return suffixVerdict(name, tldStart, o, needDomain);
}

// Labels of letters, digits and inner hyphens, dot-separated, one optional root dot. Linear: a label
// can end only before a dot, so the engine never retries earlier labels.
const LOWER_LDH_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?$/;
const LDH_NAME =
  /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*\.?$/;
const NON_ASCII = /[^\u0000-\u007f]/;

/** True when a label is over 63 characters (the dots found natively, not char by char). */
function hasLongLabel(name: string): boolean {
  let start = 0;
  for (;;) {
    const dot = name.indexOf('.', start);
    const stop = dot < 0 ? name.length : dot;
    if (stop - start > MAX_LABEL_LENGTH) return true;
    if (dot < 0) return false;
    start = dot + 1;
  }
}

/** The TLD and public-suffix rules of a structurally valid, lower-case name (sets `SCAN.domain`). */
function suffixVerdict(name: string, tldStart: number, o: ResolvedOptions, needDomain: number): number {
  // The commonest TLDs by their characters, before any string is made (as tldts' own fast path).
  if (name.length - tldStart === 3 && isComNetOrg(name)) {
    if (isExampleDomain(name, tldStart)) return o.allowReserved ? SCAN_VALID : SCAN_INVALID;
    if (needDomain !== DOMAIN_NONE) SCAN.domain = name.slice(name.lastIndexOf('.', tldStart - 2) + 1);
    return SCAN_VALID;
  }
  const tld = name.slice(tldStart);
  if (RESERVED_TLDS.has(tld) || (EXAMPLE_TLDS.has(tld) && isExampleDomain(name, tldStart))) {
    return o.allowReserved ? SCAN_VALID : SCAN_INVALID;
  }
  // No other ICANN rule under the TLD (generated from tldts' own list): the registrable domain is the
  // last two labels, without asking tldts (as tldts itself does for com, net, org, edu, gov, de).
  if (FLAT_ICANN_TLDS.has(tld)) {
    if (needDomain !== DOMAIN_NONE) SCAN.domain = name.slice(name.lastIndexOf('.', tldStart - 2) + 1);
    return SCAN_VALID;
  }
  // A name with more labels than the deepest ICANN rule under its TLD is never a public suffix
  // itself, and its suffix is ICANN (the TLD rule at least matches): no tldts call unless the
  // domain itself is wanted (documentation placeholders are all under flat TLDs).
  const depth = DEEP_ICANN_TLDS.get(tld);
  if (depth === undefined) {
    // In neither table: not an ICANN TLD. With private entries off, tldts then takes the last label
    // as the suffix, so the registrable domain is the last two labels.
    if (o.requireKnownTld) return SCAN_INVALID;
    if (needDomain !== DOMAIN_NONE) SCAN.domain = name.slice(name.lastIndexOf('.', tldStart - 2) + 1);
    return SCAN_VALID;
  }
  if (needDomain !== DOMAIN_FULL && hasMoreLabels(name, depth)) return SCAN_VALID;
  const domain = getDomain(name, TLDTS_OPTIONS);
  if (domain === null) return SCAN_INVALID; // the name is a public suffix
  SCAN.domain = domain;
  return SCAN_VALID;
}

// Every xn-- label of a lower-case name decodes to a valid U-label (RFC 5891 §5.4).
function aLabelsValid(name: string): boolean {
  let start = 0;
  while (start < name.length) {
    let stop = name.indexOf('.', start);
    if (stop < 0) stop = name.length;
    if (
      stop - start >= 4 &&
      name.charCodeAt(start) === 120 &&
      name.charCodeAt(start + 1) === 110 &&
      name.charCodeAt(start + 2) === 45 &&
      name.charCodeAt(start + 3) === 45 &&
      !isValidALabel(name.slice(start, stop))
    ) {
      return false;
    }
    start = stop + 1;
  }
  return true;
}

/** The name ends with `com`, `net` or `org` (after a dot): flat ICANN TLDs, `example.*` aside. */
function isComNetOrg(name: string): boolean {
  const n = name.length;
  const a = name.charCodeAt(n - 3);
  const b = name.charCodeAt(n - 2);
  const c = name.charCodeAt(n - 1);
  return (
    (a === 99 && b === 111 && c === 109) || // com
    (a === 110 && b === 101 && c === 116) || // net
    (a === 111 && b === 114 && c === 103) // org
  );
}

/** True when `name` has more than `count` labels (at least `count` dots), found from the right. */
function hasMoreLabels(name: string, count: number): boolean {
  let dot = name.length;
  for (let found = 0; found < count; found += 1) {
    dot = name.lastIndexOf('.', dot - 1);
    if (dot < 0) return false;
  }
  return true;
}
