/**
 * The demo's split-view case (RULES §10): the demo zone served inside (the demo's zone server, an
 * internal split-brain DNS) and outside (`startSplitViewDemo`: root → com/net/org → the domains'
 * servers on 127.0.54.x). Recursive inside and authoritative outside agree on everything but the
 * changed record. No network: loopback only.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SPLIT_VIEW_CHANGES,
  SPLIT_VIEW_HOSTS,
  type SplitViewDemo,
  startSplitViewDemo,
} from '../src/cli/support/demo-split-view.js';
import { createAuthoritativeResolver } from '../src/node/dns/authoritative/resolver.js';
import { createResolver } from '../src/node/dns/resolver.js';
import type { LookupOutcome, RecordType } from '../src/node/dns/types.js';
import { startZoneServer, type ZoneServer } from '../src/node/servers/zone-server.js';

const records = (
  JSON.parse(readFileSync(new URL('../examples/demo-zone.json', import.meta.url), 'utf8')) as {
    records: { name: string; type: string; data: unknown }[];
  }
).records;

/** An outcome as a comparable line: kind and records (no TTL, no evidence). */
function summary(outcome: LookupOutcome): string {
  if (outcome.kind !== 'answer') return outcome.kind;
  return outcome.records
    .map((r) =>
      r.type === 'SRV'
        ? `${r.port} ${r.target}`
        : r.type === 'TXT'
          ? r.data.join('')
          : 'address' in r
            ? r.address
            : r.target,
    )
    .sort()
    .join(',');
}

describe('the demo’s split-view case: inside vs outside', () => {
  let inside: ZoneServer;
  let outside: SplitViewDemo;
  beforeAll(async () => {
    inside = await startZoneServer({ zone: records as Parameters<typeof startZoneServer>[0]['zone'] });
    outside = await startSplitViewDemo(records);
  });
  afterAll(async () => {
    await inside?.close();
    await outside?.close();
  });

  it('the changed record differs: private inside, public outside, with the public delegation path', async () => {
    const [change] = SPLIT_VIEW_CHANGES;
    const name = change?.name ?? '';
    const insideView = await createResolver({ nameservers: [inside.address], timeoutMs: 1000 }).lookup(
      name,
      'A',
    );
    const outsideView = await createAuthoritativeResolver({
      rootServers: [outside.rootServer],
      timeoutMs: 1000,
    }).lookup(name, 'A');
    expect(summary(insideView)).toBe(change?.inside);
    expect(summary(outsideView)).toBe(change?.outside);
    const port = outside.rootServer.split(':')[1];
    expect(outsideView.path).toEqual([
      { zone: '', nameservers: [outside.rootServer], addresses: [outside.rootServer] },
      { zone: 'org', nameservers: ['ns1.nic.org'], addresses: [`${SPLIT_VIEW_HOSTS.tlds}:${port}`] },
      {
        zone: 'westfield-builders.org',
        nameservers: ['ns1.westfield-builders.org'],
        addresses: [`${SPLIT_VIEW_HOSTS.domains}:${port}`],
      },
    ]);
  });

  it('every other record of the demo zone reads the same from both sides', async () => {
    const recursive = createResolver({ nameservers: [inside.address], timeoutMs: 1000 });
    const authoritative = createAuthoritativeResolver({ rootServers: [outside.rootServer], timeoutMs: 1000 });
    const changed = new Set(SPLIT_VIEW_CHANGES.map((c) => `${c.name}/${c.type}`));
    const questions = records
      .map((r) => [r.name.toLowerCase(), r.type as RecordType] as const)
      .filter(([name, type]) => !changed.has(`${name}/${type}`));
    questions.push(['_sipfederationtls._tcp.lakeshore-dental.com', 'SRV']);
    for (const [name, type] of questions) {
      const [a, b] = await Promise.all([recursive.lookup(name, type), authoritative.lookup(name, type)]);
      expect(`${name} ${type}: ${summary(b)}`).toBe(`${name} ${type}: ${summary(a)}`);
    }
    expect(questions.length).toBeGreaterThan(10);
  });
});
