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
import { MAX_INPUT_LENGTH } from '../input.js';
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

/** MS-FAQ: "up to 10" Access Edge FQDNs per request. */
export const MAX_ACCESS_EDGES = 10;

const FIELDS: ReadonlySet<string> = new Set([
  'agreementType',
  'agreementNumber',
  'accessEdgeFqdn',
  'sipDomains',
  'additionalAccessEdges',
  'publicImProvider',
]);
const EDGE_FIELDS: ReadonlySet<string> = new Set(['fqdn', 'sipDomains']);
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
  if (value.length <= MAX_INPUT_LENGTH) return false;
  issues.push(makeIssue('input.too_long', path, { params: { max: MAX_INPUT_LENGTH, actual: value.length } }));
  return true;
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
export function checkProvisioningRequest(raw: unknown): Result<ProvisioningRequest> {
  // Hostile objects (Proxies, getters): every field is read once into plain data, never twice.
  const input = toPlainData(raw, REQUEST_DEPTH);
  if (!isPlainObject(input)) return { ok: false, issues: [invalidType([], 'object', input)] };
  const issues: Issue[] = [];
  pushUnknownFields(input, FIELDS, [], issues);

  // agreementType / agreementNumber: RULES §3 via checkAgreementNumber.
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

  // The main Access Edge and its SIP domains.
  const edges: EdgeEntry[] = [];
  const mainFqdnValue = own(input, 'accessEdgeFqdn');
  let mainFqdn: string | undefined;
  if (mainFqdnValue === undefined) {
    issues.push(
      makeIssue('request.missing_field', ['accessEdgeFqdn'], { params: { field: 'accessEdgeFqdn' } }),
    );
  } else mainFqdn = readEdgeFqdn(mainFqdnValue, ['accessEdgeFqdn'], issues);
  const mainDomainsValue = own(input, 'sipDomains');
  let mainDomains: Pick<EdgeEntry, 'entries' | 'domains'> = { entries: 0, domains: [] };
  if (mainDomainsValue === undefined) {
    issues.push(makeIssue('request.missing_field', ['sipDomains'], { params: { field: 'sipDomains' } }));
  } else mainDomains = readSipDomains(mainDomainsValue, ['sipDomains'], issues);
  edges.push({
    fqdn: mainFqdn,
    fqdnPath: ['accessEdgeFqdn'],
    path: [],
    domainsPath: ['sipDomains'],
    ...mainDomains,
  });

  // Additional Access Edges (optional).
  const additionalValue = own(input, 'additionalAccessEdges');
  if (additionalValue !== undefined && isArraySafe(additionalValue) !== true) {
    issues.push(invalidType(['additionalAccessEdges'], 'array', additionalValue));
  } else if (
    Array.isArray(additionalValue) &&
    !tooManyItems(additionalValue, ['additionalAccessEdges'], issues)
  ) {
    for (let index = 0; index < additionalValue.length; index++) {
      const edge: unknown = additionalValue[index];
      const path: IssuePath = ['additionalAccessEdges', index];
      if (!isPlainObject(edge)) {
        issues.push(invalidType(path, 'object', edge));
        continue;
      }
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
      edges.push({
        fqdn,
        fqdnPath: [...path, 'fqdn'],
        path,
        domainsPath: [...path, 'sipDomains'],
        ...domains,
      });
    }
  }

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
  if (totalEntries === 0 && mainDomainsValue !== undefined) {
    issues.push(makeIssue('request.no_sip_domains', ['sipDomains']));
  }

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

  const owners = new Map<string, EdgeEntry>();
  for (const edge of edges) {
    // An edge without SIP domains: a warning (the main edge only when another edge has some).
    const isMain = edge.path.length === 0;
    if (edge.entries === 0 && totalEntries > 0 && (!isMain || isArraySafe(mainDomainsValue) === true)) {
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
      if (owner !== undefined) continue;
      // MS-FAQ: list SIP domain suffixes, not the Access Edge FQDN.
      if (edgeNames.has(domain.value)) {
        issues.push(
          makeIssue('request.sip_domain_is_edge', domain.path, { params: { domain: domain.value } }),
        );
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
            hint: `Publish ${federationSrvRecordText(domain.value, target)} with an A record for ${target} pointing at the Access Edge ${edge.fqdn}, and add ${target} to the Edge certificate's SAN.`,
          }),
        );
      }
    }
  }

  // MS-FAQ: Yahoo! and AOL public IM connectivity ended on 2014-06-30; only Skype remains.
  const providerValue = own(input, 'publicImProvider');
  if (providerValue !== undefined) {
    if (typeof providerValue !== 'string')
      issues.push(invalidType(['publicImProvider'], 'string', providerValue));
    else if (tooLong(providerValue, ['publicImProvider'], issues)) {
      // RULES §0: refused before any other work.
    } else if (providerValue.trim().toLowerCase() === 'skype') {
      // RULES §0: surrounding whitespace is removed with a warning.
      if (providerValue.trim() !== providerValue)
        issues.push(makeIssue('input.trimmed', ['publicImProvider']));
    } else {
      issues.push(
        makeIssue('request.unsupported_provider', ['publicImProvider'], { params: { value: providerValue } }),
      );
    }
  }

  const value: ProvisioningRequest = {
    agreementNumber,
    accessEdgeFqdn: mainFqdn ?? '',
    sipDomains: mainDomains.domains.map((domain) => domain.value),
    additionalAccessEdges: edges.slice(1).map((edge) => ({
      fqdn: edge.fqdn ?? '',
      sipDomains: edge.domains.map((domain) => domain.value),
    })),
    publicImProvider: 'skype',
  };
  if (agreementType !== undefined) value.agreementType = agreementType;
  return toResult(value, issues);
}
