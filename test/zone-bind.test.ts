/**
 * BIND's named-checkzone as the syntax oracle for parseZoneFile (RULES §11): every valid test zone
 * is accepted by both with zero issues (false-positive guard), every syntax-error zone is rejected
 * by both. Skipped visibly when named-checkzone is not installed (`bind9-utils`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseZoneFile } from '../src/core/zone-file/parse-zone-file.js';
import { recordLine, zoneRecordFields } from './helpers/zone-arbitraries.js';

const VALID = fileURLToPath(new URL('fixtures/zones/valid/', import.meta.url));
const checker = spawnSync('named-checkzone', ['-v'], { encoding: 'utf8' });
const hasBind = checker.status === 0;
if (!hasBind)
  console.warn('zone-bind.test.ts: named-checkzone not found — the BIND oracle tests are SKIPPED');

function bindAccepts(origin: string, file: string): { ok: boolean; output: string } {
  const result = spawnSync('named-checkzone', ['-i', 'none', origin, file], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

const originOf = (file: string) => file.replace(/^db\./, '').replace(/\.(zone|dns|txt|db)$/, '');
const validZones = readdirSync(VALID);

describe('valid Skype for Business zones: zero issues here', () => {
  test.each(validZones)('%s', (file) => {
    const result = parseZoneFile(readFileSync(join(VALID, file), 'utf8'), { fileName: file });
    expect(result.issues).toEqual([]);
    expect(result.origin).toBe(originOf(file));
    expect(result.records.some((r) => r.name === `_sipfederationtls._tcp.${originOf(file)}`)).toBe(true);
  });
});

describe.skipIf(!hasBind)('named-checkzone agrees', () => {
  test.each(validZones)('valid: %s is accepted by BIND', (file) => {
    const verdict = bindAccepts(originOf(file), join(VALID, file));
    expect(verdict.output).not.toContain('error');
    expect(verdict.ok).toBe(true);
  });

  const HEAD = '$TTL 1h\n@ IN SOA ns1 hostmaster 1 3600 600 604800 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n';
  // Each line breaks the syntax; both parsers must refuse it (ours with zone.syntax_error on line 5).
  test.each([
    '_sipfederationtls._tcp IN SVR 0 0 5061 sip.contoso.com.',
    'x IN TXT ( "a"',
    'x IN A 192.0.2.2 )',
    'x IN TXT "abc',
    'a\\999 IN A 192.0.2.2',
    `${'a'.repeat(64)} IN A 192.0.2.2`,
    'x 300 IN',
    'x 1h30 IN A 192.0.2.2',
    'x IN IN A 192.0.2.2',
    'x IN MX ten mail',
    'x IN A 192.0.2.2 5',
    '$FOO bar',
    'x IN SOA ns1 hostmaster 1 2',
    'x IN TXT "\\300"',
    'x.. IN A 192.0.2.2',
    'x IN A',
    'x IN CAA 0 "issue" "ca"',
    `x IN TXT "${'a'.repeat(256)}"`,
    'x IN ANY 192.0.2.2',
    'x IN TYPE0 \\# 0',
    'x IN NULL',
    'x CH TXT "a"',
    'x IN TXT \\',
    '@ IN SOA ns1 h 2 3 4 5 6',
    'x IN A \\# 3 010203',
    'x IN SRV \\# 0',
  ])('syntax error: %s', (line) => {
    const text = `${HEAD}${line}\n`;
    const result = parseZoneFile(text, { origin: 'contoso.com' });
    expect(result.issues.map((i) => [i.code, i.params?.line])).toEqual([['zone.syntax_error', 5]]);
    const dir = mkdtempSync(join(tmpdir(), 'zone-bind-'));
    const file = join(dir, 'contoso.com.zone');
    writeFileSync(file, text);
    expect(bindAccepts('contoso.com', file).ok).toBe(false);
  });

  test('zones generated from the round-trip records: no error here, accepted by BIND', () => {
    // CNAME, NS and DNAME left out: at random names they make zones BIND rightly refuses
    // (CNAME and other data, occluded names), which the rule tables cover.
    const simple = zoneRecordFields.filter((r) => !['CNAME', 'NS', 'DNAME'].includes(r.type));
    const zones = fc.sample(fc.array(simple, { minLength: 1, maxLength: 40 }), { seed: 53, numRuns: 8 });
    const dir = mkdtempSync(join(tmpdir(), 'zone-bind-'));
    zones.forEach((records, i) => {
      const text = `${HEAD}${records.map(recordLine).join('\n')}\n`;
      const parsed = parseZoneFile(text, { origin: 'contoso.com' });
      expect(parsed.ok).toBe(true);
      expect(parsed.records).toHaveLength(records.length + 3);
      const file = join(dir, `generated-${i}.zone`);
      writeFileSync(file, text);
      const verdict = bindAccepts('contoso.com', file);
      expect(verdict.output).toBe(verdict.ok ? verdict.output : 'accepted');
    });
  });

  test('a zone generated from the round-trip records is accepted by BIND as well', () => {
    const text = `${HEAD}sip 300 IN A 192.0.2.10\n_sipfederationtls._tcp 300 IN SRV 0 0 5061 sip\nx IN TXT "a\\"b\\\\c\\059"\ny IN TYPE65534 \\# 2 abcd\nz IN AAAA 2001:db8::1\n`;
    expect(parseZoneFile(text, { origin: 'contoso.com' }).issues).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'zone-bind-'));
    const file = join(dir, 'contoso.com.zone');
    writeFileSync(file, text);
    expect(bindAccepts('contoso.com', file).ok).toBe(true);
  });
});
