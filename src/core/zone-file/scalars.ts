/**
 * The scalar fields of a master file (RFC 1035 §5.1): TTLs with units, whole numbers, dotted quads,
 * and character-strings with their escapes. Hot path: char codes, no regex.
 */

/** The largest TTL (RFC 2181 §8). */
export const MAX_TTL = 2_147_483_647;

/**
 * A TTL in seconds from `3600`, `1h`, `1D2h`, `1w` (units s m h d w, either case), or `'range'`
 * when it is over 2147483647, or undefined when the text is not a TTL.
 */
export function parseTtl(text: string): number | 'range' | undefined {
  const length = text.length;
  if (length === 0 || length > 40) return length > 40 && isDigit(text.charCodeAt(0)) ? 'range' : undefined;
  let total = 0;
  let i = 0;
  let units = false;
  while (i < length) {
    let n = 0;
    const start = i;
    while (i < length && isDigit(text.charCodeAt(i))) n = n * 10 + (text.charCodeAt(i++) - 48);
    if (i === start) return undefined;
    if (i === length) {
      if (units) return undefined; // `1h30`: a number after units has no unit
      total += n;
      break;
    }
    const unit = text.charCodeAt(i++) | 0x20;
    const factor =
      unit === 115
        ? 1
        : unit === 109
          ? 60
          : unit === 104
            ? 3600
            : unit === 100
              ? 86400
              : unit === 119
                ? 604800
                : 0;
    if (factor === 0) return undefined;
    units = true;
    total += n * factor;
  }
  return total > MAX_TTL ? 'range' : total;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A whole number 0–max written in decimal, else undefined. */
export function parseUint(text: string, max: number): number | undefined {
  if (text.length === 0 || text.length > 10) return undefined;
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/** RFC 1035 dotted quad, as BIND's inet_pton reads it: four decimal parts 0–255, no leading zero. */
export function isIPv4(text: string): boolean {
  let parts = 0;
  let i = 0;
  const length = text.length;
  while (i <= length) {
    const start = i;
    let n = 0;
    while (i < length && isDigit(text.charCodeAt(i))) n = n * 10 + (text.charCodeAt(i++) - 48);
    const digits = i - start;
    if (digits === 0 || digits > 3 || n > 255 || (digits > 1 && text.charCodeAt(start) === 48)) return false;
    parts++;
    if (i === length) break;
    if (text.charCodeAt(i) !== 46 || parts === 4) return false;
    i++;
  }
  return parts === 4;
}

/** UTF-8 octets of `text` from `from` to `to` (a surrogate pair counts 2 + 2). */
function octetsOf(text: string, from: number, to: number): number {
  let octets = to - from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) octets += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return octets;
}

/** A character-string (RFC 1035 §5.1) decoded: `\X` → X, `\DDD` → the octet. Plain runs are copied whole. */
export function decodeString(
  text: string,
): { ok: true; value: string; octets: number } | { ok: false; detail: string } {
  let slash = text.indexOf('\\');
  if (slash === -1) return { ok: true, value: text, octets: octetsOf(text, 0, text.length) };
  let out = '';
  let octets = 0;
  let from = 0;
  while (slash !== -1) {
    out += text.slice(from, slash);
    octets += octetsOf(text, from, slash);
    if (slash + 1 >= text.length) return { ok: false, detail: 'a backslash at the end of a string' };
    if (isDigit(text.charCodeAt(slash + 1))) {
      if (!(isDigit(text.charCodeAt(slash + 2)) && isDigit(text.charCodeAt(slash + 3))))
        return { ok: false, detail: 'a \\DDD escape needs three digits' };
      const code = Number(text.slice(slash + 1, slash + 4));
      if (code > 255)
        return { ok: false, detail: `the escape \\${text.slice(slash + 1, slash + 4)} is over 255` };
      out += String.fromCharCode(code);
      from = slash + 4;
    } else {
      out += text[slash + 1];
      from = slash + 2;
    }
    octets++;
    slash = text.indexOf('\\', from);
  }
  out += text.slice(from);
  octets += octetsOf(text, from, text.length);
  return { ok: true, value: out, octets };
}
