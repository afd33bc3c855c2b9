/**
 * A scripted DNS server on 127.0.0.1 (node:dgram + node:net on ONE port), built on nothing but
 * sockets and a small message builder, so that it can send what no well-behaved server would:
 * referrals, replies without AA, CNAME loops, compression loops, pointer floods, length lies,
 * TC forever, wrong questions, wrong ids, slowloris TCP. The script decides per query.
 */
import dgram from 'node:dgram';
import net from 'node:net';

export const TYPES = { A: 1, NS: 2, CNAME: 5, SOA: 6, TXT: 16, AAAA: 28, SRV: 33, OPT: 41 } as const;
export type TypeName = keyof typeof TYPES;

/** A record as the builder writes it (names uncompressed). */
export type Rr =
  | { name: string; type: 'A' | 'AAAA'; ttl?: number; address: string }
  | { name: string; type: 'CNAME' | 'NS'; ttl?: number; target: string }
  | { name: string; type: 'SOA'; ttl?: number; mname: string; minimum?: number }
  | {
      name: string;
      type: 'SRV';
      ttl?: number;
      priority?: number;
      weight?: number;
      port: number;
      target: string;
    }
  | { name: string; type: 'TXT'; ttl?: number; data: string[] };

/** A reply as the builder writes it. */
export interface ReplySpec {
  /** @default the query's id */
  id?: number;
  aa?: boolean;
  tc?: boolean;
  ra?: boolean;
  rcode?: number;
  /** @default the query's question; `null` for none */
  question?: { name: string; type: number } | null;
  answers?: Rr[];
  authority?: Rr[];
  additional?: Rr[];
}

/** A query as the script sees it. */
export interface SeenQuery {
  id: number;
  name: string;
  type: number;
  typeName: string;
  rd: boolean;
  edns: boolean;
  transport: 'udp' | 'tcp';
}

/** What the script makes the server do. */
export type Action =
  /** Answer with this reply. */
  | { reply: ReplySpec }
  /** Send these messages as they are (one datagram, or one length-prefixed TCP message, each). */
  | { raw: Uint8Array[] }
  /** Over TCP only: write these bytes as they are (no framing), `chunk` octets every `everyMs`. */
  | { tcpBytes: Uint8Array; chunk?: number; everyMs?: number }
  /** Never answer (over TCP: keep the connection open). */
  | { silence: true };

export type Script = (query: SeenQuery) => Action;

export interface ScriptedServer {
  address: string;
  port: number;
  /** Every query received, in order. */
  log: SeenQuery[];
  /** Replace the script. */
  script: Script;
  close(): Promise<void>;
}

