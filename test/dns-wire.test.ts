// The wire layer (src/node/dns/wire.ts): replies screened by header and question before any
// decoding (RFC 5452), names decoded with bounded pointer hops (RFC 1035 §4.1.4), every length
// checked, and no message — however hostile — costing more than a few milliseconds.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  decodeReply,
  encodeQuery,
  MAX_POINTER_HOPS,
  readName,
  screenReply,
  WireError,
} from '../src/node/dns/wire.js';
import {
  buildReply,
  encodeName,
  encodeRr,
  type ReplySpec,
  type SeenQuery,
} from './helpers/scripted-dns-server.js';

const query = encodeQuery('sip.contoso.com', 'A');
const seen: SeenQuery = {
  id: query.id,
  name: 'sip.contoso.com',
  type: 1,
  typeName: 'A',
  rd: true,
  edns: true,
  transport: 'udp',
};
const reply = (spec: ReplySpec = {}) => buildReply(seen, spec);
const HEADER_AND_QUESTION = 12 + encodeName('sip.contoso.com').length + 4;

/** Header (our id, QR, one question), the question, then `body` as the answer section of `ancount`. */
function withAnswers(ancount: number, body: Buffer): Buffer {
  const message = Buffer.concat([reply(), body]);
  message.writeUInt16BE(ancount, 6);
  return message;
}

/** CPU time of `fn`, in ms. */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('encodeQuery', () => {
  test('one question, RD as asked, an OPT record unless told not to', () => {
    const q = encodeQuery('_SIPFederationTLS._tcp.Contoso.com.', 'SRV', { recursionDesired: false });
    expect(q.qname).toBe('_sipfederationtls._tcp.contoso.com');
    expect(q.wire.readUInt16BE(2) & 0x0100).toBe(0);
    expect(q.wire.readUInt16BE(4)).toBe(1);
    expect(q.wire.readUInt16BE(10)).toBe(1);
    expect(encodeQuery('a.test', 'A', { edns: false }).wire.readUInt16BE(10)).toBe(0);
    expect(encodeQuery('a.test', 'A').wire.readUInt16BE(2) & 0x0100).toBe(0x0100);
  });
  test.each([['a..test'], ['x'.repeat(64)], [`${'a.'.repeat(127)}test`], ['a b.test'], ['é.test']])(
    '%j cannot be a DNS name: TypeError',
    (name) => {
      expect(() => encodeQuery(name, 'A')).toThrow(TypeError);
    },
  );
  test('ids are random (RFC 5452 §9.2)', () => {
    const ids = new Set(Array.from({ length: 200 }, () => encodeQuery('a.test', 'A').id));
    expect(ids.size).toBeGreaterThan(190);
  });
});

describe('screenReply: header and question only, before any decoding', () => {
  test.each<[string, Buffer, string]>([
    ['a reply that matches', reply(), 'ours'],
    [
      'the question in another case (0x20 randomisation)',
      buildReply(seen, { question: { name: 'SIP.Contoso.COM', type: 1 } }),
      'ours',
    ],
    ['a wrong id', reply({ id: (query.id + 1) & 0xffff }), 'drop'],
    ['another name', reply({ question: { name: 'sip.contoso.net', type: 1 } }), 'drop'],
    ['a longer name', reply({ question: { name: 'sip.contoso.com.evil', type: 1 } }), 'drop'],
    ['another type', reply({ question: { name: 'sip.contoso.com', type: 28 } }), 'drop'],
    ['no question section', reply({ question: null }), 'drop'],
    ['shorter than a header', reply().subarray(0, 11), 'drop'],
    ['the question cut short', reply().subarray(0, HEADER_AND_QUESTION - 1), 'drop'],
  ])('%s → %s', (_label, message, verdict) => {
    expect(screenReply(message, query).verdict).toBe(verdict);
  });
  test('QR=0, another opcode, two questions, another class: dropped', () => {
    const qr0 = reply();
    qr0.writeUInt16BE(qr0.readUInt16BE(2) & 0x7fff, 2);
    const opcode = reply();
    opcode.writeUInt16BE(opcode.readUInt16BE(2) | (2 << 11), 2);
    const two = reply();
    two.writeUInt16BE(2, 4);
    const chaos = reply();
    chaos.writeUInt16BE(3, HEADER_AND_QUESTION - 2);
    for (const message of [qr0, opcode, two, chaos]) expect(screenReply(message, query).verdict).toBe('drop');
  });
  test('a FORMERR without a question is ours only when we sent EDNS (RFC 6891 §7)', () => {
    const formerr = reply({ question: null, rcode: 1 });
    expect(screenReply(formerr, query)).toMatchObject({ verdict: 'ours', rcode: 1 });
    const plain = encodeQuery('sip.contoso.com', 'A', { edns: false });
    formerr.writeUInt16BE(plain.id, 0);
    expect(screenReply(formerr, plain).verdict).toBe('drop');
  });
  test('a flood of 65 KB wrong-id messages costs a header read each', () => {
    const junk = Buffer.concat([reply({ id: (query.id + 7) & 0xffff }), Buffer.alloc(65_000, 0xc0)]);
    const ms = cpuMs(() => {
      for (let i = 0; i < 10_000; i++) screenReply(junk, query);
    });
    expect(ms).toBeLessThan(500); // measured ~6–30 ms for all 10,000 on a loaded 2-core machine
  });
});

