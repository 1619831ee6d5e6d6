// A receiving office's folder as it really looks: report files, our PDFs (one whose printed tables were
// changed after export, one whose data no longer matches its hash), a report's text, Word lock files,
// pictures, an archive, a damaged file and a sub-folder — read, decided and summed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeReport } from '../../../../shared/model/document';
import { decideMerge, readAllUnits, type ReadAll } from '../../../../electron/node/merge/run-merge';
import { exportOk, SEED_PATH } from '../pdf/helpers';
import { replaceEmbeddedData, UNIT_NOW, unitReport } from './helpers';

const NOW = UNIT_NOW;

let dir: string;
let read: ReadAll;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nianbao-merge-'));
  const a = unitReport('甲镇人民政府', { 't3.received.natural': 12, 't3.granted.natural': 12, 't4.review.upheld': 1 });
  const b = unitReport('乙镇人民政府', { 't3.received.natural': 3, 't3.granted.natural': 2, 't3.carriedOver.natural': 1 });
  const cOld = unitReport('县教育局', { 't3.received.natural': 7, 't3.granted.natural': 7 }, '2026-01-10T09:00:00.000Z');
  const cNew = unitReport('县教育局', { 't3.received.natural': 8, 't3.granted.natural': 8 }, '2026-01-20T09:00:00.000Z');
  const printedD = unitReport('丁镇人民政府', { 't3.received.natural': 50, 't3.granted.natural': 50 });
  const embeddedD = unitReport('丁镇人民政府', { 't3.received.natural': 5, 't3.granted.natural': 5 });
  const e = unitReport('戊镇人民政府', { 't3.received.natural': 4, 't3.granted.natural': 4 });

  mkdirSync(join(dir, '乡镇'));
  mkdirSync(join(dir, '部门', '教育局'), { recursive: true });
  writeFileSync(join(dir, '乡镇', '甲镇.nianbao'), serializeReport(a));
  writeFileSync(join(dir, '乡镇', '乙镇.pdf'), await exportOk(b, 'final'));
  writeFileSync(join(dir, '部门', '教育局', '教育局-初稿.pdf'), await exportOk(cOld, 'final'));
  writeFileSync(join(dir, '部门', '教育局', '教育局-更正.nianbao'), serializeReport(cNew));
  // 丁镇: printed 50, embedded 5 with a hash that holds — the PDF was changed after export.
  writeFileSync(join(dir, '乡镇', '丁镇.pdf'), await replaceEmbeddedData(await exportOk(printedD, 'final'), serializeReport(embeddedD), true));
  // 戊镇: the embedded data was changed, its hash was not.
  const eOther = unitReport('戊镇人民政府', { 't3.received.natural': 40, 't3.granted.natural': 40 });
  writeFileSync(join(dir, '乡镇', '戊镇.pdf'), await replaceEmbeddedData(await exportOk(e, 'final'), serializeReport(eOther), false));
  // The seed's text: a 2019 report, another year and format.
  writeFileSync(join(dir, '黄金镇2019.txt'), readFileSync(SEED_PATH, 'utf8'));
  // 平潭 2022 as a Word document and as a web page (another year: listed, not summed).
  writeFileSync(join(dir, '平潭2022.docx'), readFileSync(join(SEED_PATH, '..', '..', 'samples', 'office', 'pingtan-2022.docx')));
  writeFileSync(join(dir, '平潭2022.html'), readFileSync(join(SEED_PATH, '..', '..', 'samples', 'office', 'pingtan-2022.html')));
  writeFileSync(join(dir, '乡镇', '~$甲镇.docx'), 'lock');
  writeFileSync(join(dir, '乡镇', '照片.jpg'), new Uint8Array([0xff, 0xd8, 0xff]));
  writeFileSync(join(dir, '汇总表.zip'), new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
  writeFileSync(join(dir, '坏文件.nianbao'), '{"schemaVersion": 1, "format": "2021", "cells": {');
  symlinkSync(dir, join(dir, '部门', '循环链接'));
  read = await readAllUnits([dir]);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));


