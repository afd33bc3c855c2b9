import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { codes, expectCodes } from '../../../test/helpers/issues.js';
import { checkFqdn } from '../fqdn/fqdn.js';
import type { Issue, Result } from '../result.js';
import {
  createDecorator,
  DEFAULT_DECORATION,
  type DecorationOptions,
  decorateAddress,
  isDecoratedAddress,
  parseExcludedDomainList,
  undecorateAddress,
} from './name-decoration.js';

const find = (result: Result<unknown>, code: string): Issue | undefined =>
  result.issues.find((issue) => issue.code === code);

describe('documented behaviour (MS-PIC, MS-DEPLOY, MS-FAQ)', () => {
  test('ted@contoso.com → ted(contoso.com)@msn.com', () => {
    const result = decorateAddress('ted@contoso.com');
    expect(result).toMatchObject({ ok: true, value: 'ted(contoso.com)@msn.com' });
    expect(result.issues).toEqual([]);
  });

  test('defaults: routing domain msn.com, excluded msn.com,outlook.com,live.com,hotmail.com; frozen', () => {
    expect(DEFAULT_DECORATION).toEqual({
      routingDomain: 'msn.com',
      excludedDomains: ['msn.com', 'outlook.com', 'live.com', 'hotmail.com'],
    });
    expect(Object.isFrozen(DEFAULT_DECORATION)).toBe(true);
    expect(Object.isFrozen(DEFAULT_DECORATION.excludedDomains)).toBe(true);
  });

  test.each([
    ['msn.com', 'bob@msn.com'],
    ['outlook.com', 'bob@outlook.com'],
    ['live.com', 'bob@live.com'],
    ['hotmail.com', 'bob@hotmail.com'],
  ])('default excluded domain %s stays as it is', (domain, address) => {
    const result = decorateAddress(address);
    expect(result).toMatchObject({ ok: true, value: address });
    expect(find(result, 'decoration.excluded_domain')?.params).toEqual({ domain });
  });
});

describe('step 1: trim and sip: prefix (our choice; RULES §0, §4.1)', () => {
  test.each([
    ['leading/trailing spaces', '  ted@contoso.com\t', 'ted(contoso.com)@msn.com', ['input.trimmed']],
    ['sip: prefix', 'sip:ted@contoso.com', 'ted(contoso.com)@msn.com', ['address.sip_prefix_removed']],
    ['SIP: in capitals', 'SIP:ted@contoso.com', 'ted(contoso.com)@msn.com', ['address.sip_prefix_removed']],
    ['Sip: mixed case', 'Sip:ted@contoso.com', 'ted(contoso.com)@msn.com', ['address.sip_prefix_removed']],
    [
      'both',
      ' sip:ted@contoso.com ',
      'ted(contoso.com)@msn.com',
      ['input.trimmed', 'address.sip_prefix_removed'],
    ],
  ])('%s', (_label, input, value, expected) => {
    const result = decorateAddress(input);
    expect(result).toMatchObject({ ok: true, value });
    expectCodes(result, expected);
  });

  test('sip_prefix_removed is an info, trimmed a warning', () => {
    const result = decorateAddress(' sip:ted@contoso.com');
    expect(find(result, 'address.sip_prefix_removed')?.severity).toBe('info');
    expect(find(result, 'input.trimmed')?.severity).toBe('warning');
  });
});

describe('input rules (RULES §0)', () => {
  test.each([
    ['number', 42, 'input.not_string'],
    ['null', null, 'input.not_string'],
    ['undefined', undefined, 'input.not_string'],
    ['object', { address: 'ted@contoso.com' }, 'input.not_string'],
    ['empty', '', 'input.empty'],
    ['spaces only', '   ', 'input.empty'],
    ['over 1,024 characters', `${'a'.repeat(1020)}@contoso.com`, 'input.too_long'],
  ])('%s → %s', (_label, input, code) => {
    const result = decorateAddress(input);
    expect(result.ok).toBe(false);
    expectCodes(result, [code]);
  });
});

