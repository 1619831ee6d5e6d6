// Reading the figures a narrative states about the tables (for text.numbers). Precision before recall:
// a confirm finding blocks the final export until explained, so a figure is read only from a plain
// statement about this body and this year, and everything unsure is left unread.
//
// A figure is “<keyword> <a few words> N<unit>” inside one clause (the words contain no digit and no
// clause or sentence break), N in Arabic digits (10,690 too) or Chinese numerals (一件, 两起, 十二件),
// the unit 件/起/宗/份/条/个/项/例/部 (元/万元/亿元 for fees). Outcomes of reviews and suits stated in
// words (均获维持, 无败诉, 未发生被纠错, 均已审结) and zero counts in words (未收到…申请, 未发生行政复议…)
// are read too.
//
// Never read (the figure is about something else, or unsure):
// - the sentence before the figure names another year than the report's (or the next, for plans), a
//   comparison or an accumulation (去年, 上年 other than 上年结转, 同比, 同期, 相比, 累计, 以来, 历年),
//   a part of the year (上半年, 第一季度, also earlier in the paragraph) or a plan (计划, 力争, 下一步…);
// - a region or system bigger than the reporting body (全市 in a department's report, 全省 in a county's,
//   全系统, 各地, 各级…);
// - an approximation (约/近/超过/逾 N件, N余件, N多件, N件以上), N件次, 一件事, ordinals (第十六条);
// - a sub-count: after 其中 in the same clause (result groups excepted — they are the 其中 of 办结),
//   or qualified by a channel, an applicant type, a period or a reason (网上申请, 自然人, 第一季度,
//   因属于国家秘密不予公开);
// - a keyword that closes a list without its own count (“行政复议、行政诉讼案件共9件”), or 分别/各;
// - 主动公开 items: decisions and documents counted as published information (公开/公示…信息N条).

export type FigureKind =
  | 'received'
  | 'resultsTotal'
  | 'carriedIn'
  | 'carriedOver'
  | 'granted'
  | 'partlyGranted'
  | 'grantedOrPartly'
  | 'withheld'
  | 'unavailable'
  | 'notProcessed'
  | 'otherResult'
  | 'review'
  | 'suits'
  | 'reviewAndSuits'
  | 'normativeDocs'
  | 'normativeDocsRepealed'
  | 'normativeDocsInForce'
  | 'licensing'
  | 'penalties'
  | 'enforcement'
  | 'fees'
  | 'casesUpheld'
  | 'casesClosed'
  | 'notCorrected'
  | 'noLostSuit';

/** Which table-4 groups an outcome in words is about. */
export type CaseScope = 'review' | 'suits' | 'both';

export interface Mention {
  kind: FigureKind;
  /** The figure: a count, an amount in 万元 (fees), or NaN for an outcome in words. */
  value: number;
  /** As the text writes it: “75件”, “两起”, “91163600元”, “均获维持”. */
  said: string;
  /** For fees: how far the text's figure may be from the cell (the text's rounding), in 万元. */
  tolerance: number;
  /** For outcomes in words: the groups of table 4 the sentence is about. */
  scope?: CaseScope;
  sentence: string;
  /** The sentence's range in the section text (start inclusive, end exclusive). */
  start: number;
  end: number;
  /** Position of the figure in the sentence, for the excerpt. */
  at: number;
}

/** Who is reporting: decides whether a 全区/全县… figure is this body's own. */
export interface ReportScope {
  year: number;
  agencyName: string;
}

// ---- numbers -------------------------------------------------------------------------------------

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 → 12, 两 → 2, 一百零五 → 105; undefined for what is not a plain count (二〇二二, 一二, 百). */
export function parseChineseNumber(s: string): number | undefined {
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of s) {
    const d = CN_DIGIT[ch];
    if (d !== undefined) {
      if (digit !== null && digit !== 0) return undefined; // two digits in a row (一二), except after 零
      digit = d;
      continue;
    }
    const unit = CN_UNIT[ch];
    if (unit === undefined || unit >= lastUnit || digit === 0) return undefined;
    if (digit === null) {
      if (unit !== 10 || total !== 0) return undefined;
      digit = 1; // 十二
    }
    total += digit * unit;
    lastUnit = unit;
    digit = null;
  }
  return digit === null ? total : total + digit;
}

