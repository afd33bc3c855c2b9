// Authoritative mode (RULES §10): the iterative resolver and IANA's root hints.
export type { AuthoritativeResolverOptions } from './resolver.js';
export { AUTHORITATIVE_DEFAULTS, createAuthoritativeResolver } from './resolver.js';
export type { RootServer } from './root-hints.js';
export { IANA_ROOT_SERVERS } from './root-hints.js';