describe('step 2: exactly one @, non-empty parts (our choice; address.invalid with params.reason)', () => {
  test.each([
    ['no @', 'ted.contoso.com', 'missing_at'],
    ['sip: only', 'sip:', 'missing_at'],
    ['two @', 'ted@contoso.com@msn.com', 'multiple_at'],
    ['decorated form with @ inside', 'ted(a@contoso.com)@msn.com', 'multiple_at'],
    ['empty local part', '@contoso.com', 'empty_local_part'],
    ['empty domain', 'ted@', 'empty_domain'],
    ['space after @', 'ted@ contoso.com', 'domain_whitespace'],
    ['no-break space after @', 'ted@\u00a0contoso.com', 'domain_whitespace'],
  ])('%s', (_label, input, reason) => {
    const result = decorateAddress(input);
    expect(result.ok).toBe(false);
    const errors = result.issues.filter((issue) => issue.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'address.invalid', path: [], params: { reason } });
  });
});

describe('step 3: the domain passes the FQDN rules, errors at path ["domain"] (RULES §1, §4.3)', () => {
  test.each([
    ['single label', 'ted@contoso', 'fqdn.single_label'],
    ['IP address', 'ted@192.0.2.1', 'fqdn.ip_address'],
    ['unknown TLD', 'ted@contoso.corp', 'fqdn.unknown_tld'],
    ['reserved name', 'ted@host.example', 'fqdn.reserved_name'],
    ['underscore', 'ted@con_toso.com', 'fqdn.underscore'],
    ['two trailing dots', 'ted@contoso.com..', 'fqdn.label_empty'],
  ])('%s → %s', (_label, input, code) => {
    const result = decorateAddress(input);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.path])).toContainEqual([code, ['domain']]);
  });

  test('FQDN warnings (documentation domain) are not repeated', () => {
    // contoso.com is a Microsoft documentation domain: checkFqdn warns, decorateAddress does not.
    expect(decorateAddress('ted@contoso.com').issues).toEqual([]);
  });

  test.each([
    ['upper-case domain', 'ted@CONTOSO.com', 'ted(contoso.com)@msn.com'],
    ['one trailing dot', 'ted@contoso.com.', 'ted(contoso.com)@msn.com'],
  ])('%s is normalised', (_label, input, value) => {
    expect(decorateAddress(input)).toMatchObject({ ok: true, value });
  });

  test('local-part and domain errors are reported together', () => {
    expectCodes(decorateAddress('t d@contoso'), ['fqdn.single_label', 'address.invalid_local_part']);
  });
});

describe('step 4: RFC 3261 §25.1 user characters (our choice of grammar)', () => {
  test.each([
    ['letters, digits and marks', "Ab9-_.!~*'", "Ab9-_.!~*'(fabrikam.com)@msn.com"],
    ['user-unreserved', '&=+$,;?/', '&=+$,;?/(fabrikam.com)@msn.com'],
    ['%HH escapes', 'a%20b%7Ec', 'a%20b%7Ec(fabrikam.com)@msn.com'],
    ['case kept', 'Ted.Smith', 'Ted.Smith(fabrikam.com)@msn.com'],
  ])('accepted: %s', (_label, local, value) => {
    expect(decorateAddress(`${local}@fabrikam.com`)).toMatchObject({ ok: true, value });
  });

  test.each([
    ['space', 'ted smith', ' '],
    ['double quote', '"ted"', '"'],
    ['hash', 'ted#1', '#'],
    ['angle bracket', 'ted<x', '<'],
    ['non-ASCII', 'tëd', 'ë'],
    ['astral character', 'ted😀', '😀'],
    ['NUL', 'te\u0000d', '\u0000'],
    ['colon', 'ted:x', ':'],
    ['bad escape', 'ted%2G', '%'],
    ['truncated escape', 'ted%2', '%'],
    ['parenthesis outside the decorated form', 'ted(x', '('],
    ['closing parenthesis', 'ted)', ')'],
    ['decorated form on another domain', 'ted(contoso.com)', '('],
    ['decorated form with invalid inner domain', 'ted(contoso)', '('],
  ])('refused: %s', (_label, local, char) => {
    const domain = _label === 'decorated form with invalid inner domain' ? 'msn.com' : 'fabrikam.com';
    const result = decorateAddress(`${local}@${domain}`);
    expect(result.ok).toBe(false);
    expect(find(result, 'address.invalid_local_part')).toMatchObject({ path: [], params: { char } });
  });

  test('over 64 characters → local_part_too_long warning, still decorated', () => {
    const local = 'a'.repeat(65);
    const result = decorateAddress(`${local}@fabrikam.com`);
    expect(result).toMatchObject({ ok: true, value: `${local}(fabrikam.com)@msn.com` });
    expect(find(result, 'address.local_part_too_long')).toMatchObject({
      severity: 'warning',
      params: { max: 64, actual: 65 },
    });
    expectCodes(decorateAddress(`${'a'.repeat(64)}@fabrikam.com`), []);
  });
});

