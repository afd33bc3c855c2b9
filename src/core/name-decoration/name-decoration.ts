/**
 * RULES §4: NameDecoration — `user@domain` ⇄ `user(domain)@<NameDecorationRoutingDomain>`.
 *
 * MS-DEPLOY: "setting these allows users to enter Skype users' MSAs without needing to know about
 * 'decorating' non-Microsoft domains with 'msn.com' … The SfB client will automatically format the
 * MSA if the domain is NOT in the Excluded list." Everything beyond that (sip: prefix, exact
 * excluded matching, idempotence, RFC 3261 user part, consumer variants) is our documented choice.
 *
 * Hot path: options are parsed once (default options lazily, user options per object identity),
 * domain checks are memoised in a bounded map, and the local part is scanned with a lookup table
 * (no regular expression).
 */
import { checkFqdn, isFqdn, registrableDomain } from '../fqdn/fqdn.js';
import { MAX_INPUT_LENGTH, readStringInput, typeName } from '../input.js';
import type { AddressInvalidReason } from '../issues/issue-codes.js';
import { comparableName } from '../names.js';
import {
  type Issue,
  type IssuePath,
  makeIssue,
  PreflightError,
  prefixPaths,
  type Result,
  toResult,
} from '../result.js';
import { codePointOf, isAsciiLetter, isDigit, isHexDigit } from '../text/chars.js';
import { parseExcludedDomainList, parseExcludedItems } from './excluded-list.js';

/** The decoration options. Read once per options object: pass a new object to change them. */
export interface DecorationOptions {
  /**
   * `NameDecorationRoutingDomain`: must be a valid FQDN (`decoration.invalid_routing_domain`).
   * @default 'msn.com'
   */
  routingDomain?: string;
  /**
   * `NameDecorationExcludedDomainList`: an array of domains or the comma-separated PowerShell string.
   * @default ['msn.com', 'outlook.com', 'live.com', 'hotmail.com']
   */
  excludedDomains?: readonly string[] | string;
}

/** The documented defaults (MS-PIC, MS-DEPLOY): routing domain `msn.com` and the four excluded domains. */
export const DEFAULT_DECORATION: Readonly<{
  routingDomain: 'msn.com';
  excludedDomains: readonly ['msn.com', 'outlook.com', 'live.com', 'hotmail.com'];
}> = /* @__PURE__ */ Object.freeze({
  routingDomain: 'msn.com',
  excludedDomains: /* @__PURE__ */ Object.freeze([
    'msn.com',
    'outlook.com',
    'live.com',
    'hotmail.com',
  ] as const),
});

/**
 * RULES §4.9: the routing domain must be a valid FQDN (`decoration.invalid_routing_domain`, with the
 * FQDN error code as `reason`). Its FQDN warnings are not repeated. Shared with the provider settings.
 */
export function checkRoutingDomain(value: unknown, path: IssuePath): Result<string> {
  if (typeof value !== 'string') {
    // RULES §4.9: `routingDomain` must be a valid FQDN — a value that is not even a string is not one.
    return {
      ok: false,
      issues: [
        makeIssue('decoration.invalid_routing_domain', path, {
          params: { value: typeName(value), reason: 'input.not_string' },
        }),
      ],
    };
  }
  const checked = checkFqdn(value);
  if (checked.ok) return { ok: true, value: checked.value, issues: [] };
  const first = checked.issues.find((issue) => issue.severity === 'error') ?? checked.issues[0];
  return {
    ok: false,
    issues: [makeIssue('decoration.invalid_routing_domain', path, { params: { value, reason: first.code } })],
  };
}

/** RFC 3261 `user` is conventionally limited in practice; over 64 characters → `address.local_part_too_long` W. */
const MAX_LOCAL_PART = 64;

// ---------------------------------------------------------------------------------------------
// Options

