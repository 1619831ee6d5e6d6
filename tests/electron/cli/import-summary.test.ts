import { describe, expect, it } from 'vitest';
import { printImportSummary } from '../../../electron/cli/import-summary';
import type { CliIo } from '../../../electron/cli/cli-kit';
import { formatModel } from '../../../shared/formats/index';
import { createReport } from '../../../shared/model/document';

function capture(): { io: CliIo; out: string[] } {
  const out: string[] = [];
  const io = { out: (line: string) => out.push(line), err: (line: string) => out.push(`ERR ${line}`) } as unknown as CliIo;
  return { io, out };
}

describe('printImportSummary', () => {
  it('counts the cells read per table and the characters of each section, and says when nothing needs checking', () => {
    const doc = createReport({ year: 2024, agencyName: '某某县人民政府', level: '县级', now: '2025-01-02T03:04:05.000Z' });
    const model = formatModel(doc.format);
    doc.cells[model.keysByTable.t2[0]!] = 3;
    // 0 is a value read, not a blank.
    doc.cells[model.keysByTable.t2[1]!] = 0;
    doc.cells[model.keysByTable.t4[0]!] = 1;
    doc.sections.overview = '本机关\n依法公开𠀀';
    doc.sections.other = '无。';
    const { io, out } = capture();
    printImportSummary(io, doc, [], '/out/年报.nianbao', '“2024年报.docx”');
    expect(out).toEqual([
      '已从“2024年报.docx”导入“某某县人民政府2024年政府信息公开工作年度报告”（2021 年格式，机关层级：县级）→ /out/年报.nianbao',
      `读出：表二 2/${model.keysByTable.t2.length} 格，表三 0/${model.keysByTable.t3.length} 格，表四 1/${model.keysByTable.t4.length} 格；正文 一 8 字、五 0 字、六 2 字。`,
      '没有需要核对的地方。',
    ]);
  });

  it('lists every place to check under its Chinese name', () => {
    const doc = createReport({ year: 2019, agencyName: '某某镇人民政府', level: '乡镇', now: '2020-01-02T03:04:05.000Z' });
    const { io, out } = capture();
    printImportSummary(io, doc, [
      { place: 't3', message: '表三“自然人”列没有读到数字。' },
      { place: 'meta', message: '没有找到发文日期。' },
    ], 'a.nianbao');
    expect(out[0]).toBe('已导入“某某镇人民政府2019年政府信息公开工作年度报告”（2019 年格式，机关层级：乡镇）→ a.nianbao');
    expect(out.slice(2)).toEqual(['需要核对的地方（2 处）：', '  [三、收到和处理政府信息公开申请情况] 表三“自然人”列没有读到数字。', '  [基本信息] 没有找到发文日期。']);
  });
});
