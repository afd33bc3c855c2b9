/**
 * `pic-preflight check`: the whole preflight (offline rules, live DNS, optional probe) of one
 * provisioning request, from a JSON file, stdin or flags, rendered as text, JSON or markdown.
 */
import { type Command, Option } from 'commander';
import type { Report } from '../../core/report/report-types.js';
import { type DnsFlags, dnsOptions, resolverSettings } from '../support/dns-flags.js';
import type { CommandContext } from '../support/io.js';
import {
  type CliIo,
  collect,
  exitCodeFor,
  milliseconds,
  Progress,
  readAllText,
  readErrorReason,
  readTextFile,
  UsageError,
} from '../support/io.js';
import { formatOf, type OutputFlags, outputOptions, outputSettings, writeReport } from '../support/output.js';
import { type CliProbeOptions, probeOptionsFromFlags } from '../support/probe-options.js';
import { readZoneFiles, type ZoneFlags, zoneOptions } from '../support/zone-files.js';

/** The flags of `check` (`demo` passes its own name server, timeout and format). */
export interface CheckFlags extends DnsFlags, ZoneFlags, OutputFlags {
  request?: string;
  edge?: string;
  domain?: string[];
  agreement?: string;
  agreementType?: string;
  deadline?: number;
  offline?: boolean;
  probe?: boolean;
  /** `--ca FILE`, repeatable: extra PEM trust anchors for the probe. */
  ca?: string[];
  /** `--probe-timeout MS`: bound of each probe phase. */
  probeTimeout?: number;
  strict?: boolean;
  /** Not a flag: how the request is read (`check` sets it from the flags; the demo's is a PIC form). */
  requestForm?: 'pic' | 'federation';
}

/** Adds `check`'s live and output flags: name servers, time limits, probe, format, strictness. */
export function liveOptions(command: Command): Command {
  return outputOptions(
    zoneOptions(dnsOptions(command))
      .option('--deadline <ms>', 'deadline for the whole run in milliseconds (default 30000)', milliseconds)
      .option('--probe', 'also connect to each SRV target (TCP, TLS) and inspect the Edge certificate')
      .option(
        '--probe-timeout <ms>',
        'with --probe: timeout of each TCP and TLS phase in milliseconds (default: --timeout, else 5000)',
        milliseconds,
      ),
  ).option('--strict', 'exit 1 on warnings too');
}