describe('step 5: excluded domains — exact, case-insensitive, subdomains not excluded (our choice)', () => {
  test.each([
    ['upper case', 'Bob@HOTMAIL.COM', true, 'Bob@hotmail.com'],
    ['trailing dot', 'bob@live.com.', true, 'bob@live.com'],
    ['subdomain', 'bob@eu.outlook.com', false, 'bob(eu.outlook.com)@msn.com'],
    ['look-alike', 'bob@notlive.com', false, 'bob(notlive.com)@msn.com'],
  ])('%s', (_label, input, excluded, value) => {
    const result = decorateAddress(input);
    expect(result).toMatchObject({ ok: true, value });
    expect(codes(result).includes('decoration.excluded_domain')).toBe(excluded);
  });
});

describe('step 6: already decorated → unchanged, idempotent (our choice)', () => {
  // RULES §4 step 5 before step 6: the routing domain excluded (the default) and the address decorated —
  // both facts are reported, excluded_domain first; the value is unchanged.
  test.each([
    ['default options', undefined, 'ted(contoso.com)@msn.com', 'ted(contoso.com)@msn.com'],
    ['null options', null, 'ted(contoso.com)@msn.com', 'ted(contoso.com)@msn.com'],
    ['domains lower-cased', undefined, 'Ted(Contoso.COM.)@MSN.com', 'Ted(contoso.com)@msn.com'],
    [
      'custom routing domain, excluded',
      { routingDomain: 'skype.fabrikam.com', excludedDomains: 'skype.fabrikam.com' },
      'a(b.de)@skype.fabrikam.com',
      'a(b.de)@skype.fabrikam.com',
    ],
  ])('routing domain excluded: %s', (_label, options: DecorationOptions | null | undefined, input, value) => {
    const result = decorateAddress(input, options);
    expect(result).toMatchObject({ ok: true, value });
    expectCodes(result, ['decoration.excluded_domain', 'decoration.already_decorated']);
    expect(find(result, 'decoration.excluded_domain')?.params).toEqual({
      domain: value.slice(value.indexOf('@') + 1),
    });
  });

  test.each([
    [
      'routing domain not excluded',
      { excludedDomains: [] },
      'ted(contoso.com)@msn.com',
      'ted(contoso.com)@msn.com',
    ],
    [
      'empty string option: no excluded domain',
      { excludedDomains: '' },
      'ted(contoso.com)@msn.com',
      'ted(contoso.com)@msn.com',
    ],
    [
      'custom routing domain',
      { routingDomain: 'skype.fabrikam.com' },
      'a(b.de)@skype.fabrikam.com',
      'a(b.de)@skype.fabrikam.com',
    ],
  ])('routing domain not excluded: %s', (_label, options: DecorationOptions | undefined, input, value) => {
    const result = decorateAddress(input, options);
    expect(result).toMatchObject({ ok: true, value });
    expectCodes(result, ['decoration.already_decorated']);
  });
});

