/**
 * `pic-preflight zone FILE… [--origin D] [--domain D]…`: lints planned zones offline (RULES §11),
 * then checks the federation SRV records of every SIP domain in them (§7, the offline parts of §8)
 * as published from the plan. Sends nothing over the network.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../support/io.js';
import { type CliIo, collect, UsageError } from '../support/io.js';
import { formatOf, type OutputFlags, outputOptions, outputSettings, writeReport } from '../support/output.js';
import { readZoneFiles } from '../support/zone-files.js';
import { reportExitCode } from './check.js';

interface ZoneCommandFlags extends OutputFlags {
  origin?: string;
  domain?: string[];
  edge?: string[];
  strict?: boolean;
}

/** Registers `zone`. */
export function registerZone(program: Command, { io, setExitCode }: CommandContext): void {
  const command = program
    .command('zone')
    .summary('lint planned zone files offline: syntax, trailing dots, and the federation SRV records in them')
    .description(
      'Lint planned zone files (RFC 1035 master files, as BIND, Windows DNS, Azure DNS and Route 53 ' +
        'export them) before they are published: every problem with its line, then the ' +
        '_sipfederationtls._tcp SRV records of each SIP domain found in them (or given with --domain), ' +
        'their targets and addresses as the plan would publish them. Nothing is sent over the network: ' +
        'names outside the plans are skipped.',
    )
    .argument('<file...>', 'zone files')
    .option('--origin <domain>', 'the origin when the file name and $ORIGIN do not give it')
    .option(
      '--domain <domain>',
      'a SIP domain to check besides those found in the zones, repeatable',
      collect,
    )
    .option(
      '--edge <fqdn>',
      'a declared Access Edge FQDN, repeatable (SRV targets are compared with them)',
      collect,
    );
  outputOptions(command)
    .option('--strict', 'exit 1 on warnings too')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  pic-preflight zone contoso.com.zone\n' +
        '  pic-preflight zone db.contoso.com fabrikam.com.dns --json\n' +
        '  pic-preflight zone planned.txt --origin contoso.com --domain contoso.com --strict',
    )
    .action(async (files: string[], flags: ZoneCommandFlags) => {
      setExitCode(await runZone(files, flags, io));
    });
}

/** Lints the files and prints the report; returns the exit code (2 for an unreadable file). */
export async function runZone(files: readonly string[], flags: ZoneCommandFlags, io: CliIo): Promise<number> {
  const [{ checkSipDomain }, { lintPlannedZones }, { renderReport }] = await Promise.all([
    import('../../core/sip-domain/sip-domain.js'),
    import('../../node/preflight/zones.js'),
    import('../../node/preflight/render.js'),
  ]);
  const domains: string[] = [];
  for (const given of flags.domain ?? []) {
    const domain = checkSipDomain(given);
    if (!domain.ok) throw new UsageError(`--domain ${JSON.stringify(given)}: ${domain.issues[0].message}`);
    domains.push(domain.value);
  }
  const zones = await readZoneFiles(files, flags.origin);
  const report = await lintPlannedZones(zones, { domains, accessEdgeFqdns: flags.edge ?? [] });
  const format = formatOf(flags);
  const { color, width } = outputSettings(flags, io);
  const rendered = renderReport(report, format, {
    color: format === 'text' && color,
    quiet: flags.quiet === true,
    ...(width !== undefined ? { width } : {}),
  });
  await writeReport(rendered, flags, io);
  return reportExitCode(report, flags.strict === true);
}
