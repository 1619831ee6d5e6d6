// electron/node/merge/read-unit.ts: one unit's report read for the receiving office, in whatever form it came,
// with where its figures came from — a report file, one of our PDFs whose printed tables agree with its data
// (or were changed after export, or whose data fails its hash), a text — and the reason for what cannot be read.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeReport } from '../../../../shared/model/document';
import { differingCells, readUnit, REPORT_EXTENSIONS } from '../../../../electron/node/merge/read-unit';
import { exportOk, SEED_PATH } from '../pdf/helpers';
import { replaceEmbeddedData, UNIT_NOW, unitReport } from './helpers';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const encode = (text: string) => new TextEncoder().encode(text);
const OFFICE = join(SEED_PATH, '..', '..', 'samples', 'office');

describe('readUnit', () => {
  const 甲 = unitReport('甲镇人民政府', { 't3.received.natural': 12, 't3.granted.natural': 12 });
  let exported: Uint8Array;
  beforeAll(async () => {
    exported = await exportOk(甲, 'final');
  }, 120_000);

  it('a report file: its own data, the hash of its bytes, the time it was last saved', async () => {
    const bytes = encode(serializeReport(甲));
    const read = await readUnit('/收到/甲镇.nianbao', bytes);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.unit).toMatchObject({ path: '/收到/甲镇.nianbao', sha256: sha(bytes), source: 'file', exportedAt: UNIT_NOW });
    expect(read.unit.doc.cells).toEqual(甲.cells);
  });

  it('a damaged report file and a file of another type are listed with their reason', async () => {
    const damaged = await readUnit('/收到/坏.nianbao', encode('{"schemaVersion": 1, "format": "2021", "cells": {'));
    expect(damaged.ok).toBe(false);
    expect(!damaged.ok && damaged.failed.path).toBe('/收到/坏.nianbao');
    expect(!damaged.ok && damaged.failed.reason).toMatch(/损坏|不完整/);
    const picture = await readUnit('/收到/照片.JPG', Uint8Array.of(0xff, 0xd8, 0xff));
    expect(!picture.ok && picture.failed.reason).toBe('不认识的文件类型“.jpg”，不是报告');
    const bare = await readUnit('/收到/说明', encode('x'));
    expect(!bare.ok && bare.failed.reason).toBe('不认识的文件类型“（无扩展名）”，不是报告');
    expect(REPORT_EXTENSIONS).not.toContain('.jpg');
  });

  it('our PDF whose pages are as exported: verified from its data, without reading the pages back', async () => {
    const read = await readUnit('/收到/甲镇.pdf', exported);
    expect(read.ok && read.unit).toMatchObject({ source: 'pdf-verified', sha256: sha(exported), exportedAt: UNIT_NOW });
    expect(read.ok && read.unit.printed).toBeUndefined();
    expect(read.ok && read.unit.doc.cells).toEqual(甲.cells);
  });

  it('our PDF whose data was replaced under a matching hash: the printed figures differ, so it is marked edited', async () => {
    const other = unitReport('甲镇人民政府', { 't3.received.natural': 5, 't3.granted.natural': 5 });
    const read = await readUnit('/收到/甲镇.pdf', await replaceEmbeddedData(exported, serializeReport(other), true));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.unit.source).toBe('pdf-edited');
    expect(read.unit.doc.cells['t3.received.natural']).toBe(5); // the embedded data
    expect(read.unit.printed?.cells['t3.received.natural']).toBe(12); // what the pages print
    expect(read.unit.printedDiffers).toEqual(expect.arrayContaining(['t3.received.natural', 't3.granted.natural']));
  });

  it('our PDF whose data no longer matches its hash: the printed figures are taken, marked as such', async () => {
    const other = unitReport('甲镇人民政府', { 't3.received.natural': 40, 't3.granted.natural': 40 });
    const read = await readUnit('/收到/甲镇.pdf', await replaceEmbeddedData(exported, serializeReport(other), false));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.unit.source).toBe('pdf-hash-failed');
    expect(read.unit.doc.cells['t3.received.natural']).toBe(12);
    expect(read.unit.printed).toEqual(read.unit.doc);
  });

  it('another program\'s PDF, a Word document, a web page and a text are read from their text', async () => {
    for (const name of ['pingtan-2022.pdf', 'pingtan-2022.docx', 'pingtan-2022.html']) {
      const read = await readUnit(`/收到/${name}`, readFileSync(join(OFFICE, name)));
      expect(read.ok && read.unit.source, name).toBe('text');
      expect(read.ok && read.unit.doc.cells['t3.received.natural'], name).toBe(71); // as in ../shared/samples/pingtan-2022.json
      expect(read.ok && Array.isArray(read.unit.notes), name).toBe(true);
      expect(read.ok && read.unit.exportedAt, name).toBeUndefined();
    }
    const seed = await readUnit('/收到/黄金镇.txt', readFileSync(SEED_PATH));
    expect(seed.ok && seed.unit.source).toBe('text');
    expect(seed.ok && seed.unit.doc.year).toBe(2019);
  });

  it('a report file sent as .txt is still the file\'s own data', async () => {
    const read = await readUnit('/收到/甲镇.txt', encode(serializeReport(甲)));
    expect(read.ok && read.unit).toMatchObject({ source: 'file', exportedAt: UNIT_NOW });
  });

  it('a .pdf that is no PDF, and a text that is no report, are listed with their reason', async () => {
    const notPdf = await readUnit('/收到/甲镇.pdf', encode('hello'));
    expect(!notPdf.ok && notPdf.failed.reason).toMatch(/不是 PDF/);
    const notReport = await readUnit('/收到/通知.txt', encode('关于召开会议的通知\n请各单位准时参加。'));
    expect(notReport.ok).toBe(false);
    expect(!notReport.ok && notReport.failed.reason).toMatch(/^“通知\.txt”：/);
  });
});

describe('differingCells', () => {
  it('differingCells: only numbers printed differently count, not cells the reader left blank', () => {
    const a = unitReport('甲', { 't3.received.natural': 1 });
    const printed = structuredClone(a);
    printed.cells['t3.received.natural'] = null;
    expect(differingCells(a, printed)).toEqual([]);
    printed.cells['t3.received.commercial'] = 9;
    expect(differingCells(a, printed)).toEqual(['t3.received.commercial']);
  });

  it('a printed total is compared with the total the data adds up to, not with the total it stores', () => {
    const a = unitReport('甲', { 't3.received.natural': 2, 't3.received.commercial': 3 });
    const printed = structuredClone(a);
    a.cells['t3.received.total'] = null; // a total left blank in the data is still 5 on paper
    for (const key of Object.keys(printed.cells)) printed.cells[key] = null;
    printed.cells['t3.received.total'] = 5;
    expect(differingCells(a, printed)).toEqual([]);
    printed.cells['t3.received.total'] = 6;
    expect(differingCells(a, printed)).toEqual(['t3.received.total']);
  });

  it('reports of different formats differ as a whole', () => {
    const a = unitReport('甲', {});
    expect(differingCells(a, { ...structuredClone(a), format: '2019' })).toEqual(['format']);
  });
});
