import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { provisioningRequest } from '../../test/helpers/arbitraries.js';
import { checkPublicProviderSettings } from '../core/public-provider/public-provider.js';
import { checkProvisioningRequest } from '../core/request/request.js';
import { publicProviderSettingsSchema } from './public-provider.js';
import {
  provisioningRequestJsonSchema,
  provisioningRequestSchema,
  provisioningRequestShapeSchema,
} from './request.js';

const zodPairs = (issues: readonly { path: PropertyKey[]; params?: unknown }[] | undefined) =>
  (issues ?? []).map((issue) => [(issue.params as { code?: string } | undefined)?.code, issue.path]);

const request = provisioningRequest;

describe('provisioningRequestSchema (RULES §6 via checkProvisioningRequest)', () => {
  test('parses to the normalised request', () => {
    expect(
      provisioningRequestSchema.parse({
        agreementNumber: 'V7340215',
        accessEdgeFqdn: 'SIP.northwind.net',
        sipDomains: ['Northwind.net'],
      }),
    ).toEqual({
      agreementNumber: 'V7340215',
      accessEdgeFqdn: 'sip.northwind.net',
      sipDomains: ['northwind.net'],
      additionalAccessEdges: [],
      publicImProvider: 'skype',
    });
  });

  test('nested issues reach zod with our code and full path', () => {
    const parsed = provisioningRequestSchema.safeParse({
      agreementNumber: 'V7340215',
      accessEdgeFqdn: 'sip.northwind.net',
      sipDomains: ['northwind.net'],
      additionalAccessEdges: [{ fqdn: 'sip.wingtip.io', sipDomains: ['wingtip.io', 'a.io', 'bad_x.io'] }],
    });
    expect(zodPairs(parsed.error?.issues)).toEqual([
      ['fqdn.underscore', ['additionalAccessEdges', 0, 'sipDomains', 2]],
    ]);
  });

  test('property: the schema agrees with checkProvisioningRequest', () => {
    fc.assert(
      fc.property(fc.oneof(request, fc.anything()), (input) => {
        const result = checkProvisioningRequest(input);
        const parsed = provisioningRequestSchema.safeParse(input);
        expect(parsed.success).toBe(result.ok);
        if (result.ok) expect(parsed.data).toEqual(result.value);
        else {
          const expected = result.issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.path]);
          expect(zodPairs(parsed.error?.issues)).toEqual(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('property: every request the check accepts fits the documented shape (the shape is never stricter)', () => {
    fc.assert(
      fc.property(request, (input) => {
        if (checkProvisioningRequest(input).ok)
          expect(provisioningRequestShapeSchema.safeParse(input).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test('the JSON Schema describes the shape: required fields, no additional properties, 10 edges', () => {
    const schema = provisioningRequestJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { maxItems?: number; items?: { additionalProperties?: boolean } }>;
    };
    expect(schema.required).toEqual(['agreementNumber', 'accessEdgeFqdn', 'sipDomains']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.additionalAccessEdges?.maxItems).toBe(9);
    expect(schema.properties.additionalAccessEdges?.items?.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties).sort()).toEqual(
      [
        '$schema',
        'accessEdgeFqdn',
        'additionalAccessEdges',
        'agreementNumber',
        'agreementType',
        'publicImProvider',
        'sipDomains',
      ].sort(),
    );
  });
});

describe('publicProviderSettingsSchema (RULES §5 via checkPublicProviderSettings)', () => {
  test('parses to the normalised settings', () => {
    expect(publicProviderSettingsSchema.parse({ serverVersion: 'lync2013' })).toMatchObject({
      serverVersion: 'lync2013',
      verificationLevel: 2,
    });
  });

  test('issues carry our code and path', () => {
    const parsed = publicProviderSettingsSchema.safeParse({
      identity: 'Sky\npe',
      iconUrl: 'http://x.io/i.png',
    });
    expect(zodPairs(parsed.error?.issues)).toEqual([
      ['provider.unsafe_value', ['identity']],
      ['provider.invalid_icon_url', ['iconUrl']],
    ]);
  });

  test('property: the schema agrees with checkPublicProviderSettings', () => {
    const settings = fc.record(
      {
        serverVersion: fc.constantFrom('lync2013', 'sfb2015', 'sfb2019', 'x'),
        identity: fc.string({ maxLength: 5 }),
        verificationLevel: fc.constantFrom(0, 2, 5, 'AlwaysVerifiable', 'UseSourceVerification'),
        enableSkypeIdRouting: fc.boolean(),
        nameDecorationExcludedDomainList: fc.constantFrom('msn.com', 'msn.com,,x', ['msn.com', 'live.fr']),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(settings, fc.anything()), (input) => {
        const result = checkPublicProviderSettings(input);
        const parsed = publicProviderSettingsSchema.safeParse(input);
        expect(parsed.success).toBe(result.ok);
        if (result.ok) expect(parsed.data).toEqual(result.value);
      }),
      { numRuns: 1000 },
    );
  });
});
