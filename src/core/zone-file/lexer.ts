/**
 * The master-file lexer (RFC 1035 §5.1): splits the text into entries (one directive or record,
 * possibly spanning lines inside parentheses) of tokens. One pass over the text, no regex, no
 * backtracking: every character is looked at a bounded number of times.
 */

/** One token: its raw text (escapes kept; for a quoted string, the text between the quotes). */
export interface Token {
  text: string;
  quoted: boolean;
  line: number;
}

/** One entry: a directive or a record, with the lines it spans. */
export interface Entry {
  tokens: Token[];
  line: number;
  endLine: number;
  /** The entry starts with a space or tab: the owner is the previous one (RFC 1035 §5.1). */
  blankOwner: boolean;
  /** Why the entry could not be read (unbalanced parentheses, unterminated quote). */
  error?: string;
}

const NL = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const SEMI = 59;
const OPEN = 40;
const CLOSE = 41;
const QUOTE = 34;
const BACKSLASH = 92;
/**
 * Fields one entry may hold: RDATA is at most 65,535 octets (RFC 1035 §3.2.1), so a record with more
 * fields cannot be real; the cap keeps a hostile file (one `(` and millions of words) from filling memory.
 */
const MAX_ENTRY_TOKENS = 70_000;

/** Reads entries one at a time; `next()` returns `undefined` at the end of the text. */
export class Lexer {
  private i = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  /**
   * The next entry, or undefined at the end. One loop over the characters on purpose: this is the
   * parser's hot path (bench/zone.bench.ts), so the entry's state stays in locals; the scans of a
   * quoted string and of a word are methods.
   */
  next(): Entry | undefined {
    const { text } = this;
    const length = text.length;
    while (this.i < length) {
      const startLine = this.line;
      const first = text.charCodeAt(this.i);
      const blankOwner = first === SPACE || first === TAB;
      const tokens: Token[] = [];
      let depth = 0;
      let error: string | undefined;
      let openLine = 0;
      let ended = false;
      let last = startLine;
      while (this.i < length) {
        const c = text.charCodeAt(this.i);
        if (c === NL) {
          this.line++;
          this.i++;
          if (depth === 0) {
            ended = true;
            break;
          }
          continue;
        }
        if (c === SPACE || c === TAB || c === CR) {
          this.i++;
          continue;
        }
        if (c === SEMI) {
          this.skipToLineEnd();
          continue;
        }
        if (error !== undefined) {
          // After an error, the rest of the line is skipped (the entry is dropped).
          this.skipToLineEnd();
          depth = 0;
          continue;
        }
        last = this.line;
        if (tokens.length >= MAX_ENTRY_TOKENS) {
          error = `a record with more than ${MAX_ENTRY_TOKENS} fields`;
          tokens.length = 0;
          depth = 0;
          continue;
        }
        if (c === OPEN) {
          // Nested parentheses are counted, as BIND does.
          if (depth === 0) openLine = this.line;
          depth++;
          this.i++;
          continue;
        }
        if (c === CLOSE) {
          if (depth === 0) error = 'a ")" without "("';
          else depth--;
          this.i++;
          continue;
        }
        if (c === QUOTE) {
          const line = this.line;
          const j = this.quotedEnd();
          if (j >= length || text.charCodeAt(j) !== QUOTE) {
            error = 'a quoted string is not closed on its line';
            depth = 0;
            this.i = Math.min(j, length);
            continue;
          }
          tokens.push({ text: text.slice(this.i + 1, j), quoted: true, line });
          this.i = j + 1;
          continue;
        }
        const line = this.line;
        const j = this.wordEnd();
        tokens.push({ text: text.slice(this.i, j), quoted: false, line });
        this.i = j;
      }
      if (!ended && depth > 0 && error === undefined) {
        error = `the "(" on line ${openLine} is never closed`;
      }
      const endLine = ended ? this.line - 1 : last;
      if (tokens.length === 0 && error === undefined) continue; // blank or comment-only line
      const entry: Entry = { tokens, line: startLine, endLine, blankOwner };
      if (error !== undefined) entry.error = error;
      return entry;
    }
    return undefined;
  }

  /** Moves to the line end after a comment or an error (the `\n` itself is read by `next`). */
  private skipToLineEnd(): void {
    const end = this.text.indexOf('\n', this.i);
    this.i = end === -1 ? this.text.length : end;
  }

  /**
   * The index of the quote closing the string that opens at `this.i`; when it is not closed on its
   * line, the index of the line end (or past the text's end). Counts escaped line ends.
   */
  private quotedEnd(): number {
    const { text } = this;
    const length = text.length;
    let j = this.i + 1;
    while (j < length) {
      const d = text.charCodeAt(j);
      if (d === BACKSLASH) {
        if (text.charCodeAt(j + 1) === NL) this.line++;
        j += 2;
        continue;
      }
      if (d === QUOTE || d === NL) break;
      j++;
    }
    return j;
  }

  /** The end of the unquoted word that starts at `this.i`. */
  private wordEnd(): number {
    const { text } = this;
    const length = text.length;
    let j = this.i;
    while (j < length) {
      const d = text.charCodeAt(j);
      if (d === BACKSLASH) {
        // Outside quotes a backslash does not escape the line end (BIND: a syntax error); the
        // token ends with it, and reading it as a name or string reports the dangling backslash.
        const next = text.charCodeAt(j + 1);
        j += next === NL || next === CR ? 1 : 2;
        if (next === NL || next === CR) break;
        continue;
      }
      if (
        d === SPACE ||
        d === TAB ||
        d === NL ||
        d === CR ||
        d === SEMI ||
        d === OPEN ||
        d === CLOSE ||
        d === QUOTE
      )
        break;
      j++;
    }
    return Math.min(j, length); // a backslash at the very end
  }
}
