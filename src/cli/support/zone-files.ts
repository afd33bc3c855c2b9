/** `--zone FILE…` / `--zone-origin D` (check) and the files of `zone`: read with a size cap. */
import type { Command } from 'commander';
import type { PlannedZoneInput } from '../../node/dns/planned-source.js';
import { collect, readTextFile } from './io.js';

/** The largest zone file read (64 MiB); a bigger one is refused with exit 2. */
export const MAX_ZONE_FILE_BYTES = 64 * 1024 * 1024;

/** The planned-zone flags of `check`. */
export interface ZoneFlags {
  zone?: string[];
  zoneOrigin?: string;
}

/** Adds `--zone FILE` (repeatable) and `--zone-origin D`. */
export function zoneOptions(command: Command): Command {
  return command
    .option(
      '--zone <file>',
      'a planned zone file (RFC 1035 master file): names in it are answered from it, repeatable',
      collect,
    )
    .option(
      '--zone-origin <domain>',
      "the planned zones' origin when the file name and $ORIGIN do not give it",
    );
}

/**
 * Reads zone files as planned-zone inputs. A file that cannot be read, or is over
 * {@link MAX_ZONE_FILE_BYTES}, is a one-line `UsageError` (exit 2).
 */
export async function readZoneFiles(files: readonly string[], origin?: string): Promise<PlannedZoneInput[]> {
  const zones: PlannedZoneInput[] = [];
  for (const file of files) {
    // UTF-8 with or without a byte-order mark, UTF-16 with one (Windows DNS exports); bounded.
    const text = await readTextFile(file, { bytes: MAX_ZONE_FILE_BYTES, text: '64 MiB' });
    zones.push({ text, fileName: file, ...(origin !== undefined ? { origin } : {}) });
  }
  return zones;
}
