// Pins the runtime exports of each built entry point (STYLE rule 5). `npm test` builds first.
// Adding an export? Add its name to the list of its entry below (keep the lists sorted).
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';

const EXPORTS: Record<'index' | 'zod' | 'dns', string[]> = {
  index: [
    'AGREEMENT_TYPES',
    'DEFAULT_DECORATION',
    'DEFAULT_FQDN_OPTIONS',
    'DEFAULT_PUBLIC_PROVIDER',
    'FEDERATION_PORT',
    'HOST_LIKE_LABELS',
    'ISSUE_CODES',
    'MAX_ACCESS_EDGES',
    'MAX_AGREEMENT_NUMBER_LENGTH',
    'MAX_ZONE_RECORDS',
    'MICROSOFT_ONLINE_EDGES',
    'MIN_AGREEMENT_NUMBER_LENGTH',
    'PreflightError',
    'assertAgreementNumber',
    'assertFqdn',
    'assertSipDomain',
    'checkAgreementNumber',
    'checkFederationTarget',
    'checkFederationTargets',
    'checkFqdn',
    'checkPreflightRequest',
    'checkProvisioningRequest',
    'checkPublicProviderSettings',
    'checkSipDomain',
    'createDecorator',
    'decorateAddress',
    'evaluateFederationSrv',
    'federationSrvOwner',
    'federationSrvRecordText',
    'formatZoneRecord',
    'isDecoratedAddress',
    'isFqdn',
    'isMicrosoftOnlineEdge',
    'isSipDomain',
    'listFederationPairs',
    'parseExcludedDomainList',
    'parseZoneFile',
    'registrableDomain',
    'renderPublicProviderCommand',
    'selectFederationRecord',
    'suggestInDomainTarget',
    'undecorateAddress',
  ],
  zod: [
    'agreementNumberSchema',
    'fqdnSchema',
    'fromResult',
    'makeAgreementNumberSchema',
    'makeFqdnSchema',
    'makeSipDomainSchema',
    'makeSkypeAddressSchema',
    'provisioningRequestJsonSchema',
    'provisioningRequestSchema',
    'provisioningRequestShapeSchema',
    'publicProviderSettingsSchema',
    'sipDomainSchema',
    'skypeAddressSchema',
    'toZodIssue',
  ],
  dns: [
    'AUTHORITATIVE_DEFAULTS',
    'IANA_ROOT_SERVERS',
    'PREFLIGHT_DEFAULTS',
    'RESOLVER_DEFAULTS',
    'addressClass',
    'checkDomainFederation',
    'checkEdgeCertificate',
    'createAuthoritativeResolver',
    'createDohExchanger',
    'createExchanger',
    'createPlannedResolver',
    'createProber',
    'createResolver',
    'isNonPublic',
    'lintPlannedZones',
    'parseNameServer',
    'probeEdges',
    'renderReport',
    'runPreflight',
    'startZoneServer',
  ],
};

const require = createRequire(import.meta.url);
const sorted = (names: string[]) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const runtimeKeys = (module: object) => sorted(Object.keys(module).filter((key) => key !== 'default'));

describe.each(Object.entries(EXPORTS))('dist/%s', (entry, expected) => {
  test('the ESM entry exports exactly the pinned names', async () => {
    const module = (await import(`../dist/${entry}.js`)) as object;
    expect(runtimeKeys(module)).toEqual(sorted(expected));
  });

  test('the CJS entry exports the same names', () => {
    const module = require(`../dist/${entry}.cjs`) as object;
    expect(runtimeKeys(module)).toEqual(sorted(expected));
  });

  test('the pinned list is sorted and has no duplicates', () => {
    expect(expected).toEqual([...new Set(sorted(expected))]);
  });
});
