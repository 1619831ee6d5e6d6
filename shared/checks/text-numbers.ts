// text.numbers: a figure in the narrative that contradicts the table it describes. A confirm finding
// blocks the final export until explained, so this rule is deliberately conservative: it reads only
// plain sentences of the form “<keyword> … N件” about this year, and stays silent when in doubt.
//
// What is read (Arabic digits followed by 件; the words between keyword and number contain no digit,
// comma, 、 or sentence end, and none of the words that make a sub-count or a comparison):
//   received     收到/受理/接收/新收 …申请 N件    = received.total, or received.total + carriedIn.total
//                (“收到申请75件” often counts last year's carried-in applications too: pingtan-2022
//                 writes 75 for 74 received + 1 carried in)
//   resultsTotal 办结 … N件                      = resultsTotal.total
//   carriedIn    上年(度)结转 … N件               = carriedIn.total
//   carriedOver  结转 … N件 (not after 上年)       = carriedOver.total
//   review       行政复议 … N件                  = review.total
//   suits        行政诉讼 … N件                  = suitDirect.total + suitAfterReview.total (or either one)
//   normativeDocs 制发/制定/印发/出台/制作 … 规范性文件 … N件 = t2 normativeDocs issued (2021) / made (2019)
// Skipped: sentences naming another year than the report's (and the next one, for plans), or with
// 去年/上一年/同期/同比/累计/以来/历年; matches whose words in between contain 其中/增/减/比/较/同比/
// 维持/纠正/撤销/驳回/确认/审结/结果 or the keyword of another figure; approximations (约/近/超过/逾 N件,
// N余件, N多件, N件次); a keyword that ends a list without its own count (“行政复议、行政诉讼案件共9件”). Blank or
// non-numeric table cells are not compared.
import type { ReportDocument } from '../model/report';
import type { SectionKey } from '../formats/index';
import type { Finding } from './types';
import type { CellBuffer, CheckPlan } from './plan';
import { NUMBER } from './plan';
import { nameOf, num } from './format-text';
import { sectionText } from './text-rules';

type MetricId = 'received' | 'resultsTotal' | 'carriedIn' | 'carriedOver' | 'review' | 'suits' | 'normativeDocs';

interface Mention {
  metric: MetricId;
  /** 1 << index of the metric, to report each kind of figure once. */
  bit: number;
  value: number;
  sentence: string;
  /** Position of the figure in the sentence, for showing an excerpt around it. */
  at: number;
}

interface MetricRule {
  id: MetricId;
  pattern: RegExp;
  /** Words that, between the keyword and the number, mean the figure is something else. */
  exclude: RegExp;
}

const GAP = '[^。；;，,、！!？?\\n\\d]';
const COMMON_EXCLUDE = '其中|增|减|比|较|同比|多于|少于';
const CASE_EXCLUDE = `${COMMON_EXCLUDE}|维持|纠正|撤销|驳回|确认|审结|结果|败诉|胜诉|未结`;

const METRICS: MetricRule[] = [
  {
    id: 'received',
    pattern: new RegExp(`(?:收到|受理|接收|新收)(${GAP}{0,14}?申请${GAP}{0,4}?)(\\d+)件`, 'g'),
    exclude: new RegExp(`${COMMON_EXCLUDE}|复议|诉讼|结转|办结`),
  },
  { id: 'resultsTotal', pattern: new RegExp(`办结(${GAP}{0,14}?)(\\d+)件`, 'g'), exclude: new RegExp(`${COMMON_EXCLUDE}|复议|诉讼|结转`) },
  { id: 'carriedIn', pattern: new RegExp(`上年度?结转(${GAP}{0,12}?)(\\d+)件`, 'g'), exclude: new RegExp(COMMON_EXCLUDE) },
  { id: 'carriedOver', pattern: new RegExp(`(?<!上年度?)结转(${GAP}{0,12}?)(\\d+)件`, 'g'), exclude: new RegExp(COMMON_EXCLUDE) },
  { id: 'review', pattern: new RegExp(`行政复议(${GAP}{0,10}?)(\\d+)件`, 'g'), exclude: new RegExp(`${CASE_EXCLUDE}|诉讼`) },
  { id: 'suits', pattern: new RegExp(`行政诉讼(${GAP}{0,10}?)(\\d+)件`, 'g'), exclude: new RegExp(`${CASE_EXCLUDE}|复议`) },
  {
    id: 'normativeDocs',
    pattern: new RegExp(`(?:制发|制定|印发|出台|制作)(${GAP}{0,8}?规范性文件${GAP}{0,4}?)(\\d+)件`, 'g'),
    exclude: new RegExp(`${COMMON_EXCLUDE}|废止|现行|有效|清理|累计`),
  },
];

