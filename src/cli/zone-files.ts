/** `--zone FILE…` / `--zone-origin D` (check) and the files of `zone`: read with a size cap. */
import type { Command } from 'commander';
import type { PlannedZoneInput } from '../node/dns/planned-source.js';
import { collect, readErrorReason, stripBom, UsageError } from './io.js';

/** The largest zone file read (64 MiB); a bigger one is refused with exit 2. */
export const MAX_ZONE_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The file's text: UTF-8, or UTF-16 when it starts with a UTF-16 byte-order mark (Windows tools
 * write those); anything else undecodable stays as it is for the parser to refuse.
 */
export function decodeZoneText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return stripBom(new TextDecoder('utf-8').decode(bytes));
}

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
  const { open } = await import('node:fs/promises');
  const zones: PlannedZoneInput[] = [];
  for (const file of files) {
    let text: string;
    try {
      const handle = await open(file, 'r');
      try {
        const { size } = await handle.stat();
        if (size > MAX_ZONE_FILE_BYTES) {
          throw new UsageError(
            `cannot read zone file "${file}": ${size} bytes, over the ${MAX_ZONE_FILE_BYTES}-byte limit`,
          );
        }
        text = decodeZoneText(await handle.readFile());
      } finally {
        await handle.close();
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`cannot read zone file "${file}": ${readErrorReason(error)}`);
    }
    zones.push({ text, fileName: file, ...(origin !== undefined ? { origin } : {}) });
  }
  return zones;
}
