/**
 * Character classes, written once. Every check takes a UTF-16 code unit (`charCodeAt`) unless it
 * says otherwise; the rules that use them cite their own RFC.
 */

/** `0`–`9`. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `0`–`9`, `a`–`f`, `A`–`F`. */
export function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

/** ASCII `a`–`z`, `A`–`Z`. */
export function isAsciiLetter(code: number): boolean {
  const lower = code | 32;
  return lower >= 97 && lower <= 122;
}

/** C0 controls, DEL and C1 controls (U+0000–U+001F, U+007F–U+009F). */
export function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** A line break to PowerShell and JavaScript besides CR/LF: U+2028 and U+2029. */
export function isUnicodeLineBreak(code: number): boolean {
  return code === 0x2028 || code === 0x2029;
}

/** `U+3002` style notation for the first code point of `ch`. */
export function codePointOf(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * True for a character a reader cannot see when printed: controls, spaces (including U+0020 and
 * U+00A0), format characters (zero-width joiners, BOM) and other separators.
 */
export function isInvisible(ch: string): boolean {
  const point = ch.codePointAt(0);
  if (point === undefined) return false;
  if (point <= 0x20 || (point >= 0x7f && point <= 0xa0)) return true;
  return /^[\p{Cf}\p{Z}]$/u.test(String.fromCodePoint(point));
}
