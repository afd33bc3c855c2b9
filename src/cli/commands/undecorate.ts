/** `pic-preflight undecorate [ADDRESS...]`: `ted(contoso.com)@msn.com` → `ted@contoso.com` (RULES §4.10). */
import type { Command } from 'commander';
import { registerBatchCommand } from '../batch.js';
import type { CommandContext } from '../run.js';
import { type DecorationFlags, decorationOptions, decoratorFor } from './decorate.js';

/** Registers `undecorate`. */
export function registerUndecorate(program: Command, context: CommandContext): void {
  registerBatchCommand(program, context, {
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
  });
}