const SENTENCE_SKIP = /去年|上一年|同期|同比|累计|以来|历年/;
const APPROXIMATE_BEFORE = /(?:约|近|超过|逾|超)$/;
const LIST_JOINERS = '、和及与或';
const YEAR = /(\d{4})年/g;

function mentionedYearsOk(sentence: string, year: number): boolean {
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(sentence); m; m = YEAR.exec(sentence)) {
    const y = Number(m[1]);
    if (y !== year && y !== year + 1) return false;
  }
  return true;
}

/** Every figure of the kinds above in a text, for a report on `year`. */
export function extractMentions(text: string, year: number): Mention[] {
  const out: Mention[] = [];
  for (const raw of text.split(/[。；;！!？?\n]/)) {
    const sentence = raw.trim();
    if (sentence.indexOf('件') < 0 || SENTENCE_SKIP.test(sentence) || !mentionedYearsOk(sentence, year)) continue;
    for (let k = 0; k < METRICS.length; k++) {
      const metric = METRICS[k]!;
      metric.pattern.lastIndex = 0;
      for (let m = metric.pattern.exec(sentence); m; m = metric.pattern.exec(sentence)) {
        const gap = m[1] ?? '';
        const digits = m[2] ?? '';
        // “N余件”/“N多件” never match (the pattern wants N件); “约/近/超过 N件” and “N件次” are skipped here.
        if (metric.exclude.test(gap) || APPROXIMATE_BEFORE.test(gap)) continue;
        // “行政复议、行政诉讼案件共9件”: the keyword ends a list, the figure counts the whole list. (Not
        // “行政诉讼案件1件、行政复议案件2件”, where the item before the joiner has its own count.)
        if (m.index > 1 && LIST_JOINERS.includes(sentence[m.index - 1]!) && sentence[m.index - 2] !== '件') continue;
        const end = m.index + m[0].length;
        if (sentence[end] === '次') continue;
        out.push({ metric: metric.id, bit: 1 << k, value: Number(digits), sentence, at: end - digits.length - 1 });
      }
    }
  }
  return out;
}

