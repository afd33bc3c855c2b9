/**
 * The resolution flags shared by `check` and `srv`: `--nameserver`, `--timeout`, and RULES §10's
 * `--authoritative`, `--root-server`, `--doh`, `--ca` (DoH and the probe), `--no-compare`, plus
 * `--related`. Every bad value is a one-line usage error (exit 2).
 */
import type { Command } from 'commander';
import { parseDohUrl } from '../../node/dns/doh-url.js';
import type { LiveOptions } from '../../node/live/options.js';
import { collect, milliseconds, UsageError } from './io.js';

/** The resolution flags. */
export interface DnsFlags {
  nameserver?: string[];
  timeout?: number;
  authoritative?: boolean;
  rootServer?: string[];
  doh?: string;
  /** `--ca FILE`, repeatable: extra PEM trust anchors for DoH and the probe. */
  ca?: string[];
  /** False with `--no-compare`. */
  compare?: boolean;
  related?: boolean;
  probe?: boolean;
}

/** Adds the resolution flags. */
export function dnsOptions(command: Command): Command {
  return command
    .option(
      '--nameserver <host[:port]>',
      "name server to ask, repeatable (default: PIC_PREFLIGHT_NAMESERVERS, else the system's)",
      collect,
    )
    .option('--timeout <ms>', 'per-query timeout in milliseconds (default 3000)', milliseconds)
    .option('--authoritative', "resolve from the root servers like a partner's resolver (RULES §10)")
    .option(
      '--root-server <host[:port]>',
      "with --authoritative: a root server to start from instead of IANA's, repeatable",
      collect,
    )
    .option('--doh <url>', 'ask over DNS-over-HTTPS (RFC 8484) at this https URL')
    .option(
      '--ca <file>',
      'trust the PEM certificates in FILE (a private CA) for --doh and --probe, repeatable',
      collect,
    )
    .option('--no-compare', 'with --authoritative: do not compare with the configured resolver (split view)')
    .option('--related', 'also report related records (_sip._tls, sip., lyncdiscover.): more queries');
}

/**
 * Checks `--nameserver`/`--root-server` values (`host`, `host:port`, `[v6]:port`) with the
 * resolver's own parser, so a bad one is a usage error (exit 2) rather than a failed run.
 */
export async function toNameservers(
  values: string[] | undefined,
  flag = '--nameserver',
): Promise<string[] | undefined> {
  if (values === undefined) return undefined;
  const { parseNameServer } = await import('../../node/dns/resolver.js');
  for (const value of values) {
    try {
      parseNameServer(value);
    } catch (error) {
      throw new UsageError(`${flag}: ${(error as Error).message}`);
    }
  }
  return values;
}

/** `PIC_PREFLIGHT_NAMESERVERS`: the default for `--nameserver`, comma or space separated. */
export function nameserversFromEnv(
  env: Record<string, string | undefined> | undefined,
): string[] | undefined {
  const list = (env?.PIC_PREFLIGHT_NAMESERVERS ?? '').split(/[\s,]+/).filter((item) => item !== '');
  return list.length > 0 ? list : undefined;
}

/** `--doh URL`: an absolute https URL, else a usage error. */
export function toDohUrl(value: string): string {
  // One rule for DoH URLs: the resolver's (https only, no credentials in the URL).
  try {
    return parseDohUrl(value).href;
  } catch (error) {
    throw new UsageError(`--doh: ${(error as Error).message}`);
  }
}

/** The settings the flags give (only those given). */
export type ResolverSettings = Pick<
  LiveOptions,
  | 'nameservers'
  | 'timeoutMs'
  | 'resolution'
  | 'rootServers'
  | 'dohUrl'
  | 'ca'
  | 'compareRecursive'
  | 'related'
>;

/** Flags that only make sense with another one. */
function checkPairs(flags: DnsFlags): void {
  if (flags.authoritative !== true && flags.rootServer !== undefined)
    throw new UsageError('--root-server applies to --authoritative only: add --authoritative');
  if (flags.authoritative !== true && flags.compare === false)
    throw new UsageError('--no-compare applies to --authoritative only: add --authoritative');
  if ((flags.ca ?? []).length > 0 && flags.doh === undefined && flags.probe !== true)
    throw new UsageError('--ca applies to the probe and DoH only: add --probe or --doh');
}

/** The resolver options from the flags (only those given); a bad value is a `UsageError`. */
export async function resolverSettings(
  flags: DnsFlags,
  env?: Record<string, string | undefined>,
): Promise<ResolverSettings> {
  checkPairs(flags);
  const settings: ResolverSettings = {};
  const nameservers =
    flags.nameserver !== undefined
      ? await toNameservers(flags.nameserver)
      : await toNameservers(nameserversFromEnv(env), 'PIC_PREFLIGHT_NAMESERVERS');
  if (nameservers !== undefined) settings.nameservers = nameservers;
  if (flags.timeout !== undefined) settings.timeoutMs = flags.timeout;
  if (flags.authoritative === true) {
    settings.resolution = 'authoritative';
    const roots = await toNameservers(flags.rootServer, '--root-server');
    if (roots !== undefined) settings.rootServers = roots;
    if (flags.compare === false) settings.compareRecursive = false;
  }
  if (flags.doh !== undefined) {
    settings.dohUrl = toDohUrl(flags.doh);
    if ((flags.ca ?? []).length > 0) {
      const { readCaFiles } = await import('./probe-options.js');
      settings.ca = (await readCaFiles(flags.ca ?? [])).join('');
    }
  }
  if (flags.related === true) settings.related = true;
  return settings;
}
