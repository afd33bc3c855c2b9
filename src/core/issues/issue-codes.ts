/**
 * The issue codes and the one message table. Check sites produce `{ code, params }`; the sentence
 * is made here and nowhere else. Codes are public API: never rename or reuse one.
 */
import { codePointOf } from '../fqdn/idna.js';
import type { IssueParams, Severity } from '../result.js';

type P = IssueParams;
interface Definition {
  /** Default severity; a check site may override it where RULES.md gives two. */
  readonly severity: Severity;
  /** True when the issue means "we could not ask", which makes a live check inconclusive. */
  readonly inconclusive?: true;
  readonly message: (p: P) => string;
}

const s = (value: unknown, fallback = '?'): string =>
  value === undefined || value === null || value === '' ? fallback : String(value);
const q = (value: unknown): string => `"${s(value, '')}"`;
/** A character for a message: quoted with its code point, or the code point alone when it is invisible. */
const ch = (value: unknown): string => {
  const text = s(value, '');
  const point = text.codePointAt(0);
  if (point === undefined) return 'a character';
  const code = codePointOf(text);
  const invisible = point <= 0x20 || (point >= 0x7f && point <= 0xa0) || /^[\p{Cf}\p{Z}]$/u.test(text);
  if (point === 0x20) return `a space (${code})`;
  return invisible ? code : `"${text}" (${code})`;
};
// fqdn.not_a_hostname `found` param → words.
const FOUND: Record<string, string> = {
  url: 'a URL',
  sip_uri: 'a sip: URI',
  user: 'a user part',
  port: 'a port',
  path: 'a path',
  query: 'a query',
  fragment: 'a fragment',
  parameters: 'URI parameters',
  brackets: 'brackets',
};

const E = 'error' as const;
const W = 'warning' as const;
const I = 'info' as const;

function def(severity: Severity, message: (p: P) => string, inconclusive?: true): Definition {
  return inconclusive ? { severity, message, inconclusive } : { severity, message };
}

