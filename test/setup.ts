// Runs before every test file: no test may reach a real name server. A resolver created without
// `nameservers` takes the system's (`node:dns` getServers()); point those at a closed loopback port
// so that a test that forgets to pass its own server fails fast instead of querying the network.
import dns from 'node:dns';
import { vi } from 'vitest';

dns.setServers(['127.0.0.1:9']);

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
