import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// ZOD_UNDER_TEST=lowest runs the suite against the lowest zod the peer range allows (the
// `zod-lowest` alias devDependency); ZOD_UNDER_TEST=/path/to/node_modules/zod against any copy.
const zodUnderTest = process.env.ZOD_UNDER_TEST;
const zodPath =
  zodUnderTest === undefined || zodUnderTest === ''
    ? undefined
    : zodUnderTest === 'lowest'
      ? fileURLToPath(new URL('./node_modules/zod-lowest', import.meta.url))
      : zodUnderTest;

export default defineConfig({
  resolve: zodPath === undefined ? {} : { alias: [{ find: /^zod$/, replacement: zodPath }] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // zod is inlined so the alias reaches it through our sources.
    server: zodPath === undefined ? {} : { deps: { inline: [/zod/] } },
  },
});
