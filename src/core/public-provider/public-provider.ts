/**
 * RULES §5: the Skype public provider settings and the PowerShell that creates the provider.
 *
 * Documented commands (MS-PIC for Lync 2013 CU5+, MS-DEPLOY for Skype for Business Server 2015/2019):
 * - Lync 2013: `New-CsPublicProvider -ProxyFqdn federation.messenger.msn.com -Enabled 1 -Identity Skype
 *   -VerificationLevel 2 -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList
 *   "msn.com,outlook.com,live.com,hotmail.com" -IconUrl "https://images.edge.messenger.live.com/Messenger_16x16.png"`
 * - SfB: `New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.com -IconUrl …
 *   -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "…" -Enabled $true
 *   -EnableSkypeIdRouting $true -EnableSkypeDirectorySearch $true`
 * - MS-DEPLOY: "Public Provider must be removed and added new if changes are made. No in-place changes are allowed."
 */
import { checkFqdn } from '../fqdn/fqdn.js';
import { readStringInput, typeName } from '../input.js';
import { parseExcludedItems } from '../name-decoration/excluded-list.js';
import {
  checkRoutingDomain,
  DEFAULT_DECORATION,
  parseExcludedDomainList,
} from '../name-decoration/name-decoration.js';
import { isPlainObject, objectIssues, own } from '../object-input.js';
import { type Issue, makeIssue, prefixPaths, type Result, toResult } from '../result.js';
import { isControl, isUnicodeLineBreak } from '../text/chars.js';

/** The server whose `New-CsPublicProvider` is rendered. */
export type ServerVersion = 'lync2013' | 'sfb2015' | 'sfb2019';

/** `-VerificationLevel` names (MS-PS `VerificationLevelType`). */
export type VerificationLevelName = 'AlwaysVerifiable' | 'AlwaysUnverifiable' | 'UseSourceVerification';

/** The settings as given (every field optional; unknown fields are refused). */
export interface PublicProviderSettingsInput {
  /** @default 'sfb2019' */
  serverVersion?: ServerVersion;
  /** `-Identity`. @default 'Skype' */
  identity?: string;
  /** `-ProxyFqdn`. @default 'federation.messenger.msn.com' */
  proxyFqdn?: string;
  /** `-Enabled`. @default true */
  enabled?: boolean;
  /**
   * `-VerificationLevel`: a name (case-insensitive) or 0/1/2 (a warning: the integer mapping is undocumented).
   * @default 2 on `lync2013` (the documented command, rendered as documented); omitted on SfB (as documented)
   */
  verificationLevel?: VerificationLevelName | 0 | 1 | 2;
  /** `-EnableSkypeIdRouting` (SfB only). @default true on SfB */
  enableSkypeIdRouting?: boolean;
  /** `-EnableSkypeDirectorySearch` (SfB only). @default true on SfB */
  enableSkypeDirectorySearch?: boolean;
  /** `-IconUrl`: an absolute https URL. @default 'https://images.edge.messenger.live.com/Messenger_16x16.png' */
  iconUrl?: string;
  /** `-NameDecorationRoutingDomain`. @default 'msn.com' */
  nameDecorationRoutingDomain?: string;
  /** `-NameDecorationExcludedDomainList`: the comma-separated string or an array. @default the four documented domains */
  nameDecorationExcludedDomainList?: string | readonly string[];
  /** Render the `Remove-CsPublicProvider` line as a command rather than as a comment. @default false */
  includeRemove?: boolean;
}

/** The normalised settings: every default filled in, domains lower-case, the excluded list as an array. */
export interface PublicProviderSettings {
  serverVersion: ServerVersion;
  identity: string;
  proxyFqdn: string;
  enabled: boolean;
  /** Absent when the parameter is not rendered (SfB without an explicit level). */
  verificationLevel?: VerificationLevelName | 0 | 1 | 2;
  /** Absent on `lync2013`. */
  enableSkypeIdRouting?: boolean;
  /** Absent on `lync2013`. */
  enableSkypeDirectorySearch?: boolean;
  iconUrl: string;
  nameDecorationRoutingDomain: string;
  nameDecorationExcludedDomainList: string[];
  includeRemove: boolean;
}

