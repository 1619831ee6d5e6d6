import { describe, expect, it } from 'vitest';
import { getFormat } from '../../../shared/formats/index';
import { findSections, findTitle } from '../../../shared/import/outline';

const SECTIONS = getFormat('2021').sections;

describe('findTitle', () => {
  it('reads the year and the agency from a one-line title', () => {
    expect(findTitle(['2019年黄金镇政府信息公开工作年度报告', '一、总体情况'], 1)).toEqual({
      line: 0,
      lastLine: 0,
      year: 2019,
      agency: '黄金镇',
      text: '2019年黄金镇政府信息公开工作年度报告',
    });
    expect(findTitle(['平潭综合实验区2022年度政府信息公开工作年度报告'], 1)).toMatchObject({ year: 2022, agency: '平潭综合实验区' });
  });

  it('reads full-width digits, a year in Chinese numerals and a web page’s field name', () => {
    expect(findTitle(['　　２０２３年某某县政府信息公开工作年度报告'], 1)).toMatchObject({ year: 2023, agency: '某某县' });
    expect(findTitle(['二〇二二年某某镇政府信息公开工作年度报告'], 1)).toMatchObject({ year: 2022, agency: '某某镇' });
    expect(findTitle(['标题：某某县人民政府2024年政府信息公开工作年度报告'], 1)).toMatchObject({ year: 2024, agency: '某某县人民政府' });
  });

  it('joins a title broken over two lines, also across a blank line', () => {
    expect(findTitle(['2019年黄金镇政府信息公开', '工作年度报告'], 2)).toMatchObject({ line: 0, lastLine: 1, year: 2019, agency: '黄金镇' });
    expect(findTitle(['黄金镇人民政府', '', '2019年政府信息公开工作年度报告'], 3)).toMatchObject({ line: 0, lastLine: 2, year: 2019, agency: '黄金镇人民政府' });
    expect(findTitle(['2019年政府信息公开工作年度报告', '黄金镇人民政府'], 2)).toMatchObject({ line: 0, lastLine: 1, year: 2019, agency: '黄金镇人民政府' });
  });

  it('finds the report named in a sentence of the preamble, which stays report text', () => {
    const title = findTitle(['根据《条例》要求，特编制黄金镇2019年政府信息公开工作年度报告。'], 1);
    expect(title).toMatchObject({ line: 0, inSentence: true, year: 2019, agency: '黄金镇' });
    expect(title!.lastLine).toBeLessThan(title!.line);
  });

  it('looks only before the given line, and refuses years outside the range reports exist in', () => {
    expect(findTitle(['一、总体情况', '2019年黄金镇政府信息公开工作年度报告'], 1)).toBeUndefined();
    expect(findTitle(['2007年某某县政府信息公开工作年度报告'], 1)).toBeUndefined();
    expect(findTitle(['2008年某某县政府信息公开工作年度报告'], 1)).toMatchObject({ year: 2008 });
    expect(findTitle([], 5)).toBeUndefined();
  });
});

describe('findSections', () => {
  it('finds the six headings in order, with text that followed a heading on its line', () => {
    const lines = [
      '2024年某某县政府信息公开工作年度报告',
      '一、总体情况',
      '本机关依法公开。',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况：一是公开不够及时。',
      '六、其他需要报告的事项',
    ];
    expect(findSections(lines, SECTIONS)).toEqual([
      { index: 0, line: 1, rest: '' },
      { index: 1, line: 3, rest: '' },
      { index: 2, line: 4, rest: '' },
      { index: 3, line: 5, rest: '' },
      { index: 4, line: 6, rest: '一是公开不够及时。' },
      { index: 5, line: 7, rest: '' },
    ]);
  });

  it('recognises headings by numeral and key word despite typos, spacing and full-width forms', () => {
    const lines = ['一．总体概述', '二 主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政法复议、行政诉讼情况', '五、存在问题', '六、其他事项'];
    expect(findSections(lines, SECTIONS).map((s) => s?.line)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('does not take a sentence that starts with a numeral for a heading', () => {
    const lines = ['一、总体情况', '二是主动公开工作扎实推进。', '三 是依申请公开更加规范', '二、主动公开政府信息情况'];
    expect(findSections(lines, SECTIONS).slice(0, 3)).toEqual([{ index: 0, line: 0, rest: '' }, { index: 1, line: 3, rest: '' }, undefined]);
  });

  it('finds a section renumbered under another numeral only when its wording is plain', () => {
    const lines = ['一、总体情况', '二、机构建设', '三、主动公开政府信息情况', '四、收到和处理政府信息公开申请情况'];
    expect(findSections(lines, SECTIONS).slice(0, 3).map((s) => s?.line)).toEqual([0, 2, 3]);
  });

  it('leaves a missing section undefined and keeps looking for the next', () => {
    const found = findSections(['一、总体情况', '六、其他需要报告的事项'], SECTIONS);
    expect(found).toEqual([{ index: 0, line: 0, rest: '' }, undefined, undefined, undefined, undefined, { index: 5, line: 1, rest: '' }]);
  });
});
