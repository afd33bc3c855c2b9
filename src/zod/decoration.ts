/** zod schema for a Skype contact address: parses to the decorated address (RULES §4, `decorateAddress`). */
import { MAX_INPUT_LENGTH } from '../core/input.js';
import { createDecorator, type DecorationOptions } from '../core/name-decoration/name-decoration.js';
import { fromResult, type ResultSchema } from './adapter.js';

const ADDRESS_META = {
  type: 'string',
  minLength: 1,
  maxLength: MAX_INPUT_LENGTH,
  description:
    'An address typed as a Skype contact, e.g. ted@contoso.com; parses to its NameDecoration form ted(contoso.com)@msn.com (pic-preflight decorateAddress). Not an RFC 5322 e-mail address once decorated.',
} as const;

/**
 * A zod schema that decorates addresses with the given options (parsed once, here).
 * @param options - routing domain and excluded domains (`DEFAULT_DECORATION` by default)
 * @returns a schema whose output is the decorated address; errors carry `params.code` (`address.*`,
 *   `fqdn.*` with path `['domain']`, `input.*`); throws a `PreflightError` when the options are invalid
 * @example makeSkypeAddressSchema({ excludedDomains: 'msn.com,live.fr' }).parse('marie@live.fr') // 'marie@live.fr'
 */
export function makeSkypeAddressSchema(options?: DecorationOptions | null): ResultSchema<string> {
  const decorator = createDecorator(options);
  return fromResult((input) => decorator.decorate(input), { meta: ADDRESS_META });
}

/**
 * A Skype contact address with the documented defaults: parses to the decorated address.
 * @example skypeAddressSchema.parse('ted@contoso.com') // 'ted(contoso.com)@msn.com'
 */
export const skypeAddressSchema: ResultSchema<string> = /* @__PURE__ */ makeSkypeAddressSchema();
