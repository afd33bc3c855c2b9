// Process glue only: everything else is in run.ts (`run(argv, io)` returns the exit code).
import { VERSION } from '../core/version.js';
import type { CliIo } from './support/io.js';

/** No stack trace ever: an error that escapes every handler prints one line and exits 2. */
function internalError(error: unknown): never {
  const text = error instanceof Error ? error.message : String(error);
  process.stderr.write(`pic-preflight: internal error: ${text.replace(/\s*\n\s*/g, ' ').trim()}\n`);
  if (process.env.PIC_PREFLIGHT_DEBUG && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
  process.exit(2);
}
process.on('uncaughtException', internalError);
process.on('unhandledRejection', internalError);

// `| head` closes the pipe early: end quietly instead of printing an EPIPE stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  internalError(error);
});

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Fast path: the same output as commander's --version, without loading commander.
  process.stdout.write(`${VERSION}\n`);
} else {
  const io: CliIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    // Lazy: a command that never reads stdin never opens it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
  };
  // Plain batch commands (`fqdn NAME`) skip commander; everything else is run() (issue 13, cold start).
  const { runLightBatch } = await import('./fast.js').catch(internalError);
  let code = await runLightBatch(argv, io);
  if (code === undefined) {
    const { run } = await import('./run.js').catch(internalError);
    code = await run(argv, io);
  }
  process.exitCode = code;
  // Safety net: once the result is printed, a forgotten socket or timer must not keep the command alive.
  setTimeout(() => process.exit(code), 2000).unref();
}
