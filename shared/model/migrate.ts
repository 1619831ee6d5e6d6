// Migrations between schema versions. Each step takes a document of version v (already parsed JSON)
// and returns a new object of version v + 1; the input is never mutated. A file from a newer version
// than this build knows is refused, never rewritten.
import { CURRENT_SCHEMA_VERSION } from './report';

export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** steps[v] migrates version v to v + 1. */
export const MIGRATIONS: Record<number, Migration> = {
  // 1 → 2: `invalidCells` (refused entries kept as typed) is new and optional; a version 1 file has
  // none, and its cells stay as they are (a fraction in a count is still reported by cell.invalid).
  1: (doc) => doc,
  // 2 → 3: `ledgerSource` (table 3 counted from the application ledger) is new and optional.
  2: (doc) => doc,
  // 3 → 4: `issued` (the date of issue in the 落款) is new and optional; absent means the day of the
  // final export, as before.
  3: (doc) => doc,
  // 4 → 5: `previous` (last year's figures kept in the file) and `proposed` (values proposed from last
  // year, not yet confirmed) are new and optional; a version 4 file has neither.
  4: (doc) => doc,
  // 5 → 6: `history` (format conversions and the values they dropped) is new and optional.
  5: (doc) => doc,
};

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown>; from: number }
  | { ok: false; reason: 'newer' | 'invalid'; message: string };

export function migrateToCurrent(
  input: Record<string, unknown>,
  steps: Record<number, Migration> = MIGRATIONS,
  current: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  const version = input.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'invalid', message: `schemaVersion 应为正整数，实际是 ${JSON.stringify(version)}` };
  }
  if (version > current) {
    return {
      ok: false,
      reason: 'newer',
      message: `此文件由较新版本的年报助手保存（文件格式版本 ${version}，本程序支持到 ${current}）。请升级年报助手后再打开；本程序不会改写此文件。`,
    };
  }
  let doc = input;
  for (let v = version; v < current; v++) {
    const step = steps[v];
    if (!step) return { ok: false, reason: 'invalid', message: `缺少从文件格式版本 ${v} 升级的步骤` };
    doc = { ...step(JSON.parse(JSON.stringify(doc)) as Record<string, unknown>), schemaVersion: v + 1 };
  }
  return { ok: true, doc, from: version };
}
