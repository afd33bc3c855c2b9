// Every report format from one report holding hostile values (control characters, bidi overrides,
// XML and workflow-command metacharacters): each output parses as its format and keeps the facts.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import type { Check, Report } from '../../../core/report/report-types.js';
import { summarize } from '../../../core/report/status.js';
import { makeIssue } from '../../../core/result.js';
import { renderReport } from '../render.js';
import { escapeData, escapeProperty } from './github.js';
import { toJson } from './json.js';

const HOSTILE = 'evil\u001b[2J\u0085\u009b\u007f\u2028\u202e\u2066<&>"\':,%0A%';

const checks: Check[] = [
  {
    id: 'request',
    subject: 'request',
    status: 'pass',
    durationMs: 1,
    issues: [makeIssue('pic.provisioning_site_retired')],
  },
  {
    id: 'srv',
    subject: 'contoso.com',
    status: 'fail',
    durationMs: 12,
    issues: [
      makeIssue('srv.wrong_port', [], {
        params: {
          domain: 'contoso.com',
          port: 5062,
          expected: 5061,
          record: '0 0 5062 sip.contoso.com.',
          target: 'sip.contoso.com',
        },
      }),
      makeIssue('srv.near_miss', [], {
        params: {
          domain: 'contoso.com',
          name: HOSTILE,
          expected: '_sipfederationtls._tcp.contoso.com',
          records: '0 0 5061 sip.contoso.com.',
          suggested: 'sip.contoso.com',
        },
      }),
    ],
    evidence: {
      records: [{ priority: 0, weight: 0, port: 5062, target: 'sip.contoso.com', ttl: 3600 }],
      source: 'planned',
    },
  },
  {
    id: 'srv',
    subject: `${HOSTILE}.com`,
    status: 'inconclusive',
    durationMs: 3000,
    issues: [makeIssue('dns.timeout', [], { params: { name: HOSTILE, type: 'SRV', timeoutMs: 3000 } })],
  },
  {
    id: 'srv-target',
    subject: 'sip.fabrikam.com',
    status: 'warn',
    durationMs: 4,
    issues: [
      makeIssue('dns.target_is_alias', [], {
        params: { target: 'sip.fabrikam.com', alias: 'edge.fabrikam.com' },
      }),
    ],
    evidence: {
      source: 'authoritative',
      views: [
        {
          name: 'sip.fabrikam.com',
          type: 'A',
          inside: { kind: 'answer', records: ['A 10.0.0.7'] },
          outside: { kind: 'answer', records: ['A 192.0.2.7'] },
        },
      ],
      resolution: {
        source: 'authoritative',
        lookups: [
          {
            name: 'sip.fabrikam.com',
            type: 'A',
            path: [
              { zone: '', nameservers: ['a.root-servers.test'], addresses: ['127.0.0.1:5300'] },
              { zone: 'fabrikam.com', nameservers: ['ns1.fabrikam.com'], addresses: ['127.0.0.2:5300'] },
            ],
            servers: [
              {
                server: '127.0.0.2:5300',
                nameserver: 'ns1.fabrikam.com',
                zone: 'fabrikam.com',
                outcome: 'answer',
                records: ['A 192.0.2.7'],
              },
              {
                server: '127.0.0.3:5300',
                nameserver: `ns2.${HOSTILE}`,
                zone: 'fabrikam.com',
                outcome: 'lame',
                lameReason: 'timeout',
              },
            ],
          },
        ],
      },
    },
  },
  { id: 'tls', subject: 'sip.contoso.com@192.0.2.1:5061', status: 'skipped', durationMs: 0, issues: [] },
];
const report: Report = {
  schemaVersion: 1,
  tool: { name: 'pic-preflight', version: '0.1.0' },
  startedAt: '2026-11-27T10:00:00.000Z',
  durationMs: 3100,
  request: { sipDomains: ['contoso.com', HOSTILE] },
  summary: summarize(checks),
  checks,
};
const issueCount = checks.reduce((sum, check) => sum + check.issues.length, 0);
const RISKY = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u001b]/;

