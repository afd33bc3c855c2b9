/**
 * The demo's split-view step (RULES §10, issue 10): inside vs outside. After the other steps, the
 * demo zone is served a second time as partners see it (`startSplitViewDemo`: root → TLDs → the
 * domains' servers on 127.0.54.x), and `check` runs for the domain whose Edge differs, in
 * authoritative mode from that root, with the demo's own zone server as the inside view (an
 * internal split-brain DNS). The report shows `dns.split_view` with both views side by side, and
 * that from outside the Edge's address is public. Loopback only; never fails the demo.
 */
import type { ReportFormat } from '../../node/preflight/render.js';
import type { HierarchyRecord, ServedRecord } from '../../node/servers/hierarchy-server.js';
import { type CliIo, errorText } from './io.js';

/** The domain the step checks: the one whose Edge has a private address inside. */
export const SPLIT_VIEW_DOMAIN = 'westfield-builders.org';

/** What the step needs from the demo. */
export interface SplitViewStepOptions {
  /** The demo zone's records (`examples/demo-zone.json`). */
  records: readonly unknown[];
  /** `host:port` of the demo's own zone server: the inside view (your resolver). */
  inside: string;
  format: ReportFormat;
  output: { color: boolean; width?: number };
}

/**
 * Prints the split-view step after the demo's other steps. Text and markdown: a short heading and
 * the report on stdout. JSON and the CI formats: stdout holds the one report, so the step is only
 * named on stderr and nothing is started. Never fails the demo: when the loopback hierarchy cannot
 * start (127.0.54.x not bindable here), one line on stderr says so.
 */
export async function runSplitViewStep(
  { records, inside, format, output }: SplitViewStepOptions,
  io: CliIo,
): Promise<void> {
  if (format !== 'text' && format !== 'markdown') {
    io.stderr.write(`Split-view step (inside vs outside): shown with --format text or markdown.\n`);
    return;
  }
  const outside = await startSplitViewDemo(records).catch((error: unknown) => ({
    skipped: errorText(error),
  }));
  if ('skipped' in outside) {
    io.stderr.write(
      `Split-view step: skipped, the loopback hierarchy could not start: ${outside.skipped}.\n`,
    );
    return;
  }
  try {
    const [{ runPreflight }, { renderReport }, { layout, segments }] = await Promise.all([
      import('../../node/preflight/run.js'),
      import('../../node/preflight/render.js'),
      import('../../node/preflight/render/wrap.js'),
    ]);
    const report = await runPreflight(
      { sipDomains: [SPLIT_VIEW_DOMAIN] },
      {
        resolution: 'authoritative',
        rootServers: [outside.rootServer],
        nameservers: [inside],
        timeoutMs: 1000,
        deadlineMs: 20_000,
      },
    );
    const { width } = output;
    const para = (text: string, indent = 0) =>
      layout(' '.repeat(indent), indent, segments(text), indent + 2, width);
    const heading =
      format === 'markdown'
        ? '### Inside vs outside (split-brain DNS)'
        : 'Inside vs outside (split-brain DNS):';
    const lines = [
      '',
      heading,
      ...(format === 'markdown' ? [''] : []),
      ...para(`Inside (your resolver): the demo's DNS server on ${inside}.`),
      ...outside.description.flatMap((line) => para(line)),
      // No "same as" command: these servers stop with the demo, so it could not be run after it.
      ...para(
        `Checked for ${SPLIT_VIEW_DOMAIN} from that root as a partner's resolver does ` +
          '(--authoritative --root-server), compared with the inside server (--nameserver):',
      ),
      '',
    ];
    io.stdout.write(
      `${lines.join('\n')}\n${renderReport(report, format, {
        color: format === 'text' && output.color,
        ...(width === undefined ? {} : { width }),
      })}\n`,
    );
  } catch (error) {
    io.stderr.write(`Split-view step: skipped, ${errorText(error)}.\n`);
  } finally {
    await outside.close();
  }
}

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
