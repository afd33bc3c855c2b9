import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type RecordFields, recordLine, zoneRecordFields } from '../../../test/helpers/zone-arbitraries.js';
import { parentName } from './names.js';
import { originFromFileName } from './origin.js';
import { MAX_ZONE_ISSUES, parseTtl, parseZoneFile } from './parse-zone-file.js';
import { formatZoneRecord, type ZoneRecord } from './zone-record.js';

/** A zone head: SOA, NS and the NS address, lines 1–4. Cases start on line 5. */
const HEAD = '$TTL 1h\n@ IN SOA ns1 hostmaster 1 3600 600 604800 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n';
const parse = (body: string, origin = 'contoso.com') => parseZoneFile(HEAD + body, { origin });
const found = (result: ReturnType<typeof parseZoneFile>) =>
  result.issues.map((issue) => [issue.code, issue.params?.line, issue.params?.endLine]);

describe('syntax (RULES §11, RFC 1035 §5.1)', () => {
  test('directives, @, relative names, blank owner, parentheses, comments, quotes, escapes', () => {
    const result = parseZoneFile(
      [
        '$ORIGIN contoso.com.', // 1
        '$TTL 1D2h',
        '@ SOA ns1 hostmaster ( 7 ; serial',
        '  1h 15m ; refresh retry',
        '  1w 5M )', // 5
        '  NS ns1',
        'ns1 A 192.0.2.1',
        '@ TXT "v=DMARC1; p=reject" "a \\"b\\" \\059"',
        'a\\.b 60 IN TXT x',
        'sip IN 300 A 192.0.2.10', // 10
        '    300 IN AAAA 2001:DB8::10',
        '$ORIGIN _tcp.contoso.com.',
        '_sipfederationtls SRV 0 0 5061 sip.contoso.com.',
      ].join('\r\n'),
    );
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.origin).toBe('contoso.com');
    const [soa, ns, , txt, escaped, a, aaaa, srv] = result.records as ZoneRecord[];
    expect(soa).toMatchObject({ name: 'contoso.com', type: 'SOA', ttl: 93_600, line: 3, endLine: 5 });
    expect(soa).toMatchObject({ mname: 'ns1.contoso.com', rname: 'hostmaster.contoso.com', serial: 7 });
    expect(soa).toMatchObject({ refresh: 3600, retry: 900, expire: 604_800, minimum: 300 });
    expect(ns).toMatchObject({ name: 'contoso.com', type: 'NS', target: 'ns1.contoso.com', line: 6 });
    expect(txt?.strings).toEqual(['v=DMARC1; p=reject', 'a "b" ;']);
    expect(escaped).toMatchObject({ name: 'a\\.b.contoso.com', ttl: 60, strings: ['x'] });
    expect(a).toMatchObject({ name: 'sip.contoso.com', ttl: 300, class: 'IN', address: '192.0.2.10' });
    expect(aaaa).toMatchObject({ name: 'sip.contoso.com', ttl: 300, address: '2001:db8::10', line: 11 });
    expect(srv).toMatchObject({
      name: '_sipfederationtls._tcp.contoso.com',
      priority: 0,
      weight: 0,
      port: 5061,
      target: 'sip.contoso.com',
      data: '0 0 5061 sip.contoso.com.',
      line: 13,
    });
  });

  test.each([
    ['3600', 3600],
    ['0', 0],
    ['1h', 3600],
    ['1H', 3600],
    ['1D2h', 93_600],
    ['1w', 604_800],
    ['2W3d4H5M6S', 1_483_506],
    ['2147483647', 2_147_483_647],
    ['2147483648', 'range'],
    ['99999999999999999999', 'range'],
    ['1h30', undefined],
    ['h', undefined],
    ['1x', undefined],
    ['', undefined],
  ])('TTL %s → %s', (text, expected) => {
    expect(parseTtl(text)).toBe(expected);
  });

  test('types: understood ones typed, other IANA types and TYPEnnn opaque', () => {
    const result = parse(
      [
        'x MX 10 mail',
        'x CAA 0 issue "ca.example.net"',
        'x PTR host.example.net.',
        'y DNAME example.net.',
        'x HINFO "PC" "Linux"',
        'x SSHFP 1 1 123456789abcdef67890123456789abcdef67890',
        'x TYPE65534 \\# 2 abcd',
        'x A \\# 4 c0000202',
        'y IN AAAA \\# 16 20010db8000000000000000000000001',
        'z CLASS1 A 192.0.2.3',
      ].join('\n'),
    );
    expect(result.issues).toEqual([]);
    const records = result.records.slice(3);
    expect(records.map((r) => r.type)).toEqual([
      'MX',
      'CAA',
      'PTR',
      'DNAME',
      'HINFO',
      'SSHFP',
      'TYPE65534',
      'A',
      'AAAA',
      'A',
    ]);
    // RFC 3597: generic data of an address type is the address; CLASS1 is IN.
    expect(records.slice(7).map((r) => [r.address, r.class])).toEqual([
      ['192.0.2.2', 'IN'],
      ['2001:db8:0:0:0:0:0:1', 'IN'],
      ['192.0.2.3', 'IN'],
    ]);
    expect(records[0]).toMatchObject({ preference: 10, exchange: 'mail.contoso.com' });
    expect(records[1]).toMatchObject({ flags: 0, tag: 'issue', value: 'ca.example.net' });
    expect(records[4]?.data).toBe('"PC" "Linux"');
  });
});

