// schema/report.schema.json compiled with ajv's draft 2020-12 build (and ajv-formats, so that
// `date-time` is checked): every report the tests produce is validated with it (see test/setup.ts).
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);

/** The compiled validator of schema/report.schema.json. */
export const validateReport = ajv.compile(schema);

/** How many reports this test file validated (a test checks that the hook ran). */
export const validated = { count: 0 };

/** Throws when `report` does not fit the shipped report schema. */
export function assertValidReport(report: unknown, where: string): void {
  validated.count++;
  if (!validateReport(report)) {
    throw new Error(
      `${where}: the report does not fit schema/report.schema.json: ${ajv.errorsText(validateReport.errors)}`,
    );
  }
}
