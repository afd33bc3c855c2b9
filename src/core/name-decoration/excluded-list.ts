/** RULES §4 (last paragraph): the `NameDecorationExcludedDomainList` parser. */
import { checkFqdn } from '../fqdn/fqdn.js';
import { readStringInput, typeName } from '../input.js';
import { type Issue, type IssuePath, makeIssue, type Result, toResult } from '../result.js';

/**
 * Parses list items (strings from a split PowerShell list, or an array) into lower-case domains.
 * Issues are pushed with the path `[...prefix, index]`; the returned list has no duplicates.
 */
export function parseExcludedItems(items: readonly unknown[], prefix: IssuePath, issues: Issue[]): string[] {
  const domains: string[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < items.length; index++) {
    const raw = items[index];
    const path = [...prefix, index];
    if (typeof raw !== 'string') {
      issues.push(makeIssue('input.not_string', path, { params: { type: typeName(raw) } }));
      continue;
    }
    // Our choice (RULES §4): each item is trimmed, with a warning.
    const item = raw.trim();
    if (item !== raw) issues.push(makeIssue('decoration.list_whitespace', path, { params: { item: raw } }));
    if (item.length === 0) {
      issues.push(makeIssue('decoration.list_empty_item', path));
      continue;
    }
    // RULES §1 via checkFqdn: lower-cases and drops one trailing dot (two dots are an error).
    const checked = checkFqdn(item);
    if (!checked.ok) {
      const first = checked.issues.find((issue) => issue.severity === 'error') ?? checked.issues[0];
      issues.push(
        makeIssue('decoration.invalid_excluded_domain', path, { params: { item, reason: first.code } }),
      );
      continue;
    }
    if (seen.has(checked.value)) {
      issues.push(makeIssue('decoration.list_duplicate', path, { params: { domain: checked.value } }));
      continue;
    }
    seen.add(checked.value);
    domains.push(checked.value);
  }
  return domains;
}

/**
 * Parses a `NameDecorationExcludedDomainList` value (the comma-separated PowerShell string).
 *
 * Split on `,` literally (RULES §4): the empty string is one empty item (`decoration.list_empty_item`
 * at `[0]`). Items are trimmed and lower-cased, one trailing dot is dropped, duplicates are dropped.
 *
 * @param input - the list, e.g. `'msn.com,outlook.com,live.com,hotmail.com'`
 * @returns the domains; issues with path `[index]`: `decoration.list_empty_item` (E),
 *   `decoration.invalid_excluded_domain` (E, `params.reason` is the FQDN code), `decoration.list_whitespace` (W),
 *   `decoration.list_duplicate` (W); `input.not_string` / `input.too_long` (E, path `[]`)
 * @example
 * parseExcludedDomainList('msn.com, Outlook.com.'); // ok, ['msn.com', 'outlook.com'], one list_whitespace warning
 */
export function parseExcludedDomainList(input: string): Result<string[]> {
  const read = readStringInput(input);
  // RULES §4: "split on `,` … empty item → decoration.list_empty_item": `''` and whitespace-only lists
  // fall through to the per-item rules (one empty item at [0]), not `input.empty`.
  if (!read.ok && read.issue.code !== 'input.empty') return toResult<string[]>([], [read.issue]);
  const issues: Issue[] = [];
  const domains = parseExcludedItems((input as string).split(','), [], issues);
  return toResult(domains, issues);
}
