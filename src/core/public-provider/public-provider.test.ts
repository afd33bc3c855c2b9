import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Result } from '../result.js';
import {
  checkPublicProviderSettings,
  hasUnsafeChar,
  type PublicProviderSettings,
  quotePowerShell,
  renderPublicProviderCommand,
} from './public-provider.js';

const pairs = (result: Result<unknown>) => result.issues.map((issue) => [issue.code, issue.path]);
const ICON = 'https://images.edge.messenger.live.com/Messenger_16x16.png';

// ---------------------------------------------------------------------------------------------
// A tokenizer of the rendered New-CsPublicProvider line, following PowerShell's rules for
// single-quoted strings: any of ' U+2018 U+2019 U+201A U+201B opens and closes the string; two in a
// row stand for the second one; nothing else is special inside. Outside quotes we only accept
// `-Name`, `$true`, `$false` and digits, each followed by one space or the end of the line.
const QUOTES = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);

type Token = { kind: 'parameter'; name: string } | { kind: 'value'; value: string | number | boolean };

function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const expectSeparator = () => {
    if (i < line.length && line[i] !== ' ') throw new Error(`no separator at ${i}: ${line.slice(i, i + 20)}`);
    i++;
  };
  while (i < line.length) {
    const char = line[i]!;
    if (QUOTES.has(char)) {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) throw new Error('unterminated string');
        const c = line[i]!;
        if (QUOTES.has(c)) {
          if (i + 1 < line.length && QUOTES.has(line[i + 1]!)) {
            value += line[i + 1];
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += c;
        i++;
      }
      tokens.push({ kind: 'value', value });
    } else if (char === '-') {
      const end = line.indexOf(' ', i);
      tokens.push({ kind: 'parameter', name: line.slice(i + 1, end < 0 ? line.length : end) });
      i = end < 0 ? line.length : end;
    } else if (line.startsWith('$true', i) || line.startsWith('$false', i)) {
      const value = line.startsWith('$true', i);
      tokens.push({ kind: 'value', value });
      i += value ? 5 : 6;
    } else if (char >= '0' && char <= '9') {
      tokens.push({ kind: 'value', value: Number(char) });
      i++;
    } else throw new Error(`unexpected ${JSON.stringify(char)} at ${i}`);
    expectSeparator();
  }
  return tokens;
}

/** Decodes `New-CsPublicProvider -A 'x' -B $true …` into { A: 'x', B: true }, refusing anything else. */
function decodeCommand(line: string): Record<string, string | number | boolean> {
  const prefix = 'New-CsPublicProvider ';
  if (!line.startsWith(prefix)) throw new Error('not a New-CsPublicProvider line');
  const tokens = tokenize(line.slice(prefix.length));
  const args: Record<string, string | number | boolean> = {};
  for (let t = 0; t < tokens.length; t += 2) {
    const parameter = tokens[t];
    const value = tokens[t + 1];
    if (parameter?.kind !== 'parameter' || value?.kind !== 'value')
      throw new Error('parameter without value');
    if (parameter.name in args) throw new Error(`-${parameter.name} twice`);
    args[parameter.name] = value.value;
  }
  return args;
}

