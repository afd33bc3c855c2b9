/**
 * A fake resolver for the live checks, built on the DNS contract alone (src/node/dns/types.ts): a
 * table of records with CNAMEs followed (≤ 8 links, loops → `cname_loop`), RFC 4592 wildcards
 * (`*.parent` answers any name below it that has no records of its own), and scripted outcomes
 * (referrals, limits, failures, authoritative server views) per question.
 */
import type {
  AnswerRecord,
  CnameAnswer,
  LookupOutcome,
  RecordType,
  Resolver,
  ServerView,
} from '../../src/node/dns/types.js';

type Special = Partial<LookupOutcome> & { kind: LookupOutcome['kind'] };

export interface FakeWorld {
  resolver: Resolver;
  /** Every question asked, as `TYPE name`, in order. */
  asked: string[];
}

/** Record builders (owner names lower case, no trailing dot). */
export const rec = {
  srv: (name: string, target: string, port = 5061, priority = 0, weight = 0): AnswerRecord => ({
    type: 'SRV',
    name,
    ttl: 300,
    priority,
    weight,
    port,
    target,
  }),
  a: (name: string, address: string): AnswerRecord => ({ type: 'A', name, ttl: 300, address }),
  aaaa: (name: string, address: string): AnswerRecord => ({ type: 'AAAA', name, ttl: 300, address }),
  cname: (name: string, target: string): AnswerRecord => ({ type: 'CNAME', name, ttl: 300, target }),
};

/**
 * A fake resolver over `records`. `special[`${type} ${name}`]` replaces the outcome of one question;
 * `servers[`${type} ${name}`]` attaches authoritative server views (and `source: 'authoritative'`).
 */
export function fakeWorld(
  records: readonly AnswerRecord[],
  special: Record<string, Special> = {},
  servers: Record<string, ServerView[]> = {},
): FakeWorld {
  const byName = new Map<string, AnswerRecord[]>();
  for (const record of records) {
    const list = byName.get(record.name) ?? [];
    list.push(record);
    byName.set(record.name, list);
  }
  const own = (name: string): AnswerRecord[] | undefined => {
    const exact = byName.get(name);
    if (exact) return exact;
    // RFC 4592: the closest wildcard, when no name between exists.
    let parent = name;
    while (parent.includes('.')) {
      parent = parent.slice(parent.indexOf('.') + 1);
      if (byName.has(parent)) return undefined;
      const wild = byName.get(`*.${parent}`);
      if (wild) return wild.map((r) => ({ ...r, name }));
    }
    return undefined;
  };
  const asked: string[] = [];
  const resolver: Resolver = {
    async lookup(name: string, type: RecordType): Promise<LookupOutcome> {
      asked.push(`${type} ${name}`);
      const key = `${type} ${name}`;
      const views = servers[key];
      const extra = views ? { source: 'authoritative' as const, servers: views } : {};
      const scripted = special[key];
      if (scripted) return { name, type, ...extra, ...scripted } as LookupOutcome;
      const aliases: CnameAnswer[] = [];
      let current = name;
      for (let links = 0; links <= 8; links++) {
        const found = own(current);
        if (!found) return { name, type, kind: 'nxdomain', rcode: 'NXDOMAIN', aliases, ...extra };
        const wanted = found.filter((r) => r.type === type);
        if (wanted.length > 0) return { name, type, kind: 'answer', records: wanted, aliases, ...extra };
        const cname = found.find((r): r is CnameAnswer => r.type === 'CNAME');
        if (!cname || type === 'CNAME')
          return { name, type, kind: 'nodata', rcode: 'NOERROR', aliases, ...extra };
        if (aliases.some((a) => a.name === cname.target) || cname.target === name) {
          aliases.push(cname);
          return { name, type, kind: 'cname_loop', aliases, ...extra };
        }
        aliases.push(cname);
        current = cname.target;
      }
      return { name, type, kind: 'cname_loop', aliases, ...extra };
    },
  };
  return { resolver, asked };
}