describe('readName: bounded (RFC 1035 §4.1.4)', () => {
  const at = (bytes: number[], offset: number) => readName(Uint8Array.from(bytes), offset);
  test.each<[string, number[], number, string]>([
    ['a plain name', [3, 0x57, 0x77, 0x77, 4, 0x54, 0x45, 0x53, 0x54, 0], 0, 'www.test'],
    ['the root', [0], 0, ''],
    ['a pointer backwards', [4, 0x74, 0x65, 0x73, 0x74, 0, 1, 0x61, 0xc0, 0], 6, 'a.test'],
    ['a dot inside a label is escaped', [3, 0x61, 0x2e, 0x62, 0], 0, 'a\\.b'],
    ['control octets and backslash are escaped', [3, 0x00, 0x5c, 0x7f, 0], 0, '\\000\\\\\\127'],
  ])('%s', (_label, bytes, offset, name) => {
    expect(at(bytes, offset).name).toBe(name);
  });
  test.each<[string, number[], number]>([
    ['a pointer to itself', [0xc0, 0], 0],
    ['a pointer forwards', [0xc0, 2, 0], 0],
    ['a two-pointer loop', [0xc0, 2, 0xc0, 0], 2],
    ['a label past the end', [5, 0x61], 0],
    ['no terminating root label', [1, 0x61], 0],
    ['a pointer cut short', [0xc0], 0],
    ['a reserved label type (0x40)', [0x41, 0x61, 0], 0],
    ['a reserved label type (0x80)', [0x81, 0x61, 0], 0],
    ['a label over 63 octets', [64, ...Array(64).fill(0x61), 0], 0],
  ])('%s: refused', (_label, bytes, offset) => {
    expect(() => at(bytes, offset)).toThrow(WireError);
  });
  test('a name over 255 octets, even built from pointers: refused', () => {
    const labels = Array.from({ length: 5 }, () => [50, ...Array(50).fill(0x61)]).flat(); // 255 octets
    expect(() => at([...labels, 0], 0)).toThrow(/255/);
    const four = Array.from({ length: 4 }, () => [50, ...Array(50).fill(0x61)]).flat(); // 204 octets + root
    expect(at([...four, 0], 0).name).toHaveLength(4 * 51 - 1);
    // 204 octets, then a name of 51 more pointing at it: 256 in all.
    expect(() => at([...four, 0, 50, ...Array(50).fill(0x62), 0xc0, 0], four.length + 1)).toThrow(/255/);
  });
  test(`more than ${MAX_POINTER_HOPS} pointers in one name: refused`, () => {
    const chain = [0];
    for (let i = 0; i < MAX_POINTER_HOPS + 1; i++) chain.push(0xc0, i === 0 ? 0 : 1 + (i - 1) * 2);
    expect(at(chain, chain.length - 4).name).toBe(''); // 127 hops
    expect(() => at(chain, chain.length - 2)).toThrow(/pointers/);
  });
});

