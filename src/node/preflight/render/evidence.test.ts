// What the live checks put in evidence, as the text and markdown reports show it: the split view
// (`evidence.views`, src/node/live/split-view.ts), the delegation path and each server's answer
// (`evidence.resolution`, src/node/live/server-views.ts), and `source: 'planned'` beside planned
// answers. A hand-made report of exactly those shapes, with the exact lines expected.
import { describe, expect, test } from 'vitest';
import type { Check, Report } from '../../../core/report/report-types.js';
import { summarize } from '../../../core/report/status.js';
import { renderReport } from '../render.js';
import { columns } from './wrap.js';

const PATH = [
  { zone: '', nameservers: ['127.0.54.1:5300'], addresses: ['127.0.54.1:5300'] },
  { zone: 'org', nameservers: ['ns1.nic.org'], addresses: ['127.0.54.2:5300'] },
  {
    zone: 'westfield-builders.org',
    nameservers: ['ns1.westfield-builders.org', 'ns2.westfield-builders.org'],
    addresses: ['127.0.54.3:5300', '127.0.54.4:5300'],
  },
];

const checks: Check[] = [
  {
    id: 'srv',
    subject: 'lakeshore-dental.com',
    status: 'pass',
    durationMs: 1,
    issues: [],
    evidence: {
      name: '_sipfederationtls._tcp.lakeshore-dental.com',
      source: 'planned',
      records: [{ priority: 0, weight: 0, port: 5061, target: 'sip.lakeshore-dental.com', ttl: 3600 }],
      resolution: { source: 'planned', lookups: [] },
    },
  },
  {
    id: 'srv',
    subject: 'westfield-builders.org',
    status: 'warn',
    durationMs: 2,
    issues: [],
    evidence: {
      name: '_sipfederationtls._tcp.westfield-builders.org',
      source: 'authoritative',
      records: [{ priority: 0, weight: 0, port: 5061, target: 'sip.westfield-builders.org', ttl: 3600 }],
      views: [
        {
          name: '_sipfederationtls._tcp.westfield-builders.org',
          type: 'SRV',
          inside: { kind: 'answer', records: ['SRV 0 0 5061 sip.westfield-builders.org.'] },
          outside: { kind: 'answer', records: ['SRV 0 0 5061 edge.westfield-builders.org.'] },
        },
      ],
      resolution: {
        source: 'authoritative',
        lookups: [
          {
            name: '_sipfederationtls._tcp.westfield-builders.org',
            type: 'SRV',
            path: PATH,
            servers: [
              {
                server: '127.0.54.3:5300',
                nameserver: 'ns1.westfield-builders.org',
                zone: 'westfield-builders.org',
                outcome: 'answer',
                records: ['SRV 0 0 5061 edge.westfield-builders.org.'],
              },
              {
                server: '127.0.54.4:5300',
                nameserver: 'ns2.westfield-builders.org',
                zone: 'westfield-builders.org',
                outcome: 'lame',
                lameReason: 'REFUSED',
              },
            ],
          },
        ],
      },
    },
  },
  {
    id: 'srv-target',
    subject: 'sip.westfield-builders.org',
    status: 'warn',
    durationMs: 3,
    issues: [],
    evidence: {
      source: 'authoritative',
      addresses: [{ address: '198.51.100.140', class: 'reserved' }],
      views: [
        {
          name: 'sip.westfield-builders.org',
          type: 'A',
          inside: { kind: 'answer', records: ['A 10.20.30.40'] },
          outside: { kind: 'answer', records: ['A 198.51.100.140'] },
        },
        {
          name: 'sip.westfield-builders.org',
          type: 'AAAA',
          inside: { kind: 'answer', records: ['AAAA fd00::40'] },
          outside: { kind: 'nodata', records: [] },
        },
      ],
      resolution: {
        source: 'authoritative',
        lookups: [
          {
            name: 'sip.westfield-builders.org',
            type: 'A',
            path: PATH,
            servers: [
              {
                server: '127.0.54.3:5300',
                nameserver: 'ns1.westfield-builders.org',
                zone: 'westfield-builders.org',
                outcome: 'answer',
                records: ['A 198.51.100.140', 'A 198.51.100.141'],
              },
            ],
          },
          {
            name: 'sip.westfield-builders.org',
            type: 'AAAA',
            path: PATH,
            servers: [
              {
                server: '127.0.54.3:5300',
                nameserver: 'ns1.westfield-builders.org',
                zone: 'westfield-builders.org',
                outcome: 'nodata',
              },
            ],
          },
        ],
      },
    },
  },
];

const report: Report = {
  schemaVersion: 1,
  tool: { name: 'pic-preflight', version: '0.1.0' },
  startedAt: '2026-11-29T10:00:00.000Z',
  durationMs: 6,
  request: { sipDomains: ['lakeshore-dental.com', 'westfield-builders.org'] },
  summary: summarize(checks),
  checks,
};

/** The lines of one check: from its head line to the next check or subject (after a blank line). */
function block(text: string, head: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(head));
  const end = lines.findIndex((line, i) => i > start && (line === '' || /^ {2}\S/.test(line)));
  return lines.slice(start, end);
}

