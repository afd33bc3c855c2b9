/**
 * The origin a zone file's name implies (RULES §11 "Origin"): `contoso.com`, `contoso.com.zone`,
 * `.db`, `.txt`, Windows DNS `contoso.com.dns`, Debian `db.contoso.com`.
 */

import { DEEP_ICANN_TLDS, FLAT_ICANN_TLDS } from '../fqdn/flat-tlds.js';
import { RESERVED_TLDS } from '../fqdn/reserved-names.js';

const SUFFIXES = ['.zone', '.db', '.txt', '.dns'];

/** A top-level label a zone can really be under: an ICANN TLD, or a special-use one (a lab zone). */
function isTopLevel(label: string): boolean {
  return FLAT_ICANN_TLDS.has(label) || DEEP_ICANN_TLDS.has(label) || RESERVED_TLDS.has(label);
}

function isLdhLabel(label: string): boolean {
  if (label.length === 0 || label.length > 63) return false;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95;
    if (!ok) return false;
  }
  return true;
}

/**
 * The origin named by a zone file's name, or undefined when the name names none.
 *
 * @param fileName - a path or a bare name (`/etc/bind/db.contoso.com`, `C:\\dns\\contoso.com.dns`)
 * @returns the domain (lower case, no trailing dot) with at least two labels under a real (or
 *   special-use) TLD, or undefined
 * @example originFromFileName('zones/contoso.com.zone') // 'contoso.com'
 */
export function originFromFileName(fileName: string): string | undefined {
  const slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  let base = fileName.slice(slash + 1).toLowerCase();
  if (base.startsWith('db.')) base = base.slice(3);
  else {
    for (const suffix of SUFFIXES) {
      if (base.endsWith(suffix)) {
        base = base.slice(0, -suffix.length);
        break;
      }
    }
  }
  if (base.endsWith('.')) base = base.slice(0, -1);
  if (base.length > 253) return undefined;
  const labels = base.split('.');
  if (labels.length < 2 || !labels.every(isLdhLabel)) return undefined;
  // `litware.org.zone.bak` names no origin: its last label is a file extension, not a TLD.
  return isTopLevel(labels[labels.length - 1] as string) ? base : undefined;
}
