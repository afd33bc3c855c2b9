/**
 * Word wrap for the text report: a line longer than the width continues on indented lines, and a
 * DNS record or a command is never broken: it goes on a line of its own (flush left when even that
 * is too narrow: a record is copied whole or not at all). Codes are single words, so they never
 * break either.
 */

/**
 * A run of text with its colour; `block` runs (records, commands) are never split and take a line
 * of their own; `keep` runs (a record in a list, a delegation step) are never split but share lines.
 */
export interface Segment {
  text: string;
  paint?: (text: string) => string;
  block?: boolean;
  keep?: boolean;
}

/**
 * Columns a string takes: one per code point (the marks ✔ ✖ ⚠ ℹ ? are one column wide), colour
 * codes (SGR) taking none.
 */
export function columns(text: string): number {
  let count = 0;
  for (const _ of text.replace(SGR, '')) count++;
  return count;
}
// The escape sequence that sets a colour (SGR).
const SGR = /\u001b\[[0-9;]*m/g;

// A DNS record as the hints write it (`owner. TTL IN SRV 0 0 5061 target.`, `name A 192.0.2.1`) and
// as related-record messages do (`name SRV 0 0 443 target.`).
const NAME = String.raw`[A-Za-z0-9_*-]+(?:\.[A-Za-z0-9_*-]+)+\.?`;
const RECORD = new RegExp(
  String.raw`${NAME} (?:\d+ )?(?:IN )?(?:SRV \d+ \d+ \d+ (?:${NAME}|\.)|(?:A\/AAAA|AAAA|A) [0-9A-Fa-f:.]*[0-9A-Fa-f]|CNAME ${NAME})`,
);
// A command: in backticks, or `pic-preflight …` up to the end of the sentence.
const COMMAND =
  /`[^`\n]+`|\bpic-preflight [a-z][a-z-]*(?: --?[A-Za-z0-9][^\s,;]*[^\s,;.]| [^\s,;-][^\s,;]*[^\s,;.])*/;
const BLOCKS = new RegExp(`${RECORD.source}|${COMMAND.source}`, 'g');

/** Splits text into words and blocks (records, commands), all with the same colour. */
export function segments(text: string, paint?: (text: string) => string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(BLOCKS)) {
    const index = match.index ?? 0;
    if (index > last) out.push(words(text.slice(last, index), paint));
    out.push(paint ? { text: match[0], paint, block: true } : { text: match[0], block: true });
    last = index + match[0].length;
  }
  if (last < text.length) out.push(words(text.slice(last), paint));
  return out.filter((segment) => segment.text.trim() !== '');
}

const words = (text: string, paint?: (text: string) => string): Segment =>
  paint ? { text, paint } : { text };

const show = (segment: Segment, text = segment.text): string => (segment.paint ? segment.paint(text) : text);

/**
 * Lays out one logical line: `lead` (indent and mark, kept as is) then `body`. With no `width`, or
 * when everything fits, that is one line. Otherwise words fill lines of at most `width` columns,
 * continuation lines start `hang` columns in, and each block takes a line of its own.
 * @param lead - the start of the first line, e.g. `'      ✖ '`
 * @param leadColumns - its width in columns (without colour codes)
 * @param body - the words and blocks
 * @param hang - indent of continuation lines
 * @param width - the terminal's columns, or undefined for no wrapping
 * @returns the lines, without newlines
 */
export function layout(
  lead: string,
  leadColumns: number,
  body: readonly Segment[],
  hang: number,
  width: number | undefined,
): string[] {
  const flat = body.map((segment) => segment.text.trim()).join(' ');
  if (width === undefined || leadColumns + columns(flat) <= width) {
    return [lead + body.map((segment) => show(segment, segment.text.trim())).join(' ')];
  }
  const lines: string[] = [];
  let line = lead;
  let column = leadColumns;
  let empty = true;
  const pad = ' '.repeat(hang);
  const newLine = () => {
    lines.push(line.trimEnd());
    line = pad;
    column = hang;
    empty = true;
  };
  for (const segment of body) {
    if (segment.block === true) {
      const text = segment.text.trim();
      if (!empty || (lines.length === 0 && lead.trim() !== '')) newLine();
      const indent = hang + columns(text) <= width ? pad : '';
      lines.push(indent + show(segment, text));
      line = pad;
      column = hang;
      empty = true;
      continue;
    }
    for (const word of segment.keep === true ? [segment.text.trim()] : segment.text.split(/ +/)) {
      if (word === '') continue;
      const size = columns(word);
      if (!empty && column + 1 + size > width) newLine();
      line += (empty ? '' : ' ') + show(segment, word);
      column += (empty ? 0 : 1) + size;
      empty = false;
    }
  }
  if (!empty) lines.push(line);
  return lines;
}
