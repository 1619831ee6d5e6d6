// Tests mirror the source tree: the test of `electron/node/storage/recovery.ts` is
// `tests/electron/node/storage/recovery.test.ts`, so a newcomer finds it without searching, and a module
// without one shows up here. Modules that hold no run-time code (types only) and barrels (re-exports
// only) need none; entry points that only wire other modules are listed below with the test that covers
// them. Scenario tests across many modules (tests/e2e, tests/fuzz, …) are welcome besides.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIRS = ['shared', 'electron', 'renderer/src'];

/** Modules whose test lives elsewhere, and why. Keep it short: a module listed here has no test of its own. */
const COVERED_ELSEWHERE: Record<string, string> = {
  'electron/main/main.ts': 'the entry point: starts app.ts with the packaged paths (tests/packaging/packaged-layout.test.ts loads the bundle)',
  'renderer/src/main.tsx': 'the entry point: mounts <App/> into #root (every tests/e2e test loads it)',
};

/** Modules still without their own test (issue 9): this list only shrinks. A module listed here that has its
 *  test now fails the last case below, so the list stays true. */
const STILL_MISSING = new Set<string>([
  'shared/checks/index.ts',
  'shared/checks/text-figures.ts',
  'shared/checks/types.ts',
  'shared/formats/conversion.ts',
  'shared/formats/definitions.ts',
  'shared/formats/types.ts',
  'shared/formats/vocabulary.ts',
  'shared/import/import-text.ts',
  'shared/import/narrative.ts',
  'shared/ipc/contract.ts',
  'shared/ipc/print-page.ts',
  'shared/ipc/validate-payload.ts',
  'shared/ledger/categories.ts',
  'shared/ledger/types.ts',
  'shared/merge/plan-merge.ts',
  'shared/merge/sum-reports.ts',
  'shared/merge/summary-report.ts',
  'shared/merge/unit-names.ts',
  'shared/model/json-schema.ts',
  'shared/model/previous.ts',
  'shared/model/report.ts',
  'shared/model/schema.ts',
  'shared/security/csp.ts',
  'electron/cli/commands/check.ts',
  'electron/cli/commands/convert.ts',
  'electron/cli/commands/export.ts',
  'electron/cli/commands/import-pdf.ts',
  'electron/cli/commands/import-text.ts',
  'electron/cli/commands/import.ts',
  'electron/cli/commands/ledger-template.ts',
  'electron/cli/commands/ledger.ts',
  'electron/cli/commands/merge.ts',
  'electron/cli/commands/new.ts',
  'electron/cli/main.ts',
  'electron/main/app-protocol.ts',
  'electron/main/app.ts',
  'electron/main/dialogs.ts',
  'electron/main/ipc.ts',
  'electron/node/app-core/app.ts',
  'electron/node/app-core/context.ts',
  'electron/node/app-core/doc.ts',
  'electron/node/app-core/export.ts',
  'electron/node/app-core/import-file.ts',
  'electron/node/app-core/import-messages.ts',
  'electron/node/app-core/import.ts',
  'electron/node/app-core/index.ts',
  'electron/node/app-core/ledger.ts',
  'electron/node/app-core/merge.ts',
  'electron/node/app-core/pdf-service.ts',
  'electron/node/app-core/prefs.ts',
  'electron/node/app-core/publish.ts',
  'electron/node/files/bounded-inflate.ts',
  'electron/node/import/docx.ts',
  'electron/node/import/index.ts',
  'electron/node/ledger/ledger-table.ts',
  'electron/node/ledger/ledger-template.ts',
  'electron/node/merge/read-unit.ts',
  'electron/node/pdf/constants.ts',
  'electron/node/pdf/exporter.ts',
  'electron/node/pdf/fonts.ts',
  'electron/node/pdf/import-pdf.ts',
  'electron/node/pdf/narrative.ts',
  'electron/node/pdf/page.ts',
  'electron/node/pdf/tables.ts',
  'electron/node/publish/index.ts',
  'electron/node/storage/backups.ts',
  'electron/node/storage/fs-layer.ts',
  'electron/node/storage/index.ts',
  'electron/node/user-error.ts',
  'electron/node/worker/jobs.ts',
  'electron/node/worker/parse-worker.ts',
  'electron/preload/bridge.ts',
  'renderer/src/app/actions.ts',
  'renderer/src/app/session-effects.ts',
  'renderer/src/app/undo-commands.ts',
  'renderer/src/app.tsx',
  'renderer/src/components/backup-list.tsx',
  'renderer/src/components/dialog-host.tsx',
  'renderer/src/components/export-step.tsx',
  'renderer/src/components/findings-panel.tsx',
  'renderer/src/components/import-year-form.tsx',
  'renderer/src/components/ledger-panel.tsx',
  'renderer/src/components/meta-step.tsx',
  'renderer/src/components/narrative-step.tsx',
  'renderer/src/components/pdf-pages.tsx',
  'renderer/src/components/proposed-panel.tsx',
  'renderer/src/components/start-page.tsx',
  'renderer/src/components/step-rail.tsx',
  'renderer/src/components/table-step.tsx',
  'renderer/src/components/top-bar.tsx',
  'renderer/src/grid/edit-session.ts',
  'renderer/src/grid/grid-columns.tsx',
  'renderer/src/grid/grid-controller.ts',
  'renderer/src/grid/grid-editor.tsx',
  'renderer/src/grid/keymap.ts',
  'renderer/src/lib/bridge.ts',
  'renderer/src/lib/pdf-render.ts',
  'renderer/src/lib/report-year.ts',
  'renderer/src/merge/merge-actions.ts',
  'renderer/src/merge/merge-page.tsx',
  'renderer/src/merge/merge-store.ts',
  'renderer/src/merge/merge-table.tsx',
  'renderer/src/merge/unit-view.tsx',
  'renderer/src/print/print-page.ts',
  'renderer/src/store/document-store.ts',
  'renderer/src/store/findings-store.ts',
  'renderer/src/store/session-store.ts',
]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

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

  const modules = SOURCE_DIRS.flatMap((d) => sourceFiles(join(root, d))).map((p) => relative(root, p).split('\\').join('/'));

  it('every module that holds code has a test at its mirrored path', () => {
    const missing = modules.filter((m) => !(m in COVERED_ELSEWHERE) && !STILL_MISSING.has(m) && !holdsNoCode(readFileSync(join(root, m), 'utf8'), m) && !mirroredTest(m));
    expect(missing, `no tests/<path>.test.ts(x) for:\n${missing.join('\n')}`).toEqual([]);
  });

  it('lists no module as covered elsewhere that has gone or has its own test now', () => {
    const stale = Object.keys(COVERED_ELSEWHERE).filter((m) => !modules.includes(m) || mirroredTest(m));
    expect(stale).toEqual([]);
  });

  it('lists no module as still missing that has its test now or holds no code', () => {
    const stale = [...STILL_MISSING].filter((m) => !modules.includes(m) || mirroredTest(m) || holdsNoCode(readFileSync(join(root, m), 'utf8'), m));
    expect(stale, 'remove these from STILL_MISSING').toEqual([]);
  });
});
