// merge:* through the app core (the 汇总 mode's main side): a folder and files chosen in main's dialogs,
// the overview, the roster with a missing unit and a fuzzy match to confirm, a PDF changed after export
// left out until the user includes it, one unit read-only, the summary opened as an unsaved document and
// saved through the save dialog, the workbook written where the save dialog says; bad requests refused.
import { mkdtempSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MergeUnitView, MergeView, OpenedDocument, SaveResult } from '../../../../shared/ipc/contract';
import { parseReportData, serializeReport } from '../../../../shared/model/document';
import { exportOk, SEED_PATH } from '../pdf/helpers';
import { OFFICE_ROSTER, OFFICE_UNITS, unitReport, writeOfficeFolder } from '../merge/helpers';
import { makeCore } from '../storage/helpers';

const root = mkdtempSync(join(tmpdir(), 'nianbao-merge-core-'));
const folder = join(root, '收到的年报');
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  await writeOfficeFolder(folder, (doc) => exportOk(doc, 'final'));
  writeFileSync(join(root, '应报单位.txt'), `${OFFICE_ROSTER.join('\n')}\n`);
}, 120_000);

describe('createMergeHandlers: the merge channels', () => {
  const t = makeCore(root, { now: () => new Date('2026-02-01T08:00:00Z') });
  let mergeId = '';
  const row = (view: MergeView, unit: string) => view.rows.find((r) => r.unit === unit)!;

  it('reads the folder chosen in the dialog: one row per report, the damaged file with its reason, the rest skipped and counted', async () => {
    t.dialogs.answers.openMergeFolder.push(folder);
    const view = await t.ok<MergeView>('merge:add', { kind: 'folder' });
    mergeId = view.mergeId;
    expect(view.sources).toEqual([{ name: '收到的年报', location: root, kind: 'folder' }]);
    expect(view.rows.map((r) => r.unit).sort()).toEqual(['丁镇人民政府', '乙镇人民政府', '县教育局', '甲镇人民政府'].sort());
    expect(view.group).toEqual({ year: 2025, format: '2021' });
    const 甲 = row(view, '甲镇人民政府');
    expect(甲).toMatchObject({ fileName: '甲镇.nianbao', location: folder, source: 'file', status: 'included', choices: [] });
    expect(甲.totals).toEqual({ received: 12, handled: 11, carriedOver: 1, review: 1, suits: 0 });
    expect(row(view, '乙镇人民政府')).toMatchObject({ source: 'pdf-verified', status: 'included', totals: { received: 5, suits: 2 } });
    const 丁 = row(view, '丁镇人民政府');
    expect(丁).toMatchObject({ source: 'pdf-edited', status: 'marked', choices: ['printed', 'embedded'] });
    expect(丁.statusDetail).toMatch(/导出后被改动/);
    expect(view.included).toBe(3);
    // 12 + 5 + 8; 丁镇 left out.
    expect(view.sum).toMatchObject({ received: 25, carriedOver: 1, review: 1, suits: 2 });
    expect(view.failed).toEqual([{ fileName: '坏文件.nianbao', location: folder, reason: expect.stringMatching(/损坏|不完整/) }]);
    expect(view.skipped).toEqual(expect.arrayContaining([{ reason: 'Word/WPS 临时文件', count: 1 }, { reason: '.jpg 文件', count: 1 }]));
    // Notices name files, never the folders they are in.
    expect(view.notices.some((n) => n.startsWith('丁镇.pdf：'))).toBe(true);
    expect(view.notices.join('\n')).not.toContain(root);
    expect(t.dialogs.calls.at(-1)).toEqual({ kind: 'openMergeFolder', arg: t.documentsDir });
    // The page is told how far the reading is; the last word is every file read.
    const progress = t.events.filter((e) => e.event === 'merge:progress');
    expect(progress.at(-1)?.payload).toEqual({ done: 5, total: 5 });
  });

  it('adding the same file again reads it once; a cancelled dialog changes nothing', async () => {
    t.dialogs.answers.openMergeFiles.push([join(folder, '甲镇.nianbao')]);
    const view = await t.ok<MergeView>('merge:add', { mergeId, kind: 'files' });
    expect(view.rows).toHaveLength(4);
    expect(t.dialogs.calls.at(-1)).toEqual({ kind: 'openMergeFiles', arg: root });
    const cancelled = await t.call('merge:add', { mergeId, kind: 'files' });
    expect(cancelled.ok || cancelled.error.code).toBe('cancelled');
  });

  it('the roster: the missing unit named, the fuzzy match proposed and counted only once confirmed', async () => {
    t.dialogs.answers.openRoster.push(join(root, '应报单位.txt'));
    const view = await t.ok<MergeView>('merge:roster', { mergeId });
    expect(view.roster).toMatchObject({ fileName: '应报单位.txt', names: 5 });
    expect(view.roster!.missing.sort()).toEqual(['己镇人民政府', '某县教育局'].sort());
    const 教育局 = row(view, '县教育局');
    expect(view.roster!.unknown).toEqual([{ unitId: 教育局.unitId, unit: '县教育局', candidate: { rosterName: '某县教育局', similarity: expect.any(Number) } }]);
    expect(row(view, '乙镇人民政府').rosterName).toBe('乙镇政府');

    const confirmed = await t.ok<MergeView>('merge:decide', { mergeId, include: [], matches: [{ unitId: 教育局.unitId, rosterName: '某县教育局' }] });
    expect(confirmed.roster!.missing).toEqual(['己镇人民政府']);
    expect(confirmed.roster!.unknown).toEqual([]);
    expect(row(confirmed, '县教育局').rosterName).toBe('某县教育局');
  });

  it('includes the edited PDF only when the user names whose figures count', async () => {
    const before = await t.ok<MergeView>('merge:decide', { mergeId, include: [], matches: [] });
    const 丁 = row(before, '丁镇人民政府');
    const printed = await t.ok<MergeView>('merge:decide', { mergeId, include: [{ unitId: 丁.unitId, choice: 'printed' }], matches: [] });
    expect(row(printed, '丁镇人民政府')).toMatchObject({ status: 'included', dataUsed: 'printed', totals: { received: 50 } });
    expect(printed.sum?.received).toBe(75);
    const embedded = await t.ok<MergeView>('merge:decide', { mergeId, include: [{ unitId: 丁.unitId, choice: 'embedded' }], matches: [] });
    expect(embedded.sum?.received).toBe(30);
  });

  it('one unit read-only: the figures that count, and for the edited PDF what is printed', async () => {
    const view = await t.ok<MergeView>('merge:decide', { mergeId, include: [], matches: [] });
    const unit = await t.ok<MergeUnitView>('merge:unit', { mergeId, unitId: row(view, '丁镇人民政府').unitId });
    expect(unit.row.unit).toBe('丁镇人民政府');
    expect(unit.doc.cells['t3.received.natural']).toBe(5);
    expect(unit.other?.kind).toBe('printed');
    expect(unit.other?.doc.cells['t3.received.natural']).toBe(50);
    expect(unit.printedDiffers).toEqual(expect.arrayContaining(['t3.received.natural']));
    // Included with its printed figures: those are shown, the embedded data beside them.
    await t.ok<MergeView>('merge:decide', { mergeId, include: [{ unitId: unit.row.unitId, choice: 'printed' }], matches: [] });
    const chosen = await t.ok<MergeUnitView>('merge:unit', { mergeId, unitId: unit.row.unitId });
    expect(chosen.doc.cells['t3.received.natural']).toBe(50);
    expect(chosen.other).toMatchObject({ kind: 'embedded', doc: { cells: { 't3.received.natural': 5 } } });
    await t.ok<MergeView>('merge:decide', { mergeId, include: [], matches: [] });
  });

  it('the summary opens as an unsaved report of the receiving office, saved through the save dialog', async () => {
    const opened = await t.ok<OpenedDocument>('merge:summary', { mergeId, agencyName: '某县人民政府办公室', level: '县级' });
    expect(opened.fileName).toBeNull();
    expect(opened.doc.agency).toMatchObject({ name: '某县人民政府办公室', level: '县级' });
    expect(opened.doc.year).toBe(2025);
    expect(opened.doc.cells['t3.received.natural']).toBe(12 + 3 + 8);
    expect(opened.doc.cells['t3.received.commercial']).toBe(2);
    expect(opened.doc.merged?.units.map((u) => u.file).sort()).toEqual(['乙镇.pdf', '县教育局.nianbao', '甲镇.nianbao'].sort());
    expect(t.core.dirtyDocuments()).toHaveLength(1);
    const target = join(root, '全县汇总.nianbao');
    t.dialogs.answers.saveReport.push(target);
    await t.ok<SaveResult>('doc:save', { docId: opened.docId, doc: opened.doc });
    const saved = parseReportData(JSON.parse(readFileSync(target, 'utf8')));
    expect(saved.ok && saved.doc.cells['t3.received.total']).toBe(25);
  });

  it('writes the workbook where the save dialog says; the sum row sums the included units', async () => {
    const target = join(root, '汇总表');
    t.dialogs.answers.saveWorkbook.push(target);
    const r = await t.ok<{ fileName: string }>('merge:workbook', { mergeId });
    expect(r.fileName).toBe('汇总表.xlsx');
    // Suggested in the folder the last files were chosen from.
    expect(t.dialogs.calls.at(-1)?.arg).toBe(join(folder, '2025年各单位年报汇总.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(root, '汇总表.xlsx')) as never);
    const sheet = wb.worksheets[0]!;
    const units = [4, 5, 6].map((r) => String(sheet.getRow(r).getCell(1).value));
    expect(units.sort()).toEqual(['乙镇人民政府', '县教育局', '甲镇人民政府'].sort());
    expect(sheet.getRow(7).getCell(1).value).toBe('合计');
    expect(existsSync(join(folder, '2025年各单位年报汇总.xlsx'))).toBe(false);
  });

  it('a report of another year is named and left out; the user may choose its group instead', async () => {
    const other = join(root, '黄金镇2019.txt');
    writeFileSync(other, readFileSync(SEED_PATH, 'utf8'));
    t.dialogs.answers.openMergeFiles.push([other]);
    const view = await t.ok<MergeView>('merge:add', { mergeId, kind: 'files' });
    expect(view.groups).toEqual([
      { year: 2025, format: '2021', count: 4 },
      { year: 2019, format: '2019', count: 1 },
    ]);
    const seed = view.rows.find((r) => r.fileName === '黄金镇2019.txt')!;
    expect(seed).toMatchObject({ year: 2019, format: '2019', source: 'text', status: 'otherGroup' });
    expect(view.notices.some((n) => n.startsWith('黄金镇2019.txt：') && n.includes('2019 年'))).toBe(true);
    const chosen = await t.ok<MergeView>('merge:decide', { mergeId, group: { year: 2019, format: '2019' }, include: [], matches: [] });
    expect(chosen.group).toEqual({ year: 2019, format: '2019' });
    expect(chosen.rows.filter((r) => r.status === 'included').map((r) => r.fileName)).toEqual(['黄金镇2019.txt']);
    const back = await t.ok<MergeView>('merge:decide', { mergeId, include: [], matches: [] });
    expect(back.group).toEqual({ year: 2025, format: '2021' });
  });

  it('a corrected resend: the later export counts, the earlier one is shown as superseded by it', async () => {
    const resend = join(root, '乙镇-更正.nianbao');
    const corrected = unitReport(OFFICE_UNITS.乙.name, { ...OFFICE_UNITS.乙.cells, 't3.received.natural': 4, 't3.granted.natural': 4 }, '2026-01-25T09:00:00.000Z');
    writeFileSync(resend, serializeReport(corrected));
    t.dialogs.answers.openMergeFiles.push([resend]);
    const view = await t.ok<MergeView>('merge:add', { mergeId, kind: 'files' });
    const 乙 = view.rows.filter((r) => r.unit === '乙镇人民政府');
    expect(乙.map((r) => [r.fileName, r.status, r.statusDetail])).toEqual([
      ['乙镇.pdf', 'superseded', '以 乙镇-更正.nianbao 为准'],
      ['乙镇-更正.nianbao', 'included', undefined],
    ]);
    expect(view.notices.some((n) => n.startsWith('乙镇.pdf：') && n.includes('乙镇-更正.nianbao'))).toBe(true);
    // 甲 12 + 乙 (resend) 6 + 教育局 8.
    expect(view.sum?.received).toBe(26);
  });

  it('refuses unknown merges, unknown units, names not on the roster and groups nobody sent', async () => {
    const gone = await t.call('merge:decide', { mergeId: 'no-such-merge', include: [], matches: [] });
    expect(gone.ok || gone.error).toMatchObject({ code: 'not-found', message: expect.stringContaining('重新选择') });
    const unit = await t.call('merge:unit', { mergeId, unitId: 'u999' });
    expect(unit.ok || unit.error.code).toBe('invalid-payload');
    const name = await t.call('merge:decide', { mergeId, include: [], matches: [{ unitId: 'u1', rosterName: '不在名单上' }] });
    expect(name.ok || name.error.message).toMatch(/名单中没有/);
    const group = await t.call('merge:decide', { mergeId, group: { year: 2024, format: '2021' }, include: [], matches: [] });
    expect(group.ok || group.error.message).toMatch(/没有 2024 年/);
    const path = await t.call('merge:add', { kind: 'folder', path: '/etc' });
    expect(path.ok || path.error.code).toBe('invalid-payload');
    expect((await t.call('merge:close', { mergeId })).ok).toBe(true);
    expect((await t.call('merge:unit', { mergeId, unitId: 'u1' })).ok).toBe(false);
  });
});