interface ParsedOptions {
  readonly routingDomain: string;
  readonly excluded: ReadonlySet<string>;
  readonly excludedDomains: readonly string[];
  /** Every option issue (errors and warnings), paths `['routingDomain']`, `['excludedDomains', i]`. */
  readonly issues: readonly Issue[];
  readonly invalid: boolean;
}

function parseOptions(options: DecorationOptions | null | undefined): ParsedOptions {
  const issues: Issue[] = [];
  let routingDomain: string = DEFAULT_DECORATION.routingDomain;
  let excludedDomains: readonly string[] = DEFAULT_DECORATION.excludedDomains;
  const routing = options?.routingDomain;
  if (routing !== undefined) {
    const checked = checkRoutingDomain(routing, ['routingDomain']);
    if (checked.ok) routingDomain = checked.value;
    else issues.push(...checked.issues);
  }
  const excluded = options?.excludedDomains;
  if (excluded !== undefined) {
    // RULES §4.9: an array, or the comma-separated PowerShell string. Our choice: the empty string is
    // the empty list here (no domain excluded); `parseExcludedDomainList('')` itself reports an empty item.
    if (excluded === '') {
      excludedDomains = [];
    } else if (typeof excluded === 'string') {
      const parsed = parseExcludedDomainList(excluded);
      issues.push(...prefixPaths(parsed.issues, ['excludedDomains']));
      if (parsed.ok) excludedDomains = parsed.value;
    } else if (Array.isArray(excluded)) {
      excludedDomains = parseExcludedItems(excluded, ['excludedDomains'], issues);
    } else {
      issues.push(
        makeIssue('input.not_string', ['excludedDomains'], { params: { type: typeName(excluded) } }),
      );
    }
  }
  const invalid = issues.some((issue) => issue.severity === 'error');
  return { routingDomain, excluded: new Set(excludedDomains), excludedDomains, issues, invalid };
}

interface CachedOptions {
  readonly routingDomain: unknown;
  readonly excludedDomains: unknown;
  /** A copy of an array `excludedDomains`, to notice an array changed in place. */
  readonly excludedCopy: readonly unknown[] | undefined;
  readonly parsed: ParsedOptions;
}

let defaultOptions: ParsedOptions | undefined;
const optionCache = new WeakMap<object, CachedOptions>();

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Parsed options: the defaults once, user options once per object (re-parsed if a field changed). */
// RULES §0: `null` and `undefined` options mean the defaults; any other non-object is a programmer error.
function resolveOptions(options: DecorationOptions | null | undefined): ParsedOptions {
  if (options === undefined || options === null || options === DEFAULT_DECORATION) {
    defaultOptions ??= parseOptions(undefined);
    return defaultOptions;
  }
  if (typeof options !== 'object') {
    throw new TypeError('pic-preflight: decoration options must be an object, null or undefined');
  }
  const { routingDomain, excludedDomains } = options;
  const hit = optionCache.get(options);
  if (
    hit !== undefined &&
    hit.routingDomain === routingDomain &&
    hit.excludedDomains === excludedDomains &&
    (hit.excludedCopy === undefined || sameItems(hit.excludedCopy, excludedDomains as readonly unknown[]))
  ) {
    return hit.parsed;
  }
  const parsed = parseOptions(options);
  optionCache.set(options, {
    routingDomain,
    excludedDomains,
    excludedCopy: Array.isArray(excludedDomains) ? excludedDomains.slice() : undefined,
    parsed,
  });
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Domains (memoised: addresses in bulk share few domains)

interface DomainCheck {
  /** The normalised domain (lower-case, no trailing dot), or undefined when it has FQDN errors. */
  readonly value: string | undefined;
  /** The FQDN errors (warnings such as `fqdn.documentation_domain` are not repeated, RULES §4.3). */
  readonly errors: readonly Issue[];
  readonly consumerVariant: boolean;
}

const DOMAIN_CACHE_SIZE = 4096;
const domainCache = new Map<string, DomainCheck>();

/** RULES §4.8: national variants of Microsoft consumer domains (`hotmail.co.uk`, `live.fr`, `outlook.de`). */
const CONSUMER_LABELS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'hotmail',
  'live',
  'outlook',
  'msn',
  'windowslive',
  'passport',
]);