describe('RFC 3597 §5: a known type written generically is that type', () => {
  test('TYPE33, TYPE1, TYPE5, TYPE16 and MX \\# decode to their fields (BIND loads them so too)', () => {
    const result = parse(
      [
        '_sipfederationtls._tcp IN TYPE33 \\# 23 0000 0000 13c5 03736970 07636f6e746f736f 03636f6d 00',
        'sip IN TYPE1 \\# 4 CB007109',
        'meet IN TYPE5 \\# 17 03736970 07636f6e746f736f 03636f6d 00',
        '@ IN TYPE16 \\# 12 0b763d73706631202d616c6c',
        '@ IN MX \\# 20 000a 046d61696c 07636f6e746f736f 03636f6d 00',
      ].join('\n'),
    );
    expect(result.issues).toEqual([]);
    expect(result.records.slice(3).map((r) => [r.type, r.name, r.data])).toEqual([
      ['SRV', '_sipfederationtls._tcp.contoso.com', '0 0 5061 sip.contoso.com.'],
      ['A', 'sip.contoso.com', '203.0.113.9'],
      ['CNAME', 'meet.contoso.com', 'sip.contoso.com.'],
      ['TXT', 'contoso.com', '"v=spf1 -all"'],
      ['MX', 'contoso.com', '10 mail.contoso.com.'],
    ]);
    expect(result.records[3]).toMatchObject({
      priority: 0,
      weight: 0,
      port: 5061,
      target: 'sip.contoso.com',
    });
  });

  test('generic octets that are not a record of the type are a syntax error', () => {
    const result = parse('_sipfederationtls._tcp IN TYPE33 \\# 7 0000 0000 13c5 05');
    expect(found(result)).toEqual([['zone.syntax_error', 5, undefined]]);
  });
});