describe('text at 80 columns', () => {
  const text = renderReport(report, 'text', { width: 80 });

  test('planned evidence says "planned" next to it; no resolution detail without a path', () => {
    expect(block(text, '  ✔ srv pass')).toEqual([
      '  ✔ srv pass  SRV 0 0 5061 sip.lakeshore-dental.com (planned)',
    ]);
  });

  test('SRV split view stacked (two columns do not fit), path wrapped between steps, each server', () => {
    expect(block(text, '  ⚠ srv warn')).toEqual([
      '  ⚠ srv warn  SRV 0 0 5061 sip.westfield-builders.org (authoritative)',
      '      split view of _sipfederationtls._tcp.westfield-builders.org SRV:',
      '      inside (your resolver):',
      '        SRV 0 0 5061 sip.westfield-builders.org.',
      '      outside (what partners see):',
      '        SRV 0 0 5061 edge.westfield-builders.org.',
      '      _sipfederationtls._tcp.westfield-builders.org SRV:',
      '        path: . (127.0.54.1:5300) → org (ns1.nic.org) →',
      '              westfield-builders.org (ns1.westfield-builders.org,',
      '              ns2.westfield-builders.org)',
      '        ns1.westfield-builders.org 127.0.54.3:5300:',
      '          SRV 0 0 5061 edge.westfield-builders.org.',
      '        ns2.westfield-builders.org 127.0.54.4:5300: lame (REFUSED)',
    ]);
  });

  test('address split view side by side; NODATA in capitals; a repeated path is not repeated', () => {
    expect(block(text, '  ⚠ srv-target warn')).toEqual([
      '  ⚠ srv-target warn  → 198.51.100.140 (authoritative)',
      '      split view of sip.westfield-builders.org A:',
      '      inside (your resolver) │ outside (what partners see)',
      '      A 10.20.30.40          │ A 198.51.100.140',
      '      split view of sip.westfield-builders.org AAAA:',
      '      inside (your resolver) │ outside (what partners see)',
      '      AAAA fd00::40          │ NODATA',
      '      sip.westfield-builders.org A:',
      '        path: . (127.0.54.1:5300) → org (ns1.nic.org) →',
      '              westfield-builders.org (ns1.westfield-builders.org,',
      '              ns2.westfield-builders.org)',
      '        ns1.westfield-builders.org 127.0.54.3:5300: A 198.51.100.140,',
      '          A 198.51.100.141',
      '      sip.westfield-builders.org AAAA (same path):',
      '        ns1.westfield-builders.org 127.0.54.3:5300: NODATA',
    ]);
  });

  test('no line wider than 80', () => {
    for (const line of text.split('\n')) expect(columns(line)).toBeLessThanOrEqual(80);
  });
});

describe('text without a width (a pipe) and very narrow', () => {
  test('no width: SRV split view side by side, path and answers on one line each', () => {
    const lines = block(renderReport(report, 'text'), '  ⚠ srv warn');
    expect(lines.slice(1, 4)).toEqual([
      '      split view of _sipfederationtls._tcp.westfield-builders.org SRV:',
      '      inside (your resolver)                   │ outside (what partners see)',
      '      SRV 0 0 5061 sip.westfield-builders.org. │ SRV 0 0 5061 edge.westfield-builders.org.',
    ]);
    expect(lines).toContain(
      '        path: . (127.0.54.1:5300) → org (ns1.nic.org) → westfield-builders.org (ns1.westfield-builders.org, ns2.westfield-builders.org)',
    );
  });

  test('30 columns: records too long for their indent go flush left, whole', () => {
    const lines = block(renderReport(report, 'text', { width: 30 }), '  ⚠ srv warn');
    expect(lines).toContain('SRV 0 0 5061 sip.westfield-builders.org.');
    expect(lines).toContain('SRV 0 0 5061 edge.westfield-builders.org.');
    expect(lines).toContain('      inside (your resolver):');
    // Wider than 30 only where one unit cannot be split: a whole record, or a single name.
    const records = ['SRV 0 0 5061 sip.westfield-builders.org.', 'SRV 0 0 5061 edge.westfield-builders.org.'];
    const wide = lines.slice(1).filter((line) => columns(line) > 30);
    expect(wide.length).toBeGreaterThan(0);
    for (const line of wide) expect(records.includes(line.trim()) || !line.trim().includes(' ')).toBe(true);
  });
});

describe('markdown', () => {
  const markdown = renderReport(report, 'markdown');
  const row = (start: string) => markdown.split('\n').find((line) => line.startsWith(start)) ?? '';

  test('planned beside planned evidence', () => {
    expect(row('| srv<br>SRV 0 0 5061 sip.lakeshore-dental.com')).toBe(
      '| srv<br>SRV 0 0 5061 sip.lakeshore-dental.com (planned) | ✔ pass |  |  |  |',
    );
  });

  test('split view, path and servers in the check cell, one line each', () => {
    expect(row('| srv-target')).toBe(
      '| srv-target<br>→ 198.51.100.140 (authoritative)' +
        '<br>split view of sip.westfield-builders.org A: inside (your resolver) A 10.20.30.40 · outside (what partners see) A 198.51.100.140' +
        '<br>split view of sip.westfield-builders.org AAAA: inside (your resolver) AAAA fd00::40 · outside (what partners see) NODATA' +
        '<br>sip.westfield-builders.org A: path . (127.0.54.1:5300) → org (ns1.nic.org) → westfield-builders.org (ns1.westfield-builders.org, ns2.westfield-builders.org); ns1.westfield-builders.org 127.0.54.3:5300: A 198.51.100.140, A 198.51.100.141' +
        '<br>sip.westfield-builders.org AAAA: path . (127.0.54.1:5300) → org (ns1.nic.org) → westfield-builders.org (ns1.westfield-builders.org, ns2.westfield-builders.org); ns1.westfield-builders.org 127.0.54.3:5300: NODATA' +
        ' | ⚠ warn |  |  |  |',
    );
  });
});
