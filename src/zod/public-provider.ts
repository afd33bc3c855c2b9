/** zod schema for the Skype public provider settings (RULES §5, `checkPublicProviderSettings`). */
import {
  checkPublicProviderSettings,
  type PublicProviderSettings,
} from '../core/public-provider/public-provider.js';
import { fromResult, type ResultSchema } from './adapter.js';

/**
 * The Skype public provider settings: parses to the normalised settings (defaults filled in).
 * @example publicProviderSettingsSchema.parse({ serverVersion: 'lync2013' }).verificationLevel // 2
 */
export const publicProviderSettingsSchema: ResultSchema<PublicProviderSettings> = /* @__PURE__ */ fromResult(
  checkPublicProviderSettings,
  {
    meta: {
      type: 'object',
      description:
        'Settings of the Skype public provider (New-CsPublicProvider), checked by pic-preflight checkPublicProviderSettings.',
    },
  },
);