/** The documented Skype provider (MS-PIC, MS-DEPLOY). */
export const DEFAULT_PUBLIC_PROVIDER: Readonly<{
  serverVersion: 'sfb2019';
  identity: 'Skype';
  proxyFqdn: 'federation.messenger.msn.com';
  iconUrl: 'https://images.edge.messenger.live.com/Messenger_16x16.png';
}> = /* @__PURE__ */ Object.freeze({
  serverVersion: 'sfb2019',
  identity: 'Skype',
  proxyFqdn: 'federation.messenger.msn.com',
  iconUrl: 'https://images.edge.messenger.live.com/Messenger_16x16.png',
});

/** MS-PIC: Lync 2013's documented `-VerificationLevel 2`. */
const LYNC2013_VERIFICATION_LEVEL = 2 as const;

const SERVER_VERSIONS: readonly ServerVersion[] = ['lync2013', 'sfb2015', 'sfb2019'];
const LEVEL_NAMES: readonly VerificationLevelName[] = [
  'AlwaysVerifiable',
  'AlwaysUnverifiable',
  'UseSourceVerification',
];
const FIELDS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'serverVersion',
  'identity',
  'proxyFqdn',
  'enabled',
  'verificationLevel',
  'enableSkypeIdRouting',
  'enableSkypeDirectorySearch',
  'iconUrl',
  'nameDecorationRoutingDomain',
  'nameDecorationExcludedDomainList',
  'includeRemove',
]);

/**
 * RULES §5 `provider.unsafe_value`: C0 controls (newline, CR, tab, NUL), DEL, C1 controls (incl.
 * U+0085 NEL), U+2028 and U+2029 — PowerShell treats the last three as line breaks too.
 */
export function hasUnsafeChar(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isControl(code) || isUnicodeLineBreak(code)) return true;
  }
  return false;
}

/** PowerShell's single-quote characters: `'` U+2018 U+2019 U+201A U+201B (any one opens or closes a '…' string). */
function isPowerShellQuote(code: number): boolean {
  return code === 0x27 || code === 0x2018 || code === 0x2019 || code === 0x201a || code === 0x201b;
}

/**
 * A PowerShell single-quoted literal: every single-quote character is doubled, so the value cannot
 * end its quotes; nothing else is special inside single quotes (no `$`, backtick or `#` expansion).
 * The caller refuses control characters and line breaks first ({@link hasUnsafeChar}).
 */
export function quotePowerShell(value: string): string {
  let out = "'";
  for (const char of value) {
    out += char;
    if (isPowerShellQuote(char.charCodeAt(0))) out += char;
  }
  return `${out}'`;
}

const { invalidType, pushUnknownFields } = /* @__PURE__ */ objectIssues('provider');

/** A string setting: type, unsafe characters, then RULES §0 (trim, empty). Undefined when absent or refused. */
function readSetting(value: unknown, field: string, issues: Issue[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    issues.push(invalidType([field], 'string', value));
    return undefined;
  }
  if (hasUnsafeChar(value)) {
    issues.push(makeIssue('provider.unsafe_value', [field]));
    return undefined;
  }
  const read = readStringInput(value, [field]);
  if (!read.ok) {
    issues.push(read.issue);
    return undefined;
  }
  if (read.trimmed) issues.push(makeIssue('input.trimmed', [field]));
  return read.text;
}

function readBoolean(value: unknown, field: string, issues: Issue[]): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  issues.push(invalidType([field], 'boolean', value));
  return undefined;
}

