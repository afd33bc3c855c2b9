/**
 * RULES §1, the fast path: one pass over the characters, no issue objects. `isFqdn` is this alone;
 * `checkFqdn` uses it for valid names (adding their warnings) and runs the diagnosis only for the
 * rest. Keep in sync with `diagnose.ts`: the property test `isFqdn(x) === checkFqdn(x).ok` ties them.
 */
import { getDomain, parse } from 'tldts';
import { MAX_INPUT_LENGTH } from '../input.js';
import { isValidALabel } from './idna.js';
import {
  C_DOT,
  C_HYPHEN,
  C_LOWER,
  C_UPPER,
  CHAR_CLASS,
  MAX_LABEL_LENGTH,
  MAX_NAME_LENGTH,
  type ResolvedOptions,
} from './options.js';
import { mayBeReserved, reservedSuffix, TLDTS_OPTIONS } from './reserved-names.js';

export const SCAN_INVALID = 0;
export const SCAN_VALID = 1;
/** Non-ASCII with allowIdn: only the diagnostic path converts U-labels. */
export const SCAN_SLOW = 2;

/** What the last `scanFqdn` call found for a valid name (reused, so the hot path allocates nothing). */
export const SCAN = { name: '', trimmed: false, dashes: false, domain: null as string | null };

// TLDs seen to be ICANN public suffixes (with private entries off, isIcann depends on the TLD only).
// Only ICANN TLDs are added, so it never holds more than the Public Suffix List's ~1,500 TLDs.
const ICANN_TLDS = new Set<string>();

/**
 * One pass over the characters. With `structureOnly`, stops after the structural and label rules (the
 * `fqdn.not_a_hostname` hint check): single labels, the TLD and the public-suffix rules are not judged.
 * @returns SCAN_VALID (facts in {@link SCAN}), SCAN_INVALID, or SCAN_SLOW
 */
export function scanFqdn(input: unknown, o: ResolvedOptions, structureOnly = false): number {
  if (typeof input !== 'string') return SCAN_INVALID;
  let s = input;
  const rawLength = s.length;
  if (rawLength === 0 || rawLength > MAX_INPUT_LENGTH) return SCAN_INVALID;
  // Trim (exactly as String.prototype.trim) only when an end could be whitespace.
  const head = s.charCodeAt(0);
  const tail = s.charCodeAt(rawLength - 1);
  if (head <= 32 || head >= 127 || tail <= 32 || tail >= 127) {
    s = s.trim();
    if (s.length === 0) return SCAN_INVALID;
  }
  let end = s.length;
  if (s.charCodeAt(end - 1) === 46) end -= 1; // one root dot
  if (end === 0) return SCAN_INVALID;

  let labelStart = 0;
  let labels = 1;
  let upper = false;
  let dashes = false;
  for (let i = 0; i <= end; i += 1) {
    const c = i === end ? 46 : s.charCodeAt(i);
    if (c >= 128) return o.allowIdn ? SCAN_SLOW : SCAN_INVALID;
    const cls = CHAR_CLASS[c];
    if (cls === C_LOWER || cls === C_HYPHEN) continue;
    if (cls === C_UPPER) {
      upper = true;
      continue;
    }
    // Every other ASCII character is an error of some rule (invalid_char, not_a_hostname, ip_address,
    // underscore, wildcard) whatever follows.
    if (cls !== C_DOT) return SCAN_INVALID;
    const length = i - labelStart;
    if (length === 0 || length > MAX_LABEL_LENGTH) return SCAN_INVALID;
    if (s.charCodeAt(labelStart) === 45 || s.charCodeAt(i - 1) === 45) return SCAN_INVALID;
    // "--" in positions 3–4: an xn-- label to validate, or an R-LDH label to warn about.
    if (length >= 4 && s.charCodeAt(labelStart + 2) === 45 && s.charCodeAt(labelStart + 3) === 45)
      dashes = true;
    if (i < end) labels += 1;
    labelStart = i + 1;
  }
  if (end > MAX_NAME_LENGTH) return SCAN_INVALID;
  if (structureOnly)
    return !dashes || aLabelsValid(s.slice(0, end).toLowerCase()) ? SCAN_VALID : SCAN_INVALID;
  if (labels === 1) return SCAN_INVALID;
  const tldStart = s.lastIndexOf('.', end - 1) + 1;
  const first = s.charCodeAt(tldStart);
  if (first >= 48 && first <= 57) return SCAN_INVALID; // numeric TLD (and every dotted-number IPv4)

  let name = end === s.length ? s : s.slice(0, end);
  if (upper) name = name.toLowerCase();
  if (dashes && !aLabelsValid(name)) return SCAN_INVALID;
  SCAN.name = name;
  SCAN.trimmed = s.length !== rawLength;
  SCAN.dashes = dashes;
  SCAN.domain = null;
  return suffixVerdict(name, tldStart, o);
}

/** The TLD and public-suffix rules of a structurally valid, lower-case name (sets `SCAN.domain`). */
function suffixVerdict(name: string, tldStart: number, o: ResolvedOptions): number {
  const tld = name.slice(tldStart);
  if (mayBeReserved(tld) && reservedSuffix(name, tldStart) !== null) {
    return o.allowReserved ? SCAN_VALID : SCAN_INVALID;
  }
  let domain: string | null;
  if (ICANN_TLDS.has(tld)) {
    domain = getDomain(name, TLDTS_OPTIONS);
  } else {
    const parsed = parse(name, TLDTS_OPTIONS);
    if (parsed.isIcann === true) ICANN_TLDS.add(tld);
    else if (o.requireKnownTld) return SCAN_INVALID;
    domain = parsed.domain;
  }
  if (domain === null) return SCAN_INVALID; // the name is a public suffix
  SCAN.domain = domain;
  return SCAN_VALID;
}

// Every xn-- label of a lower-case name decodes to a valid U-label (RFC 5891 §5.4).
export function aLabelsValid(name: string): boolean {
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
