/**
 * What a command needs from the process, injected so tests can call `run()` without spawning:
 * streams, environment, and the small helpers every command shares (stdin, colour, exit codes,
 * progress). Light on purpose: nothing here loads dns2, zod or node:tls.
 */
import { isInconclusiveCode } from '../../core/issues/issue-codes.js';
import type { Issue } from '../../core/result.js';
import { MAX_DELAY_MS } from '../../node/abort.js';

/** A writable text stream: `process.stdout`, `process.stderr` or a test buffer. */
export interface CliOutput {
  write(chunk: string): unknown;
  /** True when the stream is a terminal (colour on stdout, progress on stderr). */
  isTTY?: boolean;
}

/** A readable stream of text or bytes: `process.stdin` or a test stream. */
export type CliInput = AsyncIterable<string | Uint8Array> & { isTTY?: boolean };

/** The process as the command sees it. */
export interface CliIo {
  stdout: CliOutput;
  stderr: CliOutput;
  stdin: CliInput;
  /** Environment variables (`NO_COLOR`, `TERM`). */
  env: Record<string, string | undefined>;
}

/** Exit codes of INTERFACE.md "Command line". */
export const EXIT = Object.freeze({
  /** No error (warnings allowed unless `--strict`). */
  ok: 0,
  /** At least one error (or a warning with `--strict`). */
  error: 1,
  /** Usage or input error: unknown flag, unreadable or invalid file; or the command could not run. */
  usage: 2,
  /** No error, but something could not be checked (inconclusive). */
  inconclusive: 3,
});

/** A usage or input error: the command prints its one-line message on stderr and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What a command found, counted for its exit code. */
export interface Tally {
  errors: number;
  /** Warnings that are findings (not "we could not ask"). */
  warnings: number;
  /** Items (inputs or checks) that could not be checked. */
  inconclusive: number;
}

/** An empty tally. */
export function newTally(): Tally {
  return { errors: 0, warnings: 0, inconclusive: 0 };
}

/** Adds the issues of one item to the tally; the item counts as inconclusive when any issue says so. */
export function tallyIssues(tally: Tally, issues: readonly Issue[], inconclusive = false): void {
  let couldNotAsk = inconclusive;
  for (const issue of issues) {
    if (isInconclusiveCode(issue.code)) couldNotAsk = true;
    else if (issue.severity === 'error') tally.errors++;
    else if (issue.severity === 'warning') tally.warnings++;
  }
  if (couldNotAsk) tally.inconclusive++;
}

/** 1 on an error (or a warning with `strict`), else 3 when something was inconclusive, else 0. */
export function exitCodeFor(tally: Tally, strict: boolean): number {
  if (tally.errors > 0) return EXIT.error;
  if (strict && tally.warnings > 0) return EXIT.error;
  if (tally.inconclusive > 0) return EXIT.inconclusive;
  return EXIT.ok;
}

/** Input files and stdin are refused above this size (10 MB), before they are read whole. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** The size limit as people read it, for messages and `--help`. */
export const MAX_INPUT_TEXT = '10 MB';

/**
 * Reads the whole of stdin (or any stream) as text, counting bytes as they come: over
 * {@link MAX_INPUT_BYTES} it stops reading and throws a one-line `UsageError` (exit 2).
 * @param name how messages name the input (`stdin`)
 */
export async function readAllText(input: CliInput, name = 'stdin'): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const encoder = new TextEncoder();
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    size += bytes.byteLength;
    if (size > MAX_INPUT_BYTES) throw tooLarge(name);
    chunks.push(bytes);
  }
  return decodeText(concat(chunks, size), name);
}

/**
 * Reads a file as text with the size cap checked first (`fstat`, before any content is read; a pipe
 * or device, which has no size, is read with a byte counter). Every failure is a one-line `UsageError`.
 */
