/**
 * SARIF 2.1.0, for code-scanning dashboards: one result per issue, `ruleId` = the issue code, each
 * code used described once in `tool.driver.rules` (its message template and RULES section as the
 * help text). The subject checked is the result's logical location; there is no file to point at.
 */
import type { IssueCode } from '../../../core/issues/issue-codes.js';
import type { Report } from '../../../core/report/report-types.js';
import { ruleText } from '../../../core/report/rule-text.js';
import type { Issue, Severity } from '../../../core/result.js';
import { fileLocation } from './common.js';
import { toJson } from './json.js';

/** SARIF levels by severity: an info is a `note`. */
const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** Renders the report as a SARIF 2.1.0 log (JSON). */
export function renderSarif(report: Report): string {
  const used: IssueCode[] = [];
  for (const check of report.checks) {
    for (const issue of check.issues) if (!used.includes(issue.code)) used.push(issue.code);
  }
  const rules = used.map((code) => {
    const text = ruleText(code);
    return {
      id: code,
      name: code,
      shortDescription: { text: text.message },
      fullDescription: { text: `${text.message} (${text.rule})` },
      help: {
        text: `${text.message}\n${text.rule}${text.inconclusive ? '. "We could not ask": the check is inconclusive, not failed.' : ''}`,
      },
      defaultConfiguration: { level: LEVEL[text.severity] },
      properties: { tags: [code.slice(0, code.indexOf('.'))] },
    };
  });
  const results = report.checks.flatMap((check) =>
    check.issues.map((issue) => {
      const result: Record<string, unknown> = {
        ruleId: issue.code,
        ruleIndex: used.indexOf(issue.code),
        level: LEVEL[issue.severity],
        message: { text: issue.hint ? `${issue.message}\nFix: ${issue.hint}` : issue.message },
        locations: [
          {
            ...physicalLocation(issue),
            logicalLocations: [
              {
                name: check.subject,
                fullyQualifiedName: `${check.id}/${check.subject}${issue.path.length > 0 ? `/${issue.path.join('/')}` : ''}`,
                kind: 'resource',
              },
            ],
          },
        ],
        properties: {
          check: check.id,
          subject: check.subject,
          path: issue.path,
          ...(issue.params === undefined ? {} : { params: issue.params }),
          ...(issue.inconclusive === true ? { inconclusive: true } : {}),
        },
      };
      if (issue.severity === 'info') result.kind = 'informational';
      return result;
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules,
          },
        },
        invocations: [{ executionSuccessful: true, startTimeUtc: report.startedAt }],
        results,
        properties: { summary: report.summary },
      },
    ],
  };
  return toJson(log, 2);
}

/** SARIF's `physicalLocation` for an issue with a file and line (planned zones), else nothing. */
function physicalLocation(issue: Issue): { physicalLocation?: Record<string, unknown> } {
  const at = fileLocation(issue);
  if (!at) return {};
  return {
    physicalLocation: {
      artifactLocation: { uri: at.file },
      region: { startLine: at.line, ...(at.endLine ? { endLine: at.endLine } : {}) },
    },
  };
}
