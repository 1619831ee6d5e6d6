// Variants of published reports as clerks paste them: a title broken over two lines, section headings
// whose number is set off by a space or a comma instead of 、, narrative on the heading's line, and a
// cell holding two numbers separated by a space. Every cell comes back or is reported, never guessed.
import { describe, expect, it } from 'vitest';
import { importReportText } from '../../../shared/import/index';
import { numbered2019, pingtan, seedText } from './fixtures';
import { renderReportText, type TextStyle } from './render-report-text';

function read(text: string) {
  const result = importReportText(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const SEED_TITLE = '2019年黄金镇政府信息公开工作年度报告';
const seed = read(seedText);

describe('a title broken over two lines', () => {
  it.each([
    ['after 政府信息公开', '2019年黄金镇政府信息公开\n工作年度报告', '黄金镇'],
    ['after the agency, with a blank line', '2019年黄金镇\n\n政府信息公开工作年度报告', '黄金镇'],
    ['the body named on the line above', '黄金镇人民政府\n2019年政府信息公开工作年度报告', '黄金镇人民政府'],
    ['the body named on the line below', '2019年政府信息公开工作年度报告\n黄金镇人民政府', '黄金镇人民政府'],
  ])('%s: year, agency and the whole overview come back', (_name, title, agency) => {
    const { doc, problems } = read(seedText.replace(SEED_TITLE, title));
    expect(doc.year).toBe(2019);
    expect(doc.agency.name).toBe(agency);
    expect(doc.sections.overview).toBe(seed.doc.sections.overview);
    expect(doc.cells).toEqual(seed.doc.cells);
    expect(problems.filter((p) => p.place === 'meta')).toEqual([]);
  });

  it('a long name: the title over three lines, as the exporter balances it', () => {
    const title = '2019年福建省平潭综合实验区管理\n委员会经济发展局行政审批和公共服\n务中心政府信息公开工作年度报告';
    const { doc, problems } = read(seedText.replace(SEED_TITLE, title));
    expect(doc.year).toBe(2019);
    expect(doc.agency.name).toBe('福建省平潭综合实验区管理委员会经济发展局行政审批和公共服务中心');
    expect(doc.sections.overview).toBe(seed.doc.sections.overview);
    // Only the level is left to the user; nothing about the title.
    expect(problems.filter((p) => p.place === 'meta').map((p) => p.message)).toEqual([expect.stringContaining('看不出机关层级')]);
  });

  it('a line that is not part of the title stays out of it and is reported', () => {
    for (const above of ['首页', '发布时间：2020-01-15']) {
      const { doc, problems } = read(seedText.replace(SEED_TITLE, `${above}\n${SEED_TITLE}`));
      expect(doc.agency.name).toBe('黄金镇');
      expect(problems.some((p) => p.place === 'meta' && p.message.includes('标题之前的文字未导入'))).toBe(true);
    }
  });

  it('a sentence below a title without agency is not taken for the agency', () => {
    const { doc, problems } = read(seedText.replace(SEED_TITLE, '2019年政府信息公开工作年度报告'));
    expect(doc.agency.name).toBe('');
    expect(doc.sections.overview).toBe(seed.doc.sections.overview);
    expect(problems.some((p) => p.message.includes('读不出机关名称'))).toBe(true);
  });
});

describe('section headings with another separator', () => {
  it.each([
    ['二 主动公开政府信息情况'],
    ['二　主动公开政府信息情况'],
    ['二,主动公开政府信息情况'],
    ['二，主动公开政府信息情况'],
  ])('“%s”: table 2 is read, the overview keeps only its own text', (heading) => {
    const { doc, problems } = read(seedText.replace('二、主动公开政府信息情况', heading));
    expect(doc.cells).toEqual(seed.doc.cells);
    expect(doc.sections.overview).toBe(seed.doc.sections.overview);
    expect(problems).toEqual(seed.problems);
  });

  it('“三 …” and “四 …” with a space: tables 3 and 4 are read', () => {
    const text = seedText.replace('三、收到和处理', '三 收到和处理').replace('四、政府信息公开行政复议', '四 政府信息公开行政复议');
    const { doc, problems } = read(text);
    expect(doc.cells).toEqual(seed.doc.cells);
    expect(problems).toEqual(seed.problems);
  });

  it('a sentence opened by a numeral and a space (“六 是其他事项…”) is not taken for a heading', () => {
    // The seed has no section 六: a sentence in 五 that looks like its heading must stay in 五.
    const text = seedText.replace('4.信息公开的工作人员的业务素质', '六 是其他事项也要加强。\n4.信息公开的工作人员的业务素质');
    const { doc } = read(text);
    expect(doc.sections.problems).toContain('六 是其他事项也要加强。\n4.信息公开的工作人员的业务素质');
    expect(doc.sections.other).toBe('');
  });

  it('narrative on the heading’s line is kept, without the colon or stop that ended the heading', () => {
    const problemsText = (heading: string) => read(seedText.replace('五、存在的主要问题及改进情况', heading)).doc.sections.problems;
    const original = seed.doc.sections.problems;
    expect(problemsText('五、存在的主要问题及改进情况：')).toBe(original);
    expect(problemsText('五 存在的主要问题及改进情况 我镇问题如下。')).toBe(`我镇问题如下。\n${original}`);
    expect(problemsText('五、存在的主要问题及改进情况。我镇问题如下。')).toBe(`我镇问题如下。\n${original}`);
  });
});

describe('a cell with a space inside the number', () => {
  it('“1 2” in one cell is not read as 12: that cell is blank and reported, its neighbours read', () => {
    const text = renderReportText(pingtan, { style: 'flattened', overrides: { 't3.granted.natural': '2 1' } });
    const { doc, problems } = read(text);
    expect(doc.cells['t3.granted.natural']).toBeNull();
    expect(doc.cells['t3.granted.commercial']).toBe(pingtan.cells['t3.granted.commercial']);
    const reported = problems.find((p) => p.key === 't3.granted.natural');
    expect(reported?.message).toContain('“2 1”不是数字');
  });

  it('a space after the sign is still a signed number (本年增/减 “－ 3”)', () => {
    const { doc } = read(seedText.replace(/(行政许可\n\t)　0(\n\t)　0/, '$1　5$2－ 3'));
    expect(doc.cells['t2.licensing.lastYearItems']).toBe(5);
    expect(doc.cells['t2.licensing.change']).toBe(-3);
  });
});

describe('printed totals next to rows that could not be read', () => {
  it('are kept as typed totals and reported as not checkable, not as wrong', () => {
    // One number missing in 1.本机关不掌握相关政府信息 (37 applications): that row is left blank, so the totals above it no longer add up.
    const text = renderReportText(pingtan, { style: 'flattened', omit: ['t3.unavailable.notHeld.research'] });
    const { doc, problems } = read(text);
    expect(doc.cells['t3.unavailable.notHeld.natural']).toBeNull();
    expect(doc.settings?.typedTotals).toEqual(['t3']);
    const t3 = problems.filter((p) => p.place === 't3' && p.message.includes('手填总计'));
    expect(t3.map((p) => p.message)).toEqual([expect.stringContaining('因部分分项没有读出而无法核对')]);
    expect(t3[0]!.cells).toContain('t3.resultsTotal.total');
  });

  it('a total that really disagrees with its read parts is still called so', () => {
    const cells = { ...pingtan.cells, 't3.granted.total': 99 };
    const { problems } = read(renderReportText({ ...pingtan, cells }, { style: 'flattened' }));
    const t3 = problems.filter((p) => p.place === 't3' && p.message.includes('手填总计'));
    expect(t3.map((p) => p.message)).toEqual([expect.stringContaining('1 个印刷的总计与分项之和不一致')]);
  });
});

describe('numbers written with their unit', () => {
  it.each(['flattened', 'tabs', 'spaces'] as TextStyle[])('%s: “10690件” and “9116.36万元” (the header’s unit) are read', (style) => {
    const overrides = { 't2.licensing.decisions': '10690件', 't3.granted.natural': '21件', 't2.fees.amount': '9116.36万元' };
    const { doc, problems } = read(renderReportText(pingtan, { style, overrides }));
    for (const key of Object.keys(overrides)) {
      expect(doc.cells[key], key).toBe(pingtan.cells[key]);
      expect(problems.filter((p) => p.key === key || p.cells?.includes(key)), key).toEqual([]);
    }
    expect(doc.cells['t2.fees.amount']).toBe(9116.36);
  });

  it('a unit that does not fit the cell leaves it blank and says why; 元 is not converted to 万元', () => {
    const overrides = { 't2.fees.amount': '1,234.5元', 't2.penalties.decisions': '3万元', 't4.review.upheld': '1件' };
    const { doc, problems } = read(renderReportText(pingtan, { style: 'flattened', overrides }));
    expect(doc.cells['t2.fees.amount']).toBeNull();
    expect(doc.cells['t2.penalties.decisions']).toBeNull();
    expect(doc.cells['t4.review.upheld']).toBe(1);
    const about = (key: string) => problems.find((p) => p.key === key)?.message;
    expect(about('t2.fees.amount')).toContain('原文“1,234.5元”的单位是元，而表中金额以万元计，没有换算，已留空');
    expect(about('t2.penalties.decisions')).toContain('原文“3万元”带金额单位，不是件数，已留空');
  });

  it('2019 采购总金额 written with 万元: read, and the report’s procurement unit set to it', () => {
    const input = numbered2019();
    const { doc, problems } = read(renderReportText(input, { style: 'tabs', overrides: { 't2.procurement.amount': '1234.5678万元' } }));
    expect(doc.cells['t2.procurement.amount']).toBe(1234.5678);
    expect(doc.settings?.procurementUnit).toBe('万元');
    expect(problems.find((p) => p.key === 't2.procurement.amount')?.message).toContain('已把金额单位设为万元');
  });
});

describe('a text that is only table 3', () => {
  const table3 = (style: TextStyle) => {
    const text = renderReportText(pingtan, { style });
    const from = text.indexOf('三、收到和处理政府信息公开申请情况');
    const to = text.indexOf('四、政府信息公开行政复议');
    return text.slice(from, to).split('\n').slice(1).join('\n');
  };

  it.each(['flattened', 'tabs', 'spaces'] as TextStyle[])('%s, under a title: table 3 is read, the rest reported missing', (style) => {
    const { doc, problems } = read(`${pingtan.title}\n${table3(style)}`);
    expect(doc.year).toBe(2022);
    for (const [key, value] of Object.entries(pingtan.cells)) expect(doc.cells[key], key).toBe(key.startsWith('t3.') ? value : null);
    expect(problems.map((p) => p.message)).toContain('文本中只有表三，没有章节标题；已按“三、收到和处理政府信息公开申请情况”读入该表。');
    expect(problems.filter((p) => p.place === 't3')).toEqual([]);
  });

  it('without a title it needs the year, and says so; with --year it is read', () => {
    const result = importReportText(table3('tabs'));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('读不出报告年度') });
    const withYear = importReportText(table3('tabs'), { year: 2022 });
    expect(withYear.ok && withYear.doc.cells['t3.resultsTotal.total']).toBe(pingtan.cells['t3.resultsTotal.total']);
  });

  it('a few table words in ordinary text are not taken for a table', () => {
    const result = importReportText('2022年某某县人民政府政府信息公开工作年度报告\n本年度予以公开3件，部分公开1件。');
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('没有找到“一、总体情况”等任何章节') });
  });
});