describe('step 8: consumer-domain national variants are decorated with a warning (our choice)', () => {
  test.each([
    ['hotmail.co.uk', true],
    ['live.fr', true],
    ['outlook.de', true],
    ['msn.co.jp', true],
    ['windowslive.com', true],
    ['passport.net', true],
    ['outlook.office365.com', false],
    ['mail.hotmail.co.uk', false],
    ['hotmailer.com', false],
  ])('%s → variant %s', (domain, variant) => {
    const result = decorateAddress(`bob@${domain}`);
    expect(result).toMatchObject({ ok: true, value: `bob(${domain})@msn.com` });
    expect(find(result, 'decoration.consumer_domain_variant')?.params).toEqual(
      variant ? { domain } : undefined,
    );
  });

  test('a variant in the excluded list is excluded, not warned', () => {
    const result = decorateAddress('bob@live.fr', {
      excludedDomains: [...DEFAULT_DECORATION.excludedDomains, 'live.fr'],
    });
    expect(result).toMatchObject({ ok: true, value: 'bob@live.fr' });
    expectCodes(result, ['decoration.excluded_domain']);
  });
});

describe('step 9: options (our choice: array or the PowerShell string)', () => {
  test.each([
    ['single label', 'msn'],
    ['IP address', '10.0.0.1'],
    ['empty', ''],
    ['URL', 'https://msn.com'],
  ])('invalid routing domain (%s) → decoration.invalid_routing_domain', (_label, routingDomain) => {
    const result = decorateAddress('ted@fabrikam.com', { routingDomain });
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({
      code: 'decoration.invalid_routing_domain',
      severity: 'error',
      path: ['routingDomain'],
      params: { value: routingDomain },
    });
  });

  test('routing domain is normalised', () => {
    expect(decorateAddress('ted@fabrikam.com', { routingDomain: 'Skype.Fabrikam.com.' }).ok && true).toBe(
      true,
    );
    expect(decorateAddress('ted@fabrikam.com', { routingDomain: 'Skype.Fabrikam.com.' })).toMatchObject({
      value: 'ted(fabrikam.com)@skype.fabrikam.com',
    });
  });

  test.each([
    ['string', 'fabrikam.com, live.fr'],
    ['array', ['fabrikam.com', 'LIVE.FR.']],
  ])('excludedDomains as %s', (_label, excludedDomains) => {
    expect(decorateAddress('bob@live.fr', { excludedDomains })).toMatchObject({
      ok: true,
      value: 'bob@live.fr',
    });
    // the option replaces the default list
    expect(decorateAddress('bob@hotmail.com', { excludedDomains })).toMatchObject({
      ok: true,
      value: 'bob(hotmail.com)@msn.com',
    });
  });

  test.each([
    [
      'string, invalid item',
      'msn.com,bad_domain.com',
      ['excludedDomains', 1],
      'decoration.invalid_excluded_domain',
    ],
    ['string, empty item', 'msn.com,,live.com', ['excludedDomains', 1], 'decoration.list_empty_item'],
    [
      'array, invalid item',
      ['msn.com', 'localhost'],
      ['excludedDomains', 1],
      'decoration.invalid_excluded_domain',
    ],
    ['array, empty item', ['', 'msn.com'], ['excludedDomains', 0], 'decoration.list_empty_item'],
    ['array, non-string item', ['msn.com', 5], ['excludedDomains', 1], 'input.not_string'],
    ['neither string nor array', 5, ['excludedDomains'], 'input.not_string'],
  ])('excluded list error (%s) fails every address, path %j', (_label, excludedDomains, path, code) => {
    const result = decorateAddress('ted@fabrikam.com', { excludedDomains } as unknown as DecorationOptions);
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.path])).toContainEqual([code, path]);
  });

  test('option warnings do not ride on every address', () => {
    expect(decorateAddress('ted@fabrikam.com', { excludedDomains: ' msn.com,msn.com' }).issues).toEqual([]);
  });

  test('options changed after first use are re-read (cache by identity checks the fields)', () => {
    const list = ['fabrikam.com'];
    const options: DecorationOptions = { excludedDomains: list };
    expect(decorateAddress('bob@fabrikam.com', options)).toMatchObject({ value: 'bob@fabrikam.com' });
    list[0] = 'northwind.net';
    expect(decorateAddress('bob@fabrikam.com', options)).toMatchObject({
      value: 'bob(fabrikam.com)@msn.com',
    });
    options.routingDomain = 'skype.northwind.net';
    expect(decorateAddress('bob@fabrikam.com', options)).toMatchObject({
      value: 'bob(fabrikam.com)@skype.northwind.net',
    });
    options.excludedDomains = 'fabrikam.com';
    expect(decorateAddress('bob@fabrikam.com', options)).toMatchObject({ value: 'bob@fabrikam.com' });
  });

  test('options that are not an object are a programmer error', () => {
    expect(() => decorateAddress('ted@fabrikam.com', 5 as unknown as DecorationOptions)).toThrow(TypeError);
    expect(() => undecorateAddress('a(b.de)@msn.com', 'x' as unknown as DecorationOptions)).toThrow(
      TypeError,
    );
    expect(() => createDecorator(true as unknown as DecorationOptions)).toThrow(TypeError);
  });

  // RULES §0: null and undefined options both mean the defaults.
  test.each([
    ['decorateAddress', () => decorateAddress('ted@fabrikam.com', null).ok],
    ['undecorateAddress', () => undecorateAddress('ted(fabrikam.com)@msn.com', null).ok],
    ['isDecoratedAddress', () => isDecoratedAddress('ted(fabrikam.com)@msn.com', null)],
    ['createDecorator', () => createDecorator(null).decorate('ted@fabrikam.com').ok],
  ])('%s accepts null options', (_name, run) => {
    expect(run()).toBe(true);
    expect(createDecorator(null).excludedDomains).toEqual(DEFAULT_DECORATION.excludedDomains);
  });

  // Our choice (README): the option '' means "no excluded domain", unlike parseExcludedDomainList('').
  test("excludedDomains '' is the empty list", () => {
    const result = decorateAddress('bob@hotmail.com', { excludedDomains: '' });
    expect(result).toMatchObject({ ok: true, value: 'bob(hotmail.com)@msn.com' });
    expect(codes(result)).not.toContain('decoration.excluded_domain');
    expect(createDecorator({ excludedDomains: '' }).excludedDomains).toEqual([]);
    expect(parseExcludedDomainList('').ok).toBe(false);
  });
});

