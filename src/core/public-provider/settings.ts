/**
 * RULES §5: the Skype public provider settings — each field checked, the documented defaults filled
 * in. The PowerShell that creates the provider is rendered in `powershell.ts`.
 */
import { checkFqdn } from '../fqdn/fqdn.js';
import { readStringInput, tooLongIssue, typeName } from '../input.js';
import { parseExcludedItems } from '../name-decoration/excluded-list.js';
import {
  checkRoutingDomain,
  DEFAULT_DECORATION,
  parseExcludedDomainList,
} from '../name-decoration/name-decoration.js';
import {
  arrayLength,
  isPlainObject,
  MAX_ITEMS,
  objectIssues,
  own,
  readArray,
  toPlainData,
  UNREADABLE,
} from '../object-input.js';
import { type Issue, makeIssue, prefixPaths, type Result, toResult } from '../result.js';
import { hasUnsafeChar } from './powershell-text.js';

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
}> = Object.freeze({
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
const FIELDS: ReadonlySet<string> = new Set([
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
  if (value === UNREADABLE) {
    issues.push(makeIssue('input.unreadable', path));
    return undefined;
  }
  // RULES §0: raw input over 1,024 characters is refused before any other work (trimming included).
  const tooLong = typeof value === 'string' ? tooLongIssue(value, path) : undefined;
  if (tooLong) {
    issues.push(tooLong);
    return undefined;
  }
  // RULES §0: surrounding whitespace is removed with a warning, as for every other string setting.
  if (typeof value === 'string' && value.trim() !== value && !hasUnsafeChar(value)) {
    issues.push(makeIssue('input.trimmed', path));
  }
  if (typeof value === 'number' || (typeof value === 'string' && /^[0-2]$/.test(value.trim()))) {
    const number = Number(value);
    // `+ 0` turns -0 into 0 (JSON has no -0).
    if (number === 0 || number === 1 || number === 2) level = (number + 0) as 0 | 1 | 2;
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

/** `proxyFqdn`: RULES §1 codes with path `['proxyFqdn']`, and the Skype identity's expected proxy. */
function readProxyFqdn(settings: Record<string, unknown>, identity: string, issues: Issue[]): string {
  const proxyText = readSetting(own(settings, 'proxyFqdn'), 'proxyFqdn', issues);
  if (proxyText === undefined) return DEFAULT_PUBLIC_PROVIDER.proxyFqdn;
  const checked = checkFqdn(proxyText);
  issues.push(...prefixPaths(checked.issues, ['proxyFqdn']));
  if (!checked.ok) return DEFAULT_PUBLIC_PROVIDER.proxyFqdn;
  if (identity.toLowerCase() === 'skype' && checked.value !== DEFAULT_PUBLIC_PROVIDER.proxyFqdn) {
    issues.push(
      makeIssue('provider.unexpected_proxy_fqdn', ['proxyFqdn'], {
        params: { value: checked.value, expected: DEFAULT_PUBLIC_PROVIDER.proxyFqdn },
      }),
    );
  }
  return checked.value;
}

type SkypeFlag = 'enableSkypeIdRouting' | 'enableSkypeDirectorySearch';

/** MS-PS: -EnableSkypeIdRouting / -EnableSkypeDirectorySearch apply to SfB Server 2015 and 2019 only. */
function readSkypeFlags(
  settings: Record<string, unknown>,
  serverVersion: ServerVersion,
  issues: Issue[],
): Record<SkypeFlag, boolean | undefined> {
  const flags: Record<SkypeFlag, boolean | undefined> = {
    enableSkypeIdRouting: undefined,
    enableSkypeDirectorySearch: undefined,
  };
  for (const field of ['enableSkypeIdRouting', 'enableSkypeDirectorySearch'] as const) {
    const given = own(settings, field);
    const value = readBoolean(given, field, issues);
    if (serverVersion !== 'lync2013') {
      flags[field] = value ?? true; // MS-DEPLOY: both "need to be set to true … for Search to work"
    } else if (given !== undefined) {
      issues.push(
        makeIssue('provider.parameter_not_supported', [field], {
          params: { parameter: field[0]!.toUpperCase() + field.slice(1), serverVersion },
        }),
      );
    }
  }
  return flags;
}

/** `nameDecorationRoutingDomain` (RULES §4 via checkRoutingDomain); `valid` false when refused. */
function readRoutingDomain(
  settings: Record<string, unknown>,
  issues: Issue[],
): { domain: string; valid: boolean } {
  const field = 'nameDecorationRoutingDomain';
  const text = readSetting(own(settings, field), field, issues);
  if (text === undefined) return { domain: DEFAULT_DECORATION.routingDomain, valid: true };
  const checked = checkRoutingDomain(text, [field]);
  if (checked.ok) return { domain: checked.value, valid: true };
  issues.push(...checked.issues);
  return { domain: DEFAULT_DECORATION.routingDomain, valid: false };
}

/** `nameDecorationExcludedDomainList`: the comma-separated string or an array (RULES §4). */
function readExcludedList(
  settings: Record<string, unknown>,
  issues: Issue[],
): { list: string[]; valid: boolean } {
  const field = 'nameDecorationExcludedDomainList';
  const input = own(settings, field);
  // Our choice, as for the decoration option: '' is the empty list (parseExcludedDomainList('') is an empty item).
  if (input === '') return { list: [], valid: true };
  if (input === undefined) return { list: DEFAULT_DECORATION.excludedDomains.slice(), valid: true };
  const fallback = DEFAULT_DECORATION.excludedDomains.slice();
  if (typeof input === 'string') {
    if (hasUnsafeChar(input)) {
      issues.push(makeIssue('provider.unsafe_value', [field]));
      return { list: fallback, valid: false };
    }
    const parsed = parseExcludedDomainList(input);
    issues.push(...prefixPaths(parsed.issues, [field]));
    return parsed.ok ? { list: parsed.value, valid: true } : { list: fallback, valid: false };
  }
  const items = readArray(input);
  if (items === undefined) {
    issues.push(invalidType([field], 'string or array of strings', input));
    return { list: fallback, valid: false };
  }
  const length = arrayLength(items) ?? 0;
  if (length > MAX_ITEMS) {
    issues.push(makeIssue('input.too_many_items', [field], { params: { max: MAX_ITEMS, actual: length } }));
    return { list: fallback, valid: false };
  }
  const before = issues.length;
  items.forEach((item: unknown, index: number) => {
    if (typeof item !== 'string') {
      issues.push(invalidType([field, index], 'string', item));
      return;
    }
    // RULES §0: raw input over 1,024 characters is refused before any other work (trimming included).
    const tooLong = tooLongIssue(item, [field, index]);
    if (tooLong) issues.push(tooLong);
    else if (hasUnsafeChar(item)) issues.push(makeIssue('provider.unsafe_value', [field, index]));
  });
  const list = issues.length === before ? parseExcludedItems(items as string[], [field], issues) : fallback;
  return { list, valid: !issues.slice(before).some((issue) => issue.severity === 'error') };
}

/** `serverVersion`: one of `lync2013`, `sfb2015`, `sfb2019` (case-insensitive). */
function readServerVersion(settings: Record<string, unknown>, issues: Issue[]): ServerVersion {
  const text = readSetting(own(settings, 'serverVersion'), 'serverVersion', issues);
  if (text === undefined) return DEFAULT_PUBLIC_PROVIDER.serverVersion;
  const found = SERVER_VERSIONS.find((version) => version === text.toLowerCase());
  if (found !== undefined) return found;
  issues.push(makeIssue('provider.invalid_server_version', ['serverVersion'], { params: { value: text } }));
  return DEFAULT_PUBLIC_PROVIDER.serverVersion;
}

/** `iconUrl`: an absolute https URL. */
function readIconUrl(settings: Record<string, unknown>, issues: Issue[]): string {
  const text = readSetting(own(settings, 'iconUrl'), 'iconUrl', issues);
  if (text === undefined) return DEFAULT_PUBLIC_PROVIDER.iconUrl;
  if (isHttpsUrl(text)) return text;
  issues.push(makeIssue('provider.invalid_icon_url', ['iconUrl'], { params: { value: text } }));
  return DEFAULT_PUBLIC_PROVIDER.iconUrl;
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
  // Hostile objects (Proxies, getters): settings → excluded list → item, each read once into plain data.
  const settings = input === undefined ? {} : toPlainData(input, 3);
  if (!isPlainObject(settings)) {
    return { ok: false, issues: [invalidType([], 'object', settings)] };
  }
  pushUnknownFields(settings, FIELDS, [], issues);

  const serverVersion = readServerVersion(settings, issues);
  const identity =
    readSetting(own(settings, 'identity'), 'identity', issues) ?? DEFAULT_PUBLIC_PROVIDER.identity;
  const proxyFqdn = readProxyFqdn(settings, identity, issues);
  const enabled = readBoolean(own(settings, 'enabled'), 'enabled', issues) ?? true;
  const verificationLevel = readVerificationLevel(own(settings, 'verificationLevel'), serverVersion, issues);
  const skypeFlags = readSkypeFlags(settings, serverVersion, issues);
  const iconUrl = readIconUrl(settings, issues);
  const routing = readRoutingDomain(settings, issues);
  const excluded = readExcludedList(settings, issues);

  // RULES §5: a routing domain missing from the excluded list makes decorated addresses be decorated again.
  if (routing.valid && excluded.valid && !excluded.list.includes(routing.domain)) {
    issues.push(
      makeIssue('decoration.routing_domain_not_excluded', ['nameDecorationRoutingDomain'], {
        params: { domain: routing.domain },
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
    nameDecorationRoutingDomain: routing.domain,
    nameDecorationExcludedDomainList: excluded.list,
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
