// The packed package, used as a user would: `npm pack`, unpack into a scratch node_modules, then
// import every entry by name from ESM and CJS and run the bin. Catches a file missing from "files",
// a broken exports map, or a CJS build that does not load. No network: the runtime dependencies
// are linked from this checkout's node_modules. `npm test` builds first.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};
let scratch = '';
let installed = '';

function node(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, args, {
      cwd: scratch,
      input,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pic-preflight-pack-'));
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', scratch], {
    cwd: root,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .pop() as string;
  const modules = join(scratch, 'node_modules');
  installed = join(modules, 'pic-preflight');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(scratch, packed), '-C', installed, '--strip-components=1']);
  for (const dependency of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) {
    symlinkSync(join(root, 'node_modules', dependency), join(modules, dependency), 'dir');
  }
}, 60_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the packed package', () => {
  test('ships the build, the JSON Schema and the examples, and nothing from src or test', () => {
    const listing = execFileSync('find', ['.', '-type', 'f'], { cwd: installed, encoding: 'utf8' });
    expect(listing).toContain('./dist/index.js');
    expect(listing).toContain('./dist/index.cjs');
    expect(listing).toContain('./dist/dns.d.cts');
    expect(listing).toContain('./dist/cli.js');
    expect(listing).toContain('./schema/provisioning-request.schema.json');
    expect(listing).toContain('./LICENSE');
    expect(listing).toContain('./schema/report.schema.json');
    expect(listing).toContain('./examples/demo-zone.json');
    // The demo's probe part: the throwaway demo CA and the demo Edges' (published, demo-only) keys.
    for (const file of ['demo-ca.pem', 'harbourline-edge.pem', 'harbourline-edge.key', 'oakridge-edge.pem']) {
      expect(listing).toContain(`./examples/demo-certs/${file}`);
    }
    expect(listing).not.toMatch(/\.\/(src|test)\//);
  });

  test('every entry imports by name from ESM', () => {
    writeFileSync(
      join(scratch, 'esm.mjs'),
      `import { checkFqdn, ISSUE_CODES } from 'pic-preflight';
       import { fqdnSchema } from 'pic-preflight/zod';
       import { runPreflight, renderReport, probeEdges } from 'pic-preflight/dns';
       import schema from 'pic-preflight/schema/provisioning-request.schema.json' with { type: 'json' };
       import reportSchema from 'pic-preflight/schema/report.schema.json' with { type: 'json' };
       const r = checkFqdn('SIP.Acme-Widgets.com.');
       const z = fqdnSchema.safeParse('10.0.0.1');
       console.log(JSON.stringify([r.ok && r.value, z.success, z.error.issues[0].params.code,
         typeof runPreflight, typeof renderReport && typeof probeEdges, ISSUE_CODES.length > 50, schema.type, reportSchema.$id.endsWith('report.schema.json')]));`,
    );
    const { code, stdout, stderr } = node(['esm.mjs']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      'sip.acme-widgets.com',
      false,
      'fqdn.ip_address',
      'function',
      'function',
      true,
      'object',
      true,
    ]);
  });

  test('every entry requires by name from CJS', () => {
    writeFileSync(
      join(scratch, 'cjs.cjs'),
      `const core = require('pic-preflight');
       const zod = require('pic-preflight/zod');
       const dns = require('pic-preflight/dns');
       const d = core.decorateAddress('ted@adventure-works.com');
       console.log(JSON.stringify([d.value, zod.sipDomainSchema.parse('Adventure-Works.com'),
         typeof dns.createResolver, require('pic-preflight/package.json').version]));`,
    );
    const { code, stdout } = node(['cjs.cjs']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      'ted(adventure-works.com)@msn.com',
      'adventure-works.com',
      'function',
      pkg.version,
    ]);
  });

  test('PreflightError.is recognises an error thrown by the other build (ESM and CJS)', () => {
    writeFileSync(
      join(scratch, 'brand.mjs'),
      `import { createRequire } from 'node:module';
       import { PreflightError, assertFqdn } from 'pic-preflight';
       const cjs = createRequire(import.meta.url)('pic-preflight');
       let fromCjs;
       try { cjs.assertFqdn('10.0.0.1'); } catch (error) { fromCjs = error; }
       let fromEsm;
       try { assertFqdn('10.0.0.1'); } catch (error) { fromEsm = error; }
       console.log(JSON.stringify([fromCjs instanceof PreflightError, PreflightError.is(fromCjs), cjs.PreflightError.is(fromEsm)]));`,
    );
    const { code, stdout } = node(['brand.mjs']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([false, true, true]);
  });

  test('the bin runs from the installed package', () => {
    const bin = join(installed, 'dist', 'cli.js');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    expect(node([bin, '--version']).stdout.trim()).toContain(pkg.version);
    const fqdn = node([bin, 'fqdn', '--json', 'sip.adventure-works.com', 'sip_bad.adventure-works.com']);
    expect(fqdn.code).toBe(1);
    const lines = fqdn.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { ok: boolean });
    expect(lines.map((line) => line.ok)).toEqual([true, false]);
  });

  test('the demo runs from the installed package, its probe with the shipped demo certificates', () => {
    const demo = node([join(installed, 'dist', 'cli.js'), 'demo', '--json']);
    expect(demo.code).toBe(0);
    const checks = (JSON.parse(demo.stdout) as { checks: { id: string; subject: string }[] }).checks;
    expect(checks.some((check) => check.subject === 'sip.harbourline-freight.com@198.51.100.24:5061')).toBe(
      true,
    );
  });

  test('a project on the lowest zod of the peer range: one zod, tsc clean, the schemas compose', () => {
    // No @types/node here and skipLibCheck off: the core entry and the Report types need neither.
    // A second project whose own zod is the lowest supported (the zod-lowest alias), as an app on
    // an older zod 4 minor would have it: our .d.ts must type-check against that zod.
    const app = join(scratch, 'app-lowest-zod');
    const modules = join(app, 'node_modules');
    mkdirSync(modules, { recursive: true });
    // A copy, not a link: the package must resolve zod from the app's node_modules.
    cpSync(installed, join(modules, 'pic-preflight'), { recursive: true });
    for (const dependency of Object.keys(pkg.dependencies)) {
      symlinkSync(join(root, 'node_modules', dependency), join(modules, dependency), 'dir');
    }
    symlinkSync(join(root, 'node_modules', 'zod-lowest'), join(modules, 'zod'), 'dir');
    writeFileSync(join(app, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [] },
        files: ['app.ts'],
      }),
    );
    writeFileSync(
      join(app, 'app.ts'),
      `import { z } from 'zod';
       import { fqdnSchema, sipDomainSchema } from 'pic-preflight/zod';
       import type { Report } from 'pic-preflight';
       export type Summary = Report['summary']['status'];
       const form = z.object({ edge: fqdnSchema, domains: z.array(sipDomainSchema).min(1) });
       const parsed: { edge: string; domains: string[] } = form.parse({ edge: 'SIP.Contoso.com', domains: ['Contoso.com'] });
       console.log(JSON.stringify(parsed));`,
    );
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const check = spawnSync(process.execPath, [tsc, '-p', app], { encoding: 'utf8' });
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
    // Run the same source (as JavaScript) with the app's zod.
    const js = readFileSync(join(app, 'app.ts'), 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(import|export) type /.test(line))
      .join('\n')
      .replace(': { edge: string; domains: string[] }', '');
    writeFileSync(join(app, 'app.mjs'), js);
    const out = execFileSync(process.execPath, [join(app, 'app.mjs')], { cwd: app, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ edge: 'sip.contoso.com', domains: ['contoso.com'] });
    expect(JSON.parse(readFileSync(join(modules, 'zod', 'package.json'), 'utf8')).version).toMatch(/^4\.0\./);
  }, 60_000);
});
