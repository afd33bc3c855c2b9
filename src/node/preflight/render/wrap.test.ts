// Word wrap of the text report: no line wider than the width except a record or word that is wider
// by itself; records and commands never broken; no word lost or reordered.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { columns, layout, segments } from './wrap.js';

const RECORD = '_sipfederationtls._tcp.contoso.com. 3600 IN SRV 0 0 5061 sip.contoso.com.';

describe('segments: what is never broken', () => {
  test.each([
    ['an SRV record as hints write it', `Publish in public DNS: ${RECORD}`, [RECORD]],
    [
      'a related record',
      'Related record: _sip._tls.contoso.com SRV 0 0 443 sip.contoso.com.',
      ['_sip._tls.contoso.com SRV 0 0 443 sip.contoso.com.'],
    ],
    [
      'an address record',
      'Related record: sip.contoso.com A/AAAA 192.0.2.7',
      ['sip.contoso.com A/AAAA 192.0.2.7'],
    ],
    [
      'a command',
      'Ask the authoritative servers: pic-preflight check --authoritative --domain contoso.com.',
      ['pic-preflight check --authoritative --domain contoso.com'],
    ],
    ['backticks', 'Run `npm run demo` first.', ['`npm run demo`']],
    ['not English that looks like a record', 'Replace the CNAME at sip.contoso.com with A/AAAA records', []],
    ['not the tool and its version', 'pic-preflight 0.1.0 · 2026-11-27', []],
  ])('%s', (_label, text, blocks) => {
    expect(
      segments(text)
        .filter((s) => s.block)
        .map((s) => s.text),
    ).toEqual(blocks);
  });
});

describe('layout', () => {
  test('no width, or everything fits: one line, as before', () => {
    const body = segments(`Publish: ${RECORD}`);
    expect(layout('  fix: ', 7, body, 4, undefined)).toEqual([`  fix: Publish: ${RECORD}`]);
    expect(layout('  fix: ', 7, body, 4, 200)).toHaveLength(1);
  });

  test('a record that does not fit goes whole on a line of its own, indented when it fits there', () => {
    const lines = layout('  fix: ', 7, segments(`Publish in public DNS: ${RECORD} and wait.`), 4, 80);
    expect(lines).toEqual(['  fix: Publish in public DNS:', `    ${RECORD}`, '    and wait.']);
    const narrow = layout('  fix: ', 7, segments(`Publish: ${RECORD}`), 4, 60);
    expect(narrow).toEqual(['  fix: Publish:', RECORD]);
  });

  const word = fc.stringMatching(/^[a-z]{1,12}$/);
  const piece = fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: fc.constant(RECORD) });
  test('property: width respected, records whole on their own line, words kept in order', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 20, max: 120 }),
        (pieces, width) => {
          const text = pieces.join(' ');
          const lines = layout('      ✖ ', 8, segments(text), 8, width);
          for (const line of lines) {
            if (line.trim() === RECORD) continue;
            if (columns(line) > width) expect(line.trim().split(' ')).toHaveLength(1);
          }
          const records = lines.filter((line) => line.includes('_sipfederationtls'));
          for (const line of records) expect(line.trim()).toBe(lines.length > 1 ? RECORD : line.trim());
          expect(lines.join(' ').replace(/✖/, '').split(/\s+/).filter(Boolean)).toEqual(text.split(/\s+/));
        },
      ),
      { numRuns: 300, seed: 1212 },
    );
  });
});