describe('step 10: undecorateAddress (MS-PIC example reversed)', () => {
  test.each([
    ['documented example', 'ted(contoso.com)@msn.com', undefined, 'ted@contoso.com'],
    ['sip: and case', 'sip:Ted(CONTOSO.com)@MSN.COM', undefined, 'Ted@contoso.com'],
    [
      'custom routing domain',
      'a(b.de)@skype.fabrikam.com',
      { routingDomain: 'skype.fabrikam.com' },
      'a@b.de',
    ],
  ])('%s', (_label, input, options: DecorationOptions | undefined, value) => {
    expect(undecorateAddress(input, options)).toMatchObject({ ok: true, value });
    expect(isDecoratedAddress(input, options)).toBe(true);
  });

  test.each([
    ['plain address', 'ted@contoso.com', 'decoration.not_decorated'],
    ['decorated form on another routing domain', 'ted(contoso.com)@fabrikam.com', 'decoration.not_decorated'],
    ['inner domain invalid', 'ted(contoso)@msn.com', 'decoration.not_decorated'],
    ['empty user', '(contoso.com)@msn.com', 'decoration.not_decorated'],
    ['invalid user character', 't d(contoso.com)@msn.com', 'address.invalid_local_part'],
    ['no @', 'ted', 'address.invalid'],
    ['not a string', 7, 'input.not_string'],
  ])('%s → %s', (_label, input, code) => {
    const result = undecorateAddress(input);
    expect(result.ok).toBe(false);
    expect(codes(result)).toContain(code);
    expect(isDecoratedAddress(input)).toBe(false);
  });
});

