/**
 * The offline batch commands (`fqdn`, `sip-domain`, `agreement`, `decorate`, `undecorate`): one
 * value per argument or per stdin line, one result per value, as text or NDJSON; or, with
 * `--format markdown|junit|sarif|github`, one report with a check per value.
 */
import type { Command } from 'commander';
import type { Check, Report } from '../../core/report/report-types.js';
import { summarize } from '../../core/report/status.js';
import type { Result } from '../../core/result.js';
import { TOOL_NAME, VERSION } from '../../core/version.js';
import { toJson } from '../../node/preflight/render/json.js';
import type { CommandContext } from './io.js';
import { type CliIo, exitCodeFor, newTally, Progress, readBatch, tallyIssues } from './io.js';
import { colorFor, formatOf, type OutputFlags, outputOptions, widthFor, writeReport } from './output.js';
import { itemLines, painter, statusOf } from './text.js';

/** One line of `--json` output: the input as given, the verdict, the normalised value, the issues. */
export interface BatchLine {
  input: string;
  ok: boolean;
  value?: string;
  issues: Result<string>['issues'];
}

/** How a batch shows its results in text. */
export type BatchStyle =
  /** `✔ input` (or `✔ input → value` when normalised), then the issues: for validators. */
  | 'verdict'
  /** The value alone on stdout (pipeable); issues on stderr under `✖ input`: for transformers. */
  | 'value';

/** What a batch command needs. */
export interface BatchOptions {
  values: readonly string[];
  /** Singular noun for the usage message (`domain`, `address`). */
  what: string;
  /** `--format`, `--json`, `-o`, `--quiet`, `--color`. */
  output: OutputFlags;
  strict: boolean;
  style: BatchStyle;
  check: (value: string) => Result<string>;
}

/** Runs a batch and returns the exit code (0, 1, or 2 through a thrown `UsageError`). */
export async function runBatch(io: CliIo, options: BatchOptions): Promise<number> {
  const fromStdin = options.values.length === 0;
  const values = await readBatch(options.values, io, options.what);
  const flags = options.output;
  const format = formatOf(flags);
  const toFile = flags.output !== undefined;
  const stdoutLike = toFile ? { isTTY: false } : io.stdout;
  const tally = newTally();
  const out = painter(colorFor(stdoutLike, io.env, flags.color));
  const err = painter(colorFor(io.stderr, io.env, flags.color));
  const outWidth = widthFor(stdoutLike, io.env);
  const progress = new Progress(io, `checked`);
  const startedAt = new Date();
  const checks: Check[] = [];
  const written: string[] = [];
  const write = (text: string) => {
    if (toFile) written.push(text);
    else io.stdout.write(`${text}\n`);
  };
  values.forEach((value, index) => {
    const result = options.check(value);
    tallyIssues(tally, result.issues);
    if (fromStdin) progress.clear();
    const status = statusOf(result.issues, result.ok);
    const shown = !(flags.quiet === true && result.ok);
    if (format !== 'text' && format !== 'json') {
      // One check per value (the offline rules: id `request`), rendered as one report at the end.
      checks.push({ id: 'request', subject: value, status, issues: result.issues, durationMs: 0 });
    } else if (!shown) {
      // --quiet: only what failed.
    } else if (format === 'json') {
      const line: BatchLine = result.ok
        ? { input: value, ok: true, value: result.value, issues: result.issues }
        : { input: value, ok: false, issues: result.issues };
      write(toJson(line));
    } else if (options.style === 'verdict') {
      const subject = result.ok && result.value !== value ? `${value} → ${result.value}` : value;
      write(itemLines(out, status, subject, result.issues, outWidth).join('\n'));
    } else {
      if (result.ok) write(result.value);
      if (result.issues.length > 0) {
        io.stderr.write(
          `${itemLines(err, status, value, result.issues, widthFor(io.stderr, io.env)).join('\n')}\n`,
        );
      }
    }
    if (fromStdin) progress.update(index + 1, values.length);
  });
  progress.clear();
  if (format !== 'text' && format !== 'json') {
    const { renderReport } = await import('../../node/preflight/render.js');
    const report: Report = {
      schemaVersion: 1,
      tool: { name: TOOL_NAME, version: VERSION },
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      request: { values },
      summary: summarize(checks),
      checks,
    };
    await writeReport(renderReport(report, format, { quiet: flags.quiet === true }), flags, io);
  } else if (toFile) {
    await writeReport(written.join('\n'), flags, io);
  }
  return exitCodeFor(tally, options.strict);
}

/** The flags every batch command has. */
export interface BatchFlags extends OutputFlags {
  strict?: boolean;
}

/** What makes one batch command: its help, its own flags, and the core check it runs. */
export interface BatchCommand<F extends BatchFlags> {
  name: string;
  summary: string;
  description: string;
  /** `[name...]` and its help. */
  argument: [name: string, description: string];
  /** Singular noun for the usage message (`host name`, `address`). */
  what: string;
  /** What one `--json` line stands for (`value`, `address`). */
  jsonItem: string;
  style: BatchStyle;
  /** Adds the command's own flags (they come before `--json` and `--strict` in the help). */
  flags?: (command: Command) => Command;
  /** The core check for these flags; loads its module with `import()`, so the command starts fast. */
  check: (flags: F) => Promise<(value: string) => Result<string>>;
  /** The flags as commander gives them when none is on the command line (the fast path uses them). */
  defaults: F;
}

/** Runs a batch command's check over `values` with its flags: the one body of both paths. */
export async function runBatchCommand<F extends BatchFlags>(
  io: CliIo,
  spec: BatchCommand<F>,
  values: readonly string[],
  flags: F,
): Promise<number> {
  const check = await spec.check(flags);
  return runBatch(io, {
    values,
    what: spec.what,
    output: flags,
    strict: flags.strict === true,
    style: spec.style,
    check,
  });
}

/**
 * Registers a batch command: the value arguments (stdin when none), its own flags, `--json` and
 * `--strict`, and an action that runs {@link runBatch} with the core check.
 */
export function registerBatchCommand<F extends BatchFlags>(
  program: Command,
  { io, setExitCode }: CommandContext,
  spec: BatchCommand<F>,
): void {
  const command = program
    .command(spec.name)
    .summary(spec.summary)
    .description(spec.description)
    .argument(...spec.argument);
  outputOptions(spec.flags ? spec.flags(command) : command)
    .option('--strict', 'exit 1 on warnings too')
    .action(async (values: string[], flags: F) => {
      setExitCode(await runBatchCommand(io, spec, values, flags));
    });
}
