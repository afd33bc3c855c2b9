// The core entry: pure, synchronous validators and formatters. tldts only; no node:, zod or dns2.

export type { AgreementNumberOptions, AgreementType } from './agreement-number/agreement-number.js';
export {
  AGREEMENT_TYPES,
  assertAgreementNumber,
  checkAgreementNumber,
  MAX_AGREEMENT_NUMBER_LENGTH,
  MIN_AGREEMENT_NUMBER_LENGTH,
} from './agreement-number/agreement-number.js';
export type { FederationRelation, SrvRecord } from './federation/federation.js';
export {
  checkFederationTarget,
  evaluateFederationSrv,
  FEDERATION_PORT,
  federationSrvOwner,
  federationSrvRecordText,
  selectFederationRecord,
} from './federation/federation.js';
export { isMicrosoftOnlineEdge, MICROSOFT_ONLINE_EDGES } from './federation/microsoft-online.js';
export type { FqdnOptions } from './fqdn/fqdn.js';
export { assertFqdn, checkFqdn, DEFAULT_FQDN_OPTIONS, isFqdn, registrableDomain } from './fqdn/fqdn.js';
export type { IssueCode } from './issues.js';
export { ISSUE_CODES } from './issues.js';
export type { DecorationOptions, Decorator } from './name-decoration/name-decoration.js';
export {
  createDecorator,
  DEFAULT_DECORATION,
  decorateAddress,
  isDecoratedAddress,
  parseExcludedDomainList,
  undecorateAddress,
} from './name-decoration/name-decoration.js';
export type {
  PublicProviderSettings,
  PublicProviderSettingsInput,
  ServerVersion,
  VerificationLevelName,
} from './public-provider/public-provider.js';
export {
  checkPublicProviderSettings,
  DEFAULT_PUBLIC_PROVIDER,
  renderPublicProviderCommand,
} from './public-provider/public-provider.js';
export type { AdditionalAccessEdge, FederationPair, ProvisioningRequest } from './request/request.js';
export {
  checkProvisioningRequest,
  listFederationPairs,
  MAX_ACCESS_EDGES,
  suggestInDomainTarget,
} from './request/request.js';
export type { Fail, Issue, IssueParams, IssuePath, Ok, Result, Severity } from './result.js';
export { PreflightError } from './result.js';
export { assertSipDomain, checkSipDomain, HOST_LIKE_LABELS } from './sip-domain/sip-domain.js';
