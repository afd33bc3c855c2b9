// renderReport: the three formats, the marks, colour only when asked, markdown escaping.
import { describe, expect, it } from 'vitest';
import type { Check, Report } from '../src/core/report/report-types.js';
import { makeIssue } from '../src/core/result.js';
import {
  escapeMarkdown,
  issueMark,
  renderReport,
  STATUS_MARKS,
  summariseEvidence,
} from '../src/node/preflight/render.js';

const ESC = '\u001b';

function check(partial: Partial<Check> & Pick<Check, 'id' | 'subject' | 'status'>): Check {
  return { issues: [], durationMs: 1, ...partial };
}

function sampleReport(): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'pic-preflight', version: '0.1.0' },
    startedAt: '2026-11-27T10:00:00.000Z',
    durationMs: 412,
    request: { sipDomains: ['fabrikam.net'] },
    summary: { status: 'fail', errors: 1, warnings: 1, infos: 1, inconclusive: 1 },
    checks: [
      check({
        id: 'request',
        subject: 'request',
        status: 'pass',
        issues: [makeIssue('pic.provisioning_site_retired')],
      }),
      check({
        id: 'srv',
        subject: 'fabrikam.net',
        status: 'fail',
        issues: [
          makeIssue('federation.target_outside_domain', [], {
            params: {
              target: 'sip.fabrikam-edge.net',
              domain: 'fabrikam.net',
              suggested: 'sip.fabrikam.net',
            },
            hint: 'Publish _sipfederationtls._tcp.fabrikam.net. 3600 IN SRV 0 0 5061 sip.fabrikam.net.',
          }),
        ],
        evidence: {
          records: [{ priority: 0, weight: 0, port: 5061, target: 'sip.fabrikam-edge.net', ttl: 3600 }],
        },
      }),
      check({
        id: 'srv-target',
        subject: 'sip.fabrikam-edge.net',
        status: 'warn',
        issues: [
          makeIssue('dns.target_is_alias', [], {
            params: { target: 'sip.fabrikam-edge.net', alias: 'x|y`z', domain: 'fabrikam.net' },
          }),
        ],
        evidence: { addresses: ['198.51.100.7'] },
      }),
      check({
        id: 'srv',
        subject: 'tailwind-books.org',
        status: 'inconclusive',
        issues: [
          makeIssue('dns.timeout', [], {
            params: { name: '_sipfederationtls._tcp.tailwind-books.org', type: 'SRV', timeoutMs: 2000 },
          }),
        ],
      }),
      check({ id: 'tls', subject: '198.51.100.7:5061', status: 'skipped' }),
    ],
  };
}

describe('renderReport json', () => {
  it('is JSON.stringify(report, null, 2) and parses back to the report', () => {
    const report = sampleReport();
    const text = renderReport(report, 'json');
    expect(text).toBe(JSON.stringify(report, null, 2));
    expect(JSON.parse(text)).toEqual(report);
  });

  it('never colours, even when asked', () => {
    expect(renderReport(sampleReport(), 'json', { color: true })).not.toContain(ESC);
  });
});

