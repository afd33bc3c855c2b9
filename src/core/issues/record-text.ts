/**
 * The federation SRV record a hint tells users to publish, in zone-file form. Kept in sync with
 * `federationSrvRecordText` (src/core/federation) by a test; it lives here so that the message
 * table imports no rule module.
 */

/**
 * `_sipfederationtls._tcp.<domain>. 3600 IN SRV 0 0 5061 <target>.` (MS-DNS: port 5061).
 * Both names are expected lower-case and without the root dot, as the params carry them.
 */
export function srvRecordLine(domain: string, target: string): string {
  return srvRecordLineAt(`_sipfederationtls._tcp.${domain}`, target);
}

/** The same record at another owner (the end of the owner's CNAME chain, or a near-miss fix). */
export function srvRecordLineAt(owner: string, target: string): string {
  return `${owner}. 3600 IN SRV 0 0 5061 ${target}.`;
}
