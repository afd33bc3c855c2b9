/**
 * `pic-preflight demo`: serves `examples/demo-zone.json` from an authoritative DNS server on
 * 127.0.0.1 (a free port) and runs `check` on `examples/demo-request.json` against it; unless
 * `--no-probe`, TLS listeners on 127.0.0.x play the demo's Edges and the report gains the probe's
 * `tcp`/`tls` checks (see demo-edges.ts). Then two steps: a planned zone linted before publishing
 * (demo-planned.ts), and inside vs outside (demo-split-view.ts): the same zone as partners see it
 * from a root on 127.0.54.x, compared with the demo's server (dns.split_view). No network needed:
 * nothing but loopback is contacted. Exit 0 once the report is printed (its mistakes are the point); 2 when the demo could not run.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../support/io.js';
import { type CliIo, type CliOutput, EXIT, errorText, UsageError } from '../support/io.js';
import { type OutputFlags, outputOptions, widthFor } from '../support/output.js';
import { type CheckFlags, executeCheck, readRequestFile } from './check.js';

/** The files the demo reads, next to the package's `dist/` folder. */
export const DEMO_FILES = Object.freeze({ zone: 'demo-zone.json', request: 'demo-request.json' });

/** The flags of `demo`. */
export interface DemoFlags extends OutputFlags {
  /** `--no-probe` sets `false`: no TLS listeners, no `tcp`/`tls` checks. @default true */
  probe?: boolean;
}

/** Registers `demo`. */
export function registerDemo(program: Command, { io, setExitCode }: CommandContext): void {
  const command = program
    .command('demo')
    .summary('the whole check against a built-in DNS server on 127.0.0.1 (no network needed)')
    .description(
      'Run check on examples/demo-request.json against a DNS server on 127.0.0.1 (a free port) serving ' +
        'examples/demo-zone.json: one correct SIP domain and one for each common mistake. Needs no network; ' +
        'exits 0 once the report is printed, 2 when the demo could not run. Unless --no-probe, TLS listeners on ' +
        '127.0.0.x:5061 (or ports chosen by the system on 127.0.0.1) play the Edges with certificates from ' +
        'examples/demo-certs (a throwaway demo CA), and the report includes the probe (tcp and tls checks). ' +
        'Then a planned zone is linted before publishing, and one domain is checked from outside (a root, TLD ' +
        'and domain servers on 127.0.54.x) against the demo server as inside, to show a split view.',
    )
    .option('--no-probe', 'skip the probe part (no TLS listeners, no tcp/tls checks)');
  outputOptions(command).action(async (flags: DemoFlags) => {
    setExitCode(await runDemo(flags, io));
  });
}

/**
 * Finds the `examples` folder by walking up from this file: `dist/*.js` → `../examples` in a clone
 * and in the installed package, `src/cli/commands/demo.ts` → `../../../examples` in tests.
 */
export async function findExamplesDir(): Promise<string> {
  const [{ existsSync }, { dirname, join }, { fileURLToPath }] = await Promise.all([
    import('node:fs'),
    import('node:path'),
    import('node:url'),
  ]);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, 'examples');
    if (existsSync(join(candidate, DEMO_FILES.zone))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new UsageError(
    `the demo files are missing: no examples/${DEMO_FILES.zone} next to the installed package`,
  );
}

/** The zone file holds `{ "records": [...] }` (with comments alongside) or a bare array of records. */
function zoneRecords(parsed: Record<string, unknown>): unknown[] {
  if (Array.isArray(parsed.records)) return parsed.records;
  throw new UsageError(`${DEMO_FILES.zone} has no "records" array`);
}

/**
 * Runs the demo; returns 0 once the report is printed, 2 (through a `UsageError`) when the demo
 * itself could not run. `examplesDir` overrides where the two files are read from (tests).
 */
