/** The DoH URL rule (RULES §10), in a module of its own so the command can check `--doh` without loading node:https. */

/**
 * Checks a DoH URL.
 *
 * @throws TypeError when it is not an absolute `https:` URL (a configuration error, at creation).
 */
export function parseDohUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    throw new TypeError(`Invalid DoH URL ${JSON.stringify(url)}: expected https://host/path`);
  }
  if (parsed.protocol !== 'https:') {
    throw new TypeError(`Invalid DoH URL ${JSON.stringify(url)}: DoH needs https:, not ${parsed.protocol}`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new TypeError(`Invalid DoH URL ${JSON.stringify(url)}: no credentials in the URL`);
  }
  return parsed;
}
