/** RULES §0: a name as compared and reported — lower case, without one trailing root dot. */
export function comparableName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}
