// Every ts/js code block in README.md and docs/*.md compiles (tsc, strict) against the built
// package, imported by name as a user would; blocks that need no network also run, and their
// `// →` comments are what they print. A block whose info string says `no-run` (it needs a real
// name server or an Edge) is type-checked only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the package folder, so that `pic-preflight` resolves to this package (self-reference).
const dir = join(root, '.test-results', 'docs-blocks');

interface Block {
  id: string;
  file: string;
  line: number;
  lang: string;
  run: boolean;
  code: string;
}

function blocksOf(file: string): Block[] {
  const text = readFileSync(join(root, file), 'utf8');
  const blocks: Block[] = [];
  const fence = /^```(ts|typescript|js|javascript|mjs)((?:[ \t][^\n]*)?)\n([\s\S]*?)^```$/gm;
  for (const match of text.matchAll(fence)) {
    const line = text.slice(0, match.index).split('\n').length;
    const lang = match[1] as string;
    const id = `${file.replace(/[^a-z0-9]+/gi, '-')}-${line}`;
    blocks.push({ id, file, line, lang, run: !/\bno-run\b/.test(match[2] ?? ''), code: match[3] as string });
  }
  return blocks;
}

const files = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const blocks = files.flatMap(blocksOf);
const ext = (block: Block) => (block.lang.startsWith('t') ? 'ts' : 'mjs');

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.d.ts'))) {
    spawnSync(process.execPath, [join('node_modules', 'tsup', 'dist', 'cli-default.js')], {
      cwd: root,
      stdio: 'ignore',
    });
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const block of blocks) writeFileSync(join(dir, `${block.id}.${ext(block)}`), block.code);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        noEmit: true,
        allowJs: true,
        checkJs: true,
        skipLibCheck: true,
        resolveJsonModule: true,
        types: ['node'],
        typeRoots: [join(root, 'node_modules', '@types')],
        // Every block is its own module: the same name may be declared in two blocks.
        moduleDetection: 'force',
      },
      include: ['*.ts', '*.mjs'],
    }),
  );
}, 120_000);

describe('code blocks in README.md and docs/', () => {
  test('there are blocks to check, in README.md and in docs/', () => {
    expect(blocks.filter((b) => b.file === 'README.md').length).toBeGreaterThan(0);
    expect(blocks.filter((b) => b.file.startsWith('docs/')).length).toBeGreaterThan(5);
  });

  test('every block type-checks (tsc strict, importing the package by name)', () => {
    const tsc = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir],
      {
        encoding: 'utf8',
      },
    );
    // Name the markdown file and line of each error.
    const report = (tsc.stdout + tsc.stderr).replace(
      /^(?:\S*\/)?([\w-]+)-(\d+)\.(ts|mjs)/gm,
      (_m, id: string, line: string) => {
        const block = blocks.find((b) => b.id === `${id}-${line}`);
        return block ? `${block.file}:${block.line}` : _m;
      },
    );
    expect(report).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);

  const runnable = blocks.filter((block) => block.run);
  test.each(runnable.map((block) => [`${block.file}:${block.line}`, block] as const))(
    '%s runs',
    (_where, block) => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(dir, `${block.id}.${ext(block)}`)], {
        cwd: root,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      // `console.log(x); // → text`, or a line `// → text` after a loop: what it prints, line by line.
      const expected = [...block.code.matchAll(/(?:console\.log\(.*\);? *|^ *)\/\/ → (.*)$/gm)].map(
        (m) => m[1],
      );
      if (expected.length > 0) expect(run.stdout.trim().split('\n')).toEqual(expected);
    },
  );
});
