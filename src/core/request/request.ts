/**
 * RULES §6: the provisioning request — the PIC form's fields (MS-PIC) as one JSON object, checked
 * field by field with the shared validators, then across fields (edges, SIP domains, provider).
 */
import {
  type AgreementType,
  checkAgreementNumber,
  isAgreementType,
  unknownAgreementTypeIssue,
} from '../agreement-number/agreement-number.js';
import { federationSrvRecordText, isOneLabelUnder } from '../federation/federation.js';
import { isMicrosoftOnlineEdge } from '../federation/microsoft-online.js';
import { checkFqdn } from '../fqdn/fqdn.js';
import { tooLongIssue } from '../input.js';
import {
  arrayLength,
  isArraySafe,
  isPlainObject,
  MAX_ITEMS,
  objectIssues,
  own,
  toPlainData,
} from '../object-input.js';
import { type Issue, type IssuePath, makeIssue, prefixPaths, type Result, toResult } from '../result.js';
import { checkSipDomain } from '../sip-domain/sip-domain.js';

/** An Access Edge beyond the first, with the SIP domains it serves. */
export interface AdditionalAccessEdge {
  fqdn: string;
  sipDomains: string[];
}

/** The normalised request: names lower-case without the trailing dot, defaults filled in. */
export interface ProvisioningRequest {
  agreementType?: AgreementType;
  /** Trimmed, case kept (RULES §3). */
  agreementNumber: string;
  accessEdgeFqdn: string;
  /** The SIP domains served by `accessEdgeFqdn`. */
  sipDomains: string[];
  /** `[]` when absent. */
  additionalAccessEdges: AdditionalAccessEdge[];
  /** The only provider left (MS-FAQ: Yahoo! and AOL public IM connectivity ended on 2014-06-30). */
  publicImProvider: 'skype';
}

/**
 * A federation-only target (RULES §6): SIP domains to check, and optionally the Access Edge that
 * serves them. No agreement number: since the provisioning site closed it feeds no live process.
 */
export interface FederationTargets {
  /** The SIP domains, normalised, in input order. */
  sipDomains: string[];
  /** The Access Edge FQDN serving them, normalised, when given. */
  accessEdgeFqdn?: string;
}

/** What `runPreflight` checks: a PIC form or a federation-only target. */
export type PreflightRequest = ProvisioningRequest | FederationTargets;

/** Which shape `checkPreflightRequest` reads: the PIC form, a federation-only target, or by shape. */
export type RequestForm = 'pic' | 'federation' | 'auto';

/** MS-FAQ: "up to 10" Access Edge FQDNs per request. */
export const MAX_ACCESS_EDGES = 10;

// `$schema` names the JSON Schema an editor validates the file with; it is not a field of the form.
const FIELDS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  '$schema',
  'agreementType',
  'agreementNumber',
  'accessEdgeFqdn',
  'sipDomains',
  'additionalAccessEdges',
  'publicImProvider',
]);
const FEDERATION_FIELDS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  '$schema',
  'accessEdgeFqdn',
  'sipDomains',
]);
/** Fields that only the PIC form has: an input with none of them is a federation-only target. */
const PIC_ONLY_FIELDS = ['agreementType', 'agreementNumber', 'additionalAccessEdges', 'publicImProvider'];
const EDGE_FIELDS: ReadonlySet<string> = /* @__PURE__ */ new Set(['fqdn', 'sipDomains']);
/** request → additionalAccessEdges → edge → sipDomains → item: the levels copied into plain data. */
const REQUEST_DEPTH = 4;

const { invalidType, pushUnknownFields } = /* @__PURE__ */ objectIssues('request');

/** The first label of a host name (`sip` of `sip.contoso.com`). */
function firstLabel(fqdn: string): string {
  const dot = fqdn.indexOf('.');
  return dot < 0 ? fqdn : fqdn.slice(0, dot);
}

/**
 * The SRV target to publish for a SIP domain served by an edge: the edge itself when it is one label
 * under the domain, else the edge's first label under the domain (`sip.contoso.com` + `fabrikam.com` →
 * `sip.fabrikam.com`), which must then resolve to the edge and be in its certificate's SAN.
 *
 * @param edgeFqdn - the Access Edge FQDN, normalised
 * @param sipDomain - the SIP domain, normalised
 * @returns the suggested SRV target host name
 * @example
 * suggestInDomainTarget('sip.contoso.com', 'fabrikam.com'); // 'sip.fabrikam.com'
 */