export async function readTextFile(
  file: string,
  limit: { bytes: number; text: string } = { bytes: MAX_INPUT_BYTES, text: MAX_INPUT_TEXT },
): Promise<string> {
  const name = `"${file}"`;
  const { open } = await import('node:fs/promises');
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (stat.size > limit.bytes) throw tooLarge(name, limit.text);
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const buffer = new Uint8Array(Math.min(limit.bytes + 1 - size, 1 << 20) || 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > limit.bytes) throw tooLarge(name, limit.text);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return decodeText(concat(chunks, size), name);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${name}: ${readErrorReason(error)}`);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function tooLarge(name: string, limit = MAX_INPUT_TEXT): UsageError {
  return new UsageError(`${name} is larger than ${limit}, the input size limit`);
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Text from bytes: UTF-8 with or without a byte-order mark, UTF-16LE or UTF-16BE with one (what
 * Windows PowerShell 5.1's `Out-File` writes). Bytes that are not valid text are a `UsageError`.
 */
export function decodeText(bytes: Uint8Array, name = 'the input'): string {
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  try {
    // ignoreBOM: the mark was found and skipped above; another U+FEFF is content.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    throw new UsageError(
      `${name} is not text in UTF-8 (or UTF-16 with a byte-order mark); save it as UTF-8 and try again`,
    );
  }
}

/** Why a file could not be read, in a few words (`no such file`, `permission denied`, or the code). */
export function readErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return code ?? 'unreadable';
}

/** `address` → `addresses`, `host name` → `host names`. */
const plural = (noun: string): string => (/(s|x|z|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`);

/**
 * The values of a batch: the arguments, or stdin one a line when there are none. Line ends (LF or
 * CRLF) are removed, blank lines skipped; other whitespace is kept for the validators to report.
 */
export async function readBatch(values: readonly string[], io: CliIo, what: string): Promise<string[]> {
  if (values.length > 0) return [...values];
  if (io.stdin.isTTY === true) {
    throw new UsageError(`give one or more ${plural(what)}, or pipe them on stdin (one a line)`);
  }
  const text = await readAllText(io.stdin);
  // One value a line: spaces around it are the file's, not the value's (no input.trimmed per line).
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0)
    throw new UsageError(`stdin is empty: give one or more ${plural(what)}, one a line`);
  return lines;
}

/**
 * A flag value that does not parse. Commander reports any error with this code as "option '…'
 * argument '…' is invalid. <message>" (exit 2), as its own `InvalidArgumentError`; defined here so
 * that the light batch path never loads commander.
 */
export class FlagValueError extends Error {
  readonly code = 'commander.invalidArgument';
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'FlagValueError';
  }
}

/** Parses a positive whole number for a flag (`--concurrency 8`); anything else is a usage error. */
export function positiveInt(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new FlagValueError('Expected a positive whole number.');
  const number = Number(value.trim());
  if (!Number.isSafeInteger(number) || number < 1)
    throw new FlagValueError('Expected a positive whole number.');
  return number;
}

/** Parses milliseconds for a flag (`--timeout 500`): 1 to 2147483647, the longest a timer can wait. */
export function milliseconds(value: string): number {
  if (/^\d+$/.test(value.trim()) && Number(value.trim()) > MAX_DELAY_MS) {
    throw new FlagValueError(`Expected milliseconds from 1 to ${MAX_DELAY_MS} (about 24.8 days).`);
  }
  return positiveInt(value);
}

/** Commander collector for repeatable flags (`--domain a --domain b`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return previous ? [...previous, value] : [value];
}

/**
 * Progress on stderr (`\r12/40`), only when stderr is a TTY, at most every 100 ms. `clear()` removes
 * the line; call it before writing a result to a terminal and once at the end.
 */
export class Progress {
  private readonly enabled: boolean;
  private shown = false;
  private last = 0;
  private width = 0;

  constructor(
    private readonly io: CliIo,
    private readonly label: string,
  ) {
    // Only on a terminal that can clear a line (not TERM=dumb).
    this.enabled = io.stderr.isTTY === true && io.env.TERM !== 'dumb';
  }

  /** Shows `label done/total`; the last update (done === total) is never throttled away. */
  update(done: number, total: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (done < total && now - this.last < 100) return;
    this.last = now;
    // Carriage return and spaces, no escape sequence: nothing but text even under NO_COLOR.
    const text = `${this.label} ${done}/${total}`;
    this.io.stderr.write(`\r${text.padEnd(this.width)}`);
    this.width = Math.max(this.width, text.length);
    this.shown = true;
  }

  /** Removes the progress line, if one is shown. */
  clear(): void {
    if (!this.shown) return;
    this.io.stderr.write(`\r${' '.repeat(this.width)}\r`);
    this.shown = false;
  }
}

/** The one-line text of an unknown thrown value. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** What each command's `register` function receives. */
export interface CommandContext {
  io: CliIo;
  /** Records the command's exit code (the last call wins). */
  setExitCode(code: number): void;
}
