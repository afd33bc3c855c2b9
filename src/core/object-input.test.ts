import { describe, expect, test } from 'vitest';
import { checkPublicProviderSettings } from './public-provider/public-provider.js';
import { checkProvisioningRequest } from './request/request.js';

const codePaths = (result: { issues: { code: string; path: unknown[] }[] }) =>
  result.issues.map((issue) => [issue.code, issue.path]);
const request = {
  agreementNumber: 'V1234567',
  accessEdgeFqdn: 'sip.acme.com',
  sipDomains: ['acme.com'],
};

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}
function throwingGetter(base: object, key: string): object {
  return Object.defineProperty({ ...base }, key, {
    get() {
      throw new Error('boom');
    },
    enumerable: true,
  });
}

// Issue 13: hostile objects give input.* issues, never a throw; every field is read once.
describe('hostile objects: input.* issues, never a throw', () => {
  test.each<[string, unknown, [string, unknown[]][]]>([
    ['a revoked Proxy as the request', revoked(), [['input.unreadable', []]]],
    [
      'a revoked Proxy as sipDomains (as for any non-array)',
      { ...request, sipDomains: revoked() },
      [
        ['input.unreadable', ['sipDomains']],
        ['request.no_sip_domains', ['sipDomains']],
      ],
    ],
    [
      'a revoked Proxy as an additional edge',
      { ...request, additionalAccessEdges: [revoked()] },
      [['input.unreadable', ['additionalAccessEdges', 0]]],
    ],
    [
      'a throwing getter',
      throwingGetter(request, 'accessEdgeFqdn'),
      [['input.unreadable', ['accessEdgeFqdn']]],
    ],
  ])('request: %s', (_label, input, expected) => {
    const result = checkProvisioningRequest(input);
    expect(result.ok).toBe(false);
    expect(codePaths(result)).toEqual(expected);
  });

  test('request: a getter that changes on each read is read once', () => {
    let reads = 0;
    const input = Object.defineProperty({ ...request }, 'accessEdgeFqdn', {
      get() {
        reads += 1;
        return reads === 1 ? 'sip.acme.com' : 42;
      },
      enumerable: true,
    });
    const result = checkProvisioningRequest(input);
    expect(result.ok).toBe(true);
    expect(reads).toBe(1);
  });

  test('request: a hole in sipDomains is reported at its index', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the input under test
    const result = checkProvisioningRequest({ ...request, sipDomains: ['acme.com', , 'acme.net'] });
    expect(codePaths(result).filter(([code]) => code !== 'fqdn.documentation_domain')).toContainEqual([
      'request.invalid_type',
      ['sipDomains', 1],
    ]);
  });

  test.each<[string, string]>([
    ['agreementType', 'volume-licensing'],
    ['publicImProvider', 'skype'],
  ])('request: %s over 1,024 characters is input.too_long before trimming', (field, value) => {
    const result = checkProvisioningRequest({ ...request, [field]: `${value}${' '.repeat(1100)}` });
    expect(codePaths(result)).toEqual([['input.too_long', [field]]]);
  });

  test('request: a sparse array of a billion items is refused by its length', () => {
    const huge: string[] = [];
    huge.length = 1e9;
    const result = checkProvisioningRequest({ ...request, sipDomains: huge });
    expect(codePaths(result)).toContainEqual(['input.too_many_items', ['sipDomains']]);
  });

  test.each<[string, unknown, [string, unknown[]][]]>([
    ['a revoked Proxy as the settings', revoked(), [['input.unreadable', []]]],
    ['a throwing getter', throwingGetter({}, 'identity'), [['input.unreadable', ['identity']]]],
    [
      'a throwing verificationLevel',
      throwingGetter({}, 'verificationLevel'),
      [['input.unreadable', ['verificationLevel']]],
    ],
    [
      'a revoked Proxy as the excluded list',
      { nameDecorationExcludedDomainList: revoked() },
      [['input.unreadable', ['nameDecorationExcludedDomainList']]],
    ],
    [
      'verificationLevel over 1,024 characters',
      { verificationLevel: `AlwaysVerifiable${' '.repeat(1100)}` },
      [['input.too_long', ['verificationLevel']]],
    ],
    [
      'an excluded-list item over 1,024 characters',
      { nameDecorationExcludedDomainList: ['msn.com', `live.com${' '.repeat(1100)}`] },
      [['input.too_long', ['nameDecorationExcludedDomainList', 1]]],
    ],
    [
      'nameDecorationRoutingDomain over 1,024 characters',
      { nameDecorationRoutingDomain: `msn.com${' '.repeat(1100)}` },
      [['input.too_long', ['nameDecorationRoutingDomain']]],
    ],
  ])('provider: %s', (_label, input, expected) => {
    const result = checkPublicProviderSettings(input);
    expect(result.ok).toBe(false);
    expect(codePaths(result)).toEqual(expected);
  });
});
