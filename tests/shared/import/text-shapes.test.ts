// Report texts in the shapes other tools give them: Markdown tables and headings, a crawler's “cell |”
// lines. Read back to the same cells as the plain text.
import { describe, expect, it } from 'vitest';
import { importReportText } from '../../../shared/import/index';
import { normaliseTextShapes, splitRunTogether } from '../../../shared/import/text-shapes';
import { pingtan } from './fixtures';
import { renderReportText } from './render-report-text';

describe('normaliseTextShapes', () => {
  it('Markdown: headings lose their #, the rule line goes, cells become tab-separated', () => {
    expect(normaliseTextShapes(['# 2022年某县政府信息公开工作年度报告', '## 一、总体情况', '| 信息内容 | 本年制发件数 |', '|---|:---:|', '| 规章 | 0 |'])).toEqual([
      '2022年某县政府信息公开工作年度报告',
      '一、总体情况',
      '信息内容\t本年制发件数',
      '规章\t0',
    ]);
  });

  it('a crawler’s one cell a line, each closed by “|”: one tab-indented cell a line, “|” alone ends the row', () => {
    expect(normaliseTextShapes(['规章 |', '0 |', '|', '||||', '行政许可 | 0 | 0 | 0 |'])).toEqual(['\t规章', '\t0', '', '', '行政许可\t0\t0\t0']);
  });

  it('empty cells stay empty cells', () => {
    expect(normaliseTextShapes(['一、本年新收政府信息公开申请数量 | 821 | 35 |   |   | 2 | 1 | 859 |'])).toEqual(['一、本年新收政府信息公开申请数量\t821\t35\t\t\t2\t1\t859']);
  });
});

describe('a report as Markdown', () => {
  it('every cell comes back, with the label’s merged cells written out as empty cells', () => {
    const tabs = renderReportText(pingtan, { style: 'tabs' });
    const markdown = tabs
      .split('\n')
      .map((line) => (line.includes('\t') ? `| ${line.split('\t').join(' | ')} |` : /^[一二三四五六]、/.test(line) ? `## ${line}` : line))
      .join('\n')
      // The label spans three columns; Markdown writes the two it covers as empty cells.
      .replace('一、本年新收政府信息公开申请数量 | ', '一、本年新收政府信息公开申请数量 |  |  | ');
    expect(markdown).toContain('一、本年新收政府信息公开申请数量 |  |  | 71');
    const result = importReportText(markdown);
    if (!result.ok) throw new Error(result.message);
    for (const [key, value] of Object.entries(pingtan.cells)) expect(result.doc.cells[key], key).toBe(value);
  });
});

describe('a report crawled onto one line', () => {
  const oneLine = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');

  it('title, headings and every cell come back; the narrative is kept in its section', () => {
    const text = oneLine(renderReportText(pingtan, { style: 'spaces' }));
    expect(text).not.toContain('\n');
    const result = importReportText(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.doc.year).toBe(2022);
    expect(result.doc.agency.name).toBe('平潭综合实验区');
    for (const [key, value] of Object.entries(pingtan.cells)) expect(result.doc.cells[key], key).toBe(value);
    expect(result.doc.sections.problems.replace(/\s/g, '')).toBe(pingtan.sections.problems.replace(/\s/g, ''));
    expect(result.problems.filter((p) => p.place !== 'meta')).toEqual([]);
  });

  it('table 3’s numbered row labels (一、本年新收…, 三、本年度办理结果) are not taken for section headings', () => {
    const lines = splitRunTogether([oneLine(renderReportText(pingtan, { style: 'spaces' }))]);
    expect(lines.filter((l) => /^[一二三四五六]、/.test(l))).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('a short line is left alone', () => {
    expect(splitRunTogether(['一、总体情况 二、主动公开政府信息情况'])).toEqual(['一、总体情况 二、主动公开政府信息情况']);
  });
});

describe('a long paragraph that lists the sections', () => {
  it('in a text of many lines it is not split into headings', () => {
    const listing = `本报告全文包括： 一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 六、其他需要报告的事项 共六部分。${'本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。'.repeat(10)}`;
    const text = renderReportText(pingtan, { style: 'tabs' }).replace(pingtan.title, `${pingtan.title}\n${listing}`);
    const result = importReportText(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.doc.sections.overview.split('\n')[0]).toBe(listing);
    for (const [key, value] of Object.entries(pingtan.cells)) expect(result.doc.cells[key], key).toBe(value);
  });
});

describe('a one-line page whose preamble lists the sections', () => {
  it('the list is text of the preamble; the sections are found where they are', () => {
    const listing = '本报告全文包括 一、总体情况 二、主动公开政府信息情况 三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况 六、其他需要报告的事项 共六部分。';
    const lines = renderReportText(pingtan, { style: 'spaces' }).replace(pingtan.title, `${pingtan.title}\n${listing}`);
    const text = lines.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
    const result = importReportText(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.doc.sections.overview).toContain('本报告全文包括 一、总体情况 二、主动公开政府信息情况');
    for (const [key, value] of Object.entries(pingtan.cells)) expect(result.doc.cells[key], key).toBe(value);
  });
});

describe('long blanks', () => {
  it('200,000 spaces then a letter, or a table rule made of them, is refused at once (no backtracking over the blanks)', () => {
    expect(importReportText(`${' '.repeat(200000)}x`).ok).toBe(false);
    expect(importReportText(`|${' '.repeat(100000)}${'-'.repeat(100000)}`).ok).toBe(false);
    expect(normaliseTextShapes(['|   ---   |  :---:  |'])).toEqual([]);
  });
});