describe('reading a folder of units’ reports', () => {
  it('reads every report, skips and counts what is not one, lists the damaged file with its reason', () => {
    const byName = (name: string) => read.units.find((u) => u.path.endsWith(name));
    expect(read.units.map((u) => u.path.slice(dir.length + 1)).sort()).toEqual(
      ['乡镇/丁镇.pdf', '乡镇/乙镇.pdf', '乡镇/戊镇.pdf', '乡镇/甲镇.nianbao', '部门/教育局/教育局-初稿.pdf', '部门/教育局/教育局-更正.nianbao', '黄金镇2019.txt', '平潭2022.docx', '平潭2022.html'].sort(),
    );
    expect(byName('甲镇.nianbao')?.source).toBe('file');
    expect(byName('乙镇.pdf')?.source).toBe('pdf-verified');
    expect(byName('丁镇.pdf')?.source).toBe('pdf-edited');
    expect(byName('丁镇.pdf')?.printedDiffers).toEqual(expect.arrayContaining(['t3.received.natural', 't3.granted.natural']));
    expect(byName('戊镇.pdf')?.source).toBe('pdf-hash-failed');
    expect(byName('戊镇.pdf')?.doc.cells['t3.received.natural']).toBe(4); // the printed figures
    expect(byName('黄金镇2019.txt')?.source).toBe('text');
    for (const name of ['平潭2022.docx', '平潭2022.html']) {
      expect(byName(name)?.source).toBe('text');
      expect(byName(name)?.doc.cells['t3.received.natural']).toBe(71); // as in ../shared/samples/pingtan-2022.json
    }
    expect(read.failed).toHaveLength(1);
    expect(read.failed[0]!.path).toContain('坏文件.nianbao');
    expect(read.failed[0]!.reason).toMatch(/损坏|不完整/);
    expect(read.skipped).toMatchObject({ 'Word/WPS 临时文件': 1, '.jpg 文件': 1, '.zip 文件': 1, '链接（不跟随）': 1 });
  });

  it('sums the right reports: the 2019 one named and left out, the resend replacing the draft, marked PDFs left out', () => {
    const run = decideMerge(read, {}, { agencyName: '某县人民政府办公室', level: '县级', now: NOW });
    const { plan, summary } = run;
    expect(plan.group).toEqual({ year: 2025, format: '2021' });
    const status = (name: string) => plan.rows.find((r) => r.path.endsWith(name))?.status.kind;
    expect(status('黄金镇2019.txt')).toBe('otherGroup');
    expect(status('平潭2022.docx')).toBe('otherGroup');
    expect(status('教育局-初稿.pdf')).toBe('superseded');
    expect(status('教育局-更正.nianbao')).toBe('included');
    expect(status('丁镇.pdf')).toBe('marked');
    expect(status('戊镇.pdf')).toBe('marked');
    // 甲 12 + 乙 3 + 教育局 (resend) 8 = 23; 丁 and 戊 left out.
    expect(summary?.cells['t3.received.natural']).toBe(23);
    expect(summary?.cells['t3.carriedOver.total']).toBe(1);
    expect(summary?.cells['t4.review.total']).toBe(1);
    expect(summary?.merged?.units.map((u) => u.file).sort()).toEqual(['乙镇.pdf', '教育局-更正.nianbao', '甲镇.nianbao'].sort());

    // The user includes 丁镇 with its printed figures and 戊镇 with what is printed (its only readable data).
    const include = new Map([
      [read.units.find((u) => u.path.endsWith('丁镇.pdf'))!.path, 'printed' as const],
      [read.units.find((u) => u.path.endsWith('戊镇.pdf'))!.path, 'printed' as const],
    ]);
    const withMarked = decideMerge(read, { include }, { agencyName: '某县人民政府办公室', now: NOW });
    expect(withMarked.summary?.cells['t3.received.natural']).toBe(23 + 50 + 4);
  });

  it('a path that does not exist is listed, the rest still read', async () => {
    const r = await readAllUnits([join(dir, '乡镇', '甲镇.nianbao'), join(dir, '没有这个文件.pdf')]);
    expect(r.units).toHaveLength(1);
    expect(r.failed).toEqual([{ path: join(dir, '没有这个文件.pdf'), reason: '找不到此文件或文件夹' }]);
  });
});
