// STYLE rule 10: a user who imports one function gets one function. Bundles a one-line entry with
// esbuild (minified, tree-shaken, as a user's bundler would) and measures what came along.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Bundles `contents` as an entry in the repository root; returns the minified code and the inputs
 * that put bytes into it (a module read but shaken out entirely is not listed).
 */
async function bundle(
  contents: string,
  options: BuildOptions = {},
): Promise<{ code: string; inputs: string[]; errors: number }> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    ...options,
  });
  const output = Object.values(result.metafile?.outputs ?? {})[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  return { code: result.outputFiles?.[0]?.text ?? '', inputs, errors: result.errors.length };
}

const MAX_FROM_RESULT_BYTES = 20_000;

/** The sources, then the built package (`npm test` builds first; without a build it is skipped, visibly). */
const ENTRIES = [
  { label: 'src', zod: './src/zod.ts', core: './src/index.ts', built: true },
  {
    label: 'dist',
    zod: './dist/zod.js',
    core: './dist/index.js',
    built: existsSync(join(ROOT, 'dist', 'zod.js')),
  },
];

describe('tree-shaking', () => {
  describe.each(ENTRIES)('$label', ({ zod, core, built }) => {
    test.skipIf(!built)(
      `fromResult alone, zod external: under ${MAX_FROM_RESULT_BYTES / 1000} KB minified`,
      async () => {
        const { code, inputs } = await bundle(
          `import { fromResult } from '${zod}';\nexport const schema = fromResult((x) => ({ ok: true, value: x, issues: [] }));`,
          { external: ['zod'] },
        );
        const size = Buffer.byteLength(code);
        expect(size, `fromResult bundle is ${size} bytes; inputs: ${inputs.join(', ')}`).toBeLessThan(
          MAX_FROM_RESULT_BYTES,
        );
        // No rule came along: no check module, no tldts.
        expect(
          inputs.filter((path) => /src\/core\/(fqdn|request|public-provider|name-decoration)\//.test(path)),
        ).toEqual([]);
        expect(inputs.some((path) => path.includes('node_modules/tldts'))).toBe(false);
      },
    );

    // A distinctive string of each module that isFqdn must not pull in (code, not a message: the
    // message table is shared by every check).
    test.skipIf(!built).each([
      ['request', 'additionalAccessEdges'],
      ['public provider', 'includeRemove'],
      ['name decoration', 'hotmail.com'],
      ['agreement number', 'volume-licensing'],
    ])('isFqdn alone does not pull the %s code (%s)', async (_label, marker) => {
      const { code, inputs } = await bundle(`export { isFqdn } from '${core}';`, { external: ['tldts'] });
      expect(code).toContain('isFqdn');
      expect(code).not.toContain(marker);
      expect(
        inputs.filter((path) => /src\/core\/(request|public-provider|name-decoration)\//.test(path)),
      ).toEqual([]);
    });
  });

  test("the core entry bundles with platform 'neutral' and only tldts external", async () => {
    const { code, errors, inputs } = await bundle("export * from './src/index.ts';", { external: ['tldts'] });
    expect(errors).toBe(0);
    expect(code.length).toBeGreaterThan(1000);
    expect(inputs.filter((path) => path.includes('node_modules'))).toEqual([]);
    expect(code).not.toMatch(/["']node:/);
  });

  test('the core entry bundles with no externals at all (tldts included)', async () => {
    const { errors, inputs } = await bundle("export * from './src/index.ts';");
    expect(errors).toBe(0);
    expect(inputs.some((path) => path.includes('node_modules/tldts'))).toBe(true);
    expect(inputs.filter((path) => /node_modules\/(zod|dns2|ipaddr)/.test(path))).toEqual([]);
  });
});
