/**
 * `pic-preflight srv [DOMAIN...]`: the live federation check of SIP domains (SRV record, targets,
 * addresses), one line per domain or one JSON object per domain (NDJSON), in input order.
 */
import type { Command } from 'commander';
import type { SrvRecord } from '../../core/federation/federation.js';
import type { Check, Report } from '../../core/report/report-types.js';
import { summarize } from '../../core/report/status.js';
import { TOOL_NAME, VERSION } from '../../core/version.js';
import type { Resolver } from '../../node/dns/types.js';
import type { LiveContext } from '../../node/live/context.js';
import type { LiveOptions } from '../../node/live/live.js';
import { columns, layout } from '../../node/preflight/render/wrap.js';
import { printable, STATUS_MARKS, summariseEvidence, toJson } from '../../node/preflight/render.js';
import { type DnsFlags, dnsOptions, resolverSettings } from '../support/dns-flags.js';
import type { CommandContext } from '../support/io.js';
import {
  type CliIo,
  collect,
  exitCodeFor,
  milliseconds,
  newTally,
  Progress,
  positiveInt,
  readBatch,
  tallyIssues,
} from '../support/io.js';
import { formatOf, type OutputFlags, outputOptions, outputSettings, writeReport } from '../support/output.js';
import { issueLines, type Painter, painter, paintStatus, statusOf } from '../support/text.js';
import { readZoneFiles, type ZoneFlags, zoneOptions } from '../support/zone-files.js';

interface SrvFlags extends DnsFlags, ZoneFlags, OutputFlags {
  edge?: string[];
  deadline?: number;
  concurrency?: number;
  strict?: boolean;
  verbose?: boolean;
}

/** Default number of domains checked at once. */
export const SRV_CONCURRENCY = 4;

/** Default bound of the whole command in milliseconds (`--deadline`). */
export const SRV_DEADLINE_MS = 30_000;

/** Registers `srv`. */
export function registerSrv(program: Command, { io, setExitCode }: CommandContext): void {
  const command = program
    .command('srv')
    .summary('check the _sipfederationtls._tcp SRV record of SIP domains in DNS, one line per domain')
    .description(
      'Check the _sipfederationtls._tcp SRV record of SIP domains in DNS, with its targets and their ' +
        'addresses: one line per domain (-v adds each issue and its fix, --json one object per domain; ' +
        'markdown, junit, sarif and github give one report of every domain once all are checked). ' +
        'Reads domains from stdin (one a line) when none is given.',
    )
    .argument('[domain...]', 'SIP domains to check')
    .option(
      '--edge <fqdn>',
      'a declared Access Edge FQDN, repeatable (SRV targets are compared with them)',
      collect,
    );
  outputOptions(
    zoneOptions(dnsOptions(command))
      .option('--concurrency <n>', `domains checked at once (default ${SRV_CONCURRENCY})`, positiveInt)
      .option(
        '--deadline <ms>',
        `deadline for the whole command in milliseconds (default ${SRV_DEADLINE_MS}); unfinished lookups are inconclusive`,
        milliseconds,
      ),
  )
    .option('-v, --verbose', 'print each issue with its message and fix under the domain')
    .option('--strict', 'exit 1 on warnings too')
    .action(async (domains: string[], flags: SrvFlags) => {
      setExitCode(await runSrv(domains, flags, io));
    });
}

/** One `--json` line: the domain as given, its status, the selected record, and every check. */
export interface SrvLine {
  input: string;
  domain: string;
  status: Check['status'];
  records: SrvRecord[];
  selected?: SrvRecord;
  checks: Check[];
}

