/**
 * The issue codes and the one table: per code its default severity, its params type (the type of
 * the message function's argument), its English message and its hint. Check sites produce
 * `{ code, params }` and write no sentence; `makeIssue` (result.ts) is compile-checked against the
 * params type here. Codes are public API: never rename or reuse one.
 *
 * To add a code: one entry, e.g.
 * `'dns.referral': def(W, (p: { name: string; server: string }) => `…`, { inconclusive: true, hint: (p) => `…` }),`
 */
import { codePointOf, isInvisible } from '../text/chars.js';
import { srvRecordLine, srvRecordLineAt } from './record-text.js';

/** How bad an issue is. Only `error` makes a result fail. */
export type Severity = 'error' | 'warning' | 'info';

/** A params object with no fields: `makeIssue(code, path)` takes none. */
type None = { readonly [key: string]: never };

/** One row of the table, for a code whose params have type `P`. */
interface Definition<P> {
  /** Default severity; a check site may override it where RULES.md gives two. */
  readonly severity: Severity;
  /** True when the issue means "we could not ask", which makes a live check inconclusive. */
  readonly inconclusive?: true;
  readonly message: (p: P) => string;
  /** The concrete fix, or `undefined` when the params give none. */
  readonly hint?: (p: P) => string | undefined;
}

interface More<P> {
  readonly hint?: (p: P) => string | undefined;
  readonly inconclusive?: true;
}

/* @__NO_SIDE_EFFECTS__ */
function def<P extends object = None>(
  severity: Severity,
  message: (p: P) => string,
  more?: More<P>,
): Definition<P> {
  return { severity, message, ...more };
}

const q = (value: string): string => `"${value}"`;

/**
 * A character for a message: `"ü" (U+00FC)`, `a space (U+0020)`, or `the invisible character
 * U+200B` (never the invisible character itself).
 */
function ch(char: string): string {
  const code = codePointOf(char);
  if (char === ' ') return `a space (${code})`;
  return isInvisible(char) ? `the invisible character ${code}` : `"${char}" (${code})`;
}

/** `fqdn.not_a_hostname`'s `found` param → words. */
const FOUND = {
  url: 'a URL',
  sip_uri: 'a sip: URI',
  user: 'a user part',
  port: 'a port',
  path: 'a path',
  query: 'a query',
  fragment: 'a fragment',
  parameters: 'URI parameters',
  brackets: 'brackets',
} as const;

/** What surrounded a host name (`fqdn.not_a_hostname` `found`). */
export type HostDecoration = keyof typeof FOUND;

/** `address.invalid`'s `reason` param → words. */
const ADDRESS_REASONS = {
  missing_at: 'expected user@domain, found no "@"',
  multiple_at: 'more than one "@"',
  empty_local_part: 'the user part before "@" is empty',
  empty_domain: 'the domain after "@" is empty',
  domain_whitespace: 'whitespace around the domain',
  decorated_too_long: 'the decorated address would be longer than 1,024 characters',
} as const;

/** Why an address is not one (`address.invalid` `reason`). */
export type AddressInvalidReason = keyof typeof ADDRESS_REASONS;

/** Why a chain is not trusted (`tls.untrusted` `trust`). */
export type TrustFailure = 'self_signed' | 'unknown_issuer' | 'ca_expired' | 'not_a_ca' | 'chain_too_long';

const TRUST_HINTS: Readonly<Record<TrustFailure, string>> = {
  self_signed:
    'Replace the self-signed certificate with one issued by a public certification authority that federation partners trust.',
  unknown_issuer:
    'Install the intermediate CA certificates on the Edge so that it sends the whole chain, and use a public certification authority that federation partners trust.',
  ca_expired:
    'Renew the expired CA certificate in the chain (or reissue the Edge certificate under a current CA).',
  not_a_ca:
    'The chain holds a certificate that is not a CA; install the correct intermediate CA certificates.',
  chain_too_long: 'Send a normal chain: leaf, intermediates, up to a public root.',
};

// Params shared by several codes.
type Length = { max: number; actual: number };
type Label = { label: string };
type Value = { value: string };
type Domain = { domain: string };
type Fqdn = { fqdn: string };
type Field = { field: string };
type TypeMismatch = { expected: string; type: string };
/** `suggested`: the in-domain SRV target to publish (lower case, no root dot). */
type TargetInDomain = { target: string; domain: string; suggested: string };
type DnsWhere = { name: string; type: string; server?: string };
/** Where a zone-file issue is: `line`, `endLine` for a record over several lines, `file`. */
type ZoneWhere = { line: number; endLine?: number; file?: string };

const E = 'error' as const;
const W = 'warning' as const;
const I = 'info' as const;

/** `srv.invalid_record` `reason` (a field's problem, or what the item is) → words. */
const SRV_FIELD_PROBLEMS: Readonly<Record<string, string>> = {
  missing: 'is missing',
  not_a_number: 'is not a number',
  not_an_integer: 'is not a whole number',
  out_of_range: 'is out of range',
  not_a_string: 'is not a string',
  unreadable: 'could not be read',
};
const SRV_ITEM_PROBLEMS: Readonly<Record<string, string>> = {
  hole: 'a hole in the array',
  null: 'null',
  unreadable: 'it could not be read',
};

/** Why iterative resolution stopped (`dns.resolution_limit` `limit`, RULES §10). */
export type ResolutionLimit = 'referrals' | 'queries' | 'glueless_cycle';
const RESOLUTION_LIMITS: Readonly<Record<ResolutionLimit, string>> = {
  referrals: 'more than 16 referrals',
  queries: 'more questions than the limit allows',
  glueless_cycle: 'its name servers can only be found through each other (a cycle without glue)',
};

const PUBLIC_DNS_HINT = 'Use a name registered in public DNS';

