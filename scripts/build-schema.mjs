// Writes schema/provisioning-request.schema.json from the built zod entry (z.toJSONSchema).
import { mkdirSync, writeFileSync } from 'node:fs';

const zodEntry = await import('../dist/zod.js');
if (typeof zodEntry.provisioningRequestJsonSchema === 'function') {
  mkdirSync('schema', { recursive: true });
  writeFileSync(
    'schema/provisioning-request.schema.json',
    `${JSON.stringify(zodEntry.provisioningRequestJsonSchema(), null, 2)}\n`,
  );
}
