// Files given to the wrong command, as happens when a county office batch-processes what towns send:
// a PDF or a Word document to import-text, a report file to import-text, a PDF to check. Each gets one
// line that says what the file is and which command reads it (exit 2), not “not a report”.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { serializeReport } from '../../../shared/model/document';
import { pingtanReport } from '../../fixtures/pingtan';
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

describe('export with font files missing or damaged (--font-dir, or a broken installation)', () => {
  it('says which, without “内部错误”, exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.nianbao'), serializeReport(pingtanReport()));
    mkdirSync(join(dir, 'empty'));
    mkdirSync(join(dir, 'broken'));
    for (const name of ['NotoSerifSC-Regular.ttf', 'NotoSerifSC-Bold.ttf', 'NotoSansSC-Medium.ttf', 'NianbaoKai-Regular.ttf']) {
      writeFileSync(join(dir, 'broken', name), 'not a font');
    }
    const missing = await run(['export', 'r.nianbao', '-o', 'x.pdf', '--font-dir', 'empty'], dir);
    const broken = await run(['export', 'r.nianbao', '-o', 'x.pdf', '--font-dir', join(dir, 'broken')], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`导出 PDF 所需的字体文件缺失（NotoSerifSC-Regular.ttf、NotoSerifSC-Bold.ttf、NotoSansSC-Medium.ttf、NianbaoKai-Regular.ttf，应在 ${join(dir, 'empty')}）`);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('字体文件 NotoSerifSC-Regular.ttf 已损坏或不是字体文件');
    for (const r of [missing, broken]) expect(r.err).not.toContain('内部错误');
  });
});
