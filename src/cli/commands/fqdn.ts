/** `pic-preflight fqdn [VALUE...]`: the offline FQDN check (RULES §1), one result per value. */
import type { Command } from 'commander';
import type { FqdnOptions } from '../../core/fqdn/fqdn.js';
import { type BatchCommand, type BatchFlags, registerBatchCommand } from '../support/batch.js';
import type { CommandContext } from '../support/io.js';

/** The name flags shared by `fqdn` and `sip-domain`. */
export interface NameFlags extends BatchFlags {
  allowIdn?: boolean;
  allowReserved?: boolean;
  requireKnownTld: boolean;
}

/** Adds `--allow-idn`, `--allow-reserved` and `--no-require-known-tld` (the `FqdnOptions`). */
export function nameOptions(command: Command): Command {
  return command
    .option('--allow-idn', 'accept internationalized names (converted to their A-label)')
    .option('--allow-reserved', 'accept special-use names such as .test or .internal (lab use)')
    .option('--no-require-known-tld', 'accept top-level domains that are not ICANN public suffixes');
}

/** The `FqdnOptions` from the flags. */
export function nameSettings(flags: NameFlags): FqdnOptions {
  return {
    allowIdn: flags.allowIdn === true,
    allowReserved: flags.allowReserved === true,
    requireKnownTld: flags.requireKnownTld,
  };
}

/** The `fqdn` command: its help, flags and core check (the fast path of `fast.ts` runs it too). */
export const FQDN_COMMAND: BatchCommand<NameFlags> = {
  name: 'fqdn',
  summary: 'check host names such as the Access Edge FQDN (offline)',
  description:
    'Check host names (Access Edge FQDN, SRV target) offline, one result per value; reads stdin (one a line) ' +
    'when no value is given.',
  argument: ['[value...]', 'host names to check'],
  what: 'host name',
  jsonItem: 'value',
  style: 'verdict',
  flags: nameOptions,
  check: async (flags: NameFlags) => {
    const { checkFqdn } = await import('../../core/fqdn/fqdn.js');
    const options = nameSettings(flags);
    return (value) => checkFqdn(value, options);
  },
  defaults: { requireKnownTld: true },
};

/** Registers `fqdn`. */
export function registerFqdn(program: Command, context: CommandContext): void {
  registerBatchCommand(program, context, FQDN_COMMAND);
}
