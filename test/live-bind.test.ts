// RULES §8 rows of issue 10 in recursive mode against a real authoritative-only BIND 9 on
// 127.0.0.1 (recursion no): wildcards (RFC 4592) and an SRV owner that is a CNAME. Skipped visibly
// when `named` is not installed (.ci/run installs it).
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Check } from '../src/core/report/report-types.js';
import { checkDomainFederation, type DomainReport } from '../src/node/live/live.js';
import { type BindCluster, startBind } from './helpers/bind.js';

const NAMED = '/usr/sbin/named';
const HAVE_BIND = existsSync(NAMED);
if (!HAVE_BIND) console.log('live-bind.test.ts: SKIPPED — BIND 9 (named) is not installed');

const ZONES: Record<string, string> = {
  // A near-miss name answered only by the wildcard *._udp: not a near miss.
  'wildcorp.com': '*._udp SRV 0 0 5061 sip.wildcorp.com.\nsip A 198.51.100.20\n',
  // A real near miss beside a wildcard with other records: still a near miss.
  'nearwild.com':
    '*._udp SRV 0 0 5060 other.nearwild.com.\n_sipfederationtls._udp SRV 0 0 5061 sip.nearwild.com.\nsip A 198.51.100.21\n',
  // The owner answered by the wildcard *._tcp, wrong port.
  'wildowner.com': '*._tcp SRV 0 0 5060 sip.wildowner.com.\nsip A 198.51.100.22\n',
  // A wildcard at the apex, and an empty non-terminal _tcp (RFC 4592: the wildcard is *.<closest
  // encloser>, so near misses under _udp and below a missing name are covered by *.wild2.com, and
  // the owner under the existing _tcp is not covered at all).
  'wild2.com': '* SRV 0 0 5061 sip.wild2.com.\n_sipfederationtls._tcp TXT "x"\nsip A 198.51.100.25\n',
  // The target is a CNAME out of this server's zones: the re-asked end is REFUSED (recursion no).
  'leave.com': '_sipfederationtls._tcp SRV 0 0 5061 sip.leave.com.\nsip CNAME sip.elsewhere.org.\n',
  // The owner is a CNAME to a name with the SRV record.
  'aliascorp.com':
    '_sipfederationtls._tcp CNAME fed.aliascorp.com.\nfed SRV 0 0 5061 sip.aliascorp.com.\nsip A 198.51.100.23\n',
  // The owner is a CNAME to a name without an SRV record.
  'aliasmiss.com': '_sipfederationtls._tcp CNAME fed.aliasmiss.com.\nfed A 198.51.100.24\n',
};

let bind: BindCluster | undefined;
let address = '';

beforeAll(async () => {
  if (!HAVE_BIND) return;
  // One named on 127.0.0.1 (no address to add), authoritative for the zones above, never recursing.
  bind = await startBind([
    {
      address: '127.0.0.1',
      zones: Object.entries(ZONES).map(([origin, body]) => ({
        origin,
        body: `@ NS ns.${origin}.\nns A 127.0.0.1\n${body}`,
      })),
    },
  ]);
  address = bind.at('127.0.0.1');
}, 30_000);

afterAll(async () => {
  await bind?.stop();
}, 30_000);

const run = (domain: string, related = false): Promise<DomainReport> =>
  checkDomainFederation(domain, { nameservers: [address], timeoutMs: 1000, attempts: 1, related });
const srvOf = (report: DomainReport): Check => report.checks.find((c) => c.id === 'srv')!;
const codes = (check: Check) => check.issues.map((i) => i.code);

describe.skipIf(!HAVE_BIND)('BIND 9 authoritative server, recursive mode (RULES §8)', () => {
  test('a near miss matched only by a wildcard is dns.wildcard_answer, not srv.near_miss', async () => {
    const srv = srvOf(await run('wildcorp.com'));
    expect(codes(srv)).toEqual(['srv.missing', 'dns.wildcard_answer']);
    expect(srv.issues[1]!.params).toEqual({
      name: '_sipfederationtls._udp.wildcorp.com',
      wildcard: '*._udp.wildcorp.com',
    });
  });

  test('the wildcard named is the one that synthesised the answer: *.<closest encloser>', async () => {
    const srv = srvOf(await run('wild2.com'));
    expect(codes(srv)[0]).toBe('srv.missing');
    const wildcards = srv.issues.filter((i) => i.code === 'dns.wildcard_answer').map((i) => i.params);
    expect(wildcards.length).toBeGreaterThan(0);
    for (const params of wildcards) expect(params?.wildcard).toBe('*.wild2.com');
  });

  test('a CNAME whose end is refused: the alias is reported, the failure names the end', async () => {
    const report = await run('leave.com');
    const target = report.checks.find((c) => c.id === 'srv-target')!;
    // One failure per family (A and AAAA), each naming the question that failed.
    expect(codes(target)).toEqual(['dns.server_failure', 'dns.server_failure', 'dns.target_is_alias']);
    expect(target.issues.slice(0, 2).map((i) => [i.params?.name, i.params?.type, i.params?.rcode])).toEqual([
      ['sip.elsewhere.org', 'A', 'REFUSED'],
      ['sip.elsewhere.org', 'AAAA', 'REFUSED'],
    ]);
    expect(target.status).toBe('inconclusive');
  });

  test('a real near miss beside a wildcard with other records is srv.near_miss', async () => {
    expect(codes(srvOf(await run('nearwild.com')))).toEqual(['srv.missing', 'srv.near_miss']);
  });

  test('an owner answered by a wildcard: the §7 verdict, and the wildcard named', async () => {
    expect(codes(srvOf(await run('wildowner.com')))).toEqual(['srv.wrong_port', 'dns.wildcard_answer']);
  });

  test('an owner that is a CNAME: srv.owner_is_alias, the records behind it checked', async () => {
    const report = await run('aliascorp.com');
    const srv = srvOf(report);
    expect(codes(srv)).toEqual(['srv.owner_is_alias']);
    expect(srv.evidence?.aliases).toEqual(['_sipfederationtls._tcp.aliascorp.com CNAME fed.aliascorp.com']);
    expect(report.selected?.target).toBe('sip.aliascorp.com');
  });

  test('an owner CNAME to a name without SRV: srv.missing whose fix names the alias target', async () => {
    const srv = srvOf(await run('aliasmiss.com'));
    expect(codes(srv)).toEqual(['srv.owner_is_alias', 'srv.missing']);
    expect(srv.issues[1]!.params).toMatchObject({ alias: 'fed.aliasmiss.com' });
    const hint = srv.issues[1]!.hint ?? '';
    expect(hint).toContain('fed.aliasmiss.com. 3600 IN SRV 0 0 5061');
    expect(hint).not.toContain('_sipfederationtls._tcp.aliasmiss.com. 3600 IN SRV');
  });
});
