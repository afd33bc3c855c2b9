// Runs before every test file.
import dns from 'node:dns';
import fc from 'fast-check';
import { vi } from 'vitest';

// No test may reach a real name server. A resolver created without `nameservers` takes the system's
// (`node:dns` getServers()); point those at a closed loopback port so that a test that forgets to
// pass its own server fails fast instead of querying the network.
dns.setServers(['127.0.0.1:9']);

// Seeded properties: every run explores the same cases, and a failure prints the seed and the path
// to replay it. FC_SEED=<n> explores other cases (e.g. FC_SEED=$RANDOM npm test).
const DEFAULT_SEED = 20_260_129;
const seed = Number.parseInt(process.env.FC_SEED ?? '', 10);
fc.configureGlobal({ seed: Number.isSafeInteger(seed) ? seed : DEFAULT_SEED });
// Every report a test produces, through runPreflight or handed to renderReport (the command, srv's
// batch report, hand-made ones), must fit the shipped schema/report.schema.json.
vi.mock('../src/node/preflight/run.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/node/preflight/run.js')>();
  const { assertValidReport } = await import('./helpers/report-schema.js');
  return {
    ...actual,
    runPreflight: async (...args: Parameters<typeof actual.runPreflight>) => {
      const report = await actual.runPreflight(...args);
      assertValidReport(JSON.parse(JSON.stringify(report)), 'runPreflight');
      return report;
    },
  };
});
vi.mock('../src/node/preflight/render.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/node/preflight/render.js')>();
  const { assertValidReport } = await import('./helpers/report-schema.js');
  return {
    ...actual,
    renderReport: (...args: Parameters<typeof actual.renderReport>) => {
      assertValidReport(JSON.parse(JSON.stringify(args[0])), 'renderReport');
      return actual.renderReport(...args);
    },
  };
});
