// schema/report.schema.json: draft 2020-12 with an $id, strict under ajv's 2020 build, and the
// reports the tests produce fit it (test/setup.ts validates each one; here the demo's and the edges).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Report } from '../src/core/report/report-types.js';
import { makeIssue } from '../src/core/result.js';
import { runCli } from './cli-helpers.js';
import { validated, validateReport } from './helpers/report-schema.js';

const schema = JSON.parse(readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const MISSING = {
  domain: 'contoso.com',
  name: '_sipfederationtls._tcp.contoso.com',
  suggested: 'sip.contoso.com',
};
const minimal: Report = {
  schemaVersion: 1,
  tool: { name: 'pic-preflight', version: '0.1.0' },
  startedAt: '2026-11-27T10:00:00.000Z',
  durationMs: 5,
  request: { sipDomains: ['contoso.com'] },
  summary: { status: 'inconclusive', errors: 0, warnings: 0, infos: 0, inconclusive: 1 },
  checks: [
    {
      id: 'srv',
      subject: 'contoso.com',
      status: 'inconclusive',
      issues: [
        makeIssue('dns.timeout', [], {
          params: { name: '_sipfederationtls._tcp.contoso.com', type: 'SRV', timeoutMs: 3000 },
        }),
      ],
      durationMs: 3000,
    },
  ],
};

describe('the shipped report schema', () => {
  test('draft 2020-12, an $id, exported by the package', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^https:\/\/.+\/report\.schema\.json$/);
    expect(pkg.exports['./schema/report.schema.json']).toBe('./schema/report.schema.json');
  });

  test('a report fits; an inconclusive issue carries the flag', () => {
    expect(validateReport(minimal), JSON.stringify(validateReport.errors)).toBe(true);
    expect(minimal.checks[0]?.issues[0]?.inconclusive).toBe(true);
  });

  test.each([
    ['an unknown top-level field', { ...minimal, extra: 1 }],
    ['schemaVersion 2', { ...minimal, schemaVersion: 2 }],
    ['a summary status of skipped', { ...minimal, summary: { ...minimal.summary, status: 'skipped' } }],
    ['a date that is not a date-time', { ...minimal, startedAt: 'yesterday' }],
    [
      'inconclusive on an error',
      {
        ...minimal,
        checks: [
          {
            ...minimal.checks[0],
            issues: [{ ...makeIssue('srv.missing', [], { params: MISSING }), inconclusive: true }],
          },
        ],
      },
    ],
    [
      'a code that is not area.snake_case',
      {
        ...minimal,
        checks: [
          {
            ...minimal.checks[0],
            issues: [{ ...makeIssue('srv.missing', [], { params: MISSING }), code: 'Missing' }],
          },
        ],
      },
    ],
  ])('refuses %s', (_label, report) => {
    expect(validateReport(report)).toBe(false);
  });
});

describe('reports produced by the command fit it', () => {
  test('the demo (--json), and the setup hook validated it', async () => {
    const before = validated.count;
    const out = await runCli(['demo', '--json', '--no-probe']);
    expect(out.code).toBe(0);
    expect(validateReport(JSON.parse(out.stdout)), JSON.stringify(validateReport.errors)).toBe(true);
    expect(validated.count).toBeGreaterThan(before);
  });

  test('a federation-only check (--offline)', async () => {
    const out = await runCli(['check', '--domain', 'contoso.com', '--offline', '--json']);
    expect(validateReport(JSON.parse(out.stdout)), JSON.stringify(validateReport.errors)).toBe(true);
  });
});