/** Every issue code with its default severity, params type, message and hint. */
export const ISSUE_DEFINITIONS = /* @__PURE__ */ Object.freeze({
  // §0 input
  'input.not_string': def(E, (p: { type: string }) => `Expected a string, got ${p.type}.`),
  'input.empty': def(E, () => 'The value is empty.'),
  'input.trimmed': def(W, () => 'Leading or trailing whitespace was removed.'),
  'input.too_long': def(
    E,
    (p: Length) => `The input is ${p.actual} characters long; at most ${p.max} are accepted.`,
  ),

  // Hostile and oversized object inputs: an issue, never a throw.
  'input.unreadable': def(
    E,
    // `reason`: what the read threw (a revoked Proxy, a throwing getter or trap).
    (p: { reason?: string }) =>
      `The value could not be read${p.reason === undefined ? '' : ` (${p.reason})`}: a revoked Proxy, or a getter or trap that throws.`,
  ),
  'input.too_many_items': def(
    E,
    (p: Length) => `The list has ${p.actual} items; at most ${p.max} are accepted.`,
  ),

  // §1 FQDN
  'fqdn.ip_address': def(
    E,
    (p: Value) => `${q(p.value)} is an IP address; a fully qualified domain name is required.`,
    { hint: () => 'Give the host name (FQDN) that resolves to this address, e.g. sip.<your domain>.' },
  ),
  'fqdn.not_a_hostname': def(
    E,
    // `host`: the bare host name inside, when it passes the structural and label rules itself.
    (p: { value: string; found: HostDecoration; host?: string }) =>
      `${q(p.value)} is not a bare host name (found ${FOUND[p.found] ?? 'extra parts'}).`,
    { hint: (p) => (p.host === undefined ? undefined : `Give the bare host name: ${p.host}`) },
  ),
  'fqdn.invalid_char': def(
    E,
    (p: { char: string; codePoint: string }) =>
      `The name contains ${ch(p.char)}, which a host name cannot (letters, digits, "-" and "." only).`,
  ),
  'fqdn.non_ascii': def(
    E,
    // `ascii`: the name as WHATWG URL's domain-to-ASCII gives it, when it gives one.
    (p: { char: string; codePoint: string; ascii?: string }) =>
      `The name contains ${ch(p.char)}, which is not ASCII; Lync Server 2013 and Skype for Business do not support internationalized domain names.`,
    {
      hint: (p) => {
        if (p.ascii === undefined) return undefined;
        return p.ascii.includes('xn--')
          ? `The A-label (Punycode) form is ${p.ascii}; Lync Server 2013 does not support internationalized names, so prefer a plain ASCII name.`
          : `Type the name in plain ASCII: ${p.ascii}`;
      },
    },
  ),
  'fqdn.label_empty': def(E, () => 'The name has an empty label (a leading dot, ".." or two trailing dots).'),
  'fqdn.too_long': def(
    E,
    (p: Length) => `The name is ${p.actual} characters long; at most ${p.max} are allowed.`,
  ),
  'fqdn.label_too_long': def(
    E,
    (p: Label & Length) =>
      `The label ${q(p.label)} is ${p.actual} characters long; at most ${p.max} are allowed.`,
  ),
  'fqdn.underscore': def(
    E,
    (p: Label) => `The label ${q(p.label)} contains an underscore, which host names cannot.`,
  ),
  'fqdn.wildcard': def(E, (p: Label) =>
    p.label === '*'
      ? 'A wildcard label ("*") is not allowed: the Edge does not support wildcards.'
      : `The label ${q(p.label)} holds a wildcard ("*"), which the Edge does not support.`,
  ),
  'fqdn.label_hyphen': def(E, (p: Label) => `The label ${q(p.label)} starts or ends with a hyphen.`),
  'fqdn.invalid_a_label': def(E, (p: Label) => `The label ${q(p.label)} is not a valid IDNA A-label.`),
  'fqdn.idn_not_supported': def(
    W,
    (p: Label & { unicode: string }) =>
      `The label ${q(p.label)} is an internationalized (xn--) label; Lync Server 2013 does not support internationalized domain names.`,
  ),
  'fqdn.reserved_label_form': def(
    W,
    (p: Label) => `The label ${q(p.label)} has "--" in positions 3 and 4, a form reserved for IDNA.`,
  ),
  'fqdn.single_label': def(
    E,
    (p: Value) => `${q(p.value)} is a single label; a fully qualified domain name is required.`,
    { hint: (p) => `Give the fully qualified name, e.g. ${p.value}.<your domain>.` },
  ),
  'fqdn.numeric_tld': def(E, (p: { tld: string }) => `The top-level label ${q(p.tld)} starts with a digit.`),
  'fqdn.reserved_name': def(
    E,
    (p: Value & { suffix: string }) =>
      `${q(p.value)} is under the special-use or private name ${q(p.suffix)} and cannot be used in public DNS.`,
    { hint: () => `${PUBLIC_DNS_HINT}; federation partners cannot resolve special-use names.` },
  ),
  'fqdn.unknown_tld': def(
    E,
    (p: { tld: string }) => `The top-level domain ${q(p.tld)} is not a public (ICANN) top-level domain.`,
    { hint: () => `${PUBLIC_DNS_HINT}; internal suffixes such as .corp or .lan cannot federate.` },
  ),
  'fqdn.public_suffix': def(E, (p: Value) => `${q(p.value)} is a public suffix, not a registrable domain.`),
  'fqdn.documentation_domain': def(
    W,
    (p: Domain) =>
      `${q(p.domain)} is a Microsoft documentation placeholder domain; was it copied from the docs?`,
    { hint: () => "Replace the documentation placeholder with your organisation's own domain." },
  ),

  // §2 SIP domain
  'sip_domain.looks_like_host': def(
    W,
    (p: Value & Label & Domain) =>
      `${q(p.value)} looks like a host name (first label ${q(p.label)}); give only the SIP domain suffix, such as ${q(p.domain)}.`,
    {
      hint: (p) =>
        `If ${p.value} is your Access Edge or another server, give the SIP domain instead, e.g. ${p.value.slice(p.label.length + 1)}.`,
    },
  ),
  'sip_domain.microsoft_managed': def(
    W,
    (p: Value) =>
      `${q(p.value)} is a Microsoft 365 domain; its federation is Microsoft 365's, not your Edge's.`,
    {
      hint: () =>
        'Configure federation for this domain in Microsoft 365 (Teams external access), not on your Edge.',
    },
  ),

  // §3 Agreement number
  'agreement_number.unknown_type': def(
    E,
    (p: { type: string; expected: string }) =>
      `Unknown agreement type ${q(p.type)}; expected one of ${p.expected}.`,
  ),
  'agreement_number.too_long': def(
    E,
    (p: Length) => `The agreement number is ${p.actual} characters long; at most ${p.max} are allowed.`,
  ),
  'agreement_number.invalid_char': def(
    E,
    // `cleaned`: the number without the characters that are not allowed, when any remain.
    (p: { char: string; cleaned?: string }) =>
      `The agreement number contains ${ch(p.char)}; only ASCII letters, digits and "-" are allowed.`,
    { hint: (p) => (p.cleaned === undefined ? undefined : `Without the extra characters: ${p.cleaned}`) },
  ),
  'agreement_number.too_short': def(
    W,
    (p: { min: number; actual: number }) =>
      `The agreement number has only ${p.actual} characters; at least ${p.min} are expected.`,
  ),
  'agreement_number.placeholder': def(
    W,
    (p: Value) => `${q(p.value)} looks like a placeholder, not a real agreement number.`,
  ),
  'agreement_number.unexpected_shape': def(
    W,
    (_p: { agreementType: 'partner-network' }) =>
      'A Microsoft Partner Network headquarters partner ID is expected to be all digits.',
  ),

  // §4 Addresses and NameDecoration
  'address.sip_prefix_removed': def(I, () => 'The "sip:" prefix was removed.'),
  'address.invalid': def(
    E,
    (p: { reason: AddressInvalidReason }) => `Not a valid address: ${ADDRESS_REASONS[p.reason] ?? p.reason}.`,
  ),
  'address.invalid_local_part': def(
    E,
    (p: { char: string; codePoint: string; index: number }) =>
      `The user part contains ${ch(p.char)}, which a SIP user part (RFC 3261) does not allow.`,
  ),
  'address.local_part_too_long': def(
    W,
    (p: Length) => `The user part is ${p.actual} characters long; more than ${p.max} may be refused.`,
  ),
  'decoration.excluded_domain': def(
    I,
    (p: Domain) => `${q(p.domain)} is in the excluded domain list, so the address is not decorated.`,
  ),
  'decoration.already_decorated': def(I, () => 'The address is already decorated.'),
  'decoration.consumer_domain_variant': def(
    W,
    (p: Domain) =>
      `${q(p.domain)} is a national variant of a Microsoft consumer domain and is not in the excluded list; add it if your users' Microsoft accounts use it.`,
  ),
  'decoration.invalid_routing_domain': def(
    E,
    // `reason`: the first error code of checkFqdn (or `input.not_string`).
    (p: Value & { reason: string }) => `The routing domain ${q(p.value)} is not a valid FQDN (${p.reason}).`,
  ),
  'decoration.not_decorated': def(
    E,
    (p: { routingDomain: string }) =>
      `The address is not a decorated address (user(domain)@${p.routingDomain}).`,
  ),
  'decoration.list_whitespace': def(
    W,
    (p: { item: string }) => `The list item ${q(p.item)} has surrounding whitespace.`,
  ),
  'decoration.list_empty_item': def(E, () => 'The list has an empty item.'),
  'decoration.list_duplicate': def(W, (p: Domain) => `${q(p.domain)} appears more than once in the list.`),
  'decoration.invalid_excluded_domain': def(
    E,
    // `reason`: the first error code of checkFqdn.
    (p: { item: string; reason: string }) =>
      `The excluded domain ${q(p.item)} is not a valid domain (${p.reason}).`,
  ),
  'decoration.routing_domain_not_excluded': def(
    W,
    (p: Domain) =>
      `The routing domain ${q(p.domain)} is not in the excluded domain list, so addresses on it would be decorated again.`,
  ),

  // §5 Public provider
  'provider.unexpected_proxy_fqdn': def(
    W,
    (p: Value & { expected: string }) =>
      `The Skype provider's proxy is ${q(p.value)}; Microsoft documents ${q(p.expected)}.`,
  ),
  'provider.invalid_verification_level': def(
    E,
    (p: Value) =>
      `${q(p.value)} is not a verification level; use AlwaysVerifiable, AlwaysUnverifiable or UseSourceVerification.`,
  ),
  'provider.numeric_verification_level': def(
    W,
    (p: { value: 0 | 1 | 2 }) =>
      `The numeric verification level ${p.value} maps to the enum in an undocumented way; prefer its name.`,
  ),
  'provider.deprecated_verification_level': def(
    W,
    (p: { serverVersion: string }) => `UseSourceVerification is deprecated on ${p.serverVersion}.`,
  ),
  'provider.parameter_not_supported': def(
    E,
    (p: { parameter: string; serverVersion: string }) =>
      `-${p.parameter} is not a parameter of New-CsPublicProvider on ${p.serverVersion}.`,
  ),
  'provider.invalid_icon_url': def(
    E,
    (p: Value) => `The icon URL ${q(p.value)} is not an absolute https URL.`,
  ),
  'provider.unsafe_value': def(E, () => 'The value contains a control character or a line break.'),
  'provider.invalid_server_version': def(
    E,
    (p: Value) => `Unknown server version ${q(p.value)}; expected lync2013, sfb2015 or sfb2019.`,
  ),
  'provider.invalid_type': def(E, (p: TypeMismatch) => `Expected ${p.expected}, got ${p.type}.`),
  'provider.unknown_field': def(E, (p: Field) => `Unknown setting ${q(p.field)}.`),

  // §6 Provisioning request
  'request.missing_field': def(E, (p: Field) => `The required field ${q(p.field)} is missing.`),
  'request.invalid_type': def(E, (p: TypeMismatch) => `Expected ${p.expected}, got ${p.type}.`),
  'request.unknown_field': def(E, (p: Field) => `Unknown field ${q(p.field)}.`),
  'request.no_sip_domains': def(E, () => 'The request has no SIP domain; at least one is required.'),
  'request.too_many_edges': def(
    E,
    (p: Length) => `The request has ${p.actual} Access Edge FQDNs; at most ${p.max} are allowed per request.`,
  ),
  'request.duplicate_sip_domain': def(
    E,
    (p: Domain) => `The SIP domain ${q(p.domain)} is listed more than once.`,
  ),
  'request.duplicate_edge': def(
    E,
    (p: Fqdn) => `The Access Edge FQDN ${q(p.fqdn)} is listed more than once.`,
  ),
  'request.sip_domain_multiple_edges': def(
    E,
    (p: Domain & Fqdn & { otherFqdn: string }) =>
      `The SIP domain ${q(p.domain)} is under more than one Access Edge FQDN (${q(p.otherFqdn)} and ${q(p.fqdn)}).`,
  ),
  'request.sip_domain_is_edge': def(
    E,
    (p: Domain) => `The SIP domain ${q(p.domain)} is also an Access Edge FQDN.`,
  ),
  'request.edge_without_domains': def(W, (p: Fqdn) => `The Access Edge ${q(p.fqdn)} has no SIP domains.`),
  'request.unsupported_provider': def(
    E,
    (p: Value) =>
      `${q(p.value)} is not a supported public IM provider; only Skype remains (Yahoo! and AOL ended on 2014-06-30).`,
  ),
  'request.needs_in_domain_target': def(
    I,
    // `target`: the in-domain SRV target to publish for this domain.
    (p: Fqdn & Domain & { target: string }) =>
      `The Access Edge ${q(p.fqdn)} is not a host directly under the SIP domain ${q(p.domain)}.`,
    {
      hint: (p) =>
        `Publish ${srvRecordLine(p.domain, p.target)} with an A record for ${p.target} pointing at the Access Edge ${p.fqdn}, and add ${p.target} to the Edge certificate's SAN.`,
    },
  ),
  'request.edge_is_microsoft_online': def(
    E,
    (p: Fqdn) => `${q(p.fqdn)} is Microsoft 365's federation edge, not your Access Edge.`,
  ),

  // §7 Federation SRV
  'federation.target_outside_domain': def(
    E,
    (p: TargetInDomain) => `The SRV target ${q(p.target)} is not inside the SIP domain ${q(p.domain)}.`,
    { hint: (p) => targetHint(p) },
  ),
  'federation.target_not_top_level': def(
    E,
    (p: TargetInDomain) =>
      `The SRV target ${q(p.target)} is more than one label below the SIP domain ${q(p.domain)}.`,
    { hint: (p) => targetHint(p) },
  ),
  'federation.target_is_domain': def(
    W,
    (p: { target: string; domain: string }) => `The SRV target is the SIP domain ${q(p.domain)} itself.`,
    {
      hint: (p) =>
        `Prefer a host directly under the domain, e.g. ${srvRecordLine(p.domain, `sip.${p.domain}`)}`,
    },
  ),
  'federation.microsoft_online_target': def(
    I,
    (p: { target: string; domain: string }) =>
      `The SRV target ${q(p.target)} is a Microsoft 365 federation edge: ${q(p.domain)} federates through Microsoft 365.`,
  ),
  'srv.invalid_record': def(
    E,
    // `field` and `reason`: what is wrong with the item (`port`: "not an integer from 0 to 65535").
    (p: { index: number; field?: string; reason?: string }) =>
      p.field === undefined
        ? `Record ${p.index} is not an SRV record: priority, weight and port are integers from 0 to 65535, and the target a string.`
        : p.field === 'record'
          ? `Item ${p.index} is not an SRV record (${SRV_ITEM_PROBLEMS[p.reason ?? ''] ?? `a ${p.reason}`}).`
          : `Record ${p.index} is not an SRV record: its ${p.field} ${SRV_FIELD_PROBLEMS[p.reason ?? ''] ?? 'is invalid'} (priority, weight and port are integers from 0 to 65535, the target a string).`,
  ),
  'srv.missing': def(
    E,
    // `name`: the owner name asked; `rcode`: the answer that said so (live checks only).
    // `alias`: the end of the owner's CNAME chain, where the record must go (never beside a CNAME).
    (p: Domain & { name: string; suggested: string; rcode?: string; alias?: string }) =>
      `There is no _sipfederationtls._tcp SRV record for ${q(p.domain)}.`,
    {
      hint: (p) =>
        p.alias === undefined
          ? `Publish in public DNS: ${srvRecordLine(p.domain, p.suggested)}`
          : `_sipfederationtls._tcp.${p.domain} is a CNAME to ${p.alias}: publish the record there: ${srvRecordLineAt(p.alias, p.suggested)}`,
    },
  ),
  'srv.service_disabled': def(
    E,
    (p: Domain & { record: string; suggested: string }) =>
      `The SRV record for ${q(p.domain)} has the target ".", which says federation is not available.`,
    { hint: (p) => `Replace it with: ${srvRecordLine(p.domain, p.suggested)}` },
  ),
  'srv.wrong_port': def(
    E,
    (p: Domain & { port: number; expected: number; record: string; target: string }) =>
      `The SRV record points to port ${p.port}; federation uses ${p.expected}.`,
    { hint: (p) => `Publish: ${srvRecordLine(p.domain, p.target)}` },
  ),
  'srv.inconsistent_records': def(
    W,
    (p: Domain & { record: string; reason: string; suggested: string }) =>
      `A non-selected SRV record (${p.record}) would fail if the selected one were removed (${p.reason}).`,
    {
      hint: (p) => `Fix or remove it; every record should read like ${srvRecordLine(p.domain, p.suggested)}`,
    },
  ),
  'srv.mixed_targets': def(W, (_p: Domain) => 'The SRV records mix on-premises and Microsoft 365 targets.', {
    hint: () =>
      'A SIP domain federates either through your Edge or through Microsoft 365: keep one kind of target.',
  }),
  'srv.duplicate_record': def(
    W,
    (p: { record: string }) => `The SRV record ${p.record} is listed more than once.`,
    { hint: () => 'Remove the copy.' },
  ),
  'srv.target_not_declared_edge': def(
    I,
    (p: { target: string; edges: string }) =>
      `The SRV target ${q(p.target)} is not one of the declared Access Edge FQDNs.`,
    {
      hint: (p) =>
        `Fine for an extra SIP domain if ${p.target} points at the same Edge and is in its certificate.`,
    },
  ),
  'srv.near_miss': def(
    W,
    // `name`: where the record is; `expected`: where it belongs; `records`: what is there.
    (p: Domain & { name: string; expected: string; records: string; suggested: string }) =>
      `There is a record at the near-miss name ${q(p.name)}; the federation record belongs at ${q(p.expected)}.`,
    { hint: (p) => `Move the record to ${p.expected}: ${srvRecordLineAt(p.expected, p.suggested)}` },
  ),

  // §8 Live DNS
  'dns.timeout': def(
    W,
    (p: DnsWhere & { timeoutMs: number }) => `The ${p.type} query for ${p.name} timed out.`,
    {
      inconclusive: true,
      hint: () => 'Check that the name server is reachable (--nameserver), or raise --timeout.',
    },
  ),
  'dns.server_failure': def(
    W,
    // `httpStatus`: DoH (RULES §10), an HTTP status other than 200.
    (p: DnsWhere & { rcode: string; httpStatus?: number }) =>
      p.rcode === 'NOERROR'
        ? `The name server answered ${p.name} ${p.type} with no records, no referral and no authority (NOERROR without AA).`
        : `The name server answered ${p.rcode} for ${p.name} ${p.type}.`,
    {
      inconclusive: true,
      hint: (p) =>
        p.rcode === 'NOERROR'
          ? 'The server is not authoritative for this name and refers nowhere: check that --root-server (or the NS records on the way) point at the right servers.'
          : p.httpStatus !== undefined
            ? `The DoH service answered HTTP ${p.httpStatus}: check the URL (--doh) and that it serves application/dns-message.`
            : p.rcode === 'REFUSED'
              ? 'The name server refused the question: use a resolver that answers you (--nameserver), such as a public one.'
              : "The name server could not answer (SERVFAIL: often a broken delegation or DNSSEC failure at the domain's DNS host); try again or ask another --nameserver.",
    },
  ),
  'dns.network_error': def(
    W,
    // `reason`: the socket error's code (`ECONNREFUSED`), or what went wrong; `type` when known.
    (p: { name: string; reason: string; server?: string; type?: string }) =>
      `The ${p.type === undefined ? 'DNS' : p.type} query for ${p.name} failed at the network: ${p.reason}.`,
    {
      inconclusive: true,
      hint: () =>
        'The name server could not be reached from here: check the address and port (--nameserver) and the firewall.',
    },
  ),
  'dns.malformed_response': def(
    W,
    (p: DnsWhere & { reason: string }) => `The answer for ${p.name} ${p.type} could not be decoded.`,
    { inconclusive: true },
  ),
  'dns.deadline_exceeded': def(
    W,
    // `name` (and `type`): what was being asked; `deadlineMs`: the run's deadline, when known.
    (p: { name: string; type?: string; deadlineMs?: number }) =>
      p.deadlineMs === undefined
        ? "The run's deadline passed before this check could finish."
        : `The run's deadline of ${p.deadlineMs} ms passed before this check could finish.`,
    { inconclusive: true },
  ),
  'dns.target_no_address': def(
    E,
    (p: { target: string }) => `The SRV target ${q(p.target)} has no A or AAAA record.`,
    { hint: (p) => `Publish an A (or AAAA) record for ${p.target} with the Access Edge's public address.` },
  ),
  'dns.target_is_alias': def(
    W,
    (p: { target: string; alias: string; domain?: string }) =>
      `The SRV target ${q(p.target)} is a CNAME alias (of ${q(p.alias)}); RFC 2782 says it must not be.`,
    {
      hint: (p) =>
        `Replace the CNAME at ${p.target} with A/AAAA records, or point the SRV record at the canonical name if it is in ${p.domain ?? 'the SIP domain'}.`,
    },
  ),
  'dns.private_address': def(
    E,
    (p: { name: string; addresses: string }) =>
      `${q(p.name)} resolves only to non-public addresses (${p.addresses}).`,
    {
      hint: (p) =>
        `Federation partners connect from the internet: publish ${p.name}'s public address in public DNS (an internal view is not what they see).`,
    },
  ),
  'dns.mixed_addresses': def(
    W,
    (p: { name: string; addresses: string }) =>
      `${q(p.name)} resolves to both public and non-public addresses (${p.addresses}).`,
    {
      hint: (p) =>
        `Remove the non-public addresses from ${p.name} in public DNS; partners may pick one they cannot reach.`,
    },
  ),
  'dns.edge_no_address': def(E, (p: Fqdn) => `The Access Edge FQDN ${q(p.fqdn)} has no A or AAAA record.`, {
    hint: (p) =>
      `Publish an A (or AAAA) record for ${p.fqdn} with the Access Edge's public address in public DNS.`,
  }),
  'dns.target_address_mismatch': def(
    W,
    (p: { target: string; edges: string }) =>
      `The SRV target ${q(p.target)} is not a declared edge and shares no address with one.`,
    {
      hint: (p) =>
        `Point ${p.target} at the Access Edge's public address, or declare its edge in the request.`,
    },
  ),
  'dns.related_record': def(
    I,
    (p: { name: string; type: string; data: string }) => `Related record: ${p.name} ${p.type} ${p.data}`,
  ),

  // §8 (new rows) and §10: referrals, CNAME chains, wildcards, whose view of DNS.
  'dns.referral': def(
    W,
    (p: DnsWhere & { zone: string; nameservers: string }) =>
      `The name server sent a referral (to ${p.zone === '' ? 'the root' : q(p.zone)}) for ${p.name} ${p.type} instead of an answer: it is not a recursive resolver.`,
    {
      inconclusive: true,
      hint: () =>
        'The name server is authoritative for a parent zone only: ask a recursive resolver (--nameserver), or resolve from the root with --authoritative.',
    },
  ),
  'dns.cname_loop': def(
    E,
    // `chain`: the links followed, `a → b, b → c`.
    (p: { name: string; type: string; max: number; chain: string }) =>
      `The CNAME chain from ${q(p.name)} loops or is longer than ${p.max} links.`,
    {
      hint: (p) =>
        `Make the CNAME chain from ${p.name} end at a name with records, in at most ${p.max} links.`,
    },
  ),
  'dns.resolution_limit': def(
    W,
    (p: { name: string; type: string; limit: ResolutionLimit; detail?: string }) =>
      `Resolving ${p.name} ${p.type} was stopped: ${RESOLUTION_LIMITS[p.limit] ?? p.limit}.`,
    {
      inconclusive: true,
      hint: (p) =>
        p.limit === 'queries'
          ? 'The zone makes resolution ask too many questions (a long chain of delegations or name servers); check its NS records.'
          : "Check the zone's delegation: its NS records must lead to servers with addresses (glue) within a few steps.",
    },
  ),
  'srv.owner_is_alias': def(
    W,
    (p: { owner: string; alias: string }) =>
      `The SRV owner ${q(p.owner)} is a CNAME alias (of ${q(p.alias)}).`,
    {
      hint: (p) =>
        `Replace the CNAME at ${p.owner} with the SRV record itself, so partners need not follow an alias.`,
    },
  ),
  'dns.wildcard_answer': def(
    I,
    (p: { name: string; wildcard: string }) =>
      `The answer for ${q(p.name)} is synthesised from the wildcard ${q(p.wildcard)}.`,
  ),
  'dns.lame_server': def(
    W,
    // `none`: no server of the zone answered authoritatively (then E: partners fail too).
    (p: DnsWhere & { server: string; zone: string; reason: string; nameserver?: string; none?: boolean }) =>
      `The name server ${p.nameserver ?? p.server} listed for ${q(p.zone)} did not answer authoritatively for ${p.name} ${p.type} (${p.reason}).`,
    {
      hint: (p) =>
        p.none === true
          ? `No server of ${p.zone} answers authoritatively for ${p.name}: partners cannot resolve it either. Fix the delegation (NS records) or the servers.`
          : `Fix or remove ${p.nameserver ?? p.server} from the NS records of ${p.zone}: partners that ask it get no answer.`,
    },
  ),
  'dns.inconsistent_servers': def(
    W,
    // `servers`: which servers gave which set, `a + b / c`.
    (p: { name: string; type: string; zone: string; sets: number; servers: string }) =>
      `The authoritative servers of ${q(p.zone)} give ${p.sets} different answers for ${p.name} ${p.type} (${p.servers}).`,
    {
      hint: (p) =>
        `Make every authoritative server of ${p.zone} serve the same records (a stale secondary or a forgotten server): partners ask one at random.`,
    },
  ),
  'dns.split_view': def(
    W,
    (p: { name: string; type: string; inside: string; outside: string }) =>
      `What you see inside for ${p.name} ${p.type} (${p.inside}) differs from what partners see (${p.outside}).`,
    {
      hint: (p) =>
        `Publish in public DNS what partners need for ${p.name}; the internal view is not what they see.`,
    },
  ),

  // §9 Probe and certificate
  'probe.unreachable': def(
    E,
    (p: { address: string; port: number; reason: string }) =>
      `Could not open a TCP connection to ${p.address} port ${p.port}: ${p.reason}.`,
    {
      hint: (p) =>
        `Allow TCP ${p.port} from the Internet to the Edge's external Access Edge address ${p.address}, and check that the Access Edge service listens there.`,
    },
  ),
  'tls.handshake_failed': def(
    E,
    // `address` (`host:port`) and `name` when a probe failed; only `reason` when a given chain is unreadable.
    (p: { reason: string; address?: string; name?: string }) =>
      p.address === undefined
        ? `No certificate to judge (${p.reason}).`
        : `No TLS handshake with ${p.address} (${p.reason}).`,
    {
      hint: (p) =>
        p.address === undefined || p.name === undefined
          ? undefined
          : `Check that the Access Edge service answers TLS on ${p.address} for ${p.name}.`,
    },
  ),
  'tls.untrusted': def(
    E,
    (p: { reason: string; trust: TrustFailure }) =>
      `The certificate chain does not lead to a public root (${p.reason}).`,
    { hint: (p) => TRUST_HINTS[p.trust] },
  ),
  'tls.name_mismatch': def(
    E,
    // `wildcard`: a SAN wildcard that would cover the name in a browser, when there is one.
    (p: { name: string; wildcard?: string }) =>
      `The certificate's subject and SAN do not contain ${q(p.name)} exactly (a wildcard does not count).`,
    {
      hint: (p) =>
        p.wildcard === undefined
          ? `Add ${p.name} to the Edge certificate's subject alternative names (SAN).`
          : `Add ${p.name} to the Edge certificate's SAN; the wildcard ${p.wildcard} does not count for federation.`,
    },
  ),
  'tls.wildcard_subject': def(
    E,
    // `expected`: the Access Edge FQDN the certificate should name, when known.
    (p: { subject: string; expected?: string }) =>
      `The certificate's subject name ${q(p.subject)} is a wildcard.`,
    {
      hint: (p) =>
        `Reissue the certificate with the exact Access Edge FQDN${p.expected === undefined ? '' : ` (${p.expected})`} as its subject name.`,
    },
  ),
  'tls.expired': def(
    E,
    (p: { validFrom: string; validTo: string; notYetValid: boolean }) =>
      p.notYetValid
        ? `The certificate is not valid yet (valid from ${p.validFrom} to ${p.validTo}).`
        : `The certificate has expired (valid from ${p.validFrom} to ${p.validTo}).`,
    {
      hint: (p) =>
        p.notYetValid
          ? 'Install a certificate that is valid now.'
          : 'Renew the Edge certificate and assign it.',
    },
  ),
  'tls.expiring_soon': def(
    W,
    (p: { days: number; validTo: string }) => `The certificate expires in ${p.days} days (${p.validTo}).`,
    { hint: (p) => `Renew the Edge certificate before ${p.validTo}.` },
  ),
  'tls.missing_server_auth': def(
    E,
    (_p: { eku: string }) => "The certificate's extended key usage lacks Server Authentication.",
    // RFC 5280 §4.2.1.12: id-kp-serverAuth.
    { hint: () => 'Reissue the certificate with the Server Authentication EKU (1.3.6.1.5.5.7.3.1).' },
  ),
  'tls.missing_client_auth': def(
    W,
    (_p: { eku: string }) =>
      "The certificate's extended key usage lacks Client Authentication, which mutual TLS federation needs.",
    {
      // RFC 5280 §4.2.1.12: id-kp-clientAuth.
      hint: () =>
        'Reissue the certificate with the Client Authentication EKU (1.3.6.1.5.5.7.3.2) as well as Server Authentication: federation partners authenticate each other with mutual TLS.',
    },
  ),
  'tls.old_protocol': def(
    W,
    (p: { protocol: string }) => `The negotiated protocol ${p.protocol} is older than TLS 1.2.`,
    { hint: () => 'Enable TLS 1.2 on the Edge server (Schannel) and disable TLS 1.0 and 1.1.' },
  ),
  'tls.handshake_incomplete': def(
    I,
    (p: { address: string; reason: string }) =>
      `${p.address} sent its certificate but ended the handshake (${p.reason}); an Edge that requires a client certificate (mutual TLS) does this to a probe without one.`,
  ),
  'probe.aborted': def(
    W,
    (p: { address: string; reason?: string }) =>
      `The probe of ${p.address} was cancelled before it finished (${p.reason ?? "the run's deadline passed"}).`,
    { inconclusive: true },
  ),

  // §11 Planned zones: parseZoneFile, --zone, the zone command. `line` (and `endLine` for a record
  // over several lines, `file` when the file name is known) on every zone issue.
  'zone.syntax_error': def(E, (p: ZoneWhere & { reason: string }) => `Line ${p.line}: ${p.reason}.`),
  'zone.include_unsupported': def(
    E,
    (p: ZoneWhere & { included: string }) =>
      `Line ${p.line}: $INCLUDE is not followed; a planned zone must be one file.`,
    { hint: () => 'Paste the included records into this file: a planned zone is checked as one file.' },
  ),
  'zone.generate_unsupported': def(E, (p: ZoneWhere) => `Line ${p.line}: $GENERATE is not supported.`, {
    hint: () => 'Write the generated records out in full.',
  }),
  'zone.no_origin': def(
    E,
    // `where`: the $ORIGIN directive, a record's owner, or a name in its data (`field`).
    (p: ZoneWhere & { text: string; where: 'directive' | 'owner' | 'data'; field?: string }) =>
      `Line ${p.line}: the relative name ${q(p.text)} needs an origin, and none is known.`,
    {
      hint: (p) =>
        p.where === 'directive'
          ? `Write the origin absolute, with its trailing dot: $ORIGIN ${p.text}.`
          : p.where === 'owner'
            ? 'Give the origin ($ORIGIN at the top of the file, or --origin / --zone-origin), or write the owner absolute with a trailing dot.'
            : `Write the ${p.field ?? 'name'} absolute, with its trailing dot, or give the origin ($ORIGIN, or --origin / --zone-origin).`,
    },
  ),
  'zone.missing_trailing_dot': def(
    E,
    // `text`: as written; `published`: what it becomes; `expected`: the dotted form.
    (p: ZoneWhere & { type: string; name: string; text: string; published: string; expected: string }) =>
      `Line ${p.line}: the ${p.type} target ${q(p.text)} has no trailing dot, so it is published as ${q(p.published)}.`,
    { hint: (p) => `End the name with a dot: ${p.expected} (as written it becomes ${p.published}.)` },
  ),
  'zone.cname_and_other_data': def(
    E,
    (p: ZoneWhere & { name: string; type: string; cnameLine: number; otherLine: number }) =>
      `Line ${p.line}: ${q(p.name)} has a CNAME (line ${p.cnameLine}) and a ${p.type} record (line ${p.otherLine}).`,
    {
      hint: (p) =>
        `Keep either the CNAME or the other records at ${p.name}: an alias cannot have other data.`,
    },
  ),
  'zone.invalid_srv': def(
    E,
    // `field`: priority, weight, port or target.
    (p: ZoneWhere & { reason: string; field: string; text?: string }) =>
      `Line ${p.line}: the SRV record ${p.reason}.`,
    { hint: () => 'An SRV record is: priority weight port target, e.g. 0 0 5061 sip.contoso.com.' },
  ),
  'zone.invalid_address': def(
    E,
    (p: ZoneWhere & { type: string; family: string; text: string }) =>
      `Line ${p.line}: ${q(p.text)} is not an ${p.family} address for a ${p.type} record.`,
  ),
  'zone.invalid_ttl': def(
    E,
    (p: ZoneWhere & { text: string }) =>
      `Line ${p.line}: the TTL ${q(p.text)} is outside 0–2147483647 seconds.`,
    { hint: () => 'Use a TTL from 0 to 2147483647 seconds, such as 3600.' },
  ),
  'zone.out_of_zone': def(
    W,
    (p: ZoneWhere & { name: string; origin: string; type: string }) =>
      `Line ${p.line}: ${q(p.name)} is outside the origin ${q(p.origin)}.`,
    { hint: (p) => `Move the record to the zone of ${p.name}, or check the owner for a typo.` },
  ),
  'zone.occluded_data': def(
    W,
    (p: ZoneWhere & { name: string; type: string; delegation: string }) =>
      `Line ${p.line}: the ${p.type} record at ${q(p.name)} is below the delegation ${q(p.delegation)} and is never served.`,
    {
      hint: (p) =>
        `Publish ${p.name} in the zone of ${p.delegation} (its own name servers), or remove the NS records at ${p.delegation}.`,
    },
  ),
  'zone.ttl_mismatch': def(
    W,
    (p: ZoneWhere & { name: string; type: string; ttl: number; expected: number; firstLine: number }) =>
      `Line ${p.line}: the ${p.type} records at ${q(p.name)} have different TTLs (${p.ttl} here, ${p.expected} on line ${p.firstLine}).`,
    { hint: (p) => `Give every ${p.type} record at ${p.name} the same TTL (${p.expected}).` },
  ),
  'zone.duplicate_record': def(
    W,
    (p: ZoneWhere & { name: string; type: string; record: string; firstLine: number }) =>
      `Line ${p.line}: the record ${p.record} repeats line ${p.firstLine}.`,
    { hint: (p) => `Remove the repeated record on line ${p.line}.` },
  ),
  'zone.too_large': def(
    E,
    (p: ZoneWhere & { max: number }) =>
      `Line ${p.line}: the zone has more than ${p.max} records; the rest is not read.`,
  ),
  'zone.issues_truncated': def(
    I,
    (p: { omitted: number; shown: number }) =>
      `${p.omitted} more zone issues are not listed (the first ${p.shown} are).`,
  ),
  'zone.too_many_domains': def(
    W,
    (p: { found: number; max: number }) =>
      `The planned zones hold ${p.found} SIP domains; the first ${p.max} are checked.`,
  ),
  'dns.skipped': def(
    I,
    (p: { name: string; type: string; reason: string }) =>
      `${p.name} ${p.type} was not looked up: it is outside the planned zones and the run is offline.`,
  ),

  // Report context
  'pic.provisioning_site_retired': def(
    I,
    () =>
      'The PIC provisioning site (pic.lync.com) closed on 2019-08-15; federation now relies on the _sipfederationtls._tcp SRV record and the Edge certificate, and the agreement number feeds no live process.',
  ),
} as const);