// RULES §11: one table per rule, with the line (and endLine) each issue names.
describe('zone.syntax_error', () => {
  test.each([
    ['unknown mnemonic (never silently opaque)', 'x IN SVR 0 0 5061 sip.contoso.com.', 5, undefined],
    ['"(" never closed', 'x IN TXT ( "a"\ny IN A 192.0.2.2', 5, 6],
    ['")" without "("', 'x IN A 192.0.2.2 )', 5, undefined],
    ['unterminated quote', 'x IN TXT "abc', 5, undefined],
    ['\\DDD over 255 in a name', 'a\\999 IN A 192.0.2.2', 5, undefined],
    ['label over 63 octets', `${'a'.repeat(64)} IN A 192.0.2.2`, 5, undefined],
    ['no type', 'x 300 IN', 5, undefined],
    ['a number after units', 'x 1h30 IN A 192.0.2.2', 5, undefined],
    ['class twice', 'x IN IN A 192.0.2.2', 5, undefined],
    ['MX preference not a number', 'x IN MX ten mail', 5, undefined],
    ['extra data', 'x IN A 192.0.2.2 5', 5, undefined],
    ['unknown directive', '$FOO bar', 5, undefined],
    ['SOA fields missing', 'x IN SOA ns1 hostmaster 1 2', 5, undefined],
    ['TXT escape over 255', 'x IN TXT "\\300"', 5, undefined],
    ['empty label', 'x.. IN A 192.0.2.2', 5, undefined],
    ['a TXT string over 255 octets', `x IN TXT "${'a'.repeat(256)}"`, 5, undefined],
    ['quoted CAA tag', 'x IN CAA 0 "issue" "ca"', 5, undefined],
    ['meta type ANY', 'x IN ANY 192.0.2.2', 5, undefined],
    ['meta type TYPE0', 'x IN TYPE0 \\# 0', 5, undefined],
    ['NULL without data', 'x IN NULL', 5, undefined],
    ['another class than the zone’s', 'x CH TXT "a"', 5, undefined],
    ['a backslash before the line end', 'x IN TXT \\', 5, undefined],
    ['a second SOA', '@ IN SOA ns1 h 2 3 4 5 6', 5, undefined],
    ['an SOA below the top', 'sub IN SOA ns1 h 2 3 4 5 6', 5, undefined],
    ['generic data of the wrong size for A', 'x IN A \\# 3 010203', 5, undefined],
    ['empty generic data for SRV', 'x IN SRV \\# 0', 5, undefined],
    ['multi-line record with an error', 'x IN SOA ns1 hostmaster (\n 1 2 3 )', 5, 6],
  ])('%s', (_label, body, line, endLine) => {
    const result = parse(`${body}\n`);
    expect(result.ok).toBe(false);
    expect(found(result)).toEqual([['zone.syntax_error', line, endLine]]);
  });

  test('a Windows DNS aging stamp is named as such', () => {
    const [issue] = parse('dc1 [AGE:3714588] 1200 A 192.0.2.5\n').issues;
    expect(issue).toMatchObject({ code: 'zone.syntax_error', params: { line: 5 } });
    expect(issue?.params?.reason).toContain('aging stamp');
  });

  test('the message says where: the unknown mnemonic is named', () => {
    const [issue] = parse('_sipfederationtls._tcp IN SVR 0 0 5061 sip.contoso.com.\n').issues;
    expect(issue?.params?.reason).toContain('SVR');
  });

  test('recovery: the records around a broken line are kept', () => {
    const result = parse('a IN A 192.0.2.2\nb IN TXT "open\nc IN A 192.0.2.3\n');
    expect(result.records.map((r) => r.name).slice(3)).toEqual(['a.contoso.com', 'c.contoso.com']);
    expect(found(result)).toEqual([['zone.syntax_error', 6, undefined]]);
  });

  test('binary input (NUL bytes) is refused at once with the line', () => {
    const result = parse('x IN A 192.0.2.2\n\0\0\0\x01\x02');
    expect(found(result)).toEqual([['zone.syntax_error', 6, undefined]]);
    expect(result.records).toEqual([]);
  });
});

describe('zone.include_unsupported, zone.generate_unsupported', () => {
  test.each([
    ['$INCLUDE other.zone', 'zone.include_unsupported'],
    ['$GENERATE 1-10 host$ A 192.0.2.$', 'zone.generate_unsupported'],
  ])('%s', (body, code) => {
    expect(found(parse(`${body}\n`))).toEqual([[code, 5, undefined]]);
  });
});

