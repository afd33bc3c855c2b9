/**
 * The `pic-preflight` command as a function: `run(argv, io)` parses the arguments with commander,
 * runs one command and returns its exit code. It never calls `process.exit` and never throws, so
 * tests call it directly; `main.ts` glues it to the process.
 *
 * Every command's heavy work (tldts, dns2, zod, node:tls) is loaded with `import()` inside its
 * action, so `--version`, `--help` and the offline validators stay fast.
 */
import { Command, CommanderError } from 'commander';
import { TOOL_NAME, VERSION } from '../core/version.js';
import { registerAgreement } from './commands/agreement.js';
import { registerCheck } from './commands/check.js';
import { registerDecorate } from './commands/decorate.js';
import { registerDemo } from './commands/demo.js';
import { registerFqdn } from './commands/fqdn.js';
import { registerProviderCommand } from './commands/provider-command.js';
import { registerSipDomain } from './commands/sip-domain.js';
import { registerSrv } from './commands/srv.js';
import { registerUndecorate } from './commands/undecorate.js';
import { registerZone } from './commands/zone.js';
import {
  type CliIo,
  type CommandContext,
  EXIT,
  errorText,
  MAX_INPUT_TEXT,
  UsageError,
} from './support/io.js';

export type { CliInput, CliIo, CliOutput } from './support/io.js';
export { EXIT } from './support/io.js';

/** Builds the commander program for one run, writing into `io`. */
export function createProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command(TOOL_NAME)
    .description(
      'Check a Lync Server 2013 / Skype for Business Server federation setup: Access Edge FQDN, SIP domains, ' +
        'agreement number, _sipfederationtls._tcp SRV records, Edge certificate and NameDecoration.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // One line, prefixed with the command's name (commander may add "(Did you mean …?)" below).
      outputError: (text, write) => write(`${TOOL_NAME}: ${errorText(text.replace(/^error: /, ''))}\n`),
    })
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      '\nExit codes: 0 no error (warnings allowed), 1 at least one error (or a warning with --strict),\n' +
        '2 usage or input error, 3 no error but something could not be checked (inconclusive).\n' +
        `Input files and stdin: at most ${MAX_INPUT_TEXT}; UTF-8 (with or without a BOM) or UTF-16 with a BOM.`,
    );

  registerCheck(program, context);
  registerSrv(program, context);
  registerFqdn(program, context);
  registerSipDomain(program, context);
  registerAgreement(program, context);
  registerDecorate(program, context);
  registerUndecorate(program, context);
  registerProviderCommand(program, context);
  registerDemo(program, context);
  registerZone(program, context);
  return program;
}

/**
 * Runs the command line and returns the exit code: 0 no error, 1 an error (or a warning with
 * `--strict`), 2 usage or input error, 3 inconclusive.
 *
 * @param argv - The user's arguments, without `node` and the script (`process.argv.slice(2)`).
 * @param io - Streams and environment (`process.stdout`, `process.stderr`, `process.stdin`, `process.env`).
 * @returns The exit code; never rejects.
 * @example
 * ```ts
 * const code = await run(['fqdn', 'sip.example.net'], { stdout, stderr, stdin, env: {} });
 * ```
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = createProgram({
    io,
    setExitCode(code) {
      exitCode = code;
    },
  });
  try {
    if (argv.length === 0) {
      io.stderr.write(program.helpInformation());
      return EXIT.usage;
    }
    // Commander answers --version wherever it sees it, before judging the other arguments: --version
    // with anything else (before a `--`) is a usage error (`--version --bogus` exits 2, not 0).
    const end = argv.indexOf('--');
    const options = end < 0 ? argv : argv.slice(0, end);
    if (argv.length > 1 && options.some((arg) => arg === '--version' || arg === '-V')) {
      throw new UsageError('--version takes no other arguments');
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help, `help [command]` and --version end here with exit code 0; every other commander
      // error is a usage error. Commander already wrote its message.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`${TOOL_NAME}: ${errorText(error)}\n`);
      return EXIT.usage;
    }
    // A bug or an environment failure: one line, no stack trace (PIC_PREFLIGHT_DEBUG=1 shows it).
    io.stderr.write(`${TOOL_NAME}: internal error: ${errorText(error)}\n`);
    if (io.env.PIC_PREFLIGHT_DEBUG && error instanceof Error && error.stack)
      io.stderr.write(`${error.stack}\n`);
    return EXIT.usage;
  }
}
