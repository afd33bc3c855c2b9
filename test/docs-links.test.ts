// Relative links in README.md and docs/ point at files that exist and that the package ships
// (npm shows the README; its links must work in the published package too).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { files: string[] };
const shipped = (path: string) =>
  ['README.md', 'LICENSE', 'package.json'].includes(path) ||
  pkg.files.some((f) => path === f || path.startsWith(`${f}/`));

const files = ['README.md', ...readdirSync(join(root, 'docs')).map((f) => `docs/${f}`)];

test.each(files)('%s: relative links resolve to shipped files', (file) => {
  const text = readFileSync(join(root, file), 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
  for (const match of text.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
    const target = match[1] as string;
    if (/^[a-z]+:/.test(target)) continue;
    const path = normalize(join(dirname(file), target));
    expect(existsSync(join(root, path)), `${file} links ${target}`).toBe(true);
    expect(shipped(path), `${file} links ${target}, which the package does not ship`).toBe(true);
  }
});

test('README.md is a package page: short, the clone commands and a library quick start near the top', () => {
  const lines = readFileSync(join(root, 'README.md'), 'utf8').split('\n');
  expect(lines.length).toBeLessThanOrEqual(300);
  const top = lines.slice(0, 80).join('\n');
  expect(top).toContain('npm ci && npm run demo');
  expect(top).toContain('npm test');
  expect(top).toContain('npm install pic-preflight');
  expect(top).toMatch(/```ts\nimport \{[^}]+\} from 'pic-preflight';/);
});