function readVerificationLevel(
  value: unknown,
  serverVersion: ServerVersion,
  issues: Issue[],
): VerificationLevelName | 0 | 1 | 2 | undefined {
  const path = ['verificationLevel'];
  if (value === undefined) return serverVersion === 'lync2013' ? LYNC2013_VERIFICATION_LEVEL : undefined;
  let level: VerificationLevelName | 0 | 1 | 2 | undefined;
  // RULES §0: surrounding whitespace is removed with a warning, as for every other string setting.
  if (typeof value === 'string' && value.trim() !== value && !hasUnsafeChar(value)) {
    issues.push(makeIssue('input.trimmed', path));
  }
  if (typeof value === 'number' || (typeof value === 'string' && /^[0-2]$/.test(value.trim()))) {
    const number = Number(value);
    if (number === 0 || number === 1 || number === 2) level = number;
  } else if (typeof value === 'string') {
    if (hasUnsafeChar(value)) {
      issues.push(makeIssue('provider.unsafe_value', path));
      return undefined;
    }
    const lower = value.trim().toLowerCase();
    level = LEVEL_NAMES.find((name) => name.toLowerCase() === lower);
  }
  // MS-PS: "The VerificationLevel must be set to one of the following values: AlwaysVerifiable … AlwaysUnverifiable … UseSourceVerification"
  if (level === undefined) {
    // RULES §5: anything but the three names or 0/1/2 — a value of another JSON type included.
    const shown = typeof value === 'string' || typeof value === 'number' ? String(value) : typeName(value);
    issues.push(makeIssue('provider.invalid_verification_level', path, { params: { value: shown } }));
    return undefined;
  }
  // RULES §5: the integer mapping of VerificationLevelType is undocumented.
  if (typeof level === 'number') {
    issues.push(makeIssue('provider.numeric_verification_level', path, { params: { value: level } }));
  }
  // MS-PS: UseSourceVerification "has been deprecated for use in Skype for Business Server".
  if (level === 'UseSourceVerification' && serverVersion !== 'lync2013') {
    issues.push(makeIssue('provider.deprecated_verification_level', path, { params: { serverVersion } }));
  }
  return level;
}