export function encodeName(name: string): Buffer {
  const clean = name.endsWith('.') ? name.slice(0, -1) : name;
  const parts: Buffer[] = [];
  if (clean !== '') {
    for (const label of clean.split('.')) {
      const bytes = Buffer.from(label, 'latin1');
      parts.push(Buffer.from([bytes.length]), bytes);
    }
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

function u16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(value & 0xffff, 0);
  return b;
}

function ipv6Bytes(address: string): Buffer {
  const [head, tail] = address.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return Buffer.concat(groups.map((g) => u16(Number.parseInt(g, 16))));
}

function rdata(rr: Rr): Buffer {
  switch (rr.type) {
    case 'A':
      return Buffer.from(rr.address.split('.').map(Number));
    case 'AAAA':
      return ipv6Bytes(rr.address);
    case 'CNAME':
    case 'NS':
      return encodeName(rr.target);
    case 'SOA': {
      const numbers = Buffer.alloc(20);
      numbers.writeUInt32BE(1, 0);
      numbers.writeUInt32BE(rr.minimum ?? 300, 16);
      return Buffer.concat([encodeName(rr.mname), encodeName(`hostmaster.${rr.mname}`), numbers]);
    }
    case 'SRV':
      return Buffer.concat([u16(rr.priority ?? 0), u16(rr.weight ?? 0), u16(rr.port), encodeName(rr.target)]);
    case 'TXT':
      return Buffer.concat(
        rr.data.flatMap((s) => {
          const bytes = Buffer.from(s, 'utf8');
          return [Buffer.from([bytes.length]), bytes];
        }),
      );
  }
}

export function encodeRr(rr: Rr): Buffer {
  const data = rdata(rr);
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(TYPES[rr.type], 0);
  fixed.writeUInt16BE(1, 2);
  fixed.writeUInt32BE(rr.ttl ?? 300, 4);
  fixed.writeUInt16BE(data.length, 8);
  return Buffer.concat([encodeName(rr.name), fixed, data]);
}

/** Builds a reply message for `query`. */
export function buildReply(query: SeenQuery, spec: ReplySpec): Buffer {
  const question = spec.question === undefined ? { name: query.name, type: query.type } : spec.question;
  const answers = spec.answers ?? [];
  const authority = spec.authority ?? [];
  const additional = spec.additional ?? [];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(spec.id ?? query.id, 0);
  let flags = 0x8000; // QR
  if (spec.aa) flags |= 0x0400;
  if (spec.tc) flags |= 0x0200;
  if (query.rd) flags |= 0x0100;
  if (spec.ra ?? true) flags |= 0x0080;
  flags |= (spec.rcode ?? 0) & 0xf;
  header.writeUInt16BE(flags, 2);
  header.writeUInt16BE(question ? 1 : 0, 4);
  header.writeUInt16BE(answers.length, 6);
  header.writeUInt16BE(authority.length, 8);
  header.writeUInt16BE(additional.length, 10);
  const parts: Buffer[] = [header];
  if (question) parts.push(encodeName(question.name), u16(question.type), u16(1));
  for (const rr of [...answers, ...authority, ...additional]) parts.push(encodeRr(rr));
  return Buffer.concat(parts);
}

const TYPE_NAMES = Object.fromEntries(Object.entries(TYPES).map(([k, v]) => [v, k]));

export function parseQuery(message: Buffer, transport: 'udp' | 'tcp'): SeenQuery | undefined {
  if (message.length < 17) return undefined;
  const labels: string[] = [];
  let at = 12;
  while (at < message.length && message[at] !== 0) {
    const length = message[at]!;
    if (length > 63) return undefined;
    labels.push(message.toString('latin1', at + 1, at + 1 + length).toLowerCase());
    at += 1 + length;
  }
  if (at + 5 > message.length) return undefined;
  const type = message.readUInt16BE(at + 1);
  return {
    id: message.readUInt16BE(0),
    name: labels.join('.'),
    type,
    typeName: TYPE_NAMES[type] ?? `TYPE${type}`,
    rd: (message.readUInt16BE(2) & 0x0100) !== 0,
    edns: message.readUInt16BE(10) > 0,
    transport,
  };
}

function framed(message: Uint8Array): Buffer {
  return Buffer.concat([u16(message.length), Buffer.from(message)]);
}

/** Starts a scripted server on 127.0.0.1, UDP and TCP on one port. */
export async function startScriptedServer(script: Script): Promise<ScriptedServer> {
  for (let tries = 0; ; tries++) {
    const udp = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
    const port = udp.address().port;
    const sockets = new Set<net.Socket>();
    const timers = new Set<NodeJS.Timeout>();
    const state: ScriptedServer = {
      address: `127.0.0.1:${port}`,
      port,
      log: [],
      script,
      close: async () => {
        for (const timer of timers) clearInterval(timer);
        for (const socket of sockets) socket.destroy();
        await Promise.all([
          new Promise<void>((resolve) => udp.close(() => resolve())),
          new Promise<void>((resolve) => tcp.close(() => resolve())),
        ]);
      },
    };
    udp.on('message', (message, remote) => {
      const query = parseQuery(message, 'udp');
      if (!query) return;
      state.log.push(query);
      const action = state.script(query);
      const send = (bytes: Uint8Array) => udp.send(bytes, remote.port, remote.address);
      if ('reply' in action) send(buildReply(query, action.reply));
      else if ('raw' in action) for (const bytes of action.raw) send(bytes);
    });
    const tcp = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
      let buffered: Buffer = Buffer.alloc(0);
      socket.on('data', (chunk) => {
        buffered = Buffer.concat([buffered, chunk]);
        while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
          const message = buffered.subarray(2, 2 + buffered.readUInt16BE(0));
          buffered = buffered.subarray(2 + message.length);
          const query = parseQuery(message, 'tcp');
          if (!query) continue;
          state.log.push(query);
          const action = state.script(query);
          if ('reply' in action) socket.write(framed(buildReply(query, action.reply)));
          else if ('raw' in action) for (const bytes of action.raw) socket.write(framed(bytes));
          else if ('tcpBytes' in action) {
            const { tcpBytes, chunk: size = tcpBytes.length, everyMs = 0 } = action;
            let at = 0;
            const timer = setInterval(() => {
              if (at >= tcpBytes.length || socket.destroyed) {
                clearInterval(timer);
                timers.delete(timer);
                return;
              }
              socket.write(tcpBytes.subarray(at, at + size));
              at += size;
            }, everyMs);
            timers.add(timer);
          }
        }
      });
    });
    const listening = await new Promise<boolean>((resolve) => {
      tcp.once('error', () => resolve(false));
      tcp.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (listening) return state;
    udp.close();
    if (tries > 20) throw new Error('no free port for UDP and TCP');
  }
}
