/**
 * `pic-preflight demo`: serves `examples/demo-zone.json` from an authoritative DNS server on
 * 127.0.0.1 (a free port) and runs `check` on `examples/demo-request.json` against it; unless
 * `--no-probe`, TLS listeners on 127.0.0.x play the demo's Edges and the report gains the probe's
 * `tcp`/`tls` checks (see demo-edges.ts). No network needed: nothing but loopback is contacted.
 * Exit 0 once the report is printed (its mistakes are the point); 2 when the demo could not run.
 */
import type { Command } from 'commander';
import type { HierarchyRecord, ServedRecord } from '../../node/servers/hierarchy-server.js';
import { type CliIo, EXIT, errorText, UsageError } from '../io.js';
import { type OutputFlags, outputOptions, widthFor } from '../output.js';
import type { CommandContext } from '../run.js';
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
        'examples/demo-certs (a throwaway demo CA), and the report includes the probe (tcp and tls checks).',
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
      const { startDemoEdges } = await import('../demo-edges.js');
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
  } finally {
    await server.close();
  }
  const { runPlannedZoneStep } = await import('../demo-planned.js');
  const { outputSettings } = await import('../output.js');
  await runPlannedZoneStep(
    dir,
    flags.json === true ? 'json' : (flags.format ?? 'text'),
    io,
    outputSettings(flags, io),
  );
  return EXIT.ok;
}

// ---------------------------------------------------------------------------------------------
// The split-view case (RULES §10, issue 10): inside vs outside. A separate function, not wired
// into `demo` yet: `demo --split-view` would start it beside the demo's zone server (the "inside",
// an internal split-brain DNS) and run check in authoritative mode from `rootServer` with
// `--nameserver` the inside server to compare with, so the report shows dns.split_view.

/**
 * How the partners' view differs from the demo zone (the inside view): inside, the Edge of
 * westfield-builders.org has a private address (the demo's dns.private_address case); the public
 * zone gives it a public one — an internal view, not what partners see.
 */
export const SPLIT_VIEW_CHANGES = Object.freeze([
  { name: 'sip.westfield-builders.org', type: 'A', inside: '10.20.30.40', outside: '198.51.100.140' },
]);

/** Hosts of the public hierarchy: the root, every TLD, every demo domain's own server. */
export const SPLIT_VIEW_HOSTS = Object.freeze({
  root: '127.0.54.1',
  tlds: '127.0.54.2',
  domains: '127.0.54.3',
});

/** The public side of the split-view case, running. */
export interface SplitViewDemo {
  /** `host:port` of its root server (`--root-server`); every server listens on that port. */
  rootServer: string;
  /** Lines that say what runs where. */
  description: string[];
  close(): Promise<void>;
}

/**
 * Serves the demo zone as the partners see it: a root, the TLDs and the domains' own servers on
 * 127.0.54.x (one free port), every record of `records` in its domain's zone with
 * {@link SPLIT_VIEW_CHANGES} applied. Nothing leaves the machine.
 *
 * @param records - the demo zone's records (`examples/demo-zone.json`).
 */
export async function startSplitViewDemo(records: readonly unknown[]): Promise<SplitViewDemo> {
  const { startHierarchy } = await import('../../node/servers/hierarchy-server.js');
  const hosts = SPLIT_VIEW_HOSTS;
  const lower = (name: string) => name.toLowerCase().replace(/\.$/, '');
  const byDomain = new Map<string, HierarchyRecord[]>();
  for (const given of records as ServedRecord[]) {
    const name = lower(given.name);
    const change = SPLIT_VIEW_CHANGES.find((c) => c.name === name && c.type === given.type);
    const record = (
      change && given.data === change.inside ? { ...given, data: change.outside } : given
    ) as ServedRecord;
    const domain = name.split('.').slice(-2).join('.');
    byDomain.set(domain, [...(byDomain.get(domain) ?? []), record]);
  }
  const domains = [...byDomain.keys()].sort();
  const tlds = [...new Set(domains.map((d) => d.slice(d.lastIndexOf('.') + 1)))].sort();
  const ns = (name: string, data: string): HierarchyRecord => ({ name, type: 'NS', data });
  const a = (name: string, data: string): HierarchyRecord => ({ name, type: 'A', data });
  const hierarchy = await startHierarchy([
    {
      host: hosts.root,
      zones: [
        { origin: '', records: tlds.flatMap((t) => [ns(t, `ns1.nic.${t}`), a(`ns1.nic.${t}`, hosts.tlds)]) },
      ],
    },
    {
      host: hosts.tlds,
      zones: tlds.map((t) => ({
        origin: t,
        records: [
          ns(t, `ns1.nic.${t}`),
          a(`ns1.nic.${t}`, hosts.tlds),
          ...domains
            .filter((d) => d.endsWith(`.${t}`))
            .flatMap((d) => [ns(d, `ns1.${d}`), a(`ns1.${d}`, hosts.domains)]),
        ],
      })),
    },
    {
      host: hosts.domains,
      zones: domains.map((d) => ({
        origin: d,
        records: [ns(d, `ns1.${d}`), a(`ns1.${d}`, hosts.domains), ...(byDomain.get(d) ?? [])],
      })),
    },
  ]);
  const rootServer = hierarchy.address(hosts.root);
  return {
    rootServer,
    description: [
      `Outside (what partners see): a root on ${rootServer}, ${tlds.join('/')} on ${hosts.tlds}, ` +
        `${domains.length} domains on ${hosts.domains} (port ${hierarchy.port}).`,
      ...SPLIT_VIEW_CHANGES.map(
        (c) => `Split view: ${c.name} ${c.type} is ${c.inside} inside, ${c.outside} outside.`,
      ),
    ],
    close: () => hierarchy.close(),
  };
}
