/**
 * Report renderers: text for people, markdown for tickets, JSON for machines, JUnit, SARIF and
 * GitHub annotations for CI. Adapters only: no rule lives here, every sentence comes from the
 * report's issues. Each format is one file in `render/`.
 */
import type { Report } from '../../core/report/report-types.js';
import { failuresOnly, painter } from './render/common.js';
import { renderGithub } from './render/github.js';
import { toJson } from './render/json.js';
import { renderJunit } from './render/junit.js';
import { renderMarkdown } from './render/markdown.js';
import { renderSarif } from './render/sarif.js';
import { renderText } from './render/text.js';

export {
  issueMark,
  type Painter,
  painter,
  paintIssue,
  paintStatus,
  printable,
  STATUS_MARKS,
  summariseEvidence,
} from './render/common.js';
export { escapeData, escapeProperty } from './render/github.js';
export { toJson } from './render/json.js';
export { escapeXml } from './render/junit.js';
export { escapeMarkdown } from './render/markdown.js';

export { REPORT_FORMATS, type ReportFormat } from './render/report-formats.js';

import type { ReportFormat } from './render/report-formats.js';

/** Options of {@link renderReport}. */
export interface RenderOptions {
  /**
   * ANSI colours in the `text` format. The caller decides (the command: on a TTY unless `NO_COLOR`,
   * or as `FORCE_COLOR` / `--color` say); the other formats never colour.
   * @default false
   */
  color?: boolean;
  /**
   * Columns to wrap the `text` format to (continuation lines indented; a DNS record or a command
   * goes whole on a line of its own). The command passes the terminal's width.
   * @default undefined (no wrapping)
   */
  width?: number;
  /**
   * Only what failed: checks whose status is `fail`, with their errors. The summary still counts
   * the whole run.
   * @default false
   */
  quiet?: boolean;
}

/**
 * Renders a report for people, tickets, machines or CI.
 *
 * @param report - The report of `runPreflight`.
 * @param format - `text` (grouped by subject, a mark per check, each issue's message and hint, a
 *   summary line), `markdown` (a table per subject, values escaped), `json` (the report, with
 *   characters that can fool a terminal escaped as `\uXXXX`), `junit` (one testcase per check),
 *   `sarif` (SARIF 2.1.0, one result per issue) or `github` (workflow-command annotations).
 * @param options - `color` and `width` for `text`; `quiet` for every format.
 * @returns The rendered report, without a trailing newline.
 * @example
 * ```ts
 * const report = await runPreflight({ sipDomains: ['contoso.com'] }, { nameservers: ['127.0.0.1:5353'] });
 * process.stdout.write(`${renderReport(report, 'markdown')}\n`);
 * ```
 */
export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  const shown = options.quiet === true ? failuresOnly(report) : report;
  switch (format) {
    case 'json':
      return toJson(shown, 2);
    case 'markdown':
      // The summary line counts every check of the run, also when --quiet shows only failures.
      return renderMarkdown(shown, report.checks.length);
    case 'text': {
      const width = options.width;
      return renderText(shown, {
        checkCount: report.checks.length,
        painter: painter(options.color === true),
        ...(width !== undefined && Number.isFinite(width) && width > 0 ? { width: Math.floor(width) } : {}),
      });
    }
    case 'junit':
      return renderJunit(shown);
    case 'sarif':
      return renderSarif(shown);
    case 'github':
      return renderGithub(shown);
    default:
      throw new TypeError(`renderReport: unknown format ${JSON.stringify(format)}`);
  }
}
