// Runs the example scripts with node against the built package (they import 'pic-preflight' by name).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function run(script: string, args: string[] = [], input?: string) {
  const result = spawnSync(process.execPath, [join('examples', script), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  // The examples need dist/: build once when it is missing (npm test builds first).
  if (!existsSync(join(root, 'dist', 'index.js')) || !existsSync(join(root, 'dist', 'zod.js'))) {
    spawnSync(process.execPath, [join('node_modules', 'tsup', 'dist', 'cli-default.js')], {
      cwd: root,
      stdio: 'ignore',
    });
  }
}, 120_000);

describe('examples/validate-request.mjs', () => {
  test('the example request is valid: exit 0, infos with hints, the SRV records to publish', () => {
    const { status, stdout } = run('validate-request.mjs', ['examples/request.json']);
    expect(status).toBe(0);
    expect(stdout).toContain('request.needs_in_domain_target at sipDomains.1');
    expect(stdout).toContain('_sipfederationtls._tcp.relecloud.com. 3600 IN SRV 0 0 5061 sip.relecloud.com.');
    expect(stdout).toContain('OK: examples/request.json is a valid request');
  });

  test('an invalid request: exit 1 and each error with its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pic-preflight-'));
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        agreementNumber: 'V6182047',
        accessEdgeFqdn: '10.0.0.1',
        sipDomains: ['relecloud.com', 'relecloud.com'],
      }),
    );
    const { status, stdout } = run('validate-request.mjs', [file]);
    expect(status).toBe(1);
    expect(stdout).toContain('error   fqdn.ip_address at accessEdgeFqdn');
    expect(stdout).toContain('error   request.duplicate_sip_domain at sipDomains.1');
    expect(stdout).not.toContain('OK:');
  });

  test('unreadable file or invalid JSON: exit 2', () => {
    expect(run('validate-request.mjs', ['examples/no-such-file.json']).status).toBe(2);
    expect(run('validate-request.mjs', ['examples/validate-request.mjs']).status).toBe(2);
    expect(run('validate-request.mjs').status).toBe(2);
  });
});

describe('examples/decorate-csv.mjs', () => {
  const csv = 'name,email\nTed,ted@contoso.com\n"Smith, Ann",ann@hotmail.com\nMarie,sip:marie@live.fr\n';

  test('decorates the column from stdin, keeps quoting, exit 0', () => {
    const { status, stdout, stderr } = run('decorate-csv.mjs', [], csv);
    expect(status).toBe(0);
    expect(stdout).toBe(
      'name,email\nTed,ted(contoso.com)@msn.com\n"Smith, Ann",ann@hotmail.com\nMarie,marie(live.fr)@msn.com\n',
    );
    expect(stderr).toContain('line 4: warning decoration.consumer_domain_variant');
  });

  test('options and a named column; a bad address keeps its value and gives exit 1', () => {
    const { status, stdout, stderr } = run(
      'decorate-csv.mjs',
      ['--column', 'sip', '--excluded', 'msn.com,live.fr'],
      'sip,id\nmarie@live.fr,1\nnot an address,2\n',
    );
    expect(status).toBe(1);
    expect(stdout).toBe('sip,id\nmarie@live.fr,1\nnot an address,2\n');
    expect(stderr).toContain('line 3: error address.invalid');
  });

  test('unknown column or invalid options: exit 2', () => {
    expect(run('decorate-csv.mjs', ['--column', 'mail'], 'email\nted@contoso.com\n').status).toBe(2);
    expect(run('decorate-csv.mjs', ['--routing-domain', 'msn'], 'email\nted@contoso.com\n').status).toBe(2);
  });
});

describe('examples/zod-form.mjs', () => {
  test('prints the parsed form, then each failing field with our code', () => {
    const { status, stdout } = run('zod-form.mjs');
    expect(status).toBe(0);
    const [first, ...rest] = stdout.trim().split('\n');
    expect(JSON.parse(first!)).toEqual({
      displayName: 'Ted',
      skypeContact: 'ted(contoso.com)@msn.com',
      accessEdge: 'sip.adventure-works.com',
    });
    expect(rest.map((line) => line.split(' - ')[0])).toEqual([
      'skypeContact.domain: fqdn.single_label',
      'accessEdge: fqdn.ip_address',
    ]);
  });
});

describe('examples/lint-zone.mjs', () => {
  test('the planned zone: the forgotten trailing dot on line 18, exit 1, with the dotted fix', () => {
    const { status, stdout } = run('lint-zone.mjs');
    expect(status).toBe(1);
    expect(stdout).toContain('lakeshore-dental.com.zone:18: error zone.missing_trailing_dot');
    expect(stdout).toContain('End the name with a dot: sip.lakeshore-dental.com.');
    expect(stdout).toContain('error federation.target_not_top_level');
  });

  test('the fixed zone: exit 0; an unreadable file: exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pic-preflight-'));
    const file = join(dir, 'lakeshore-dental.com.zone');
    const planned = readFileSync(join(root, 'examples', 'planned', 'lakeshore-dental.com.zone'), 'utf8');
    writeFileSync(file, planned.replace('5061 sip.lakeshore-dental.com ', '5061 sip.lakeshore-dental.com. '));
    const fixed = run('lint-zone.mjs', [file]);
    expect(fixed.stdout).toContain('federation SRV for lakeshore-dental.com: OK');
    expect(fixed.status).toBe(0);
    expect(run('lint-zone.mjs', [join(dir, 'missing.zone')]).status).toBe(2);
  });
});