export function suggestInDomainTarget(edgeFqdn: string, sipDomain: string): string {
  return isOneLabelUnder(edgeFqdn, sipDomain) ? edgeFqdn : `${firstLabel(edgeFqdn)}.${sipDomain}`;
}

/** One SIP domain with the Access Edge that serves it, and the SRV record to publish for it. */
export interface FederationPair {
  edgeFqdn: string;
  sipDomain: string;
  /** True when the edge is one label directly under the SIP domain (usable as SRV target as it is). */
  edgeIsInDomain: boolean;
  /** The SRV target to publish ({@link suggestInDomainTarget}). */
  suggestedTarget: string;
  /** The zone-file line, e.g. `_sipfederationtls._tcp.fabrikam.com. 3600 IN SRV 0 0 5061 sip.fabrikam.com.` */
  srvRecord: string;
}

/**
 * Lists every (Access Edge FQDN, SIP domain) pair of a normalised request, in request order, with the
 * in-domain SRV target suggestion (for the live checks and the report).
 *
 * @param request - a request returned by {@link checkProvisioningRequest}
 * @returns one {@link FederationPair} per SIP domain
 * @example
 * listFederationPairs(request)[0]; // { edgeFqdn: 'sip.contoso.com', sipDomain: 'contoso.com', edgeIsInDomain: true, … }
 */
export function listFederationPairs(request: ProvisioningRequest): FederationPair[] {
  const edges = [
    { fqdn: request.accessEdgeFqdn, sipDomains: request.sipDomains },
    ...request.additionalAccessEdges,
  ];
  const pairs: FederationPair[] = [];
  for (const edge of edges) {
    for (const sipDomain of edge.sipDomains) {
      const suggestedTarget = suggestInDomainTarget(edge.fqdn, sipDomain);
      pairs.push({
        edgeFqdn: edge.fqdn,
        sipDomain,
        edgeIsInDomain: suggestedTarget === edge.fqdn,
        suggestedTarget,
        srvRecord: federationSrvRecordText(sipDomain, suggestedTarget),
      });
    }
  }
  return pairs;
}

interface EdgeEntry {
  /** Normalised FQDN, undefined when missing or invalid. */
  readonly fqdn: string | undefined;
  readonly fqdnPath: IssuePath;
  /** The edge's own path: `[]` for the main edge, `['additionalAccessEdges', i]` otherwise. */
  readonly path: IssuePath;
  readonly domainsPath: IssuePath;
  /** Raw number of entries in its `sipDomains`. */
  readonly entries: number;
  /** Valid, normalised SIP domains with their paths. */
  readonly domains: { readonly value: string; readonly path: IssuePath }[];
}

/** Checks a `sipDomains` array; pushes issues; returns the valid domains and the raw entry count. */
function readSipDomains(
  value: unknown,
  path: IssuePath,
  issues: Issue[],
): Pick<EdgeEntry, 'entries' | 'domains'> {
  const domains: { value: string; path: IssuePath }[] = [];
  if (isArraySafe(value) !== true) {
    issues.push(invalidType(path, 'array of strings', value));
    return { entries: 0, domains };
  }
  const items = value as readonly unknown[];
  if (tooManyItems(items, path, issues)) return { entries: 0, domains };
  for (let index = 0; index < items.length; index++) {
    const item: unknown = items[index];
    const itemPath = [...path, index];
    if (typeof item !== 'string') {
      issues.push(invalidType(itemPath, 'string', item));
      continue;
    }
    // RULES §2 via checkSipDomain; nested issues keep their codes with full paths.
    const checked = checkSipDomain(item);
    issues.push(...prefixPaths(checked.issues, itemPath));
    if (checked.ok) domains.push({ value: checked.value, path: itemPath });
  }
  return { entries: items.length, domains };
}

/** `input.too_many_items` (true) for an array over {@link MAX_ITEMS} items, before any item is read. */
function tooManyItems(items: readonly unknown[], path: IssuePath, issues: Issue[]): boolean {
  const length = arrayLength(items);
  if (length === undefined) {
    issues.push(makeIssue('input.unreadable', path));
    return true;
  }
  if (length <= MAX_ITEMS) return false;
  issues.push(makeIssue('input.too_many_items', path, { params: { max: MAX_ITEMS, actual: length } }));
  return true;
}

