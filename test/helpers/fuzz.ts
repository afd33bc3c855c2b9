/**
 * The contract fuzzer (issue 13): seeded inputs for every exported core function, with the checks
 * every one of them promises — never throws on data, `ok` exactly when no issue is an error, the
 * result survives a JSON round trip, `isX(x) === checkX(x).ok`, `assertX` throws exactly when
 * `checkX` fails. `npm run fuzz` runs ≥ 1,000,000 inputs per function (scripts/fuzz.ts); the test
 * suite runs a short slice (test/fuzz.test.ts). A failure names the function, the seed and the index.
 */
import { isDeepStrictEqual } from 'node:util';
import { seeded } from '../../bench/lib.js';
import * as core from '../../src/index.js';

export { seeded };

type Random = () => number;
const int = (r: Random, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Random, items: readonly T[]): T => items[int(r, items.length)] as T;

const PIECES = [
  'sip',
  'contoso',
  'com',
  'co',
  'uk',
  'xn--',
  'xn--mnchen-3ya',
  'xn--a',
  'ab--cd',
  'example',
  'local',
  'onmicrosoft',
  'sipfed',
  'online',
  'lync',
  'msn',
  'hotmail',
  'test',
  'arpa',
  'home',
  '10',
  '255',
  '::1',
  'a',
  '-',
  '_',
  '*',
  '.',
  '..',
  ' ',
  '\t',
  '\n',
  '\u0000',
  '\u0085',
  '\u2028',
  '\u202e',
  '\ufeff',
  'ü',
  'Ａ',
  '。',
  '\u200b',
  '@',
  '(',
  ')',
  ':',
  '/',
  'https://',
  'sip:',
  '%41',
  "'",
  '’',
  '"',
  '`',
  '$',
  '\\',
  'V1234567',
  'TBD',
  '0000',
  '5061',
  '[',
  ']',
  '?',
  '#',
  '=',
  ',',
  'İ',
  '\ud800',
  '😀',
  'A'.repeat(64),
];

/** A string built from pieces that hit the rules' edges, sometimes very long, sometimes plain random. */
export function fuzzString(r: Random): string {
  const shape = r();
  if (shape < 0.05) return 'a'.repeat(int(r, 1100) + 1000) + pick(r, PIECES);
  if (shape < 0.15) {
    let out = '';
    const length = int(r, 24);
    for (let i = 0; i < length; i++) out += String.fromCharCode(int(r, r() < 0.8 ? 128 : 0x10000));
    return out;
  }
  let out = '';
  const count = int(r, 8);
  for (let i = 0; i < count; i++) {
    out += pick(r, PIECES);
    if (r() < 0.5) out += '.';
  }
  return r() < 0.1 ? out.toUpperCase() : out;
}

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function throwing(): object {
  return Object.defineProperty({}, 'priority', {
    get() {
      throw new Error('getter');
    },
    enumerable: true,
  });
}

/** Any JSON-ish value, hostile objects included (depth-bounded). */
export function fuzzValue(r: Random, depth = 2): unknown {
  const kind = int(r, 14);
  switch (kind) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
      return pick(r, [0, -1, 1.5, 5061, 65536, 1e300, Number.NaN, -0, Number.POSITIVE_INFINITY]);
    case 3:
      return r() < 0.5;
    case 4:
      return BigInt(int(r, 100));
    case 5:
      return depth > 0 ? Array.from({ length: int(r, 4) }, () => fuzzValue(r, depth - 1)) : [];
    case 6: {
      if (depth <= 0) return {};
      const object: Record<string, unknown> = {};
      for (let i = int(r, 4); i > 0; i--) object[fuzzString(r).slice(0, 12)] = fuzzValue(r, depth - 1);
      return object;
    }
    case 7:
      return r() < 0.5 ? revoked() : throwing();
    case 8:
      // biome-ignore lint/suspicious/noSparseArray: holes are part of the input space
      return [, fuzzValue(r, 0)];
    default:
      return fuzzString(r);
  }
}

