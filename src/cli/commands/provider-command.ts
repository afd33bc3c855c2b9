/** `pic-preflight provider-command`: prints the `New-CsPublicProvider` PowerShell for the Skype provider (RULES §5). */
import { type Command, Option } from 'commander';
import { toJson } from '../../node/preflight/render/json.js';
import type { CommandContext } from '../support/io.js';
import { exitCodeFor, newTally, tallyIssues } from '../support/io.js';
import { colorFor } from '../support/output.js';
import { itemLines, painter, statusOf } from '../support/text.js';

interface ProviderFlags {
  serverVersion?: 'lync2013' | 'sfb2015' | 'sfb2019';
  routingDomain?: string;
  excluded?: string;
  proxyFqdn?: string;
  includeRemove?: boolean;
  json?: boolean;
  strict?: boolean;
}

/** Registers `provider-command`. */
export function registerProviderCommand(program: Command, { io, setExitCode }: CommandContext): void {
  program
    .command('provider-command')
    .summary('print the New-CsPublicProvider PowerShell for the Skype provider')
    .description(
      'Print the PowerShell that creates the Skype public provider (New-CsPublicProvider) for your server ' +
        'version. Issues go to stderr; with an error nothing is printed on stdout.',
    )
    .addOption(
      new Option('--server-version <version>', 'server version (default sfb2019)').choices([
        'lync2013',
        'sfb2015',
        'sfb2019',
      ]),
    )
    .option('--routing-domain <domain>', 'NameDecorationRoutingDomain (default msn.com)')
    .option('--excluded <list>', 'NameDecorationExcludedDomainList, comma-separated')
    .option('--proxy-fqdn <fqdn>', 'ProxyFqdn (default federation.messenger.msn.com)')
    .option('--include-remove', 'emit Remove-CsPublicProvider as a command instead of a comment')
    .option('--json', 'print { ok, value, issues } as JSON on stdout')
    .option('--strict', 'exit 1 on warnings too')
    .action(async (flags: ProviderFlags) => {
      const { renderPublicProviderCommand } = await import('../../core/public-provider/public-provider.js');
      const settings: Record<string, unknown> = {};
      if (flags.serverVersion !== undefined) settings.serverVersion = flags.serverVersion;
      if (flags.routingDomain !== undefined) settings.nameDecorationRoutingDomain = flags.routingDomain;
      if (flags.excluded !== undefined) settings.nameDecorationExcludedDomainList = flags.excluded;
      if (flags.proxyFqdn !== undefined) settings.proxyFqdn = flags.proxyFqdn;
      if (flags.includeRemove === true) settings.includeRemove = true;
      const result = renderPublicProviderCommand(settings);
      const tally = newTally();
      tallyIssues(tally, result.issues);
      if (flags.json === true) {
        io.stdout.write(`${toJson(result)}\n`);
      } else {
        if (result.ok) io.stdout.write(`${result.value}\n`);
        if (result.issues.length > 0) {
          const c = painter(colorFor(io.stderr, io.env));
          const lines = itemLines(
            c,
            statusOf(result.issues, result.ok),
            'public provider settings',
            result.issues,
          );
          io.stderr.write(`${lines.join('\n')}\n`);
        }
      }
      setExitCode(exitCodeFor(tally, flags.strict === true));
    });
}