/** RULES §5: `iconUrl` must be an absolute https URL (parsed with the WHATWG URL, present in browsers too). */
function isHttpsUrl(value: string): boolean {
  if (value.length < 9 || value.slice(0, 8).toLowerCase() !== 'https://') return false;
  // The WHATWG parser forgives what a URL should not have: `https:///x` (no host before the path) and
  // spaces (which it would percent-encode). The Edge gets the text as written, so refuse both.
  if (value[8] === '/' || value[8] === '\\' || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * Checks the settings of the Skype public provider and fills in the documented defaults.
 *
 * @param input - a {@link PublicProviderSettingsInput} object (`{}` gives the documented SfB 2019 provider)
 * @returns the normalised {@link PublicProviderSettings}; E: `provider.invalid_type`, `provider.unknown_field`,
 *   `provider.unsafe_value`, `provider.invalid_server_version`, `provider.invalid_verification_level`,
 *   `provider.parameter_not_supported`, `provider.invalid_icon_url`, FQDN codes (path `['proxyFqdn']`),
 *   `decoration.invalid_routing_domain`, `decoration.invalid_excluded_domain`, `decoration.list_empty_item`,
 *   `input.empty`; W: `provider.unexpected_proxy_fqdn`, `provider.numeric_verification_level`,
 *   `provider.deprecated_verification_level`, `decoration.routing_domain_not_excluded`,
 *   `decoration.list_whitespace`, `decoration.list_duplicate`, `input.trimmed`
 * @example
 * checkPublicProviderSettings({ serverVersion: 'lync2013' }).ok; // true (verificationLevel 2, as documented)
 */
export function checkPublicProviderSettings(input: unknown): Result<PublicProviderSettings> {
  const issues: Issue[] = [];
  const settings = input === undefined ? {} : input;
  if (!isPlainObject(settings)) {
    return { ok: false, issues: [invalidType([], 'object', settings)] };
  }
  pushUnknownFields(settings, FIELDS, [], issues);

  let serverVersion: ServerVersion = DEFAULT_PUBLIC_PROVIDER.serverVersion;
  const versionText = readSetting(own(settings, 'serverVersion'), 'serverVersion', issues);
  if (versionText !== undefined) {
    const found = SERVER_VERSIONS.find((version) => version === versionText.toLowerCase());
    if (found === undefined) {
      issues.push(
        makeIssue('provider.invalid_server_version', ['serverVersion'], { params: { value: versionText } }),
      );
    } else serverVersion = found;
  }
  const isLync = serverVersion === 'lync2013';

  const identity =
    readSetting(own(settings, 'identity'), 'identity', issues) ?? DEFAULT_PUBLIC_PROVIDER.identity;

  let proxyFqdn: string = DEFAULT_PUBLIC_PROVIDER.proxyFqdn;
  const proxyText = readSetting(own(settings, 'proxyFqdn'), 'proxyFqdn', issues);
  if (proxyText !== undefined) {
    // RULES §5: FQDN codes with path ['proxyFqdn'].
    const checked = checkFqdn(proxyText);
    issues.push(...prefixPaths(checked.issues, ['proxyFqdn']));
    if (checked.ok) proxyFqdn = checked.value;
    if (
      checked.ok &&
      identity.toLowerCase() === 'skype' &&
      checked.value !== DEFAULT_PUBLIC_PROVIDER.proxyFqdn
    ) {
      issues.push(
        makeIssue('provider.unexpected_proxy_fqdn', ['proxyFqdn'], {
          params: { value: checked.value, expected: DEFAULT_PUBLIC_PROVIDER.proxyFqdn },
        }),
      );
    }
  }

  const enabled = readBoolean(own(settings, 'enabled'), 'enabled', issues) ?? true;
  const verificationLevel = readVerificationLevel(own(settings, 'verificationLevel'), serverVersion, issues);

  // MS-PS: -EnableSkypeIdRouting / -EnableSkypeDirectorySearch apply to Skype for Business Server 2015 and 2019 only.
  const skypeFlags: Record<'enableSkypeIdRouting' | 'enableSkypeDirectorySearch', boolean | undefined> = {
    enableSkypeIdRouting: undefined,
    enableSkypeDirectorySearch: undefined,
  };
  for (const field of ['enableSkypeIdRouting', 'enableSkypeDirectorySearch'] as const) {
    const value = readBoolean(own(settings, field), field, issues);
    if (isLync) {
      if (own(settings, field) !== undefined) {
        issues.push(
          makeIssue('provider.parameter_not_supported', [field], {
            params: { parameter: field[0]!.toUpperCase() + field.slice(1), serverVersion },
          }),
        );
      }
    } else skypeFlags[field] = value ?? true; // MS-DEPLOY: both "need to be set to true … for Search to work"
  }

  let iconUrl: string = DEFAULT_PUBLIC_PROVIDER.iconUrl;
  const iconText = readSetting(own(settings, 'iconUrl'), 'iconUrl', issues);
  if (iconText !== undefined) {
    if (isHttpsUrl(iconText)) iconUrl = iconText;
    else issues.push(makeIssue('provider.invalid_icon_url', ['iconUrl'], { params: { value: iconText } }));
  }

  let routingDomain: string = DEFAULT_DECORATION.routingDomain;
  const routingText = readSetting(
    own(settings, 'nameDecorationRoutingDomain'),
    'nameDecorationRoutingDomain',
    issues,
  );
  let routingValid = true;
  if (routingText !== undefined) {
    const checked = checkRoutingDomain(routingText, ['nameDecorationRoutingDomain']);
    routingValid = checked.ok;
    if (checked.ok) routingDomain = checked.value;
    else issues.push(...checked.issues);
  }

  let excluded: string[] = DEFAULT_DECORATION.excludedDomains.slice();
  const excludedField = 'nameDecorationExcludedDomainList';
  const excludedInput = own(settings, excludedField);
  let excludedValid = true;
  if (excludedInput === '') {
    // Our choice, as for the decoration option: '' is the empty list (parseExcludedDomainList('') is an empty item).
    excluded = [];
  } else if (typeof excludedInput === 'string') {
    if (hasUnsafeChar(excludedInput)) {
      excludedValid = false;
      issues.push(makeIssue('provider.unsafe_value', [excludedField]));
    } else {
      const parsed = parseExcludedDomainList(excludedInput);
      issues.push(...prefixPaths(parsed.issues, [excludedField]));
      if (parsed.ok) excluded = parsed.value;
      else excludedValid = false;
    }
  } else if (Array.isArray(excludedInput)) {
    const before = issues.length;
    excludedInput.forEach((item: unknown, index: number) => {
      if (typeof item !== 'string') {
        issues.push(invalidType([excludedField, index], 'string', item));
      } else if (hasUnsafeChar(item)) issues.push(makeIssue('provider.unsafe_value', [excludedField, index]));
    });
    if (issues.length === before) excluded = parseExcludedItems(excludedInput, [excludedField], issues);
    excludedValid = !issues.slice(before).some((issue) => issue.severity === 'error');
  } else if (excludedInput !== undefined) {
    excludedValid = false;
    issues.push(invalidType([excludedField], 'string or array of strings', excludedInput));
  }

  // RULES §5: a routing domain missing from the excluded list makes decorated addresses be decorated again.
  if (routingValid && excludedValid && !excluded.includes(routingDomain)) {
    issues.push(
      makeIssue('decoration.routing_domain_not_excluded', ['nameDecorationRoutingDomain'], {
        params: { domain: routingDomain },
      }),
    );
  }

  const includeRemove = readBoolean(own(settings, 'includeRemove'), 'includeRemove', issues) ?? false;

  const value: PublicProviderSettings = {
    serverVersion,
    identity,
    proxyFqdn,
    enabled,
    iconUrl,
    nameDecorationRoutingDomain: routingDomain,
    nameDecorationExcludedDomainList: excluded,
    includeRemove,
  };
  if (verificationLevel !== undefined) value.verificationLevel = verificationLevel;
  if (skypeFlags.enableSkypeIdRouting !== undefined)
    value.enableSkypeIdRouting = skypeFlags.enableSkypeIdRouting;
  if (skypeFlags.enableSkypeDirectorySearch !== undefined) {
    value.enableSkypeDirectorySearch = skypeFlags.enableSkypeDirectorySearch;
  }
  return toResult(value, issues);
}

type Argument = readonly [parameter: string, value: string | number | boolean | undefined];

function renderArgument([parameter, value]: Argument): string {
  if (typeof value === 'boolean') return ` -${parameter} ${value ? '$true' : '$false'}`;
  if (typeof value === 'number') return ` -${parameter} ${value}`;
  return ` -${parameter} ${quotePowerShell(value ?? '')}`;
}

/**
 * Renders the PowerShell that creates the Skype public provider for the chosen server version.
 *
 * Output: a comment that a provider cannot be changed in place (MS-DEPLOY), the `Remove-CsPublicProvider`
 * line (commented out unless `includeRemove: true`), then `New-CsPublicProvider` on one line with the
 * parameters in the documented order. Every string is single-quoted with each PowerShell single-quote
 * character (`'` U+2018 U+2019 U+201A U+201B) doubled; booleans are `$true`/`$false`, numbers bare.
 * Values with control characters or line breaks are refused (`provider.unsafe_value`), never rendered.
 *
 * @param input - the settings ({@link PublicProviderSettingsInput})
 * @returns the script (lines joined with `\n`, no final newline) with the issues of
 *   {@link checkPublicProviderSettings}, or those issues when one is an error
 * @example
 * renderPublicProviderCommand({ serverVersion: 'sfb2019' }).value;
 * // # A public provider cannot be changed in place: …
 * // # Remove-CsPublicProvider -Identity 'Skype'
 * // New-CsPublicProvider -Identity 'Skype' -ProxyFqdn 'federation.messenger.msn.com' … -EnableSkypeDirectorySearch $true
 */
export function renderPublicProviderCommand(input: unknown): Result<string> {
  const checked = checkPublicProviderSettings(input);
  if (!checked.ok) return checked;
  const s = checked.value;
  const excluded = s.nameDecorationExcludedDomainList.join(',');
  const args: Argument[] =
    s.serverVersion === 'lync2013'
      ? // MS-PIC order
        [
          ['ProxyFqdn', s.proxyFqdn],
          ['Enabled', s.enabled],
          ['Identity', s.identity],
          ['VerificationLevel', s.verificationLevel],
          ['NameDecorationRoutingDomain', s.nameDecorationRoutingDomain],
          ['NameDecorationExcludedDomainList', excluded],
          ['IconUrl', s.iconUrl],
        ]
      : // MS-DEPLOY order; -VerificationLevel only when asked for
        [
          ['Identity', s.identity],
          ['ProxyFqdn', s.proxyFqdn],
          ['IconUrl', s.iconUrl],
          ['NameDecorationRoutingDomain', s.nameDecorationRoutingDomain],
          ['NameDecorationExcludedDomainList', excluded],
          ['Enabled', s.enabled],
          ['EnableSkypeIdRouting', s.enableSkypeIdRouting],
          ['EnableSkypeDirectorySearch', s.enableSkypeDirectorySearch],
          ['VerificationLevel', s.verificationLevel],
        ];
  const remove = `Remove-CsPublicProvider -Identity ${quotePowerShell(s.identity)}`;
  const lines = [
    '# A public provider cannot be changed in place: remove it and create it again (MS-DEPLOY).',
    s.includeRemove ? remove : `# ${remove}`,
    `New-CsPublicProvider${args
      .filter(([, value]) => value !== undefined)
      .map(renderArgument)
      .join('')}`,
  ];
  return { ok: true, value: lines.join('\n'), issues: checked.issues };
}
