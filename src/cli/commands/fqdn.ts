/** `pic-preflight fqdn [VALUE...]`: the offline FQDN check (RULES §1), one result per value. */
import type { Command } from 'commander';
import { runBatch } from '../batch.js';
import type { CommandContext } from '../run.js';

interface FqdnFlags {
  allowIdn?: boolean;
  allowReserved?: boolean;
  requireKnownTld: boolean;
  json?: boolean;
  strict?: boolean;
}

/** Registers `fqdn`. */
export function registerFqdn(program: Command, { io, setExitCode }: CommandContext): void {
  program
    .command('fqdn')
    .summary('check host names such as the Access Edge FQDN (offline)')
    .description(
      'Check host names (Access Edge FQDN, SRV target) offline, one result per value; reads stdin (one a line) ' +
        'when no value is given.',
    )
    .argument('[value...]', 'host names to check')
    .option('--allow-idn', 'accept internationalized names (converted to their A-label)')
    .option('--allow-reserved', 'accept special-use names such as .test or .internal (lab use)')
    .option('--no-require-known-tld', 'accept top-level domains that are not ICANN public suffixes')
    .option('--json', 'one JSON object per value (NDJSON) on stdout')
    .option('--strict', 'exit 1 on warnings too')
    .action(async (values: string[], flags: FqdnFlags) => {
      const { checkFqdn } = await import('../../fqdn/fqdn.js');
      const options = {
        allowIdn: flags.allowIdn === true,
        allowReserved: flags.allowReserved === true,
        requireKnownTld: flags.requireKnownTld,
      };
      setExitCode(
        await runBatch(io, {
          values,
          what: 'host name',
          json: flags.json === true,
          strict: flags.strict === true,
          style: 'verdict',
          check: (value) => checkFqdn(value, options),
        }),
      );
    });
}
