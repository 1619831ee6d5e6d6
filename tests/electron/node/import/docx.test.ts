// electron/node/import/docx.ts: a .docx's own paragraphs and tables in document order — runs, tabs and
// breaks, merged cells (gridSpan across, vMerge down), content controls looked into, deleted text and field
// codes left out — and a Chinese DocxError for what is not a readable Word document.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DocxError, readDocx } from '../../../../electron/node/import/docx';
import type { ImportedBlock } from '../../../../shared/import/document';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const docx = (body: string) => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`) });
const p = (...runs: string[]) => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${runs.map((r) => `<w:r><w:rPr><w:b/></w:rPr>${r}</w:r>`).join('')}</w:p>`;
const t = (text: string) => `<w:t xml:space="preserve">${text}</w:t>`;
const tc = (text: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${p(t(text))}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblGrid/>${rows.join('')}</w:tbl>`;
const span = (n: number) => `<w:gridSpan w:val="${n}"/>`;

function refusal(bytes: Uint8Array): string {
  try {
    readDocx(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(DocxError);
    return (e as Error).message;
  }
  throw new Error('expected a DocxError');
}

const table = (blocks: ImportedBlock[], i = 0) => {
  const tables = blocks.filter((b) => b.kind === 'table');
  return tables[i]!.kind === 'table' ? tables[i]!.rows : [];
};

describe('readDocx', () => {
  it('reads paragraphs and tables in document order, as a document whose paragraphs are its own', () => {
    const doc = readDocx(docx(p(t('标题')) + tbl(tr(tc('甲'), tc('乙'))) + p(t('正文'))));
    expect(doc.source).toBe('docx');
    expect(doc.paragraphsAreLines).toBe(false);
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(doc.blocks[0]).toEqual({ kind: 'paragraph', text: '标题' });
    expect(doc.blocks[2]).toEqual({ kind: 'paragraph', text: '正文' });
  });

  it('joins a paragraph\'s runs; tabs and breaks become \\t and \\n; deleted text and field codes are not text', () => {
    const para = p(t('一、'), t('总体情况'), '<w:tab/>', t('第1页'), '<w:br/>', t('下一行'), '<w:delText>删掉的</w:delText>', '<w:instrText> PAGE </w:instrText>', '<w:cr/>', t('完'));
    const withDeletion = `<w:p><w:r>${t('保留')}</w:r><w:del w:id="1"><w:r>${t('修订删除')}</w:r></w:del><w:ins w:id="2"><w:r>${t('修订插入')}</w:r></w:ins></w:p>`;
    const doc = readDocx(docx(para + withDeletion));
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: '一、总体情况\t第1页\n下一行\n完' },
      { kind: 'paragraph', text: '保留修订插入' },
    ]);
  });

  it('a cell spanning grid columns is one cell with its colSpan', () => {
    const rows = table(readDocx(docx(tbl(tr(tc('三、本年度办理结果', span(3)), tc('1')), tr(tc('a'), tc('b'), tc('c'), tc('d'))))).blocks);
    expect(rows).toEqual([
      [{ text: '三、本年度办理结果', rowSpan: 1, colSpan: 3 }, { text: '1', rowSpan: 1, colSpan: 1 }],
      ['a', 'b', 'c', 'd'].map((text) => ({ text, rowSpan: 1, colSpan: 1 })),
    ]);
  });

  it('vertically merged cells are one cell with its rowSpan, placed by grid column; a restart begins a new one', () => {
    const restart = '<w:vMerge w:val="restart"/>';
    const cont = '<w:vMerge/>';
    const rows = table(
      readDocx(
        docx(
          tbl(
            tr(tc('（三）不予公开', restart), tc('1.属于国家秘密'), tc('0')),
            tr(tc('', cont), tc('2.其他法律行政法规禁止公开'), tc('1')),
            tr(tc('', cont), tc('3.危及“三安全一稳定”'), tc('2')),
            tr(tc('（四）无法提供', restart), tc('1.本机关不掌握'), tc('3')),
            tr(tc('', cont), tc('2.没有现成信息'), tc('4', restart)),
            tr(tc('（五）', span(2)), tc('', cont)),
          ),
        ),
      ).blocks,
    );
    expect(rows.map((r) => r.map((c) => [c.text, c.rowSpan, c.colSpan]))).toEqual([
      [['（三）不予公开', 3, 1], ['1.属于国家秘密', 1, 1], ['0', 1, 1]],
      [['2.其他法律行政法规禁止公开', 1, 1], ['1', 1, 1]],
      [['3.危及“三安全一稳定”', 1, 1], ['2', 1, 1]],
      [['（四）无法提供', 2, 1], ['1.本机关不掌握', 1, 1], ['3', 1, 1]],
      [['2.没有现成信息', 1, 1], ['4', 2, 1]],
      // 2 columns across cut off the merge in column 0; column 2 continues the 4 above.
      [['（五）', 1, 2]],
    ]);
  });

  it('looks into content controls, custom XML and insertions, in the body, in tables and in rows', () => {
    const sdt = (inner: string) => `<w:sdt><w:sdtPr/><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
    const body =
      sdt(p(t('控件中的段落'))) +
      `<w:customXml w:element="x">${p(t('自定义XML中的段落'))}</w:customXml>` +
      tbl(sdt(tr(tc('行在控件中'), sdt(tc('格在控件中')))), `<w:customXml>${tr(tc('自定义行'), tc('2'))}</w:customXml>`);
    const doc = readDocx(docx(body));
    expect(doc.blocks.slice(0, 2)).toEqual([
      { kind: 'paragraph', text: '控件中的段落' },
      { kind: 'paragraph', text: '自定义XML中的段落' },
    ]);
    expect(table(doc.blocks).map((r) => r.map((c) => c.text))).toEqual([
      ['行在控件中', '格在控件中'],
      ['自定义行', '2'],
    ]);
  });

  it('a cell\'s paragraphs are one label; a table nested in a cell adds its cells\' text; blanks collapse', () => {
    const cell = `<w:tc>${p(t('（一）行政许可'))}${p(t('  公开  '))}${tbl(tr(tc('内'), tc('表')))}</w:tc>`;
    const rows = table(readDocx(docx(tbl(tr(cell, tc(' 0 '))))).blocks);
    expect(rows[0]!.map((c) => c.text)).toEqual(['（一）行政许可 公开 内 表', '0']);
  });

  it('refuses an Excel workbook, a presentation, a zip without a Word body, a damaged archive, damaged XML', () => {
    expect(refusal(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))).toMatch(/^这是 Excel 表格，不是 Word 文档/);
    expect(refusal(zipSync({ 'ppt/presentation.xml': strToU8('<p/>') }))).toMatch(/^这是演示文稿，不是 Word 文档/);
    expect(refusal(zipSync({ 'readme.txt': strToU8('hello') }))).toMatch(/没有 Word 文档正文（word\/document\.xml）/);
    const whole = docx(p(t('正文')));
    expect(refusal(whole.subarray(0, Math.floor(whole.length * 0.6)))).toMatch(/已损坏|无法读取/);
    expect(refusal(zipSync({ 'word/document.xml': strToU8(`<w:document xmlns:w="${W}"><w:body><w:p>`) }))).toMatch(/^文档正文（word\/document\.xml）已损坏/);
    expect(refusal(zipSync({ 'word/document.xml': strToU8(`<w:document xmlns:w="${W}"><w:p/></w:document>`) }))).toMatch(/已损坏/);
  });

  it('refuses a body nested deeper than any report, before walking it', () => {
    const deep = `${'<w:tbl><w:tr><w:tc>'.repeat(100)}${p(t('底'))}${'</w:tc></w:tr></w:tbl>'.repeat(100)}`;
    expect(refusal(docx(deep))).toMatch(/^文档正文的结构嵌套超过 256 层/);
    const fine = `${'<w:tbl><w:tr><w:tc>'.repeat(5)}${p(t('底'))}${'</w:tc></w:tr></w:tbl>'.repeat(5)}`;
    expect(table(readDocx(docx(fine)).blocks)[0]![0]!.text).toBe('底');
  });
});
