// Tests mirror the source tree: the test of `electron/node/storage/recovery.ts` is
// `tests/electron/node/storage/recovery.test.ts`, so a newcomer finds it without searching, and a module
// without one shows up here. Modules that hold no run-time code (types only) and barrels (re-exports
// only) need none; entry points that only wire other modules are listed below with the test that covers
// them. Scenario tests across many modules (tests/e2e, tests/fuzz, …) are welcome besides.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { typeScriptSources } from './source-files';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIRS = ['shared', 'electron', 'renderer/src'];

/** Modules whose test lives elsewhere, and why. Keep it short: a module listed here has no test of its own. */
const COVERED_ELSEWHERE: Record<string, string> = {
  'electron/main/main.ts': 'the entry point: starts app.ts with the packaged paths (tests/packaging/packaged-layout.test.ts loads the bundle)',
  'renderer/src/main.tsx': 'the entry point: mounts <App/> into #root (every tests/e2e test loads it)',
};

/** True when the module emits no code of its own: only types, or only re-exports of other modules. */
export function holdsNoCode(source: string, fileName: string): boolean {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, false, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  return file.statements.every(
    (s) =>
      ts.isInterfaceDeclaration(s) ||
      ts.isTypeAliasDeclaration(s) ||
      (ts.isImportDeclaration(s) && !!s.importClause?.isTypeOnly) ||
      (ts.isExportDeclaration(s) && (s.isTypeOnly || !!s.moduleSpecifier)),
  );
}

function mirroredTest(path: string): string | null {
  const base = join(root, 'tests', path.replace(/\.tsx?$/, ''));
  for (const ext of ['.test.ts', '.test.tsx']) if (existsSync(base + ext)) return base + ext;
  return null;
}

describe('tests mirror the source tree', () => {
  it('tells modules that hold code from types and barrels', () => {
    expect(holdsNoCode("export interface A { x: number }\nexport type B = A;\nimport type { C } from './c';", 'a.ts')).toBe(true);
    expect(holdsNoCode("export * from './a';\nexport type { B } from './b';", 'index.ts')).toBe(true);
    expect(holdsNoCode("export * from './a';\nexport { b } from './b';", 'index.ts')).toBe(true);
    expect(holdsNoCode("import { b } from './b';\nexport { b };", 'index.ts')).toBe(false);
    expect(holdsNoCode('export const A = 1;', 'a.ts')).toBe(false);
    expect(holdsNoCode("import { a } from './a';\nexport type B = typeof a;", 'a.ts')).toBe(false);
  });

  const modules = SOURCE_DIRS.flatMap((d) => typeScriptSources(join(root, d))).map((p) => relative(root, p).split('\\').join('/'));

  it('every module that holds code has a test at its mirrored path', () => {
    const missing = modules.filter((m) => !(m in COVERED_ELSEWHERE) && !holdsNoCode(readFileSync(join(root, m), 'utf8'), m) && !mirroredTest(m));
    expect(missing, `no tests/<path>.test.ts(x) for:\n${missing.join('\n')}`).toEqual([]);
  });

  it('lists no module as covered elsewhere that has gone or has its own test now', () => {
    const stale = Object.keys(COVERED_ELSEWHERE).filter((m) => !modules.includes(m) || mirroredTest(m));
    expect(stale).toEqual([]);
  });

});
