/** zod schemas for the scalar validators (RULES §1–§3). Each calls its core function. */
import {
  type AgreementNumberOptions,
  checkAgreementNumber,
  MAX_AGREEMENT_NUMBER_LENGTH,
} from '../core/agreement-number/agreement-number.js';
import { checkFqdn, type FqdnOptions } from '../core/fqdn/fqdn.js';
import { MAX_INPUT_LENGTH } from '../core/input.js';
import { checkSipDomain } from '../core/sip-domain/sip-domain.js';
import { fromResult, type ResultSchema } from './adapter.js';

const HOSTNAME_META = {
  type: 'string',
  format: 'hostname',
  minLength: 1,
  maxLength: MAX_INPUT_LENGTH,
} as const;

/**
 * A zod schema for an FQDN with options (`checkFqdn` under the hood).
 * @param options as for `checkFqdn`
 * @returns a schema whose output is the normalised name; errors carry `params.code` (`fqdn.*`, `input.*`)
 * @example makeFqdnSchema({ allowReserved: true }).parse('sip.lab.test') // 'sip.lab.test'
 */
export function makeFqdnSchema(options?: FqdnOptions | null): ResultSchema<string> {
  return fromResult((input) => checkFqdn(input, options), {
    meta: { ...HOSTNAME_META, description: 'A fully qualified domain name (pic-preflight checkFqdn).' },
  });
}

/**
 * A zod schema for a SIP domain with options (`checkSipDomain` under the hood).
 * @param options as for `checkFqdn`
 * @returns a schema whose output is the normalised domain; errors carry `params.code`
 * @example makeSipDomainSchema().parse('Fabrikam.com') // 'fabrikam.com'
 */
export function makeSipDomainSchema(options?: FqdnOptions | null): ResultSchema<string> {
  return fromResult((input) => checkSipDomain(input, options), {
    meta: { ...HOSTNAME_META, description: 'A SIP domain (pic-preflight checkSipDomain).' },
  });
}

/**
 * A zod schema for an agreement number of a given type (`checkAgreementNumber` under the hood).
 * @param options `agreementType`
 * @returns a schema whose output is the trimmed number; errors carry `params.code` (`agreement_number.*`, `input.*`)
 * @example makeAgreementNumberSchema({ agreementType: 'spla' }).parse('S1234567') // 'S1234567'
 */
export function makeAgreementNumberSchema(options?: AgreementNumberOptions | null): ResultSchema<string> {
  return fromResult((input) => checkAgreementNumber(input, options), {
    meta: {
      type: 'string',
      pattern: `^\\s*[A-Za-z0-9-]{1,${MAX_AGREEMENT_NUMBER_LENGTH}}\\s*$`,
      description: 'An agreement number (pic-preflight checkAgreementNumber).',
    },
  });
}

/**
 * An FQDN with the default options: parses to the normalised name (lower case, no root dot).
 * @example fqdnSchema.parse('SIP.Fabrikam.com.') // 'sip.fabrikam.com'; fqdnSchema.safeParse('10.0.0.1') fails with params.code 'fqdn.ip_address'
 */
export const fqdnSchema: ResultSchema<string> = /* @__PURE__ */ makeFqdnSchema();

/**
 * A SIP domain with the default options: parses to the normalised domain.
 * @example sipDomainSchema.parse('fabrikam.com') // 'fabrikam.com'
 */
export const sipDomainSchema: ResultSchema<string> = /* @__PURE__ */ makeSipDomainSchema();

/**
 * An agreement number of any type: parses to the trimmed number, case kept.
 * @example agreementNumberSchema.parse(' V1234567 ') // 'V1234567'
 */
export const agreementNumberSchema: ResultSchema<string> = /* @__PURE__ */ makeAgreementNumberSchema();
