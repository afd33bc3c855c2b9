// The layers are the folders, and dependencies run one way: cli → node → core, zod → core (STYLE.md,
// INTERFACE.md). Reads every import of src/ (tests excluded) with the TypeScript parser and fails on
// a folder cycle, a value-import cycle between files, or an import across a layer the wrong way.
// Each failure names the offending edge.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { cycles, folderOf, type ImportEdge, importGraph, sourceFiles } from './helpers/import-graph.js';

const EDGES = importGraph();
const INTERNAL = EDGES.filter((edge) => edge.to.startsWith('src/'));
const show = (edge: ImportEdge): string => `${edge.from} → ${edge.to}${edge.typeOnly ? ' (type)' : ''}`;

/** The one file allowed to import each outside library that needs an adapter. */
const ADAPTERS: Record<string, string> = {
  dns2: 'src/node/dns/wire.ts',
  'node:tls': 'src/node/probe/tls.ts',
};

/** Folder cycles accepted (none: the command's helpers live in cli/support, below cli/commands). */
const ACCEPTED_FOLDER_CYCLES: readonly string[] = [];

const layerOf = (file: string): string => file.split('/')[1]?.replace(/\.ts$/, '') ?? '';

describe('architecture: src/ import graph', () => {
  test('the graph is read (sanity: files, edges, and type-only imports are told apart)', () => {
    expect(sourceFiles().length).toBeGreaterThan(40);
    expect(INTERNAL.some((edge) => edge.typeOnly)).toBe(true);
    expect(INTERNAL.some((edge) => !edge.typeOnly)).toBe(true);
    expect(EDGES).toContainEqual({ from: 'src/core/fqdn/diagnose.ts', to: 'tldts', typeOnly: false });
  });

  test('no value-import cycle between files', () => {
    const found = cycles(INTERNAL.filter((edge) => !edge.typeOnly));
    expect(found.map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  test('no cycle between folders (type-only imports included)', () => {
    const folderEdges = INTERNAL.map((edge) => ({ from: folderOf(edge.from), to: folderOf(edge.to) })).filter(
      (edge) => edge.from !== edge.to,
    );
    const found = cycles(folderEdges).map((cycle) => {
      const members = [...new Set(cycle)].sort();
      return members.length === 2 ? `${members[0]} ↔ ${members[1]}` : cycle.join(' → ');
    });
    const unexpected = found.filter((cycle) => !ACCEPTED_FOLDER_CYCLES.includes(cycle));
    // Name the file edges behind each unexpected folder cycle.
    const behind = unexpected.flatMap((cycle) => {
      const folders = new Set(cycle.split(/ ↔ | → /));
      return INTERNAL.filter(
        (edge) =>
          folders.has(folderOf(edge.from)) &&
          folders.has(folderOf(edge.to)) &&
          folderOf(edge.from) !== folderOf(edge.to),
      ).map(show);
    });
    expect({ cycles: unexpected, edges: behind }).toEqual({ cycles: [], edges: [] });
    // An accepted cycle that is gone must leave the list, so that it cannot come back unnoticed.
    expect(ACCEPTED_FOLDER_CYCLES.filter((cycle) => !found.includes(cycle))).toEqual([]);
  });

  test('core is pure: it imports no zod, dns2, node: module, nor anything under zod/, node/ or cli/', () => {
    const bad = EDGES.filter((edge) => layerOf(edge.from) === 'core').filter((edge) =>
      edge.to.startsWith('src/') ? layerOf(edge.to) !== 'core' : edge.to !== 'tldts',
    );
    expect(bad.map(show)).toEqual([]);
  });

  test('zod/ imports only core and zod; node/ never imports cli/', () => {
    const bad = INTERNAL.filter(
      (edge) =>
        (layerOf(edge.from) === 'zod' && !['core', 'zod'].includes(layerOf(edge.to))) ||
        (layerOf(edge.from) === 'node' && ['cli', 'zod'].includes(layerOf(edge.to))),
    );
    const outside = EDGES.filter(
      (edge) => layerOf(edge.from) === 'zod' && !edge.to.startsWith('src/') && edge.to !== 'zod',
    );
    expect([...bad, ...outside].map(show)).toEqual([]);
  });

  test('nothing but the entries and cli/ import an entry file', () => {
    const entries = new Set(['src/index.ts', 'src/zod.ts', 'src/dns.ts']);
    const bad = INTERNAL.filter((edge) => entries.has(edge.to) && layerOf(edge.from) !== 'cli');
    expect(bad.map(show)).toEqual([]);
  });

  test.each(Object.entries(ADAPTERS))('%s is imported only by its adapter %s', (library, adapter) => {
    const bad = EDGES.filter((edge) => edge.to === library && edge.from !== adapter);
    expect(bad.map(show)).toEqual([]);
  });

  test('one name per function: comparableName is never imported under another name', () => {
    const renamed = sourceFiles().filter((file) =>
      /\bcomparableName as \w+/.test(readFileSync(file, 'utf8')),
    );
    expect(renamed).toEqual([]);
  });
});

describe('the cycle finder', () => {
  test('finds each cycle once, as a closed path, and ignores what hangs off it', () => {
    const edges = [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
      ['c', 'd'],
      ['x', 'y'],
      ['y', 'x'],
      ['z', 'z'],
    ].map(([from, to]) => ({ from: from!, to: to! }));
    expect(cycles(edges)).toEqual(
      expect.arrayContaining([
        ['a', 'b', 'c', 'a'],
        ['x', 'y', 'x'],
        ['z', 'z'],
      ]),
    );
    expect(cycles(edges)).toHaveLength(3);
    expect(cycles([{ from: 'a', to: 'b' }])).toEqual([]);
  });
});
