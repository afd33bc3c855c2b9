/**
 * Real BIND 9 servers for tests: `named -g -c CONF` as child processes, authoritative only
 * (`recursion no;`), on loopback addresses added to `lo` for the run (BIND listens only on
 * configured addresses) and removed afterwards, all on one port. Zone files are generated into a
 * temp dir and checked with `named-checkzone` first. Stopped by PID.
 *
 * Needs `named` and root (for `ip addr add`): {@link bindUnavailable} says why not, so a suite can
 * skip visibly.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One BIND instance: an address and the zones it is authoritative for. */
export interface BindServerSpec {
  /** A 127.x.x.x address (added to `lo` when missing). */
  address: string;
  /** Zones: origin (`""` is the root) and master-file body (after the generated $TTL and SOA). */
  zones: { origin: string; body: string }[];
}

/** Running BIND instances. */
export interface BindCluster {
  port: number;
  /** `address:port` of a server. */
  at(address: string): string;
  /** Milliseconds from the first spawn until every instance said "running". */
  startMs: number;
  /** What each instance has logged so far (stderr of `named -g`). */
  logs(): string[];
  stop(): Promise<void>;
}

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/** Why BIND tests cannot run here (`undefined`: they can). */
export function bindUnavailable(): string | undefined {
  if (!run('named', ['-v']).ok) return '`named` (BIND 9) is not installed';
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return 'not root: cannot add loopback addresses for BIND';
  }
  if (!run('ip', ['-4', 'addr', 'show', 'dev', 'lo']).ok) return '`ip` is not available';
  return undefined;
}

function hasAddress(address: string): boolean {
  return run('ip', ['-4', 'addr', 'show', 'dev', 'lo']).output.includes(`inet ${address}/`);
}

function zoneFile(origin: string, body: string): string {
  const apex = origin === '' ? '.' : `${origin}.`;
  return [
    '$TTL 3600',
    `${apex} IN SOA ns.invalid. hostmaster.invalid. 1 3600 600 86400 300`,
    body.trim(),
    '',
  ].join('\n');
}

function waitRunning(child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => done(new Error(`named did not start in ${timeoutMs} ms:\n${log()}`)),
      timeoutMs,
    );
    const check = () => {
      // The line that ends start-up is "<time> running" alone (not "running on Linux …").
      if (/ running$/m.test(log())) done();
    };
    const onExit = (code: number | null) => done(new Error(`named exited (${code}):\n${log()}`));
    function done(error?: Error) {
      clearTimeout(timer);
      child.stderr?.off('data', check);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    }
    child.stderr?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
  }, 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts one `named` per spec, all on `port` (a random high one by default, another one when it is
 * taken), and waits until each says "running". Zone files are checked with `named-checkzone` first
 * (a broken one throws).
 */
export async function startBind(
  specs: readonly BindServerSpec[],
  options: { port?: number } = {},
): Promise<BindCluster> {
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? 20000 + Math.floor(Math.random() * 40000);
    try {
      return await startOnce(specs, port);
    } catch (error) {
      // A random port someone else holds: try another one.
      if (!(error instanceof PortInUse) || options.port !== undefined || attempt >= 5) throw error;
    }
  }
}

class PortInUse extends Error {}

async function startOnce(specs: readonly BindServerSpec[], port: number): Promise<BindCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'pic-bind-'));
  const added: string[] = [];
  const children: ChildProcess[] = [];
  const logs: (() => string)[] = [];
  const started = Date.now();
  // If the test process dies first, take named and the addresses with it.
  const onExit = () => {
    for (const child of children)
      if (child.pid !== undefined && child.exitCode === null) child.kill('SIGKILL');
    for (const address of added) run('ip', ['addr', 'del', `${address}/32`, 'dev', 'lo']);
  };
  process.once('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    await Promise.all(children.map(stopChild));
    for (const address of added.splice(0)) run('ip', ['addr', 'del', `${address}/32`, 'dev', 'lo']);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const [index, spec] of specs.entries()) {
      if (!hasAddress(spec.address)) {
        const result = run('ip', ['addr', 'add', `${spec.address}/32`, 'dev', 'lo']);
        if (!result.ok) throw new Error(`ip addr add ${spec.address}: ${result.output}`);
        added.push(spec.address);
      }
      const home = join(dir, `ns${index}`);
      rmSync(home, { recursive: true, force: true });
      mkdirSync(home, { recursive: true });
      const zones = spec.zones.map((zone, z) => {
        const file = join(home, `zone${z}.db`);
        writeFileSync(file, zoneFile(zone.origin, zone.body));
        const origin = zone.origin === '' ? '.' : zone.origin;
        const check = run('named-checkzone', ['-q', origin, file]);
        if (!check.ok)
          throw new Error(`named-checkzone ${origin}: ${run('named-checkzone', [origin, file]).output}`);
        return `zone "${origin}" { type primary; file "${file}"; };`;
      });
      if (!spec.zones.some((zone) => zone.origin === '')) {
        // Never BIND's built-in hints (the real roots): a hint zone on loopback, should it ever prime.
        const hints = join(home, 'hints.db');
        const root =
          specs.find((other) => other.zones.some((zone) => zone.origin === ''))?.address ?? '127.0.0.1';
        writeFileSync(hints, `. 3600 IN NS root.invalid.\nroot.invalid. 3600 IN A ${root}\n`);
        zones.push(`zone "." { type hint; file "${hints}"; };`);
      }
      const conf = join(home, 'named.conf');
      writeFileSync(
        conf,
        [
          'options {',
          `  directory "${home}";`,
          `  pid-file "${join(home, 'named.pid')}";`,
          `  session-keyfile "${join(home, 'session.key')}";`,
          `  managed-keys-directory "${home}";`,
          `  listen-on port ${port} { ${spec.address}; };`,
          '  listen-on-v6 { none; };',
          '  recursion no;',
          '  allow-query { any; };',
          '  allow-transfer { none; };',
          '  notify no;',
          '  dnssec-validation no;',
          '};',
          'controls { };',
          ...zones,
          '',
        ].join('\n'),
      );
      const child = spawn('named', ['-g', '-4', '-n', '1', '-c', conf], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      children.push(child);
      let log = '';
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        log += chunk;
      });
      logs.push(() => log);
      await waitRunning(child, () => log, 15_000);
      if (/unable to listen|address in use/i.test(log)) throw new PortInUse(`port ${port} is taken:\n${log}`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port,
    at: (address) => `${address}:${port}`,
    startMs: Date.now() - started,
    logs: () => logs.map((log) => log()),
    stop,
  };
}
