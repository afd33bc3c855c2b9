/**
 * RULES §10: which view of DNS answers — the configured recursive name servers, DNS-over-HTTPS, or
 * iterative resolution from the root (authoritative mode) — chosen here, once, so the checks never
 * know which source answered. In authoritative mode the configured recursive view is kept as well,
 * to compare with (`dns.split_view`).
 */
import {
  type AuthoritativeResolverOptions,
  createAuthoritativeResolver,
} from '../dns/authoritative/index.js';
import { createResolver, type ResolverOptions } from '../dns/resolver.js';
import type { Resolver } from '../dns/types.js';
import type { LiveOptions } from './options.js';

/** The resolvers of one run: the one the verdict rests on, and the recursive view to compare with. */
export interface ResolverSet {
  resolver: Resolver;
  /** Present in authoritative mode unless `compareRecursive` is false. */
  compare?: Resolver;
}

/** The authoritative (iterative) resolver: from the root hints, or `rootServers` (RULES §10). */
function authoritativeResolver(options: LiveOptions): Resolver {
  const settings: AuthoritativeResolverOptions = {};
  if (options.rootServers !== undefined) settings.rootServers = options.rootServers;
  if (options.timeoutMs !== undefined) settings.timeoutMs = options.timeoutMs;
  return createAuthoritativeResolver(settings);
}

/** The recursive view: the configured name servers, over DoH when `dohUrl` is given. */
function recursiveResolver(options: LiveOptions): Resolver {
  const settings: ResolverOptions & { dohUrl?: string; ca?: string | Buffer } = {};
  if (options.nameservers !== undefined) settings.nameservers = options.nameservers;
  if (options.timeoutMs !== undefined) settings.timeoutMs = options.timeoutMs;
  if (options.attempts !== undefined) settings.attempts = options.attempts;
  if (options.transport !== undefined) settings.transport = options.transport;
  // DoH (RULES §10) is the "wire" resolver's: `createResolver({ dohUrl, ca })`.
  if (options.dohUrl !== undefined) settings.dohUrl = options.dohUrl;
  if (options.ca !== undefined) settings.ca = options.ca;
  return createResolver(settings);
}

/**
 * The resolvers for the options. A given `resolver` is used as it is, compared only with a given
 * `compareResolver`; otherwise `resolution` chooses, and authoritative mode keeps the configured
 * recursive view to compare with unless `compareRecursive` is false.
 */
export function resolverFor(options: LiveOptions): ResolverSet {
  const compareWanted = options.compareRecursive !== false;
  if (options.resolver) {
    return compareWanted && options.compareResolver
      ? { resolver: options.resolver, compare: options.compareResolver }
      : { resolver: options.resolver };
  }
  if (options.resolution !== 'authoritative') return { resolver: recursiveResolver(options) };
  const resolver = authoritativeResolver(options);
  if (!compareWanted) return { resolver };
  return { resolver, compare: options.compareResolver ?? recursiveResolver(options) };
}
