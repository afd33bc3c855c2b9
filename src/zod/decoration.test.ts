import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { decorateAddress } from '../core/name-decoration/name-decoration.js';
import { makeSkypeAddressSchema, skypeAddressSchema } from './decoration.js';

describe('skypeAddressSchema (RULES §4 via decorateAddress)', () => {
  test('parses to the decorated address (MS-PIC example)', () => {
    expect(skypeAddressSchema.parse('ted@contoso.com')).toBe('ted(contoso.com)@msn.com');
  });

  test.each([
    ['no @', 'ted', 'address.invalid', []],
    ['bad domain', 'ted@contoso', 'fqdn.single_label', ['domain']],
    ['bad user part', 't d@contoso.com', 'address.invalid_local_part', []],
    ['not a string', 5, 'input.not_string', []],
  ])('%s → params.code %s at path %j', (_label, input, code, path) => {
    const parsed = skypeAddressSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(
      parsed.error?.issues.map((issue) => [
        (issue as { params?: { code?: string } }).params?.code,
        issue.path,
      ]),
    ).toEqual([[code, path]]);
  });

  test('embedded in a form, issues carry the field path', () => {
    const form = z.object({ contact: skypeAddressSchema });
    const parsed = form.safeParse({ contact: 'ted@contoso' });
    expect(parsed.error?.issues[0]?.path).toEqual(['contact', 'domain']);
  });

  test('makeSkypeAddressSchema binds options; invalid options throw at creation', () => {
    expect(makeSkypeAddressSchema({ excludedDomains: 'msn.com,live.fr' }).parse('marie@live.fr')).toBe(
      'marie@live.fr',
    );
    expect(() => makeSkypeAddressSchema({ routingDomain: 'msn' })).toThrow();
  });

  test('property: the schema agrees with decorateAddress', () => {
    const input = fc.oneof(
      fc.anything(),
      fc.string(),
      fc
        .tuple(
          fc.constantFrom('ted', 'a b', 'x(y.com)', ''),
          fc.constantFrom('contoso.com', 'msn.com', 'live.fr', 'x', ''),
        )
        .map(([u, d]) => `${u}@${d}`),
    );
    fc.assert(
      fc.property(input, (value) => {
        const result = decorateAddress(value);
        const parsed = skypeAddressSchema.safeParse(value);
        expect(parsed.success).toBe(result.ok);
        if (result.ok) expect(parsed.data).toBe(result.value);
        else {
          const expected = result.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.path]);
          expect(
            parsed.error?.issues.map((i) => [(i as { params?: { code?: string } }).params?.code, i.path]),
          ).toEqual(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
