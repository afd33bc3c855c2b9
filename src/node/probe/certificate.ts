/**
 * The Edge certificate rules of RULES.md §9, pure apart from Node's `X509Certificate`: no sockets,
 * an injectable clock and injectable trust anchors, so every rule is unit-tested on fixtures.
 *
 * Sources: MS-DEPLOY ("the exact FQDN must be present in either the SN or the SAN of the external
 * certificate installed on the edge server"), MS-CERT (Gg398920: public CA, server and client
 * authentication EKU for federation; Hh202161: no wildcard for the Access Edge).
 */
import { X509Certificate } from 'node:crypto';
import type { TrustFailure } from '../../core/issues/issue-codes.js';
import { comparableName } from '../../core/names.js';
import { type Fail, type Issue, makeIssue, type Ok, toResult } from '../../core/result.js';
import { publicRootCertificates } from './tls.js';

/** EKU OIDs (RFC 5280 §4.2.1.12). */
export const EKU_SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
export const EKU_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const EKU_ANY = '2.5.29.37.0';

/** A certificate that expires within this many days gets `tls.expiring_soon`. */
export const EXPIRING_SOON_DAYS = 30;

const DAY_MS = 86_400_000;
const MAX_CHAIN_DEPTH = 10;

export type { TrustFailure } from '../../core/issues/issue-codes.js';

/** The verdict of {@link verifyChain}. */
export type TrustVerdict =
  | { trusted: true; anchor: string; depth: number }
  | { trusted: false; failure: TrustFailure; reason: string };

/** Certificate facts for a check's evidence: JSON-serialisable. */
export interface CertificateEvidence {
  /** `CN=sip.contoso.com, O=Contoso` (RFC 4514-like, in certificate order). */
  subject: string;
  /** Subject common names, as written. */
  commonNames: string[];
  /** SAN DNS names, as written. */
  dnsNames: string[];
  issuer: string;
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
  /** Extended key usage OIDs, or `null` when the certificate has no EKU extension (any purpose). */
  eku: string[] | null;
  serialNumber: string;
  /** SHA-256 fingerprint, colon-separated hex. */
  fingerprint256: string;
  /** Number of certificates in the chain judged (leaf first; Node may end it with the local root it verified against). */
  chainLength: number;
  trusted: boolean;
  /** Why the chain is not trusted, when it is not. */
  trustFailure?: TrustFailure;
}

/** Options of {@link checkEdgeCertificate}. */
export interface CertificateCheckOptions {
  /**
   * Every FQDN the certificate must carry exactly, in its subject CN or a SAN DNS name: the SRV
   * target and every other SRV target served by the same address. Compared case-insensitively,
   * without the trailing dot.
   */
  names: readonly string[];
  /**
   * The clock for validity checks.
   * @default new Date()
   */
  now?: Date;
  /**
   * Extra trust anchors (PEM), added to `roots` — e.g. a throwaway test CA, or a private CA you
   * deliberately want to accept.
   * @default []
   */
  ca?: readonly string[];
  /**
   * The public roots.
   * @default Node's bundled roots (`tls.rootCertificates`, Mozilla's list)
   */
  roots?: readonly string[];
}

/**
 * The verdict of {@link checkEdgeCertificate}: a `Result` whose value is the leaf's evidence (`ok`
 * exactly when no issue is an error), with the evidence also on `evidence`, failed or not; that is
 * `undefined` only when the leaf could not be read.
 */
export type CertificateVerdict =
  | (Ok<CertificateEvidence> & { evidence: CertificateEvidence })
  | (Fail & { evidence?: CertificateEvidence });

/** Parses PEM (or passes an `X509Certificate` through); `undefined` for anything unreadable. */
export function toX509(input: string | X509Certificate): X509Certificate | undefined {
  if (input instanceof X509Certificate) return input;
  try {
    return new X509Certificate(input);
  } catch {
    return undefined;
  }
}

/** Lower-case ASCII without the trailing root dot (RULES §0). */
const normaliseName = (name: string): string => comparableName(name.trim());

/** Subject common names of a certificate. */
export function commonNames(cert: X509Certificate): string[] {
  const cn = (cert.toLegacyObject().subject as unknown as Record<string, string | string[] | undefined>).CN;
  if (cn === undefined) return [];
  return Array.isArray(cn) ? cn : [cn];
}

