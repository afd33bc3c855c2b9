/** `pic-preflight decorate [ADDRESS...]`: `ted@contoso.com` → `ted(contoso.com)@msn.com` (RULES §4). */
import type { Command } from 'commander';
import type { DecorationOptions, Decorator } from '../../core/name-decoration/name-decoration.js';
import { type BatchCommand, type BatchFlags, registerBatchCommand } from '../support/batch.js';
import type { CommandContext } from '../support/io.js';
import { UsageError } from '../support/io.js';

/** Flags shared by `decorate` and `undecorate`. */
export interface DecorationFlags extends BatchFlags {
  routingDomain?: string;
  excluded?: string;
}

/** Adds `--routing-domain` and `--excluded` to a decoration command. */
export function decorationOptions(command: Command): Command {
  return command
    .option('--routing-domain <domain>', 'NameDecorationRoutingDomain (default msn.com)')
    .option(
      '--excluded <list>',
      'NameDecorationExcludedDomainList, comma-separated (default "msn.com,outlook.com,live.com,hotmail.com")',
    );
}

/** The library options from the flags: one object per run (the library caches by identity). */
export function decorationSettings(flags: DecorationFlags): DecorationOptions {
  const settings: DecorationOptions = {};
  if (flags.routingDomain !== undefined) settings.routingDomain = flags.routingDomain;
  if (flags.excluded !== undefined) settings.excludedDomains = flags.excluded;
  return settings;
}

/**
 * The decorator for the flags, parsed once for the whole batch. An invalid `--routing-domain` or
 * `--excluded` is a usage error (exit 2), not an error of every address.
 */
export async function decoratorFor(flags: DecorationFlags): Promise<Decorator> {
  const [{ createDecorator }, { PreflightError }] = await Promise.all([
    import('../../core/name-decoration/name-decoration.js'),
    import('../../core/result.js'),
  ]);
  try {
    return createDecorator(decorationSettings(flags));
  } catch (error) {
    if (!PreflightError.is(error)) throw error;
    const first = error.issues.find((issue) => issue.severity === 'error') ?? error.issues[0];
    const flag = first?.path.includes('excludedDomains') ? '--excluded' : '--routing-domain';
    throw new UsageError(`${flag}: ${first ? `${first.message} [${first.code}]` : 'invalid value'}`);
  }
}

/** The `decorate` command: its help, flags and core check (the fast path of `fast.ts` runs it too). */
export const DECORATE_COMMAND: BatchCommand<DecorationFlags> = {
  name: 'decorate',
  summary: 'print the decorated address of a Skype contact: ted(contoso.com)@msn.com',
  description:
    'Print the address the Lync/SfB client sends for a Skype contact (user(domain)@msn.com), one a line; ' +
    'reads stdin (one a line) when no address is given. Issues go to stderr, so a failed input prints ' +
    'nothing on stdout; --json keeps one line per input.',
  argument: ['[address...]', 'addresses such as ted@contoso.com'],
  what: 'address',
  jsonItem: 'address',
  style: 'value',
  flags: decorationOptions,
  check: async (flags: DecorationFlags) => (await decoratorFor(flags)).decorate,
  defaults: {},
};

/** Registers `decorate`. */
export function registerDecorate(program: Command, context: CommandContext): void {
  registerBatchCommand(program, context, DECORATE_COMMAND);
}