describe('decodeReply', () => {
  test('records of every type the checks read, names lower case, RCODE and flags', () => {
    const message = reply({
      aa: true,
      answers: [
        { name: 'SIP.contoso.com', type: 'CNAME', target: 'Edge.Contoso.com' },
        { name: 'edge.contoso.com', type: 'A', address: '203.0.113.10' },
        { name: 'edge.contoso.com', type: 'AAAA', address: '2001:db8:0:0:1:0:0:1' },
        { name: '_s._tcp.contoso.com', type: 'SRV', priority: 1, weight: 2, port: 5061, target: '.' },
        { name: 'contoso.com', type: 'TXT', data: ['v=spf1', ' -all'] },
      ],
      authority: [
        { name: 'contoso.com', type: 'NS', target: 'ns1.contoso.com' },
        { name: 'contoso.com', type: 'SOA', mname: 'ns1.contoso.com', minimum: 60 },
      ],
    });
    const decoded = decodeReply(message);
    expect(decoded).toMatchObject({ rcode: 0, rcodeName: 'NOERROR', aa: true, tc: false });
    expect(decoded.answers).toEqual([
      { type: 'CNAME', name: 'sip.contoso.com', ttl: 300, target: 'edge.contoso.com' },
      { type: 'A', name: 'edge.contoso.com', ttl: 300, address: '203.0.113.10' },
      { type: 'AAAA', name: 'edge.contoso.com', ttl: 300, address: '2001:db8::1:0:0:1' },
      { type: 'SRV', name: '_s._tcp.contoso.com', ttl: 300, priority: 1, weight: 2, port: 5061, target: '' },
      { type: 'TXT', name: 'contoso.com', ttl: 300, data: ['v=spf1', ' -all'] },
    ]);
    expect(decoded.authority).toEqual([
      { type: 'NS', name: 'contoso.com', ttl: 300, target: 'ns1.contoso.com' },
      { type: 'SOA', name: 'contoso.com', ttl: 300, mname: 'ns1.contoso.com', minimum: 60 },
    ]);
  });
  test('an OPT record is not a record; its extended RCODE counts (RFC 6891 §6.1.3)', () => {
    const opt = Buffer.from([0, 0, 41, 0x04, 0xd0, 1, 0, 0, 0, 0, 0]); // ext-rcode 1 → BADVERS (16)
    const message = Buffer.concat([reply(), opt]);
    message.writeUInt16BE(1, 10);
    expect(decodeReply(message)).toMatchObject({ rcode: 16, rcodeName: 'BADVERS', additional: [] });
  });
  test('unknown types are opaque; other classes are skipped; a TTL with the top bit is 0 (RFC 2181 §8)', () => {
    const mx = encodeRr({ name: 'contoso.com', type: 'A', address: '192.0.2.1' });
    mx.writeUInt16BE(15, mx.length - 14); // MX
    const chaos = encodeRr({ name: 'contoso.com', type: 'A', address: '192.0.2.2' });
    chaos.writeUInt16BE(3, chaos.length - 12);
    const big = encodeRr({ name: 'contoso.com', type: 'A', address: '192.0.2.3' });
    big.writeUInt32BE(0x80000001, big.length - 10);
    expect(decodeReply(withAnswers(3, Buffer.concat([mx, chaos, big]))).answers).toEqual([
      { type: 'OTHER', name: 'contoso.com', ttl: 300, typeCode: 15 },
      { type: 'A', name: 'contoso.com', ttl: 0, address: '192.0.2.3' },
    ]);
  });
  const a = encodeRr({ name: 'x.test', type: 'A', address: '192.0.2.1' });
  test.each<[string, Buffer]>([
    ['counts that claim more records than the message holds', withAnswers(6000, a)],
    ['ANCOUNT one more than there is', withAnswers(2, a)],
    [
      'an RDLENGTH past the end',
      withAnswers(1, Buffer.concat([a.subarray(0, a.length - 4), Buffer.from([0xff, 0xff])])),
    ],
    [
      'an A record of 5 octets',
      withAnswers(1, Buffer.concat([a.subarray(0, a.length - 6), Buffer.from([0, 5, 1, 2, 3, 4, 5])])),
    ],
    [
      'a CNAME whose name runs past its RDLENGTH',
      (() => {
        const c = encodeRr({ name: 'x.test', type: 'CNAME', target: 'y.test' });
        c.writeUInt16BE(3, c.length - 10);
        return withAnswers(1, c);
      })(),
    ],
    [
      'a CNAME with octets after its name',
      (() => {
        const c = encodeRr({ name: 'x.test', type: 'CNAME', target: 'y.test' });
        c.writeUInt16BE(9, c.length - 10);
        return withAnswers(1, Buffer.concat([c, Buffer.from([0])]));
      })(),
    ],
    [
      'a TXT string past its RDLENGTH',
      (() => {
        const t = encodeRr({ name: 'x.test', type: 'TXT', data: ['abc'] });
        t[t.length - 4] = 9;
        return withAnswers(1, t);
      })(),
    ],
    ['an owner name that loops', withAnswers(1, Buffer.from([0xc0, HEADER_AND_QUESTION]))],
  ])('%s: WireError', (_label, message) => {
    expect(() => decodeReply(message)).toThrow(WireError);
  });

  test('never throws anything but WireError, on any bytes after a valid header and question (seeded)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.nat(3), (body, extra) => {
        const message = withAnswers(1 + extra, Buffer.from(body));
        try {
          decodeReply(message);
        } catch (error) {
          if (!(error instanceof WireError)) throw error;
        }
      }),
      { seed: 1013, numRuns: 3000 },
    );
  });
  test('never throws anything but WireError on a mutated valid reply (seeded)', () => {
    const valid = reply({
      answers: [
        { name: 'sip.contoso.com', type: 'CNAME', target: 'edge.contoso.com' },
        { name: 'edge.contoso.com', type: 'SRV', port: 5061, target: 'sip.contoso.com' },
      ],
      authority: [{ name: 'contoso.com', type: 'SOA', mname: 'ns1.contoso.com' }],
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        (edits) => {
          const message = Buffer.from(valid);
          for (const [at, value] of edits) message[at] = value;
          try {
            decodeReply(message);
          } catch (error) {
            if (!(error instanceof WireError)) throw error;
          }
        },
      ),
      { seed: 1035, numRuns: 3000 },
    );
  });
});