/** Registers `check`. */
export function registerCheck(program: Command, { io, setExitCode }: CommandContext): void {
  liveOptions(
    program
      .command('check')
      .summary('check a provisioning request: offline rules, DNS, and with --probe the Edge certificate')
      .description(
        'Check federation for SIP domains (--domain, optionally --edge: no agreement number needed), or a ' +
          'provisioning request (--request FILE, or - for stdin, and/or --agreement): the offline rules, then the ' +
          '_sipfederationtls._tcp SRV records, their targets and the Access Edge names in DNS, and with --probe ' +
          "the Edge certificate. Flags replace the file's fields.",
      )
      .option('--request <file>', 'the provisioning request as a JSON file, or - for stdin')
      .option('--edge <fqdn>', 'Access Edge FQDN (accessEdgeFqdn)')
      .option('--domain <domain>', 'SIP domain served by the Access Edge, repeatable (sipDomains)', collect)
      .option('--agreement <number>', 'agreement number (agreementNumber)')
      .option('--agreement-type <type>', 'volume-licensing, partner-network, spla or high-volume-services')
      .addOption(
        new Option(
          '--offline',
          'run the offline rules only: no DNS query, no connection (with --zone: names in the planned zones are answered from them, the rest skipped)',
        ).conflicts('probe'),
      ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  pic-preflight check --domain contoso.com --domain fabrikam.com --edge sip.contoso.com\n' +
        '  pic-preflight check --request request.json\n' +
        '  pic-preflight check --edge sip.fabrikam.com --domain fabrikam.com --agreement V1234567 --json\n' +
        '  pic-preflight check --request request.json --format markdown -o preflight.md\n' +
        '  pic-preflight check --domain contoso.com --format sarif -o preflight.sarif\n' +
        '  pic-preflight check --request request.json --probe --ca private-root.pem --probe-timeout 3000\n' +
        '  cat request.json | pic-preflight check --request - --nameserver 192.0.2.53 --strict',
    )
    .action(async (flags: CheckFlags) => {
      const request = await loadRequest(flags, io);
      setExitCode(await executeCheck(request, { ...flags, requestForm: requestFormOf(flags) }, io));
    });
}

/**
 * RULES §6: `--domain`/`--edge` alone is a federation-only check (no agreement number asked for);
 * a request file or an agreement flag makes it the PIC form.
 */
export function requestFormOf(flags: CheckFlags): 'pic' | 'federation' {
  return flags.request === undefined && flags.agreement === undefined && flags.agreementType === undefined
    ? 'federation'
    : 'pic';
}

/** Reads the request (file, `-` for stdin, or nothing) and applies the flags over its fields. */
export async function loadRequest(flags: CheckFlags, io: CliIo): Promise<Record<string, unknown>> {
  let request: Record<string, unknown> = {};
  if (flags.request !== undefined) {
    request = await readRequestFile(flags.request, io);
  } else if (
    flags.edge === undefined &&
    flags.domain === undefined &&
    flags.agreement === undefined &&
    flags.agreementType === undefined
  ) {
    throw new UsageError(
      'nothing to check: give --domain D (repeatable, with --edge FQDN if you have one), or --request FILE (- for stdin)',
    );
  }
  // Flags replace the file's fields; the request rules (missing fields and so on) are the library's.
  if (flags.edge !== undefined) request.accessEdgeFqdn = flags.edge;
  if (flags.domain !== undefined) request.sipDomains = flags.domain;
  if (flags.agreement !== undefined) request.agreementNumber = flags.agreement;
  if (flags.agreementType !== undefined) request.agreementType = flags.agreementType;
  return request;
}

/**
 * Reads and parses a JSON object from a file (`-` for stdin); every failure is a one-line
 * `UsageError` (exit 2). `what` names the content in messages.
 */
export async function readRequestFile(
  file: string,
  io: CliIo,
  what = 'the provisioning request',
): Promise<Record<string, unknown>> {
  const name = file === '-' ? 'stdin' : `"${file}"`;
  let text: string;
  // Size cap first, then UTF-8 or UTF-16 with a BOM (io.ts); every failure is one UsageError line.
  if (file === '-') {
    try {
      text = await readAllText(io.stdin);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`cannot read ${name}: ${readErrorReason(error)}`);
    }
    if (text.trim() === '') throw new UsageError(`stdin is empty: pipe ${what} as JSON`);
  } else text = await readTextFile(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${name} is not valid JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
    throw new UsageError(`${name} must hold a JSON object (${what}), not ${kind}`);
  }
  return parsed as Record<string, unknown>;
}

/** The exit code of a report: 1 on an error (or a finding warning with `strict`), 3 inconclusive, else 0. */
export function reportExitCode(report: Report, strict: boolean): number {
  // The summary already counts what the exit code needs: its warnings exclude "could not ask" ones.
  const { errors, warnings, inconclusive } = report.summary;
  return exitCodeFor({ errors, warnings, inconclusive }, strict);
}

/**
 * Runs the preflight on a request and prints the report on stdout (progress on stderr when it is
 * a TTY). Shared by `check` and `demo` (which passes its `connectTo` and CA as `probeOptions`).
 * Returns the exit code from the report.
 */
export async function executeCheck(
  request: unknown,
  flags: CheckFlags,
  io: CliIo,
  probeOptions?: CliProbeOptions,
): Promise<number> {
  const resolver = await resolverSettings(flags, io.env);
  // --ca is shared with --doh (dns-flags.ts checks the pairing); the probe takes it with --probe only.
  const probe = await probeOptionsFromFlags(
    flags.probe === true ? flags : { ...flags, ca: [] },
    probeOptions,
  );
  const [{ runPreflight }, { renderReport }] = await Promise.all([
    import('../../node/preflight/run.js'),
    import('../../node/preflight/render.js'),
  ]);
  const format = formatOf(flags);
  const progress = new Progress(io, 'checked');
  const options: Parameters<typeof runPreflight>[1] = {
    ...resolver,
    onProgress: (done: number, total: number) => progress.update(done, total),
  };
  if (flags.deadline !== undefined) options.deadlineMs = flags.deadline;
  if (flags.probe === true) options.probe = true;
  if (probe !== undefined) options.probeOptions = probe;
  if (flags.offline === true) options.offline = true;
  if (flags.zone !== undefined) options.zones = await readZoneFiles(flags.zone, flags.zoneOrigin);
  if (flags.requestForm !== undefined) options.requestForm = flags.requestForm;
  let report: Report;
  try {
    report = await runPreflight(request, options);
  } finally {
    progress.clear();
  }
  const { color, width } = outputSettings(flags, io);
  const rendered = renderReport(report, format, {
    color: format === 'text' && color,
    quiet: flags.quiet === true,
    ...(width === undefined ? {} : { width }),
  });
  await writeReport(rendered, flags, io);
  return reportExitCode(report, flags.strict === true);
}