/** Checks one domain: offline (`checkSipDomain`) first, live only when that passes. */
async function checkOne(input: string, context: LiveContext, edges: readonly string[]): Promise<SrvLine> {
  const [{ checkSipDomain }, { checkDomainWith, worstStatus }] = await Promise.all([
    import('../../core/sip-domain/sip-domain.js'),
    import('../../node/live/live.js'),
  ]);
  const offline = checkSipDomain(input);
  const offlineCheck: Check | undefined =
    offline.issues.length > 0
      ? {
          id: 'request',
          subject: input,
          status: statusOf(offline.issues, offline.ok),
          issues: offline.issues,
          durationMs: 0,
        }
      : undefined;
  if (!offline.ok) {
    return { input, domain: input, status: 'fail', records: [], checks: offlineCheck ? [offlineCheck] : [] };
  }
  const report = await checkDomainWith(context, offline.value, edges);
  const checks = offlineCheck ? [offlineCheck, ...report.checks] : report.checks;
  const status = worstStatus(checks);
  const line: SrvLine = { input, domain: report.domain, status, records: report.records, checks };
  if (report.selected) line.selected = report.selected;
  return line;
}

async function runSrv(values: string[], flags: SrvFlags, io: CliIo): Promise<number> {
  const format = formatOf(flags);
  const domains = await readBatch(values, io, 'SIP domain');
  const settings = await resolverSettings(flags, io.env);
  // One resolver set for the whole batch: a name server that never answers is found out once, not
  // once per domain. Which source answers (RULES §10) is sources.ts's business.
  const { resolverFor } = await import('../../node/live/sources.js');
  const resolvers = resolverFor(settings);
  let resolver: Resolver = resolvers.resolver;
  if (flags.zone !== undefined) {
    // Planned zones (RULES §11): their names are answered from the plan, the rest live.
    const zones = await readZoneFiles(flags.zone, flags.zoneOrigin);
    const { createPlannedResolver } = await import('../../node/dns/planned-source.js');
    const planned = createPlannedResolver({ zones, fallback: resolver });
    resolver = planned;
    for (const zone of planned.zones) {
      const errors = zone.issues.filter((issue) => issue.severity === 'error').length;
      if (errors > 0)
        io.stderr.write(
          `${zone.fileName}: ${errors} error(s) in the planned zone; see pic-preflight zone ${zone.fileName}\n`,
        );
    }
  }
  const deadlineMs = flags.deadline ?? SRV_DEADLINE_MS;
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(), deadlineMs);
  const options: LiveOptions & { deadlineMs: number } = {
    ...settings,
    resolver,
    ...(resolvers.compare ? { compareResolver: resolvers.compare } : {}),
    signal: controller.signal,
    deadlineMs,
  };
  if (flags.edge !== undefined) options.accessEdgeFqdns = flags.edge;
  try {
    return await checkAll(domains, options, flags, io, format);
  } finally {
    clearTimeout(deadline);
  }
}

