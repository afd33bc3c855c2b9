/** `pic-preflight sip-domain [VALUE...]`: the offline SIP domain check (RULES §2), one result per value. */
import type { Command } from 'commander';
import { runBatch } from '../batch.js';
import type { CommandContext } from '../run.js';

interface SipDomainFlags {
  allowIdn?: boolean;
  allowReserved?: boolean;
  requireKnownTld: boolean;
  json?: boolean;
  strict?: boolean;
}

/** Registers `sip-domain`. */
export function registerSipDomain(program: Command, { io, setExitCode }: CommandContext): void {
  program
    .command('sip-domain')
    .summary('check SIP domains (offline)')
    .description(
      'Check SIP domains offline, one result per value; reads stdin (one a line) when no value is given.',
    )
    .argument('[value...]', 'SIP domains to check')
    .option('--allow-idn', 'accept internationalized names (converted to their A-label)')
    .option('--allow-reserved', 'accept special-use names such as .test or .internal (lab use)')
    .option('--no-require-known-tld', 'accept top-level domains that are not ICANN public suffixes')
    .option('--json', 'one JSON object per value (NDJSON) on stdout')
    .option('--strict', 'exit 1 on warnings too')
    .action(async (values: string[], flags: SipDomainFlags) => {
      const { checkSipDomain } = await import('../../sip-domain/sip-domain.js');
      const options = {
        allowIdn: flags.allowIdn === true,
        allowReserved: flags.allowReserved === true,
        requireKnownTld: flags.requireKnownTld,
      };
      setExitCode(
        await runBatch(io, {
          values,
          what: 'SIP domain',
          json: flags.json === true,
          strict: flags.strict === true,
          style: 'verdict',
          check: (value) => checkSipDomain(value, options),
        }),
      );
    });
}
