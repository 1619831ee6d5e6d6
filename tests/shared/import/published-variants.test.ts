// Variants of real published report texts beyond the shape of their tables: sections numbered
// differently, titles inside sentences or missing, the agency's level read from its name, digits run
// together. Each cell comes back exactly, or stays blank and is reported — never guessed.
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../shared/formats/index';
import { tableRowLabels } from '../../../shared/formats/label-match';
import { importReportText } from '../../../shared/import/index';
import { tokenize } from '../../../shared/import/table-tokens';
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

describe('the title as published', () => {
  const body = renderReportText(pingtan, { style: 'tabs' }).replace(pingtan.title, '');

  it('inside a sentence: year and agency from it, the sentence stays the first paragraph of 一', () => {
    const sentence = '根据《中华人民共和国政府信息公开条例》规定，特编制平潭综合实验区2022年政府信息公开工作年度报告。';
    const { doc, problems } = read(`${sentence}\n${body}`);
    expect(doc.year).toBe(2022);
    expect(doc.agency.name).toBe('平潭综合实验区');
    expect(doc.sections.overview.split('\n')[0]).toBe(sentence);
    expect(problems.some((p) => p.message.includes('标题之前'))).toBe(false);
  });

  it('a sentence naming the year only (“现将2020年政府信息公开工作报告如下”): the year, no agency — asked for', () => {
    const { doc, problems } = read(`现将2020年政府信息公开工作报告如下：\n${body}`.replace(/2022/g, '2020'));
    expect(doc.year).toBe(2020);
    expect(doc.agency.name).toBe('');
    expect(problems.some((p) => p.message.includes('读不出机关名称'))).toBe(true);
  });

  it('“标题：” before the title is not part of the agency', () => {
    const { doc } = read(`标题：${pingtan.title}\n${body}`);
    expect(doc.agency.name).toBe('平潭综合实验区');
  });

  it('no title and no year anywhere: not refused for good — the importer asks for the year, and reads everything once given', () => {
    const untitled = body.replace(/2022年/g, '本年');
    const refused = importReportText(untitled);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.needsYear).toBe(true);
    expect(refused.message).toContain('请指定报告年度和机关名称');
    const { doc, problems } = read(untitled, { year: 2022, agencyName: '平潭综合实验区' });
    // The notes say what was given, not to check it again.
    const notes = problems.filter((p) => p.place === 'meta').map((p) => p.message);
    expect(notes).toContain('没有找到报告标题，年度（2022 年）和机关名称（平潭综合实验区）按指定填写。');
    expect(notes.join('\n')).not.toContain('请核对');
    expect(doc.year).toBe(2022);
    expect(doc.agency.name).toBe('平潭综合实验区');
    for (const [key, value] of Object.entries(pingtan.cells)) expect(doc.cells[key], key).toBe(value);
  });
});

describe('the agency’s level from its name', () => {
  const levelOf = (agency: string) => {
    const { doc, problems } = read(seedText.replace('2019年黄金镇政府信息公开工作年度报告', `2019年${agency}政府信息公开工作年度报告`));
    return { level: doc.agency.level, note: problems.find((p) => p.message.includes('机关层级'))?.message };
  };

  it('a city government is proposed as 设区的市级, never 乡镇, and the user is asked to confirm', () => {
    const { level, note } = levelOf('孝感市人民政府办公室');
    expect(level).toBe('设区的市级');
    expect(note).toContain('县级市请改为“县级”');
  });

  it('a municipality directly under the central government is provincial; its districts are counties', () => {
    expect(levelOf('上海市人民政府办公厅')).toEqual({ level: '省级', note: undefined });
    expect(levelOf('上海市浦东新区人民政府')).toEqual({ level: '县级', note: undefined });
  });

  it('the lowest unit named decides the proposal: a county bureau in a city', () => {
    expect(levelOf('孝感市孝昌县民政局').level).toBe('县级');
    expect(levelOf('黄金镇').level).toBe('乡镇');
  });
});

