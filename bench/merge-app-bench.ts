// The 汇总 mode with 1,000 units, as the app runs it (the real app core, dialogs answering with a temp
// folder): reading the folder (merge:add), every decision's round trip (merge:decide re-plans the whole
// merge: goal ≤ 500 ms, so a click on 计入/是，同一单位 feels immediate), opening one unit (merge:unit), the
// overview's size on the wire, and sorting the 1,000 rows in the page (goal ≤ 16 ms, one frame). The
// table renders only the rows in view, so its cost does not grow with the units.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MergeView } from '../shared/ipc/contract';
import { serializeReport } from '../shared/model/document';
import { generatedUnit } from './merge-units';
import { createAppCore, type AppDialogs } from '../electron/node/app-core';
import { createMemoryPrefsStore } from '../electron/node/prefs/prefs-store';
import { sortRows } from '../renderer/src/merge/merge-sort';

const UNITS = 1000;
const DECISIONS = 5;

const dir = mkdtempSync(join(tmpdir(), 'nianbao-merge-app-bench-'));
try {
  const folder = join(dir, 'units');
  mkdirSync(folder);
  for (let i = 0; i < UNITS; i++) writeFileSync(join(folder, `${i}.nianbao`), serializeReport(generatedUnit(i)));
  const none = async () => null;
  const dialogs: AppDialogs = {
    openReport: none, saveReport: none, openText: none, openPdf: none, openImport: none, savePdf: none,
    openMergeFolder: async () => folder,
  };
  const core = createAppCore({ dataDir: join(dir, 'data'), documentsDir: dir, dialogs, prefs: createMemoryPrefsStore(), pdf: null, emit: () => undefined });
  const call = async <T>(channel: string, payload: unknown): Promise<{ value: T; ms: number }> => {
    const start = performance.now();
    const res = await core.dispatch(channel, payload);
    const ms = performance.now() - start;
    if (!res.ok) throw new Error(`${channel}: ${res.error.message}`);
    return { value: res.value as T, ms };
  };

  const added = await call<MergeView>('merge:add', { kind: 'folder' });
  const view = added.value;
  console.log(`merge:add, a folder of ${UNITS} .nianbao: ${added.ms.toFixed(0)} ms; the overview is ${(JSON.stringify(view).length / 1024).toFixed(0)} KB of JSON`);

  const times: number[] = [];
  for (let i = 0; i < DECISIONS; i++) {
    const include = i % 2 === 0 ? [] : [{ unitId: view.rows[i]!.unitId, choice: 'printed' }];
    times.push((await call<MergeView>('merge:decide', { mergeId: view.mergeId, include, matches: [] })).ms);
  }
  const worst = Math.max(...times);
  console.log(`merge:decide over ${UNITS} units (re-plan, every click): median ${times.sort((a, b) => a - b)[Math.floor(DECISIONS / 2)]!.toFixed(0)} ms, worst ${worst.toFixed(0)} ms (goal ≤ 500 ms)`);
  const opened = await call('merge:unit', { mergeId: view.mergeId, unitId: view.rows[UNITS - 1]!.unitId });
  console.log(`merge:unit (one report read-only): ${opened.ms.toFixed(0)} ms`);

  // The first sort of an overview also ranks the names (Chinese collation), once.
  const sorts: number[] = [];
  for (const column of ['unit', 'received', 'findings', 'status', 'file', 'unit'] as const) {
    const start = performance.now();
    sortRows(view.rows, { column, direction: 'descending' });
    sorts.push(performance.now() - start);
  }
  const [first, ...rest] = sorts;
  const sortWorst = Math.max(...rest);
  console.log(`sorting ${UNITS} rows in the page: first ${first!.toFixed(1)} ms (names ranked once), then worst ${sortWorst.toFixed(1)} ms over 5 columns (goal ≤ 16 ms)`);
  if (worst > 500 || sortWorst > 16 || first! > 50) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
