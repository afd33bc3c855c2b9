// The ./dns entry: resolver, live checks, runPreflight and report renderers (Node only).

export type { RenderOptions, ReportFormat } from '../preflight/render.js';
export { renderReport } from '../preflight/render.js';
export type { Check, CheckId, CheckStatus, Report, ReportSummary } from '../preflight/report-types.js';
export type { PreflightOptions } from '../preflight/run.js';
export { PREFLIGHT_DEFAULTS, runPreflight } from '../preflight/run.js';
export type { AddressClass, DomainReport, LiveOptions, TargetReport } from './live.js';
export { addressClass, checkDomainFederation, isNonPublic } from './live.js';
export type { NameServer, ResolverOptions } from './resolver.js';
export { createResolver, parseNameServer, RESOLVER_DEFAULTS } from './resolver.js';
export type {
  AddressAnswer,
  AnswerRecord,
  CnameAnswer,
  LookupKind,
  LookupOptions,
  LookupOutcome,
  RecordType,
  Resolver,
  SrvAnswer,
  TxtAnswer,
} from './types.js';
export type {
  ZoneFault,
  ZoneQuery,
  ZoneRecord,
  ZoneRecordType,
  ZoneServer,
  ZoneServerOptions,
} from './zone-server.js';
export { startZoneServer } from './zone-server.js';