const EDGES = ['sip.contoso.com', 'sip.fabrikam.com', 'sipfed.online.lync.com', 'edge.contoso.co.uk'];
const DOMAINS = ['contoso.com', 'fabrikam.com', 'contoso.co.uk', 'northwind.net'];

/** A request that is often valid, often one mutation away from valid, sometimes anything. */
export function fuzzRequest(r: Random): unknown {
  if (r() < 0.1) return fuzzValue(r);
  const request: Record<string, unknown> = {
    agreementNumber: r() < 0.8 ? 'V1234567' : fuzzValue(r),
    accessEdgeFqdn: r() < 0.7 ? pick(r, EDGES) : fuzzString(r),
    sipDomains: Array.from({ length: int(r, 4) }, () => (r() < 0.7 ? pick(r, DOMAINS) : fuzzValue(r, 1))),
  };
  if (r() < 0.3) request.agreementType = r() < 0.7 ? 'volume-licensing' : fuzzValue(r);
  if (r() < 0.3)
    request.additionalAccessEdges = Array.from({ length: int(r, 12) }, () =>
      r() < 0.8 ? { fqdn: pick(r, EDGES), sipDomains: [pick(r, DOMAINS)] } : fuzzValue(r, 1),
    );
  if (r() < 0.2) request.publicImProvider = r() < 0.5 ? 'skype' : fuzzValue(r);
  if (r() < 0.1) request[fuzzString(r).slice(0, 10)] = fuzzValue(r);
  if (r() < 0.05) delete request[pick(r, Object.keys(request))];
  return request;
}

/** Provider settings: documented fields with good, near and hostile values. */
export function fuzzSettings(r: Random): unknown {
  if (r() < 0.1) return fuzzValue(r);
  const fields = [
    ['serverVersion', () => pick(r, ['lync2013', 'sfb2015', 'SFB2019', 'x'])],
    ['identity', () => pick(r, ['Skype', "Sk'ype", 'Sky\npe'])],
    ['proxyFqdn', () => pick(r, ['federation.messenger.msn.com', 'sip.contoso.com'])],
    ['enabled', () => r() < 0.5],
    ['verificationLevel', () => pick(r, ['AlwaysVerifiable', 'UseSourceVerification', 2, 7, ' 1 '])],
    ['enableSkypeIdRouting', () => r() < 0.5],
    ['enableSkypeDirectorySearch', () => r() < 0.5],
    ['iconUrl', () => pick(r, ['https://images.example.net/i.png', 'http://x', 'https:///x'])],
    ['nameDecorationRoutingDomain', () => pick(r, ['msn.com', 'contoso.com'])],
    [
      'nameDecorationExcludedDomainList',
      () => pick(r, ['msn.com,outlook.com', ['msn.com', ' live.com'], '']),
    ],
    ['includeRemove', () => r() < 0.5],
  ] as const;
  const settings: Record<string, unknown> = {};
  for (const [name, good] of fields) {
    if (r() < 0.4) continue;
    settings[name] = r() < 0.75 ? good() : r() < 0.5 ? fuzzString(r) : fuzzValue(r);
  }
  return settings;
}

/** SRV record sets: plausible records, near misses, and junk. */
export function fuzzRecords(r: Random): unknown {
  if (r() < 0.05) return fuzzValue(r);
  const targets = [
    'sip.contoso.com',
    'SIP.contoso.com.',
    'contoso.com',
    'sip.it.contoso.com',
    '.',
    '',
    'sipfed.online.lync.com',
  ];
  const port = () => (r() < 0.8 ? 5061 : pick(r, [443, 0, 65535, 65536, -1, 5061.5, '5061']));
  return Array.from({ length: int(r, 6) }, () =>
    r() < 0.9
      ? {
          priority: r() < 0.9 ? int(r, 3) : fuzzValue(r, 0),
          weight: r() < 0.9 ? int(r, 3) : fuzzValue(r, 0),
          port: port(),
          target: r() < 0.8 ? pick(r, targets) : fuzzString(r),
          ...(r() < 0.2 ? { ttl: pick(r, [300, -5, 5n]) } : {}),
        }
      : fuzzValue(r, 1),
  );
}

