// Files given to the wrong command, as happens when a county office batch-processes what towns send:
// a PDF or a Word document to import-text, a report file to import-text, a PDF to check. Each gets one
// line that says what the file is and which command reads it (exit 2), not “not a report”.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { serializeReport } from '../../shared/model/document';
import { pingtanReport } from '../fixtures/pingtan';
import { tempDir } from './run-cli';

async function run(args: string[], cwd: string) {
  const err: string[] = [];
  const code = await main(args, { out: () => {}, err: (t) => err.push(t), cwd });
  return { code, err: err.join('\n') };
}

describe('a file given to the wrong command', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'report.pdf'), '%PDF-1.7\n%binary\n');
  writeFileSync(join(dir, 'report.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
  writeFileSync(join(dir, 'report.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]));
  writeFileSync(join(dir, 'r.nianbao'), serializeReport(pingtanReport()));
  writeFileSync(join(dir, 'empty.txt'), '\ufeff  \n\u3000\n');

  it.each([
    [['import-text', 'report.pdf', '-o', 'x.nianbao'], '“report.pdf”是 PDF 文件，不是文字：年报助手导出的 PDF 用 nianbao import-pdf 读回'],
    [['import-text', 'report.docx', '-o', 'x.nianbao'], '“report.docx”是 Word、WPS 或 Excel 文档，不是纯文本'],
    [['import-text', 'report.doc', '-o', 'x.nianbao'], '“report.doc”是 Word、WPS 或 Excel 文档'],
    [['import-text', 'r.nianbao', '-o', 'x.nianbao'], '“r.nianbao”已经是年报助手的报告文件，不需要导入'],
    [['check', 'report.pdf'], '“report.pdf”是 PDF 文件，不是报告文件；年报助手导出的 PDF 可用 nianbao import-pdf 读回'],
    [['export', 'report.pdf', '-o', 'y.pdf'], '是 PDF 文件，不是报告文件'],
    [['import-text', 'empty.txt', '-o', 'x.nianbao'], '“empty.txt”是空的，没有可导入的文字'],
  ])('%j', async (args, message) => {
    const result = await run(args, dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.err.split('\n')).toHaveLength(1);
  });
});
