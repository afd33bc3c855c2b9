// The import graph of src/ (tests excluded), read with the TypeScript compiler's parser: which file
// imports which, and whether the import carries values or only types.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** One import or re-export: `from` and `to` are paths relative to the repository (`src/core/result.ts`). */
export interface ImportEdge {
  from: string;
  /** A src file, or the bare specifier of a package / `node:` module. */
  to: string;
  /** True for `import type`, `export type`, or every specifier marked `type`. */
  typeOnly: boolean;
}

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Every `.ts` file under `dir` except tests, relative to the repository. */
export function sourceFiles(dir = 'src'): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    for (const entry of readdirSync(join(ROOT, path), { withFileTypes: true })) {
      const child = `${path}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(child);
    }
  };
  walk(dir);
  return out.sort();
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isImportDeclaration(node)) {
    const clause = node.importClause;
    if (clause === undefined) return false; // `import 'x'`: a side effect
    if (clause.isTypeOnly) return true;
    if (clause.name !== undefined) return false;
    const bindings = clause.namedBindings;
    if (bindings === undefined || !ts.isNamedImports(bindings)) return false;
    return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
  }
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  if (clause === undefined || !ts.isNamedExports(clause)) return false;
  return clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly);
}

function resolveSpecifier(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const target = relative(ROOT, resolve(ROOT, dirname(from), specifier)).replaceAll('\\', '/');
  return target.replace(/\.js$/, '.ts');
}

/** The imports and re-exports of one file (dynamic `import()` included, as a value edge). */
export function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      edges.push({
        from: file,
        to: resolveSpecifier(file, node.moduleSpecifier.text),
        typeOnly: isTypeOnly(node),
      });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      edges.push({ from: file, to: resolveSpecifier(file, node.arguments[0].text), typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** Every import edge of src/. */
export function importGraph(): ImportEdge[] {
  return sourceFiles().flatMap(importsOf);
}

/**
 * The cycles of a directed graph, one per strongly connected component with more than one node
 * (or a self-loop), each as a closed path `a → b → … → a`.
 */
export function cycles(edges: readonly { from: string; to: string }[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, []);
    if (!next.has(to)) next.set(to, []);
    next.get(from)!.push(to);
  }
  // Tarjan's strongly connected components.
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (node: string): void => {
    indexOf.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!indexOf.has(to)) {
        connect(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, indexOf.get(to)!));
    }
    if (low.get(node) === indexOf.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = (next.get(node) ?? []).includes(node);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  };
  for (const node of next.keys()) if (!indexOf.has(node)) connect(node);
  return components.map((component) => closedPath(component, next));
}

/** A shortest closed walk through the first node of a component, for the failure message. */
function closedPath(component: string[], next: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  const seen = new Set([start]);
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const to of next.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (seen.has(to)) continue;
      seen.add(to);
      previous.set(to, node);
      queue.push(to);
    }
  }
  return [start, start];
}

/**
 * The folder of a src file, as the layers are drawn: `core`, `core/fqdn`, `node/dns`, `zod`, `cli`, …
 * (files directly in a layer belong to the layer; the entries `src/*.ts` to `entry`).
 */
export function folderOf(file: string): string {
  const parts = file.split('/').slice(1, -1); // drop `src` and the file name
  return parts.length === 0 ? 'entry' : parts.slice(0, 2).join('/');
}
