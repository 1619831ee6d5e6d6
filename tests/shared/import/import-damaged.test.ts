// Damaged and foreign inputs: what cannot be read is reported by section and cell and left blank; the
// rest of the report still comes through; a text that is not a report is refused.
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../shared/formats/index';
import { guessAgencyLevel, importReportText, type ImportProblem } from '../../../shared/import/index';
import { numbered2019, pingtan, seedText } from './fixtures';
import { renderReportText, type RenderOptions, type TextStyle } from './render-report-text';

function read(text: string, opts = {}) {
  const result = importReportText(text, opts);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const pingtanText = (style: TextStyle, extra: Partial<RenderOptions> = {}) => renderReportText(pingtan, { style, preamble: true, ...extra });
const rowKeys = (row: string) => formatModel('2021').keysByTable.t3.filter((k) => k.startsWith(`t3.${row}.`));
const problemsAt = (problems: ImportProblem[], key: string) => problems.filter((p) => p.key === key || p.cells?.includes(key));

describe('a missing table row', () => {
  it.each(['flattened', 'tabs'] as TextStyle[])('%s: names the row, leaves it blank, reads the rows after it', (style) => {
    const keys = rowKeys('notProcessed.duplicates');
    const { doc, problems } = read(pingtanText(style, { omit: [...keys, 'LABEL'] }).replace(/^.*2\.重复申请.*\n/m, ''));
    for (const key of keys) expect(doc.cells[key]).toBeNull();
    const missing = problemsAt(problems, keys[0]!);
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ place: 't3', cells: keys });
    expect(missing[0]!.message).toContain('表三中没有找到“2.重复申请”行');
    // The neighbours keep their own numbers.
    for (const key of [...rowKeys('notProcessed.petitions'), ...rowKeys('notProcessed.publications')]) expect(doc.cells[key], key).toBe(pingtan.cells[key]);
  });
});

describe('cells that are not numbers', () => {
  it('a word in a cell: that cell blank and named, the rest of the row read', () => {
    const { doc, problems } = read(pingtanText('flattened', { overrides: { 't3.granted.natural': '二十一' } }));
    expect(doc.cells['t3.granted.natural']).toBeNull();
    expect(doc.cells['t3.granted.total']).toBe(21);
    const [p] = problemsAt(problems, 't3.granted.natural');
    expect(p).toMatchObject({ place: 't3', key: 't3.granted.natural' });
    expect(p!.message).toContain('表三“（一）予以公开”行“自然人”列');
    expect(p!.message).toContain('“二十一”不是数字');
  });

  it('“/” and “—” are blank, not 0, and reported', () => {
    const { doc, problems } = read(pingtanText('tabs', { overrides: { 't4.review.pending': '/', 't2.penalties.decisions': '—' } }));
    expect(doc.cells['t4.review.pending']).toBeNull();
    expect(doc.cells['t2.penalties.decisions']).toBeNull();
    expect(problemsAt(problems, 't4.review.pending')[0]!.message).toMatch(/表四“行政复议”栏“尚未审结”：原文为“\/”，不当作 0/);
    expect(problemsAt(problems, 't2.penalties.decisions')[0]).toMatchObject({ place: 't2' });
  });

  it('a row with one number missing is left blank as a whole, never shifted', () => {
    const keys = rowKeys('received');
    const { doc, problems } = read(pingtanText('flattened', { omit: ['t3.received.research'] }));
    for (const key of keys) expect(doc.cells[key]).toBeNull();
    const [p] = problemsAt(problems, keys[0]!);
    expect(p!.message).toContain('应有 7 个数，读到 6 个');
    expect(doc.cells['t3.carriedIn.natural']).toBe(1);
  });

  it('a row with an extra number is left blank as a whole', () => {
    const { doc, problems } = read(pingtanText('tabs', { overrides: { 't3.granted.research': '0\t5' } }));
    expect(doc.cells['t3.granted.natural']).toBeNull();
    expect(problemsAt(problems, 't3.granted.natural')[0]!.message).toContain('读到 8 个');
  });

  it('signs and full-width forms: 本年增/减 may be negative, a negative count is kept as printed and refused', () => {
    const input = numbered2019();
    const { doc, problems } = read(renderReportText(input, { style: 'flattened', overrides: { 't2.licensing.change': '－３', 't3.received.natural': '-3', 't2.procurement.amount': '1,234.5' } }));
    expect(doc.cells['t2.licensing.change']).toBe(-3);
    expect(doc.cells['t2.procurement.amount']).toBe(1234.5);
    // Never read as a number the cell cannot hold: kept as printed, as a refused entry (cell.invalid).
    expect(doc.cells['t3.received.natural']).toBeNull();
    expect(doc.invalidCells).toEqual({ 't3.received.natural': '-3' });
    expect(problems.filter((p) => p.key).map((p) => p.key)).toEqual(['t3.received.natural']);
    expect(problems.find((p) => p.key)!.message).toContain('不能为负数');
    // The printed 总计 cannot be checked while a part is refused: kept as printed, table switched to typed totals.
    expect(problems.find((p) => !p.key)).toMatchObject({ place: 't3', cells: ['t3.received.total'] });
    expect(doc.settings?.typedTotals).toEqual(['t3']);
  });
});

