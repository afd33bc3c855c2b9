/**
 * IDNA helpers without Node-only modules: a RFC 3492 Punycode decoder and the global WHATWG `URL`
 * (UTS #46) for the A-label of a name. The core entry must bundle for a browser, so no `node:punycode`.
 */

// RFC 3492 §5: bootstring parameters for Punycode.
const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_INT = 0x7fffffff;
const MAX_CODE_POINT = 0x10ffff;

// RFC 3492 §6.1: bias adaptation.
function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >>> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - TMIN) * TMAX) >>> 1) {
    d = Math.floor(d / (BASE - TMIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - TMIN + 1) * d) / (d + SKEW));
}

// RFC 3492 §5: digit values a-z → 0-25, 0-9 → 26-35 (case-insensitive); -1 for anything else.
function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 22;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 97 && code <= 122) return code - 97;
  return -1;
}

/**
 * Decodes a Punycode string (the part after `xn--`) per RFC 3492 §6.2.
 * @param input the encoded string, ASCII only
 * @returns the decoded Unicode string, or `null` when the input is not valid Punycode
 */
export function punycodeDecode(input: string): string | null {
  const output: number[] = [];
  let basic = input.lastIndexOf('-');
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j += 1) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) return null;
    output.push(code);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let index = basic > 0 ? basic + 1 : 0; index < input.length; ) {
    const oldi = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (index >= input.length) return null;
      const digit = digitValue(input.charCodeAt(index));
      index += 1;
      if (digit < 0 || digit > Math.floor((MAX_INT - i) / w)) return null;
      i += digit * w;
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) return null;
      w *= BASE - t;
    }
    const out = output.length + 1;
    bias = adapt(i - oldi, out, oldi === 0);
    if (Math.floor(i / out) > MAX_INT - n) return null;
    n += Math.floor(i / out);
    i %= out;
    if (n > MAX_CODE_POINT) return null;
    output.splice(i, 0, n);
    i += 1;
  }
  return String.fromCodePoint(...output);
}

/** True for letters, digits, `-`, `.`, `_` and `*` in ASCII (what a converted name may hold). */
function isPlainAsciiName(name: string): boolean {
  for (let i = 0; i < name.length; i += 1) {
    const c = name.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95 || c === 42;
    if (!ok) return false;
  }
  return name.length > 0;
}

/**
 * The ASCII form of a host name by the WHATWG URL host parser (UTS #46, non-transitional): U-labels
 * become A-labels, full-width forms and `。` are mapped, upper case is lowered. Returns `null` when the
 * URL parser refuses the name or when anything leaked out of the host (a mapped `／`, `＠`, `：`).
 */
export function urlToAscii(name: string): string | null {
  let url: URL;
  try {
    url = new URL(`http://${name}/`);
  } catch {
    return null;
  }
  const host = url.hostname;
  if (url.href !== `http://${host}/` || !isPlainAsciiName(host)) return null;
  return host;
}

/**
 * RFC 5891 §5.4: an `xn--` label is valid when it decodes to a non-ASCII U-label whose canonical
 * A-label (by UTS #46, lower case, NFC) is the label itself.
 * @param label a lower-case ASCII label starting with `xn--`
 */
export function isValidALabel(label: string): boolean {
  const decoded = punycodeDecode(label.slice(4));
  if (decoded === null || decoded.length === 0) return false;
  let nonAscii = false;
  for (let i = 0; i < decoded.length; i += 1) {
    if (decoded.charCodeAt(i) >= 0x80) {
      nonAscii = true;
      break;
    }
  }
  if (!nonAscii) return false;
  return isPlausibleULabel(decoded) && urlToAscii(decoded) === label;
}

// RFC 5892 (IDNA2008) PVALID is, roughly, lower-case/other letters, modifier letters, marks and
// decimal digits that NFKC_Casefold leaves alone; plus "-" (RFC 5891 §4.2.3.1 positions checked elsewhere).
const IDNA2008_CHAR = /^[\p{Ll}\p{Lo}\p{Lm}\p{Mn}\p{Mc}\p{Nd}-]$/u;
const COMBINING_START = /^\p{M}/u;