describe('json', () => {
  test('the same value, with C1, DEL, U+2028/2029 and bidi controls escaped', () => {
    const text = renderReport(report, 'json');
    expect(text).not.toMatch(RISKY);
    expect(text).toContain('\\u202e');
    expect(text).toContain('\\u0085');
    expect(JSON.parse(text)).toEqual(report);
  });

  test('could-not-ask issues carry inconclusive: true, others do not', () => {
    const parsed = JSON.parse(renderReport(report, 'json')) as Report;
    const flags = parsed.checks.flatMap((c) => c.issues.map((i) => [i.code, i.inconclusive ?? false]));
    expect(flags).toContainEqual(['dns.timeout', true]);
    expect(flags).toContainEqual(['srv.wrong_port', false]);
  });

  test('toJson of any string round-trips', () => {
    for (let point = 0; point < 0x3000; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const value = { s: String.fromCodePoint(point) };
      expect(JSON.parse(toJson(value))).toEqual(value);
    }
  });
});

describe('junit', () => {
  const xml = renderReport(report, 'junit');
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
  const suites = [doc.testsuites.testsuite].flat() as Record<string, unknown>[];
  const cases = suites.flatMap((suite) => [suite.testcase].flat()) as Record<string, unknown>[];

  test('well-formed XML without control characters', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toMatch(RISKY);
  });

  test('one testcase per check; failures for errors; inconclusive and skipped are skipped', () => {
    expect(cases).toHaveLength(checks.length);
    expect(doc.testsuites.tests).toBe(String(checks.length));
    expect(doc.testsuites.failures).toBe('1');
    expect(doc.testsuites.skipped).toBe('2');
    const failed = cases.filter((c) => c.failure !== undefined);
    expect(failed.map((c) => c.name)).toEqual(['srv contoso.com']);
    expect((failed[0]?.failure as Record<string, string> | undefined)?.type).toBe('srv.wrong_port');
    expect(cases.filter((c) => c.skipped !== undefined)).toHaveLength(2);
  });
});

describe('sarif', () => {
  const log = JSON.parse(renderReport(report, 'sarif'));
  const run = log.runs[0];

  test('SARIF 2.1.0: one result per issue, ruleId = code, level by severity', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('pic-preflight');
    expect(run.results).toHaveLength(issueCount);
    const expected = checks.flatMap((c) => c.issues.map((i) => i.code));
    expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toEqual(expected);
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(
      checks.flatMap((c) =>
        c.issues.map((i) => ({ error: 'error', warning: 'warning', info: 'note' })[i.severity]),
      ),
    );
  });

  test('tool.driver.rules: each code used once, with help text; ruleIndex points at it', () => {
    const rules = run.tool.driver.rules as { id: string; help: { text: string } }[];
    expect(rules.map((r) => r.id)).toEqual([...new Set(checks.flatMap((c) => c.issues.map((i) => i.code)))]);
    for (const rule of rules) expect(rule.help.text).toMatch(/RULES/);
    for (const result of run.results) expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(rules.find((r) => r.id === 'srv.wrong_port')?.help.text).toContain('port <port>');
  });

  test('no control characters; inconclusive flagged in properties', () => {
    expect(renderReport(report, 'sarif')).not.toMatch(RISKY);
    const timeout = run.results.find((r: { ruleId: string }) => r.ruleId === 'dns.timeout');
    expect(timeout.properties.inconclusive).toBe(true);
  });
});