export async function runDemo(flags: DemoFlags, io: CliIo, examplesDir?: string): Promise<number> {
  const { isAbsolute, join, relative } = await import('node:path');
  const dir = examplesDir ?? (await findExamplesDir());
  const zone = zoneRecords(await readRequestFile(join(dir, DEMO_FILES.zone), io, 'the demo zone'));
  const request = await readRequestFile(join(dir, DEMO_FILES.request), io);
  const { startZoneServer } = await import('../../node/servers/zone-server.js');
  let server: Awaited<ReturnType<typeof startZoneServer>>;
  try {
    server = await startZoneServer({
      zone: zone as Parameters<typeof startZoneServer>[0]['zone'],
      host: '127.0.0.1',
      port: 0,
    });
  } catch (error) {
    io.stderr.write(
      `pic-preflight: the demo could not start its DNS server on 127.0.0.1: ${errorText(error)}\n`,
    );
    return EXIT.usage;
  }
  try {
    // The path as the user would type it: relative when the examples are below the working directory.
    const requestPath = relative(process.cwd(), join(dir, DEMO_FILES.request));
    const shown =
      requestPath.startsWith('..') || isAbsolute(requestPath) ? join(dir, DEMO_FILES.request) : requestPath;
    const { layout, segments } = await import('../../node/preflight/render/wrap.js');
    const width = widthFor(io.stderr, io.env);
    const intro = [
      `Demo: ${zone.length} records served by a DNS server on ${server.address} (nothing leaves this machine).`,
      `Same as: pic-preflight check --request ${shown} --nameserver ${server.address}`,
    ].flatMap((line) => layout('', 0, segments(line), 2, width));
    io.stderr.write(`${intro.join('\n')}\n${flags.probe === false ? '\n' : ''}`);
    const checkFlags: CheckFlags = { nameserver: [server.address], timeout: 1000, deadline: 20_000 };
    for (const key of ['format', 'json', 'output', 'quiet', 'color'] as const) {
      if (flags[key] !== undefined) Object.assign(checkFlags, { [key]: flags[key] });
    }
    if (flags.probe === false) {
      await executeCheck(request, checkFlags, io);
    } else {
      const { startDemoEdges } = await import('../support/demo-edges.js');
      // The probe part never fails the demo: anything unexpected becomes a one-line note.
      const edges = await startDemoEdges(dir).catch((error: unknown) => ({ skipped: errorText(error) }));
      if ('skipped' in edges) {
        io.stderr.write(`Probe: skipped, ${edges.skipped}.\n\n`);
        await executeCheck(request, checkFlags, io);
      } else {
        const lines = edges.description.flatMap((line) => {
          const indent = line.length - line.trimStart().length;
          return layout(' '.repeat(indent), indent, segments(line.trim()), indent + 2, width);
        });
        io.stderr.write(`${lines.join('\n')}\n\n`);
        try {
          await executeCheck(request, { ...checkFlags, probe: true }, io, edges.probeOptions);
        } finally {
          await edges.close();
        }
      }
    }
    const [{ runPlannedZoneStep }, { runSplitViewStep }, { outputSettings }] = await Promise.all([
      import('../support/demo-planned.js'),
      import('../support/demo-split-view.js'),
      import('../support/output.js'),
    ]);
    const format = flags.json === true ? 'json' : (flags.format ?? 'text');
    const output = outputSettings(flags, io);
    // With -o FILE the steps' reports follow the main one into the file.
    const stepIo =
      flags.output === undefined || flags.output === '-'
        ? io
        : { ...io, stdout: await appendingTo(flags.output) };
    await runPlannedZoneStep(dir, format, stepIo, output);
    // Inside vs outside: the zone server above is the inside view (RULES §10, dns.split_view).
    await runSplitViewStep({ records: zone, inside: server.address, format, output }, stepIo);
  } finally {
    await server.close();
  }
  return EXIT.ok;
}

/** Output appended to a file (the report `-o FILE` wrote first); a write that fails is a note, not a crash. */
async function appendingTo(file: string): Promise<CliOutput> {
  const { appendFileSync } = await import('node:fs');
  return {
    isTTY: false,
    write(chunk: string) {
      try {
        appendFileSync(file, chunk);
      } catch {
        // The main report was written there; a later step that cannot append is left out.
      }
    },
  };
}
