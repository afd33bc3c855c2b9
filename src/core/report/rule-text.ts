/**
 * The text of a rule, for the places that describe a code rather than one issue: SARIF's
 * `tool.driver.rules` and docs/codes.md. Derived from the one message table (no second wording):
 * the message with each param shown as `<name>`.
 */
import { type IssueCode, isInconclusiveCode, messageFor, severityOf } from '../issues/issue-codes.js';
import type { IssueParams, Severity } from '../result.js';

/** Where each code area is specified (RULES.md, in ../shared/spec) and what it is about. */
export const CODE_AREAS: Readonly<Record<string, { section: string; title: string }>> = Object.freeze({
  input: { section: '§0', title: 'Input' },
  fqdn: { section: '§1', title: 'FQDN' },
  sip_domain: { section: '§2', title: 'SIP domain' },
  agreement_number: { section: '§3', title: 'Agreement number' },
  address: { section: '§4', title: 'Addresses' },
  decoration: { section: '§4', title: 'NameDecoration' },
  provider: { section: '§5', title: 'Public provider settings' },
  request: { section: '§6', title: 'Provisioning request' },
  federation: { section: '§7', title: 'Federation SRV record' },
  srv: { section: '§7–§8', title: 'Federation SRV record' },
  dns: { section: '§8, §10', title: 'Live DNS' },
  zone: { section: '§11', title: 'Planned zones' },
  probe: { section: '§9', title: 'Reachability' },
  tls: { section: '§9', title: 'Edge certificate' },
  pic: { section: 'context', title: 'Report context' },
});

/** What a code is, for a reader who has not seen an issue of it. */
export interface RuleText {
  code: IssueCode;
  /** Default severity (a check site may override it where RULES.md gives two). */
  severity: Severity;
  /** "We could not ask" (RULES §8): counted as inconclusive, never as a finding. */
  inconclusive: boolean;
  /** The message with each param shown as `<name>`. */
  message: string;
  /** `RULES §1 FQDN`. */
  rule: string;
}

// Each param read by a message becomes `<name>`; a missing one would print "?".
const PLACEHOLDERS = new Proxy({} as IssueParams, {
  get: (_target, key) => (typeof key === 'string' ? `<${key}>` : undefined),
});

/**
 * The rule text of a code, derived from the message table.
 * @param code - an issue code
 * @returns its default severity, whether it is inconclusive, its message template and its RULES section
 * @example ruleText('srv.wrong_port').message // 'The SRV record points to port <port>; federation uses 5061.'
 */
export function ruleText(code: IssueCode): RuleText {
  const area = CODE_AREAS[code.slice(0, code.indexOf('.'))];
  let message: string;
  try {
    // A character param is shown with its code point; a placeholder has none worth showing.
    message = messageFor(code, PLACEHOLDERS as never).replace(/("<\w+>") \(U\+003C\)/g, '$1');
  } catch {
    message = code;
  }
  return {
    code,
    severity: severityOf(code),
    inconclusive: isInconclusiveCode(code),
    message,
    rule: area ? `RULES ${area.section} ${area.title}` : 'RULES',
  };
}