/**
 * SAN DNS names of a certificate. Node writes `DNS:a, DNS:b` and JSON-quotes a value that holds a
 * delimiter (`DNS:"a, b"`), so the string is read token by token rather than split.
 */
export function dnsNames(cert: X509Certificate): string[] {
  const text = cert.subjectAltName;
  if (text === undefined) return [];
  const names: string[] = [];
  let i = 0;
  while (i < text.length) {
    const colon = text.indexOf(':', i);
    if (colon < 0) break;
    const type = text.slice(i, colon);
    let value: string;
    let next: number;
    if (text[colon + 1] === '"') {
      // A JSON string: find its closing quote, skipping escapes.
      let end = colon + 2;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      try {
        value = JSON.parse(text.slice(colon + 1, end + 1)) as string;
      } catch {
        value = text.slice(colon + 2, end);
      }
      next = end + 1;
    } else {
      const comma = text.indexOf(', ', colon + 1);
      next = comma < 0 ? text.length : comma;
      value = text.slice(colon + 1, next);
    }
    if (type === 'DNS') names.push(value);
    i = next;
    while (text[i] === ',' || text[i] === ' ') i += 1;
  }
  return names;
}

/** Extended key usage OIDs, or `null` when the certificate has no EKU extension. */
export function extendedKeyUsage(cert: X509Certificate): string[] | null {
  const eku = cert.keyUsage as string[] | undefined;
  return eku === undefined ? null : [...eku];
}

/** `CN=a\nO=b` (Node) → `CN=a, O=b`. */
function oneLine(name: string): string {
  return name.split('\n').join(', ');
}

function isoDate(text: string): string {
  const time = Date.parse(text);
  return Number.isNaN(time) ? text : new Date(time).toISOString();
}

let rootCache: { source: readonly string[]; certs: X509Certificate[] } | undefined;

function parseAll(pems: readonly string[]): X509Certificate[] {
  const certs: X509Certificate[] = [];
  for (const pem of pems) {
    const cert = toX509(pem);
    if (cert !== undefined) certs.push(cert);
  }
  return certs;
}

function anchorsFor(roots: readonly string[], ca: readonly string[]): X509Certificate[] {
  if (rootCache?.source !== roots) rootCache = { source: roots, certs: parseAll(roots) };
  return ca.length === 0 ? rootCache.certs : [...rootCache.certs, ...parseAll(ca)];
}

function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  // Compare names first: checkIssued/verify are native calls, the anchor list has ~150 entries.
  if (cert.issuer !== issuer.subject) return false;
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

function validAt(cert: X509Certificate, now: Date): boolean {
  const t = now.getTime();
  return Date.parse(cert.validFrom) <= t && t <= Date.parse(cert.validTo);
}

/**
 * Builds the chain from the leaf through the certificates the server sent to a trust anchor, as a
 * federation partner's Edge would (MS-CERT: the certificate must come from a public CA that
 * partners trust). The leaf's own dates are not judged here (`tls.expired` does that); the dates of
 * the CAs are. No AIA fetching: an intermediate the server does not send is missing.
 * @param chain PEM or `X509Certificate`s, leaf first, as the server sent them.
 * @param options `ca` extra anchors, `roots` public anchors, `now` clock.
 * @returns `trusted` with the anchor's subject, or the failure (`self_signed`, `unknown_issuer`,
 *   `ca_expired`, `not_a_ca`, `chain_too_long`) with a sentence.
 * @example
 * verifyChain([leafPem, intermediatePem], { ca: [testRootPem] }); // { trusted: true, … }
 */