function targetHint(p: TargetInDomain): string {
  return `Point the SRV record at a host directly under ${p.domain}, e.g. ${p.suggested} (add that exact name to the Edge certificate): ${srvRecordLine(p.domain, p.suggested)}`;
}

type Table = typeof ISSUE_DEFINITIONS;

/** The union of every issue code. */
export type IssueCode = keyof Table;

/** Per code, the type of its `params` (internal: `makeIssue` checks call sites against it). */
export type IssueParamsMap = { [C in IssueCode]: Table[C] extends Definition<infer P> ? P : never };

/** Every issue code, in table order. */
export const ISSUE_CODES: readonly IssueCode[] = /* @__PURE__ */ Object.freeze(
  Object.keys(ISSUE_DEFINITIONS) as IssueCode[],
);

/** A row of the table, whatever its params type (internal: `makeIssue` reads a row once). */
export type _AnyDefinition = Definition<Record<string, unknown>>;

/** The table as a Map: one hashed look-up per row, and no inherited names (`toString`) as codes. */
const ROWS: ReadonlyMap<string, _AnyDefinition> = /* @__PURE__ */ new Map(
  Object.entries(ISSUE_DEFINITIONS) as [string, _AnyDefinition][],
);

/** A row of the table; undefined for a code this version does not know (a report from a newer one). */
export function _definitionOf(code: IssueCode): _AnyDefinition | undefined {
  return ROWS.get(code);
}
const definitionOf = _definitionOf;

/** The default severity of a code. */
export function severityOf(code: IssueCode): Severity {
  return definitionOf(code)?.severity ?? 'error';
}

/** The English sentence for a code and its params. */
export function messageFor<C extends IssueCode>(code: C, params: IssueParamsMap[C]): string {
  return definitionOf(code)?.message(params as Record<string, unknown>) ?? code;
}

/** The table's hint for a code and its params, or `undefined` when it has none. */
export function hintFor<C extends IssueCode>(code: C, params: IssueParamsMap[C]): string | undefined {
  return definitionOf(code)?.hint?.(params as Record<string, unknown>);
}

/** True when the table has a hint function for the code (a test checks hints are where they should be). */
export function _hasHint(code: IssueCode): boolean {
  return definitionOf(code)?.hint !== undefined;
}

/** True for codes that mean "we could not ask" (the check is inconclusive, not failed). */
export function isInconclusiveCode(code: IssueCode): boolean {
  return definitionOf(code)?.inconclusive === true;
}
