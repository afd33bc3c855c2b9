/** `pic-preflight agreement [VALUE...]`: the offline agreement number check (RULES §3). */
import type { Command } from 'commander';
import { runBatch } from '../batch.js';
import type { CommandContext } from '../run.js';

interface AgreementFlags {
  agreementType?: string;
  json?: boolean;
  strict?: boolean;
}

/** Registers `agreement`. */
export function registerAgreement(program: Command, { io, setExitCode }: CommandContext): void {
  program
    .command('agreement')
    .summary('check agreement numbers (offline)')
    .description(
      'Check agreement numbers offline, one result per value; reads stdin (one a line) when no value is given.',
    )
    .argument('[value...]', 'agreement numbers to check')
    .option(
      '--agreement-type <type>',
      'volume-licensing, partner-network, spla or high-volume-services (an unknown type is reported as an error)',
    )
    .option('--json', 'one JSON object per value (NDJSON) on stdout')
    .option('--strict', 'exit 1 on warnings too')
    .action(async (values: string[], flags: AgreementFlags) => {
      const { checkAgreementNumber } = await import('../../agreement-number/agreement-number.js');
      const options = flags.agreementType === undefined ? {} : { agreementType: flags.agreementType };
      setExitCode(
        await runBatch(io, {
          values,
          what: 'agreement number',
          json: flags.json === true,
          strict: flags.strict === true,
          style: 'verdict',
          // The type is checked by the core function (agreement_number.unknown_type), not here.
          check: (value) =>
            checkAgreementNumber(value, options as Parameters<typeof checkAgreementNumber>[1]),
        }),
      );
    });
}
