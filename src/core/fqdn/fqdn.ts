/** RULES §1: fully qualified domain names (Access Edge FQDN, SRV target, every host name). */
import { getDomain, parse } from 'tldts';
import { MAX_INPUT_LENGTH, readStringInput } from '../input.js';
import { type Issue, makeIssue, type Result, toResult, unwrap } from '../result.js';
import { codePointOf } from '../text/chars.js';
import { firstNonAscii, isValidALabel, offendingChar, punycodeDecode, toALabel, urlToAscii } from './idna.js';
import { extractBareHost, isIPv4Literal, isIPv6 } from './ip.js';

/** Options of `checkFqdn`, `isFqdn` and `checkSipDomain`. */
export interface FqdnOptions {
  /**
   * Accept internationalized names: a U-label is converted to its A-label (IDNA / UTS #46) and
   * `xn--` labels raise no `fqdn.idn_not_supported` warning. Lync Server 2013 does not support IDN.
   * @default false
   */
  allowIdn?: boolean;
  /**
   * Let special-use and private-use names (`.local`, `.test`, `home.arpa`, `example.com`, …) pass,
   * for lab use. They then skip the public-suffix checks too.
   * @default false
   */
  allowReserved?: boolean;
  /**
   * Require the top-level domain to be an ICANN public suffix (`fqdn.unknown_tld` otherwise).
   * @default true
   */
  requireKnownTld?: boolean;
}

/** The options every FQDN check uses unless told otherwise. */
export const DEFAULT_FQDN_OPTIONS: Readonly<Required<FqdnOptions>> = /* @__PURE__ */ Object.freeze({
  allowIdn: false,
  allowReserved: false,
  requireKnownTld: true,
});

type ResolvedOptions = Readonly<Required<FqdnOptions>>;

function readBoolean(options: FqdnOptions, key: keyof FqdnOptions): boolean {
  const value = options[key];
  if (value === undefined) return DEFAULT_FQDN_OPTIONS[key];
  if (typeof value !== 'boolean') throw new TypeError(`pic-preflight: option ${key} must be a boolean`);
  return value;
}

// Options are a programmer's input: a wrong type throws (STYLE rule 2), bad values never do.
// RULES §0: `null` and `undefined` both mean "no options".
function resolveOptions(options: FqdnOptions | null | undefined): ResolvedOptions {
  if (options === undefined || options === null || options === DEFAULT_FQDN_OPTIONS)
    return DEFAULT_FQDN_OPTIONS;
  if (typeof options !== 'object') {
    throw new TypeError('pic-preflight: FQDN options must be an object');
  }
  return {
    allowIdn: readBoolean(options, 'allowIdn'),
    allowReserved: readBoolean(options, 'allowReserved'),
    requireKnownTld: readBoolean(options, 'requireKnownTld'),
  };
}

// RFC 1035 §2.3.4: a name is at most 255 octets on the wire, i.e. 253 characters without the root dot.
const MAX_NAME_LENGTH = 253;
// RFC 1035 §2.3.4: labels are 63 octets or less.
const MAX_LABEL_LENGTH = 63;

// Character classes for the scans, indexed by ASCII code.
const C_INVALID = 0;
const C_LOWER = 1; // a-z, 0-9
const C_UPPER = 2; // A-Z
const C_HYPHEN = 3;
const C_DOT = 4;
const C_UNDERSCORE = 5;
const C_STAR = 6;
const CHAR_CLASS = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (let c = 97; c <= 122; c += 1) table[c] = C_LOWER;
  for (let c = 48; c <= 57; c += 1) table[c] = C_LOWER;
  for (let c = 65; c <= 90; c += 1) table[c] = C_UPPER;
  table[45] = C_HYPHEN;
  table[46] = C_DOT;
  table[95] = C_UNDERSCORE;
  table[42] = C_STAR;
  return table;
})();

