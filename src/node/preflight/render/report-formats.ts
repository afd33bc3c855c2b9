/** The output formats of `renderReport` (its own module, so the command's option parser loads no renderer). */
export type ReportFormat = 'text' | 'json' | 'markdown' | 'junit' | 'sarif' | 'github';

/** Every {@link ReportFormat}, for option parsers. */
export const REPORT_FORMATS: readonly ReportFormat[] = /* @__PURE__ */ Object.freeze([
  'text',
  'json',
  'markdown',
  'junit',
  'sarif',
  'github',
]);
