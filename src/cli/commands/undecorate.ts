/** `pic-preflight undecorate [ADDRESS...]`: `ted(contoso.com)@msn.com` → `ted@contoso.com` (RULES §4.10). */
import type { Command } from 'commander';
import { type BatchCommand, registerBatchCommand } from '../support/batch.js';
import type { CommandContext } from '../support/io.js';
import { type DecorationFlags, decorationOptions, decoratorFor } from './decorate.js';

/** The `undecorate` command: its help, flags and core check (the fast path of `fast.ts` runs it too). */
export const UNDECORATE_COMMAND: BatchCommand<DecorationFlags> = {
  name: 'undecorate',
  summary: 'turn a decorated address back into the original: ted@contoso.com',
  description:
    'Turn a decorated address back into the original (ted(contoso.com)@msn.com → ted@contoso.com), one a ' +
    'line; reads stdin (one a line) when no address is given. Issues go to stderr; --json keeps one ' +
    'line per input.',
  argument: ['[address...]', 'decorated addresses'],
  what: 'address',
  jsonItem: 'address',
  style: 'value',
  flags: decorationOptions,
  check: async (flags: DecorationFlags) => (await decoratorFor(flags)).undecorate,
  defaults: {},
};

/** Registers `undecorate`. */
export function registerUndecorate(program: Command, context: CommandContext): void {
  registerBatchCommand(program, context, UNDECORATE_COMMAND);
}
