/**
 * RULES §5: the PowerShell that creates the Skype public provider, from checked settings.
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
import type { Result } from '../result.js';
import { quotePowerShell } from './powershell-text.js';
import { checkPublicProviderSettings } from './settings.js';

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
