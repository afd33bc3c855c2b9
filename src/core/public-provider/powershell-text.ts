/** RULES §5: PowerShell text safety — which values are refused, and how a value is single-quoted. */
import { isControl, isUnicodeLineBreak } from '../text/chars.js';

/**
 * RULES §5 `provider.unsafe_value`: C0 controls (newline, CR, tab, NUL), DEL, C1 controls (incl.
 * U+0085 NEL), U+2028 and U+2029 — PowerShell treats the last three as line breaks too.
 */
export function hasUnsafeChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isControl(code) || isUnicodeLineBreak(code)) return true;
  }
  return false;
}

/** PowerShell's single-quote characters: `'` U+2018 U+2019 U+201A U+201B (any one opens or closes a '…' string). */
function isPowerShellQuote(code: number): boolean {
  return code === 0x27 || code === 0x2018 || code === 0x2019 || code === 0x201a || code === 0x201b;
}

/**
 * A PowerShell single-quoted literal: every single-quote character is doubled, so the value cannot
 * end its quotes; nothing else is special inside single quotes (no `$`, backtick or `#` expansion).
 * The caller refuses control characters and line breaks first ({@link hasUnsafeChar}).
 */
export function quotePowerShell(value: string): string {
  let out = "'";
  for (const char of value) {
    out += char;
    if (isPowerShellQuote(char.charCodeAt(0))) out += char;
  }
  return `${out}'`;
}
