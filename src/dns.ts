// The ./dns entry: resolver, live checks, the Edge probe, runPreflight and report renderers (Node only).

export type { Check, CheckId, CheckStatus, Report, ReportSummary } from './core/report/report-types.js';
export type { AuthoritativeResolverOptions } from './node/dns/authoritative/resolver.js';
export { AUTHORITATIVE_DEFAULTS, createAuthoritativeResolver } from './node/dns/authoritative/resolver.js';
export type { RootServer } from './node/dns/authoritative/root-hints.js';
export { IANA_ROOT_SERVERS } from './node/dns/authoritative/root-hints.js';
export type { DohExchangerOptions } from './node/dns/doh.js';
export { createDohExchanger } from './node/dns/doh.js';
export type { ExchangerOptions } from './node/dns/exchange.js';
export { createExchanger } from './node/dns/exchange.js';
export type {
  PlannedResolver,
  PlannedResolverOptions,
  PlannedZone,
  PlannedZoneInput,
} from './node/dns/planned-source.js';
export { createPlannedResolver } from './node/dns/planned-source.js';
export type { NameServer, ResolverOptions } from './node/dns/resolver.js';
export { createResolver, parseNameServer, RESOLVER_DEFAULTS } from './node/dns/resolver.js';
export type {
  AddressAnswer,
  AnswerRecord,
  CnameAnswer,
  DelegationStep,
  DnsReply,
  ExchangeOptions,
  ExchangeOutcome,
  Exchanger,
  LookupKind,
  LookupOptions,
  LookupOutcome,
  NsRecord,
  OpaqueRecord,
  OutcomeSource,
  QueryType,
  RecordType,
  Resolver,
  ServerView,
  SoaRecord,
  SrvAnswer,
  TxtAnswer,
  WireRecord,
} from './node/dns/types.js';
export type { AddressClass, DomainReport, LiveOptions, TargetReport } from './node/live/live.js';
export { addressClass, checkDomainFederation, isNonPublic } from './node/live/live.js';
export type { RenderOptions, ReportFormat } from './node/preflight/render.js';
export { renderReport } from './node/preflight/render.js';
export type { PreflightOptions } from './node/preflight/run.js';
export { PREFLIGHT_DEFAULTS, runPreflight } from './node/preflight/run.js';
export type { LintZonesOptions } from './node/preflight/zones.js';
export { lintPlannedZones } from './node/preflight/zones.js';
export type {
  CertificateCheckOptions,
  CertificateEvidence,
  CertificateVerdict,
  TrustFailure,
  TrustVerdict,
} from './node/probe/certificate.js';
export { checkEdgeCertificate } from './node/probe/certificate.js';
export type { ProbeOptions, ProbeTarget } from './node/probe/probe-edges.js';
export { probeEdges } from './node/probe/probe-edges.js';
export type {
  ConnectTo,
  FailureReason,
  ProbeOutcome,
  ProbeRequest,
  Prober,
  ProberOptions,
  TcpOutcome,
  TlsOutcome,
} from './node/probe/prober.js';
export { createProber } from './node/probe/prober.js';
export type {
  ZoneFault,
  ZoneQuery,
  ZoneRecord,
  ZoneRecordJson,
  ZoneRecordType,
  ZoneServer,
  ZoneServerOptions,
} from './node/servers/zone-server.js';
export { startZoneServer } from './node/servers/zone-server.js';
