#!/usr/bin/env node
// Decorates one column of a CSV file the way the Lync / Skype for Business client does
// (ted@contoso.com → ted(contoso.com)@msn.com) and writes the CSV to stdout.
// Usage: node examples/decorate-csv.mjs [--column email] [--routing-domain msn.com]
//          [--excluded "msn.com,outlook.com,live.com,hotmail.com"] [file.csv]   (stdin when no file)
// Rows whose address cannot be decorated keep their value; each problem is reported on stderr.
// Exit codes: 0 every address decorated or left as is, 1 some address has an error, 2 usage error.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDecorator } from 'pic-preflight';

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      column: { type: 'string', default: 'email' },
      'routing-domain': { type: 'string' },
      excluded: { type: 'string' },
    },
  });
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

const options = {};
if (args.values['routing-domain'] !== undefined) options.routingDomain = args.values['routing-domain'];
if (args.values.excluded !== undefined) options.excludedDomains = args.values.excluded;
let decorator;
try {
  decorator = createDecorator(options); // parses the options once for the whole file
} catch (error) {
  for (const issue of error.issues ?? [])
    console.error(`${issue.code} at ${issue.path.join('.')}: ${issue.message}`);
  process.exit(2);
}

const text = readFileSync(args.positionals[0] ?? 0, 'utf8');

/** RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(source) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const csvField = (value) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const rows = parseCsv(text);
const header = rows[0] ?? [];
const column = header.indexOf(args.values.column);
if (column < 0) {
  console.error(`no column "${args.values.column}" in the header (${header.join(', ')})`);
  process.exit(2);
}

let errors = 0;
const out = [header.map(csvField).join(',')];
for (let r = 1; r < rows.length; r++) {
  const row = rows[r];
  const result = decorator.decorate(row[column] ?? '');
  if (result.ok) row[column] = result.value;
  else errors++;
  for (const issue of result.issues) {
    if (issue.severity !== 'info')
      console.error(`line ${r + 1}: ${issue.severity} ${issue.code}: ${issue.message}`);
  }
  out.push(row.map(csvField).join(','));
}
process.stdout.write(`${out.join('\n')}\n`);
process.exit(errors > 0 ? 1 : 0);
