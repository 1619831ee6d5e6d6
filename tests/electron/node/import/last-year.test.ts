import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLastYearsBytes, readLastYearsReport, sha256Hex } from '../../../../electron/node/import/last-year';
import { createReport, serializeReport } from '../../../../shared/model/document';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-last-year-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function lastYear() {
  const doc = createReport({ year: 2023, agencyName: '某某县人民政府', level: '县级', now: '2024-01-10T08:00:00.000Z' });
  doc.cells['t2.regulations.issued'] = 4;
  doc.sections.overview = '2023年，本机关依法公开政府信息。';
  return doc;
}

describe('sha256Hex', () => {
  it('is the SHA-256 of the bytes, in lower-case hex', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('readLastYearsReport', () => {
  it('reads a report file with the hash of exactly its bytes', async () => {
    const path = join(dir, '2023年报.nianbao');
    await writeFile(path, serializeReport(lastYear()));
    const result = await readLastYearsReport(path);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.kind).toBe('report');
    expect(result.fileName).toBe('2023年报.nianbao');
    expect(result.sha256).toBe(sha256Hex(await readFile(path)));
    expect(result.doc.year).toBe(2023);
    expect(result.doc.cells['t2.regulations.issued']).toBe(4);
    expect(result.doc.sections.overview).toBe('2023年，本机关依法公开政府信息。');
  });

  it('gives a Chinese message for a missing or empty file', async () => {
    const missing = await readLastYearsReport(join(dir, '不存在.nianbao'));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.message).toMatch(/[\u4e00-\u9fff]/);
    await writeFile(join(dir, '空.docx'), '');
    const empty = await readLastYearsReport(join(dir, '空.docx'));
    expect(empty).toEqual({ ok: false, message: expect.stringContaining('“空.docx”：文件是空的（0 字节）') });
  });
});

describe('readLastYearsBytes', () => {
  it('imports bytes given directly (a dropped file) under their name', async () => {
    const bytes = new TextEncoder().encode(serializeReport(lastYear()));
    const result = await readLastYearsBytes(bytes, '上年.nianbao');
    expect(result).toMatchObject({ ok: true, kind: 'report', fileName: '上年.nianbao', sha256: sha256Hex(bytes) });
  });

  it('a text naming no year answers needsYear; read again with the year and agency given, it is that year’s report', async () => {
    const text = '一、总体情况\n本机关依法公开政府信息。\n二、主动公开政府信息情况\n';
    const bytes = new TextEncoder().encode(text);
    const asked = await readLastYearsBytes(bytes, '上年.txt');
    expect(asked).toMatchObject({ ok: false, needsYear: true });
    const path = join(dir, '上年.txt');
    await writeFile(path, text);
    const read = await readLastYearsReport(path, { year: 2023, agencyName: '某某县人民政府' });
    if (!read.ok) throw new Error(read.message);
    expect(read.doc.year).toBe(2023);
    expect(read.doc.agency.name).toBe('某某县人民政府');
    expect(read).toMatchObject({ kind: 'text', fileName: '上年.txt', sha256: sha256Hex(bytes) });
  });

  it('passes a refusal through without a hash', async () => {
    const result = await readLastYearsBytes(new Uint8Array(0), '空.pdf');
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('sha256');
  });
});
