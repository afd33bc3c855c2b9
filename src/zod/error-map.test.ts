// zod's own error customisation reaches our issues: a global error map (z.config({ customError }))
// sees `params.code` and the facts in `params.params`, and replaces our message; without one, or
// when it returns nothing, the English message stays.
import { afterEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import type { PreflightZodParams } from './adapter.js';
import { fqdnSchema, sipDomainSchema } from './schemas.js';

const fr: Record<string, (p: Record<string, unknown>) => string> = {
  'fqdn.label_too_long': (p) => `Le label « ${p.label} » dépasse ${p.max} caractères.`,
  'fqdn.ip_address': () => 'Une adresse IP n’est pas un nom de domaine.',
};

afterEach(() => {
  z.config({ customError: undefined });
});

describe('a global error map replaces our message', () => {
  test('no map: our English message, our code in params.code', () => {
    const result = fqdnSchema.safeParse('10.0.0.1');
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect((issue as { params?: PreflightZodParams } | undefined)?.params?.code).toBe('fqdn.ip_address');
    expect(issue?.message).toMatch(/IP address/);
  });

  test('a map keyed on params.code, with the facts of params.params', () => {
    z.config({
      customError: (iss) => {
        const params = (iss as { params?: PreflightZodParams }).params;
        const message = params?.code === undefined ? undefined : fr[params.code];
        return message?.(params?.params ?? {});
      },
    });
    const long = `${'a'.repeat(64)}.contoso.com`;
    expect(fqdnSchema.safeParse(long).error?.issues[0]?.message).toBe(
      `Le label « ${'a'.repeat(64)} » dépasse 63 caractères.`,
    );
    // Inside an object: the path is kept, the map still applies.
    const form = z.object({ edge: fqdnSchema, domains: z.array(sipDomainSchema) });
    const issues = form.safeParse({ edge: '10.0.0.1', domains: ['contoso.com', 'sip_x.contoso.com'] }).error
      ?.issues;
    expect(issues?.map((i) => [i.path, i.message])).toEqual([
      [['edge'], 'Une adresse IP n’est pas un nom de domaine.'],
      [['domains', 1], expect.stringMatching(/underscore/)], // not in the map: English
    ]);
  });

  test('a map returning { message } works too', () => {
    z.config({ customError: () => ({ message: 'nope' }) });
    expect(fqdnSchema.safeParse('x').error?.issues[0]?.message).toBe('nope');
  });
});
