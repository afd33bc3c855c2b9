// Issue assertions shared by the tests: they compare codes (and params), never wording.
import { expect } from 'vitest';
import type { IssueCode } from '../../src/core/issues/issue-codes.js';

/** Anything that carries issues: a `Result`, a `Check`, a CLI output line (codes as plain strings). */
export interface HasIssues {
  readonly issues: readonly { readonly code: string }[];
}

/** The codes of the issues, in order. */
export function codes(holder: HasIssues): string[] {
  return holder.issues.map((issue) => issue.code);
}

/** The first issue with `code`, or `undefined`. */
export function only<T extends HasIssues>(
  holder: T,
  code: IssueCode | string,
): T['issues'][number] | undefined {
  return holder.issues.find((issue) => issue.code === code);
}

/** Asserts the codes of the issues, in order. */
export function expectCodes(holder: HasIssues, expected: readonly (IssueCode | string)[]): void {
  expect(codes(holder)).toEqual(expected);
}
