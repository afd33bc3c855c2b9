// The core entry: pure, synchronous validators and formatters. tldts only; no node:, zod or dns2.

export type { AgreementNumberOptions, AgreementType } from './core/agreement-number/agreement-number.js';
export {
  AGREEMENT_TYPES,
  assertAgreementNumber,
  checkAgreementNumber,
  MAX_AGREEMENT_NUMBER_LENGTH,
  MIN_AGREEMENT_NUMBER_LENGTH,
} from './core/agreement-number/agreement-number.js';
export type { FederationRelation, SrvRecord } from './core/federation/federation.js';
export {
  checkFederationTarget,
  evaluateFederationSrv,
  FEDERATION_PORT,
  federationSrvOwner,
  federationSrvRecordText,
  selectFederationRecord,
} from './core/federation/federation.js';
export { isMicrosoftOnlineEdge, MICROSOFT_ONLINE_EDGES } from './core/federation/microsoft-online.js';
export type { FqdnOptions } from './core/fqdn/fqdn.js';
export { assertFqdn, checkFqdn, DEFAULT_FQDN_OPTIONS, isFqdn, registrableDomain } from './core/fqdn/fqdn.js';
export type { IssueCode } from './core/issues/issue-codes.js';
export { ISSUE_CODES } from './core/issues/issue-codes.js';
export type { DecorationOptions, Decorator } from './core/name-decoration/name-decoration.js';
export {
  createDecorator,
  DEFAULT_DECORATION,
  decorateAddress,
  isDecoratedAddress,
  parseExcludedDomainList,
  undecorateAddress,
} from './core/name-decoration/name-decoration.js';
export type {
  PublicProviderSettings,
  PublicProviderSettingsInput,
  ServerVersion,
  VerificationLevelName,
} from './core/public-provider/public-provider.js';
export {
  checkPublicProviderSettings,
  DEFAULT_PUBLIC_PROVIDER,
  renderPublicProviderCommand,
} from './core/public-provider/public-provider.js';
// The report's types, here too: importable without @types/node (the dns entry's types need it).
export type { Check, CheckId, CheckStatus, Report, ReportSummary } from './core/report/report-types.js';
export type {
  AdditionalAccessEdge,
  FederationPair,
  FederationTargets,
  PreflightRequest,
  ProvisioningRequest,
  RequestForm,
} from './core/request/request.js';
export {
  checkFederationTargets,
  checkPreflightRequest,
  checkProvisioningRequest,
  listFederationPairs,
  MAX_ACCESS_EDGES,
  suggestInDomainTarget,
} from './core/request/request.js';
export type { Fail, Issue, IssueParams, IssuePath, Ok, Result, Severity } from './core/result.js';
export { PreflightError } from './core/result.js';
export {
  assertSipDomain,
  checkSipDomain,
  HOST_LIKE_LABELS,
  isSipDomain,
} from './core/sip-domain/sip-domain.js';
export type { ParsedZone, ParseZoneFileOptions } from './core/zone-file/parse-zone-file.js';
export { MAX_ZONE_RECORDS, parseZoneFile } from './core/zone-file/parse-zone-file.js';
export type { ZoneRecord } from './core/zone-file/zone-record.js';
export { formatZoneRecord } from './core/zone-file/zone-record.js';
