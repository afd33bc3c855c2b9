/**
 * The demo's planned-zone step (RULES §11): after the live check, lint the zone planned for the
 * domain that has no federation record yet, and catch its forgotten trailing dot before it is
 * published. Offline: answered from the plan, nothing is sent.
 */
import type { ReportFormat } from '../../node/preflight/render.js';
import type { CliIo } from './io.js';
import { readZoneFiles } from './zone-files.js';

/** The planned zone the demo lints, under `examples/`. */
export const DEMO_PLANNED_ZONE = 'planned/lakeshore-dental.com.zone';

/**
 * Prints the planned-zone step after the demo's report (text and markdown; with JSON and the CI
 * formats, stdout holds the one report, so the step is only named on stderr). Never fails the demo: a missing file is a note.
 */
export async function runPlannedZoneStep(
  examplesDir: string,
  format: ReportFormat,
  io: CliIo,
  output: { color: boolean; width?: number } = { color: false },
): Promise<void> {
  const { isAbsolute, join, relative } = await import('node:path');
  const file = join(examplesDir, DEMO_PLANNED_ZONE);
  // The path as the user would type it: relative when the examples are below the working directory.
  const near = relative(process.cwd(), file);
  const shown = near.startsWith('..') || isAbsolute(near) ? file : near;
  if (format !== 'text' && format !== 'markdown') {
    io.stderr.write(`Planned zone step: pic-preflight zone ${shown}\n`);
    return;
  }
  let zones: Awaited<ReturnType<typeof readZoneFiles>>;
  try {
    zones = await readZoneFiles([file]);
  } catch {
    io.stderr.write(`Planned zone step: skipped, ${file} is missing.\n`);
    return;
  }
  const [{ lintPlannedZones }, { renderReport }] = await Promise.all([
    import('../../node/preflight/zones.js'),
    import('../../node/preflight/render.js'),
  ]);
  const report = await lintPlannedZones(zones);
  // Short lines: the demo is read in an 80-column terminal.
  io.stdout.write(
    '\nPlanned zone, before publishing (offline, nothing sent):\n' +
      `  pic-preflight zone ${shown}\n` +
      'lakeshore-dental.com has no federation record yet; its planned zone adds one.\n' +
      'Caught before publishing:\n\n' +
      `${renderReport(report, format, { color: format === 'text' && output.color, ...(output.width ? { width: output.width } : {}) })}\n`,
  );
}