function parseNumber(s: string): number | undefined {
  if (/^[\d,.]+$/.test(s)) {
    const n = Number(s.replace(/,/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  return parseChineseNumber(s);
}

// ---- patterns ------------------------------------------------------------------------------------

/** Words between a keyword and its figure: no digit, no clause or sentence break, no bracket. */
const G = '[^。；;，,、！!？?：:\\n\\d（(）)“”]';
const NUM = '(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)';
const UNIT = '(件|起|宗|份|条|个|项|例|部)';
const MONEY = '(亿元|万元|元)';

/** Units that are also the first character of a word (个人, 条例, 项目…): need a break after them. */
const UNIT_NEEDS_BREAK = /[条个项例部]/;
const AFTER_BREAK = /^(?:$|[。；;，,、！!？?：:\n）)”（(]|的|均|全部|已|其中|占|同比|较)/;
/** After the unit: 件次, 一件事, 余/多 (N余件 never reaches here: N must be followed by its unit). */
const AFTER_SKIP = /^(?:次|事|一|以上|左右|以内|之多)/;
const BEFORE_SKIP = /(?:约|近|超过|逾|超|不足|不到|将近|上|第|[零〇一二两三四五六七八九十百千万亿])$/;

const COMMON_EXCLUDE = '其中|增|减|比|较|多于|少于|累计|平均|每|季度|半年|月|分别|各|以上|以下';
const APPLICATION_QUALIFIERS = '网上|网络|在线|信函|当面|现场|邮寄|传真|邮件|来信|来访|电话|平台|窗口|自然人|法人|企业|组织|个人|律师';
const RESULT_WORDS = '予以公开|部分公开|不予公开|不同意公开|无法提供|不予处理|其他处理|告知|驳回';
const REASON_WORDS =
  '因|由于|属于|属|系|涉及|不掌握|不存在|另行制作|不明确|国家秘密|内部事务|过程性|执法案卷|查询事项|第三方|三安全|信访|重复|出版物|大量反复|确认|条例|第|逾期|补正|缴纳|费用';

interface Rule {
  kind: FigureKind;
  /** A word every match contains: sentences without it are not searched (speed). */
  needs: string;
  re: RegExp;
  /** Words in the gap between keyword and figure that make it something else. */
  exclude?: RegExp;
  /** Words in the clause before the keyword that make it something else. */
  clauseExclude?: RegExp;
  /** The sentence up to the figure must name this (the last of the family being this member). */
  subject?: { family: RegExp; member: string };
  /** Result groups: a 其中 before them is fine (they are the breakdown of 办结). */
  afterQizhong?: boolean;
  /** 行政复议/行政诉讼: a 其中 after a figure for both (“复议、诉讼案件共3件，其中行政复议2件”) is their
   *  breakdown, read like any other statement of them. */
  caseBreakdown?: boolean;
  /** The paragraph up to the figure must speak of applications (申请): 办结/结转/予以公开 also
   *  describe services, funds and 主动公开 work. */
  needsApplication?: boolean;
  money?: boolean;
}

const re = (keyword: string, gap: number, unit = UNIT) => new RegExp(`${keyword}(${G}{0,${gap}}?)${NUM}${unit}`, 'g');
const ex = (words: string) => new RegExp(words);

const PERIODS = '季度|半年|月份|\\d+月(?!31日|底|末)|期间|之前|以前';
const APPLICATION_CLAUSE = ex(`${APPLICATION_QUALIFIERS}|${PERIODS}|复议|诉讼`);
const RESULT_CLAUSE = ex(`${REASON_WORDS}|${APPLICATION_QUALIFIERS}`);
const DECISION_EXCLUDE = ex(`${COMMON_EXCLUDE}|信息|公开|公示|发布|推送|上传|撤销|变更|听证|数据`);
const DECISION_CLAUSE = /公开|公示|发布|推送|上传|归集|报送|录入|双公示/;
/** “作出行政许可决定N件”, “行政处罚决定N件”. */
const decision = (what: string) => re(`(?:(?:作出|做出)${what}(?:处理)?(?:决定)?|${what}(?:处理)?决定)`, 6);
const DOCS_FAMILY = { family: /规范性文件|规章/g, member: '规范性文件' };

const RULES: Rule[] = [
  {
    kind: 'received',
    needs: '申请',
    re: re(`(?:收到|受理|接收|新收|收悉|接到|登记)(?=${G}{0,16}?申请)`, 20),
    exclude: ex(`${COMMON_EXCLUDE}|复议|诉讼|结转|办结|${RESULT_WORDS}|${APPLICATION_QUALIFIERS}`),
    clauseExclude: APPLICATION_CLAUSE,
  },
  {
    kind: 'resultsTotal',
    needs: '',
    needsApplication: true,
    re: re('(?:办结|办理完毕|答复完毕|(?:共|共计|合计|全部|均已|已|依法)答复)', 14),
    exclude: ex(`${COMMON_EXCLUDE}|复议|诉讼|结转|率|${RESULT_WORDS}|${APPLICATION_QUALIFIERS}`),
    clauseExclude: APPLICATION_CLAUSE,
  },
  {
    kind: 'carriedIn',
    needs: '结转',
    needsApplication: true,
    re: re('(?:上一?年度?|去年)结转(?:至本年度?|到本年度?|本年度?)?', 12),
    exclude: ex(`${COMMON_EXCLUDE}|资金|经费|项目|结余|余额`),
    clauseExclude: APPLICATION_CLAUSE,
  },
  {
    kind: 'carriedOver',
    needs: '结转',
    needsApplication: true,
    re: re('(?<!上一?年度?|去年)结转(?:至|到)?(?:下一?年度?|\\d{4}年度?)?', 12),
    exclude: ex(`${COMMON_EXCLUDE}|复议|诉讼|资金|经费|项目|结余|余额`),
    clauseExclude: APPLICATION_CLAUSE,
  },
  {
    kind: 'grantedOrPartly',
    needs: '部分公开',
    re: re('(?<!不|不予|未|主动)(?:予以|同意|全部)?公开(?:及|和|与|以及|、|或)(?:同意)?部分公开', 6),
    exclude: ex(`${COMMON_EXCLUDE}|不予|无法|处理`),
    clauseExclude: RESULT_CLAUSE,
    afterQizhong: true,
    needsApplication: true,
  },
  {
    kind: 'granted',
    needs: '公开',
    re: re('(?<!不|部分|未|不同意)(?:予以公开|同意公开|全部公开)', 6),
    exclude: ex(`${COMMON_EXCLUDE}|部分|不予|无法|处理|及|和|与|或`),
    clauseExclude: RESULT_CLAUSE,
    afterQizhong: true,
    needsApplication: true,
  },
  {
    kind: 'partlyGranted',
    needs: '部分公开',
    re: re('(?<!公开(?:及|和|与|以及|、|或)(?:同意)?)(?:同意)?部分公开', 6),
    exclude: ex(`${COMMON_EXCLUDE}|不予|无法|处理|及|和|与|或`),
    clauseExclude: RESULT_CLAUSE,
    afterQizhong: true,
    needsApplication: true,
  },
  {
    kind: 'withheld',
    needs: '公开',
    re: re('(?:不予公开|不同意公开|不予以公开)', 6),
    exclude: ex(`${COMMON_EXCLUDE}|无法|处理|及|和|与|或`),
    clauseExclude: RESULT_CLAUSE,
    afterQizhong: true,
    needsApplication: true,
  },
  {
    kind: 'unavailable',
    needs: '无法提供',
    re: re('无法提供', 6),
    exclude: ex(`${COMMON_EXCLUDE}|不予|处理|及|和|与|或`),
    clauseExclude: RESULT_CLAUSE,
    afterQizhong: true,
    needsApplication: true,
  },
  {
    kind: 'notProcessed',
    needs: '不予处理',
    re: re('不予处理', 6),
    exclude: ex(`${COMMON_EXCLUDE}|无法|其他|及|和|与|或`),
    clauseExclude: RESULT_CLAUSE,
    afterQizhong: true,
    needsApplication: true,
  },
  {
    kind: 'otherResult',
    needs: '其他处理',
    re: re('其他处理', 6),
    exclude: ex(`${COMMON_EXCLUDE}|方式|及|和|与|或`),
    clauseExclude: RESULT_CLAUSE,
    afterQizhong: true,
    needsApplication: true,
  },
  {
    // “行政复议、行政诉讼案件共3件”: one figure for both.
    kind: 'reviewAndSuits',
    needs: '行政诉讼',
    re: re('(?:行政复议(?:和|与|及|、|或)行政诉讼|行政诉讼(?:和|与|及|、|或)行政复议)', 10),
    exclude: ex(`${COMMON_EXCLUDE}|维持|纠正|纠错|撤销|驳回|确认|审结|结案|结果|败诉|胜诉|未结|办结|终止`),
  },
  {
    kind: 'review',
    needs: '行政复议',
    caseBreakdown: true,
    re: re('行政复议', 10),
    exclude: ex(`${COMMON_EXCLUDE}|维持|纠正|纠错|撤销|驳回|确认|审结|结案|结果|败诉|胜诉|未结|诉讼|办结|终止`),
  },
  {
    kind: 'suits',
    needs: '行政诉讼',
    caseBreakdown: true,
    re: re('行政诉讼', 10),
    exclude: ex(`${COMMON_EXCLUDE}|维持|纠正|纠错|撤销|驳回|确认|审结|结案|结果|败诉|胜诉|未结|复议|办结|终止|一审|二审`),
  },
  {
    kind: 'normativeDocs',
    needs: '规范性文件',
    re: re(`(?:制发|制定|印发|出台|新制作|制作)(?=${G}{0,8}?规范性文件)`, 14),
    exclude: ex(`${COMMON_EXCLUDE}|废止|现行|有效|清理|备案|审查|修改|修订|公开|解读|规章|和|及|与|或|政策`),
  },
  {
    kind: 'normativeDocsRepealed',
    needs: '废止',
    re: re('废止', 10),
    exclude: ex(`${COMMON_EXCLUDE}|规章|和|及|与|或|失效|修改|修订|现行|有效`),
    subject: DOCS_FAMILY,
  },
  {
    kind: 'normativeDocsInForce',
    needs: '现行有效',
    re: re('现行有效', 10),
    exclude: ex(`${COMMON_EXCLUDE}|规章|和|及|与|或|清理|废止|修改|修订`),
    subject: DOCS_FAMILY,
  },
  { kind: 'licensing', needs: '行政许可', re: decision('行政许可'), exclude: DECISION_EXCLUDE, clauseExclude: DECISION_CLAUSE },
  { kind: 'penalties', needs: '行政处罚', re: decision('行政处罚'), exclude: DECISION_EXCLUDE, clauseExclude: DECISION_CLAUSE },
  { kind: 'enforcement', needs: '行政强制', re: decision('行政强制'), exclude: DECISION_EXCLUDE, clauseExclude: DECISION_CLAUSE },
  {
    kind: 'fees',
    needs: '行政事业性收费',
    re: re('行政事业性收费', 12, MONEY),
    exclude: ex(`${COMMON_EXCLUDE}|免|退|项目|标准|处理费`),
    clauseExclude: /处理费|减免|免收|免征|退还/,
    money: true,
  },
];

// ---- outcomes and zero counts in words ----------------------------------------------------------

const NEG = '(?:未发生|没有发生|未出现|没有出现|未收到|没有收到|未接到|未有|没有|无(?!论|正当|法|故))';
/** “本年度未发生政府信息公开行政复议、行政诉讼案件”: a zero count. */
const ZERO_CASES = new RegExp(`${NEG}(${G}{0,16}?)(行政复议|行政诉讼)([^。；;，,！!？?\\n]*)`, 'g');
const ZERO_CASES_SKIP = /纠错|败诉|纠正|维持|撤销|被|决定|结果|增|减|变化|问题|风险|隐患/;
const ZERO_APPLICATIONS = new RegExp(`(?:未收到|没有收到|未接到|未受理|没有受理)(${G}{0,10}?)(?:政府信息公开|依申请公开|信息公开)申请([^。；;，,！!？?\\n]*)`, 'g');
const ZERO_APPLICATIONS_SKIP = /被|增|减|复议|诉讼|投诉|需|要求|应/;

const UPHELD = /(?:均|全部|都)(?:获|被|予以|予|得到|已被|已获|依法)?维持/g;
const CLOSED = /(?:均|全部|都)已?(?:结案|审结)/g;
const NOT_CORRECTED = new RegExp(`(?:无|未|没有)(?:发生|出现)?${G}{0,10}?纠错`, 'g');
const NO_LOST_SUIT = new RegExp(`(?:无|未|没有)(?:发生|出现)?${G}{0,8}?败诉`, 'g');
/** A sentence that says some cases went otherwise is not a blanket statement. */
const OUTCOME_SKIP = /尚未|未审结|未结案|审理中|正在|除|其余|其他|部分|大部分|多数|撤回|之外|以外/;

// ---- sentence context ----------------------------------------------------------------------------

const PREFIX_SKIP = /去年(?!度?结转)|同期|同比|累计|以来|历年|相比|上一?年(?!度?结转)|前一?年|近[三五两几]年|\d{4}年(?:至|-|—|－|~)|力争|计划|预计|争取|目标|拟|下一步|明年/;
/** A part of the year (上半年, 第一季度, 1-6月): in the sentence, or earlier in the paragraph. */
const SUB_PERIOD = /上半年|下半年|季度|\d{1,2}(?:-|—|－|~|至)\d{1,2}月/;
const YEAR = /(\d{4})年/g;
const REGION = /全(市|县|区|省|州|盟|旗|镇|乡|国|系统)|各(?:级|地|县|区|乡|镇|市)|下属|所属|系统内/g;
const BODY_SUFFIX = /(?:人民政府|政府|管委会|管理委员会|行政公署|办事处)?(?:办公室|办公厅)?$/;
const LIST_JOINERS = '、和及与或';
const UNIT_CHARS = '件起宗份条个项例部';

/** Years written in figures (2021年) or in Chinese digits (二〇二一年). */
const YEAR_CN = /([〇零一二三四五六七八九]{4})年/g;

function yearsOk(prefix: string, year: number): boolean {
  for (const pattern of [YEAR, YEAR_CN]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(prefix); m; m = pattern.exec(prefix)) {
      const digits = pattern === YEAR ? m[1]! : [...m[1]!].map((c) => String(CN_DIGIT[c] ?? 0)).join('');
      const y = Number(digits);
      if (y !== year && y !== year + 1) return false;
    }
  }
  return true;
}

/** The region a body's report covers as a whole: 区 for 福州市晋安区人民政府 or 平潭综合实验区, 镇 for
 *  黄金镇人民政府; none for a department (南平市交通运输局), whose report is its own figures only. */
function ownRegion(agencyName: string): string {
  const place = agencyName.trim().replace(BODY_SUFFIX, '');
  const last = place.slice(-1);
  return '市县区镇乡州旗盟省'.includes(last) && last !== '' ? last : '';
}

function regionOk(prefix: string, agencyName: string): boolean {
  REGION.lastIndex = 0;
  const own = ownRegion(agencyName);
  for (let m = REGION.exec(prefix); m; m = REGION.exec(prefix)) {
    if (!m[1] || m[1] !== own) return false;
  }
  return true;
}

/** The clause (since the last , 、 or ：) before position `i`. */
function clauseBefore(sentence: string, i: number): string {
  let j = i;
  while (j > 0 && !'，,：:'.includes(sentence[j - 1]!)) j--;
  return sentence.slice(j, i);
}

function subjectOk(text: string, subject: { family: RegExp; member: string }): boolean {
  let last = '';
  subject.family.lastIndex = 0;
  for (let m = subject.family.exec(text); m; m = subject.family.exec(text)) last = m[0];
  return last === subject.member;
}

/** Whether a 其中 before position `i` makes the figure a sub-count: it is in the same clause chain
 *  (no comma between 其中 and the keyword). */
function underQizhong(sentence: string, i: number): boolean {
  const q = sentence.lastIndexOf('其中', i);
  if (q < 0) return false;
  const between = sentence.slice(q, i);
  return !/[，,]/.test(between);
}

const POPULATION = new RegExp(`${APPLICATION_QUALIFIERS}|复议|诉讼`, 'g');

function bothCasesBeforeQizhong(sentence: string, i: number): boolean {
  const before = sentence.slice(0, sentence.lastIndexOf('其中', i));
  return before.includes('行政复议') && before.includes('行政诉讼');
}

/** Result groups in a sentence about a sub-population (网上申请…，其中予以公开…) are not totals: the
 *  last population word before the figure must be followed by a reset (办结/答复/办理结果). */
function resultContextOk(sentence: string, i: number): boolean {
  const prefix = sentence.slice(0, i);
  const pop = POPULATION;
  pop.lastIndex = 0;
  let last = -1;
  for (let m = pop.exec(prefix); m; m = pop.exec(prefix)) last = m.index;
  if (last < 0) return true;
  return /办结|答复|办理结果|处理结果|办理情况|处理情况/.test(prefix.slice(last));
}

function scopeOf(prefix: string): CaseScope | undefined {
  const review = prefix.includes('复议');
  const suits = prefix.includes('诉讼');
  return review && suits ? 'both' : review ? 'review' : suits ? 'suits' : undefined;
}

/** Decimal places of a figure as written (fees: the text's rounding). */
function decimals(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

const MONEY_FACTOR: Record<string, number> = { 元: 1 / 10000, 万元: 1, 亿元: 10000 };

function normalizeDigits(text: string): string {
  // Full-width digits and point, one for one, so positions stay those of the text.
  return /[０-９．]/.test(text)
    ? text.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    : text;
}

function readSentence(
  sentence: string,
  start: number,
  paragraph: { application: boolean; subPeriod: boolean },
  scope: ReportScope,
  out: Mention[],
): void {
  if (paragraph.subPeriod) return;
  const push = (kind: FigureKind, value: number, said: string, at: number, extra: Partial<Mention> = {}) =>
    out.push({ kind, value, said, tolerance: 0, sentence, start, end: start + sentence.length, at, ...extra });
  const contextOk = (i: number) => {
    const prefix = sentence.slice(0, i);
    return !PREFIX_SKIP.test(prefix) && !SUB_PERIOD.test(prefix) && yearsOk(prefix, scope.year) && regionOk(prefix, scope.agencyName);
  };

  for (const rule of RULES) {
    if (rule.needs !== '' && !sentence.includes(rule.needs)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(sentence); m; m = rule.re.exec(sentence)) {
      const gap = m[1] ?? '';
      const digits = m[2] ?? '';
      const unit = m[3] ?? '';
      const end = m.index + m[0].length;
      const numAt = end - unit.length - digits.length;
      if (rule.exclude?.test(gap)) continue;
      if (BEFORE_SKIP.test(sentence.slice(Math.max(0, numAt - 4), numAt))) continue;
      const after = sentence.slice(end, end + 3);
      if (AFTER_SKIP.test(after)) continue;
      if (UNIT_NEEDS_BREAK.test(unit) && !AFTER_BREAK.test(after)) continue;
      if (rule.clauseExclude?.test(clauseBefore(sentence, m.index))) continue;
      // “行政复议、行政诉讼案件共9件”: a keyword right after a list joiner whose item has no count of its own.
      if (m.index > 1 && LIST_JOINERS.includes(sentence[m.index - 1]!) && !UNIT_CHARS.includes(sentence[m.index - 2]!)) continue;
      // Under 其中 only the plain breakdown of a figure for both (“其中行政复议2件、行政诉讼1件”), not a
      // count qualified after it (“其中行政复议1件尚未审结”).
      if (!rule.afterQizhong && underQizhong(sentence, m.index) && !(rule.caseBreakdown && bothCasesBeforeQizhong(sentence, m.index) && /^(?:$|[。；;，,、）)])/.test(after))) continue;
      if (rule.afterQizhong && !resultContextOk(sentence, m.index)) continue;
      if (rule.subject && !subjectOk(sentence.slice(0, numAt), rule.subject)) continue;
      if (!contextOk(numAt)) continue;
      if (rule.needsApplication && !paragraph.application && !sentence.slice(0, numAt).includes('申请')) continue;
      const n = parseNumber(digits);
      if (n === undefined) continue;
      if (rule.money) {
        const factor = MONEY_FACTOR[unit]!;
        push(rule.kind, n * factor, digits + unit, numAt, { tolerance: 0.5 * 10 ** -decimals(digits) * factor });
      } else {
        if (!Number.isInteger(n)) continue;
        push(rule.kind, n, digits + unit, numAt);
      }
    }
  }

  const cases = sentence.includes('行政复议') || sentence.includes('行政诉讼');
  ZERO_CASES.lastIndex = cases ? 0 : sentence.length;
  for (let m = ZERO_CASES.exec(sentence); m; m = ZERO_CASES.exec(sentence)) {
    const rest = m[3] ?? '';
    if (ZERO_CASES_SKIP.test(m[1] ?? '') || ZERO_CASES_SKIP.test(rest) || !contextOk(m.index)) continue;
    const first = m[2] === '行政复议' ? 'review' : 'suits';
    push(first, 0, m[0], m.index);
    // “未发生行政复议、行政诉讼案件”: the other one joined to it is zero too.
    const other = first === 'review' ? '行政诉讼' : '行政复议';
    if (new RegExp(`^(?:案件)?[、和及与或]${other}`).test(rest)) {
      push(first === 'review' ? 'suits' : 'review', 0, m[0], m.index);
    }
  }

  ZERO_APPLICATIONS.lastIndex = sentence.includes('申请') ? 0 : sentence.length;
  for (let m = ZERO_APPLICATIONS.exec(sentence); m; m = ZERO_APPLICATIONS.exec(sentence)) {
    if (ZERO_APPLICATIONS_SKIP.test(m[1] ?? '') || ZERO_APPLICATIONS_SKIP.test(m[2] ?? '') || !contextOk(m.index)) continue;
    push('received', 0, m[0], m.index);
  }

  if (!OUTCOME_SKIP.test(sentence)) {
    const outcome = (pattern: RegExp, kind: FigureKind, needScope: boolean, fixed?: CaseScope) => {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
        if (!contextOk(m.index)) continue;
        const s = fixed ?? scopeOf(sentence.slice(0, m.index + m[0].length)) ?? (needScope ? undefined : 'both');
        if (!s) continue;
        push(kind, NaN, m[0], m.index, { scope: s });
      }
    };
    outcome(UPHELD, 'casesUpheld', true);
    outcome(CLOSED, 'casesClosed', true);
    outcome(NOT_CORRECTED, 'notCorrected', false);
    outcome(NO_LOST_SUIT, 'noLostSuit', false, 'suits');
  }
}

const SENTENCE_END = /[。；;！!？?\n]/;
/** Longer than this is not a plain statement (a paste without sentence ends, a table flattened into
 *  one line): not read. Also bounds the work per sentence, which looks back over its start per figure. */
export const MAX_SENTENCE = 600;

/** Every figure about the tables in a section's text, for a report of `scope.year` by `scope.agencyName`. */
export function extractMentions(text: string, scope: ReportScope | number): Mention[] {
  const s: ReportScope = typeof scope === 'number' ? { year: scope, agencyName: '' } : scope;
  const source = normalizeDigits(text);
  const out: Mention[] = [];
  let i = 0;
  let paragraph = 0;
  while (i < source.length) {
    if (i > 0 && source[i - 1] === '\n') paragraph = i;
    let j = i;
    while (j < source.length && !SENTENCE_END.test(source[j]!)) j++;
    // Trim the sentence (leading spaces and outline numbers stay part of it: they hold no figure).
    let a = i;
    let b = j;
    while (a < b && /\s/.test(source[a]!)) a++;
    while (b > a && /\s/.test(source[b - 1]!)) b--;
    if (b > a && b - a <= MAX_SENTENCE) {
      const sentence = source.slice(a, b);
      if (/[件起宗份条个项例部元维持结案审结纠错败诉无未没]/.test(sentence)) readSentence(sentence, a, { application: source.lastIndexOf('申请', a) >= paragraph, subPeriod: SUB_PERIOD.test(source.slice(paragraph, a)) }, s, out);
    }
    i = j + 1;
  }
  return out;
}