// RFC 6761 (test, localhost, invalid, example), RFC 6762 (local), RFC 7686 (onion), RFC 9476 (alt),
// ICANN 2024 (internal), and the widespread private "localdomain".
const RESERVED_TLDS: ReadonlySet<string> = /* @__PURE__ */ new Set([
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
const EXAMPLE_TLDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['com', 'net', 'org']);

// Microsoft documentation placeholders (RULES §1): a name under one was probably copied from the docs.
const DOCUMENTATION_DOMAINS: ReadonlySet<string> = /* @__PURE__ */ new Set([
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

// tldts on an already validated, lower-case ASCII name: no host extraction, no validation, ICANN only.
const TLDTS_OPTIONS = /* @__PURE__ */ Object.freeze({
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
  return getDomain(name, TLDTS_OPTIONS);
}

/** The reserved suffix a lower-case name falls under (`local`, `home.arpa`, `example.com`), or `null`. */
function reservedSuffix(name: string, tldStart: number): string | null {
  const tld = name.slice(tldStart);
  if (tld === 'arpa') {
    // RFC 8375: home.arpa; everything under .arpa is infrastructure (in-addr.arpa, ip6.arpa).
    return name === 'home.arpa' || name.endsWith('.home.arpa') ? 'home.arpa' : 'arpa';
  }
  if (RESERVED_TLDS.has(tld)) return tld;
  if (EXAMPLE_TLDS.has(tld)) {
    const secondStart = name.lastIndexOf('.', tldStart - 2) + 1;
    if (tldStart - 1 - secondStart === 7 && name.startsWith('example', secondStart)) return `example.${tld}`;
  }
  return null;
}

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
 * The diagnostic path: every rule of RULES §1 in order, with issues. Used for names the fast scan
 * does not accept, and by tests to tie the fast path to it. Not part of the public API.
 */
export function diagnoseFqdn(input: unknown, options?: FqdnOptions | null): FqdnAnalysis {
  const o = resolveOptions(options);
  // RULES §0: not a string, over 1,024 characters, empty after trimming.
  const read = readStringInput(input);
  if (!read.ok) return done([read.issue], '');
  const issues: Issue[] = [];
  if (read.trimmed) issues.push(makeIssue('input.trimmed'));
  const text = read.text;

  // MS-PIC asks for an FQDN: IP literals (a dotted quad, IPv6) are recognised before anything else,
  // also inside a URL. Other dotted numbers (`10.1`, `999.1.1.1`) fall through to the name rules.
  const bare = extractBareHost(text);
  if (isIPv4Literal(bare.bare) || isIPv6(bare.bare)) {
    issues.push(makeIssue('fqdn.ip_address', [], { params: { value: bare.bare } }));
    return done(issues, '');
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
    return done(issues, '');
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
      return done(issues, '');
    }
  }

  let name = text;
  if (hasNonAscii) {
    // MS-DNS: "Lync Server 2013 does not support internationalized domain names"; "Do not use Unicode characters".
    const converted = o.allowIdn ? convertULabels(text) : null;
    if (converted === null || typeof converted !== 'string') {
      const char = converted?.char ?? firstNonAscii(text);
      const ascii = urlToAscii(text);
      const params = { char, codePoint: codePointOf(char), ...(ascii === null ? {} : { ascii }) };
      issues.push(makeIssue('fqdn.non_ascii', [], { params }));
      return done(issues, '');
    }
    name = converted;
  }
  name = name.toLowerCase();

  // RFC 1035: one trailing (root) dot is accepted and removed; any other empty label is refused.
  if (name.charCodeAt(name.length - 1) === 46) name = name.slice(0, -1);
  if (name.length === 0 || name.charCodeAt(0) === 46 || name.includes('..') || name.endsWith('.')) {
    issues.push(makeIssue('fqdn.label_empty'));
    return done(issues, '');
  }
  // RFC 1035 §2.3.4: 255 octets on the wire, 253 characters in text.
  if (name.length > MAX_NAME_LENGTH) {
    issues.push(makeIssue('fqdn.too_long', [], { params: { max: MAX_NAME_LENGTH, actual: name.length } }));
    return done(issues, '');
  }

  // Label rules: every label is checked, all findings reported, then any error stops here.
  const labels = name.split('.');
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
  if (labelError) return done(issues, '');

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

  // Public DNS: only ICANN suffixes count (private PSL entries such as github.io are fine).
  const parsed = parse(name, TLDTS_OPTIONS);
  if (o.requireKnownTld && parsed.isIcann !== true) {
    issues.push(makeIssue('fqdn.unknown_tld', [], { params: { tld } }));
    return done(issues, '');
  }
  const domain = parsed.domain;
  if (domain === null) {
    issues.push(makeIssue('fqdn.public_suffix', [], { params: { value: name } }));
    return done(issues, '');
  }
  if (DOCUMENTATION_DOMAINS.has(domain)) issues.push(documentationIssue(domain));
  return done(issues, name, domain);
}

/**
 * RULES §1's structural and label errors: what makes a string unfit as a host name whatever its TLD
 * (the SRV target rule of RULES §7 and the `fqdn.not_a_hostname` hint use them).
 */
export const HOST_NAME_ERRORS: ReadonlySet<string> = /* @__PURE__ */ new Set([
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
const HINT_BLOCKERS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  ...HOST_NAME_ERRORS,
  'input.not_string',
  'input.trimmed',
]);

const LENIENT: ResolvedOptions = /* @__PURE__ */ Object.freeze({
  allowIdn: false,
  allowReserved: true,
  requireKnownTld: false,
});
const LENIENT_IDN: ResolvedOptions = /* @__PURE__ */ Object.freeze({
  allowIdn: true,
  allowReserved: true,
  requireKnownTld: false,
});

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
  const checked = diagnoseFqdn(bare, lenient).result;
  return !checked.issues.some((issue) => HINT_BLOCKERS.has(issue.code));
}

/**
 * The IDNA rules of one valid LDH label with "--" in positions 3–4. Pushes `fqdn.invalid_a_label`
 * (returns true), `fqdn.idn_not_supported` or `fqdn.reserved_label_form`; nothing for other labels.
 */
function labelIdnaIssue(label: string, o: ResolvedOptions, issues: Issue[]): boolean {
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

function documentationIssue(domain: string): Issue {
  return makeIssue('fqdn.documentation_domain', [], { params: { domain } });
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

// ---------------------------------------------------------------------------------------------
// The fast path: one pass over the characters, no issue objects. `isFqdn` is this alone; `checkFqdn`
// uses it for valid names (adding their warnings) and runs `diagnoseFqdn` only for the rest.

const SCAN_INVALID = 0;
const SCAN_VALID = 1;
const SCAN_SLOW = 2; // non-ASCII with allowIdn: only the diagnostic path converts U-labels

/** What the last `scanFqdn` call found for a valid name (reused, so the hot path allocates nothing). */
const SCAN = { name: '', trimmed: false, dashes: false, domain: null as string | null };

// TLDs seen to be ICANN public suffixes (with private entries off, isIcann depends on the TLD only).
// Only ICANN TLDs are added, so it never holds more than the Public Suffix List's ~1,500 TLDs.
const ICANN_TLDS = new Set<string>();

/**
 * One pass over the characters. With `structureOnly`, stops after the structural and label rules (the
 * `fqdn.not_a_hostname` hint check): single labels, the TLD and the public-suffix rules are not judged.
 */
function scanFqdn(input: unknown, o: ResolvedOptions, structureOnly = false): number {
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
  if (structureOnly) {
    if (end > MAX_NAME_LENGTH) return SCAN_INVALID;
    return !dashes || aLabelsValid(s.slice(0, end).toLowerCase()) ? SCAN_VALID : SCAN_INVALID;
  }
  if (end > MAX_NAME_LENGTH || labels === 1) return SCAN_INVALID;
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
  const tld = name.slice(tldStart);
  if (RESERVED_TLDS.has(tld) || (EXAMPLE_TLDS.has(tld) && reservedSuffix(name, tldStart) !== null)) {
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

/**
 * The full FQDN check with its by-products (registrable domain): the fast scan for valid names, the
 * diagnostic path for the rest. `checkFqdn` returns `.result`; `checkSipDomain` builds on it.
 * Not part of the public API.
 */
export function analyzeFqdn(input: unknown, options?: FqdnOptions | null): FqdnAnalysis {
  const o = resolveOptions(options);
  if (scanFqdn(input, o) !== SCAN_VALID) return diagnoseFqdn(input, o);
  const { name, trimmed, dashes, domain } = SCAN;
  const documentation = domain !== null && DOCUMENTATION_DOMAINS.has(domain);
  if (!trimmed && !dashes && !documentation) return { result: { ok: true, value: name, issues: [] }, domain };
  const issues: Issue[] = [];
  if (trimmed) issues.push(makeIssue('input.trimmed'));
  if (dashes) for (const label of name.split('.')) labelIdnaIssue(label, o, issues);
  if (documentation) issues.push(documentationIssue(domain));
  return { result: { ok: true, value: name, issues }, domain };
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
  return analyzeFqdn(input, options).result;
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
  const o = options === undefined ? DEFAULT_FQDN_OPTIONS : resolveOptions(options);
  const status = scanFqdn(input, o);
  return status === SCAN_SLOW ? diagnoseFqdn(input, o).result.ok : status === SCAN_VALID;
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
