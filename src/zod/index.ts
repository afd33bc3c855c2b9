// The ./zod entry: zod 4 schemas that call the core validators (no rule of their own).
export type { FromResultOptions, PreflightZodParams } from './adapter.js';
export { fromResult, toZodIssue } from './adapter.js';
export { makeSkypeAddressSchema, skypeAddressSchema } from './decoration.js';
export { publicProviderSettingsSchema } from './public-provider.js';
export {
  provisioningRequestJsonSchema,
  provisioningRequestSchema,
  provisioningRequestShapeSchema,
} from './request.js';
export {
  agreementNumberSchema,
  fqdnSchema,
  makeAgreementNumberSchema,
  makeFqdnSchema,
  makeSipDomainSchema,
  sipDomainSchema,
} from './schemas.js';
