/**
 * The offline batch commands (`fqdn`, `sip-domain`, `agreement`, `decorate`, `undecorate`): one
 * value per argument or per stdin line, one result per value, as text or NDJSON.
 */
import type { Command } from 'commander';
import type { Result } from '../core/result.js';
import { type CliIo, exitCodeFor, newTally, Progress, readBatch, tallyIssues, useColor } from './io.js';
import type { CommandContext } from './run.js';
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
  json: boolean;
  strict: boolean;
  style: BatchStyle;
  check: (value: string) => Result<string>;
}

/** Runs a batch and returns the exit code (0, 1, or 2 through a thrown `UsageError`). */
export async function runBatch(io: CliIo, options: BatchOptions): Promise<number> {
  const fromStdin = options.values.length === 0;
  const values = await readBatch(options.values, io, options.what);
  const tally = newTally();
  const out = painter(useColor(io.stdout, io.env));
  const err = painter(useColor(io.stderr, io.env));
  const progress = new Progress(io, `checked`);
  values.forEach((value, index) => {
    const result = options.check(value);
    tallyIssues(tally, result.issues);
    if (fromStdin) progress.clear();
    if (options.json) {
      const line: BatchLine = result.ok
        ? { input: value, ok: true, value: result.value, issues: result.issues }
        : { input: value, ok: false, issues: result.issues };
      io.stdout.write(`${JSON.stringify(line)}\n`);
    } else if (options.style === 'verdict') {
      const status = statusOf(result.issues, result.ok);
      const subject = result.ok && result.value !== value ? `${value} → ${result.value}` : value;
      io.stdout.write(`${itemLines(out, status, subject, result.issues).join('\n')}\n`);
    } else {
      if (result.ok) io.stdout.write(`${result.value}\n`);
      if (result.issues.length > 0) {
        const status = statusOf(result.issues, result.ok);
        io.stderr.write(`${itemLines(err, status, value, result.issues).join('\n')}\n`);
      }
    }
    if (fromStdin) progress.update(index + 1, values.length);
  });
  progress.clear();
  return exitCodeFor(tally, options.strict);
}

/** The flags every batch command has. */
export interface BatchFlags {
  json?: boolean;
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
    json: flags.json === true,
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
  (spec.flags ? spec.flags(command) : command)
    .option('--json', `one JSON object per ${spec.jsonItem} (NDJSON) on stdout`)
    .option('--strict', 'exit 1 on warnings too')
    .action(async (values: string[], flags: F) => {
      setExitCode(await runBatchCommand(io, spec, values, flags));
    });
}