describe('title wordings', () => {
  it.each([
    ['二〇一九年黄金镇政府信息公开工作年度报告', 2019, '黄金镇'],
    ['二零二二年度黄金镇政府信息公开工作年度报告', 2022, '黄金镇'],
    ['黄金镇人民政府关于2019年政府信息公开工作年度报告的公告', 2019, '黄金镇人民政府'],
    ['关于黄金镇2019年度政府信息公开工作年度报告', 2019, '黄金镇'],
  ])('“%s”: year %i, agency %s', (title, year, agency) => {
    const { doc } = read(seedText.replace(SEED_TITLE, title));
    expect(doc.year).toBe(year);
    expect(doc.agency.name).toBe(agency);
  });
});

describe('columns separated by spaces, cells written “　0”', () => {
  it('the column gap and the ideographic space before a number are one separator: no empty cell, no shift', () => {
    const text = renderReportText(pingtan, { style: 'spaces' });
    // Every number written as the seed writes its zeros, after the column gap of pdftotext -layout.
    const padded = text.replace(/( {2,})(\d)/g, '$1\u3000$2');
    expect(padded).toMatch(/ {2}\u30001/);
    const { doc, problems } = read(padded);
    expect(doc.cells).toEqual(pingtan.cells);
    expect(problems.filter((p) => p.place !== 'meta')).toEqual([]);
  });
});
