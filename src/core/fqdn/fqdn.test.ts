import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { codes, only } from '../../../test/helpers/issues.js';
import { fqdnSchema, makeFqdnSchema } from '../../zod/schemas.js';
import type { Result } from '../result.js';
import {
  checkFqdn,
  DEFAULT_FQDN_OPTIONS,
  diagnoseFqdn,
  type FqdnOptions,
  isFqdn,
  registrableDomain,
} from './fqdn.js';
import { isPlausibleULabel, isValidALabel, punycodeDecode, urlToAscii } from './idna.js';

const errorCodes = (result: Result<unknown>) =>
  result.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code);

/** The A-label of one Unicode label, by the platform's UTS #46 (test helper). */
const aLabelOf = (label: string): string => urlToAscii(label) ?? 'xn--a';

const OPTION_SETS: FqdnOptions[] = [];
for (const allowIdn of [false, true])
  for (const allowReserved of [false, true])
    for (const requireKnownTld of [false, true])
      OPTION_SETS.push({ allowIdn, allowReserved, requireKnownTld });

describe('valid names', () => {
  // RFC 1035 §2.3.1 (LDH), RULES §0 (normalised: lower case, no root dot).
  test.each([
    ['plain', 'sip.fabrikam.com', 'sip.fabrikam.com'],
    ['upper case is lowered', 'SIP.Fabrikam.COM', 'sip.fabrikam.com'],
    ['one trailing root dot', 'sip.fabrikam.com.', 'sip.fabrikam.com'],
    ['two labels', 'fabrikam.com', 'fabrikam.com'],
    ['multi-label public suffix', 'sip.fabrikam.co.uk', 'sip.fabrikam.co.uk'],
    ['private PSL entry is fine', 'foo.github.io', 'foo.github.io'],
    ['azurewebsites', 'app.azurewebsites.net', 'app.azurewebsites.net'],
    ['digits in labels', '1sip2.fabrikam365.com', '1sip2.fabrikam365.com'],
    ['inner hyphen', 'sip-fed.fab-rikam.com', 'sip-fed.fab-rikam.com'],
    ['63-character label', `${'a'.repeat(63)}.com`, `${'a'.repeat(63)}.com`],
    ['253 characters', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`, null],
    [
      '253 characters plus the root dot',
      `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com.`,
      null,
    ],
    ['new gTLD', 'sip.fabrikam.technology', 'sip.fabrikam.technology'],
  ])('%s: %s', (_label, input, expected) => {
    const result = checkFqdn(input);
    expect(errorCodes(result)).toEqual([]);
    expect(result.ok).toBe(true);
    if (result.ok && expected !== null) expect(result.value).toBe(expected);
    if (result.ok && expected === null) expect(result.value.length).toBe(253);
    expect(isFqdn(input)).toBe(true);
  });

  // RULES §0: input.trimmed W; the value is still usable.
  test('surrounding whitespace is trimmed with a warning', () => {
    const result = checkFqdn('  \tsip.acme-widgets.com\n');
    expect(result).toMatchObject({ ok: true, value: 'sip.acme-widgets.com' });
    expect(codes(result)).toEqual(['input.trimmed']);
  });
});

describe('RULES §0 input', () => {
  test.each([
    ['number', 42, 'input.not_string', 'number'],
    ['null', null, 'input.not_string', 'null'],
    ['undefined', undefined, 'input.not_string', 'undefined'],
    ['array', ['a.com'], 'input.not_string', 'array'],
    ['object', { host: 'a.com' }, 'input.not_string', 'object'],
  ])('%s → %s', (_label, input, code, type) => {
    const result = checkFqdn(input);
    expect(codes(result)).toEqual([code]);
    expect(only(result, code)?.params).toEqual({ type });
  });

  test.each([
    ['empty', '', 'input.empty'],
    ['whitespace only', ' \t\n ', 'input.empty'],
    ['over 1,024 characters', `${'a.'.repeat(512)}com`, 'input.too_long'],
  ])('%s → %s', (_label, input, code) => {
    expect(codes(checkFqdn(input))).toEqual([code]);
  });
});

describe('fqdn.ip_address', () => {
  // MS-PIC asks for an FQDN; IP literals are recognised before anything else (RFC 4291 §2.2 text forms).
  test.each([
    ['IPv4', '192.0.2.10', '192.0.2.10'],
    ['IPv4 with root dot', '1.2.3.4.', '1.2.3.4.'],
    ['leading zeros (still a dotted quad)', '010.000.0.255', '010.000.0.255'],
    ['all zeros', '0.0.0.0', '0.0.0.0'],
    ['IPv4 with a port', '192.0.2.10:5061', '192.0.2.10'],
    ['IPv4 in a URL', 'https://192.0.2.10/x', '192.0.2.10'],
    ['IPv6 loopback', '::1', '::1'],
    ['IPv6 bracketed', '[::1]', '::1'],
    ['IPv6 bracketed with port', '[2001:db8::5]:5061', '2001:db8::5'],
    ['IPv6 full', '2001:db8:0:0:0:0:0:1', '2001:db8:0:0:0:0:0:1'],
    ['IPv6 with zone', 'fe80::1%eth0', 'fe80::1%eth0'],
    ['IPv4-mapped IPv6', '::ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['IPv6 in a URL', 'https://[::1]:5061/x', '::1'],
    ['unspecified', '::', '::'],
  ])('%s: %s', (_label, input, value) => {
    const result = checkFqdn(input);
    expect(codes(result)).toEqual(['fqdn.ip_address']);
    expect(only(result, 'fqdn.ip_address')?.params).toEqual({ value });
  });
});

describe('dotted numbers that are not IP literals follow the name rules', () => {
  // RULES §1: only a dotted quad (four decimal parts 0–255) or IPv6 is `fqdn.ip_address`.
  test.each([
    ['part over 255', '999.1.1.1', 'fqdn.numeric_tld', { tld: '1' }],
    ['256', '256.1.1.1', 'fqdn.numeric_tld', { tld: '1' }],
    ['three parts', '1.2.3', 'fqdn.numeric_tld', { tld: '3' }],
    ['two parts', '10.1', 'fqdn.numeric_tld', { tld: '1' }],
    ['five parts', '1.2.3.4.5', 'fqdn.numeric_tld', { tld: '5' }],
    ['hex part', '0x7f.0.0.1', 'fqdn.numeric_tld', { tld: '1' }],
    ['four-digit part', '0300.0.0.1', 'fqdn.numeric_tld', { tld: '1' }],
    ['single number', '12345', 'fqdn.single_label', { value: '12345' }],
  ])('%s: %s → %s', (_label, input, code, params) => {
    const result = checkFqdn(input);
    expect(codes(result)).toEqual([code]);
    expect(only(result, code)?.params).toEqual(params);
    expect(isFqdn(input)).toBe(false);
  });

  test('inside a URL a non-literal is a URL, not an address', () => {
    const result = checkFqdn('https://999.1.1.1/x');
    expect(codes(result)).toEqual(['fqdn.not_a_hostname']);
    expect(only(result, 'fqdn.not_a_hostname')?.params).toEqual({
      value: 'https://999.1.1.1/x',
      found: 'url',
      host: '999.1.1.1',
    });
  });
});

describe('fqdn.not_a_hostname', () => {
  // A bare name is wanted; the hint names it (RFC 3986 §3.2 authority, RFC 3261 §19.1 SIP URI).
  test.each([
    ['URL with path', 'https://sip.fabrikam.com/x', 'url', 'sip.fabrikam.com'],
    ['URL', 'http://sip.fabrikam.com', 'url', 'sip.fabrikam.com'],
    ['scheme-relative', '//sip.fabrikam.com', 'url', 'sip.fabrikam.com'],
    ['host and port', 'sip.fabrikam.com:5061', 'port', 'sip.fabrikam.com'],
    ['user@host', 'user@fabrikam.com', 'user', 'fabrikam.com'],
    ['sip: URI', 'sip:fabrikam.com', 'sip_uri', 'fabrikam.com'],
    [
      'SIPS URI with user and params',
      'SIPS:alice@fabrikam.com:5061;transport=tls',
      'sip_uri',
      'fabrikam.com',
    ],
    ['path only', 'sip.fabrikam.com/federation', 'path', 'sip.fabrikam.com'],
    ['query', 'sip.fabrikam.com?x=1', 'query', 'sip.fabrikam.com'],
    ['fragment', 'sip.fabrikam.com#x', 'fragment', 'sip.fabrikam.com'],
    ['brackets around a name', '[sip.fabrikam.com]', 'brackets', 'sip.fabrikam.com'],
  ])('%s: %s', (_label, input, found, bare) => {
    const result = checkFqdn(input);
    expect(codes(result)).toEqual(['fqdn.not_a_hostname']);
    const issue = only(result, 'fqdn.not_a_hostname');
    expect(issue?.params).toEqual({ value: input, found, host: bare });
    expect(issue?.hint).toContain(bare);
  });
});

describe('fqdn.invalid_char', () => {
  // RFC 1035 §2.3.1: letters, digits, hyphen (underscore and "*" have their own rules).
  test.each([
    ['space', 'sip fabrikam.com', ' '],
    ['exclamation mark', 'sip!.fabrikam.com', '!'],
    ['NUL', 'sip\u0000.fabrikam.com', '\u0000'],
    ['tab inside', 'sip\t.fabrikam.com', '\t'],
    ['backslash', 'fabrikam\\sip.com', '\\'],
    ['comma', 'sip,fabrikam.com', ','],
    ['two colons but not IPv6', 'a:b:c', ':'],
    // RULES §1: ";" is URI parameters only after sip:, after a host with a dot, or before "=".
    ['semicolon between labels', 'sip;fabrikam.com', ';'],
    ['semicolon in a single label', 'a;b', ';'],
  ])('%s', (_label, input, char) => {
    const result = checkFqdn(input);
    expect(codes(result)).toEqual(['fqdn.invalid_char']);
    expect(only(result, 'fqdn.invalid_char')?.params?.char).toBe(char);
  });
});

describe('";" as SIP URI parameters (RFC 3261 §19.1.1)', () => {
  test.each([
    ['after a host with a dot', 'sip.fabrikam.com;transport=tls', 'sip.fabrikam.com'],
    ['after a host, no value', 'sip.fabrikam.com;lr', 'sip.fabrikam.com'],
    ['after sip:', 'sip:edge;lr', 'edge'],
    ['parameter with "="', 'edge;transport=tls', 'edge'],
  ])('%s: %s', (_label, input, bare) => {
    const result = checkFqdn(input);
    expect(codes(result)).toEqual(['fqdn.not_a_hostname']);
    expect(only(result, 'fqdn.not_a_hostname')?.params?.found).toBe(
      input.startsWith('sip:') ? 'sip_uri' : 'parameters',
    );
    expect(only(result, 'fqdn.not_a_hostname')?.hint).toBe(`Give the bare host name: ${bare}`);
  });

  // The hint names only a bare host that passes the structural and label rules itself.
  test.each([
    ['underscore host', 'user@a_b.fabrikam.com'],
    ['hyphen host', 'sip:-x.fabrikam.com'],
    ['bad character in the host', 'https://a!b.com/x'],
    ['empty host', 'https:///x'],
    ['nested decoration', 'http://http://x.com'],
  ])('no hint: %s', (_label, input) => {
    const result = checkFqdn(input);
    expect(codes(result)).toEqual(['fqdn.not_a_hostname']);
    expect(only(result, 'fqdn.not_a_hostname')?.hint).toBeUndefined();
  });

  test('property: a hint always names a structurally valid bare host', () => {
    const hintFree = new Set([
      'fqdn.ip_address',
      'fqdn.not_a_hostname',
      'fqdn.invalid_char',
      'fqdn.non_ascii',
      'fqdn.label_empty',
      'fqdn.too_long',
      'fqdn.label_too_long',
      'fqdn.underscore',
      'fqdn.wildcard',
      'fqdn.label_hyphen',
      'fqdn.invalid_a_label',
    ]);
    const piece = fc.constantFrom(
      'sip',
      'a',
      '.',
      ';',
      '=',
      ':',
      '/',
      '@',
      'sip:',
      '5061',
      '-',
      '_',
      '*',
      'x.com',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const hint = checkFqdn(parts.join('')).issues.find((i) => i.code === 'fqdn.not_a_hostname')?.hint;
        if (hint === undefined) return;
        const bare = hint.slice('Give the bare host name: '.length);
        const again = checkFqdn(bare, { allowReserved: true, requireKnownTld: false });
        expect(again.issues.filter((i) => hintFree.has(i.code))).toEqual([]);
      }),
    );
  });
});

describe('fqdn.non_ascii', () => {
  // MS-DNS: "Lync Server 2013 does not support internationalized domain names"; "Do not use Unicode characters".
  test.each([
    ['U-label', 'münchen.de', 'ü', 'xn--mnchen-3ya.de'],
    ['full-width letters', 'ｓｉｐ.fabrikam.com', 'ｓ', 'sip.fabrikam.com'],
    ['ideographic full stop', 'sip。fabrikam.com', '。', 'sip.fabrikam.com'],
    ['full-width full stop', 'sip．fabrikam.com', '．', 'sip.fabrikam.com'],
    ['zero-width space', 'sip\u200B.fabrikam.com', '\u200B', 'sip.fabrikam.com'],
    ['zero-width joiner', 'si\u200Dp.fabrikam.com', '\u200D', null],
    ['no-break space inside', 'sip\u00A0fabrikam.com', '\u00A0', null],
    ['Greek TLD', 'sip.fabrikam.ελ', 'ε', 'sip.fabrikam.xn--qxam'],
  ])('%s', (_label, input, char, hintName) => {
    const result = checkFqdn(input);
    expect(codes(result)).toEqual(['fqdn.non_ascii']);
    const issue = only(result, 'fqdn.non_ascii');
    expect(issue?.params?.char).toBe(char);
    if (hintName === null) expect(issue?.hint).toBeUndefined();
    else expect(issue?.hint).toContain(hintName);
  });

  // allowIdn: UTS #46 maps a U-label to its A-label; silent mappings are still reported.
  test.each([
    ['U-label', 'münchen.de', 'xn--mnchen-3ya.de'],
    ['upper-case U-label', 'MÜNCHEN.DE', 'xn--mnchen-3ya.de'],
    ['sharp s (non-transitional)', 'faß.de', 'xn--fa-hia.de'],
    ['decomposed (NFD) is composed', 'mu\u0308nchen.de', 'xn--mnchen-3ya.de'],
    ['Greek TLD', 'sip.fabrikam.ελ', 'sip.fabrikam.xn--qxam'],
  ])('allowIdn converts %s', (_label, input, value) => {
    const result = checkFqdn(input, { allowIdn: true });
    expect(result).toMatchObject({ ok: true, value });
    expect(codes(result)).not.toContain('fqdn.idn_not_supported');
  });

  test.each([
    ['full-width letter in a U-label', 'ｍünchen.de', 'ｍ'],
    ['ideographic full stop', 'münchen。de', '。'],
    ['full-width ASCII only', 'ｓｉｐ.fabrikam.com', 'ｓ'],
    ['soft hyphen (ignored by UTS #46)', 'mün\u00ADchen.de', '\u00AD'],
    ['zero-width space', 'mün\u200Bchen.de', '\u200B'],
  ])('allowIdn still reports %s', (_label, input, char) => {
    const result = checkFqdn(input, { allowIdn: true });
    expect(codes(result)).toEqual(['fqdn.non_ascii']);
    expect(only(result, 'fqdn.non_ascii')?.params?.char).toBe(char);
  });
});

describe('fqdn.label_empty', () => {
  // RFC 1035 §3.1: only the root label is empty; one trailing dot is the root and is removed.
  test.each([
    ['leading dot', '.fabrikam.com'],
    ['double dot', 'sip..fabrikam.com'],
    ['two trailing dots', 'fabrikam.com..'],
    ['only the root', '.'],
    ['only dots', '...'],
  ])('%s', (_label, input) => {
    expect(codes(checkFqdn(input))).toEqual(['fqdn.label_empty']);
  });
});

describe('length', () => {
  // RFC 1035 §2.3.4: 255 octets on the wire = 253 characters; labels ≤ 63 octets.
  test('254 characters → fqdn.too_long', () => {
    const name = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com`;
    expect(name.length).toBe(254);
    const result = checkFqdn(name);
    expect(codes(result)).toEqual(['fqdn.too_long']);
    expect(only(result, 'fqdn.too_long')?.params).toEqual({ max: 253, actual: 254 });
  });

  test('64-character label → fqdn.label_too_long with label, max, actual', () => {
    const label = 'a'.repeat(64);
    const result = checkFqdn(`${label}.fabrikam.com`);
    expect(codes(result)).toEqual(['fqdn.label_too_long']);
    expect(only(result, 'fqdn.label_too_long')?.params).toEqual({ label, max: 63, actual: 64 });
  });

  test('every bad label is reported', () => {
    const result = checkFqdn(`${'a'.repeat(64)}.${'b'.repeat(70)}.com`);
    expect(codes(result)).toEqual(['fqdn.label_too_long', 'fqdn.label_too_long']);
  });
});

describe('label rules', () => {
  // RFC 1123 §2.1; MS-DNS "Do not use … underscores"; MS-CERT (no wildcards for the Edge).
  test.each([
    ['underscore', 'sip_fed.fabrikam.com', 'fqdn.underscore', { label: 'sip_fed' }],
    [
      'SRV owner name',
      '_sipfederationtls._tcp.fabrikam.com',
      'fqdn.underscore',
      { label: '_sipfederationtls' },
    ],
    ['wildcard', '*.fabrikam.com', 'fqdn.wildcard', { label: '*' }],
    ['wildcard inside', 'sip.*.fabrikam.com', 'fqdn.wildcard', { label: '*' }],
    // RULES §1: "*" is never invalid_char; any label holding it is a wildcard (partial ones too).
    ['partial wildcard', 'w*.contoso.com', 'fqdn.wildcard', { label: 'w*' }],
    ['star inside a label', 'a*b.fabrikam.com', 'fqdn.wildcard', { label: 'a*b' }],
    ['star at the end', 'sip.fabrikam.co*', 'fqdn.wildcard', { label: 'co*' }],
    ['double star', '**.fabrikam.com', 'fqdn.wildcard', { label: '**' }],
    ['leading hyphen', '-sip.fabrikam.com', 'fqdn.label_hyphen', { label: '-sip' }],
    ['trailing hyphen', 'sip-.fabrikam.com', 'fqdn.label_hyphen', { label: 'sip-' }],
    ['hyphen TLD', 'sip.fabrikam.com-', 'fqdn.label_hyphen', { label: 'com-' }],
  ])('%s: %s → %s', (_label, input, code, params) => {
    const result = checkFqdn(input);
    expect(errorCodes(result)).toContain(code);
    expect(only(result, code)?.params).toEqual(params);
  });

  test('the SRV owner reports both underscore labels', () => {
    expect(codes(checkFqdn('_sipfederationtls._tcp.fabrikam.com'))).toEqual([
      'fqdn.underscore',
      'fqdn.underscore',
    ]);
  });

  // RFC 5891 §5.4 (A-label must decode to a valid U-label); RFC 5890 §2.3.1 (R-LDH labels).
  test.each([
    ['undecodable', 'xn--a.com'],
    ['overflowing', 'xn--zzzzzzzz.com'],
    ['decodes to ASCII only', 'xn--abc.com'],
    ['encodes an upper-case U-label (mÜnchen)', 'xn--mnchen-psa.de'],
    ['encodes a full-width letter (ｍünchen)', 'xn--nchen-jva84866b.de'],
    ['encodes an ideographic full stop (a。b)', 'xn--ab-r13a.de'],
    // RFC 5891/5892 (IDNA2008): symbols and emoji are DISALLOWED even where UTS #46 maps them through.
    ['encodes an emoji (💩)', 'xn--ls8h.com'],
    ['encodes a symbol (☃)', 'xn--n3h.com'],
    ['encodes a heart (♥)', 'xn--g6h.com'],
    ['starts with a combining mark (U+0301 ab)', 'xn--ab-7tb.com'],
    ['emoji beside letters (ab😀)', 'xn--ab-oo82a.com'],
    // RFC 5891 §4.2.3.1: the U-label's hyphens follow the LDH rules too.
    ['U-label starts with a hyphen (-äb)', 'xn---b-via.com'],
    ['U-label has -- in positions 3-4 (ab--ä)', 'xn--ab---ooa.com'],
  ])('fqdn.invalid_a_label: %s', (_label, input) => {
    const result = checkFqdn(input);
    expect(errorCodes(result)).toEqual(['fqdn.invalid_a_label']);
  });

  // allowIdn: a U-label failing the IDNA2008 check is fqdn.invalid_a_label (params.label: its A-label).
  test.each([
    ['emoji', '💩.la', 'xn--ls8h'],
    ['snowman', 'sip.☃.com', 'xn--n3h'],
    ['emoji beside letters', 'ab💩.com', null],
  ])('allowIdn: U-label %s → fqdn.invalid_a_label', (_label, input, label) => {
    const result = checkFqdn(input, { allowIdn: true });
    expect(errorCodes(result)).toEqual(['fqdn.invalid_a_label']);
    if (label !== null) expect(only(result, 'fqdn.invalid_a_label')?.params).toEqual({ label });
    expect(isFqdn(input, { allowIdn: true })).toBe(false);
  });

  test.each([
    ['German', 'xn--mnchen-3ya.de'],
    ['Japanese with a prolonged sound mark (Lm)', 'xn--eckwd4c7c.jp'],
    ['Hindi with combining marks', 'xn--j2bd4cyah0f.in'],
    ['Thai', 'xn--o3cw4h.th'],
    ['sharp s', 'xn--fa-hia.de'],
    ['Arabic-Indic digits (CONTEXTO)', `${aLabelOf('\u0645\u0664')}.com`],
  ])('IDNA2008-plausible A-label %s stays valid', (_label, input) => {
    expect(errorCodes(checkFqdn(input))).toEqual([]);
    expect(isFqdn(input)).toBe(true);
  });

  test('isPlausibleULabel', () => {
    expect(isPlausibleULabel('münchen')).toBe(true);
    expect(isPlausibleULabel('m\u00fcnchen'.normalize('NFD'))).toBe(false); // not NFC
    expect(isPlausibleULabel('München')).toBe(false); // upper case
    expect(isPlausibleULabel('ﬁ')).toBe(false); // NFKC changes it
    expect(isPlausibleULabel('a\u00b7b')).toBe(true); // CONTEXTO middle dot
    expect(isPlausibleULabel('a\u200db')).toBe(true); // CONTEXTJ
    expect(isPlausibleULabel('\u0301a')).toBe(false);
    expect(isPlausibleULabel('a😀')).toBe(false);
    expect(isPlausibleULabel('')).toBe(false);
  });

  test('valid A-label: fqdn.idn_not_supported warning, or nothing with allowIdn', () => {
    const result = checkFqdn('xn--mnchen-3ya.de');
    expect(result).toMatchObject({ ok: true, value: 'xn--mnchen-3ya.de' });
    expect(codes(result)).toEqual(['fqdn.idn_not_supported']);
    expect(only(result, 'fqdn.idn_not_supported')?.params).toMatchObject({ label: 'xn--mnchen-3ya' });
    expect(checkFqdn('XN--MNCHEN-3YA.DE', { allowIdn: true })).toEqual({
      ok: true,
      value: 'xn--mnchen-3ya.de',
      issues: [],
    });
  });

  test('R-LDH label that is not xn-- → fqdn.reserved_label_form warning', () => {
    const result = checkFqdn('ab--cd.fabrikam.net');
    expect(result.ok).toBe(true);
    expect(codes(result)).toEqual(['fqdn.reserved_label_form']);
    expect(only(result, 'fqdn.reserved_label_form')?.params).toEqual({ label: 'ab--cd' });
  });
});

describe('name rules', () => {
  // Fully qualified: RULES §1. RFC 3696 §2 / RFC 3261 §25.1 toplabel starts with ALPHA.
  test.each([
    ['single label', 'fabrikam', 'fqdn.single_label', { value: 'fabrikam' }],
    ['localhost', 'localhost', 'fqdn.single_label', { value: 'localhost' }],
    ['single label with root dot', 'fabrikam.', 'fqdn.single_label', { value: 'fabrikam' }],
    ['all-digit TLD', 'sip.fabrikam.123', 'fqdn.numeric_tld', { tld: '123' }],
    ['TLD starting with a digit', 'sip.fabrikam.1com', 'fqdn.numeric_tld', { tld: '1com' }],
  ])('%s: %s → %s', (_label, input, code, params) => {
    const result = checkFqdn(input);
    expect(codes(result)).toEqual([code]);
    expect(only(result, code)?.params).toEqual(params);
  });

  // RFC 6761 (test, localhost, invalid, example, example.com/.net/.org), RFC 6762 (local),
  // RFC 7686 (onion), RFC 8375 (home.arpa), RFC 9476 (alt), ICANN 2024 (internal).
  test.each([
    ['mDNS', 'printer.local', 'local'],
    ['localhost TLD', 'a.localhost', 'localhost'],
    ['localdomain', 'sip.localdomain', 'localdomain'],
    ['test', 'sip.fabrikam.test', 'test'],
    ['invalid', 'sip.invalid', 'invalid'],
    ['example TLD', 'sip.example', 'example'],
    ['onion', 'abc.onion', 'onion'],
    ['alt', 'sip.fabrikam.alt', 'alt'],
    ['internal', 'sip.corp.internal', 'internal'],
    ['home.arpa', 'home.arpa', 'home.arpa'],
    ['under home.arpa', 'router.home.arpa', 'home.arpa'],
    ['reverse zone', 'x.in-addr.arpa', 'arpa'],
    ['example.com', 'example.com', 'example.com'],
    ['under example.net', 'foo.example.net', 'example.net'],
    ['example.org upper case', 'SIP.EXAMPLE.ORG', 'example.org'],
  ])('fqdn.reserved_name: %s', (_label, input, suffix) => {
    const result = checkFqdn(input);
    expect(codes(result)).toEqual(['fqdn.reserved_name']);
    expect(only(result, 'fqdn.reserved_name')?.params).toEqual({ value: input.toLowerCase(), suffix });
    expect(checkFqdn(input, { allowReserved: true })).toEqual({
      ok: true,
      value: input.toLowerCase(),
      issues: [],
    });
  });

  test.each([
    ['notexample.com is not reserved', 'notexample.com'],
    ['example.co.uk is not reserved', 'example.co.uk'],
    ['local as a middle label', 'local.fabrikam.com'],
  ])('%s', (_label, input) => {
    expect(codes(checkFqdn(input))).not.toContain('fqdn.reserved_name');
  });

  // Public DNS: only ICANN suffixes (tldts isIcann) count.
  test.each([
    ['corp', 'sip.fabrikam.corp', 'corp'],
    ['lan', 'nas.lan', 'lan'],
    ['made up', 'a.qwertyuiop', 'qwertyuiop'],
  ])('fqdn.unknown_tld: %s', (_label, input, tld) => {
    const result = checkFqdn(input);
    expect(codes(result)).toEqual(['fqdn.unknown_tld']);
    expect(only(result, 'fqdn.unknown_tld')?.params).toEqual({ tld });
    expect(checkFqdn(input, { requireKnownTld: false }).ok).toBe(true);
  });

  test.each([
    ['co.uk', 'co.uk'],
    ['com.au', 'com.au'],
    ['wildcard rule *.kawasaki.jp', 'foo.kawasaki.jp'],
  ])('fqdn.public_suffix: %s', (_label, input) => {
    const result = checkFqdn(input);
    expect(codes(result)).toEqual(['fqdn.public_suffix']);
    expect(checkFqdn(input, { requireKnownTld: false }).ok).toBe(false);
  });

  // Microsoft documentation placeholders: a warning, the result stays ok.
  test.each([
    ['contoso.com', 'contoso.com', 'contoso.com'],
    ['sip.contoso.com', 'sip.contoso.com', 'contoso.com'],
    ['fabrikam', 'sip.fabrikam.com', 'fabrikam.com'],
    ['litwareinc', 'a.b.litwareinc.com', 'litwareinc.com'],
    ['fourthcoffee', 'fourthcoffee.com', 'fourthcoffee.com'],
  ])('fqdn.documentation_domain: %s', (_label, input, domain) => {
    const result = checkFqdn(input);
    expect(result.ok).toBe(true);
    expect(codes(result)).toEqual(['fqdn.documentation_domain']);
    expect(only(result, 'fqdn.documentation_domain')?.params).toEqual({ domain });
  });

  test('contoso.net is no placeholder', () => {
    expect(codes(checkFqdn('contoso.net'))).toEqual([]);
  });
});

describe('order: a structural failure stops later steps', () => {
  test.each([
    ['invalid char before label rules', '_a b.com', ['fqdn.invalid_char']],
    ['non-ASCII before length', `${'ü'.repeat(300)}.com`, ['fqdn.non_ascii']],
    ['empty label before too long', `.${'a'.repeat(260)}`, ['fqdn.label_empty']],
    ['label errors before single_label', 'a_b', ['fqdn.underscore']],
    ['single_label before reserved', 'local', ['fqdn.single_label']],
    ['numeric TLD before unknown TLD', 'a.b.9x', ['fqdn.numeric_tld']],
    ['reserved before unknown TLD', 'a.local', ['fqdn.reserved_name']],
  ])('%s', (_label, input, expected) => {
    expect(codes(checkFqdn(input))).toEqual(expected);
  });
});

describe('options', () => {
  test('defaults are frozen and documented', () => {
    expect(DEFAULT_FQDN_OPTIONS).toEqual({ allowIdn: false, allowReserved: false, requireKnownTld: true });
    expect(Object.isFrozen(DEFAULT_FQDN_OPTIONS)).toBe(true);
  });

  test('a wrong option type is a programmer error', () => {
    expect(() => checkFqdn('a.com', { allowIdn: 'yes' } as unknown as FqdnOptions)).toThrow(TypeError);
    expect(() => checkFqdn('a.com', 'strict' as unknown as FqdnOptions)).toThrow(TypeError);
    expect(() => isFqdn('a.com', 1 as unknown as FqdnOptions)).toThrow(TypeError);
  });

  // RULES §0: null and undefined options both mean "no options".
  test.each([
    ['checkFqdn', (o: null | undefined) => checkFqdn('sip.acme.com', o).ok],
    ['isFqdn', (o: null | undefined) => isFqdn('sip.acme.com', o)],
    ['diagnoseFqdn', (o: null | undefined) => diagnoseFqdn('sip.acme.com', o).result.ok],
  ])('%s accepts null and undefined options', (_name, run) => {
    expect(run(null)).toBe(true);
    expect(run(undefined)).toBe(true);
    expect(checkFqdn('a.local', null).ok).toBe(false);
  });
});

describe('helpers', () => {
  test.each([
    ['sip.fabrikam.com', 'fabrikam.com'],
    ['sip.fabrikam.co.uk', 'fabrikam.co.uk'],
    ['foo.github.io', 'github.io'],
    ['co.uk', null],
  ])('registrableDomain(%s) = %s', (name, domain) => {
    expect(registrableDomain(name)).toBe(domain);
  });

  // RFC 3492 §7.1 sample strings.
  test.each([
    ['mnchen-3ya', 'münchen'],
    ['ihqwcrb4cv8a8dqg056pqjye', '他们为什么不说中文'],
    ['b1abfaaepdrnnbgefbadotcwatmq2g4l', 'почемужеонинеговорятпорусски'],
    ['-> $1.00 <--', '-> $1.00 <-'],
  ])('punycodeDecode(%s)', (encoded, decoded) => {
    expect(punycodeDecode(encoded)).toBe(decoded);
  });

  test.each(['zzzzzzzz', '99999999999', 'a!b'])('punycodeDecode refuses %s', (encoded) => {
    expect(punycodeDecode(encoded)).toBeNull();
  });

  test('isValidALabel', () => {
    expect(isValidALabel('xn--mnchen-3ya')).toBe(true);
    expect(isValidALabel('xn--a')).toBe(false);
  });
});

// Hostname-ish strings: labels from a small alphabet so that valid names come up often, with the
// troublemakers (upper case, "_", "*", "xn--", non-ASCII look-alikes, dots, whitespace, IPs, URLs).
const ldhChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789abcdeinorst-'.split(''));
const oddChar = fc.constantFrom('A', 'Z', '_', '*', 'ü', 'ß', 'ｃ', '。', '\u200B', ' ', '-', 'a', '0');
const label = fc.oneof(
  { weight: 12, arbitrary: fc.string({ unit: ldhChar, minLength: 1, maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.oneof(ldhChar, oddChar), minLength: 1, maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('xn--mnchen-3ya', 'xn--a', 'xn--zca', 'ab--cd', '*', '', 'a'.repeat(64)),
  },
);
const tld = fc.constantFrom(
  'com',
  'com',
  'com',
  'net',
  'org',
  'co.uk',
  'net',
  'de',
  'io',
  'github.io',
  'local',
  'test',
  'corp',
  'arpa',
  'in-addr.arpa',
  'example.com',
  '123',
  '1com',
  'com.',
  'COM',
  'ελ',
  'xn--qxam',
);
const hostish = fc
  .tuple(
    fc.oneof({ weight: 6, arbitrary: fc.constant('') }, fc.constantFrom(' ', 'https://', 'sip:', 'user@')),
    fc.array(label, { minLength: 0, maxLength: 4 }),
    tld,
    fc.oneof({ weight: 6, arbitrary: fc.constant('') }, fc.constantFrom('.', '..', ':5061', '/x', ' ')),
  )
  .map(([pre, labels, top, post]) => `${pre}${[...labels, top].join('.')}${post}`);
const ipish = fc.oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.ipV6().map((ip) => `[${ip}]`),
  fc.ipV4Extended(),
);
const anyInput = fc.oneof(
  { weight: 6, arbitrary: hostish },
  { weight: 2, arbitrary: fc.domain() },
  { weight: 1, arbitrary: ipish },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.anything() },
);
const optionsArb = fc.record(
  { allowIdn: fc.boolean(), allowReserved: fc.boolean(), requireKnownTld: fc.boolean() },
  { requiredKeys: [] },
);

describe('properties', () => {
  test('the generator produces valid names often enough to be meaningful', () => {
    const sample = fc.sample(hostish, { numRuns: 2000, seed: 42 });
    const valid = sample.filter((x) => checkFqdn(x).ok).length;
    expect(valid).toBeGreaterThan(100);
    expect(valid).toBeLessThan(1900);
  });

  test('never throws, and always returns a well-formed result', () => {
    fc.assert(
      fc.property(anyInput, optionsArb, (input, options) => {
        const result = checkFqdn(input, options);
        expect(result.ok).toBe(!result.issues.some((issue) => issue.severity === 'error'));
        for (const issue of result.issues) expect(issue.path).toEqual([]);
        if (result.ok) expect(result.value).toMatch(/^[a-z0-9.-]+$/);
      }),
      { numRuns: 3000 },
    );
  });

  test('never throws on huge and unicode strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ minLength: 1000, maxLength: 3000 }), fc.string({ unit: 'binary' })),
        (input) => {
          expect(() => checkFqdn(input)).not.toThrow();
          expect(() => isFqdn(input, { allowIdn: true })).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });

  test('isFqdn === checkFqdn().ok for every option combination', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        for (const options of OPTION_SETS) expect(isFqdn(input, options)).toBe(checkFqdn(input, options).ok);
        expect(isFqdn(input)).toBe(checkFqdn(input).ok);
      }),
      { numRuns: 3000 },
    );
  });

  test('the fast path gives exactly the result of the diagnostic path (issues included)', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        for (const options of OPTION_SETS)
          expect(checkFqdn(input, options)).toEqual(diagnoseFqdn(input, options).result);
      }),
      { numRuns: 2000 },
    );
  });

  test('normalising a normalised value gives the same value without input.trimmed', () => {
    fc.assert(
      fc.property(anyInput, optionsArb, (input, options) => {
        const first = checkFqdn(input, options);
        if (!first.ok) return;
        const second = checkFqdn(first.value, options);
        expect(second).toMatchObject({ ok: true, value: first.value });
        expect(codes(second)).not.toContain('input.trimmed');
        expect(codes(second)).toEqual(codes(first).filter((code) => code !== 'input.trimmed'));
      }),
      { numRuns: 2000 },
    );
  });

  test('fqdnSchema agrees with checkFqdn (value and error codes)', () => {
    const idnSchema = makeFqdnSchema({ allowIdn: true });
    fc.assert(
      fc.property(anyInput, (input) => {
        for (const [schema, options] of [
          [fqdnSchema, undefined],
          [idnSchema, { allowIdn: true }],
        ] as const) {
          const result = checkFqdn(input, options);
          const parsed = schema.safeParse(input);
          expect(parsed.success).toBe(result.ok);
          if (result.ok) expect(parsed.data).toBe(result.value);
          else {
            const zodCodes = parsed.error?.issues.map(
              (issue) => (issue as { params?: { code?: string } }).params?.code,
            );
            expect(zodCodes).toEqual(errorCodes(result));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isFqdn is a type guard (INTERFACE: input is string)', () => {
  test('a value it accepts narrows to string', () => {
    const value: unknown = 'sip.fabrikam.com';
    if (!isFqdn(value)) throw new Error('expected a valid name');
    // Compiles only because isFqdn narrows `unknown` to `string`.
    const name: string = value;
    expect(name.toUpperCase()).toBe('SIP.FABRIKAM.COM');
  });
});