function isConsumerVariant(domain: string): boolean {
  const dot = domain.indexOf('.');
  if (dot < 0 || !CONSUMER_LABELS.has(domain.slice(0, dot))) return false;
  // The label must sit directly on an ICANN public suffix: `hotmail.co.uk` yes, `outlook.office365.com` no.
  return registrableDomain(domain) === domain;
}

function validDomain(value: string): DomainCheck {
  return { value, errors: [], consumerVariant: isConsumerVariant(value) };
}

function checkDomain(raw: string): DomainCheck {
  let hit = domainCache.get(raw);
  if (hit === undefined) {
    if (raw.trim() !== raw) {
      // checkFqdn would trim with a mere warning; inside an address whitespace is an error.
      hit = { value: undefined, errors: [invalidAddress('domain_whitespace')], consumerVariant: false };
    } else if (isFqdn(raw)) {
      // Fast path: isFqdn === checkFqdn().ok (property-tested in fqdn), and the normalised value is
      // lower-case without one trailing dot (RULES §0). The agreement is property-tested here too.
      hit = validDomain(comparableName(raw));
    } else {
      // RULES §4.3: the domain must pass the FQDN rules (RULES §1, checkFqdn); keep its errors.
      const checked = checkFqdn(raw);
      hit = checked.ok
        ? validDomain(checked.value)
        : {
            value: undefined,
            errors: checked.issues.filter((issue) => issue.severity === 'error'),
            consumerVariant: false,
          };
    }
    if (domainCache.size >= DOMAIN_CACHE_SIZE) domainCache.clear();
    domainCache.set(raw, hit);
  }
  return hit;
}

// ---------------------------------------------------------------------------------------------
// The address

// RFC 3261 §25.1: user = 1*( unreserved / escaped / user-unreserved ); unreserved = alphanum / mark;
// mark = "-" / "_" / "." / "!" / "~" / "*" / "'" / "(" / ")"; user-unreserved = "&" / "=" / "+" / "$" / "," / ";" / "?" / "/".
// Our choice (RULES §4.4): "(" and ")" only in the decorated form x(d).
const USER_CHARS = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (const char of "-_.!~*'&=+$,;?/") table[char.charCodeAt(0)] = 1;
  for (let c = 0; c < 128; c++) if (isDigit(c) || isAsciiLetter(c)) table[c] = 1;
  return table;
})();

/** Index of the first character that is not RFC 3261 `user` (parentheses excluded), or -1. */
function badUserChar(text: string): number {
  const end = text.length;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && USER_CHARS[code] === 1) continue;
    // RFC 3261 escaped = "%" HEXDIG HEXDIG
    if (
      code === 37 &&
      i + 2 < end &&
      isHexDigit(text.charCodeAt(i + 1)) &&
      isHexDigit(text.charCodeAt(i + 2))
    ) {
      i += 2;
      continue;
    }
    return i;
  }
  return -1;
}

function invalidLocalPart(text: string, index: number): Issue {
  const char = String.fromCodePoint(text.codePointAt(index) ?? 0);
  return makeIssue('address.invalid_local_part', [], {
    params: { char, codePoint: codePointOf(char), index },
  });
}

function invalidAddress(reason: AddressInvalidReason): Issue {
  return makeIssue('address.invalid', [], { params: { reason } });
}

/** `sip:` in any case (RULES §4.1). */
function hasSipPrefix(text: string): boolean {
  return (
    text.length >= 4 &&
    text.charCodeAt(3) === 58 &&
    (text.charCodeAt(0) | 32) === 115 &&
    (text.charCodeAt(1) | 32) === 105 &&
    (text.charCodeAt(2) | 32) === 112
  );
}

interface Address {
  readonly local: string;
  readonly domainRaw: string;
}

