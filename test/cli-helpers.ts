// Shared by the cli tests: an in-memory io for run(), and a spawner for the built command.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { type CliIo, run } from '../src/cli/run.js';
import type { Report } from '../src/core/report/report-types.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const ESC = '\u001b';

/** `check` of the demo's correct organisation, from flags (add `--nameserver` and the rest). */
export const CHECK_ARGS: readonly string[] = Object.freeze([
  'check',
  '--edge',
  'sip.harbourline-freight.com',
  '--domain',
  'harbourline-freight.com',
  '--agreement',
  'V7731842',
]);

/** What a command wrote and returned. */
export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface FakeIoOptions {
  stdin?: string;
  stdinTTY?: boolean;
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  /** `process.stdout.columns` of a terminal. */
  stdoutColumns?: number;
  env?: Record<string, string | undefined>;
}

/** Calls run() with in-memory streams. */
export async function runCli(argv: string[], options: FakeIoOptions = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(
    Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    {
      isTTY: options.stdinTTY ?? false,
    },
  );
  const io: CliIo = {
    stdout: {
      write: (chunk: string) => {
        stdout += chunk;
        return true;
      },
      isTTY: options.stdoutTTY ?? false,
      ...(options.stdoutColumns === undefined ? {} : { columns: options.stdoutColumns }),
    } as CliIo['stdout'],
    stderr: {
      write: (chunk: string) => {
        stderr += chunk;
        return true;
      },
      isTTY: options.stderrTTY ?? false,
    },
    stdin,
    env: options.env ?? {},
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** Spawns `node dist/cli.js …` with pipes (never a TTY). */
export function spawnCli(
  argv: string[],
  options: {
    stdin?: string;
    env?: Record<string, string | undefined>;
    nodeArgs?: string[];
    cwd?: string;
    timeoutMs?: number;
  } = {},
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...argv], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out: ${argv.join(' ')}\n${stderr}`));
    }, options.timeoutMs ?? 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin ?? '');
  });
}

/** The NDJSON lines of an output, parsed. */
export function ndjson(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/**
 * The probe part of the demo's report (examples/demo-certs, src/cli/support/demo-edges.ts): the correct
 * Edge passes (its refusal of a client without a certificate is an info), the oakridge Edge's
 * wildcard-only certificate without clientAuth fails, the wrong-port and private addresses are
 * refused, and every connection went to a loopback address.
 */
export function expectDemoProbe(report: Report): void {
  const find = (id: string, subject: string) =>
    report.checks.find((check) => check.id === id && check.subject === subject);
  const codes = (id: string, subject: string) => find(id, subject)?.issues.map((issue) => issue.code);

  expect(find('tcp', '198.51.100.24:5061')?.status).toBe('pass');
  expect(find('tls', 'sip.harbourline-freight.com@198.51.100.24:5061')?.status).toBe('pass');
  expect(codes('tls', 'sip.harbourline-freight.com@198.51.100.24:5061')).toEqual([
    'tls.handshake_incomplete',
  ]);

  expect(find('tcp', '198.51.100.120:5061')?.status).toBe('pass');
  expect(find('tls', 'sip.oakridge-partners.net@198.51.100.120:5061')?.status).toBe('fail');
  expect(codes('tls', 'sip.oakridge-partners.net@198.51.100.120:5061')).toEqual([
    'tls.name_mismatch',
    'tls.missing_client_auth',
  ]);

  expect(codes('tcp', '198.51.100.40:5062')).toEqual(['probe.unreachable']);
  expect(find('tls', 'sip.tidewater-analytics.net@198.51.100.40:5062')?.status).toBe('skipped');
  expect(codes('tcp', '10.20.30.40:5061')).toEqual(['probe.unreachable']);
  expect(find('tls', 'sip.westfield-builders.org@10.20.30.40:5061')?.status).toBe('skipped');

  const tcp = report.checks.filter((check) => check.id === 'tcp');
  expect(tcp).toHaveLength(4);
  for (const check of tcp) expect(String(check.evidence?.connectedTo)).toMatch(/^127\.\d+\.\d+\.\d+:\d+$/);
  expect(report.summary.inconclusive).toBe(0);
}