/** Every issue code with its default severity and message. */
export const ISSUE_DEFINITIONS = {
  // §0 input
  'input.not_string': def(E, (p) => `Expected a string, got ${s(p.type, 'another type')}.`),
  'input.empty': def(E, () => 'The value is empty.'),
  'input.trimmed': def(W, () => 'Leading or trailing whitespace was removed.'),
  'input.too_long': def(
    E,
    (p) => `The input is ${s(p.actual)} characters long; at most ${s(p.max, '1024')} are accepted.`,
  ),

  // §1 FQDN
  'fqdn.ip_address': def(
    E,
    (p) => `${q(p.value)} is an IP address; a fully qualified domain name is required.`,
  ),
  'fqdn.not_a_hostname': def(
    E,
    (p) =>
      `${q(p.value)} is not a bare host name (found ${FOUND[String(p.found)] ?? s(p.found, 'extra parts')}).`,
  ),
  'fqdn.invalid_char': def(E, (p) => `The character ${ch(p.char)} is not allowed in a host name.`),
  'fqdn.non_ascii': def(
    E,
    (p) =>
      `The name contains the non-ASCII character ${ch(p.char)}; Lync Server 2013 and Skype for Business do not support internationalized domain names.`,
  ),
  'fqdn.label_empty': def(E, () => 'The name has an empty label (a leading dot, ".." or two trailing dots).'),
  'fqdn.too_long': def(
    E,
    (p) => `The name is ${s(p.actual)} characters long; at most ${s(p.max, '253')} are allowed.`,
  ),
  'fqdn.label_too_long': def(
    E,
    (p) =>
      `The label ${q(p.label)} is ${s(p.actual)} characters long; at most ${s(p.max, '63')} are allowed.`,
  ),
  'fqdn.underscore': def(
    E,
    (p) => `The label ${q(p.label)} contains an underscore, which host names cannot.`,
  ),
  'fqdn.wildcard': def(
    E,
    () => 'A wildcard label ("*") is not allowed: the Edge does not support wildcards.',
  ),
  'fqdn.label_hyphen': def(E, (p) => `The label ${q(p.label)} starts or ends with a hyphen.`),
  'fqdn.invalid_a_label': def(E, (p) => `The label ${q(p.label)} is not a valid IDNA A-label.`),
  'fqdn.idn_not_supported': def(
    W,
    (p) =>
      `The label ${q(p.label)} is an internationalized (xn--) label; Lync Server 2013 does not support internationalized domain names.`,
  ),
  'fqdn.reserved_label_form': def(
    W,
    (p) => `The label ${q(p.label)} has "--" in positions 3 and 4, a form reserved for IDNA.`,
  ),
  'fqdn.single_label': def(
    E,
    (p) => `${q(p.value)} is a single label; a fully qualified domain name is required.`,
  ),
  'fqdn.numeric_tld': def(E, (p) => `The top-level label ${q(p.tld)} starts with a digit.`),
  'fqdn.reserved_name': def(
    E,
    (p) =>
      `${q(p.value)} is under the special-use or private name ${q(p.suffix)} and cannot be used in public DNS.`,
  ),
  'fqdn.unknown_tld': def(
    E,
    (p) => `The top-level domain ${q(p.tld)} is not a public (ICANN) top-level domain.`,
  ),
  'fqdn.public_suffix': def(E, (p) => `${q(p.value)} is a public suffix, not a registrable domain.`),
  'fqdn.documentation_domain': def(
    W,
    (p) => `${q(p.domain)} is a Microsoft documentation placeholder domain; was it copied from the docs?`,
  ),

  // §2 SIP domain
  'sip_domain.looks_like_host': def(
    W,
    (p) =>
      `${q(p.value)} looks like a host name (first label ${q(p.label)}); give only the SIP domain suffix, such as ${q(p.domain)}.`,
  ),
  'sip_domain.microsoft_managed': def(
    W,
    (p) => `${q(p.value)} is a Microsoft 365 domain; its federation is Microsoft 365's, not your Edge's.`,
  ),

  // §3 Agreement number
  'agreement_number.unknown_type': def(
    E,
    (p) => `Unknown agreement type ${q(p.type)}; expected one of ${s(p.expected)}.`,
  ),
  'agreement_number.too_long': def(
    E,
    (p) => `The agreement number is ${s(p.actual)} characters long; at most ${s(p.max, '32')} are allowed.`,
  ),
  'agreement_number.invalid_char': def(
    E,
    (p) => `The agreement number contains ${ch(p.char)}; only ASCII letters, digits and "-" are allowed.`,
  ),
  'agreement_number.too_short': def(
    W,
    (p) => `The agreement number has only ${s(p.actual)} characters; at least ${s(p.min, '5')} are expected.`,
  ),
  'agreement_number.placeholder': def(
    W,
    (p) => `${q(p.value)} looks like a placeholder, not a real agreement number.`,
  ),
  'agreement_number.unexpected_shape': def(
    W,
    () => 'A Microsoft Partner Network headquarters partner ID is expected to be all digits.',
  ),

  // §4 Addresses and NameDecoration
  'address.sip_prefix_removed': def(I, () => 'The "sip:" prefix was removed.'),
  'address.invalid': def(E, (p) => {
    // params.reason is a stable token (name-decoration.ts); unknown tokens are shown as they are.
    const reasons: Record<string, string> = {
      missing_at: 'expected user@domain, found no "@"',
      multiple_at: 'more than one "@"',
      empty_local_part: 'the user part before "@" is empty',
      empty_domain: 'the domain after "@" is empty',
      domain_whitespace: 'whitespace around the domain',
      decorated_too_long: 'the decorated address would be longer than 1,024 characters',
    };
    return `Not a valid address: ${reasons[s(p.reason)] ?? s(p.reason, 'expected user@domain')}.`;
  }),
  'address.invalid_local_part': def(
    E,
    (p) => `The user part contains ${ch(p.char)}, which a SIP user part (RFC 3261) does not allow.`,
  ),
  'address.local_part_too_long': def(
    W,
    (p) => `The user part is ${s(p.actual)} characters long; more than ${s(p.max, '64')} may be refused.`,
  ),
  'decoration.excluded_domain': def(
    I,
    (p) => `${q(p.domain)} is in the excluded domain list, so the address is not decorated.`,
  ),
  'decoration.already_decorated': def(I, () => 'The address is already decorated.'),
  'decoration.consumer_domain_variant': def(
    W,
    (p) =>
      `${q(p.domain)} is a national variant of a Microsoft consumer domain and is not in the excluded list; add it if your users' Microsoft accounts use it.`,
  ),
  'decoration.invalid_routing_domain': def(E, (p) => `The routing domain ${q(p.value)} is not a valid FQDN.`),
  'decoration.not_decorated': def(
    E,
    () => 'The address is not a decorated address (user(domain)@routing domain).',
  ),
  'decoration.list_whitespace': def(W, (p) => `The list item ${q(p.item)} has surrounding whitespace.`),
  'decoration.list_empty_item': def(E, () => 'The list has an empty item.'),
  'decoration.list_duplicate': def(W, (p) => `${q(p.domain)} appears more than once in the list.`),
  'decoration.invalid_excluded_domain': def(
    E,
    (p) => `The excluded domain ${q(p.item)} is not a valid domain.`,
  ),
  'decoration.routing_domain_not_excluded': def(
    W,
    (p) =>
      `The routing domain ${q(p.domain)} is not in the excluded domain list, so addresses on it would be decorated again.`,
  ),

  // §5 Public provider
  'provider.unexpected_proxy_fqdn': def(
    W,
    (p) => `The Skype provider's proxy is ${q(p.value)}; Microsoft documents ${q(p.expected)}.`,
  ),
  'provider.invalid_verification_level': def(
    E,
    (p) =>
      `${q(p.value)} is not a verification level; use AlwaysVerifiable, AlwaysUnverifiable or UseSourceVerification.`,
  ),
  'provider.numeric_verification_level': def(
    W,
    (p) =>
      `The numeric verification level ${s(p.value)} maps to the enum in an undocumented way; prefer its name.`,
  ),
  'provider.deprecated_verification_level': def(
    W,
    (p) => `UseSourceVerification is deprecated on ${s(p.serverVersion, 'Skype for Business Server')}.`,
  ),
  'provider.parameter_not_supported': def(
    E,
    (p) =>
      `-${s(p.parameter)} is not a parameter of New-CsPublicProvider on ${s(p.serverVersion, 'this server version')}.`,
  ),
  'provider.invalid_icon_url': def(E, (p) => `The icon URL ${q(p.value)} is not an absolute https URL.`),
  'provider.unsafe_value': def(E, () => 'The value contains a control character or a line break.'),
  'provider.invalid_server_version': def(
    E,
    (p) => `Unknown server version ${q(p.value)}; expected lync2013, sfb2015 or sfb2019.`,
  ),
  'provider.invalid_type': def(E, (p) => `Expected ${s(p.expected)}, got ${s(p.type, 'another type')}.`),
  'provider.unknown_field': def(E, (p) => `Unknown setting ${q(p.field)}.`),

  // §6 Provisioning request
  'request.missing_field': def(E, (p) => `The required field ${q(p.field)} is missing.`),
  'request.invalid_type': def(E, (p) => `Expected ${s(p.expected)}, got ${s(p.type, 'another type')}.`),
  'request.unknown_field': def(E, (p) => `Unknown field ${q(p.field)}.`),
  'request.no_sip_domains': def(E, () => 'The request has no SIP domain; at least one is required.'),
  'request.too_many_edges': def(
    E,
    (p) =>
      `The request has ${s(p.actual)} Access Edge FQDNs; at most ${s(p.max, '10')} are allowed per request.`,
  ),
  'request.duplicate_sip_domain': def(E, (p) => `The SIP domain ${q(p.domain)} is listed more than once.`),
  'request.duplicate_edge': def(E, (p) => `The Access Edge FQDN ${q(p.fqdn)} is listed more than once.`),
  'request.sip_domain_multiple_edges': def(
    E,
    (p) => `The SIP domain ${q(p.domain)} is under more than one Access Edge FQDN.`,
  ),
  'request.sip_domain_is_edge': def(E, (p) => `The SIP domain ${q(p.domain)} is also an Access Edge FQDN.`),
  'request.edge_without_domains': def(W, (p) => `The Access Edge ${q(p.fqdn)} has no SIP domains.`),
  'request.unsupported_provider': def(
    E,
    (p) =>
      `${q(p.value)} is not a supported public IM provider; only Skype remains (Yahoo! and AOL ended on 2014-06-30).`,
  ),
  'request.needs_in_domain_target': def(
    I,
    (p) => `The Access Edge ${q(p.fqdn)} is not a host directly under the SIP domain ${q(p.domain)}.`,
  ),
  'request.edge_is_microsoft_online': def(
    E,
    (p) => `${q(p.fqdn)} is Microsoft 365's federation edge, not your Access Edge.`,
  ),

  // §7 Federation SRV
  'federation.target_outside_domain': def(
    E,
    (p) => `The SRV target ${q(p.target)} is not inside the SIP domain ${q(p.domain)}.`,
  ),
  'federation.target_not_top_level': def(
    E,
    (p) => `The SRV target ${q(p.target)} is more than one label below the SIP domain ${q(p.domain)}.`,
  ),
  'federation.target_is_domain': def(W, (p) => `The SRV target is the SIP domain ${q(p.domain)} itself.`),
  'federation.microsoft_online_target': def(
    I,
    (p) =>
      `The SRV target ${q(p.target)} is a Microsoft 365 federation edge: ${q(p.domain)} federates through Microsoft 365.`,
  ),
  'srv.invalid_record': def(
    E,
    (p) =>
      `Record ${s(p.index)} is not an SRV record of whole numbers priority, weight, port and a target string.`,
  ),
  'srv.missing': def(E, (p) => `There is no _sipfederationtls._tcp SRV record for ${q(p.domain)}.`),
  'srv.service_disabled': def(
    E,
    (p) => `The SRV record for ${q(p.domain)} has the target ".", which says federation is not available.`,
  ),
  'srv.wrong_port': def(
    E,
    (p) => `The SRV record points to port ${s(p.port)}; federation uses ${s(p.expected, '5061')}.`,
  ),
  'srv.inconsistent_records': def(
    W,
    (p) => `A non-selected SRV record (${s(p.record)}) would fail if the selected one were removed.`,
  ),
  'srv.mixed_targets': def(W, () => 'The SRV records mix on-premises and Microsoft 365 targets.'),
  'srv.duplicate_record': def(W, (p) => `The SRV record ${s(p.record)} is listed more than once.`),
  'srv.target_not_declared_edge': def(
    I,
    (p) => `The SRV target ${q(p.target)} is not one of the declared Access Edge FQDNs.`,
  ),
  'srv.near_miss': def(
    W,
    (p) =>
      `There is a record at the near-miss name ${q(p.name)}; the federation record belongs at ${q(p.expected)}.`,
  ),

  // §8 Live DNS
  'dns.timeout': def(W, (p) => `The DNS query for ${s(p.name)} ${s(p.type, '')} timed out.`, true),
  'dns.server_failure': def(
    W,
    (p) => `The name server answered ${s(p.rcode, 'a failure')} for ${s(p.name)} ${s(p.type, '')}.`,
    true,
  ),
  'dns.network_error': def(
    W,
    (p) => `The DNS query for ${s(p.name)} could not be sent: ${s(p.reason, 'network error')}.`,
    true,
  ),
  'dns.malformed_response': def(
    W,
    (p) => `The answer for ${s(p.name)} ${s(p.type, '')} could not be decoded.`,
    true,
  ),
  'dns.deadline_exceeded': def(
    W,
    (p) => `The run's deadline of ${s(p.deadlineMs)} ms passed before this check could finish.`,
    true,
  ),
  'dns.target_no_address': def(E, (p) => `The SRV target ${q(p.target)} has no A or AAAA record.`),
  'dns.target_is_alias': def(
    W,
    (p) => `The SRV target ${q(p.target)} is a CNAME alias (of ${q(p.alias)}); RFC 2782 says it must not be.`,
  ),
  'dns.private_address': def(
    E,
    (p) => `${q(p.name)} resolves only to non-public addresses (${s(p.addresses)}).`,
  ),
  'dns.mixed_addresses': def(
    W,
    (p) => `${q(p.name)} resolves to both public and non-public addresses (${s(p.addresses)}).`,
  ),
  'dns.edge_no_address': def(E, (p) => `The Access Edge FQDN ${q(p.fqdn)} has no A or AAAA record.`),
  'dns.target_address_mismatch': def(
    W,
    (p) => `The SRV target ${q(p.target)} is not a declared edge and shares no address with one.`,
  ),
  'dns.related_record': def(I, (p) => `Related record: ${s(p.name)} ${s(p.type)} ${s(p.data, '')}`),

  // §9 Probe and certificate
  'probe.unreachable': def(
    E,
    (p) =>
      `Could not open a TCP connection to ${s(p.address)} port ${s(p.port)}: ${s(p.reason, 'no answer')}.`,
  ),
  'tls.handshake_failed': def(E, (p) => `No TLS handshake with ${s(p.address)} (${s(p.reason, 'failed')}).`),
  'tls.untrusted': def(
    E,
    (p) => `The certificate chain does not lead to a public root (${s(p.reason, 'untrusted')}).`,
  ),
  'tls.name_mismatch': def(
    E,
    (p) =>
      `The certificate's subject and SAN do not contain ${q(p.name)} exactly (a wildcard does not count).`,
  ),
  'tls.wildcard_subject': def(E, (p) => `The certificate's subject name ${q(p.subject)} is a wildcard.`),
  'tls.expired': def(
    E,
    (p) => `The certificate is not valid now (valid from ${s(p.validFrom)} to ${s(p.validTo)}).`,
  ),
  'tls.expiring_soon': def(W, (p) => `The certificate expires in ${s(p.days)} days (${s(p.validTo)}).`),
  'tls.missing_server_auth': def(
    E,
    () => "The certificate's extended key usage lacks Server Authentication.",
  ),
  'tls.missing_client_auth': def(
    W,
    () =>
      "The certificate's extended key usage lacks Client Authentication, which mutual TLS federation needs.",
  ),
  'tls.old_protocol': def(W, (p) => `The negotiated protocol ${s(p.protocol)} is older than TLS 1.2.`),
  'tls.handshake_incomplete': def(
    I,
    (p) =>
      `${s(p.address)} sent its certificate but ended the handshake (${s(p.reason, 'refused')}); an Edge that requires a client certificate (mutual TLS) does this to a probe without one.`,
  ),
  'probe.aborted': def(
    W,
    (p) => `The probe of ${s(p.address)} was cancelled before it finished (the run's deadline passed).`,
    true,
  ),

  // Report context
  'pic.provisioning_site_retired': def(
    I,
    () =>
      'The PIC provisioning site (pic.lync.com) closed on 2019-08-15; federation now relies on the _sipfederationtls._tcp SRV record and the Edge certificate, and the agreement number feeds no live process.',
  ),

  // issue 13 (helper core): hostile and oversized object inputs — never a throw.
  'input.unreadable': def(
    E,
    () => 'The value could not be read (a revoked Proxy, or a getter or trap that throws).',
  ),
  'input.too_many_items': def(
    E,
    (p) => `The list has ${s(p.actual)} items; at most ${s(p.max)} are accepted.`,
  ),
} as const satisfies Record<string, Definition>;

/** The union of every issue code. */
export type IssueCode = keyof typeof ISSUE_DEFINITIONS;

/** Every issue code, in table order. */
export const ISSUE_CODES: readonly IssueCode[] = Object.freeze(Object.keys(ISSUE_DEFINITIONS) as IssueCode[]);

/** The English sentence for a code and its params. */
export function messageFor(code: IssueCode, params: P = {}): string {
  return ISSUE_DEFINITIONS[code].message(params);
}

/** The severity a code has unless its check site says otherwise. */
export function defaultSeverity(code: IssueCode): Severity {
  return ISSUE_DEFINITIONS[code].severity;
}

/** True for codes that mean "we could not ask" (the check is inconclusive, not failed). */
export function isInconclusiveCode(code: IssueCode): boolean {
  // A report may hold codes this version does not know (from a newer one): those are not inconclusive.
  return (ISSUE_DEFINITIONS[code] as Definition | undefined)?.inconclusive === true;
}