describe('zone.no_origin', () => {
  test.each([
    ['@ in the owner', '@ 300 IN A 192.0.2.1', 1],
    ['a relative owner', 'sip 300 IN A 192.0.2.1', 1],
    ['a relative target', 'sip.contoso.com. 300 IN CNAME edge', 1],
    ['second line', 'sip.contoso.com. 300 IN A 192.0.2.1\nx 300 IN A 192.0.2.2', 2],
  ])('%s', (_label, text, line) => {
    const result = parseZoneFile(`${text}\n`);
    expect(found(result)).toEqual([['zone.no_origin', line, undefined]]);
  });

  test('absolute names need no origin; $ORIGIN gives one', () => {
    expect(parseZoneFile('sip.contoso.com. 300 IN A 192.0.2.1\n').issues).toEqual([]);
    expect(parseZoneFile('$ORIGIN contoso.com.\nsip 300 IN A 192.0.2.1\n').issues).toEqual([]);
  });
});

describe('zone.missing_trailing_dot', () => {
  // RULES §11: made absolute it ends with the origin twice, or its own text has ≥ 2 labels and ends in
  // an ICANN public suffix; a one-label relative name is never flagged.
  test.each([
    [
      'SRV target in the origin',
      '_sipfederationtls._tcp IN SRV 0 0 5061 sip.contoso.com',
      'sip.contoso.com.contoso.com',
    ],
    [
      'SRV target in another domain',
      '_sipfederationtls._tcp IN SRV 0 0 5061 sip.contoso-edge.com',
      'sip.contoso-edge.com.contoso.com',
    ],
    [
      'MX to Exchange Online',
      '@ IN MX 0 contoso-com.mail.protection.outlook.com',
      'contoso-com.mail.protection.outlook.com.contoso.com',
    ],
    [
      'CNAME to Microsoft 365',
      'lyncdiscover IN CNAME webdir.online.lync.com',
      'webdir.online.lync.com.contoso.com',
    ],
    ['NS', 'sub IN NS ns1.contoso.net', 'ns1.contoso.net.contoso.com'],
    ['DNAME', 'old IN DNAME contoso.net', 'contoso.net.contoso.com'],
    ['the origin itself', 'x IN CNAME contoso.com', 'contoso.com.contoso.com'],
  ])('%s', (_label, body, published) => {
    const result = parse(`${body}\n`);
    expect(found(result)).toEqual([['zone.missing_trailing_dot', 5, undefined]]);
    expect(result.issues[0]?.params?.published).toBe(published);
    expect(result.issues[0]?.hint).toContain(`${String(result.issues[0]?.params?.expected)}`);
    // Used as it would be published (RULES §11).
    expect(result.records.at(-1)?.data).toContain(`${published}.`);
  });

  test.each([
    ['one label', '_sipfederationtls._tcp IN SRV 0 0 5061 sip'],
    ['two labels, no public suffix', 'x IN CNAME edge.lab'],
    ['two labels, private-only suffix', 'x IN CNAME a.internal'],
    ['dotted', '_sipfederationtls._tcp IN SRV 0 0 5061 sip.contoso.com.'],
    ['PTR is not a target rule', 'x IN PTR host.contoso.com'],
    ['@', 'x IN CNAME @'],
    ['the root as origin', '$ORIGIN .\nx.contoso.com IN CNAME sip.contoso.com'],
  ])('not flagged: %s', (_label, body) => {
    expect(parse(`${body}\n`).issues).toEqual([]);
  });
});