/** One contract failure. */
export interface FuzzFailure {
  target: string;
  seed: number;
  index: number;
  problem: string;
}

function checkResult(value: unknown): string | undefined {
  const result = value as { ok: unknown; issues: { severity: string }[]; value?: unknown };
  if (typeof result !== 'object' || result === null || !Array.isArray(result.issues)) return 'not a Result';
  const hasError = result.issues.some((issue) => issue.severity === 'error');
  if (result.ok !== !hasError)
    return `ok is ${String(result.ok)} but ${hasError ? 'an' : 'no'} issue is an error`;
  if (result.ok === false && result.issues.length === 0) return 'failed without issues';
  let again: unknown;
  try {
    again = JSON.parse(JSON.stringify(result));
  } catch (error) {
    return `not JSON: ${(error as Error).message}`;
  }
  if (!isDeepStrictEqual(again, result)) return 'changed by a JSON round trip';
  return undefined;
}

type Target = (r: Random) => string | undefined;

/** Calls `run`; a throw is a contract failure. */
function guarded(run: () => string | undefined): string | undefined {
  try {
    return run();
  } catch (error) {
    return `threw ${(error as Error)?.name}: ${(error as Error)?.message}`;
  }
}

const fqdnOptions = (r: Random) =>
  pick(r, [
    undefined,
    null,
    { allowIdn: true },
    { allowReserved: true },
    { requireKnownTld: false },
    {
      allowIdn: true,
      allowReserved: true,
      requireKnownTld: false,
    },
  ]);