function rendered(input: unknown): { lines: string[]; args: Record<string, string | number | boolean> } {
  const result = renderPublicProviderCommand(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const lines = result.value.split('\n');
  return { lines, args: decodeCommand(lines[lines.length - 1]!) };
}

// ---------------------------------------------------------------------------------------------

describe('documented commands (MS-PIC for Lync 2013, MS-DEPLOY for SfB 2015/2019)', () => {
  test.each(['sfb2015', 'sfb2019', undefined])('SfB (%s): the MS-DEPLOY command', (serverVersion) => {
    const { lines, args } = rendered(serverVersion === undefined ? {} : { serverVersion });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^# .*cannot be changed in place/);
    expect(lines[1]).toBe("# Remove-CsPublicProvider -Identity 'Skype'");
    expect(Object.entries(args)).toEqual([
      ['Identity', 'Skype'],
      ['ProxyFqdn', 'federation.messenger.msn.com'],
      ['IconUrl', ICON],
      ['NameDecorationRoutingDomain', 'msn.com'],
      ['NameDecorationExcludedDomainList', 'msn.com,outlook.com,live.com,hotmail.com'],
      ['Enabled', true],
      ['EnableSkypeIdRouting', true],
      ['EnableSkypeDirectorySearch', true],
    ]);
  });

  test('Lync 2013: the MS-PIC command (VerificationLevel 2, no Skype ID / directory search)', () => {
    const result = renderPublicProviderCommand({ serverVersion: 'lync2013' });
    expect(result.issues).toEqual([]);
    const { args } = rendered({ serverVersion: 'lync2013' });
    expect(Object.entries(args)).toEqual([
      ['ProxyFqdn', 'federation.messenger.msn.com'],
      ['Enabled', true],
      ['Identity', 'Skype'],
      ['VerificationLevel', 2],
      ['NameDecorationRoutingDomain', 'msn.com'],
      ['NameDecorationExcludedDomainList', 'msn.com,outlook.com,live.com,hotmail.com'],
      ['IconUrl', ICON],
    ]);
  });

  test('exact text of the default SfB 2019 command', () => {
    expect(renderPublicProviderCommand({}).ok && renderPublicProviderCommand({})).toMatchObject({
      value:
        '# A public provider cannot be changed in place: remove it and create it again (MS-DEPLOY).\n' +
        "# Remove-CsPublicProvider -Identity 'Skype'\n" +
        "New-CsPublicProvider -Identity 'Skype' -ProxyFqdn 'federation.messenger.msn.com' -IconUrl 'https://images.edge.messenger.live.com/Messenger_16x16.png' -NameDecorationRoutingDomain 'msn.com' -NameDecorationExcludedDomainList 'msn.com,outlook.com,live.com,hotmail.com' -Enabled $true -EnableSkypeIdRouting $true -EnableSkypeDirectorySearch $true",
    });
  });

  test('includeRemove: true makes Remove-CsPublicProvider a command (MS-DEPLOY: remove and re-create)', () => {
    const { lines } = rendered({ includeRemove: true, identity: 'Skype' });
    expect(lines[1]).toBe("Remove-CsPublicProvider -Identity 'Skype'");
  });

  test('normalised settings carry every default', () => {
    expect(checkPublicProviderSettings({})).toEqual({
      ok: true,
      issues: [],
      value: {
        serverVersion: 'sfb2019',
        identity: 'Skype',
        proxyFqdn: 'federation.messenger.msn.com',
        enabled: true,
        enableSkypeIdRouting: true,
        enableSkypeDirectorySearch: true,
        iconUrl: ICON,
        nameDecorationRoutingDomain: 'msn.com',
        nameDecorationExcludedDomainList: ['msn.com', 'outlook.com', 'live.com', 'hotmail.com'],
        includeRemove: false,
      } satisfies PublicProviderSettings,
    });
    expect(checkPublicProviderSettings(undefined).ok).toBe(true);
  });

  test('booleans render as $true / $false', () => {
    const { args } = rendered({ enabled: false, enableSkypeDirectorySearch: false });
    expect(args).toMatchObject({
      Enabled: false,
      EnableSkypeDirectorySearch: false,
      EnableSkypeIdRouting: true,
    });
  });
});

describe('structure: unknown fields and wrong types (RULES §5)', () => {
  test.each([
    ['array', []],
    ['string', 'Skype'],
    ['null', null],
    ['number', 1],
  ])('%s input → provider.invalid_type', (_label, input) => {
    expect(pairs(checkPublicProviderSettings(input))).toEqual([['provider.invalid_type', []]]);
  });

  test.each([
    ['typo', { proxyFQDN: 'federation.messenger.msn.com' }, 'proxyFQDN'],
    ['cmdlet parameter name', { NameDecorationRoutingDomain: 'msn.com' }, 'NameDecorationRoutingDomain'],
  ])('unknown field (%s)', (_label, input, field) => {
    const result = checkPublicProviderSettings(input);
    expect(result.ok).toBe(false);
    expect(result.issues[0]).toMatchObject({
      code: 'provider.unknown_field',
      path: [field],
      params: { field },
    });
  });

  test.each([
    ['identity', 5],
    ['proxyFqdn', ['federation.messenger.msn.com']],
    ['enabled', 'true'],
    ['enabled', 1],
    ['enableSkypeIdRouting', 'yes'],
    ['iconUrl', {}],
    ['nameDecorationRoutingDomain', null],
    ['nameDecorationExcludedDomainList', 5],
    ['includeRemove', 'no'],
    ['serverVersion', 2019],
  ])('%s: %j → provider.invalid_type', (field, value) => {
    expect(pairs(checkPublicProviderSettings({ [field]: value }))).toContainEqual([
      'provider.invalid_type',
      [field],
    ]);
  });

  // RULES §5: a verification level that is not one of the names or 0/1/2 — of any JSON type.
  test.each([[true], [{}], [null], [[2]], [3], ['3'], ['Always']])(
    'verificationLevel %j → provider.invalid_verification_level',
    (value) => {
      expect(pairs(checkPublicProviderSettings({ verificationLevel: value }))).toEqual([
        ['provider.invalid_verification_level', ['verificationLevel']],
      ]);
    },
  );

  test('verificationLevel with spaces around it: input.trimmed, value kept (RULES §0)', () => {
    const result = checkPublicProviderSettings({
      serverVersion: 'lync2013',
      verificationLevel: ' AlwaysVerifiable ',
    });
    expect(pairs(result)).toEqual([['input.trimmed', ['verificationLevel']]]);
    expect(result.ok && result.value.verificationLevel).toBe('AlwaysVerifiable');
  });

  test('non-string item of the excluded list → provider.invalid_type at its index', () => {
    expect(pairs(checkPublicProviderSettings({ nameDecorationExcludedDomainList: ['msn.com', 3] }))).toEqual([
      ['provider.invalid_type', ['nameDecorationExcludedDomainList', 1]],
    ]);
  });

  test.each(['sfb2016', 'lync2010', ''])('serverVersion %j → invalid', (serverVersion) => {
    const codes = checkPublicProviderSettings({ serverVersion }).issues.map((issue) => issue.code);
    expect(codes.some((code) => code === 'provider.invalid_server_version' || code === 'input.empty')).toBe(
      true,
    );
  });
});

describe('proxyFqdn: the FQDN rules with path ["proxyFqdn"] (RULES §1, §5)', () => {
  test.each([
    ['IP address', '65.54.227.249', 'fqdn.ip_address'],
    ['URL', 'https://federation.messenger.msn.com', 'fqdn.not_a_hostname'],
    ['single label', 'federation', 'fqdn.single_label'],
  ])('%s → %s', (_label, proxyFqdn, code) => {
    expect(pairs(checkPublicProviderSettings({ proxyFqdn }))).toContainEqual([code, ['proxyFqdn']]);
  });

  test('identity Skype with another proxy → provider.unexpected_proxy_fqdn W', () => {
    const result = checkPublicProviderSettings({ proxyFqdn: 'sipfed.fabrikam.net' });
    expect(result.ok).toBe(true);
    expect(result.issues).toMatchObject([
      {
        code: 'provider.unexpected_proxy_fqdn',
        severity: 'warning',
        path: ['proxyFqdn'],
        params: { value: 'sipfed.fabrikam.net', expected: 'federation.messenger.msn.com' },
      },
    ]);
  });

  test('another identity may use another proxy', () => {
    expect(
      checkPublicProviderSettings({ identity: 'Fabrikam', proxyFqdn: 'sipfed.fabrikam.net' }).issues,
    ).toEqual([]);
  });

  test('proxy is normalised', () => {
    const result = checkPublicProviderSettings({ proxyFqdn: 'Federation.Messenger.MSN.com.' });
    expect(result).toMatchObject({
      ok: true,
      issues: [],
      value: { proxyFqdn: 'federation.messenger.msn.com' },
    });
  });
});

describe('verificationLevel (MS-PS New-CsPublicProvider: AlwaysVerifiable | AlwaysUnverifiable | UseSourceVerification)', () => {
  test.each([
    ['AlwaysVerifiable', 'lync2013', 'AlwaysVerifiable', []],
    ['alwaysunverifiable', 'lync2013', 'AlwaysUnverifiable', []],
    ['UseSourceVerification', 'lync2013', 'UseSourceVerification', []],
    ['UseSourceVerification', 'sfb2015', 'UseSourceVerification', ['provider.deprecated_verification_level']],
    ['UseSourceVerification', 'sfb2019', 'UseSourceVerification', ['provider.deprecated_verification_level']],
    [0, 'lync2013', 0, ['provider.numeric_verification_level']],
    [2, 'sfb2019', 2, ['provider.numeric_verification_level']],
    ['1', 'lync2013', 1, ['provider.numeric_verification_level']],
  ])('%j on %s', (verificationLevel, serverVersion, value, codes) => {
    const result = checkPublicProviderSettings({ verificationLevel, serverVersion });
    expect(result).toMatchObject({ ok: true, value: { verificationLevel: value } });
    expect(result.issues.map((issue) => issue.code)).toEqual(codes);
  });

  test.each([3, -1, 1.5, 'Always', 'Verifiable', '', 'UseSource Verification'])(
    '%j → invalid',
    (verificationLevel) => {
      const result = checkPublicProviderSettings({ verificationLevel });
      expect(result.ok).toBe(false);
      expect(pairs(result)).toContainEqual(['provider.invalid_verification_level', ['verificationLevel']]);
    },
  );

  test('a name renders quoted, a number bare; SfB renders it only when asked for', () => {
    expect(rendered({ verificationLevel: 'AlwaysVerifiable' }).args.VerificationLevel).toBe(
      'AlwaysVerifiable',
    );
    expect(renderPublicProviderCommand({ verificationLevel: 'AlwaysVerifiable' })).toMatchObject({
      value: expect.stringContaining("-VerificationLevel 'AlwaysVerifiable'"),
    });
    expect(rendered({ serverVersion: 'lync2013', verificationLevel: 1 }).args.VerificationLevel).toBe(1);
    expect('VerificationLevel' in rendered({}).args).toBe(false);
  });
});

describe('SfB-only parameters (MS-PS: "Applicable: Skype for Business Server 2015, Skype for Business Server 2019")', () => {
  test.each([
    ['enableSkypeIdRouting', 'EnableSkypeIdRouting'],
    ['enableSkypeDirectorySearch', 'EnableSkypeDirectorySearch'],
  ])('%s on lync2013 → provider.parameter_not_supported', (field, parameter) => {
    for (const value of [true, false]) {
      const result = checkPublicProviderSettings({ serverVersion: 'lync2013', [field]: value });
      expect(result.ok).toBe(false);
      expect(result.issues[0]).toMatchObject({
        code: 'provider.parameter_not_supported',
        path: [field],
        params: { parameter, serverVersion: 'lync2013' },
      });
    }
  });
});

describe('iconUrl: absolute https URL (RULES §5)', () => {
  test.each([
    ['http', 'http://images.edge.messenger.live.com/Messenger_16x16.png'],
    ['relative', '/Messenger_16x16.png'],
    ['no host', 'https://'],
    ['file', 'file:///c:/icon.png'],
    ['javascript', 'javascript:alert(1)'],
    ['not a URL', 'Messenger_16x16.png'],
    ['empty host before the path', 'https:///Messenger_16x16.png'],
    ['backslash for the host', 'https:\\\\images.example.net/icon.png'],
    ['a space in the path', 'https://images.adventure-works.com/a b.png'],
  ])('%s → provider.invalid_icon_url', (_label, iconUrl) => {
    expect(pairs(checkPublicProviderSettings({ iconUrl }))).toEqual([
      ['provider.invalid_icon_url', ['iconUrl']],
    ]);
  });

  test('HTTPS in capitals and query strings are fine', () => {
    expect(checkPublicProviderSettings({ iconUrl: 'HTTPS://cdn.fabrikam.net/icon.png?v=1' }).issues).toEqual(
      [],
    );
  });
});

describe('NameDecoration settings (RULES §4.9, §5)', () => {
  test('routing domain not in the excluded list → decoration.routing_domain_not_excluded W', () => {
    const result = checkPublicProviderSettings({ nameDecorationRoutingDomain: 'skype.fabrikam.net' });
    expect(result.ok).toBe(true);
    expect(result.issues).toMatchObject([
      {
        code: 'decoration.routing_domain_not_excluded',
        severity: 'warning',
        path: ['nameDecorationRoutingDomain'],
        params: { domain: 'skype.fabrikam.net' },
      },
    ]);
    expect(pairs(checkPublicProviderSettings({ nameDecorationExcludedDomainList: 'outlook.com' }))).toEqual([
      ['decoration.routing_domain_not_excluded', ['nameDecorationRoutingDomain']],
    ]);
  });

  // Our choice (README), as for the decoration option: '' is the empty list, not an empty item.
  test("an empty excluded list string '' is the empty list", () => {
    expect(pairs(checkPublicProviderSettings({ nameDecorationExcludedDomainList: '' }))).toEqual([
      ['decoration.routing_domain_not_excluded', ['nameDecorationRoutingDomain']],
    ]);
  });

  test('invalid routing domain → decoration.invalid_routing_domain', () => {
    expect(pairs(checkPublicProviderSettings({ nameDecorationRoutingDomain: 'msn' }))).toEqual([
      ['decoration.invalid_routing_domain', ['nameDecorationRoutingDomain']],
    ]);
  });

  test.each([
    [
      'string with an empty item',
      'msn.com,,live.com',
      ['decoration.list_empty_item', ['nameDecorationExcludedDomainList', 1]],
    ],
    [
      'string with a bad item',
      'msn.com,localhost',
      ['decoration.invalid_excluded_domain', ['nameDecorationExcludedDomainList', 1]],
    ],
    [
      'array with a bad item',
      ['msn.com', 'a..b'],
      ['decoration.invalid_excluded_domain', ['nameDecorationExcludedDomainList', 1]],
    ],
  ])('excluded list: %s', (_label, list, pair) => {
    const result = checkPublicProviderSettings({ nameDecorationExcludedDomainList: list });
    expect(result.ok).toBe(false);
    expect(pairs(result)).toContainEqual(pair);
  });

  test('the excluded list is normalised and rendered comma-separated', () => {
    const { args } = rendered({ nameDecorationExcludedDomainList: ['MSN.com', ' live.fr', 'msn.com.'] });
    expect(args.NameDecorationExcludedDomainList).toBe('msn.com,live.fr');
  });
});

describe('provider.unsafe_value: control characters and line breaks are refused, never rendered', () => {
  const STRING_FIELDS = [
    'identity',
    'proxyFqdn',
    'iconUrl',
    'nameDecorationRoutingDomain',
    'nameDecorationExcludedDomainList',
    'serverVersion',
    'verificationLevel',
  ];
  test.each([
    ['LF', '\n'],
    ['CR', '\r'],
    ['TAB', '\t'],
    ['NUL', '\u0000'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
    ['NEL U+0085', '\u0085'],
    ['LINE SEPARATOR U+2028', '\u2028'],
    ['PARAGRAPH SEPARATOR U+2029', '\u2029'],
  ])('%s in every string setting', (_label, char) => {
    for (const field of STRING_FIELDS) {
      for (const value of [`Sky${char}pe`, `${char}Skype`, `Skype${char}`]) {
        const result = renderPublicProviderCommand({ [field]: value });
        expect(result.ok).toBe(false);
        expect(pairs(result)).toContainEqual(['provider.unsafe_value', [field]]);
      }
    }
    const inArray = checkPublicProviderSettings({
      nameDecorationExcludedDomainList: ['msn.com', `live${char}.com`],
    });
    expect(pairs(inArray)).toEqual([['provider.unsafe_value', ['nameDecorationExcludedDomainList', 1]]]);
  });
});

describe('quotePowerShell', () => {
  test.each([
    ['plain', 'Skype', "'Skype'"],
    ['apostrophe', "it's", "'it''s'"],
    ['smart quotes', '\u2018a\u2019 \u201ab\u201b', "'\u2018\u2018a\u2019\u2019 \u201a\u201ab\u201b\u201b'"],
    ['dollar and backtick are literal in single quotes', '$(calc)`n', "'$(calc)`n'"],
    ['double quotes are literal', '"x"', `'"x"'`],
    ['empty', '', "''"],
  ])('%s', (_label, value, quoted) => {
    expect(quotePowerShell(value)).toBe(quoted);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: hostile strings cannot escape their quotes.

const hostilePiece = fc.constantFrom(
  "'",
  "''",
  '\u2018',
  '\u2019',
  '\u201a',
  '\u201b',
  '"',
  '$(Remove-Item C:\\ -Recurse)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a PowerShell variable, on purpose
  '${env:PATH}',
  '`',
  '`n',
  ';',
  '; Remove-CsPublicProvider -Identity Skype',
  '|',
  '&',
  '#',
  '<#',
  '#>',
  '@(',
  ' -Enabled $false',
  '\n',
  '\r\n',
  '\u0000',
  '\u0085',
  '\u2028',
  '\u2029',
  ' ',
  'Skype',
);
const hostile = fc
  .array(fc.oneof(hostilePiece, fc.string({ maxLength: 5 }), fc.string({ unit: 'grapheme', maxLength: 3 })), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) => parts.join(''));

describe('properties', () => {
  test('never throws on any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.dictionary(
            fc.constantFrom(
              'identity',
              'proxyFqdn',
              'iconUrl',
              'verificationLevel',
              'serverVersion',
              'enabled',
              'x',
            ),
            fc.anything(),
          ),
        ),
        (input) => {
          checkPublicProviderSettings(input);
          renderPublicProviderCommand(input);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('hostile strings in every string setting: rendered values decode back exactly, or are refused', () => {
    fc.assert(
      fc.property(
        hostile,
        hostile,
        hostile,
        fc.constantFrom('lync2013', 'sfb2015', 'sfb2019'),
        fc.boolean(),
        (identity, path, other, serverVersion, includeRemove) => {
          const settings = {
            serverVersion,
            includeRemove,
            identity,
            iconUrl: `https://cdn.fabrikam.net/${path}`,
            proxyFqdn: other,
            nameDecorationRoutingDomain: other,
            nameDecorationExcludedDomainList: `msn.com,${other}`,
          };
          const result = renderPublicProviderCommand(settings);
          const unsafe = [identity, path, other].some(hasUnsafeChar);
          if (unsafe) {
            expect(result.ok).toBe(false);
            expect(result.issues.some((issue) => issue.code === 'provider.unsafe_value')).toBe(true);
          }
          // Identity and icon URL alone: proxy and domains at their defaults.
          const alone = renderPublicProviderCommand({
            serverVersion,
            includeRemove,
            identity,
            iconUrl: `https://cdn.fabrikam.net/${path}`,
          });
          const checked = checkPublicProviderSettings({
            serverVersion,
            identity,
            iconUrl: `https://cdn.fabrikam.net/${path}`,
          });
          if (!alone.ok) {
            expect(
              hasUnsafeChar(identity) || hasUnsafeChar(path) || identity.trim() === '' || !checked.ok,
            ).toBe(true);
            return;
          }
          expect(checked.ok).toBe(true);
          if (!checked.ok) return;
          const lines = alone.value.split('\n');
          expect(lines).toHaveLength(3);
          expect(lines[0]!.startsWith('# ')).toBe(true);
          expect(lines[1]).toBe(
            `${includeRemove ? '' : '# '}Remove-CsPublicProvider -Identity ${quotePowerShell(checked.value.identity)}`,
          );
          const removeArgs = tokenize(lines[1]!.slice(lines[1]!.indexOf('-Identity ') + '-Identity '.length));
          expect(removeArgs).toEqual([{ kind: 'value', value: identity.trim() }]);
          const args = decodeCommand(lines[2]!);
          expect(args.Identity).toBe(identity.trim());
          expect(args.IconUrl).toBe(checked.value.iconUrl);
          expect(args.IconUrl).toBe(`https://cdn.fabrikam.net/${path}`.trim());
          expect(Object.keys(args).length).toBe(serverVersion === 'lync2013' ? 7 : 8);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('quotePowerShell round-trips through the tokenizer for any string', () => {
    fc.assert(
      fc.property(fc.oneof(hostile, fc.string({ unit: 'binary' })), (value) => {
        expect(tokenize(quotePowerShell(value))).toEqual([{ kind: 'value', value }]);
      }),
      { numRuns: 3000 },
    );
  });
});
