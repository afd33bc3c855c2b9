/**
 * RULES §5: the Skype public provider — its settings (`settings.ts`) and the PowerShell that creates
 * it (`powershell.ts`, `powershell-text.ts`).
 */
export { renderPublicProviderCommand } from './powershell.js';
export { hasUnsafeChar, quotePowerShell } from './powershell-text.js';
export {
  checkPublicProviderSettings,
  DEFAULT_PUBLIC_PROVIDER,
  type PublicProviderSettings,
  type PublicProviderSettingsInput,
  type ServerVersion,
  type VerificationLevelName,
} from './settings.js';
