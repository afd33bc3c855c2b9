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
    banner: { js: '#!/usr/bin/env node' },
  },
]);
