// The ./dns entry: resolver, live checks, the Edge probe, runPreflight and report renderers (Node only).

export type { RenderOptions, ReportFormat } from '../preflight/render.js';
export { renderReport } from '../preflight/render.js';
export type { Check, CheckId, CheckStatus, Report, ReportSummary } from '../preflight/report-types.js';
export type { PreflightOptions } from '../preflight/run.js';
export { PREFLIGHT_DEFAULTS, runPreflight } from '../preflight/run.js';
export type {
  CertificateCheckOptions,
  CertificateEvidence,
  CertificateVerdict,
  TrustFailure,
  TrustVerdict,
} from '../probe/certificate.js';
export { checkEdgeCertificate } from '../probe/certificate.js';
export type { ProbeOptions, ProbeTarget } from '../probe/index.js';
export { probeEdges } from '../probe/index.js';
export type {
  ConnectTo,
  FailureReason,
  ProbeOutcome,
  ProbeRequest,
  Prober,
  ProberOptions,
  TcpOutcome,
  TlsOutcome,
} from '../probe/prober.js';
export { createProber } from '../probe/prober.js';
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
