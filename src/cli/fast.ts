/**
 * The light path of the batch commands (issue 13, cold start): `fqdn NAME…`, `sip-domain NAME…`,
 * `agreement VALUE…`, `decorate ADDRESS…` and `undecorate ADDRESS…` with plain values and no flag
 * run their command's own spec (`BatchCommand`) with commander's defaults, without loading commander.
 * Anything else — a flag, `--`, `help`, no value — goes through `run()`. Tests hold the two paths
 * to the same output and exit code.
 */
import type { BatchCommand, BatchFlags } from './support/batch.js';
import { type CliIo, EXIT, errorText, UsageError } from './support/io.js';

type Runner = (io: CliIo, values: readonly string[]) => Promise<number>;

/** Runs one spec with commander's defaults: the same body as the commander action. */
async function withDefaults<F extends BatchFlags>(
  io: CliIo,
  spec: BatchCommand<F>,
  values: readonly string[],
): Promise<number> {
  const { runBatchCommand } = await import('./support/batch.js');
  return runBatchCommand(io, spec, values, { ...spec.defaults });
}

const COMMANDS: Record<string, Runner> = {
  fqdn: async (io, values) => withDefaults(io, (await import('./commands/fqdn.js')).FQDN_COMMAND, values),
  'sip-domain': async (io, values) =>
    withDefaults(io, (await import('./commands/sip-domain.js')).SIP_DOMAIN_COMMAND, values),
  agreement: async (io, values) =>
    withDefaults(io, (await import('./commands/agreement.js')).AGREEMENT_COMMAND, values),
  decorate: async (io, values) =>
    withDefaults(io, (await import('./commands/decorate.js')).DECORATE_COMMAND, values),
  undecorate: async (io, values) =>
    withDefaults(io, (await import('./commands/undecorate.js')).UNDECORATE_COMMAND, values),
};

/** True when `argv` is a batch command with plain values only (nothing commander must interpret). */
export function isLightBatch(argv: readonly string[]): boolean {
  const [name, ...values] = argv;
  return (
    name !== undefined &&
    Object.hasOwn(COMMANDS, name) &&
    values.length > 0 &&
    values.every((value) => !value.startsWith('-'))
  );
}

/**
 * Runs a light batch command and returns its exit code, or `undefined` when `argv` is not one (the
 * caller then runs `run()`). Never rejects: errors are one line on stderr and exit 2, as in `run()`.
 */
export async function runLightBatch(argv: readonly string[], io: CliIo): Promise<number | undefined> {
  if (!isLightBatch(argv)) return undefined;
  const [name, ...values] = argv as [string, ...string[]];
  try {
    return await (COMMANDS[name] as Runner)(io, values);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`pic-preflight: ${errorText(error)}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`pic-preflight: internal error: ${errorText(error)}\n`);
    return EXIT.usage;
  }
}