/** RULES §4 steps 1–2: trim, drop `sip:`, split on the one `@`. Pushes issues; undefined on error. */
function readAddress(input: unknown, issues: Issue[]): Address | undefined {
  const read = readStringInput(input);
  if (!read.ok) {
    issues.push(read.issue);
    return undefined;
  }
  let text = read.text;
  if (read.trimmed) issues.push(makeIssue('input.trimmed'));
  if (hasSipPrefix(text)) {
    text = text.slice(4);
    issues.push(makeIssue('address.sip_prefix_removed'));
  }
  const at = text.indexOf('@');
  let reason: AddressInvalidReason | undefined;
  if (at < 0) reason = 'missing_at';
  else if (text.indexOf('@', at + 1) >= 0) reason = 'multiple_at';
  else if (at === 0) reason = 'empty_local_part';
  else if (at === text.length - 1) reason = 'empty_domain';
  else {
    const domain = text.slice(at + 1);
    if (domain.trim() !== domain) reason = 'domain_whitespace';
  }
  if (reason !== undefined) {
    issues.push(invalidAddress(reason));
    return undefined;
  }
  return { local: text.slice(0, at), domainRaw: text.slice(at + 1) };
}

interface DecoratedForm {
  /** `x` of `x(d)`. */
  readonly user: string;
  /** `d`, normalised. */
  readonly domain: string;
}

/** RULES §4.6: the local part is `x(d)` with `x` free of parentheses and `d` a valid domain. */
function decoratedForm(local: string): DecoratedForm | undefined {
  const last = local.length - 1;
  if (last < 3 || local.charCodeAt(last) !== 41) return undefined; // ")"
  const open = local.lastIndexOf('(', last);
  if (open <= 0 || open === last - 1) return undefined;
  const user = local.slice(0, open);
  if (user.indexOf('(') >= 0 || user.indexOf(')') >= 0) return undefined;
  const domain = local.slice(open + 1, last);
  if (domain.indexOf(')') >= 0) return undefined;
  const checked = checkDomain(domain);
  return checked.value === undefined ? undefined : { user, domain: checked.value };
}

function firstParen(text: string): number {
  const open = text.indexOf('(');
  const close = text.indexOf(')');
  if (open < 0) return close;
  if (close < 0) return open;
  return Math.min(open, close);
}

function fail(issues: Issue[]): Result<string> {
  return { ok: false, issues: issues as [Issue, ...Issue[]] };
}

function optionFailure(options: ParsedOptions): Result<string> {
  return fail(options.issues.map((issue) => ({ ...issue, path: issue.path.slice() })));
}

