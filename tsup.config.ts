import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: three entries, ESM + CJS, with .d.ts and .d.cts.
    entry: { index: 'src/index.ts', zod: 'src/zod.ts', dns: 'src/dns.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    target: 'node20',
    splitting: true,
    treeshake: true,
  },
  {
    // The command: ESM only, no types; heavy modules are loaded lazily by each command.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    splitting: true,
    // commander's bundled CommonJS requires node:events and friends: give the ES module a `require`.
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    // Cold start (issue 13): commander and picocolors ship CommonJS, which Node's CJS lexer parses
    // at every start: the command bundles them. tldts (200 KB, ~20 ms through the lexer) is loaded
    // only when a name needs it (src/cli/lazy-tldts.ts); the library keeps every dependency external.
    noExternal: ['commander', 'picocolors', 'tldts'],
    esbuildOptions(options) {
      options.alias = { tldts: './src/cli/lazy-tldts.ts' };
    },
  },
]);
