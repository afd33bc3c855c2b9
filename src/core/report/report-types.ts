/** The report of INTERFACE.md ("Report", `schemaVersion: 1`). Types only: shared by dns, probe and cli. */
import type { Issue } from '../result.js';

/** `pass`, `warn`, `fail`, `inconclusive` (we could not ask) or `skipped`. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'inconclusive' | 'skipped';

/** Check ids: offline rules, per-domain SRV, per target, per edge, related records, per-address probes. */
export type CheckId = 'request' | 'srv' | 'srv-target' | 'edge' | 'related' | 'tcp' | 'tls' | 'zone';

/** One check of the report: what was checked, its status, the issues found and the evidence seen. */
export interface Check {
  id: CheckId;
  /** What was checked: a SIP domain, a target or edge FQDN, or `address:port` for probes. */
  subject: string;
  status: CheckStatus;
  issues: Issue[];
  /** Facts seen (records, addresses, certificate fields): JSON-serialisable. */
  evidence?: Record<string, unknown>;
  durationMs: number;
}

/** The counts and verdict of a whole report (INTERFACE "Report"). */
export interface ReportSummary {
  status: 'pass' | 'warn' | 'fail' | 'inconclusive';
  errors: number;
  warnings: number;
  infos: number;
  /** Number of checks whose status is `inconclusive`. */
  inconclusive: number;
}

/** The report of `runPreflight` (`schemaVersion: 1`), rendered by `renderReport`. */
export interface Report {
  schemaVersion: 1;
  tool: { name: 'pic-preflight'; version: string };
  startedAt: string;
  durationMs: number;
  /** The normalised request, or the raw input when it did not validate. */
  request: unknown;
  summary: ReportSummary;
  checks: Check[];
}