describe('digits run together', () => {
  const tabs = renderReportText(pingtan, { style: 'tabs' });
  const withReceived = (run: string) => tabs.replace(/(一、本年新收政府信息公开申请数量)(\t[^\t\n]*)+/, `$1\t${run}`);

  it('“15130000154” in a row of 7 cells: the row sum leaves one reading — read, and said to be recovered', () => {
    const text = withReceived('15130000154');
    expect(text).toContain('一、本年新收政府信息公开申请数量\t15130000154\n');
    const { doc, problems } = read(text);
    const keys = ['natural', 'commercial', 'research', 'publicInterest', 'legalServices', 'otherOrg', 'total'].map((c) => `t3.received.${c}`);
    expect(keys.map((k) => doc.cells[k])).toEqual([151, 3, 0, 0, 0, 0, 154]);
    const note = problems.find((p) => p.key === 't3.received.natural');
    expect(note?.message).toContain('数字连在一起（“15130000154”）');
    expect(note?.message).toContain('只有一种拆法：151、3、0、0、0、0、154，已按此读入');
  });

  it('several readings fit the row sum (“110001012”: 1,1,0,0,0,10,12 or 11,0,0,0,1,0,12 …): the row stays blank and says so', () => {
    const { doc, problems } = read(withReceived('110001012'));
    expect(doc.cells['t3.received.natural']).toBeNull();
    expect(doc.cells['t3.received.total']).toBeNull();
    expect(problems.find((p) => p.key === 't3.received.natural')?.message).toContain('有 3 种拆法都符合行中的合计，无法确定各格，整行留空');
  });

  it('a run no reading of which adds up is not cut; a row merely missing a number is not taken for a run', () => {
    expect(read(withReceived('1111000013')).doc.cells['t3.received.natural']).toBeNull();
    const missing = read(withReceived('71\t3\t0\t0\t0\t74'));
    expect(missing.doc.cells['t3.received.natural']).toBeNull();
    expect(missing.problems.find((p) => p.key === 't3.received.natural')?.message).toContain('应有 7 个数，读到 6 个');
  });

  it('a table-2 row has no sum: only one digit a cell is a single reading (“000”), anything longer is left blank', () => {
    const zeros = read(tabs.replace(/规章(\t[^\t\n]*)+/, '规章\t000'));
    expect(['issued', 'repealed', 'inForce'].map((c) => zeros.doc.cells[`t2.regulations.${c}`])).toEqual([0, 0, 0]);
    const longer = read(tabs.replace(/行政规范性文件(\t[^\t\n]*)+/, '行政规范性文件\t8855698'));
    expect(longer.doc.cells['t2.normativeDocs.issued']).toBeNull();
  });

  it('table 4 run together: each group’s 总计 decides', () => {
    const text = tabs.replace(/\n0\t1\t1\t0\t2\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0/, '\n011021000100000');
    expect(text).toContain('011021000100000');
    const { doc } = read(text);
    expect(doc.cells['t4.review.total']).toBe(2);
    expect(doc.cells['t4.suitDirect.upheld']).toBe(1);
  });
});

describe('pdftotext without -layout: labels and numbers apart', () => {
  const t3Keys = formatModel('2021').keysByTable.t3;
  const t3Labels = tableRowLabels('2021', 't3').map((r) => r.labels.at(-1)!);
  /** Table 3 as pdftotext without -layout may write it: the header, then every label, then the numbers
   *  one a line in the table's order; table 4's header words between its figures. */
  const apart = (numbers: (number | string)[], t4: string[]) =>
    renderReportText(pingtan, { style: 'tabs' })
      .replace(/三、收到和处理政府信息公开申请情况[\s\S]*?(?=四、政府信息公开行政复议)/, `三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n法人或其他组织\n总计\n${t3Labels.join('\n')}\n${numbers.join('\n')}\n`)
      .replace(/四、政府信息公开行政复议、行政诉讼情况[\s\S]*?(?=五、存在)/, `四、政府信息公开行政复议、行政诉讼情况\n${t4.join('\n')}\n`);
  const t4Interleaved = ['行政复议', '结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉', '行政诉讼 复议后起诉', '0', '1', '1', '0', '结果维持 结果纠正 其他结果 尚未审结', '总计', '2', '1', '0', '0', '0', '1', '结果维持 结果纠正 其他结果 尚未审结 总计', '0', '0', '0', '0', '0'];

  it('numbers exactly as many as the cells, every sum holding: read in the table’s order, and said so', () => {
    const { doc, problems } = read(apart(t3Keys.map((k) => pingtan.cells[k]!), t4Interleaved));
    for (const [key, value] of Object.entries(pingtan.cells)) expect(doc.cells[key], key).toBe(value);
    expect(problems.find((p) => p.place === 't3')?.message).toContain('已按表格顺序逐行读入其中的 175 个数');
    expect(problems.find((p) => p.place === 't4')?.message).toContain('表四的表头与数字在文本中错开');
  });

  it('two numbers out of order break a sum: nothing is read in order, the unplaced rows stay blank', () => {
    const numbers = t3Keys.map((k) => pingtan.cells[k]!);
    [numbers[0], numbers[1]] = [numbers[1]!, numbers[0]!]; // 71 and 3 of 一、本年新收
    const { doc } = read(apart(numbers, t4Interleaved));
    expect(doc.cells['t3.received.natural']).toBeNull();
    expect(doc.cells['t3.received.commercial']).toBeNull();
    expect(Object.entries(doc.cells).filter(([k, v]) => k.startsWith('t3.') && v !== null && v !== pingtan.cells[k])).toEqual([]);
  });

  it('one number short: not read in order', () => {
    const { doc } = read(apart(t3Keys.slice(1).map((k) => pingtan.cells[k]!), t4Interleaved));
    expect(doc.cells['t3.granted.natural']).toBeNull();
  });
});