/** A string field compared as a word (`agreementType`, `publicImProvider`): RULES §0 length first, untrimmed. */
function tooLong(value: string, path: IssuePath, issues: Issue[]): boolean {
  const issue = tooLongIssue(value, path);
  if (issue) issues.push(issue);
  return issue !== undefined;
}

/** Checks an edge FQDN string; pushes issues; returns the normalised FQDN. */
function readEdgeFqdn(value: unknown, path: IssuePath, issues: Issue[]): string | undefined {
  if (typeof value !== 'string') {
    issues.push(invalidType(path, 'string', value));
    return undefined;
  }
  const checked = checkFqdn(value);
  issues.push(...prefixPaths(checked.issues, path));
  return checked.ok ? checked.value : undefined;
}

/**
 * Checks a provisioning request (the PIC form's fields, MS-PIC) and returns it normalised.
 *
 * @param input - the parsed JSON object, e.g. `{ agreementNumber, accessEdgeFqdn, sipDomains, additionalAccessEdges? }`
 * @returns the {@link ProvisioningRequest}; E: `request.invalid_type`, `request.missing_field`, `request.unknown_field`,
 *   `request.no_sip_domains`, `request.too_many_edges`, `request.duplicate_sip_domain`, `request.duplicate_edge`,
 *   `request.sip_domain_multiple_edges`, `request.sip_domain_is_edge`, `request.unsupported_provider`,
 *   `request.edge_is_microsoft_online`; W: `request.edge_without_domains`; I: `request.needs_in_domain_target`
 *   (hint: the SRV record and SAN entry to add); plus the nested `fqdn.*`, `sip_domain.*`, `agreement_number.*`
 *   and `input.*` codes with full paths such as `['additionalAccessEdges', 0, 'sipDomains', 2]`
 * @example
 * checkProvisioningRequest({ agreementNumber: 'V1234567', accessEdgeFqdn: 'sip.contoso.com', sipDomains: ['contoso.com'] });
 */
export function checkProvisioningRequest(input: unknown): Result<ProvisioningRequest> {
  return checkRequest(input, 'pic') as Result<ProvisioningRequest>;
}

/**
 * Checks a federation-only target (RULES §6): `{ sipDomains, accessEdgeFqdn? }`, with the request's
 * rules for SIP domains and the edge, and no agreement number.
 *
 * @param input - the parsed JSON object, e.g. `{ sipDomains: ['contoso.com'], accessEdgeFqdn: 'sip.contoso.com' }`
 * @returns the normalised {@link FederationTargets}; E: `request.invalid_type`, `request.missing_field`
 *   (`sipDomains`), `request.unknown_field`, `request.no_sip_domains`, `request.duplicate_sip_domain`,
 *   `request.sip_domain_is_edge`, `request.edge_is_microsoft_online`; I: `request.needs_in_domain_target`;
 *   plus the nested `fqdn.*`, `sip_domain.*` and `input.*` codes
 * @example
 * checkFederationTargets({ sipDomains: ['Contoso.com'] }); // ok, value { sipDomains: ['contoso.com'] }
 */
export function checkFederationTargets(input: unknown): Result<FederationTargets> {
  return checkRequest(input, 'federation') as Result<FederationTargets>;
}

/**
 * Checks what `runPreflight` accepts: with `form: 'auto'` (the default) an object with none of the
 * PIC-only fields (`agreementNumber`, `agreementType`, `additionalAccessEdges`, `publicImProvider`)
 * is a federation-only target ({@link checkFederationTargets}), anything else the PIC form
 * ({@link checkProvisioningRequest}).
 *
 * @param input - the request, any value
 * @param options - `form`: `'pic'`, `'federation'` or `'auto'` (@default `'auto'`)
 * @returns the normalised request, with the codes of the form it was read as
 * @example
 * checkPreflightRequest({ sipDomains: ['contoso.com'] }).ok; // true: no agreement number asked for
 */
export function checkPreflightRequest(
  input: unknown,
  options?: { form?: RequestForm },
): Result<PreflightRequest> {
  const form = options?.form ?? 'auto';
  if (form !== 'auto') return checkRequest(input, form);
  const federation =
    isPlainObject(input) && PIC_ONLY_FIELDS.every((field) => own(input, field) === undefined);
  return checkRequest(input, federation ? 'federation' : 'pic');
}

