/**
 * The command's `tldts` (tsup aliases `tldts` to this file in the CLI bundle only): the core asks
 * tldts only for names under TLDs with second-level suffixes (`co.uk`), so the command loads it —
 * its CommonJS build, with a plain `require`, which skips Node's CJS lexer — on the first such name
 * instead of at every start. Same functions, same results.
 */
import { createRequire } from 'node:module';
import type * as Tldts from 'tldts';

let tldts: typeof Tldts | undefined;
function load(): typeof Tldts {
  tldts ??= createRequire(import.meta.url)('tldts') as typeof Tldts;
  return tldts;
}

export const parse: typeof Tldts.parse = (url, options) => load().parse(url, options);
export const getDomain: typeof Tldts.getDomain = (url, options) => load().getDomain(url, options);
