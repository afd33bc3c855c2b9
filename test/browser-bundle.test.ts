// INTERFACE.md: the core entry loads tldts only — no node: module, no zod, no dns2 — so it must
// bundle for a browser. Bundles src/index.ts with esbuild (platform: 'browser').
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';

describe('core entry in a browser bundle', () => {
  test('bundles with platform browser, without node:, zod or dns2', async () => {
    const result = await build({
      entryPoints: ['src/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code.length).toBeGreaterThan(1000);
    expect(code).not.toMatch(/["']node:/);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.includes('node_modules/tldts'))).toBe(true);
    expect(inputs.filter((path) => /node_modules\/(zod|dns2)\//.test(path))).toEqual([]);
    expect(code).not.toMatch(/\bdns2\b/);
    // The bundle really works: run it as a module and call the validators.
    const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
    const core = (await import(url)) as typeof import('../src/index.js');
    expect(core.checkFqdn('SIP.Acme-Widgets.com.')).toEqual({
      ok: true,
      value: 'sip.acme-widgets.com',
      issues: [],
    });
    expect(core.isFqdn('münchen.de', { allowIdn: true })).toBe(true);
  });

  test('the built dist/index.js bundles for a browser too', async () => {
    const result = await build({
      entryPoints: ['dist/index.js'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((path) => /node_modules\/(zod|dns2)\//.test(path))).toEqual([]);
    expect(result.outputFiles[0]?.text ?? '').not.toMatch(/["']node:/);
  });
});