/** The rules of both forms, once: the federation form skips the agreement and the PIC-only fields. */
function checkRequest(raw: unknown, form: 'pic' | 'federation'): Result<PreflightRequest> {
  // Hostile objects (Proxies, getters): every field is read once into plain data, never twice.
  const input = toPlainData(raw, REQUEST_DEPTH);
  if (!isPlainObject(input)) return { ok: false, issues: [invalidType([], 'object', input)] };
  const pic = form === 'pic';
  const issues: Issue[] = [];
  pushUnknownFields(input, pic ? FIELDS : FEDERATION_FIELDS, [], issues);
  const schemaValue = own(input, '$schema');
  if (schemaValue !== undefined && typeof schemaValue !== 'string') {
    issues.push(invalidType(['$schema'], 'string', schemaValue));
  }
  const agreement = pic ? readAgreement(input, issues) : { agreementNumber: '' };
  const mainDomainsValue = own(input, 'sipDomains');
  const edges = [readMainEdge(input, mainDomainsValue, pic, issues)];
  if (pic) readAdditionalEdges(own(input, 'additionalAccessEdges'), edges, issues);
  const totalEntries = checkEdgeCount(edges, mainDomainsValue !== undefined, issues);
  const edgeNames = checkEdgeNames(edges, issues);
  checkDomainOwners(edges, edgeNames, totalEntries, isArraySafe(mainDomainsValue) === true, issues);
  if (pic) checkProvider(own(input, 'publicImProvider'), issues);
  return toResult(pic ? provisioningValue(agreement, edges) : federationValue(edges[0] as EdgeEntry), issues);
}

/** The two agreement fields (PIC form only): RULES §3 via checkAgreementNumber. */
function readAgreement(
  input: Record<string, unknown>,
  issues: Issue[],
): { agreementType?: AgreementType; agreementNumber: string } {
  let agreementType: AgreementType | undefined;
  const typeValue = own(input, 'agreementType');
  if (typeValue !== undefined && typeof typeValue !== 'string') {
    issues.push(invalidType(['agreementType'], 'string', typeValue));
  } else if (typeValue !== undefined && tooLong(typeValue, ['agreementType'], issues)) {
    // RULES §0: refused before any other work.
  } else if (typeValue !== undefined && !isAgreementType(typeValue)) {
    // RULES §3/§6: an unknown type is reported whatever state the number is in (missing, wrong type), once.
    issues.push(unknownAgreementTypeIssue(typeValue, ['agreementType']));
  } else agreementType = typeValue;
  let agreementNumber = '';
  const numberValue = own(input, 'agreementNumber');
  if (numberValue === undefined) {
    issues.push(
      makeIssue('request.missing_field', ['agreementNumber'], { params: { field: 'agreementNumber' } }),
    );
  } else if (typeof numberValue !== 'string') {
    issues.push(invalidType(['agreementNumber'], 'string', numberValue));
  } else {
    const checked = checkAgreementNumber(
      numberValue,
      agreementType === undefined ? undefined : { agreementType },
    );
    issues.push(...prefixPaths(checked.issues, ['agreementNumber']));
    if (checked.ok) agreementNumber = checked.value;
  }
  return agreementType === undefined ? { agreementNumber } : { agreementType, agreementNumber };
}

/** The main Access Edge and its SIP domains (the edge is required by the PIC form only). */
function readMainEdge(
  input: Record<string, unknown>,
  mainDomainsValue: unknown,
  pic: boolean,
  issues: Issue[],
): EdgeEntry {
  const mainFqdnValue = own(input, 'accessEdgeFqdn');
  let mainFqdn: string | undefined;
  if (mainFqdnValue === undefined) {
    if (pic)
      issues.push(
        makeIssue('request.missing_field', ['accessEdgeFqdn'], { params: { field: 'accessEdgeFqdn' } }),
      );
  } else mainFqdn = readEdgeFqdn(mainFqdnValue, ['accessEdgeFqdn'], issues);
  let mainDomains: Pick<EdgeEntry, 'entries' | 'domains'> = { entries: 0, domains: [] };
  if (mainDomainsValue === undefined) {
    issues.push(makeIssue('request.missing_field', ['sipDomains'], { params: { field: 'sipDomains' } }));
  } else mainDomains = readSipDomains(mainDomainsValue, ['sipDomains'], issues);
  return {
    fqdn: mainFqdn,
    fqdnPath: ['accessEdgeFqdn'],
    path: [],
    domainsPath: ['sipDomains'],
    ...mainDomains,
  };
}

