// Issue 13 (cold start): plain batch commands skip commander (src/cli/fast.ts). The light path and
// run() must print the same thing and exit the same way.
import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { isLightBatch, runLightBatch } from '../src/cli/fast.js';
import type { CliIo } from '../src/cli/support/io.js';
import { runCli } from './cli-helpers.js';

async function light(argv: string[]): Promise<{ code: number | undefined; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk), isTTY: false },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: false },
    stdin: Object.assign(new Writable(), { [Symbol.asyncIterator]: async function* () {} }) as never,
    env: {},
  };
  const code = await runLightBatch(argv, io);
  return { code, stdout, stderr };
}

describe('the light batch path equals run()', () => {
  test.each([
    [['fqdn', 'sip.example.net', 'SIP.Contoso.com.', 'acme.co.uk', 'bad_name.com', 'xn--a.com']],
    [['sip-domain', 'contoso.com', 'sip.fabrikam.com', 'tenant.onmicrosoft.com']],
    [['agreement', 'V1234567', '0000', 'TBD']],
    [['decorate', 'ted@fabrikam.net', 'sip:ann@contoso.com', 'bob@msn.com', 'nope']],
    [['undecorate', 'ted(fabrikam.net)@msn.com', 'ted@fabrikam.net']],
  ])('%j', async (argv) => {
    expect(isLightBatch(argv)).toBe(true);
    const a = await light(argv);
    const b = await runCli(argv);
    expect(a).toEqual({ code: b.code, stdout: b.stdout, stderr: b.stderr });
  });

  test.each([
    [['fqdn']],
    [['fqdn', '--json', 'a.com']],
    [['fqdn', 'a.com', '--']],
    [['check', 'x']],
    [['help', 'fqdn']],
  ])('%j goes through run()', (argv) => {
    expect(isLightBatch(argv)).toBe(false);
  });
});