describe('renderReport text', () => {
  const text = renderReport(sampleReport(), 'text');

  it('has no ANSI escapes unless colour is asked for', () => {
    expect(text).not.toContain(ESC);
    expect(renderReport(sampleReport(), 'text', { color: true })).toContain(`${ESC}[`);
  });

  it('groups checks under their subject, in first-seen order', () => {
    const lines = text.split('\n');
    const subjects = [
      'request',
      'fabrikam.net',
      'sip.fabrikam-edge.net',
      'tailwind-books.org',
      '198.51.100.7:5061',
    ];
    const positions = subjects.map((subject) => lines.indexOf(subject));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('puts a mark per check status (✔ ✖ ⚠ ? ○)', () => {
    expect(text).toMatch(/^ {2}✔ request pass$/m);
    expect(text).toMatch(/^ {2}✖ srv fail {2}SRV 0 0 5061 sip\.fabrikam-edge\.net$/m);
    expect(text).toMatch(/^ {2}⚠ srv-target warn {2}→ 198\.51\.100\.7$/m);
    expect(text).toMatch(/^ {2}\? srv inconclusive$/m);
    expect(text).toMatch(/^ {2}○ tls skipped$/m);
  });

  it('shows each issue with its code, message and hint', () => {
    expect(text).toContain('[federation.target_outside_domain]');
    expect(text).toContain(
      'fix: Publish _sipfederationtls._tcp.fabrikam.net. 3600 IN SRV 0 0 5061 sip.fabrikam.net.',
    );
    expect(text).toMatch(/^ {6}\? .*\[dns\.timeout\]$/m);
    expect(text).toMatch(/^ {6}ℹ .*\[pic\.provisioning_site_retired\]$/m);
  });

  it('ends with the summary line', () => {
    const last = text.split('\n').at(-1);
    expect(last).toBe('✖ FAIL: 1 error, 1 warning, 1 info, 1 inconclusive (5 checks, 412 ms)');
  });
});

describe('renderReport markdown', () => {
  const markdown = renderReport(sampleReport(), 'markdown');

  it('has a heading with the status and a section and table per subject', () => {
    expect(markdown.split('\n')[0]).toBe('## pic-preflight report: ✖ fail');
    expect(markdown).toContain('### fabrikam.net');
    expect(markdown).toContain('### sip.fabrikam-edge.net');
    expect(markdown.match(/^\| Check \| Status \| Issue \| Message \| Fix \|$/gm)).toHaveLength(5);
  });

  it('keeps every table row at five cells: pipes in values are escaped', () => {
    for (const line of markdown.split('\n').filter((l) => l.startsWith('| '))) {
      const cells = line.replace(/\\\|/g, '').split('|').length - 2;
      expect(cells, line).toBe(5);
    }
    expect(markdown).toContain('x\\|y\\`z');
  });

  it('writes codes as code spans and escapes underscores in prose', () => {
    expect(markdown).toContain('`federation.target_outside_domain`');
    expect(markdown).toContain('Publish \\_sipfederationtls.\\_tcp.fabrikam.net.');
  });

  it('never colours', () => {
    expect(renderReport(sampleReport(), 'markdown', { color: true })).not.toContain(ESC);
  });
});

describe('helpers', () => {
  it('escapeMarkdown escapes table and inline syntax and flattens line breaks', () => {
    expect(escapeMarkdown('a|b`c*d_e[f]<g>\\h~i')).toBe('a\\|b\\`c\\*d\\_e\\[f\\]\\<g\\>\\\\h\\~i');
    expect(escapeMarkdown('one\ntwo\r\nthree')).toBe('one<br>two<br>three');
  });

  it('issueMark: ✖ error, ⚠ warning, ℹ info, ? for could-not-ask codes', () => {
    expect(issueMark({ code: 'srv.missing', severity: 'error' })).toBe('✖');
    expect(issueMark({ code: 'srv.near_miss', severity: 'warning' })).toBe('⚠');
    expect(issueMark({ code: 'dns.related_record', severity: 'info' })).toBe('ℹ');
    expect(issueMark({ code: 'dns.timeout', severity: 'warning' })).toBe('?');
  });

  it('has a distinct mark per check status', () => {
    expect(new Set(Object.values(STATUS_MARKS)).size).toBe(5);
  });

  it('summariseEvidence shows SRV records (root target as ".") and addresses', () => {
    expect(summariseEvidence(undefined)).toBe('');
    expect(summariseEvidence({ records: [{ priority: 0, weight: 0, port: 5061, target: '' }] })).toBe(
      'SRV 0 0 5061 .',
    );
    expect(summariseEvidence({ addresses: ['10.0.0.1', '198.51.100.1'] })).toBe('→ 10.0.0.1, 198.51.100.1');
    expect(
      summariseEvidence({
        aliases: ['sip.fabrikam.net'],
        addresses: [
          { address: '10.0.0.1', class: 'private' },
          { address: '198.51.100.1', class: 'reserved' },
          { address: '203.0.113.9', class: 'public' },
        ],
      }),
    ).toBe('CNAME sip.fabrikam.net  → 10.0.0.1 (private), 198.51.100.1, 203.0.113.9');
  });

  it('refuses an unknown format (a programmer error)', () => {
    expect(() => renderReport(sampleReport(), 'yaml' as 'json')).toThrow(TypeError);
  });
});

describe('hostile values from DNS servers and certificates cannot reach the terminal raw', () => {
  const evil = `sip${ESC}]0;pwned\u0007${ESC}[2J\nFAKE LINE\u202e.fabrikam.net`;
  function hostileReport(): Report {
    const report = sampleReport();
    report.checks.push(
      check({
        id: 'srv-target',
        subject: evil,
        status: 'fail',
        evidence: { records: [{ priority: 0, weight: 0, port: 5061, target: evil }], addresses: [evil] },
        issues: [
          makeIssue('federation.target_outside_domain', [], {
            params: { target: evil, domain: 'fabrikam.net', suggested: 'sip.fabrikam.net' },
            hint: `Publish ${evil}`,
          }),
          // A code this version does not know (a newer report): rendered, not a crash.
          { code: 'future.code' as never, severity: 'warning', message: `from ${evil}`, path: [] },
        ],
      }),
    );
    return report;
  }

  it.each(['text', 'markdown'] as const)('%s: no control character, no forged line', (format) => {
    const out = renderReport(hostileReport(), format);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/); // only \n (and \t) remain
    expect(out.split('\n').some((line) => line.startsWith('FAKE LINE'))).toBe(false);
    expect(out).toMatch(/\\x1b\\?\]0;pwned\\x07/); // shown escaped (markdown also escapes the `]`)
    expect(out).toContain('future.code');
  });

  it('json keeps the values as received (JSON escapes them)', () => {
    const out = renderReport(hostileReport(), 'json');
    expect(out).not.toContain(ESC);
    expect(JSON.parse(out).checks.at(-1).subject).toBe(evil);
  });
});
