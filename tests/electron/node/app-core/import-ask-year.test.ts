// A report text naming no year, imported in the app (pasted, a text file, a chosen or a dropped document):
// main answers needs-year and keeps the import; import:complete does it with the year and agency the user
// gave (the importer's own options, as the CLI's --year/--agency); import:discard forgets it. Nothing is
// opened before that.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeError, OpenedImport } from '../../../../shared/ipc/contract';
import { importReportText } from '../../../../shared/import/index';
import { makeCore, removeDir, tempDir, type TestCore } from '../storage/helpers';

const SEED = fileURLToPath(new URL('../../../../../shared/seed/huangjin-2019.txt', import.meta.url));
/** The seed report with its title and every year taken out. */
const NO_YEAR = readFileSync(SEED, 'utf8').replace('2019年黄金镇政府信息公开工作年度报告', '').replace(/2019年/g, '本年');
const ANSWER = { year: 2023, agencyName: '某县人民政府' };

let root: string;
let t: TestCore;
beforeAll(() => {
  root = tempDir();
  t = makeCore(root);
});
afterAll(() => removeDir(root));

async function asked(channel: string, payload: unknown = {}): Promise<BridgeError> {
  const result = await t.call(channel, payload);
  if (result.ok) throw new Error(`${channel} imported a text without a year`);
  return result.error;
}

/** The importer's reading of the text with the answer (what the CLI's --year/--agency give). */
function expected(text: string) {
  const result = importReportText(text, ANSWER);
  if (!result.ok) throw new Error(result.message);
  return result.doc;
}

describe('a text without a year', () => {
  it('import:text is answered with the ask (needs-year and an id), and nothing is opened', async () => {
    const error = await asked('import:text', { text: NO_YEAR });
    expect(error.code).toBe('needs-year');
    expect(error.importId).toMatch(/^[A-Za-z0-9._:-]+$/);
    expect(error.message).toContain('读不出报告年度');
    expect(error.message).toContain('请填写报告年度和机关名称');
    expect(t.core.dirtyDocuments()).toEqual([]);
  });

  it('import:complete imports it with the year and agency given: the report is that year’s, that agency’s, with the text’s cells', async () => {
    const error = await asked('import:text', { text: NO_YEAR });
    const opened = await t.ok<OpenedImport>('import:complete', { importId: error.importId, ...ANSWER });
    expect(opened.doc.year).toBe(2023);
    expect(opened.doc.agency.name).toBe('某县人民政府');
    expect(opened.doc.agency.level).toBe('县级');
    expect(opened.doc.cells).toEqual(expected(NO_YEAR).cells);
    expect(opened.doc.cells['t2.normativeDocs.made']).toBe(211);
    expect(opened.doc.sections).toEqual(expected(NO_YEAR).sections);
    expect(opened.fileName).toBeNull();
    expect(t.core.dirtyDocuments()).toEqual([opened.doc.title ?? expect.any(String)]);
    await t.ok('doc:close', { docId: opened.docId });
    // Done once: the same id again is not a second report.
    expect((await asked('import:complete', { importId: error.importId, ...ANSWER })).code).toBe('not-found');
  });

  it('refuses a year outside the supported range or an empty agency (the import stays asked), then takes a valid answer', async () => {
    const error = await asked('import:text', { text: NO_YEAR });
    const early = await asked('import:complete', { importId: error.importId, year: 2010, agencyName: '某县人民政府' });
    expect(early.code).toBe('invalid-payload');
    expect(early.message).toContain('2019');
    expect((await asked('import:complete', { importId: error.importId, year: 2023, agencyName: '   ' })).code).toBe('invalid-payload');
    const opened = await t.ok<OpenedImport>('import:complete', { importId: error.importId, ...ANSWER });
    expect(opened.doc.year).toBe(2023);
    await t.ok('doc:close', { docId: opened.docId });
  });

  it('import:discard (取消) forgets it: nothing opened, and it cannot be completed afterwards', async () => {
    const error = await asked('import:text', { text: NO_YEAR });
    await t.ok('import:discard', { importId: error.importId });
    expect(t.core.dirtyDocuments()).toEqual([]);
    expect((await asked('import:complete', { importId: error.importId, ...ANSWER })).code).toBe('not-found');
  });

  it('a chosen file (import:file, import:textFile) is read again from the path main’s dialog gave, without asking for the file again', async () => {
    const path = join(root, '年报.txt');
    writeFileSync(path, NO_YEAR);
    for (const [channel, dialog] of [
      ['import:file', 'openImport'],
      ['import:textFile', 'openText'],
    ] as const) {
      t.dialogs.answers[dialog].push(path);
      const error = await asked(channel);
      expect(error.code).toBe('needs-year');
      const dialogs = t.dialogs.calls.length;
      const opened = await t.ok<OpenedImport>('import:complete', { importId: error.importId, ...ANSWER });
      expect(t.dialogs.calls.length).toBe(dialogs);
      expect(opened.doc.year).toBe(2023);
      expect(opened.doc.agency.name).toBe('某县人民政府');
      expect(opened.doc.cells).toEqual(expected(NO_YEAR).cells);
      await t.ok('doc:close', { docId: opened.docId });
    }
  });

  it('a dropped file (import:dropped) is imported from the bytes it came with', async () => {
    const error = await asked('import:dropped', { name: '年报.txt', bytes: new TextEncoder().encode(NO_YEAR) });
    expect(error.code).toBe('needs-year');
    expect(error.message).toContain('年报.txt');
    const opened = await t.ok<OpenedImport>('import:complete', { importId: error.importId, ...ANSWER });
    expect(opened.doc.year).toBe(2023);
    expect(opened.source).toBe('文本');
    expect(opened.doc.cells).toEqual(expected(NO_YEAR).cells);
    await t.ok('doc:close', { docId: opened.docId });
  });

  it('only the latest import waits: an earlier one is forgotten when another text is asked about', async () => {
    const first = await asked('import:text', { text: NO_YEAR });
    const second = await asked('import:text', { text: NO_YEAR });
    expect(second.importId).not.toBe(first.importId);
    expect((await asked('import:complete', { importId: first.importId, ...ANSWER })).code).toBe('not-found');
    const opened = await t.ok<OpenedImport>('import:complete', { importId: second.importId, ...ANSWER });
    await t.ok('doc:close', { docId: opened.docId });
  });
});