describe('hostile 65 KB replies are decoded or refused within a few milliseconds', () => {
  const base = HEADER_AND_QUESTION;
  /** An RR whose owner is a pointer to `target`, type A, 4 octets of RDATA: 16 octets. */
  const pointerRr = (target: number) => {
    const rr = Buffer.alloc(16);
    rr.writeUInt16BE(0xc000 | target, 0);
    rr.writeUInt16BE(1, 2);
    rr.writeUInt16BE(1, 4);
    rr.writeUInt32BE(60, 6);
    rr.writeUInt16BE(4, 10);
    return rr;
  };
  const fill = (first: Buffer, next: (at: number, index: number) => Buffer) => {
    const parts = [first];
    let at = base + first.length;
    let count = 1;
    while (at + 16 <= 65_000) {
      const rr = next(at, count);
      parts.push(rr);
      at += rr.length;
      count++;
    }
    return withAnswers(count, Buffer.concat(parts));
  };
  const rootA = encodeRr({ name: '', type: 'A', address: '192.0.2.1' });
  const longName = Buffer.concat([
    ...Array.from({ length: 4 }, () => Buffer.concat([Buffer.from([61]), Buffer.alloc(61, 0x01)])),
    Buffer.from([0]),
  ]);
  const longA = Buffer.concat([longName, rootA.subarray(1)]);
  let previous = 0;
  const cases: [string, Buffer, 'refused' | 'decoded'][] = [
    // Every owner points at the previous owner: a chain one hop longer per record.
    [
      'a pointer chain growing by one hop per record',
      fill(rootA, (at, i) => {
        const rr = pointerRr(i === 1 ? base : previous);
        previous = at;
        return rr;
      }),
      'refused',
    ],
    // Every owner points at one 249-octet name of escaped octets (each shown as \DDD).
    ['4,000 owners pointing at one 249-octet escaped name', fill(longA, () => pointerRr(base)), 'decoded'],
    // A pointer to a pointer to … and so on backwards, from every record.
    [
      'every record a pointer into a pointer flood',
      fill(rootA, (at) => pointerRr(Math.min(at - 16, 0x3fff))),
      'refused',
    ],
  ];
  test.each(cases)('%s: %s', (_label, message, verdict) => {
    expect(message.length).toBeGreaterThan(60_000);
    const times: number[] = [];
    let result = '';
    for (let i = 0; i < 5; i++) {
      times.push(
        cpuMs(() => {
          try {
            decodeReply(message);
            result = 'decoded';
          } catch (error) {
            if (!(error instanceof WireError)) throw error;
            result = 'refused';
          }
        }),
      );
    }
    expect(result).toBe(verdict);
    // Measured warm: 1–6 ms; cold (first call, interpreted) up to ~20 ms on a loaded 2-core machine.
    expect(Math.min(...times)).toBeLessThan(20);
  });
});
