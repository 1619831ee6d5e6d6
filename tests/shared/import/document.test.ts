// The intermediate every front end produces: table cells are taken as the document holds them (a
// label with spaces, merged cells given once), paragraphs are whole paragraphs.
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../shared/formats/index';
import { cell, importReportDocument, type ImportedBlock } from '../../../shared/import/index';

const p = (text: string): ImportedBlock => ({ kind: 'paragraph', text });

describe('importReportDocument', () => {
  it('reads table 2 from cells with spans, and keeps whole paragraphs as they are', () => {
    const rows = [
      [cell('第二十条第（一）项', 1, 4)],
      [cell('信息内容'), cell('本年制发件数'), cell('本年废止件数'), cell('现行有效件数')],
      [cell('规章'), cell('1'), cell('2'), cell('3')],
      // A label written with a space inside and a number with a thousands separator: one cell each.
      [cell('行政 规范性文件'), cell('1,024'), cell(''), cell('7')],
    ];
    const long = '这是一个很长的段落，'.repeat(20);
    const result = importReportDocument({
      source: 'docx',
      paragraphsAreLines: false,
      blocks: [p('2023年某某县人民政府政府信息公开工作年度报告'), p('一、总体情况'), p(long), p('短的一段。'), p('二、主动公开政府信息情况'), { kind: 'table', rows }],
    });
    if (!result.ok) throw new Error(result.message);
    const { doc, problems } = result;
    expect(doc.sections.overview).toBe(`${long}\n短的一段。`);
    expect(doc.cells['t2.regulations.issued']).toBe(1);
    expect(doc.cells['t2.normativeDocs.issued']).toBe(1024);
    expect(doc.cells['t2.normativeDocs.repealed']).toBeNull();
    expect(problems.some((q) => q.key === 't2.normativeDocs.repealed' && q.message.includes('不当作 0'))).toBe(true);
    // Every other table: listed cell by cell as not found.
    const t3 = problems.find((q) => q.place === 't3');
    expect(t3?.cells).toEqual(formatModel('2021').keysByTable.t3);
  });
});
