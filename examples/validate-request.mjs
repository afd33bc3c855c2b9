#!/usr/bin/env node
// Validates a provisioning request file offline (no DNS).
// Usage: node examples/validate-request.mjs request.json
// Exit codes: 0 no error (warnings and infos allowed), 1 at least one error, 2 unreadable file or invalid JSON.
import { readFileSync } from 'node:fs';
import { checkProvisioningRequest, listFederationPairs } from 'pic-preflight';

const file = process.argv[2];
if (!file) {
  console.error('usage: node examples/validate-request.mjs <request.json>');
  process.exit(2);
}

let input;
try {
  input = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`cannot read ${file}: ${error.message}`);
  process.exit(2);
}

const result = checkProvisioningRequest(input);
for (const issue of result.issues) {
  const where = issue.path.length > 0 ? issue.path.join('.') : '(request)';
  console.log(`${issue.severity.padEnd(7)} ${issue.code} at ${where}: ${issue.message}`);
  if (issue.hint) console.log(`        fix: ${issue.hint}`);
}

if (result.ok) {
  console.log(`OK: ${file} is a valid request. SRV records to publish:`);
  for (const pair of listFederationPairs(result.value)) console.log(`  ${pair.srvRecord}`);
}
process.exit(result.ok ? 0 : 1);