describe('a hostile run of digits', () => {
  it('table 4 as three runs of fifteen digits (billions of cuts): given up, the row blank', () => {
    const runs = Array.from({ length: 3 }, () => '123456789012345').join('\t');
    const text = renderReportText(pingtan, { style: 'tabs' }).replace(/\n0\t1\t1\t0\t2\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0/, `\n${runs}`);
    expect(text).toContain(runs);
    const { doc, problems } = read(text);
    expect(doc.cells['t4.review.upheld']).toBeNull();
    expect(problems.find((p) => p.key === 't4.review.upheld')?.message).toContain('拆法太多');
  });
});

describe('cells run together with their label (a crawled page without spaces in the tables)', () => {
  const tabs = renderReportText(pingtan, { style: 'tabs' });

  it('“规章000”, “…申请数量713000074二、上年结转…1000001”: labels and numbers cut apart, the runs read by the row sums', () => {
    const text = tabs
      .replace(/\n规章(\t[^\t\n]*)+/, '\n规章000')
      .replace(/一、本年新收政府信息公开申请数量(\t[^\t\n]*)+\n(\t)*二、上年结转政府信息公开申请数量(\t[^\t\n]*)+/, '一、本年新收政府信息公开申请数量713000074二、上年结转政府信息公开申请数量1000001');
    expect(text).toContain('申请数量713000074二、上年结转政府信息公开申请数量1000001');
    const { doc } = read(text);
    expect(['issued', 'repealed', 'inForce'].map((c) => doc.cells[`t2.regulations.${c}`])).toEqual([0, 0, 0]);
    expect(doc.cells['t3.received.natural']).toBe(71);
    expect(doc.cells['t3.received.total']).toBe(74);
    expect(doc.cells['t3.carriedIn.total']).toBe(1);
  });

  it('a year or a count with its unit stays whole (“2019年”, “3件”); a list number begins the next label (“…92.其他” → …9 | 2.其他)', () => {
    const tokens = tokenize(['（指2019年事项数） 3件', '情形）81000092.其他法律行政法规禁止公开'], 0, 2);
    expect(tokens.filter((t) => t.kind === 'number').map((t) => t.text)).toEqual(['3件', '8100009']);
    expect(tokens.some((t) => t.kind === 'text' && t.text.startsWith('2.其他法律'))).toBe(true);
  });
});

describe('digits run together: the column balances decide between the row’s readings', () => {
  // A 2021 report: 12 applications (1 natural person, 10 companies, 1 law firm), all granted.
  const cells: Record<string, number> = Object.fromEntries(formatModel('2021').cells.map((c) => [c.key, 0]));
  const twelve = [1, 10, 0, 0, 1, 0, 12];
  const columns = ['natural', 'commercial', 'research', 'publicInterest', 'legalServices', 'otherOrg', 'total'];
  for (const row of ['received', 'granted', 'resultsTotal']) columns.forEach((c, i) => (cells[`t3.${row}.${c}`] = twelve[i]!));
  const report = { ...pingtan, cells };

  it('“110001012” fits the row sum three ways; 一 + 二 = 三 + 四 column by column leaves one — read, and said so', () => {
    const text = renderReportText(report, { style: 'tabs' }).replace(/(一、本年新收政府信息公开申请数量)(\t[^\t\n]*)+/, '$1\t110001012');
    const { doc, problems } = read(text);
    expect(columns.map((c) => doc.cells[`t3.received.${c}`])).toEqual(twelve);
    const note = problems.find((p) => p.key === 't3.received.natural')?.message;
    expect(note).toContain('行合计允许 3 种拆法，加上各列的合计与勾稽关系只剩一种：1、10、0、0、1、0、12');
    expect(problems.some((p) => p.message.includes('无法确定各格'))).toBe(false);
  });

  it('one decided row decides the next: （七）总计 by the outcomes’ column sums, then 一 by the balance', () => {
    const text = renderReportText(report, { style: 'tabs' })
      .replace(/(一、本年新收政府信息公开申请数量)(\t[^\t\n]*)+/, '$1\t110001012')
      .replace(/(（七）总计)(\t[^\t\n]*)+/, '$1\t110001012');
    const { doc } = read(text);
    expect(columns.map((c) => doc.cells[`t3.received.${c}`])).toEqual(twelve);
    expect(columns.map((c) => doc.cells[`t3.resultsTotal.${c}`])).toEqual(twelve);
  });

  it('when every row a relation needs is itself undecided, nothing is decided', () => {
    const text = renderReportText(report, { style: 'tabs' })
      .replace(/(一、本年新收政府信息公开申请数量)(\t[^\t\n]*)+/, '$1\t110001012')
      .replace(/(（一）予以公开)(\t[^\t\n]*)+/, '$1\t110001012')
      .replace(/(（七）总计)(\t[^\t\n]*)+/, '$1\t110001012');
    const { doc } = read(text);
    for (const row of ['received', 'granted', 'resultsTotal']) expect(doc.cells[`t3.${row}.natural`], row).toBeNull();
  });
});