export function verifyChain(
  chain: readonly (string | X509Certificate)[],
  options: Pick<CertificateCheckOptions, 'ca' | 'roots' | 'now'> = {},
): TrustVerdict {
  const certs = parseAll(chain.map((c) => (typeof c === 'string' ? c : c.toString())));
  const leaf = certs[0];
  if (leaf === undefined) return { trusted: false, failure: 'unknown_issuer', reason: 'no certificate' };
  const now = options.now ?? new Date();
  const anchors = anchorsFor(options.roots ?? publicRootCertificates(), options.ca ?? []);
  const pool = certs.slice(1);
  let current = leaf;
  for (let depth = 0; depth <= MAX_CHAIN_DEPTH; depth += 1) {
    const pinned = anchors.find((a) => a.fingerprint256 === current.fingerprint256);
    if (pinned !== undefined) return { trusted: true, anchor: oneLine(pinned.subject), depth };
    const anchor = anchors.find((a) => issuedBy(current, a));
    if (anchor !== undefined) {
      if (!validAt(anchor, now)) {
        return {
          trusted: false,
          failure: 'ca_expired',
          reason: `the root CA ${oneLine(anchor.subject)} is not valid now`,
        };
      }
      return { trusted: true, anchor: oneLine(anchor.subject), depth: depth + 1 };
    }
    if (issuedBy(current, current)) {
      return depth === 0
        ? { trusted: false, failure: 'self_signed', reason: 'the certificate is self-signed' }
        : {
            trusted: false,
            failure: 'unknown_issuer',
            reason: `the root ${oneLine(current.subject)} is not a trusted public root`,
          };
    }
    const next = pool.find((p) => p !== current && issuedBy(current, p));
    if (next === undefined) {
      return {
        trusted: false,
        failure: 'unknown_issuer',
        reason: `the issuer ${oneLine(current.issuer)} is neither a trusted root nor sent by the server`,
      };
    }
    if (!next.ca) {
      return {
        trusted: false,
        failure: 'not_a_ca',
        reason: `${oneLine(next.subject)} is not a CA certificate`,
      };
    }
    if (!validAt(next, now)) {
      return {
        trusted: false,
        failure: 'ca_expired',
        reason: `the CA certificate ${oneLine(next.subject)} is not valid now`,
      };
    }
    current = next;
  }
  return { trusted: false, failure: 'chain_too_long', reason: `more than ${MAX_CHAIN_DEPTH} certificates` };
}

/** Protocols older than TLS 1.2 (RULES §9 `tls.old_protocol`). */
const OLD_PROTOCOLS = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);

/**
 * Judges a negotiated protocol.
 * @param protocol Node's `getProtocol()` value (`TLSv1.3`, `TLSv1.2`, `TLSv1.1`, …).
 * @returns `tls.old_protocol` (W) for SSLv3, TLS 1.0 and TLS 1.1; nothing otherwise.
 * @example
 * checkTlsProtocol('TLSv1.1'); // [{ code: 'tls.old_protocol', … }]
 */
export function checkTlsProtocol(protocol: string | null | undefined): Issue[] {
  if (protocol == null || !OLD_PROTOCOLS.has(protocol)) return [];
  return [makeIssue('tls.old_protocol', [], { params: { protocol } })];
}

/**
 * MS-DEPLOY: "the exact FQDN must be present in either the SN or the SAN" — exact, so a wildcard that
 * would cover the name in a browser does not count. MS-CERT (Hh202161): no wildcard subject name.
 */
function nameIssues(names: readonly string[], cns: readonly string[], sans: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  const certNames = new Set([...cns, ...sans].map(normaliseName));
  const wildcards = [...certNames].filter((n) => n.startsWith('*.'));
  const wanted = [...new Set(names.map(normaliseName))].filter((n) => n !== '');
  for (const name of wanted) {
    if (certNames.has(name)) continue;
    const parent = name.slice(name.indexOf('.') + 1);
    const wildcard = wildcards.find((w) => w.slice(2) === parent);
    issues.push(makeIssue('tls.name_mismatch', [], { params: { name, ...(wildcard ? { wildcard } : {}) } }));
  }
  const expected = wanted[0];
  for (const cn of cns) {
    if (!cn.includes('*')) continue;
    const params = { subject: cn, ...(expected === undefined ? {} : { expected }) };
    issues.push(makeIssue('tls.wildcard_subject', [], { params }));
  }
  return issues;
}