function decorateWith(options: ParsedOptions, input: unknown): Result<string> {
  if (options.invalid) return optionFailure(options);
  const issues: Issue[] = [];
  const address = readAddress(input, issues);
  if (address === undefined) return fail(issues);
  const domain = checkDomain(address.domainRaw);
  // RULES §4.3: FQDN errors of the domain, path ['domain'].
  if (domain.value === undefined) issues.push(...prefixPaths(domain.errors, ['domain']));
  const local = address.local;
  let user = local;
  let decorated: DecoratedForm | undefined;
  let bad: number;
  if (firstParen(local) >= 0) {
    decorated = domain.value === options.routingDomain ? decoratedForm(local) : undefined;
    if (decorated === undefined) bad = firstParen(local);
    else {
      user = decorated.user;
      bad = badUserChar(user);
    }
  } else bad = badUserChar(local);
  // RULES §4.4: RFC 3261 user characters and %HH escapes only.
  if (bad >= 0) issues.push(invalidLocalPart(user, bad));
  if (domain.value === undefined || bad >= 0) return fail(issues);
  if (user.length > MAX_LOCAL_PART) {
    issues.push(
      makeIssue('address.local_part_too_long', [], { params: { max: MAX_LOCAL_PART, actual: user.length } }),
    );
  }
  // RULES §4.5 then §4.6: a decorated address whose routing domain is excluded (the default) gets both
  // infos, excluded_domain first; already decorated → unchanged (idempotent even if the routing domain
  // is not excluded, then only already_decorated).
  if (decorated !== undefined) {
    if (options.excluded.has(domain.value)) {
      issues.push(makeIssue('decoration.excluded_domain', [], { params: { domain: domain.value } }));
    }
    issues.push(makeIssue('decoration.already_decorated'));
    return { ok: true, value: `${user}(${decorated.domain})@${options.routingDomain}`, issues };
  }
  // RULES §4.5: excluded domains (exact, case-insensitive; subdomains are not excluded) stay as they are.
  if (options.excluded.has(domain.value)) {
    issues.push(makeIssue('decoration.excluded_domain', [], { params: { domain: domain.value } }));
    return { ok: true, value: `${local}@${domain.value}`, issues };
  }
  // RULES §4.7, MS-PIC: `ted@contoso.com` → `ted(contoso.com)@msn.com`.
  const value = `${local}(${domain.value})@${options.routingDomain}`;
  // Our choice: a decorated value must itself be a valid input (keeps decorating idempotent).
  if (value.length > MAX_INPUT_LENGTH) {
    issues.push(invalidAddress('decorated_too_long'));
    return fail(issues);
  }
  // RULES §4.8: national variants of Microsoft consumer domains are decorated, with a warning.
  if (domain.consumerVariant) {
    issues.push(makeIssue('decoration.consumer_domain_variant', [], { params: { domain: domain.value } }));
  }
  return { ok: true, value, issues };
}

