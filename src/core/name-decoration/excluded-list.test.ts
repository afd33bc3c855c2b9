import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseExcludedDomainList } from './excluded-list.js';

const summary = (input: string) => {
  const result = parseExcludedDomainList(input);
  return {
    ok: result.ok,
    value: result.ok ? result.value : undefined,
    issues: result.issues.map((issue) => [issue.code, issue.severity, issue.path, issue.params ?? {}]),
  };
};

// RULES §4, last paragraph; the list format is MS-DEPLOY's "msn.com,outlook.com,live.com,hotmail.com".
describe('parseExcludedDomainList', () => {
  test.each([
    [
      'the documented default',
      'msn.com,outlook.com,live.com,hotmail.com',
      ['msn.com', 'outlook.com', 'live.com', 'hotmail.com'],
    ],
    ['one item', 'msn.com', ['msn.com']],
    ['upper case, trailing dot', 'MSN.com.,Live.FR', ['msn.com', 'live.fr']],
  ])('accepted: %s', (_label, input, value) => {
    expect(summary(input)).toEqual({ ok: true, value, issues: [] });
  });

  test.each([
    [
      'space after comma',
      'msn.com, outlook.com',
      ['decoration.list_whitespace', 'warning', [1], { item: ' outlook.com' }],
    ],
    ['tab', '\tmsn.com', ['decoration.list_whitespace', 'warning', [0], { item: '\tmsn.com' }]],
    [
      'duplicate after normalisation',
      'msn.com,MSN.com.',
      ['decoration.list_duplicate', 'warning', [1], { domain: 'msn.com' }],
    ],
  ])('warning: %s', (_label, input, issue) => {
    const result = summary(input);
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([issue]);
  });

  test.each([
    ['trailing comma', 'msn.com,', 'decoration.list_empty_item', [1]],
    ['leading comma', ',msn.com', 'decoration.list_empty_item', [0]],
    ['double comma', 'msn.com,,live.com', 'decoration.list_empty_item', [1]],
    ['spaces only', '   ', 'decoration.list_empty_item', [0]],
    // RULES §4 "split on `,`": '' is one empty item.
    ['empty string', '', 'decoration.list_empty_item', [0]],
    ['single label', 'msn.com,localhost', 'decoration.invalid_excluded_domain', [1]],
    ['two trailing dots', 'msn.com..', 'decoration.invalid_excluded_domain', [0]],
    ['inner space', 'msn com', 'decoration.invalid_excluded_domain', [0]],
    ['semicolon separator', 'msn.com;live.com', 'decoration.invalid_excluded_domain', [0]],
    ['IP address', '10.0.0.1', 'decoration.invalid_excluded_domain', [0]],
  ])('error: %s', (_label, input, code, path) => {
    const result = summary(input);
    expect(result.ok).toBe(false);
    expect(result.issues.map(([c, , p]) => [c, p])).toContainEqual([code, path]);
  });

  test("'' is exactly one empty item, an error at [0]", () => {
    expect(summary('')).toEqual({
      ok: false,
      value: undefined,
      issues: [['decoration.list_empty_item', 'error', [0], {}]],
    });
  });

  test('invalid_excluded_domain names the FQDN rule in params.reason', () => {
    expect(summary('con_toso.com').issues).toEqual([
      [
        'decoration.invalid_excluded_domain',
        'error',
        [0],
        { item: 'con_toso.com', reason: 'fqdn.underscore' },
      ],
    ]);
  });

  test.each([
    ['not a string', 5, 'input.not_string'],
    ['over 1,024 characters', `${'a'.repeat(1030)}.com`, 'input.too_long'],
  ])('%s → %s', (_label, input, code) => {
    const result = parseExcludedDomainList(input as string);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => issue.code)).toEqual([code]);
  });

  test('property: the value has no duplicates and every item is lower-case without a trailing dot', () => {
    const item = fc.oneof(
      fc.constantFrom('msn.com', 'MSN.COM.', ' live.fr', 'hotmail.co.uk', ''),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), (items) => {
        const result = parseExcludedDomainList(items.join(','));
        if (!result.ok) return;
        expect(new Set(result.value).size).toBe(result.value.length);
        for (const domain of result.value) {
          expect(domain).toBe(domain.toLowerCase());
          expect(domain.endsWith('.')).toBe(false);
        }
      }),
    );
  });
});
