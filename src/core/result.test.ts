// The Result/Issue model (RULES §0): makeIssue, the failure branch, PreflightError.
import { describe, expect, expectTypeOf, test } from 'vitest';
import { assertFqdn, checkFqdn } from './fqdn/fqdn.js';
import { ISSUE_CODES, isInconclusiveCode } from './issues/issue-codes.js';
import { makeIssue, PreflightError, type Result } from './result.js';

describe('makeIssue: inconclusive rides on the issue (RULES §8)', () => {
  // Every code, with a stand-in for each param its message and hint read.
  const anyParams = new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? 'x' : undefined) });
  test.each(ISSUE_CODES.map((code) => [code]))('%s', (code) => {
    const issue = makeIssue(code, [], { params: anyParams as never });
    if (isInconclusiveCode(code) && issue.severity !== 'error') expect(issue.inconclusive).toBe(true);
    else expect(issue).not.toHaveProperty('inconclusive');
  });

  test('never on an error, even for a could-not-ask code given severity error', () => {
    const code = ISSUE_CODES.find((c) => isInconclusiveCode(c));
    expect(code).toBeDefined();
    if (code) expect(makeIssue(code, [], { severity: 'error' })).not.toHaveProperty('inconclusive');
  });
});

describe('Result', () => {
  test('the failure branch has no value, and value narrows only after ok', () => {
    const result: Result<string> = checkFqdn('sip_bad..contoso.com');
    expect(result.ok).toBe(false);
    expect(result.value).toBeUndefined();
    expectTypeOf(result.value).toEqualTypeOf<string | undefined>();
    if (!result.ok) expectTypeOf(result.value).toEqualTypeOf<undefined>();
  });
});

describe('PreflightError', () => {
  test('its message lists every error with its code and path', () => {
    const error = new PreflightError([
      makeIssue('input.trimmed', []),
      makeIssue('request.missing_field', ['accessEdgeFqdn'], { params: { field: 'accessEdgeFqdn' } }),
      makeIssue('request.no_sip_domains', ['sipDomains']),
    ]);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^request\.missing_field: .+ \(at accessEdgeFqdn\)$/);
    expect(lines[1]).toMatch(/^request\.no_sip_domains: /);
  });

  test('assert helpers throw it; is() recognises it and nothing else', () => {
    let caught: unknown;
    try {
      assertFqdn('10.0.0.1');
    } catch (error) {
      caught = error;
    }
    expect(PreflightError.is(caught)).toBe(true);
    expect(PreflightError.is(new Error('x'))).toBe(false);
    expect(PreflightError.is({ issues: [] })).toBe(false);
    expect(PreflightError.is(null)).toBe(false);
  });

  test('is() recognises an error of another copy of the class (the brand is Symbol.for)', async () => {
    // A second instance of the module, as the CJS build beside the ESM one would be.
    const url = new URL('./result.ts', import.meta.url);
    const other = (await import(/* @vite-ignore */ `${url.href}?copy`)) as typeof import('./result.js');
    expect(other.PreflightError).not.toBe(PreflightError);
    const foreign = new other.PreflightError([makeIssue('input.empty')]);
    expect(foreign instanceof PreflightError).toBe(false);
    expect(PreflightError.is(foreign)).toBe(true);
  });
});