describe('github', () => {
  const lines = renderReport(report, 'github').split('\n');
  const decode = (text: string) =>
    text
      .replace(/%0A/g, '\n')
      .replace(/%0D/g, '\r')
      .replace(/%3A/g, ':')
      .replace(/%2C/g, ',')
      .replace(/%25/g, '%');

  test('one workflow command per issue, ::error/::warning/::notice title=CODE::message', () => {
    expect(lines).toHaveLength(issueCount);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) title=[^:,\n]+::[^\r\n]*$/);
    expect(lines.filter((l) => l.startsWith('::error title=srv.wrong_port::'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('::warning title=dns.timeout::'))).toHaveLength(1);
  });

  test('escaped per the toolkit: the message decodes to the issue text; a hostile value stays data', () => {
    const line = lines.find((l) => l.includes('title=srv.wrong_port')) as string;
    const message = decode(line.slice(line.indexOf('::', 2) + 2));
    expect(message).toBe(
      'srv contoso.com: The SRV record points to port 5062; federation uses 5061.\nfix: Publish: _sipfederationtls._tcp.contoso.com. 3600 IN SRV 0 0 5061 sip.contoso.com.',
    );
    expect(lines.join('\n')).not.toMatch(RISKY);
    expect(escapeData('50%\r\nx')).toBe('50%25%0D%0Ax');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});

describe('quiet: only what failed or could not be checked', () => {
  test.each(['text', 'json', 'junit', 'sarif', 'github', 'markdown'] as const)('%s', (format) => {
    const text = renderReport(report, format, { quiet: true });
    expect(text).toContain('srv.wrong_port');
    // Exit 3 must show why: the could-not-ask issue of an inconclusive check stays.
    expect(text).toContain('dns.timeout');
    expect(text).not.toContain('srv.near_miss');
    expect(text).not.toContain('pic.provisioning_site_retired');
  });
});

describe('text: where answers came from', () => {
  const text = renderReport(report, 'text');
  test('planned and authoritative answers say so; delegation path and each server shown', () => {
    expect(text).toMatch(/srv fail .*\(planned\)/);
    expect(text).toMatch(/srv-target warn .*\(authoritative\)/);
    expect(text).toContain('path: . (a.root-servers.test) → fabrikam.com (ns1.fabrikam.com)');
    expect(text).toContain('ns1.fabrikam.com 127.0.0.2:5300: A 192.0.2.7');
    expect(text).toMatch(/ns2\.evil.* 127\.0\.0\.3:5300: lame \(timeout\)/);
  });

  test('split view (evidence.views): inside and outside side by side, stacked when too narrow', () => {
    expect(text).toMatch(/A 10\.0\.0\.7 +│ A 192\.0\.2\.7/);
    const narrow = renderReport(report, 'text', { width: 40 });
    expect(narrow).not.toMatch(/10\.0\.0\.7 +│/);
    expect(narrow).toContain('outside (what partners see):');
  });

  test('no control character reaches the terminal', () => {
    expect(text).not.toMatch(RISKY);
  });
});

describe('quiet: the summary still counts the whole run', () => {
  test.each(['text', 'markdown'] as const)('%s', (format) => {
    const quiet = renderReport(report, format, { quiet: true });
    const full = renderReport(report, format);
    const count = (text: string) => /(\d+) checks?/.exec(text)?.[1];
    expect(count(quiet)).toBe(String(report.checks.length));
    expect(count(quiet)).toBe(count(full));
  });
});

describe('a planned zone issue points at its file and line (RULES §11)', () => {
  const zoneIssue = makeIssue('zone.missing_trailing_dot', [], {
    params: {
      line: 18,
      file: 'planned/contoso.com.zone',
      type: 'SRV',
      name: '_sipfederationtls._tcp.contoso.com',
      text: 'sip.contoso.com',
      published: 'sip.contoso.com.contoso.com',
      expected: 'sip.contoso.com.',
    },
  });
  const zoneReport: Report = {
    ...report,
    checks: [{ id: 'zone', subject: 'contoso.com', status: 'fail', issues: [zoneIssue], durationMs: 1 }],
  };
  test('sarif: physicalLocation with the file as artifact and the line as region', () => {
    const sarif = JSON.parse(renderReport(zoneReport, 'sarif'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'planned/contoso.com.zone' },
      region: { startLine: 18 },
    });
  });
  test('github: file= and line= before the title', () => {
    expect(renderReport(zoneReport, 'github')).toMatch(
      /^::error file=planned\/contoso\.com\.zone,line=18,title=zone\.missing_trailing_dot::/,
    );
  });
});