/** Every exported function of the core entry, with its contract. */
export const FUZZ_TARGETS: Record<string, Target> = {
  checkFqdn: (r) => {
    const input = r() < 0.9 ? fuzzString(r) : fuzzValue(r);
    const options = fqdnOptions(r);
    return guarded(() => {
      const result = core.checkFqdn(input, options);
      if (core.isFqdn(input, options) !== result.ok) return 'isFqdn differs from checkFqdn().ok';
      let threw = false;
      try {
        core.assertFqdn(input, options);
      } catch (error) {
        if (!(error instanceof core.PreflightError)) return 'assertFqdn threw something else';
        threw = true;
      }
      if (threw === result.ok) return 'assertFqdn disagrees with checkFqdn';
      return checkResult(result);
    });
  },
  checkSipDomain: (r) => {
    const input = r() < 0.9 ? fuzzString(r) : fuzzValue(r);
    return guarded(() => {
      const result = core.checkSipDomain(input, fqdnOptions(r));
      let threw = false;
      try {
        core.assertSipDomain(input);
      } catch {
        threw = true;
      }
      const plain = core.checkSipDomain(input);
      if (threw === plain.ok) return 'assertSipDomain disagrees with checkSipDomain';
      return checkResult(result);
    });
  },
  checkAgreementNumber: (r) => {
    const input = r() < 0.9 ? fuzzString(r) : fuzzValue(r);
    const options =
      r() < 0.5 ? undefined : { agreementType: pick(r, [...core.AGREEMENT_TYPES, 'x']) as never };
    return guarded(() => {
      const result = core.checkAgreementNumber(input, options);
      let threw = false;
      try {
        core.assertAgreementNumber(input, options);
      } catch {
        threw = true;
      }
      if (threw === result.ok) return 'assertAgreementNumber disagrees with checkAgreementNumber';
      return checkResult(result);
    });
  },
  decorateAddress: (r) => {
    const input = r() < 0.7 ? `${fuzzString(r)}@${pick(r, [...DOMAINS, fuzzString(r)])}` : fuzzValue(r);
    return guarded(() => {
      const result = core.decorateAddress(input);
      if (core.isDecoratedAddress(input) !== core.undecorateAddress(input).ok) {
        return 'isDecoratedAddress differs from undecorateAddress().ok';
      }
      return checkResult(result);
    });
  },
  undecorateAddress: (r) => {
    const input = r() < 0.7 ? `${fuzzString(r)}(${pick(r, DOMAINS)})@msn.com` : fuzzValue(r);
    return guarded(() => checkResult(core.undecorateAddress(input)));
  },
  parseExcludedDomainList: (r) => {
    const input =
      r() < 0.8
        ? [pick(r, DOMAINS), fuzzString(r), pick(r, DOMAINS)].join(pick(r, [',', ', ', ',,']))
        : fuzzString(r);
    return guarded(() => checkResult(core.parseExcludedDomainList(input)));
  },
  checkFederationTarget: (r) => {
    const domain = r() < 0.7 ? pick(r, [...DOMAINS, 'contoso.com..', ' Contoso.COM. ']) : fuzzString(r);
    const target = r() < 0.5 ? `${pick(r, ['sip', 'a.b', ''])}.${domain}` : fuzzString(r);
    return guarded(() => checkResult(core.checkFederationTarget(domain, target)));
  },
  evaluateFederationSrv: (r) => {
    const domain = r() < 0.9 ? pick(r, [...DOMAINS, 'contoso.com..']) : (fuzzValue(r) as string);
    const records = fuzzRecords(r) as core.SrvRecord[];
    const context =
      r() < 0.5 ? { accessEdgeFqdns: [pick(r, EDGES), fuzzString(r)] } : (fuzzValue(r, 1) as never);
    return guarded(() => {
      const result = core.evaluateFederationSrv(domain, records, context);
      core.selectFederationRecord(records);
      return checkResult(result);
    });
  },
  checkPublicProviderSettings: (r) => {
    const input = fuzzSettings(r);
    return guarded(() => {
      const result = core.checkPublicProviderSettings(input);
      const rendered = core.renderPublicProviderCommand(input);
      if (rendered.ok !== result.ok)
        return 'renderPublicProviderCommand().ok differs from the settings check';
      return checkResult(result) ?? checkResult(rendered);
    });
  },
  checkProvisioningRequest: (r) => {
    const input = fuzzRequest(r);
    return guarded(() => {
      const result = core.checkProvisioningRequest(input);
      if (result.ok) {
        for (const pair of core.listFederationPairs(result.value)) {
          core.suggestInDomainTarget(pair.edgeFqdn, pair.sipDomain);
        }
      }
      return checkResult(result);
    });
  },
  names: (r) => {
    // The string helpers: never throw on a string.
    const name = fuzzString(r);
    return guarded(() => {
      core.registrableDomain(name.toLowerCase());
      core.isMicrosoftOnlineEdge(name);
      core.federationSrvOwner(name);
      core.federationSrvRecordText(name, r() < 0.5 ? undefined : fuzzString(r));
      return undefined;
    });
  },
};

/**
 * Runs `count` seeded inputs through each target; returns the failures (at most `maxFailures` per
 * target). Input `index` of a target is reproducible from its seed alone.
 */
export function runFuzz(
  count: number,
  seed: number,
  targets: readonly string[] = Object.keys(FUZZ_TARGETS),
  maxFailures = 5,
): FuzzFailure[] {
  const failures: FuzzFailure[] = [];
  for (const [offset, name] of targets.entries()) {
    const target = FUZZ_TARGETS[name] as Target;
    const targetSeed = seed + offset * 7919;
    const random = seeded(targetSeed);
    let found = 0;
    for (let index = 0; index < count && found < maxFailures; index++) {
      const problem = target(random);
      if (problem !== undefined) {
        failures.push({ target: name, seed: targetSeed, index, problem });
        found += 1;
      }
    }
  }
  return failures;
}
