// Narrative text as pasted: lines hard-wrapped at a PDF's page width joined back into their paragraphs,
// page numbers and form feeds removed, web text (a paragraph a line) left as it is.
import { describe, expect, it } from 'vitest';
import { PAGE_NUMBER, paragraphs, removePageFurniture } from '../../../shared/import/narrative';

describe('paragraphs', () => {
  it('joins lines wrapped at the page width, keeps real paragraph breaks and outline items', () => {
    const wrapped = [
      '  第一段第一行写满了整整一行的文字内容这里是第一行',
      '第一段第二行也写满了整整一行的文字内容这是第二行',
      '第一段到此结束。',
      '  （一）小标题',
      '  第二段第一行写满了整整一行的文字内容这里是第一行',
      '第二段第二行写满了整整一行的文字内容这里是第二行',
      '1.第一项',
    ];
    expect(paragraphs(wrapped)).toBe(
      '第一段第一行写满了整整一行的文字内容这里是第一行第一段第二行也写满了整整一行的文字内容这是第二行第一段到此结束。\n（一）小标题\n第二段第一行写满了整整一行的文字内容这里是第一行第二段第二行写满了整整一行的文字内容这里是第二行\n1.第一项',
    );
  });

  it('leaves web text (one long paragraph a line) as it is', () => {
    const long = '这是一段很长的网页段落'.repeat(12);
    expect(paragraphs([long, long, '', long, long])).toBe([long, long, long, long].join('\n'));
  });

  it('without indentation, a full line ending a sentence ends its paragraph', () => {
    const row = (n: string) => `第${n}段写满了整整一行的文字内容这一行已经写满`;
    const lines = [row('一'), `${row('一')}。`, row('二'), '第二段最后一行。', row('三')];
    expect(paragraphs(lines)).toBe(`${row('一')}${row('一')}。\n${row('二')}第二段最后一行。\n${row('三')}`);
  });

  it('joins nothing when fewer than three lines fill the width, and drops blank lines and indentation', () => {
    expect(paragraphs(['　　第一段。', '', '   第二段', '第三段'])).toBe('第一段。\n第二段\n第三段');
    // Two lines of the same width are not a page width yet: kept apart.
    expect(paragraphs(['一、总体情况本年度工作', '二、主动公开政府信息'])).toBe('一、总体情况本年度工作\n二、主动公开政府信息');
    expect(paragraphs(['本年度工作稳步推进', '各项任务全面完成'])).toBe('本年度工作稳步推进\n各项任务全面完成');
    expect(paragraphs([])).toBe('');
  });
});

describe('removePageFurniture', () => {
  it('removes page numbers and the blank lines around them', () => {
    expect(removePageFurniture(['正文一行', '', '                — 1 —', '\f正文下一行', '第 2 页 共 5 页', '- 3 -', '2/5', '正文'])).toEqual([
      '正文一行',
      '正文下一行',
      '正文',
    ]);
  });

  it('keeps a line that only contains a number among its words', () => {
    expect(removePageFurniture(['共收到申请 2/5 件', '第2页的内容', '3'])).toEqual(['共收到申请 2/5 件', '第2页的内容', '3']);
  });
});

describe('PAGE_NUMBER', () => {
  it('is page furniture in the forms PDFs print it', () => {
    for (const line of ['— 1 —', '－12－', '- 3 -', '第 3 页', '第3页 共5页', '第3页，共5页', '3/5', ' 3 / 5 ']) expect(PAGE_NUMBER.test(line), line).toBe(true);
    for (const line of ['1', '一、总体情况', '第三页', '2025', '3/5件', '— 12345 —']) expect(PAGE_NUMBER.test(line), line).toBe(false);
  });
});
