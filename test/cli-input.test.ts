// Issue 13: input files and stdin are bounded and decoded like Windows writes them; every usage
// error is exit 2 with one line, never a stack trace.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { decodeText, MAX_INPUT_BYTES, readAllText } from '../src/cli/support/io.js';
import { runCli, spawnCli } from './cli-helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'pic-cli-input-'));
const request = JSON.stringify({
  agreementNumber: 'V1234567',
  accessEdgeFqdn: 'sip.acme.com',
  sipDomains: ['acme.com'],
});
const utf16be = (text: string): Buffer => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
  return le;
};

describe('request files: UTF-8 with or without BOM, UTF-16LE/BE with BOM', () => {
  test.each<[string, Buffer]>([
    ['UTF-8', Buffer.from(request)],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(request)])],
    [
      'UTF-16LE with BOM (PowerShell 5.1 Out-File)',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(request, 'utf16le')]),
    ],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(request)])],
  ])('%s → checked (exit 0)', async (label, bytes) => {
    const file = join(tmp, `${label.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, bytes);
    const out = await runCli(['check', '--request', file, '--offline', '--format', 'json']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
  });

  test('bytes that are not text: exit 2, one line', async () => {
    const file = join(tmp, 'latin1.json');
    writeFileSync(file, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    const out = await runCli(['check', '--request', file, '--offline']);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('decodeText keeps a second U+FEFF as content', () => {
    expect(decodeText(Buffer.from('\ufeff\ufeffa'))).toBe('\ufeffa');
  });
});

describe(`size cap (${MAX_INPUT_BYTES} bytes), checked before reading the whole input`, () => {
  test('a file over the cap: exit 2, one line naming the limit', async () => {
    const file = join(tmp, 'big.json');
    writeFileSync(file, Buffer.alloc(MAX_INPUT_BYTES + 1, 0x20));
    const out = await runCli(['check', '--request', file, '--offline']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/10 MB/);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('stdin over the cap stops reading at the cap', async () => {
    let pulled = 0;
    const chunk = Buffer.alloc(1 << 20, 0x20);
    const endless = Readable.from(
      (function* () {
        for (;;) {
          pulled += chunk.length;
          yield chunk;
        }
      })(),
    );
    await expect(readAllText(endless)).rejects.toThrow(/10 MB/);
    expect(pulled).toBeLessThanOrEqual(MAX_INPUT_BYTES + 2 * chunk.length);
  });
});

describe('empty stdin and flag errors: exit 2 with one line', () => {
  test.each([['fqdn'], ['sip-domain'], ['decorate'], ['agreement']])(
    '%s with empty stdin',
    async (command) => {
      const out = await runCli([command], { stdin: '\n  \n' });
      expect(out.code).toBe(2);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
    },
  );

  test('check --request - with empty stdin', async () => {
    const out = await runCli(['check', '--request', '-', '--offline'], { stdin: '' });
    expect(out.code).toBe(2);
  });

  test.each([
    [['--version', '--bogus']],
    [['-V', '--json']],
    [['--bogus', '--version']],
    [['fqdn', '--version']],
  ])('%j → exit 2', async (argv) => {
    const out = await runCli(argv);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
  });

  test('the built command: --version --bogus exits 2 with one line, no stack trace', async () => {
    const out = await spawnCli(['--version', '--bogus']);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });
});
