// The shipped JSON Schema must be what the current code generates (run `npm run build` to refresh it).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
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
