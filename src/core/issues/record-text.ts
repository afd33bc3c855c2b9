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
  return `_sipfederationtls._tcp.${domain}. 3600 IN SRV 0 0 5061 ${target}.`;
}
