/** JSON output: `JSON.stringify`, with the characters that can fool a terminal or a parser escaped. */

/**
 * JSON text of a value in which C1 controls, DEL, U+2028/U+2029 and the bidirectional overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069) are written as `\uXXXX` escapes (C0 controls already
 * are): the same value for a parser, nothing that moves a terminal's cursor, splits a line in a
 * JavaScript source or reorders text on screen.
 * @param value - any JSON-serialisable value
 * @param indent - as `JSON.stringify`'s `space`
 * @returns the JSON text
 */
export function toJson(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent) ?? 'null';
  // These characters are only ever inside strings (JSON allows them there raw), so escaping them
  // everywhere keeps the value.
  return text.replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
