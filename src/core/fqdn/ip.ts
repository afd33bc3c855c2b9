/** Recognises IP literals and URL-like decorations around a host name (RULES §1, first two rules). */

import { isDigit, isHexDigit } from '../text/chars.js';

/**
 * RULES §1 "IPv4 … literal": true for a dotted quad only — exactly four parts of 1–3 decimal digits,
 * each 0–255, one trailing root dot allowed (`192.0.2.1`, `1.2.3.4.`). Leading zeros are accepted
 * (`010.0.0.1` is still an address to people and to `inet_aton`). Other dotted numbers (`10.1`,
 * `999.1.1.1`, `1.2.3.4.5`, `0x7f.0.0.1`) are not literals: the normal rules judge them (`fqdn.numeric_tld`).
 */
export function isIPv4Literal(text: string): boolean {
  const end = text.length > 0 && text.charCodeAt(text.length - 1) === 46 ? text.length - 1 : text.length;
  return end >= 7 && end <= 15 && isDottedQuad(end === text.length ? text : text.slice(0, end));
}

/**
 * True for an RFC 4291 §2.2 text IPv6 address without brackets: up to eight groups of 1–4 hex digits,
 * at most one `::`, optionally an IPv4 tail (`::ffff:1.2.3.4`) and a zone (`fe80::1%eth0`, RFC 6874).
 */
export function isIPv6(text: string): boolean {
  let end = text.length;
  const zone = text.indexOf('%');
  if (zone >= 0) {
    if (zone === end - 1) return false;
    end = zone;
  }
  if (end < 2) return false;
  let groups = 0;
  let compressed = false;
  let i = 0;
  if (text.charCodeAt(0) === 58) {
    if (text.charCodeAt(1) !== 58) return false;
    compressed = true;
    i = 2;
    if (i === end) return true; // "::"
  }
  while (i < end) {
    const start = i;
    while (i < end && isHexDigit(text.charCodeAt(i))) i += 1;
    const length = i - start;
    if (i < end && text.charCodeAt(i) === 46) {
      // IPv4 tail: the last 32 bits.
      if (!isDottedQuad(text.slice(start, end))) return false;
      groups += 2;
      i = end;
      break;
    }
    if (length === 0 || length > 4) return false;
    groups += 1;
    if (i === end) break;
    if (text.charCodeAt(i) !== 58) return false;
    i += 1;
    if (i < end && text.charCodeAt(i) === 58) {
      if (compressed) return false;
      compressed = true;
      i += 1;
      if (i === end) break;
    } else if (i === end) {
      return false; // trailing single ':'
    }
  }
  return compressed ? groups <= 7 : groups === 8;
}

function isDottedQuad(text: string): boolean {
  // Most names start with a letter: no split for them.
  if (!isDigit(text.charCodeAt(0))) return false;
  const parts = text.split('.');
  if (parts.length !== 4) return false;
  for (const part of parts) {
    if (part.length === 0 || part.length > 3) return false;
    for (let i = 0; i < part.length; i += 1) if (!isDigit(part.charCodeAt(i))) return false;
    if (Number(part) > 255) return false;
  }
  return true;
}

/** What surrounded the bare host name: the `found` param of `fqdn.not_a_hostname`. */
export type Decoration = 'url' | 'sip_uri' | 'user' | 'port' | 'path' | 'query' | 'fragment' | 'parameters';

/** The bare host of a text that may be a URL, a `sip:` URI, `user@host` or `host:port`. */
export interface BareHost {
  /** The host without scheme, user, port, path (brackets of an IPv6 literal removed). */
  bare: string;
  /** The first decoration found, or `undefined` when the text is already bare. */
  found: Decoration | undefined;
  /** True when the host was written in brackets (`[::1]`). */
  bracketed: boolean;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const SIP_SCHEME = /^sips?:/i;

/**
 * Splits the decorations off a text: `https://h/x`, `//h`, `sip:u@h;transport=tls`, `u@h`, `h:5061`,
 * `[v6]:5061`. Only a digits-only port counts as a port (`a:b` stays as it is).
 */
export function extractBareHost(text: string): BareHost {
  if (!hasDecorationChar(text)) return { bare: text, found: undefined, bracketed: false };
  let rest = text;
  let found: Decoration | undefined;
  const scheme = SCHEME.exec(rest);
  if (scheme !== null) {
    found = 'url';
    rest = rest.slice(scheme[0].length);
  } else if (SIP_SCHEME.test(rest)) {
    found = 'sip_uri';
    rest = rest.slice(rest.indexOf(':') + 1);
  } else if (rest.startsWith('//')) {
    found = 'url';
    rest = rest.slice(2);
  }
  // RFC 3986 §3.2: the authority ends at the first "/", "?" or "#"; RFC 3261 §19.1.1: ";" starts uri-parameters.
  for (let i = 0; i < rest.length; i += 1) {
    const c = rest.charCodeAt(i);
    const cut: Decoration | undefined =
      c === 47
        ? 'path'
        : c === 63
          ? 'query'
          : c === 35
            ? 'fragment'
            : c === 59 && startsParameters(rest, i, found === 'sip_uri')
              ? 'parameters'
              : undefined;
    if (cut !== undefined) {
      found ??= cut;
      rest = rest.slice(0, i);
      break;
    }
  }
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    found ??= 'user';
    rest = rest.slice(at + 1);
  }
  let bracketed = false;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close > 0) {
      const after = rest.slice(close + 1);
      if (after.length === 0 || isPort(after)) {
        if (after.length > 0) found ??= 'port';
        bracketed = true;
        rest = rest.slice(1, close);
      }
    }
  } else {
    const colon = rest.indexOf(':');
    if (colon >= 0 && colon === rest.lastIndexOf(':') && isPort(rest.slice(colon))) {
      found ??= 'port';
      rest = rest.slice(0, colon);
    }
  }
  return { bare: rest, found, bracketed };
}

/**
 * RULES §1 (`fqdn.not_a_hostname` vs `fqdn.invalid_char`): a ";" at `index` starts SIP URI parameters
 * only after a `sip:`/`sips:` prefix, after a plausible host (one with a dot: `sip.contoso.com;transport=tls`),
 * or when the parameter part has "=" (`host;transport=tls`). Otherwise (`sip;fabrikam.com`) it is a typo.
 */
function startsParameters(text: string, index: number, sipUri: boolean): boolean {
  if (sipUri) return true;
  const host = text.slice(text.lastIndexOf('@', index) + 1, index);
  if (host.includes('.')) return true;
  const next = text.indexOf(';', index + 1);
  return text.slice(index + 1, next < 0 ? text.length : next).includes('=');
}

// Any of ":", "/", "@", "?", "#", ";", "[" (everything a decoration needs).
function hasDecorationChar(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 58 || c === 47 || c === 64 || c === 63 || c === 35 || c === 59 || c === 91) return true;
  }
  return false;
}

// ":" followed by 1–5 digits.
function isPort(text: string): boolean {
  if (text.length < 2 || text.length > 6 || text.charCodeAt(0) !== 58) return false;
  for (let i = 1; i < text.length; i += 1) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}