describe('zone.cname_and_other_data', () => {
  test.each([
    ['CNAME then A', 'x IN CNAME sip\nx IN A 192.0.2.2', 6],
    ['A then CNAME (reported on the later line)', 'x IN A 192.0.2.2\nx IN CNAME sip', 6],
    [
      'A, TXT, then CNAME: one issue per other record',
      'x IN A 192.0.2.2\nx IN TXT "t"\nx IN CNAME sip',
      7,
      7,
    ],
    ['two CNAMEs', 'x IN CNAME a\nx IN CNAME b', 6],
    ['CNAME and TXT, blank owner', 'x IN CNAME sip\n  IN TXT "v"', 6],
  ])('%s', (_label, body, line, second?: number) => {
    const expected: unknown[] = [['zone.cname_and_other_data', line, undefined]];
    if (second !== undefined) expected.push(['zone.cname_and_other_data', second, undefined]);
    expect(found(parse(`${body}\n`))).toEqual(expected);
  });

  test('DNSSEC data beside a CNAME is allowed (RFC 4035)', () => {
    const body = 'x IN CNAME sip\nx IN NSEC sip.contoso.com. CNAME RRSIG NSEC\n';
    expect(parse(body).issues).toEqual([]);
  });
});

describe('zone.invalid_srv', () => {
  test.each([
    ['port over 65535', 'x IN SRV 0 0 65536 sip.contoso.com.', 'port'],
    ['priority negative', 'x IN SRV -1 0 5061 sip.contoso.com.', 'priority'],
    ['weight not a number', 'x IN SRV 0 w 5061 sip.contoso.com.', 'weight'],
    ['no port', 'x IN SRV 0 0', 'port'],
    ['no target', 'x IN SRV 0 0 5061', 'target'],
  ])('%s', (_label, body, field) => {
    const result = parse(`${body}\n`);
    expect(found(result)).toEqual([['zone.invalid_srv', 5, undefined]]);
    expect(result.issues[0]?.params?.field).toBe(field);
  });
});

describe('zone.invalid_address', () => {
  test.each([
    ['A with an IPv6 address', 'x IN A 2001:db8::1'],
    ['A out of range', 'x IN A 192.0.2.256'],
    ['A with three parts', 'x IN A 192.0.2'],
    ['A with a leading zero', 'x IN A 192.0.2.01'],
    ['AAAA with an IPv4 address', 'x IN AAAA 192.0.2.1'],
    ['AAAA with two ::', 'x IN AAAA 2001::db8::1'],
    ['AAAA with a zone id', 'x IN AAAA fe80::1%eth0'],
    ['A with a name', 'x IN A sip.contoso.com.'],
  ])('%s', (_label, body) => {
    expect(found(parse(`${body}\n`))).toEqual([['zone.invalid_address', 5, undefined]]);
  });
});

describe('zone.invalid_ttl', () => {
  test.each([
    ['record TTL', 'x 2147483648 IN A 192.0.2.2', 5],
    ['units over the limit', 'x 3551w IN A 192.0.2.2', 5],
    ['$TTL', '$TTL 4294967296', 5],
  ])('%s', (_label, body, line) => {
    expect(found(parse(`${body}\n`))).toEqual([['zone.invalid_ttl', line, undefined]]);
  });
});

describe('zone.out_of_zone', () => {
  test.each([
    ['absolute owner elsewhere', 'sip.fabrikam.com. IN A 192.0.2.2', 5],
    ['the parent', 'com. IN TXT "x"', 5],
    ['a look-alike suffix', 'sip.notcontoso.com. IN A 192.0.2.2', 5],
  ])('%s', (_label, body, line) => {
    const result = parse(`${body}\n`);
    expect(found(result)).toEqual([['zone.out_of_zone', line, undefined]]);
    expect(result.ok).toBe(true); // a warning
  });

  test('$ORIGIN changes the origin from its line on', () => {
    const result = parse('$ORIGIN fabrikam.com.\nsip IN A 192.0.2.2\nsip.contoso.com. IN A 192.0.2.3\n');
    expect(found(result)).toEqual([['zone.out_of_zone', 7, undefined]]);
  });
});

