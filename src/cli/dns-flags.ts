/** `--nameserver` and `--timeout`: the resolver flags shared by `check` and `srv`. */
import type { Command } from 'commander';
import type { ResolverOptions } from '../node/dns/resolver.js';
import { collect, milliseconds, UsageError } from './io.js';

/** The resolver flags. */
export interface DnsFlags {
  nameserver?: string[];
  timeout?: number;
}

/** Adds `--nameserver` (repeatable) and `--timeout`. */
export function dnsOptions(command: Command): Command {
  return command
    .option(
      '--nameserver <host[:port]>',
      "name server to ask, repeatable (default: PIC_PREFLIGHT_NAMESERVERS, else the system's)",
      collect,
    )
    .option('--timeout <ms>', 'per-query timeout in milliseconds (default 3000)', milliseconds);
}

/**
 * Checks `--nameserver` values (`host`, `host:port`, `[v6]:port`) with the resolver's own parser, so
 * a bad one is a usage error (exit 2) rather than a failed run.
 */
export async function toNameservers(
  values: string[] | undefined,
  source = '--nameserver',
): Promise<string[] | undefined> {
  if (values === undefined) return undefined;
  const { parseNameServer } = await import('../node/dns/resolver.js');
  for (const value of values) {
    try {
      parseNameServer(value);
    } catch (error) {
      throw new UsageError(`${source}: ${(error as Error).message}`);
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

/** The resolver options from the flags (only those given); a bad `--nameserver` is a `UsageError`. */
export async function resolverSettings(
  flags: DnsFlags,
  env?: Record<string, string | undefined>,
): Promise<Pick<ResolverOptions, 'nameservers' | 'timeoutMs'>> {
  const settings: Pick<ResolverOptions, 'nameservers' | 'timeoutMs'> = {};
  const nameservers =
    flags.nameserver !== undefined
      ? await toNameservers(flags.nameserver)
      : await toNameservers(nameserversFromEnv(env), 'PIC_PREFLIGHT_NAMESERVERS');
  if (nameservers !== undefined) settings.nameservers = nameservers;
  if (flags.timeout !== undefined) settings.timeoutMs = flags.timeout;
  return settings;
}
