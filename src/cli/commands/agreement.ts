/** `pic-preflight agreement [VALUE...]`: the offline agreement number check (RULES §3). */
import type { Command } from 'commander';
import type { AgreementNumberOptions } from '../../core/agreement-number/agreement-number.js';
import { type BatchCommand, type BatchFlags, registerBatchCommand } from '../support/batch.js';
import type { CommandContext } from '../support/io.js';

interface AgreementFlags extends BatchFlags {
  agreementType?: string;
}

/** The `agreement` command: its help, flags and core check (the fast path of `fast.ts` runs it too). */
export const AGREEMENT_COMMAND: BatchCommand<AgreementFlags> = {
  name: 'agreement',
  summary: 'check agreement numbers (offline)',
  description:
    'Check agreement numbers offline, one result per value; reads stdin (one a line) when no value is given.',
  argument: ['[value...]', 'agreement numbers to check'],
  what: 'agreement number',
  jsonItem: 'value',
  style: 'verdict',
  flags: (command) =>
    command.option(
      '--agreement-type <type>',
      'volume-licensing, partner-network, spla or high-volume-services (an unknown type is reported as an error)',
    ),
  check: async (flags: AgreementFlags) => {
    const { checkAgreementNumber } = await import('../../core/agreement-number/agreement-number.js');
    // The type is checked by the core function (agreement_number.unknown_type), not here.
    const options =
      flags.agreementType === undefined
        ? {}
        : ({ agreementType: flags.agreementType } as AgreementNumberOptions);
    return (value) => checkAgreementNumber(value, options);
  },
  defaults: {},
};

/** Registers `agreement`. */
export function registerAgreement(program: Command, context: CommandContext): void {
  registerBatchCommand(program, context, AGREEMENT_COMMAND);
}