describe('createDecorator (options parsed once)', () => {
  test('binds the options and exposes their warnings', () => {
    const decorator = createDecorator({
      routingDomain: 'MSN.com',
      excludedDomains: 'msn.com, live.fr,live.fr',
    });
    expect(decorator.routingDomain).toBe('msn.com');
    expect(decorator.excludedDomains).toEqual(['msn.com', 'live.fr']);
    expect(decorator.warnings.map((issue) => issue.code)).toEqual([
      'decoration.list_whitespace',
      'decoration.list_duplicate',
    ]);
    expect(decorator.decorate('bob@live.fr')).toMatchObject({ value: 'bob@live.fr' });
    expect(decorator.undecorate('ted(contoso.com)@msn.com')).toMatchObject({ value: 'ted@contoso.com' });
    expect(decorator.isDecorated('ted(contoso.com)@msn.com')).toBe(true);
  });

  test('throws a PreflightError carrying the issues for invalid options', () => {
    expect(() => createDecorator({ routingDomain: 'msn' })).toThrowError(
      expect.objectContaining({
        name: 'PreflightError',
        issues: [expect.objectContaining({ code: 'decoration.invalid_routing_domain' })],
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const USER_CHARS = "abcXYZ0189-_.!~*'&=+$,;?/".split('');
const userPart = fc
  .array(fc.oneof(fc.constantFrom(...USER_CHARS), fc.constantFrom('%20', '%7e', '%C3%A9')), {
    minLength: 1,
    maxLength: 70,
  })
  .map((parts) => parts.join(''));
const PLAIN_DOMAINS = [
  'fabrikam.com',
  'Northwind.NET',
  'sub.domain.co.uk',
  'hotmail.co.uk',
  'live.fr',
  'a-b.io',
  'eu.outlook.com',
  'skype.fabrikam.com',
];
const EXCLUDED = ['msn.com', 'Outlook.com', 'LIVE.COM', 'hotmail.com'];
const label = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
const domain = fc.oneof(
  fc.constantFrom(...PLAIN_DOMAINS),
  fc.tuple(label, fc.constantFrom('com', 'net', 'de', 'co.uk')).map(([l, tld]) => `${l}.${tld}`),
);
const withDot = (d: fc.Arbitrary<string>) =>
  fc.tuple(d, fc.boolean()).map(([name, dot]) => (dot ? `${name}.` : name));
const decoration = fc.constantFrom<DecorationOptions | undefined>(
  undefined,
  { excludedDomains: [] },
  { routingDomain: 'skype.fabrikam.com' },
  { excludedDomains: 'msn.com,live.fr' },
);
/** Address-like strings: pieces of real addresses, hostile characters and noise. */
const addressLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'sip:',
        'SIP:',
        ' ',
        '@',
        '(',
        ')',
        '.',
        '%',
        '%4',
        'msn.com',
        'contoso.com',
        'live.fr',
        '..',
      ),
      userPart,
      domain,
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const normalise = (local: string, d: string) => `${local}@${d.toLowerCase().replace(/\.$/, '')}`;

describe('properties', () => {
  test('never throws, on any input and options', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), addressLike), decoration, (input, options) => {
        decorateAddress(input, options);
        undecorateAddress(input, options);
        isDecoratedAddress(input, options);
        if (typeof input === 'string') parseExcludedDomainList(input);
      }),
      { numRuns: 2000 },
    );
  });

  test('ok exactly when no issue is an error', () => {
    fc.assert(
      fc.property(addressLike, decoration, (input, options) => {
        for (const result of [decorateAddress(input, options), undecorateAddress(input, options)]) {
          expect(result.ok).toBe(!result.issues.some((issue) => issue.severity === 'error'));
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('decorate(decorate(a)) === decorate(a)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          addressLike,
          fc
            .tuple(userPart, withDot(fc.oneof(domain, fc.constantFrom(...EXCLUDED))))
            .map(([u, d]) => `${u}@${d}`),
        ),
        decoration,
        (input, options) => {
          const once = decorateAddress(input, options);
          if (!once.ok) return;
          const twice = decorateAddress(once.value, options);
          expect(twice).toMatchObject({ ok: true, value: once.value });
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('undecorate(decorate(a)) === a (normalised) for accepted, non-excluded a', () => {
    fc.assert(
      fc.property(
        userPart,
        withDot(domain),
        fc.constantFrom('', 'sip:', ' ', ' SIP:'),
        decoration,
        (local, d, prefix, options) => {
          const decorated = decorateAddress(`${prefix}${local}@${d}`, options);
          expect(decorated.ok).toBe(true);
          if (!decorated.ok || decorated.issues.some((issue) => issue.code === 'decoration.excluded_domain'))
            return;
          expect(isDecoratedAddress(decorated.value, options)).toBe(true);
          expect(undecorateAddress(decorated.value, options)).toMatchObject({
            ok: true,
            value: normalise(local, d),
          });
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('excluded addresses come back unchanged but for the domain case (and trailing dot)', () => {
    fc.assert(
      fc.property(userPart, withDot(fc.constantFrom(...EXCLUDED)), (local, d) => {
        const result = decorateAddress(`${local}@${d}`);
        expect(result).toMatchObject({ ok: true, value: normalise(local, d) });
        expect(codes(result)).toContain('decoration.excluded_domain');
        expect(isDecoratedAddress(result.ok ? result.value : '')).toBe(false);
      }),
    );
  });

  test('isDecoratedAddress(x) === undecorateAddress(x).ok', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          addressLike,
          fc.tuple(userPart, domain).map(([u, d]) => `${u}(${d})@msn.com`),
          fc.tuple(userPart, domain).map(([u, d]) => `${u}(${d})@skype.fabrikam.com`),
        ),
        decoration,
        (input, options) => {
          expect(isDecoratedAddress(input, options)).toBe(undecorateAddress(input, options).ok);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('the domain fast path agrees with checkFqdn (accepted exactly when checkFqdn is ok, same value)', () => {
    const noisyDomain = fc.oneof(
      withDot(domain),
      fc.string({ maxLength: 12 }),
      fc
        .array(
          fc.constantFrom('a', 'Z', '0', '-', '.', '_', '*', 'xn--', 'com', 'co.uk', 'local', 'ü', ' '),
          {
            minLength: 1,
            maxLength: 8,
          },
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(noisyDomain, (d) => {
        const checked = checkFqdn(d);
        const result = decorateAddress(`ted@${d}`, { excludedDomains: [] });
        const domainErrors = result.issues.filter((issue) => issue.path[0] === 'domain');
        const addressError = result.issues.some((issue) => issue.code === 'address.invalid');
        if (addressError) return; // '@' inside d, empty d, or whitespace around d
        expect(domainErrors.length === 0).toBe(checked.ok);
        if (checked.ok) expect(result).toMatchObject({ ok: true, value: `ted(${checked.value})@msn.com` });
        else
          expect(domainErrors.map((issue) => issue.code)).toEqual(
            checked.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.code),
          );
      }),
      { numRuns: 3000 },
    );
  });

  test('createDecorator agrees with decorateAddress', () => {
    const options = { excludedDomains: 'msn.com,live.fr' };
    const decorator = createDecorator(options);
    fc.assert(
      fc.property(addressLike, (input) => {
        expect(decorator.decorate(input)).toEqual(decorateAddress(input, options));
        expect(decorator.undecorate(input)).toEqual(undecorateAddress(input, options));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('RULES §4.9: a routing domain that is not a string', () => {
  test.each([[42], [null], [{}], [['msn.com']]])(
    'routingDomain %j → decoration.invalid_routing_domain',
    (value) => {
      const result = decorateAddress('ted@adventure-works.com', {
        routingDomain: value as unknown as string,
      });
      expect(result.ok).toBe(false);
      expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
        ['decoration.invalid_routing_domain', ['routingDomain']],
      ]);
    },
  );
});
