// Lints a planned zone file with the library before it is published: every problem with its line
// and fix (RULES §11), then the federation SRV record of each SIP domain in it (RULES §7).
// Usage: node examples/lint-zone.mjs [FILE] [--origin DOMAIN]   (exit 0 clean, 1 errors, 2 unreadable)
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateFederationSrv, parseZoneFile } from 'pic-preflight';

const args = process.argv.slice(2);
const originAt = args.indexOf('--origin');
const origin = originAt === -1 ? undefined : args.splice(originAt, 2)[1];
const file = args[0] ?? fileURLToPath(new URL('planned/lakeshore-dental.com.zone', import.meta.url));

let text;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`cannot read ${file}: ${error.code ?? error.message}`);
  process.exit(2);
}

const zone = parseZoneFile(text, { fileName: basename(file), ...(origin ? { origin } : {}) });
console.log(`${file}: origin ${zone.origin ?? '(none)'}, ${zone.records.length} records`);
let errors = zone.ok ? 0 : 1;
for (const issue of zone.issues) {
  console.log(`${file}:${issue.params?.line ?? '?'}: ${issue.severity} ${issue.code}: ${issue.message}`);
  if (issue.hint) console.log(`    fix: ${issue.hint}`);
}

// RULES §7 on the planned _sipfederationtls._tcp records, as they would be published.
const owners = new Map();
for (const record of zone.records) {
  if (record.type !== 'SRV' || !record.name.startsWith('_sipfederationtls._tcp.')) continue;
  const domain = record.name.slice('_sipfederationtls._tcp.'.length);
  owners.set(domain, [...(owners.get(domain) ?? []), record]);
}
for (const [domain, records] of owners) {
  const verdict = evaluateFederationSrv(domain, records);
  const line = records[0].line;
  if (verdict.ok) console.log(`${file}:${line}: federation SRV for ${domain}: OK`);
  else errors++;
  for (const issue of verdict.issues) {
    console.log(`${file}:${line}: ${issue.severity} ${issue.code}: ${issue.message}`);
    if (issue.hint) console.log(`    fix: ${issue.hint}`);
  }
}
process.exit(errors > 0 ? 1 : 0);