describe('zone.occluded_data', () => {
  test('records below a delegation are never served; glue is', () => {
    const result = parse(
      'lab IN NS ns.lab\nns.lab IN A 192.0.2.9\nwww.lab IN A 192.0.2.10\nlab IN TXT "x"\n',
    );
    expect(found(result)).toEqual([
      ['zone.occluded_data', 7, undefined],
      ['zone.occluded_data', 8, undefined],
    ]);
    expect(result.issues[0]?.params).toMatchObject({
      name: 'www.lab.contoso.com',
      delegation: 'lab.contoso.com',
    });
  });
});

describe('zone.ttl_mismatch', () => {
  test.each([
    ['two A records', 'x 300 IN A 192.0.2.2\nx 600 IN A 192.0.2.3', 6],
    ['$TTL against an explicit TTL', 'x IN A 192.0.2.2\nx 60 IN A 192.0.2.3', 6],
  ])('%s', (_label, body, line) => {
    const result = parse(`${body}\n`);
    expect(found(result)).toEqual([['zone.ttl_mismatch', line, undefined]]);
    expect(result.issues[0]?.params?.firstLine).toBe(5);
  });

  test('different types may have different TTLs', () => {
    expect(parse('x 300 IN A 192.0.2.2\nx 600 IN TXT "a"\n').issues).toEqual([]);
  });
});

describe('zone.duplicate_record', () => {
  test.each([
    ['same line twice', 'x IN A 192.0.2.2\nx IN A 192.0.2.2', 6],
    [
      'relative and absolute, units and seconds',
      'x 1h IN CNAME sip\nx.contoso.com. 3600 IN CNAME SIP.contoso.com.',
      6,
    ],
    ['TXT', '@ IN TXT "a"\n@ IN TXT a', 6],
  ])('%s', (_label, body, line) => {
    const result = parse(`${body}\n`);
    expect(found(result)).toEqual([['zone.duplicate_record', line, undefined]]);
    expect(result.issues[0]?.params?.firstLine).toBe(5);
  });
});

describe('origin', () => {
  test.each([
    ['contoso.com', 'contoso.com'],
    ['contoso.com.zone', 'contoso.com'],
    ['zones/contoso.com.db', 'contoso.com'],
    ['contoso.com.txt', 'contoso.com'],
    ['C:\\dns\\contoso.com.dns', 'contoso.com'],
    ['/etc/bind/db.contoso.com', 'contoso.com'],
    ['Contoso.COM.zone', 'contoso.com'],
    ['planned.zone', undefined],
    ['zone.txt', undefined],
    ['my zone.txt', undefined],
    // A backup's extension is not a TLD: no origin (zone.no_origin for relative names).
    ['litware.org.zone.bak', undefined],
    ['contoso.com.old', undefined],
    ['lab.contoso.test.zone', 'lab.contoso.test'],
  ])('%s → %s', (fileName, origin) => {
    expect(originFromFileName(fileName)).toBe(origin);
  });

  test('the option wins over the file name; the file name goes into params.file', () => {
    const result = parseZoneFile('x IN SVR 1\n', { origin: 'Fabrikam.com.', fileName: 'contoso.com.zone' });
    expect(result.origin).toBe('fabrikam.com');
    expect(result.issues[0]?.params).toMatchObject({ line: 1, file: 'contoso.com.zone' });
  });
});

