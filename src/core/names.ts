/** RULES §0: a name as compared and reported — lower case, without one trailing root dot. */
export function comparableName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** True when `name` is `zone` or below it (both normalised; `""` is the root). */
export function isAtOrBelow(name: string, zone: string): boolean {
  if (zone === '') return true;
  return (
    name === zone ||
    (name.length > zone.length &&
      name.endsWith(zone) &&
      name.charCodeAt(name.length - zone.length - 1) === 46) /* . */
  );
}

/** True when `name` is strictly below `zone`. */
export function isBelow(name: string, zone: string): boolean {
  return name !== zone && isAtOrBelow(name, zone);
}
