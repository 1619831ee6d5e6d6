// Where code runs decides what it may import (VS Code style layering). The per-layer tsconfigs make Node
// and DOM globals type errors in shared/; this test also catches imports that type-check but break a layer
// at run time, such as a value import of 'electron' in a module the CLI or the tests load.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(name)) out.push(path);
  }
  return out;
}

/** Module specifiers a file imports at run time (type-only imports and `import type` excluded). */
export function runtimeImports(source: string): string[] {
  const specs: string[] = [];
  const staticImport = /^\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(staticImport)) {
    if (m[2]) continue; // import type … / export type …
    const clause = m[3] ?? '';
    // `import { type A, type B } from 'x'` is erased too under verbatimModuleSyntax.
    const named = /^\s*\{([^}]*)\}\s+from\s+$/.exec(clause);
    if (named && named[1]!.split(',').every((part) => !part.trim() || /^type\s/.test(part.trim()))) continue;
    specs.push(m[4]!);
  }
  for (const m of source.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

const NODE_BUILTINS = /^(node:|fs$|path$|os$|child_process$|crypto$|url$|http$|https$|net$|stream$|zlib$|util$|events$|buffer$)/;

describe('layering', () => {
  it('recognises value and type-only imports', () => {
    expect(runtimeImports("import type { App } from 'electron';\nimport { type A } from 'x';\nimport fs from 'node:fs';")).toEqual(['node:fs']);
    expect(runtimeImports("import { app, type BrowserWindow } from 'electron';\nconst m = await import('pdfkit');")).toEqual(['electron', 'pdfkit']);
    expect(runtimeImports("export { a } from './a';\nexport type { B } from './b';")).toEqual(['./a']);
  });

  it('shared/ imports nothing but shared/ and pure-JS packages (no Node, no DOM libraries, no React, no Electron)', () => {
    // valibot: the IPC request schemas (shared/ipc/requests.ts); plain JS, no eval, runs anywhere.
    const purePackages = ['valibot'];
    for (const file of sourceFiles(join(root, 'shared'))) {
      for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
        const target = spec.startsWith('.') ? resolve(file, '..', spec) : spec;
        // The one exception: the version, written once in package.json (shared/version.ts).
        if (target === join(root, 'package.json') && file === join(root, 'shared', 'version.ts')) continue;
        expect(spec.startsWith('.') && relative(join(root, 'shared'), target).startsWith('..'), `${relative(root, file)} → ${spec}`).toBe(false);
        expect(spec.startsWith('.') || purePackages.includes(spec), `${relative(root, file)} imports package ${spec}`).toBe(true);
      }
    }
  });

  it('only electron/main and electron/preload import electron (or electron-store) at run time', () => {
    const allowed = [join(root, 'electron', 'main'), join(root, 'electron', 'preload')];
    const files = [...sourceFiles(join(root, 'electron')), ...sourceFiles(join(root, 'shared')), ...sourceFiles(join(root, 'renderer'))];
    for (const file of files) {
      if (allowed.some((dir) => file.startsWith(dir + '/'))) continue;
      for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
        expect(/^electron(\/|$)|^electron-store$/.test(spec), `${relative(root, file)} imports ${spec} at run time`).toBe(false);
      }
    }
  });

  it('plain Node modules in electron/ do not import the Electron adapter', () => {
    const adapter = [join(root, 'electron', 'main'), join(root, 'electron', 'preload')];
    for (const file of sourceFiles(join(root, 'electron'))) {
      if (adapter.some((dir) => file.startsWith(dir + '/'))) continue;
      for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(file, '..', spec);
        expect(adapter.some((dir) => target.startsWith(dir + '/') || target === dir), `${relative(root, file)} → ${spec}`).toBe(false);
      }
    }
  });

  it('renderer/ reaches main only through the bridge: no Node built-ins, no electron/ modules', () => {
    for (const file of sourceFiles(join(root, 'renderer'))) {
      if (file.endsWith('vite.config.ts')) continue; // build configuration runs in Node, not in the page
      for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
        expect(NODE_BUILTINS.test(spec), `${relative(root, file)} imports ${spec}`).toBe(false);
        if (spec.startsWith('.')) {
          const target = resolve(file, '..', spec);
          expect(target.startsWith(join(root, 'electron')), `${relative(root, file)} → ${spec}`).toBe(false);
        }
      }
    }
  });
});
