/**
 * The output options every reporting command shares (`--format`, `--json`, `-o FILE`, `--quiet`,
 * `--color`/`--no-color`) and what they come to: the format, colour, wrap width and destination.
 * Light on purpose: nothing here loads dns2, zod or node:tls.
 */
import { type Command, Option } from 'commander';
import { REPORT_FORMATS, type ReportFormat } from '../../node/preflight/render/report-formats.js';
import { type CliIo, type CliOutput, readErrorReason, UsageError } from './io.js';

/** Formats a reporting command writes. */
export const OUTPUT_FORMATS: readonly ReportFormat[] = REPORT_FORMATS;

/** The output flags. */
export interface OutputFlags {
  format?: ReportFormat;
  json?: boolean;
  /** `-o, --output FILE`: write the report there instead of stdout. */
  output?: string;
  quiet?: boolean;
  /** `--color` true, `--no-color` false, neither undefined. */
  color?: boolean;
}

/** Adds `--format`, `--json`, `-o`, `--quiet`, `--color`/`--no-color`. */
export function outputOptions(command: Command, formats: readonly string[] = OUTPUT_FORMATS): Command {
  return command
    .addOption(new Option('--format <format>', 'output format').choices([...formats]))
    .addOption(new Option('--json', 'same as --format json').conflicts('format'))
    .option('-o, --output <file>', 'write the report to FILE instead of stdout')
    .option('--quiet', 'print only what failed or could not be checked (and the summary)')
    .option('--color', 'colour the text output even when it is not a terminal (also FORCE_COLOR=1)')
    .option('--no-color', 'never colour the output (also NO_COLOR=1)');
}

/** The format the flags ask for (`--json` is `--format json`). */
export function formatOf(flags: OutputFlags): ReportFormat {
  return flags.json === true ? 'json' : (flags.format ?? 'text');
}

/** A stream that may know its width: `process.stdout` has `columns` on a terminal. */
type SizedOutput = CliOutput & { columns?: number };

/**
 * Colour on a stream: `--color`/`--no-color` first; then `NO_COLOR` (non-empty) turns it off;
 * then `FORCE_COLOR` turns it on (`0` or `false` off); else only on a TTY, never with `TERM=dumb`.
 */
export function colorFor(stream: Pick<CliOutput, 'isTTY'>, env: CliIo['env'], flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/**
 * Columns to wrap text to: the terminal's width on a TTY; for a pipe or a file only when `COLUMNS`
 * is set (a positive whole number); else undefined (no wrapping).
 */
export function widthFor(
  stream: Pick<SizedOutput, 'isTTY' | 'columns'> | undefined,
  env: CliIo['env'],
): number | undefined {
  const fromEnv = /^\d+$/.test(env.COLUMNS?.trim() ?? '') ? Number(env.COLUMNS) : undefined;
  const columns = fromEnv !== undefined && fromEnv > 0 ? fromEnv : undefined;
  if (stream?.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0) {
    return columns ?? stream.columns;
  }
  return columns;
}

/** Where the report goes and how it looks there: colour and width follow stdout unless `-o`. */
export function outputSettings(flags: OutputFlags, io: CliIo): { color: boolean; width?: number } {
  const target: Pick<SizedOutput, 'isTTY' | 'columns'> =
    flags.output === undefined ? io.stdout : { isTTY: false };
  const width = widthFor(target, io.env);
  const color = colorFor(target, io.env, flags.color);
  return width === undefined ? { color } : { color, width };
}

/** Writes the report (with a final newline) to `-o FILE` or stdout; a file that cannot be written is exit 2. */
export async function writeReport(text: string, flags: OutputFlags, io: CliIo): Promise<void> {
  const body = text === '' ? '' : `${text}\n`;
  if (flags.output === undefined || flags.output === '-') {
    io.stdout.write(body);
    return;
  }
  const { writeFile } = await import('node:fs/promises');
  try {
    await writeFile(flags.output, body, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot write "${flags.output}": ${readErrorReason(error)}`);
  }
}
