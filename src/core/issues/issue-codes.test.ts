import { describe, expect, test } from 'vitest';
import { makeIssue } from '../result.js';
import {
  _hasHint,
  hintFor,
  ISSUE_CODES,
  ISSUE_DEFINITIONS,
  type IssueCode,
  type IssueParamsMap,
  isInconclusiveCode,
  messageFor,
  severityOf,
} from './issue-codes.js';
import { srvRecordLine } from './record-text.js';

/**
 * Params for any code: each field reads `<field>`, except the fields whose type is a closed set
 * (the table looks their words up).
 */
const CLOSED: Record<string, string> = { found: 'url', reason: 'missing_at', trust: 'self_signed' };
const anyParams = new Proxy({} as Record<string, string>, {
  get: (_target, key) => (typeof key === 'string' ? (CLOSED[key] ?? `<${key}>`) : undefined),
});
const sample = <C extends IssueCode>(_code: C) => anyParams as unknown as IssueParamsMap[C];

describe('the issue table', () => {
  test('codes are unique, lower-case `area.name`, in table order', () => {
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
    expect(ISSUE_CODES).toEqual(Object.keys(ISSUE_DEFINITIONS));
    for (const code of ISSUE_CODES) expect(code).toMatch(/^[a-z][a-z_]*\.[a-z][a-z0-9_]*$/);
  });

  test.each(ISSUE_CODES)('%s has a message (one sentence, every param shown as given)', (code) => {
    const message = messageFor(code, sample(code));
    expect(message.length).toBeGreaterThan(10);
    expect(message).toMatch(/^["'A-Z<-]/);
    expect(message).not.toMatch(/undefined|\[object|NaN/);
    expect(message.trimEnd()).toBe(message);
  });

  // Codes whose hint needs a param the table may not get: hintFor gives undefined then.
  const CONDITIONAL_HINTS = new Set<IssueCode>([
    'fqdn.not_a_hostname',
    'fqdn.non_ascii',
    'agreement_number.invalid_char',
    'tls.handshake_failed',
  ]);

  test.each(ISSUE_CODES.filter(_hasHint))('%s has a hint beside its message', (code) => {
    const hint = hintFor(code, sample(code));
    expect(hint).toBeTypeOf('string');
    expect(hint).not.toMatch(/undefined|\[object|NaN/);
  });

  test.each([...CONDITIONAL_HINTS])('%s: no hint without the param it needs', (code) => {
    expect(_hasHint(code)).toBe(true);
    expect(hintFor(code, {} as IssueParamsMap[typeof code])).toBeUndefined();
  });

  test('"could not ask" codes are warnings (RULES §8), and nothing else is inconclusive', () => {
    const inconclusive = ISSUE_CODES.filter(isInconclusiveCode);
    expect(inconclusive).toEqual([
      'dns.timeout',
      'dns.server_failure',
      'dns.network_error',
      'dns.malformed_response',
      'dns.deadline_exceeded',
      'dns.referral',
      'dns.resolution_limit',
      'probe.aborted',
    ]);
    for (const code of inconclusive) expect(severityOf(code)).toBe('warning');
    expect(isInconclusiveCode('dns.not_a_code_yet' as IssueCode)).toBe(false);
  });
});

describe('messages name characters readably', () => {
  test.each([
    [' ', 'a space (U+0020)'],
    ['\u200B', 'the invisible character U+200B'],
    ['\u00A0', 'the invisible character U+00A0'],
    ['/', '"/" (U+002F)'],
    ['ü', '"ü" (U+00FC)'],
  ])('%j → %s', (char, words) => {
    const issue = makeIssue('fqdn.invalid_char', [], { params: { char, codePoint: '' } });
    expect(issue.message).toContain(words);
    expect(issue.message).not.toMatch(/[Tt]he character (a |the |")/);
  });
});

describe('makeIssue', () => {
  test('takes message, hint and severity from the table; params as given', () => {
    const issue = makeIssue('dns.server_failure', ['x'], {
      params: { name: 'contoso.com', type: 'SRV', rcode: 'REFUSED' },
    });
    expect(issue).toEqual({
      code: 'dns.server_failure',
      severity: 'warning',
      message: messageFor('dns.server_failure', { name: 'contoso.com', type: 'SRV', rcode: 'REFUSED' }),
      path: ['x'],
      params: { name: 'contoso.com', type: 'SRV', rcode: 'REFUSED' },
      hint: hintFor('dns.server_failure', { name: 'contoso.com', type: 'SRV', rcode: 'REFUSED' }),
      inconclusive: true,
    });
    expect(issue.hint).toMatch(/refused/);
  });

  test('a call site may override the hint and the severity', () => {
    const issue = makeIssue('probe.unreachable', [], {
      params: { address: '192.0.2.1', port: 5061, reason: 'timeout' },
      severity: 'warning',
      hint: 'custom',
    });
    expect([issue.severity, issue.hint]).toEqual(['warning', 'custom']);
  });

  test('optional params passed as undefined are left out (JSON keeps no undefined)', () => {
    const issue = makeIssue('tls.name_mismatch', [], {
      params: { name: 'sip.contoso.com', wildcard: undefined },
    });
    expect(issue.params).toEqual({ name: 'sip.contoso.com' });
    expect(Object.keys(issue.params ?? {})).toEqual(['name']);
  });

  test('params are compile-checked per code', () => {
    // Each line below fails `tsc --noEmit` without its @ts-expect-error (the build checks them).
    const wrong = [
      // @ts-expect-error a code with params needs them
      () => makeIssue('fqdn.label_too_long', []),
      // @ts-expect-error a param of the wrong type
      () => makeIssue('fqdn.label_too_long', [], { params: { label: 'a', max: '63', actual: 64 } }),
      // @ts-expect-error a param the code does not have
      () => makeIssue('fqdn.underscore', [], { params: { label: 'a_b', extra: 1 } }),
      // @ts-expect-error a code without params takes none
      () => makeIssue('input.empty', [], { params: { value: '' } }),
      // @ts-expect-error not a code
      () => makeIssue('fqdn.no_such_code', []),
    ];
    expect(wrong).toHaveLength(5);
    expect(makeIssue('input.empty').params).toBeUndefined();
  });
});

describe('srvRecordLine: the record a hint tells users to publish (MS-DNS: port 5061)', () => {
  test('owner, TTL, class, type, port and target, both names absolute', () => {
    expect(srvRecordLine('contoso.com', 'sip.contoso.com')).toBe(
      '_sipfederationtls._tcp.contoso.com. 3600 IN SRV 0 0 5061 sip.contoso.com.',
    );
  });
});