describe('never throws; bounded', () => {
  test.each([[undefined], [null], [42], [{}], [['a']]])('%j → input.not_string', (input) => {
    const result = parseZoneFile(input);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.code)).toEqual(['input.not_string']);
  });

  test('records are capped: zone.too_large on the first record past the cap, the rest not read', () => {
    const result = parse('x IN A 192.0.2.2\n'.repeat(10), 'contoso.com');
    expect(result.records).toHaveLength(13);
    const body = Array.from({ length: 10 }, (_, i) => `x${i} IN TXT "a"\n`).join('');
    const capped = parseZoneFile(`${HEAD}${body}`, { origin: 'contoso.com', maxRecords: 5 });
    expect(capped.records).toHaveLength(5);
    expect(capped.issues.map((i) => [i.code, i.params?.line])).toEqual([['zone.too_large', 7]]);
    expect(capped.ok).toBe(false);
  });

  test('issues are capped, with a summary', () => {
    const result = parse('x IN SVR 1\n'.repeat(MAX_ZONE_ISSUES + 50));
    expect(result.issues).toHaveLength(MAX_ZONE_ISSUES + 1);
    expect(result.issues.at(-1)).toMatchObject({ code: 'zone.issues_truncated', params: { omitted: 50 } });
    expect(result.ok).toBe(false);
  });

  test('a 1 MB line, an unbalanced "(" at the top, an unterminated quote: issues, quickly', () => {
    const start = performance.now();
    const long = parse(`${'a'.repeat(1 << 20)} IN A 192.0.2.2\nok IN A 192.0.2.3\n`);
    expect(found(long)).toEqual([['zone.syntax_error', 5, undefined]]);
    expect(String(long.issues[0]?.params?.reason).length).toBeLessThan(300);
    const open = parse(`x IN TXT (\n${'y IN A 192.0.2.2\n'.repeat(10_000)}`);
    expect(open.issues[0]).toMatchObject({ code: 'zone.syntax_error', params: { line: 5, endLine: 10_005 } });
    const quote = parse(`x IN TXT "${'q'.repeat(1 << 20)}`);
    expect(quote.issues.map((i) => i.code)).toEqual(['zone.syntax_error']);
    const words = parse(`x IN TXT (${' a'.repeat(200_000)} )\nok IN A 192.0.2.3\n`);
    expect(found(words)).toEqual([['zone.syntax_error', 5, undefined]]);
    expect(words.records.at(-1)?.name).toBe('ok.contoso.com');
    expect(performance.now() - start).toBeLessThan(5000);
  });

  test('fuzz: any text → a result, never an exception', () => {
    const pieces = fc.constantFrom(
      '(',
      ')',
      '"',
      ';',
      '\\',
      '\n',
      '\r\n',
      ' ',
      '\t',
      '@',
      '$ORIGIN',
      '$TTL',
      'IN',
      'A',
      'SRV',
      '1h',
      '0',
      'x.',
      'x',
      '\\0',
      '.',
      '*',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 40 }), (parts) => {
        const result = parseZoneFile(parts.join(' '), { origin: 'contoso.com' });
        expect(result.ok).toBe(!result.issues.some((i) => i.severity === 'error'));
        for (const issue of result.issues)
          if (issue.code !== 'zone.issues_truncated') expect(issue.params?.line).toBeTypeOf('number');
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});

describe('round trip: serialise records → parse → same records', () => {
  // The parser's own presentation form is the serialiser's input: build it from the typed fields.
  const complete = (r: RecordFields): ZoneRecord =>
    parseZoneFile(`${recordLine(r)}\n`).records[0] as ZoneRecord;

  test('typed fields survive formatZoneRecord and parseZoneFile, with line numbers', () => {
    fc.assert(
      fc.property(fc.array(zoneRecordFields, { minLength: 1, maxLength: 20 }), (given) => {
        const records = given.map(complete);
        const text = records.map(formatZoneRecord).join('\n');
        const parsed = parseZoneFile(text);
        expect(parsed.records).toEqual(records.map((r, i) => ({ ...r, line: i + 1 })));
        for (const [i, r] of given.entries()) expect(parsed.records[i]).toMatchObject(r);
      }),
      { seed: 1035, numRuns: 200 },
    );
  });
});

describe('parentName: escaped dots are inside a label', () => {
  test.each([
    ['sip.contoso.com', 'contoso.com'],
    ['a\\.b.contoso.com', 'contoso.com'],
    // `a\\` is a label ending in a backslash; the dot after it separates.
    ['a\\\\.b', 'b'],
    ['a\\\\\\.b.c', 'c'],
    ['com', ''],
  ])('%s → %s', (name, parent) => {
    expect(parentName(name)).toBe(parent);
  });
});