const SECTIONS: readonly SectionKey[] = ['overview', 'problems', 'other'];
const SECTION_HEADINGS: Record<SectionKey, string> = {
  overview: '一、总体情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

// One-entry cache per section: extraction is the costly part and the texts rarely change between runs.
const cache: Record<SectionKey, { text: string; year: number; mentions: Mention[] } | undefined> = {
  overview: undefined,
  problems: undefined,
  other: undefined,
};

function mentionsOf(section: SectionKey, text: string, year: number): Mention[] {
  const hit = cache[section];
  if (hit && hit.text === text && hit.year === year) return hit.mentions;
  const mentions = extractMentions(text, year);
  cache[section] = { text, year, mentions };
  return mentions;
}

interface Comparison {
  /** The table figure named in the message. */
  expected: number;
  cells: string[];
  tableName: string;
  note?: string;
}

function value(plan: CheckPlan, cur: CellBuffer, key: string): number | undefined {
  const i = plan.index.get(key);
  if (i === undefined || cur.state[i] !== NUMBER) return undefined;
  return cur.values[i];
}

const NORMATIVE_KEY: Record<string, string> = { '2019': 't2.normativeDocs.made', '2021': 't2.normativeDocs.issued' };
const SINGLE_KEY: Partial<Record<MetricId, string>> = {
  resultsTotal: 't3.resultsTotal.total',
  carriedIn: 't3.carriedIn.total',
  carriedOver: 't3.carriedOver.total',
  review: 't4.review.total',
};

/** Whether the narrative's figure agrees with the table; undefined when the table has no figure to compare. */
function agrees(metric: MetricId, said: number, plan: CheckPlan, cur: CellBuffer): boolean | undefined {
  if (metric === 'received') {
    const received = value(plan, cur, 't3.received.total');
    if (received === undefined) return undefined;
    return said === received || said === received + (value(plan, cur, 't3.carriedIn.total') ?? 0);
  }
  if (metric === 'suits') {
    const direct = value(plan, cur, 't4.suitDirect.total');
    const after = value(plan, cur, 't4.suitAfterReview.total');
    if (direct === undefined || after === undefined) return undefined;
    return said === direct + after || said === direct || said === after;
  }
  const v = value(plan, cur, metric === 'normativeDocs' ? NORMATIVE_KEY[plan.id]! : SINGLE_KEY[metric]!);
  return v === undefined ? undefined : said === v;
}

function comparisonFor(metric: MetricId, plan: CheckPlan, cur: CellBuffer): Comparison | undefined {
  const name = (key: string) => nameOf(plan.model.cellByKey.get(key)!);
  const single = (key: string): Comparison | undefined => {
    const v = value(plan, cur, key);
    return v === undefined ? undefined : { expected: v, cells: [key], tableName: name(key) };
  };
  switch (metric) {
    case 'received': {
      const received = value(plan, cur, 't3.received.total');
      const carriedIn = value(plan, cur, 't3.carriedIn.total');
      if (received === undefined) return undefined;
      const withCarried = carriedIn === undefined ? received : received + carriedIn;
      return {
        expected: received,
        cells: ['t3.received.total', 't3.carriedIn.total'],
        tableName: name('t3.received.total'),
        note: carriedIn ? `加上年结转 ${num(carriedIn)} 件为 ${num(withCarried)}；` : undefined,
      };
    }
    case 'resultsTotal':
    case 'carriedIn':
    case 'carriedOver':
    case 'review':
      return single(SINGLE_KEY[metric]!);
    case 'suits': {
      const direct = value(plan, cur, 't4.suitDirect.total');
      const after = value(plan, cur, 't4.suitAfterReview.total');
      if (direct === undefined || after === undefined) return undefined;
      return {
        expected: direct + after,
        cells: ['t4.suitDirect.total', 't4.suitAfterReview.total'],
        tableName: '表四行政诉讼“未经复议直接起诉”与“复议后起诉”的总计之和',
      };
    }
    case 'normativeDocs':
      return single(NORMATIVE_KEY[plan.id]!);
  }
}

/** At most 60 characters of the sentence around the figure. */
function excerpt(sentence: string, at: number): string {
  if (sentence.length <= 60) return sentence;
  const start = Math.max(0, Math.min(at - 30, sentence.length - 60));
  return `${start > 0 ? '……' : ''}${sentence.slice(start, start + 60)}${start + 60 < sentence.length ? '……' : ''}`;
}

export function checkTextNumbers(report: ReportDocument, plan: CheckPlan, cur: CellBuffer, out: Finding[]): void {
  const year = typeof report.year === 'number' ? report.year : NaN;
  let reported = 0; // bit per metric: one finding per figure kind, for its first contradiction
  for (const section of SECTIONS) {
    const text = sectionText(report, section);
    if (text.indexOf('件') < 0) continue;
    const mentions = mentionsOf(section, text, year);
    for (let k = 0; k < mentions.length; k++) {
      const mention = mentions[k]!;
      if (reported & mention.bit) continue;
      if (agrees(mention.metric, mention.value, plan, cur) !== false) continue;
      const cmp = comparisonFor(mention.metric, plan, cur);
      if (!cmp) continue;
      reported |= mention.bit;
      out.push({
        rule: 'text.numbers',
        severity: 'confirm',
        target: mention.metric,
        place: section,
        cells: cmp.cells,
        expected: cmp.expected,
        actual: mention.value,
        message:
          `“${SECTION_HEADINGS[section]}”中写道：“${excerpt(mention.sentence, mention.at)}”，其中的 ${num(mention.value)} 件与${cmp.tableName}的 ${num(cmp.expected)} 不符（${cmp.note ?? ''}相差 ${num(Math.abs(mention.value - cmp.expected))}）。` +
          '请核对正文或表格，或说明原因。',
      });
    }
  }
}
