import { createRequire } from 'node:module';
import fc from 'fast-check';
import { getDomain, parse } from 'tldts';
import { describe, expect, test } from 'vitest';
import { DEEP_ICANN_TLDS, FLAT_ICANN_TLDS, FLAT_TLDS_SOURCE } from './flat-tlds.js';
import { checkFqdn, isFqdn } from './fqdn.js';
import { DOCUMENTATION_DOMAINS } from './reserved-names.js';

const TLDTS = { extractHostname: false, validateHostname: false, allowPrivateDomains: false } as const;

// Keep in sync: the scan answers names under these TLDs without tldts (scan.ts).
describe('FLAT_ICANN_TLDS agrees with tldts', () => {
  test('generated from the installed tldts (node scripts/flat-tlds.mjs after an upgrade)', () => {
    const { version } = createRequire(import.meta.url)('tldts/package.json') as { version: string };
    expect(FLAT_TLDS_SOURCE).toBe(version);
  });

  test('every flat TLD: the ICANN suffix of x.y.<tld> is <tld>, the domain y.<tld>', () => {
    for (const tld of FLAT_ICANN_TLDS) {
      for (const name of [`y.${tld}`, `x.y.${tld}`, `www.co.${tld}`, `a.b.c.com.${tld}`]) {
        const parsed = parse(name, TLDTS);
        expect([tld, parsed.isIcann, parsed.publicSuffix]).toEqual([tld, true, tld]);
        expect(getDomain(name, TLDTS)).toBe(name.split('.').slice(-2).join('.'));
      }
    }
  });

  test('property: checkFqdn’s registrable-domain facts equal tldts for random names under flat TLDs', () => {
    const tlds = [...FLAT_ICANN_TLDS];
    const label = fc.stringMatching(/^[a-z0-9]{1,12}$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), fc.constantFrom(...tlds), agreesWithTldts),
      { seed: 9, numRuns: 2000 },
    );
  });

  test('every deep TLD: a name with more labels than its depth has an ICANN suffix and a domain', () => {
    for (const [tld, depth] of DEEP_ICANN_TLDS) {
      const parts = Array.from({ length: depth }, (_, i) => (i === 0 ? 'zz9' : 'co'));
      for (const name of [`${parts.join('.')}.${tld}`, `sip.${parts.join('.')}.${tld}`]) {
        if (name.split('.').length <= depth) continue;
        const parsed = parse(name, TLDTS);
        expect([name, parsed.isIcann, parsed.domain !== null]).toEqual([name, true, true]);
      }
    }
  });

  test('property: isFqdn equals checkFqdn and tldts for names under deep TLDs (second-level suffix labels included)', () => {
    const tlds = [...DEEP_ICANN_TLDS.keys()];
    const label = fc.oneof(
      fc.stringMatching(/^[a-z0-9]{1,8}$/),
      fc.constantFrom('co', 'com', 'ac', 'sch', 'edu', 'gov', 'org', 'net', 'k12', 'city', 'kawasaki', 'www'),
    );
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 5 }), fc.constantFrom(...tlds), agreesWithTldts),
      { seed: 10, numRuns: 3000 },
    );
  });
});

/** The fast tables against tldts itself: a name passes exactly when tldts finds an ICANN domain. */
function agreesWithTldts(labels: readonly string[], tld: string): void {
  const name = `${labels.join('.')}.${tld}`;
  const expected = getDomain(name, TLDTS) !== null && parse(name, TLDTS).isIcann === true;
  expect(isFqdn(name, { allowReserved: true })).toBe(expected);
  expect(checkFqdn(name, { allowReserved: true }).ok).toBe(expected);
}

test('the documentation placeholders are under flat TLDs (checkFqdn finds their domain without tldts)', () => {
  for (const domain of DOCUMENTATION_DOMAINS) {
    expect(FLAT_ICANN_TLDS.has(domain.slice(domain.lastIndexOf('.') + 1))).toBe(true);
  }
});

test('the two tables hold every ICANN TLD of tldts: all two- and three-letter TLDs agree', () => {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const a of letters)
    for (const b of letters) {
      for (const tld of [`${a}${b}`, ...[...letters].map((c) => `${a}${b}${c}`)]) {
        const icann = parse(`x.y.${tld}`, TLDTS).isIcann === true;
        expect([tld, FLAT_ICANN_TLDS.has(tld) || DEEP_ICANN_TLDS.has(tld)]).toEqual([tld, icann]);
      }
    }
});