// RFC 5892 Appendix A: the CONTEXTJ (ZWNJ, ZWJ) and CONTEXTO code points (middle dot, Greek keraia,
// Hebrew geresh/gershayim, katakana middle dot, Arabic-Indic and extended Arabic-Indic digits).
function isContextual(code: number): boolean {
  return (
    code === 0x200c ||
    code === 0x200d ||
    code === 0x00b7 ||
    code === 0x0375 ||
    code === 0x05f3 ||
    code === 0x05f4 ||
    code === 0x30fb ||
    (code >= 0x0660 && code <= 0x0669) ||
    (code >= 0x06f0 && code <= 0x06f9)
  );
}

/**
 * RFC 5891 §5.4 / RFC 5892 (IDNA2008), a plausibility check of a decoded U-label without Unicode
 * tables (browser-safe): every code point is a lower-case or other letter, a modifier letter, a mark, a
 * decimal digit, `-` or a CONTEXTJ/CONTEXTO code point; the label is NFC and unchanged by NFKC plus
 * lower-casing (IDNA2008 disallows what NFKC_Casefold changes); it does not start with a combining
 * mark (RFC 5891 §4.2.3.2). Rejects symbols and emoji (`💩`), upper case, compatibility forms.
 * Not a full IDNA2008 implementation: the contextual rules themselves and Bidi (RFC 5893) are not checked.
 * @param uLabel the decoded label (Unicode)
 */
export function isPlausibleULabel(uLabel: string): boolean {
  if (uLabel.length === 0 || COMBINING_START.test(uLabel)) return false;
  // RFC 5891 §4.2.3.1: no leading or trailing hyphen, no "--" in the third and fourth positions.
  if (uLabel.startsWith('-') || uLabel.endsWith('-') || uLabel.slice(2, 4) === '--') return false;
  for (const ch of uLabel) {
    if (!IDNA2008_CHAR.test(ch) && !isContextual(ch.codePointAt(0) ?? 0)) return false;
  }
  return uLabel.normalize('NFC') === uLabel && uLabel.normalize('NFKC').toLowerCase() === uLabel;
}

// Characters that UTS #46 maps silently and we must report: dots other than U+002E, zero-width and
// ignored characters, full-width ASCII forms.
function isMappedOffender(code: number): boolean {
  return (
    code === 0x3002 ||
    code === 0xff0e ||
    code === 0xff61 ||
    code === 0x00ad ||
    code === 0x034f ||
    (code >= 0x180b && code <= 0x180f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2060 && code <= 0x2064) ||
    code === 0xfeff ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0xff01 && code <= 0xff5e)
  );
}

/** The character to report for a non-ASCII label: the first silently mapped one, else the first non-ASCII. */
export function offendingChar(text: string): string {
  let first: string | undefined;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    if (isMappedOffender(code)) return ch;
    first ??= ch;
  }
  return first ?? '';
}

/** The first non-ASCII character of `text` (a whole code point), or `''`. */
export function firstNonAscii(text: string): string {
  for (const ch of text) if ((ch.codePointAt(0) ?? 0) >= 0x80) return ch;
  return '';
}

/**
 * UTS #46 / RFC 5891 §5: converts a label holding non-ASCII characters to its A-label, but only when
 * the conversion is faithful (no character mapped to something else, dropped, or turned into a dot):
 * decoding the A-label must give back the label, lower-cased and in NFC.
 * @returns the A-label, or `null` when there is none or the label needs mapping
 */
export function toALabel(label: string): string | null {
  const ascii = urlToAscii(label);
  if (ascii === null || !ascii.startsWith('xn--') || ascii.includes('.')) return null;
  const expected = label.toLowerCase().normalize('NFC');
  return punycodeDecode(ascii.slice(4)) === expected ? ascii : null;
}
