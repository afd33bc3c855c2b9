/**
 * Answers compared as sets of records (RULES §10): order, TTL and the owner's spelling do not make
 * two answers different. Pure: used for wildcard detection, split view and inconsistent servers.
 */

/** The record fields that matter for comparison (a structural subset of the DNS layer's records). */
export interface ComparableRecord {
  type: string;
  priority?: number;
  weight?: number;
  port?: number;
  target?: string;
  address?: string;
  data?: readonly string[];
}

/** One record as presentation text without owner and TTL, e.g. `SRV 0 0 5061 sip.contoso.com.`. */
export function recordText(record: ComparableRecord): string {
  switch (record.type) {
    case 'SRV': {
      const target = record.target === '' ? '.' : `${record.target ?? ''}.`;
      return `SRV ${record.priority} ${record.weight} ${record.port} ${target}`;
    }
    case 'A':
    case 'AAAA':
      return `${record.type} ${(record.address ?? '').toLowerCase()}`;
    case 'CNAME':
      return `CNAME ${record.target ?? ''}.`;
    case 'TXT':
      return `TXT ${JSON.stringify(record.data ?? [])}`;
    default:
      return record.type;
  }
}

/** The records as a sorted list of distinct texts: the canonical form of a set. */
export function recordSet(records: readonly ComparableRecord[]): string[] {
  return [...new Set(records.map(recordText))].sort();
}

/** True when both lists hold the same records, whatever their order, TTLs or repetitions. */
export function sameRecordSet(a: readonly ComparableRecord[], b: readonly ComparableRecord[]): boolean {
  const left = recordSet(a);
  const right = recordSet(b);
  return left.length === right.length && left.every((text, i) => text === right[i]);
}
