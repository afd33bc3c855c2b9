/**
 * A real DNS server on 127.0.0.1 (dns2 UDP + TCP on one port, via `startZoneServer`) with scripted
 * faults per name or for every name.
 */
import { afterAll, beforeAll } from 'vitest';
import {
  startZoneServer,
  type ZoneFault,
  type ZoneQuery,
  type ZoneRecordJson as ZoneRecord,
  type ZoneServer,
} from '../../src/node/servers/zone-server.js';

/** Faults a test can script. */
export type Fault =
  /** Never answers (UDP and TCP). */
  | 'silence'
  | 'servfail'
  | 'refused'
  | 'nxdomain'
  | 'nodata'
  /** UDP answers carry the TC bit; TCP answers in full (the TCP retry must succeed). */
  | 'truncate'
  /** UDP answers carry the TC bit; TCP accepts and never answers. */
  | 'tcp-silence'
  /** A few random bytes (not even a header). */
  | 'garbage'
  /** A header with the right id, then junk. */
  | 'garbage-with-id'
  /** The right answer with a wrong id, and nothing else. */
  | 'wrong-id'
  /** A wrong-id reply first, then the right one. */
  | 'wrong-id-then-answer'
  /** Answer after a delay. */
  | { delayMs: number };

export interface TestDnsServer extends ZoneServer {
  /** Scripts a fault for a name (`*` for every name), optionally for one query type; `undefined` clears it. */
  fault(name: string, fault: Fault | undefined, type?: string): void;
  clearFaults(): void;
  /** Every query received, in order. */
  readonly log: ZoneQuery[];
}

const GARBAGE = Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 0x01]);
// id (overwritten), flags QR|RD|RA, QDCOUNT 1, ANCOUNT 1, then a name whose label runs past the end.
const GARBAGE_WITH_ID = Uint8Array.from([0, 0, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0, 0x3f, 0x61, 0x62]);

function toZoneFault(fault: Fault, transport: 'udp' | 'tcp'): { fault?: ZoneFault; delayMs?: number } {
  if (typeof fault === 'object') return { delayMs: fault.delayMs };
  switch (fault) {
    case 'silence':
      return { fault: { action: 'silence' } };
    case 'servfail':
      return { fault: { action: 'rcode', rcode: 2 } };
    case 'refused':
      return { fault: { action: 'rcode', rcode: 5 } };
    case 'nxdomain':
      return { fault: { action: 'rcode', rcode: 3 } };
    case 'nodata':
      return { fault: { action: 'nodata' } };
    case 'truncate':
      return { fault: { action: 'truncate' } };
    case 'tcp-silence':
      return { fault: transport === 'udp' ? { action: 'truncate' } : { action: 'silence' } };
    case 'garbage':
      return { fault: { action: 'raw', bytes: GARBAGE } };
    case 'garbage-with-id':
      return { fault: { action: 'raw', bytes: GARBAGE_WITH_ID, withId: true } };
    case 'wrong-id':
      return { fault: { action: 'wrong-id' } };
    case 'wrong-id-then-answer':
      return { fault: { action: 'wrong-id', thenAnswer: true } };
  }
}

/** Starts the scripted server; `delayMs` delays every answer. */
export async function startTestDnsServer(
  zone: readonly ZoneRecord[],
  options: { delayMs?: number; faults?: Record<string, Fault> } = {},
): Promise<TestDnsServer> {
  const faults = new Map<string, Fault>(Object.entries(options.faults ?? {}));
  const log: ZoneQuery[] = [];
  const server = await startZoneServer({
    zone,
    ...(options.delayMs !== undefined ? { delayMs: options.delayMs } : {}),
    hooks: {
      onQuery(query) {
        log.push(query);
        const fault =
          faults.get(`${query.name}/${query.type}`) ??
          faults.get(query.name) ??
          faults.get(`*/${query.type}`) ??
          faults.get('*');
        return fault === undefined ? undefined : toZoneFault(fault, query.transport);
      },
    },
  });
  return Object.assign(server, {
    log,
    fault(name: string, fault: Fault | undefined, type?: string) {
      const key = type ? `${name.toLowerCase()}/${type}` : name.toLowerCase();
      if (fault === undefined) faults.delete(key);
      else faults.set(key, fault);
    },
    clearFaults() {
      faults.clear();
    },
  });
}

/**
 * The test file's server: started before its tests (`beforeAll`) and closed after them (`afterAll`).
 * The object returned stands for the running server; use it inside tests and hooks only.
 */
export function serveForFile(
  zone: readonly ZoneRecord[],
  options: Parameters<typeof startTestDnsServer>[1] = {},
): TestDnsServer {
  let running: TestDnsServer | undefined;
  beforeAll(async () => {
    running = await startTestDnsServer(zone, options);
  });
  afterAll(async () => {
    await running?.close();
  });
  return new Proxy({} as TestDnsServer, {
    get(_target, property) {
      if (running === undefined) throw new Error('the test DNS server runs inside tests and hooks only');
      const value: unknown = Reflect.get(running, property, running);
      return typeof value === 'function' ? value.bind(running) : value;
    },
  });
}

/** Shorthands for zone records. */
export const rr = {
  srv: (name: string, target: string, port = 5061, priority = 0, weight = 0): ZoneRecord => ({
    name,
    type: 'SRV',
    data: { priority, weight, port, target },
  }),
  a: (name: string, address: string): ZoneRecord => ({ name, type: 'A', data: address }),
  aaaa: (name: string, address: string): ZoneRecord => ({ name, type: 'AAAA', data: address }),
  cname: (name: string, target: string): ZoneRecord => ({ name, type: 'CNAME', data: target }),
  txt: (name: string, text: string): ZoneRecord => ({ name, type: 'TXT', data: text }),
};
