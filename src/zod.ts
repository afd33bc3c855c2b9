// The ./zod entry: zod 4 schemas that call the core validators (no rule of their own).
export type { FromResultOptions, PreflightZodParams } from './zod/adapter.js';
export { fromResult, toZodIssue } from './zod/adapter.js';
export { makeSkypeAddressSchema, skypeAddressSchema } from './zod/decoration.js';
export { publicProviderSettingsSchema } from './zod/public-provider.js';
export {
  provisioningRequestJsonSchema,
  provisioningRequestSchema,
  provisioningRequestShapeSchema,
} from './zod/request.js';
export {
  agreementNumberSchema,
  fqdnSchema,
  makeAgreementNumberSchema,
  makeFqdnSchema,
  makeSipDomainSchema,
  sipDomainSchema,
} from './zod/schemas.js';
