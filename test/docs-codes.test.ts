// docs/codes.md is generated from ISSUE_CODES: every code is in it, and the file is what the
// generator writes now (run `npm run docs:codes` after changing the table).
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { renderCodesDoc } from '../scripts/codes-doc.js';
import { ISSUE_CODES } from '../src/core/issues/issue-codes.js';

const committed = readFileSync(new URL('../docs/codes.md', import.meta.url), 'utf8');

test('docs/codes.md is up to date (npm run docs:codes)', () => {
  expect(committed, 'docs/codes.md is stale: run `npm run docs:codes`').toBe(renderCodesDoc());
});

test('every code has a row', () => {
  for (const code of ISSUE_CODES) expect(committed).toContain(`| \`${code}\` |`);
});