function undecorateWith(options: ParsedOptions, input: unknown): Result<string> {
  if (options.invalid) return optionFailure(options);
  const issues: Issue[] = [];
  const address = readAddress(input, issues);
  if (address === undefined) return fail(issues);
  const domain = checkDomain(address.domainRaw);
  if (domain.value === undefined) {
    issues.push(...prefixPaths(domain.errors, ['domain']));
    return fail(issues);
  }
  // RULES §4.10: only `x(d)@<routing domain>` can be undecorated.
  const decorated = domain.value === options.routingDomain ? decoratedForm(address.local) : undefined;
  if (decorated === undefined) {
    issues.push(
      makeIssue('decoration.not_decorated', [], { params: { routingDomain: options.routingDomain } }),
    );
    return fail(issues);
  }
  const bad = badUserChar(decorated.user);
  if (bad >= 0) {
    issues.push(invalidLocalPart(decorated.user, bad));
    return fail(issues);
  }
  if (decorated.user.length > MAX_LOCAL_PART) {
    issues.push(
      makeIssue('address.local_part_too_long', [], {
        params: { max: MAX_LOCAL_PART, actual: decorated.user.length },
      }),
    );
  }
  return toResult(`${decorated.user}@${decorated.domain}`, issues);
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Decorates an address the way the Lync/Skype for Business client does: `user@domain` →
 * `user(domain)@<routing domain>`, unless the domain is excluded or the address is already decorated.
 *
 * The value keeps the user part's case and lower-cases both domains. A decorated address is a SIP
 * user part, not an RFC 5322 e-mail address: do not run e-mail validators on it.
 *
 * @param input - the address, e.g. `ted@contoso.com` or `sip:ted@contoso.com`
 * @param options - routing domain and excluded domains ({@link DEFAULT_DECORATION} when `undefined` or
 *   `null`; options that are not an object throw a `TypeError`, a programmer error)
 * @returns the decorated address; E: `input.not_string`, `input.empty`, `input.too_long`, `address.invalid`
 *   (`params.reason`), FQDN codes (path `['domain']`), `address.invalid_local_part` (`params.char`),
 *   `decoration.invalid_routing_domain`, `decoration.invalid_excluded_domain`, `decoration.list_empty_item`;
 *   W: `input.trimmed`, `address.local_part_too_long`, `decoration.consumer_domain_variant`;
 *   I: `address.sip_prefix_removed`, `decoration.excluded_domain`, `decoration.already_decorated`
 * @example
 * decorateAddress('ted@contoso.com'); // { ok: true, value: 'ted(contoso.com)@msn.com', issues: [] }
 */
export function decorateAddress(input: unknown, options?: DecorationOptions | null): Result<string> {
  return decorateWith(resolveOptions(options), input);
}

/**
 * Reverses {@link decorateAddress}: `user(domain)@<routing domain>` → `user@domain`.
 *
 * For every address `a` that `decorateAddress` accepts and decorates (neither excluded nor already
 * decorated), `undecorateAddress(decorateAddress(a).value).value` is `a` normalised: trimmed, without
 * `sip:`, domain lower-case without its trailing dot.
 *
 * @param input - a decorated address, e.g. `ted(contoso.com)@msn.com`
 * @param options - the routing domain to expect ({@link DEFAULT_DECORATION} by default)
 * @returns the plain address; E: `decoration.not_decorated`, `address.invalid`, FQDN codes (path `['domain']`),
 *   `address.invalid_local_part`, input codes; W: `input.trimmed`, `address.local_part_too_long`;
 *   I: `address.sip_prefix_removed`
 * @example
 * undecorateAddress('ted(contoso.com)@msn.com'); // { ok: true, value: 'ted@contoso.com', issues: [] }
 */
export function undecorateAddress(input: unknown, options?: DecorationOptions | null): Result<string> {
  return undecorateWith(resolveOptions(options), input);
}

/**
 * True exactly when {@link undecorateAddress} accepts the input with the same options.
 *
 * @param input - any value
 * @param options - the routing domain to expect ({@link DEFAULT_DECORATION} by default)
 * @returns whether the input is `user(domain)@<routing domain>` with a valid user part and domain
 * @example
 * isDecoratedAddress('ted(contoso.com)@msn.com'); // true
 */
export function isDecoratedAddress(input: unknown, options?: DecorationOptions | null): boolean {
  return undecorateWith(resolveOptions(options), input).ok;
}

/** Decorate, undecorate and test with options parsed once (see {@link createDecorator}). */
export interface Decorator {
  /** The normalised routing domain. */
  readonly routingDomain: string;
  /** The normalised excluded domains, without duplicates. */
  readonly excludedDomains: readonly string[];
  /** Warnings found in the options (`decoration.list_whitespace`, `decoration.list_duplicate`). */
  readonly warnings: readonly Issue[];
  decorate(input: unknown): Result<string>;
  undecorate(input: unknown): Result<string>;
  isDecorated(input: unknown): boolean;
}

/**
 * Parses decoration options once and returns functions bound to them (for bulk work and the CLI).
 *
 * @param options - routing domain and excluded domains ({@link DEFAULT_DECORATION} by default)
 * @returns the decorator; throws a `PreflightError` carrying the issues when the options have an error
 *   (`decoration.invalid_routing_domain`, `decoration.invalid_excluded_domain`, `decoration.list_empty_item`)
 * @example
 * const { decorate } = createDecorator({ excludedDomains: 'msn.com,outlook.com,live.com,hotmail.com,live.fr' });
 * decorate('marie@live.fr').value; // 'marie@live.fr'
 */
export function createDecorator(options?: DecorationOptions | null): Decorator {
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new TypeError('pic-preflight: decoration options must be an object, null or undefined');
  }
  const parsed =
    options === undefined || options === null ? resolveOptions(undefined) : parseOptions(options);
  if (parsed.invalid) throw new PreflightError(parsed.issues.slice());
  return Object.freeze({
    routingDomain: parsed.routingDomain,
    excludedDomains: Object.freeze(parsed.excludedDomains.slice()),
    warnings: Object.freeze(parsed.issues.slice()),
    decorate: (input: unknown) => decorateWith(parsed, input),
    undecorate: (input: unknown) => undecorateWith(parsed, input),
    isDecorated: (input: unknown) => undecorateWith(parsed, input).ok,
  });
}

export { parseExcludedDomainList };
