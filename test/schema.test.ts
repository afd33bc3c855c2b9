// The shipped JSON Schema must be what the current code generates (run `npm run build` to refresh it).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, test } from 'vitest';
import { checkProvisioningRequest } from '../src/core/request/request.js';
import { provisioningRequestJsonSchema } from '../src/zod/request.js';

const file = fileURLToPath(new URL('../schema/provisioning-request.schema.json', import.meta.url));

test('schema/provisioning-request.schema.json matches provisioningRequestJsonSchema()', () => {
  // Compared as values: zod minors order keys differently, the schema is the same.
  const committed = JSON.parse(readFileSync(file, 'utf8'));
  const generated = provisioningRequestJsonSchema();
  expect(
    committed,
    'the schema file is stale: run `npm run build` (tsup && node scripts/build-schema.mjs)',
  ).toStrictEqual(generated);
});

test('the schema is a draft 2020-12 object schema with documentation', () => {
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(schema.type).toBe('object');
  expect(typeof schema.description).toBe('string');
  for (const property of Object.values(schema.properties) as { description?: string }[]) {
    expect(typeof property.description).toBe('string');
  }
});

describe('the request schema with ajv (draft 2020-12)', () => {
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  test('has an $id; host names are format hostname', () => {
    expect(schema.$id).toMatch(/^https:\/\/.+\/provisioning-request\.schema\.json$/);
    expect(schema.properties.accessEdgeFqdn.format).toBe('hostname');
    expect(schema.properties.sipDomains.items.format).toBe('hostname');
  });

  test.each(['request.json', 'demo-request.json'])('examples/%s fits the schema', (name) => {
    const request = JSON.parse(readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8'));
    expect(validate(request), JSON.stringify(validate.errors)).toBe(true);
  });

  test('a "$schema" key fits the schema and the check alike; an unknown field fits neither', () => {
    const request = {
      $schema: './node_modules/pic-preflight/schema/provisioning-request.schema.json',
      agreementNumber: 'V7340215',
      accessEdgeFqdn: 'sip.northwind.net',
      sipDomains: ['northwind.net'],
    };
    expect(validate(request)).toBe(true);
    expect(checkProvisioningRequest(request).ok).toBe(true);
    expect(validate({ ...request, agreementNumbr: 'x' })).toBe(false);
    expect(checkProvisioningRequest({ ...request, agreementNumbr: 'x' }).ok).toBe(false);
  });
});
