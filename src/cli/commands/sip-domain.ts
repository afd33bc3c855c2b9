/** `pic-preflight sip-domain [VALUE...]`: the offline SIP domain check (RULES §2), one result per value. */
import type { Command } from 'commander';
import { type BatchCommand, registerBatchCommand } from '../support/batch.js';
import type { CommandContext } from '../support/io.js';
import { type NameFlags, nameOptions, nameSettings } from './fqdn.js';

/** The `sip-domain` command: its help, flags and core check (the fast path of `fast.ts` runs it too). */
export const SIP_DOMAIN_COMMAND: BatchCommand<NameFlags> = {
  name: 'sip-domain',
  summary: 'check SIP domains (offline)',
  description:
    'Check SIP domains offline, one result per value; reads stdin (one a line) when no value is given.',
  argument: ['[value...]', 'SIP domains to check'],
  what: 'SIP domain',
  jsonItem: 'value',
  style: 'verdict',
  flags: nameOptions,
  check: async (flags: NameFlags) => {
    const { checkSipDomain } = await import('../../core/sip-domain/sip-domain.js');
    const options = nameSettings(flags);
    return (value) => checkSipDomain(value, options);
  },
  defaults: { requireKnownTld: true },
};

/** Registers `sip-domain`. */
export function registerSipDomain(program: Command, context: CommandContext): void {
  registerBatchCommand(program, context, SIP_DOMAIN_COMMAND);
}
