// The core entry: pure, synchronous validators and formatters. tldts only; no node:, zod or dns2.
export type { Fail, Issue, IssueParams, IssuePath, Ok, Result, Severity } from './result.js';
export { PreflightError } from './result.js';
export type { IssueCode } from './issues.js';
export { ISSUE_CODES } from './issues.js';