/** Validity at `now`: not yet valid counts as expired (`params.notYetValid`); 30 days left warns. */
function validityIssues(leaf: X509Certificate, now: Date): Issue[] {
  const from = Date.parse(leaf.validFrom);
  const to = Date.parse(leaf.validTo);
  const validFrom = isoDate(leaf.validFrom);
  const validTo = isoDate(leaf.validTo);
  const t = now.getTime();
  if (t < from || t > to) {
    return [makeIssue('tls.expired', [], { params: { validFrom, validTo, notYetValid: t < from } })];
  }
  if (to - t < EXPIRING_SOON_DAYS * DAY_MS) {
    const days = Math.floor((to - t) / DAY_MS);
    return [makeIssue('tls.expiring_soon', [], { params: { days, validTo } })];
  }
  return [];
}

/** MS-CERT: server and (federation is mutual TLS) client EKU; no extension or anyExtendedKeyUsage is both. */
function ekuIssues(eku: readonly string[] | null): Issue[] {
  if (eku === null || eku.includes(EKU_ANY)) return [];
  const issues: Issue[] = [];
  const params = { eku: eku.join(', ') };
  if (!eku.includes(EKU_SERVER_AUTH)) issues.push(makeIssue('tls.missing_server_auth', [], { params }));
  if (!eku.includes(EKU_CLIENT_AUTH)) issues.push(makeIssue('tls.missing_client_auth', [], { params }));
  return issues;
}

/**
 * Judges the certificate an Edge presents for federation (RULES §9):
 * exact name, no wildcard subject, validity, extended key usage, and trust.
 *
 * A certificate **without** an EKU extension is valid for every purpose (RFC 5280 §4.2.1.12, and
 * Schannel reads it the same way), so it gets neither `tls.missing_server_auth` nor
 * `tls.missing_client_auth`; its evidence shows `eku: null`. `anyExtendedKeyUsage` counts as both.
 *
 * @param chain The certificates as the server sent them, leaf first (PEM or `X509Certificate`).
 * @param options `names` to match exactly; `now`, `ca`, `roots` (see {@link CertificateCheckOptions}).
 * @returns `tls.name_mismatch` E per missing name (a wildcard SAN does not count),
 *   `tls.wildcard_subject` E, `tls.expired` E (also for not yet valid), `tls.expiring_soon` W
 *   (within 30 days), `tls.missing_server_auth` E, `tls.missing_client_auth` W, `tls.untrusted` E,
 *   `tls.handshake_failed` E when the leaf cannot be read; a `Result` whose value (and `evidence`) is the leaf's evidence.
 * @example
 * const verdict = checkEdgeCertificate([leafPem, intermediatePem], { names: ['sip.contoso.com'] });
 * verdict.issues.map((i) => i.code); // e.g. ['tls.name_mismatch']
 */
export function checkEdgeCertificate(
  chain: readonly (string | X509Certificate)[],
  options: CertificateCheckOptions,
): CertificateVerdict {
  const first = chain[0];
  const leaf = first === undefined ? undefined : toX509(first);
  if (leaf === undefined) {
    const reason = first === undefined ? 'no certificate' : 'the certificate could not be parsed';
    return { ok: false, issues: [makeIssue('tls.handshake_failed', [], { params: { reason } })] };
  }
  const cns = commonNames(leaf);
  const sans = dnsNames(leaf);
  const eku = extendedKeyUsage(leaf);
  const issues: Issue[] = [
    ...nameIssues(options.names, cns, sans),
    ...validityIssues(leaf, options.now ?? new Date()),
    ...ekuIssues(eku),
  ];

  // MS-CERT: issued by a public CA that federation partners trust.
  const trust = verifyChain(chain, options);
  if (!trust.trusted) {
    issues.push(makeIssue('tls.untrusted', [], { params: { reason: trust.reason, trust: trust.failure } }));
  }

  const evidence: CertificateEvidence = {
    subject: oneLine(leaf.subject),
    commonNames: cns,
    dnsNames: sans,
    issuer: oneLine(leaf.issuer),
    validFrom: isoDate(leaf.validFrom),
    validTo: isoDate(leaf.validTo),
    eku,
    serialNumber: leaf.serialNumber,
    fingerprint256: leaf.fingerprint256,
    chainLength: chain.length,
    trusted: trust.trusted,
  };
  if (!trust.trusted) evidence.trustFailure = trust.failure;
  return { ...toResult(evidence, issues), evidence };
}
