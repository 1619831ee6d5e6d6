// Variants of real published report texts beyond the shape of their tables: sections numbered
// differently, titles inside sentences or missing, the agency's level read from its name, digits run
// together. Each cell comes back exactly, or stays blank and is reported — never guessed.
import { describe, expect, it } from 'vitest';
import { importReportText } from '../../shared/import/index';
import { pingtan, seedText } from './fixtures';
import { renderReportText } from './render-report-text';

function read(text: string, opts = {}) {
  const result = importReportText(text, opts);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('sections numbered differently', () => {
  const renumber = (text: string) =>
    text
      .replace('二、主动公开政府信息情况', '二、政务公开重点工作\n本年度持续推进重点领域信息公开。\n三、主动公开政府信息情况')
      .replace('三、收到和处理政府信息公开申请情况', '四、收到和处理政府信息公开申请情况')
      .replace('四、政府信息公开行政复议、行政诉讼情况', '五、政府信息公开行政复议、行政诉讼情况')
      .replace('五、存在的主要问题及改进情况', '六、存在的主要问题及改进情况')
      .replace('六、其他需要报告的事项', '七、其他需要报告的事项');

  it('a department’s own part 二 moves the tables to 三, 四, 五: found by their headings’ words, every cell read', () => {
    const text = renumber(renderReportText(pingtan, { style: 'tabs' }));
    expect(text).toContain('五、政府信息公开行政复议、行政诉讼情况');
    const { doc, problems } = read(text);
    for (const [key, value] of Object.entries(pingtan.cells)) expect(doc.cells[key], key).toBe(value);
    // The added part stays in the text of section 一; 五 and 六 are the report's 六 and 七.
    expect(doc.sections.overview).toContain('二、政务公开重点工作\n本年度持续推进重点领域信息公开。');
    expect(doc.sections.problems).toBe(pingtan.sections.problems);
    expect(doc.sections.other).toBe(pingtan.sections.other);
    expect(problems.filter((p) => p.place !== 'meta')).toEqual([]);
  });

  it('the seed renumbered reads as the seed', () => {
    const seed = read(seedText).doc;
    expect(renumber(seedText)).toContain('五、政府信息公开行政复议、行政诉讼情况');
    const { doc } = read(renumber(seedText));
    expect(doc.cells).toEqual(seed.cells);
  });

  it('under another numeral a heading must name its section plainly: “三、主动公开工作” is narrative', () => {
    const text = renderReportText(pingtan, { style: 'tabs' }).replace('二、主动公开政府信息情况', '三、主动公开工作');
    const { problems } = read(text);
    expect(problems.some((p) => p.place === 't2' && p.message.includes('没有找到'))).toBe(true);
  });
});
