// The demo's split-view step never fails the demo: when the loopback hierarchy cannot start (a
// system where 127.0.54.x cannot be bound), one line on stderr says so and nothing else is printed.
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../src/cli/support/io.js';

vi.mock('../src/node/servers/hierarchy-server.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../src/node/servers/hierarchy-server.js')>()),
  startHierarchy: () => Promise.reject(new Error('listen EADDRNOTAVAIL 127.0.54.1')),
}));

describe('split-view step: cannot start', () => {
  it('prints one note on stderr, nothing on stdout, and resolves', async () => {
    const { runSplitViewStep } = await import('../src/cli/support/demo-split-view.js');
    const out = { stdout: '', stderr: '' };
    const io: CliIo = {
      stdout: {
        write: (chunk: string) => {
          out.stdout += chunk;
          return true;
        },
      },
      stderr: {
        write: (chunk: string) => {
          out.stderr += chunk;
          return true;
        },
      },
      stdin: Readable.from([]),
      env: {},
    };
    await runSplitViewStep(
      { records: [], inside: '127.0.0.1:9', format: 'text', output: { color: false } },
      io,
    );
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      'Split-view step: skipped, the loopback hierarchy could not start: listen EADDRNOTAVAIL 127.0.54.1.\n',
    );
  });
});