/** Additional Access Edges (optional): appends one entry per edge object to `edges`. */
function readAdditionalEdges(additionalValue: unknown, edges: EdgeEntry[], issues: Issue[]): void {
  if (additionalValue !== undefined && isArraySafe(additionalValue) !== true) {
    issues.push(invalidType(['additionalAccessEdges'], 'array', additionalValue));
    return;
  }
  if (!Array.isArray(additionalValue) || tooManyItems(additionalValue, ['additionalAccessEdges'], issues)) {
    return;
  }
  for (let index = 0; index < additionalValue.length; index++) {
    const edge: unknown = additionalValue[index];
    const path: IssuePath = ['additionalAccessEdges', index];
    if (!isPlainObject(edge)) {
      issues.push(invalidType(path, 'object', edge));
      continue;
    }
    edges.push(readAdditionalEdge(edge, path, issues));
  }
}

/** One additional edge object: `{ fqdn, sipDomains? }`. */
function readAdditionalEdge(edge: Record<string, unknown>, path: IssuePath, issues: Issue[]): EdgeEntry {
  pushUnknownFields(edge, EDGE_FIELDS, path, issues);
  const fqdnValue = own(edge, 'fqdn');
  let fqdn: string | undefined;
  if (fqdnValue === undefined) {
    issues.push(makeIssue('request.missing_field', [...path, 'fqdn'], { params: { field: 'fqdn' } }));
  } else fqdn = readEdgeFqdn(fqdnValue, [...path, 'fqdn'], issues);
  const domainsValue = own(edge, 'sipDomains');
  // Our choice: an additional edge may omit `sipDomains` (it then has none: a warning below).
  const domains =
    domainsValue === undefined
      ? { entries: 0, domains: [] }
      : readSipDomains(domainsValue, [...path, 'sipDomains'], issues);
  return { fqdn, fqdnPath: [...path, 'fqdn'], path, domainsPath: [...path, 'sipDomains'], ...domains };
}

/**
 * MS-FAQ: up to 10 Access Edge FQDNs; MS-PIC: at least one SIP domain (when `sipDomains` was given).
 * Returns the total number of SIP domain entries.
 */
function checkEdgeCount(edges: readonly EdgeEntry[], domainsGiven: boolean, issues: Issue[]): number {
  // MS-FAQ: "You can specify up to 10" Access Edge FQDNs per request.
  if (edges.length > MAX_ACCESS_EDGES) {
    issues.push(
      makeIssue('request.too_many_edges', ['additionalAccessEdges'], {
        params: { max: MAX_ACCESS_EDGES, actual: edges.length },
      }),
    );
  }
  // MS-PIC: at least one SIP domain.
  const totalEntries = edges.reduce((sum, edge) => sum + edge.entries, 0);
  if (totalEntries === 0 && domainsGiven) {
    issues.push(makeIssue('request.no_sip_domains', ['sipDomains']));
  }
  return totalEntries;
}

/** Microsoft's own edges and duplicate edges; returns the valid edges by name (first one wins). */
function checkEdgeNames(edges: readonly EdgeEntry[], issues: Issue[]): Map<string, EdgeEntry> {
  const edgeNames = new Map<string, EdgeEntry>();
  for (const edge of edges) {
    if (edge.fqdn === undefined) continue;
    // That is Microsoft 365's edge, not yours.
    if (isMicrosoftOnlineEdge(edge.fqdn)) {
      issues.push(
        makeIssue('request.edge_is_microsoft_online', edge.fqdnPath, { params: { fqdn: edge.fqdn } }),
      );
    }
    if (edgeNames.has(edge.fqdn)) {
      issues.push(makeIssue('request.duplicate_edge', edge.fqdnPath, { params: { fqdn: edge.fqdn } }));
    } else edgeNames.set(edge.fqdn, edge);
  }
  return edgeNames;
}

/**
 * Per edge: the edge-without-domains warning, then each SIP domain's owner (duplicates, one domain on
 * two edges), a domain named like an edge, and the in-domain SRV target hint.
 */
