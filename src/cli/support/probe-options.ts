/**
 * `check --ca FILE` and `--probe-timeout MS`: turns the flags into the probe options of
 * `runPreflight` (`probeOptions`). An unreadable CA file, or one without a PEM certificate, is a
 * usage error (exit 2).
 */
import type { ProbeOptions } from '../../node/probe/probe-edges.js';
import { UsageError } from './io.js';

/** The probe options a command may pass to `runPreflight` (the run's deadline supplies `signal`). */
export type CliProbeOptions = Omit<ProbeOptions, 'signal'>;

/** The flags read here. */
export interface ProbeFlags {
  probe?: boolean;
  /** PEM files of extra trust anchors. */
  ca?: string[];
  /** Bound of each probe phase in milliseconds. */
  probeTimeout?: number;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * Reads PEM trust anchors: every certificate of every file (a bundle gives several), each checked
 * to parse. Throws a one-line {@link UsageError} naming the file otherwise.
 * @param files Paths of PEM files.
 * @returns One PEM string per certificate, in file order.
 */
export async function readCaFiles(files: readonly string[]): Promise<string[]> {
  const [{ readFile }, { X509Certificate }] = await Promise.all([
    import('node:fs/promises'),
    import('node:crypto'),
  ]);
  const anchors: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'it is a directory'
            : code === 'EACCES'
              ? 'permission denied'
              : (code ?? 'unreadable');
      throw new UsageError(`--ca: cannot read "${file}": ${reason}`);
    }
    const blocks = text.match(PEM_CERTIFICATE) ?? [];
    if (blocks.length === 0) throw new UsageError(`--ca: "${file}" holds no PEM certificate`);
    for (const block of blocks) {
      try {
        new X509Certificate(block);
      } catch {
        throw new UsageError(`--ca: "${file}" holds a PEM certificate that cannot be parsed`);
      }
      anchors.push(`${block}\n`);
    }
  }
  return anchors;
}

/**
 * The probe options from the flags, over `base` (the demo's `connectTo` and CA): `--ca` anchors are
 * added to `base.ca`, `--probe-timeout` replaces `base.timeoutMs`. `undefined` when there is
 * nothing to pass. `--ca` or `--probe-timeout` without `--probe` is a usage error.
 */
export async function probeOptionsFromFlags(
  flags: ProbeFlags,
  base?: CliProbeOptions,
): Promise<CliProbeOptions | undefined> {
  const ca = flags.ca ?? [];
  if (flags.probe !== true && (ca.length > 0 || flags.probeTimeout !== undefined)) {
    throw new UsageError(
      `${ca.length > 0 ? '--ca' : '--probe-timeout'} applies to the probe only: add --probe`,
    );
  }
  const options: CliProbeOptions = { ...base };
  if (ca.length > 0) options.ca = [...(base?.ca ?? []), ...(await readCaFiles(ca))];
  if (flags.probeTimeout !== undefined) options.timeoutMs = flags.probeTimeout;
  return Object.keys(options).length === 0 ? undefined : options;
}
