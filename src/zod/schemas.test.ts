import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { checkFqdn } from '../core/fqdn/fqdn.js';
import { makeIssue, type Result, toResult } from '../core/result.js';
import { fromResult } from './adapter.js';
import {
  agreementNumberSchema,
  fqdnSchema,
  makeAgreementNumberSchema,
  makeFqdnSchema,
  sipDomainSchema,
} from './schemas.js';

type CustomIssue = z.core.$ZodIssue & { params?: { code?: string; severity?: string; params?: unknown } };
const zodCodes = (error: z.ZodError | undefined) =>
  ((error?.issues ?? []) as CustomIssue[]).map((i) => i.params?.code);

describe('schemas call the core functions', () => {
  test.each([
    ['fqdnSchema', fqdnSchema, 'SIP.Acme-Widgets.com.', 'sip.acme-widgets.com'],
    ['sipDomainSchema', sipDomainSchema, 'Acme-Widgets.com', 'acme-widgets.com'],
    ['agreementNumberSchema', agreementNumberSchema, ' V1234567 ', 'V1234567'],
  ])('%s outputs the normalised value', (_label, schema, input, value) => {
    expect(schema.parse(input)).toBe(value);
  });

  test.each([
    ['fqdnSchema IP', fqdnSchema, '10.0.0.1', ['fqdn.ip_address']],
    ['fqdnSchema not a string', fqdnSchema, 5, ['input.not_string']],
    ['fqdnSchema two bad labels', fqdnSchema, '-a.b-.com', ['fqdn.label_hyphen', 'fqdn.label_hyphen']],
    ['sipDomainSchema', sipDomainSchema, 'acme.corp', ['fqdn.unknown_tld']],
    ['agreementNumberSchema', agreementNumberSchema, 'V 1', ['agreement_number.invalid_char']],
  ])('%s: each error reaches zod as a custom issue with params.code', (_label, schema, input, expected) => {
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(zodCodes(parsed.error)).toEqual(expected);
    for (const issue of parsed.error?.issues ?? []) expect(issue.code).toBe('custom');
  });

  test('warnings do not fail a parse', () => {
    expect(fqdnSchema.safeParse('sip.contoso.com')).toEqual({ success: true, data: 'sip.contoso.com' });
    expect(checkFqdn('sip.contoso.com').issues).toHaveLength(1);
  });

  test('params carry severity and facts; message is ours', () => {
    const parsed = fqdnSchema.safeParse(`${'a'.repeat(64)}.com`);
    const issue = parsed.error?.issues[0] as CustomIssue;
    expect(issue.params).toMatchObject({
      code: 'fqdn.label_too_long',
      severity: 'error',
      params: { max: 63, actual: 64 },
    });
    expect(issue.message).toBe((checkFqdn(`${'a'.repeat(64)}.com`).issues[0] ?? { message: '' }).message);
  });

  test('paths: nested in an object, issues land on the field', () => {
    const form = z.object({ edge: fqdnSchema, domains: z.array(sipDomainSchema) });
    const parsed = form.safeParse({ edge: 'sip.acme-widgets.com:5061', domains: ['ok.com', 'bad..com'] });
    expect(parsed.error?.issues.map((i) => [i.path, (i as CustomIssue).params?.code])).toEqual([
      [['edge'], 'fqdn.not_a_hostname'],
      [['domains', 1], 'fqdn.label_empty'],
    ]);
  });

  test('fromResult keeps a core issue path relative to the schema', () => {
    const check = (input: unknown): Result<string> =>
      toResult(String(input), [makeIssue('request.missing_field', ['inner', 0], { params: { field: 'x' } })]);
    const parsed = z.object({ outer: fromResult(check) }).safeParse({ outer: 1 });
    expect(parsed.error?.issues[0]?.path).toEqual(['outer', 'inner', 0]);
  });

  test('options reach the core function', () => {
    expect(makeFqdnSchema({ allowReserved: true }).parse('sip.lab.test')).toBe('sip.lab.test');
    expect(fqdnSchema.safeParse('sip.lab.test').success).toBe(false);
    expect(
      zodCodes(makeAgreementNumberSchema({ agreementType: 'bogus' as 'spla' }).safeParse('V1234567').error),
    ).toEqual(['agreement_number.unknown_type']);
  });

  test('input JSON Schema describes a string', () => {
    expect(z.toJSONSchema(fqdnSchema, { io: 'input' })).toMatchObject({ type: 'string', format: 'hostname' });
  });
});