function checkDomainOwners(
  edges: readonly EdgeEntry[],
  edgeNames: ReadonlyMap<string, EdgeEntry>,
  totalEntries: number,
  mainDomainsIsArray: boolean,
  issues: Issue[],
): void {
  const owners = new Map<string, EdgeEntry>();
  for (const edge of edges) {
    // An edge without SIP domains: a warning (the main edge only when another edge has some).
    const isMain = edge.path.length === 0;
    if (edge.entries === 0 && totalEntries > 0 && (!isMain || mainDomainsIsArray)) {
      issues.push(
        makeIssue('request.edge_without_domains', isMain ? edge.domainsPath : edge.path, {
          params: { fqdn: edge.fqdn ?? '' },
        }),
      );
    }
    for (const domain of edge.domains) {
      const owner = owners.get(domain.value);
      if (owner === edge) {
        issues.push(
          makeIssue('request.duplicate_sip_domain', domain.path, { params: { domain: domain.value } }),
        );
      } else if (owner !== undefined) {
        // MS-FAQ: "a single SIP domain cannot be represented by more than one Access Edge FQDN".
        issues.push(
          makeIssue('request.sip_domain_multiple_edges', domain.path, {
            params: { domain: domain.value, fqdn: edge.fqdn ?? '', otherFqdn: owner.fqdn ?? '' },
          }),
        );
      } else owners.set(domain.value, edge);
      if (owner === undefined) checkDomainTarget(edge, domain, edgeNames, issues);
    }
  }
}

/** A SIP domain's first owner: not an edge's name, and served by an in-domain SRV target. */
function checkDomainTarget(
  edge: EdgeEntry,
  domain: { readonly value: string; readonly path: IssuePath },
  edgeNames: ReadonlyMap<string, EdgeEntry>,
  issues: Issue[],
): void {
  // MS-FAQ: list SIP domain suffixes, not the Access Edge FQDN.
  if (edgeNames.has(domain.value)) {
    issues.push(makeIssue('request.sip_domain_is_edge', domain.path, { params: { domain: domain.value } }));
  } else if (
    edge.fqdn !== undefined &&
    !isMicrosoftOnlineEdge(edge.fqdn) &&
    !isOneLabelUnder(edge.fqdn, domain.value)
  ) {
    // MS-DEPLOY: "Each domain must resolve by DNS SRV query to an edge server FQDN that satisfies a
    // top-level suffix match of the domain … the exact FQDN must be present in either the SN or the SAN".
    const target = suggestInDomainTarget(edge.fqdn, domain.value);
    issues.push(
      makeIssue('request.needs_in_domain_target', domain.path, {
        params: { fqdn: edge.fqdn, domain: domain.value, target },
      }),
    );
  }
}

/** MS-FAQ: Yahoo! and AOL public IM connectivity ended on 2014-06-30; only Skype remains. */
function checkProvider(providerValue: unknown, issues: Issue[]): void {
  if (providerValue === undefined) return;
  if (typeof providerValue !== 'string')
    issues.push(invalidType(['publicImProvider'], 'string', providerValue));
  else if (tooLong(providerValue, ['publicImProvider'], issues)) {
    // RULES §0: refused before any other work.
  } else if (providerValue.trim().toLowerCase() === 'skype') {
    // RULES §0: surrounding whitespace is removed with a warning.
    if (providerValue.trim() !== providerValue) issues.push(makeIssue('input.trimmed', ['publicImProvider']));
  } else {
    issues.push(
      makeIssue('request.unsupported_provider', ['publicImProvider'], { params: { value: providerValue } }),
    );
  }
}

/** The federation-only value: the main edge's SIP domains, and its FQDN when valid. */
function federationValue(main: EdgeEntry): FederationTargets {
  const targets: FederationTargets = { sipDomains: main.domains.map((domain) => domain.value) };
  if (main.fqdn !== undefined) targets.accessEdgeFqdn = main.fqdn;
  return targets;
}

/** The normalised PIC form value (invalid names become `''`, left out by the issues). */
function provisioningValue(
  agreement: { agreementType?: AgreementType; agreementNumber: string },
  edges: readonly EdgeEntry[],
): ProvisioningRequest {
  const main = edges[0] as EdgeEntry;
  const value: ProvisioningRequest = {
    agreementNumber: agreement.agreementNumber,
    accessEdgeFqdn: main.fqdn ?? '',
    sipDomains: main.domains.map((domain) => domain.value),
    additionalAccessEdges: edges.slice(1).map((edge) => ({
      fqdn: edge.fqdn ?? '',
      sipDomains: edge.domains.map((domain) => domain.value),
    })),
    publicImProvider: 'skype',
  };
  if (agreement.agreementType !== undefined) value.agreementType = agreement.agreementType;
  return value;
}
