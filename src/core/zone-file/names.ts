/**
 * Domain names in presentation form (RFC 1035 §5.1): `@`, relative and absolute names, `\X` and
 * `\DDD` escapes. Names come out lower case (ASCII), without the trailing dot, with a dot or
 * backslash inside a label escaped again (`a\.b`) and other unprintable octets as `\DDD`.
 */

/** A name read from the text. `relative` is the normalised text before the origin was appended. */
export type NameResult =
  | { ok: true; name: string; relative?: string }
  | { ok: false; reason: 'no_origin' }
  | { ok: false; reason: 'syntax'; detail: string };

const BACKSLASH = 92;
const DOT = 46;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Octets of a UTF-16 code unit run in UTF-8 (a surrogate pair counts 2 + 2). */
function utf8Length(c: number): number {
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
}

/**
 * The fast path of {@link readLabels} for plain ASCII names without escapes (nearly all of them):
 * one scan for the label lengths, one `toLowerCase`. Undefined when the slow path is needed.
 */
function readPlainLabels(
  text: string,
): { ok: true; name: string; absolute: boolean; wire: number } | { ok: false; detail: string } | undefined {
  const length = text.length;
  const absolute = text.charCodeAt(length - 1) === DOT;
  const end = absolute ? length - 1 : length;
  let wire = 1;
  let start = 0;
  for (let i = 0; i <= end; i++) {
    const c = i === end ? DOT : text.charCodeAt(i);
    if (c === BACKSLASH || c >= 0x80) return undefined;
    if (c !== DOT) continue;
    const label = i - start;
    if (label === 0) return { ok: false, detail: 'an empty label (two dots, or a leading dot)' };
    if (label > 63) return { ok: false, detail: 'a label longer than 63 octets' };
    wire += label + 1;
    start = i + 1;
  }
  if (wire > 255) return { ok: false, detail: 'a name longer than 255 octets' };
  return { ok: true, name: (absolute ? text.slice(0, end) : text).toLowerCase(), absolute, wire };
}

/**
 * Reads the labels of `text` (without `@`), normalised. Returns the name without the trailing dot,
 * whether it was absolute, and its wire length so far.
 */
function readLabels(
  text: string,
): { ok: true; name: string; absolute: boolean; wire: number } | { ok: false; detail: string } {
  if (text === '.') return { ok: true, name: '', absolute: true, wire: 1 };
  const fast = readPlainLabels(text);
  if (fast !== undefined) return fast;
  let out = '';
  let labelOctets = 0;
  let wire = 1; // the root label
  let labelStart = true;
  let from = 0; // start of the not yet copied plain run
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === DOT) {
      if (labelStart) return { ok: false, detail: 'an empty label (two dots, or a leading dot)' };
      out += text.slice(from, i).toLowerCase();
      out += '.';
      wire += labelOctets + 1;
      labelOctets = 0;
      labelStart = true;
      i++;
      from = i;
      if (i === length) {
        out = out.slice(0, -1);
        if (wire > 255) return { ok: false, detail: 'a name longer than 255 octets' };
        return { ok: true, name: out, absolute: true, wire };
      }
      continue;
    }
    labelStart = false;
    if (c === BACKSLASH) {
      out += text.slice(from, i).toLowerCase();
      if (i + 1 >= length) return { ok: false, detail: 'a backslash at the end of a name' };
      let code: number;
      if (isDigit(text.charCodeAt(i + 1))) {
        if (!(isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3))))
          return { ok: false, detail: 'a \\DDD escape needs three digits' };
        code = Number(text.slice(i + 1, i + 4));
        if (code > 255) return { ok: false, detail: `the escape \\${text.slice(i + 1, i + 4)} is over 255` };
        i += 4;
      } else {
        code = text.charCodeAt(i + 1);
        i += 2;
      }
      if (code >= 65 && code <= 90) code += 32;
      out +=
        code === DOT || code === BACKSLASH
          ? `\\${String.fromCharCode(code)}`
          : code <= 32 || code >= 127
            ? `\\${String(code).padStart(3, '0')}`
            : String.fromCharCode(code);
      labelOctets += code > 255 ? utf8Length(code) : 1;
      from = i;
    } else {
      labelOctets += utf8Length(c);
      i++;
    }
    if (labelOctets > 63) return { ok: false, detail: 'a label longer than 63 octets' };
  }
  out += text.slice(from).toLowerCase();
  wire += labelOctets + 1;
  if (wire > 255) return { ok: false, detail: 'a name longer than 255 octets' };
  return { ok: true, name: out, absolute: false, wire };
}

/**
 * Makes a name token absolute: `@` is the origin, a name without a trailing dot is relative to it.
 *
 * @param text - the raw token text
 * @param origin - the origin in force (lower case, no trailing dot; `""` is the root), or undefined
 */
export function absoluteName(text: string, origin: string | undefined): NameResult {
  if (text === '@')
    return origin === undefined ? { ok: false, reason: 'no_origin' } : { ok: true, name: origin };
  if (text.length === 0) return { ok: false, reason: 'syntax', detail: 'an empty name' };
  const read = readLabels(text);
  if (!read.ok) return { ok: false, reason: 'syntax', detail: read.detail };
  if (read.absolute) return { ok: true, name: read.name };
  if (origin === undefined) return { ok: false, reason: 'no_origin' };
  const name = origin === '' ? read.name : `${read.name}.${origin}`;
  if (read.wire - 1 + (origin === '' ? 1 : origin.length + 2) > 255)
    return { ok: false, reason: 'syntax', detail: 'a name longer than 255 octets once the origin is added' };
  return { ok: true, name, relative: read.name };
}

/** True when the character at `at` follows an odd run of backslashes. */
function isEscaped(name: string, at: number): boolean {
  let count = 0;
  for (let k = at - 1; k >= 0 && name.charCodeAt(k) === BACKSLASH; k--) count++;
  return count % 2 === 1;
}

/** The parent of a normalised name (`""` for a one-label name), or undefined for the root. */
export function parentName(name: string): string | undefined {
  if (name === '') return undefined;
  // A dot escaped inside a label (`a\.b`) is not a separator.
  // A dot is escaped only after an odd number of backslashes (`a\\.b` is the label `a\` then `b`).
  let i = name.indexOf('.');
  while (i > 0 && isEscaped(name, i)) i = name.indexOf('.', i + 1);
  return i === -1 ? '' : name.slice(i + 1);
}
