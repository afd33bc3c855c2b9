/**
 * The origin a zone file's name implies (RULES §11 "Origin"): `contoso.com`, `contoso.com.zone`,
 * `.db`, `.txt`, Windows DNS `contoso.com.dns`, Debian `db.contoso.com`.
 */

const SUFFIXES = ['.zone', '.db', '.txt', '.dns'];

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
 * @returns the domain (lower case, no trailing dot) with at least two labels, or undefined
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
  return base;
}