describe('labels as real reports misspell them', () => {
  it('a misspelt row label is read by position and reported', () => {
    const text = pingtanText('flattened').replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
    const { doc, problems } = read(text);
    for (const key of rowKeys('withheld.prohibitedByLaw')) expect(doc.cells[key]).toBe(pingtan.cells[key]);
    const [p] = problemsAt(problems, 't3.withheld.prohibitedByLaw.natural');
    expect(p!.message).toContain('“2.其他法律行政止公开”与格式中的“2.其他法律行政法规禁止公开”不完全一致');
  });
});

describe('a truncated text', () => {
  it('keeps what came before, reports the rows, tables and sections that are missing', () => {
    const full = pingtanText('flattened');
    const text = full.slice(0, full.indexOf('\t1.本机关不掌握相关政府信息'));
    const { doc, problems } = read(text);
    expect(doc.cells['t3.withheld.processInformation.natural']).toBe(2);
    expect(doc.cells['t3.unavailable.notHeld.natural']).toBeNull();
    expect(problems.find((p) => p.place === 'meta' && p.message.includes('中途结束'))!.message).toContain('最后读到“8.属于行政查询事项”行');
    expect(problemsAt(problems, 't3.unavailable.notHeld.natural')[0]!.message).toContain('没有找到“1.本机关不掌握相关政府信息”行');
    expect(problems.find((p) => p.place === 't4')!.message).toContain('没有找到“四、政府信息公开行政复议、行政诉讼情况”');
    expect(problems.find((p) => p.place === 't4')!.cells).toHaveLength(15);
    expect(problems.filter((p) => p.place === 'problems' || p.place === 'other')).toHaveLength(2);
    expect(doc.sections.problems).toBe('');
  });
});

describe('texts that are not a report', () => {
  it.each([
    ['English', 'Annual Report on Government Information Disclosure 2022\n\nI. Overview\nIn 2022 the county received 21 requests.\n\nII. Proactive disclosure\n\tRules\t0\t0\t0\n'],
    ['a Chinese article', '今天天气很好。\n我们去公园散步，看见很多人在跑步。\n一、二、三，大家一起喊口号。'],
    ['an empty text', ''],
  ])('%s is refused with a Chinese message', (_name, text) => {
    const result = importReportText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('不像政府信息公开工作年度报告');
  });

  it('a title alone is refused', () => {
    const result = importReportText('2019年黄金镇政府信息公开工作年度报告\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('只找到标题');
  });
});

describe('title, year and format', () => {
  it('a report without a title takes its year from the statistics period and says so', () => {
    const text = pingtanText('tabs').replace(pingtan.title, '');
    const { doc, problems } = read(text);
    expect(doc.year).toBe(2022);
    expect(doc.agency.name).toBe('');
    expect(problems.filter((p) => p.place === 'meta').map((p) => p.message).join('\n')).toMatch(/没有找到报告标题[\s\S]*统计时限定为 2022 年[\s\S]*读不出机关名称/);
  });

  it('without title or statistics period the year must be given', () => {
    const text = seedText.replace('2019年黄金镇政府信息公开工作年度报告', '');
    const refused = importReportText(text);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain('读不出报告年度');
    expect(read(text, { year: 2019, agencyName: '黄金镇' }).doc.cells['t2.normativeDocs.made']).toBe(211);
  });

  it('a 2022 report in the 2019 layout is read in the layout of its tables, and reported', () => {
    const { doc, problems } = read(seedText.replace('2019年黄金镇', '2022年黄金镇'));
    expect(doc.year).toBe(2022);
    expect(doc.format).toBe('2019');
    expect(doc.cells['t3.other.natural']).toBe(0);
    expect(problems[0]!.message).toContain('报告年度 2022 应使用 2021 年格式，但文本中表三的行是 2019 年格式');
  });

  it('a 2020 report in the 2021 layout likewise', () => {
    const { doc, problems } = read(pingtanText('spaces').replace(pingtan.title, '平潭综合实验区2020年度政府信息公开工作年度报告'));
    expect(doc.format).toBe('2021');
    expect(doc.cells['t3.other.noCorrection.natural']).toBe(2);
    expect(problems.some((p) => p.message.includes('应使用 2019 年格式'))).toBe(true);
  });

  it('guesses the level only when the name shows it', () => {
    expect(guessAgencyLevel('黄金镇')).toBe('乡镇');
    expect(guessAgencyLevel('某某街道办事处')).toBe('乡镇');
    expect(guessAgencyLevel('某某县人民政府')).toBe('县级');
    expect(guessAgencyLevel('成都市武侯区人民政府')).toBe('县级');
    expect(guessAgencyLevel('某某县教育局')).toBe('县级');
    expect(guessAgencyLevel('某某自治县人民政府')).toBe('县级');
    expect(guessAgencyLevel('四川省人民政府')).toBe('省级');
    expect(guessAgencyLevel('四川省教育厅')).toBe('省级');
    expect(guessAgencyLevel('新疆维吾尔自治区人民政府')).toBe('省级');
    expect(guessAgencyLevel('平潭综合实验区')).toBeUndefined();
    expect(guessAgencyLevel('镇江市人民政府')).toBeUndefined();
    expect(guessAgencyLevel('某某市教育局')).toBeUndefined();
  });
});
