// The one report reader (readReportFile / parseReportBytes): what each kind of wrong file is called, for
// the app (with its advice) and the command line (its own advice, from `reason`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_REPORT_BYTES, readReportFile, ReportFileError } from '../../../../electron/node/storage/report-files';
import { FileReadError } from '../../../../electron/node/files/bounded-read';
import { serializeReport } from '../../../../shared/model/document';
import { pingtanReport } from '../../../fixtures/pingtan';
import { tempDir } from './helpers';

describe('readReportFile', () => {
  const dir = tempDir('nianbao-reader-');
  const report = serializeReport(pingtanReport());
  writeFileSync(join(dir, 'ok.nianbao'), report);
  writeFileSync(join(dir, 'bom.nianbao'), `\ufeff${report}`);
  writeFileSync(join(dir, 'a.pdf'), '%PDF-1.7\n');
  writeFileSync(join(dir, 'a.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
  writeFileSync(join(dir, 'gbk.nianbao'), Buffer.from([0xd5, 0xfe, 0xb8, 0xae]));
  writeFileSync(join(dir, 'cut.nianbao'), report.slice(0, 200));
  writeFileSync(join(dir, 'newer.nianbao'), JSON.stringify({ ...JSON.parse(report), schemaVersion: 99 }));
  writeFileSync(join(dir, 'big.nianbao'), Buffer.alloc(MAX_REPORT_BYTES + 1, 0x20));
  mkdirSync(join(dir, 'folder.nianbao'));

  it('reads a report (also with a BOM) with its bytes and time', async () => {
    const read = await readReportFile(join(dir, 'ok.nianbao'));
    expect(read.doc.agency.name).toBe(pingtanReport().agency.name);
    expect(Buffer.from(read.bytes).toString('utf8')).toBe(report);
    expect(read.mtimeMs).toBeGreaterThan(0);
    expect((await readReportFile(join(dir, 'bom.nianbao'))).doc).toEqual(read.doc);
  });

  it.each([
    ['a.pdf', 'pdf', 'bad-file', /是 PDF 文件，不是报告文件/],
    ['a.docx', 'office', 'bad-file', /是 Word、WPS 或 Excel 文档/],
    ['gbk.nianbao', 'not-utf8', 'bad-file', /不是 UTF-8 文本/],
    ['cut.nianbao', 'json', 'bad-file', /不完整或已损坏/],
    ['newer.nianbao', 'newer', 'newer-version', /较新版本/],
  ] as const)('%s: %s', async (name, reason, code, message) => {
    const error = await readReportFile(join(dir, name), `报告/${name}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportFileError);
    expect(error).toMatchObject({ reason, code });
    expect((error as ReportFileError).fact).toMatch(message);
    expect((error as ReportFileError).fact).toContain(`“报告/${name}”`);
  });

  it('file-system failures come from the bounded reader, worded by the errno map', async () => {
    const missing = await readReportFile(join(dir, 'nope.nianbao')).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(FileReadError);
    expect(missing).toMatchObject({ reason: 'not-found', message: expect.stringMatching(/^找不到文件“nope\.nianbao”。/), en: 'file not found: nope.nianbao' });
    const folder = await readReportFile(join(dir, 'folder.nianbao')).catch((e: unknown) => e);
    expect(folder).toMatchObject({ reason: 'not-a-file', message: expect.stringMatching(/是文件夹/) });
    const big = await readReportFile(join(dir, 'big.nianbao')).catch((e: unknown) => e);
    expect(big).toMatchObject({ reason: 'too-big' });
  });
});