/** Checks every domain with `--concurrency` workers, printing in input order. */
async function checkAll(
  domains: readonly string[],
  options: LiveOptions,
  flags: SrvFlags,
  io: CliIo,
  format: ReturnType<typeof formatOf>,
): Promise<number> {
  // One context for the batch: a target shared by several domains is asked once (one memo, one
  // query budget for the whole command, as runPreflight has).
  const { createLiveContext, defaultQueryBudget } = await import('../../node/live/context.js');
  const context = createLiveContext({ ...options, queryBudget: defaultQueryBudget(domains.length) });
  // text and json (NDJSON) stream a line per domain; the other formats render one report at the end.
  const streaming = format === 'text' || format === 'json';

  const tally = newTally();
  const { color, width: outputWidth } = outputSettings(flags, io);
  const c = painter(format === 'text' && color);
  const progress = new Progress(io, 'checked');
  const startedAt = new Date();
  const all: SrvLine[] = new Array(domains.length);
  const out: string[] = [];
  const results: (SrvLine | undefined)[] = new Array(domains.length);
  let next = 0;
  let printed = 0;
  let done = 0;
  const flush = () => {
    // Print in input order as soon as the next result is ready.
    while (printed < domains.length && results[printed] !== undefined) {
      const line = results[printed] as SrvLine;
      all[printed] = line;
      if (streaming && !(flags.quiet === true && line.status !== 'fail')) {
        const text =
          format === 'json'
            ? toJson(line)
            : textLines(c, line, flags.verbose === true, outputWidth).join('\n');
        if (flags.output === undefined) {
          progress.clear();
          io.stdout.write(`${text}\n`);
        } else out.push(text);
      }
      results[printed] = undefined;
      printed++;
    }
  };
  const worker = async () => {
    while (next < domains.length) {
      const index = next++;
      const line = await checkOne(domains[index] as string, context, options.accessEdgeFqdns ?? []);
      for (const check of line.checks) tallyIssues(tally, check.issues, check.status === 'inconclusive');
      results[index] = line;
      done++;
      flush();
      // On stderr whenever it is a terminal, whatever stdout is (Progress checks).
      progress.update(done, domains.length);
    }
  };
  const workers = Math.min(flags.concurrency ?? SRV_CONCURRENCY, domains.length);
  await Promise.all(Array.from({ length: workers }, worker));
  progress.clear();
  if (!streaming) {
    const { renderReport } = await import('../../node/preflight/render.js');
    out.push(renderReport(batchReport(all, startedAt), format, { quiet: flags.quiet === true }));
  }
  if (!streaming || flags.output !== undefined) await writeReport(out.join('\n'), flags, io);
  return exitCodeFor(tally, flags.strict === true);
}

/** The checks of every domain as one report (for markdown, junit, sarif and github). */
function batchReport(lines: readonly SrvLine[], startedAt: Date): Report {
  const checks = lines.flatMap((line) => line.checks);
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    request: { sipDomains: lines.map((line) => line.input) },
    summary: summarize(checks),
    checks,
  };
}

/**
 * `✖ domain  SRV 0 0 5062 sip.domain → 198.51.100.7  srv.wrong_port`: the verdict, the selected
 * record and its addresses, and the codes of every error, warning and inconclusive issue. With
 * `verbose`, each issue's message and fix follow.
 */
function textLines(c: Painter, line: SrvLine, verbose: boolean, width?: number): string[] {
  const parts = [`${paintStatus(c, line.status, STATUS_MARKS[line.status])} ${printable(line.input)}`];
  const srv = line.checks.find((check) => check.id === 'srv');
  // The record the Access Edge would use (all of them are in --json and -v).
  const records = srv
    ? summariseEvidence({ records: line.selected ? [line.selected] : srv.evidence?.records })
    : '';
  const target = line.selected
    ? line.checks.find((check) => check.id === 'srv-target' && check.subject === line.selected?.target)
    : undefined;
  const addresses = target ? summariseEvidence({ addresses: target.evidence?.addresses }) : '';
  const evidence = [records, addresses].filter((part) => part !== '').join(' ');
  if (evidence) parts.push(c.dim(printable(evidence)));
  const notable = line.checks.flatMap((check) => check.issues).filter((issue) => issue.severity !== 'info');
  const codes = [...new Set(notable.map((issue) => issue.code))];
  if (codes.length > 0) parts.push(codes.join(', '));
  // Wrapped to the terminal: the verdict and domain first, the record and codes after, indented.
  const [head = '', ...rest] = parts;
  const lines =
    width === undefined
      ? [parts.join('  ')]
      : layout(
          rest.length > 0 ? `${head}  ` : head,
          columns(`${STATUS_MARKS[line.status]} ${printable(line.input)}`) + 2,
          rest.map((text) => ({ text })),
          4,
          width,
        );
  if (verbose) {
    for (const check of line.checks) {
      if (check.issues.length === 0) continue;
      lines.push(`    ${c.dim(printable(`${check.id} ${check.subject}`))}`);
      lines.push(...issueLines(c, check.issues, '      ', width));
    }
  }
  return lines;
}
