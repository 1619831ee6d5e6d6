// The text.numbers corpus: sentences in the styles of real reports (city, county, town, department; both
// formats), each with the table figures it is checked against and the kinds of figure that must be
// flagged ([] = a true statement, or a figure about something else, on which the rule must stay silent).
//
// Most sentences are checked twice: against tables that agree (`agree`) and against tables that
// contradict them (`contradict`, with the kinds that must be flagged). The figures name what the tables
// hold; toCells() turns them into the cells of either format. Sentences were written after real reports
// (pingtan-2022, huangjin-2019, and the usual phrasing of published 年度报告: “收到政府信息公开申请N件”,
// “予以公开及部分公开…占…%”, “均获维持”, “未发生…行政复议、行政诉讼案件”, “制发…废止…现行有效…”).
import type { FigureKind } from '../../../shared/checks/index';
import type { FormatId } from '../../../shared/formats/index';
import { getFormat } from '../../../shared/formats/index';

/** upheld, corrected, other, pending. */
type Cases = [number, number, number, number];

export interface Figures {
  received?: number;
  carriedIn?: number;
  resultsTotal?: number;
  carriedOver?: number;
  granted?: number;
  partlyGranted?: number;
  withheld?: number;
  unavailable?: number;
  notProcessed?: number;
  other?: number;
  review?: Cases;
  suitDirect?: Cases;
  suitAfterReview?: Cases;
  /** 2021 issued / 2019 made. */
  issued?: number;
  repealed?: number;
  inForce?: number;
  licensing?: number;
  penalties?: number;
  enforcement?: number;
  /** 万元 (2021). */
  fees?: number;
}

export type Style = 'city' | 'county' | 'town' | 'department';

export interface CorpusCase {
  style: Style;
  format: FormatId;
  /** The reporting body (decides whether 全区/全市… is its own region). */
  agency: string;
  text: string;
  tables: Figures;
  flags: FigureKind[];
}

/** The cells a Figures object sets, for a format: group figures go to the group's first row, its other
 *  rows are 0; table-4 totals are the sums of their columns. */
export function toCells(format: FormatId, f: Figures): Record<string, number> {
  const cells: Record<string, number> = {};
  const def = getFormat(format);
  const group = (key: string, n: number | undefined) => {
    if (n === undefined) return;
    const rows = def.t3.rows.filter((r) => r.resultPart && r.key.split('.')[0] === key);
    rows.forEach((r, i) => (cells[`t3.${r.key}.total`] = i === 0 ? n : 0));
  };
  const single = (key: string, n: number | undefined) => {
    if (n !== undefined) cells[key] = n;
  };
  single('t3.received.total', f.received);
  single('t3.carriedIn.total', f.carriedIn);
  single('t3.resultsTotal.total', f.resultsTotal);
  single('t3.carriedOver.total', f.carriedOver);
  group('granted', f.granted);
  group('partlyGranted', f.partlyGranted);
  group('withheld', f.withheld);
  group('unavailable', f.unavailable);
  group('notProcessed', f.notProcessed);
  group('other', f.other);
  for (const g of ['review', 'suitDirect', 'suitAfterReview'] as const) {
    const c = f[g];
    if (!c) continue;
    ['upheld', 'corrected', 'other', 'pending'].forEach((col, i) => (cells[`t4.${g}.${col}`] = c[i]!));
    cells[`t4.${g}.total`] = c[0] + c[1] + c[2] + c[3];
  }
  single(format === '2019' ? 't2.normativeDocs.made' : 't2.normativeDocs.issued', f.issued);
  if (format === '2021') {
    single('t2.normativeDocs.repealed', f.repealed);
    single('t2.normativeDocs.inForce', f.inForce);
    single('t2.fees.amount', f.fees);
  }
  single('t2.licensing.decisions', f.licensing);
  single('t2.penalties.decisions', f.penalties);
  single('t2.enforcement.decisions', f.enforcement);
  return cells;
}

const CITY = '平潭综合实验区';
const CITY_OFFICE = '南平市人民政府办公室';
const COUNTY = '福州市晋安区人民政府';
const TOWN = '黄金镇人民政府';
const DEPT = '南平市交通运输局';
const DEPT2 = '福州市生态环境局';

interface Entry {
  style: Style;
  format?: FormatId;
  agency?: string;
  text: string;
  agree: Figures;
  contradict?: Figures;
  flags?: FigureKind[];
}

const NONE: Cases = [0, 0, 0, 0];
// pingtan-2022's tables, the figures its own narrative states.
const PT: Figures = {
  received: 74,
  carriedIn: 1,
  resultsTotal: 75,
  carriedOver: 0,
  granted: 21,
  partlyGranted: 9,
  withheld: 4,
  unavailable: 37,
  notProcessed: 0,
  other: 4,
  review: [0, 1, 1, 0],
  suitDirect: [1, 0, 0, 0],
  suitAfterReview: NONE,
  issued: 88,
  repealed: 55,
  inForce: 698,
  licensing: 10690,
  penalties: 2113,
  enforcement: 0,
  fees: 9116.36,
};
const NP: Figures = {
  received: 126,
  carriedIn: 4,
  resultsTotal: 127,
  carriedOver: 3,
  granted: 45,
  partlyGranted: 23,
  withheld: 6,
  unavailable: 47,
  notProcessed: 3,
  other: 3,
};

const ENTRIES: Entry[] = [
  // ---- received (收到/受理/接收…申请), with or without last year's carried-in ones ----
  { style: 'city', text: '2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，均在法定期限内予以答复，办结率100%。', agree: PT, contradict: { received: 70, carriedIn: 1 }, flags: ['received'] },
  { style: 'city', text: '本年度新收政府信息公开申请74件，上年结转政府信息公开申请1件。', agree: PT, contradict: { received: 74, carriedIn: 2 }, flags: ['carriedIn'] },
  { style: 'city', text: '本年度新收政府信息公开申请47件，上年结转1件。', agree: { received: 47, carriedIn: 1 }, contradict: { received: 74, carriedIn: 1 }, flags: ['received'] },
  { style: 'county', agency: COUNTY, text: '全年共受理依申请公开事项66件。', agree: { received: 66, carriedIn: 2 }, contradict: { received: 86, carriedIn: 2 }, flags: ['received'] },
  { style: 'county', agency: COUNTY, text: '全年共受理依申请公开事项68件，较上年有所增加。', agree: { received: 66, carriedIn: 2 }, contradict: { received: 60, carriedIn: 2 }, flags: ['received'] },
  { style: 'department', agency: DEPT, text: '本机关共接收政府信息公开申请十二件。', agree: { received: 12, carriedIn: 0 }, contradict: { received: 21, carriedIn: 0 }, flags: ['received'] },
  { style: 'town', format: '2019', agency: TOWN, text: '全年收到政府信息公开申请两件，均已按时答复。', agree: { received: 2, carriedIn: 0 }, contradict: { received: 3, carriedIn: 0 }, flags: ['received'] },
  { style: 'department', agency: DEPT, text: '本局共收到政府信息公开申请41件。', agree: { received: 41, carriedIn: 0 }, contradict: { received: 40, carriedIn: 0 }, flags: ['received'] },
  { style: 'town', agency: TOWN, text: '本年度未收到政府信息公开申请。', agree: { received: 0, carriedIn: 0 }, contradict: { received: 3, carriedIn: 0 }, flags: ['received'] },
  { style: 'town', format: '2019', agency: TOWN, text: '2020年，我镇没有收到政府信息公开申请，也未发生因政府信息公开引起的行政复议和行政诉讼。', agree: { received: 0, review: NONE, suitDirect: NONE, suitAfterReview: NONE }, contradict: { received: 1, review: NONE, suitDirect: NONE, suitAfterReview: NONE }, flags: ['received'] },
  { style: 'city', text: '2022年，本机关共收到政府信息公开申请75件（含上年结转1件）。', agree: PT, contradict: { received: 72, carriedIn: 3 }, flags: ['carriedIn'] },
  { style: 'city', text: '2022年，本机关收到政府信息公开申请75件，全部在法定期限内答复。', agree: PT, contradict: { received: 57, carriedIn: 1 }, flags: ['received'] },
  { style: 'city', agency: CITY_OFFICE, text: '全年共收到依申请公开申请126件，同比增长12.5%。', agree: NP, contradict: { received: 162, carriedIn: 4 }, flags: ['received'] },
  { style: 'county', agency: COUNTY, text: '全区共收到政府信息公开申请66件。', agree: { received: 66, carriedIn: 2 }, contradict: { received: 65, carriedIn: 2 }, flags: ['received'] },
  { style: 'town', format: '2019', agency: TOWN, text: '全镇共收到政府信息公开申请3件。', agree: { received: 3, carriedIn: 0 }, contradict: { received: 4, carriedIn: 0 }, flags: ['received'] },
  { style: 'town', format: '2019', agency: TOWN, text: '2020年，我镇共受理政府信息公开申请3件，均按时办结。', agree: { received: 3, carriedIn: 0 }, contradict: { received: 5, carriedIn: 0 }, flags: ['received'] },
  { style: 'department', agency: DEPT2, text: '依申请公开方面，本局全年共收到申请45件。', agree: { received: 45, carriedIn: 0 }, contradict: { received: 54, carriedIn: 0 }, flags: ['received'] },
  { style: 'city', text: '今年以来，我区进一步畅通依申请公开渠道，共受理政府信息公开申请74件。', agree: PT, flags: [] },
  { style: 'county', agency: COUNTY, text: '2022年，区政府共收到政府信息公开申请六十六件，上年结转两件。', agree: { received: 66, carriedIn: 2 }, contradict: { received: 66, carriedIn: 3 }, flags: ['carriedIn'] },

  // ---- handled (办结) and carried over ----
  { style: 'city', text: '全年办结政府信息公开申请75件，办结率100%。', agree: PT, contradict: { resultsTotal: 57 }, flags: ['resultsTotal'] },
  { style: 'city', agency: CITY_OFFICE, text: '共答复政府信息公开申请127件，按时答复率100%。', agree: NP, contradict: { resultsTotal: 125 }, flags: ['resultsTotal'] },
  { style: 'county', agency: COUNTY, text: '收到的政府信息公开申请截至12月31日已办结64件，结转下年度继续办理2件。', agree: { resultsTotal: 64, carriedOver: 2 }, contradict: { resultsTotal: 66, carriedOver: 2 }, flags: ['resultsTotal'] },
  { style: 'town', agency: TOWN, text: '本年度收到的申请已办结十件。', agree: { resultsTotal: 10 }, contradict: { resultsTotal: 12 }, flags: ['resultsTotal'] },
  { style: 'city', agency: CITY_OFFICE, text: '依申请公开工作中，结转下年度继续办理3件。', agree: NP, contradict: { carriedOver: 2 }, flags: ['carriedOver'] },
  { style: 'city', text: '对收到的申请，上年度结转政府信息公开申请1件，已全部办结。', agree: PT, contradict: { carriedIn: 2 }, flags: ['carriedIn'] },
  { style: 'city', agency: CITY_OFFICE, text: '政府信息公开申请结转至2023年继续办理3件。', agree: NP, contradict: { carriedOver: 4 }, flags: ['carriedOver'] },
  { style: 'county', agency: COUNTY, text: '全年共受理政府信息公开申请九件，上年结转一件，办结十件，结转下年度继续办理一件。', agree: { received: 9, carriedIn: 1, resultsTotal: 10, carriedOver: 1 }, contradict: { received: 9, carriedIn: 1, resultsTotal: 10, carriedOver: 0 }, flags: ['carriedOver'] },
  { style: 'department', agency: DEPT2, text: '本局共收到政府信息公开申请45件，办结45件。', agree: { received: 45, carriedIn: 0, resultsTotal: 45 }, contradict: { received: 45, carriedIn: 0, resultsTotal: 44 }, flags: ['resultsTotal'] },
  { style: 'department', agency: DEPT2, text: '本局共收到政府信息公开申请45件，办结44件，1件结转下一年度办理。', agree: { received: 45, carriedIn: 0, resultsTotal: 44, carriedOver: 1 }, contradict: { received: 45, carriedIn: 0, resultsTotal: 45, carriedOver: 0 }, flags: ['resultsTotal'] },

  // ---- result groups ----
  { style: 'city', text: '本年度办结的申请中，予以公开21件，部分公开9件，不予公开4件，无法提供37件，其他处理4件。', agree: PT, contradict: { ...PT, granted: 12 }, flags: ['granted'] },
  { style: 'city', text: '办结的申请中予以公开及部分公开30件，占办结总数的40%。', agree: PT, contradict: { granted: 21, partlyGranted: 11 }, flags: ['grantedOrPartly'] },
  { style: 'county', agency: COUNTY, text: '在已答复的申请中，公开和部分公开20件。', agree: { granted: 3, partlyGranted: 17 }, contradict: { granted: 3, partlyGranted: 16 }, flags: ['grantedOrPartly'] },
  { style: 'city', text: '办结的申请中予以公开和部分公开的申请30件。', agree: PT, contradict: { granted: 20, partlyGranted: 9 }, flags: ['grantedOrPartly'] },
  { style: 'city', text: '办结的政府信息公开申请中，不予公开5件，主要为内部事务信息和过程性信息。', agree: { withheld: 5 }, contradict: PT, flags: ['withheld'] },
  { style: 'city', text: '办结的政府信息公开申请中，不予公开4件，其中属于三类内部事务信息1件、四类过程性信息2件、行政执法案卷1件。', agree: PT, contradict: { withheld: 3 }, flags: ['withheld'] },
  { style: 'city', text: '对已办结的政府信息公开申请，无法提供35件，均已告知申请人。', agree: { unavailable: 35 }, contradict: PT, flags: ['unavailable'] },
  { style: 'city', text: '对已办结的政府信息公开申请，无法提供37件（本机关不掌握相关政府信息）。', agree: PT, contradict: { unavailable: 38 }, flags: ['unavailable'] },
  { style: 'city', agency: CITY_OFFICE, text: '对收到的政府信息公开申请，不予处理3件，均为重复申请。', agree: NP, contradict: { notProcessed: 2 }, flags: ['notProcessed'] },
  { style: 'city', text: '对收到的政府信息公开申请，其他处理4件。', agree: PT, contradict: { other: 6 }, flags: ['otherResult'] },
  { style: 'town', format: '2019', agency: TOWN, text: '办理的申请中，同意公开21件，同意部分公开9件，不同意公开4件。', agree: PT, contradict: { granted: 21, partlyGranted: 8, withheld: 4 }, flags: ['partlyGranted'] },
  { style: 'city', text: '办结政府信息公开申请75件，其中予以公开20件、部分公开9件、不予公开4件、无法提供37件、其他处理5件。', agree: { resultsTotal: 75, granted: 20, partlyGranted: 9, withheld: 4, unavailable: 37, other: 5 }, contradict: PT, flags: ['granted', 'otherResult'] },
  { style: 'town', agency: TOWN, text: '本年度收到政府信息公开申请一件，予以公开一件。', agree: { received: 1, carriedIn: 0, granted: 1 }, contradict: { received: 1, carriedIn: 0, granted: 0, partlyGranted: 1 }, flags: ['granted'] },
  { style: 'city', text: '申请办理结果中，予以公开21件，占28%；部分公开9件，占12%。', agree: PT, contradict: { granted: 21, partlyGranted: 19 }, flags: ['partlyGranted'] },
  { style: 'city', agency: CITY_OFFICE, text: '（二）依申请公开方面\n2022年，市政府办公室共收到政府信息公开申请126件，上年结转4件；办结127件，其中予以公开45件、部分公开23件、不予公开6件、无法提供47件、不予处理3件、其他处理3件；结转下年度继续办理3件。', agree: NP, contradict: { ...NP, unavailable: 46 }, flags: ['unavailable'] },
  { style: 'city', agency: CITY_OFFICE, text: '2022年，市政府办公室共收到政府信息公开申请126件，上年结转4件；办结127件，其中予以公开45件、部分公开23件；结转下年度继续办理3件。', agree: NP, contradict: { ...NP, carriedOver: 2, resultsTotal: 128 }, flags: ['resultsTotal', 'carriedOver'] },
  { style: 'county', agency: COUNTY, text: '本年度依申请公开答复中，部分公开十七件，予以公开三件。', agree: { granted: 3, partlyGranted: 17 }, contradict: { granted: 3, partlyGranted: 7 }, flags: ['partlyGranted'] },
  { style: 'town', format: '2019', agency: TOWN, text: '对收到的申请，予以公开2件，不予处理1件。', agree: { granted: 2, notProcessed: 1 }, contradict: { granted: 2, notProcessed: 0 }, flags: ['notProcessed'] },
  { style: 'town', format: '2019', agency: TOWN, text: '对收到的申请，因申请人逾期未补正其他处理1件。', agree: { other: 0 }, flags: [] },

  // ---- 行政复议 and 行政诉讼: counts, zero in words, outcomes in words ----
  { style: 'city', text: '2022年，全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件，均已结案。', agree: PT, contradict: { ...PT, review: [0, 1, 0, 1] }, flags: ['casesClosed'] },
  { style: 'city', text: '全年发生政府信息公开行政复议案件2件、行政诉讼案件1件。', agree: PT, contradict: { review: [1, 1, 1, 0], suitDirect: [1, 0, 0, 0], suitAfterReview: NONE }, flags: ['review'] },
  { style: 'county', agency: COUNTY, text: '全年被申请行政复议两起，被提起行政诉讼一起。', agree: { review: [2, 0, 0, 0], suitDirect: [0, 0, 0, 0], suitAfterReview: [1, 0, 0, 0] }, contradict: { review: [2, 0, 0, 0], suitDirect: [1, 0, 0, 1], suitAfterReview: [1, 0, 0, 1] }, flags: ['suits'] },
  { style: 'county', agency: COUNTY, text: '本年度未发生政府信息公开行政复议、行政诉讼案件。', agree: { review: NONE, suitDirect: NONE, suitAfterReview: NONE }, contradict: { review: [1, 0, 0, 0], suitDirect: NONE, suitAfterReview: NONE }, flags: ['review'] },
  { style: 'department', agency: DEPT, text: '本年度未发生因政府信息公开引起的行政复议和行政诉讼。', agree: { review: NONE, suitDirect: NONE, suitAfterReview: NONE }, contradict: { review: NONE, suitDirect: [0, 0, 0, 1], suitAfterReview: NONE }, flags: ['suits'] },
  { style: 'department', agency: DEPT2, text: '因政府信息公开被申请行政复议1件，复议机关维持原行政行为。', agree: { review: [1, 0, 0, 0] }, contradict: { review: [1, 0, 0, 1] }, flags: ['review'] },
  { style: 'department', agency: DEPT2, text: '本局因政府信息公开被申请行政复议2件，均获维持。', agree: { review: [2, 0, 0, 0] }, contradict: { review: [1, 0, 0, 1] }, flags: ['casesUpheld'] },
  { style: 'department', agency: DEPT2, text: '被提起行政诉讼1件，法院判决均维持原行政行为。', agree: { suitDirect: [1, 0, 0, 0], suitAfterReview: NONE }, contradict: { suitDirect: [0, 0, 0, 1], suitAfterReview: NONE }, flags: ['casesUpheld'] },
  { style: 'county', agency: COUNTY, text: '涉及政府信息公开的行政复议和行政诉讼案件均获维持，无被纠错情况。', agree: { review: [1, 0, 0, 0], suitDirect: [1, 0, 0, 0], suitAfterReview: NONE }, contradict: { review: [0, 1, 0, 0], suitDirect: [1, 0, 0, 0], suitAfterReview: NONE }, flags: ['casesUpheld', 'notCorrected'] },
  { style: 'county', agency: COUNTY, text: '涉及政府信息公开的行政诉讼全年无败诉案件。', agree: { suitDirect: [1, 0, 0, 0], suitAfterReview: NONE }, contradict: { suitDirect: [0, 1, 0, 0], suitAfterReview: NONE }, flags: ['noLostSuit'] },
  { style: 'county', agency: COUNTY, text: '除1件尚未审结外，其余行政复议案件均获维持。', agree: { review: [2, 0, 0, 1] }, flags: [] },
  { style: 'city', agency: CITY_OFFICE, text: '涉及政府信息公开的行政复议、行政诉讼均已审结。', agree: { review: [1, 1, 0, 0], suitDirect: [1, 0, 0, 0], suitAfterReview: NONE }, contradict: { review: [1, 0, 0, 1], suitDirect: [1, 0, 0, 0], suitAfterReview: NONE }, flags: ['casesClosed'] },
  { style: 'department', agency: DEPT, text: '未发生行政复议被纠错的情况。', agree: { review: [1, 0, 0, 0] }, contradict: { review: [0, 1, 0, 0] }, flags: ['notCorrected'] },
  { style: 'department', agency: DEPT, text: '行政复议决定维持1件，行政诉讼败诉1件。', agree: { review: [0, 1, 0, 0], suitDirect: [0, 0, 0, 0] }, flags: [] },
  { style: 'city', text: '行政复议和行政诉讼分别为2件和1件。', agree: { review: [0, 0, 0, 0] }, flags: [] },
  { style: 'city', text: '全年涉及政府信息公开的行政复议、行政诉讼案件共3件。', agree: PT, contradict: { review: [1, 0, 0, 0], suitDirect: NONE, suitAfterReview: NONE }, flags: ['reviewAndSuits'] },
  { style: 'county', agency: COUNTY, text: '全年行政复议、行政诉讼案件5件，其中行政复议1件尚未审结。', agree: { review: [2, 0, 0, 1], suitDirect: [2, 0, 0, 0], suitAfterReview: NONE }, contradict: { review: [2, 0, 0, 1], suitDirect: [1, 0, 0, 0], suitAfterReview: NONE }, flags: ['reviewAndSuits'] },
  { style: 'county', agency: COUNTY, text: '共发生政府信息公开行政复议、行政诉讼案件3件，其中行政复议2件、行政诉讼1件。', agree: PT, contradict: { review: [0, 1, 0, 0], suitDirect: [1, 0, 0, 0], suitAfterReview: [1, 0, 0, 0] }, flags: ['review'] },
  { style: 'county', agency: COUNTY, text: '本年度因政府信息公开被申请行政复议案件2宗，行政诉讼案件1宗。', agree: { review: [2, 0, 0, 0], suitDirect: [1, 0, 0, 0], suitAfterReview: NONE }, contradict: { review: [3, 0, 0, 1], suitDirect: [1, 0, 0, 0], suitAfterReview: NONE }, flags: ['review'] },
  { style: 'county', agency: COUNTY, text: '全年无行政复议案件，行政诉讼案件1件。', agree: { review: NONE, suitDirect: [0, 0, 1, 0], suitAfterReview: NONE }, contradict: { review: [1, 0, 0, 0], suitDirect: [0, 0, 1, 0], suitAfterReview: NONE }, flags: ['review'] },
  { style: 'town', format: '2019', agency: TOWN, text: '2020年，我镇未发生因政府信息公开引起的行政复议和行政诉讼。', agree: { review: NONE, suitDirect: NONE, suitAfterReview: NONE }, contradict: { review: NONE, suitDirect: NONE, suitAfterReview: [0, 0, 0, 1] }, flags: ['suits'] },
  { style: 'city', agency: CITY_OFFICE, text: '全年共发生政府信息公开行政诉讼案件3件，其中未经复议直接起诉2件。', agree: { suitDirect: [2, 0, 0, 0], suitAfterReview: [1, 0, 0, 0] }, contradict: { suitDirect: [2, 0, 0, 0], suitAfterReview: [2, 0, 0, 0] }, flags: ['suits'] },
  { style: 'city', agency: CITY_OFFICE, text: '收到行政复议申请2件，行政复议机关均予维持。', agree: { review: [2, 0, 0, 0] }, contradict: { review: [1, 1, 0, 0] }, flags: ['casesUpheld'] },
  { style: 'county', agency: COUNTY, text: '行政复议案件三件，其中维持两件、纠正一件。', agree: { review: [2, 1, 0, 0] }, contradict: { review: [2, 1, 0, 1] }, flags: ['review'] },

  // ---- table 2: 规范性文件, decisions, fees ----
  { style: 'city', text: '本年度制发行政规范性文件88件，废止55件，现行有效698件。', agree: PT, contradict: { issued: 88, repealed: 50, inForce: 698 }, flags: ['normativeDocsRepealed'] },
  { style: 'city', text: '本年度制发行政规范性文件88件、废止55件，截至年底现行有效698件。', agree: PT, contradict: { issued: 88, repealed: 55, inForce: 689 }, flags: ['normativeDocsInForce'] },
  { style: 'city', text: '设立规范性文件库，集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。', agree: PT, contradict: { issued: 80, inForce: 698 }, flags: ['normativeDocs'] },
  { style: 'county', agency: COUNTY, text: '全年印发规范性文件5件。', agree: { issued: 5 }, contradict: { issued: 6 }, flags: ['normativeDocs'] },
  { style: 'city', text: '主动公开市政府规章13件（含新制定5件，修改4件，废止4件），主动公开行政规范性文件42件。', agree: { issued: 3, repealed: 1 }, flags: [] },
  { style: 'city', text: '开展规范性文件专项清理，清理规范性文件120件，其中废止30件。', agree: { repealed: 55 }, flags: [] },
  { style: 'city', text: '全年清理规范性文件120件，废止55件。', agree: PT, contradict: { repealed: 60 }, flags: ['normativeDocsRepealed'] },
  { style: 'county', agency: COUNTY, text: '截至年底，本机关现行有效的行政规范性文件共25件。', agree: { inForce: 25 }, contradict: { inForce: 24 }, flags: ['normativeDocsInForce'] },
  { style: 'county', agency: COUNTY, text: '现行有效的规章和规范性文件共700件。', agree: { inForce: 25 }, flags: [] },
  { style: 'city', text: '全年作出行政许可决定10690件，行政处罚决定2113件。', agree: PT, contradict: { licensing: 10690, penalties: 2131 }, flags: ['penalties'] },
  { style: 'city', text: '全年作出行政许可决定10,690件。', agree: PT, contradict: { licensing: 10960 }, flags: ['licensing'] },
  { style: 'city', text: '在门户网站公示行政许可决定信息10690条、行政处罚决定信息2113条。', agree: { licensing: 9000, penalties: 2000 }, flags: [] },
  { style: 'department', agency: DEPT, text: '全年作出行政强制决定3件。', agree: { enforcement: 3 }, contradict: { enforcement: 5 }, flags: ['enforcement'] },
  { style: 'city', text: '全年收取行政事业性收费9116.36万元。', agree: PT, contradict: { fees: 9161.36 }, flags: ['fees'] },
  { style: 'city', text: '全年收取行政事业性收费91163600元。', agree: PT, contradict: { fees: 911.636 }, flags: ['fees'] },
  { style: 'city', text: '本年度行政事业性收费共计9,116,360元。', agree: { fees: 911.636 }, contradict: PT, flags: ['fees'] },
  { style: 'city', text: '本年度收取行政事业性收费约9116万元。', agree: { fees: 9000 }, flags: [] },
  { style: 'city', text: '本年度收取行政事业性收费9116万元。', agree: PT, contradict: { fees: 9117 }, flags: ['fees'] },
  { style: 'city', text: '落实减税降费政策，减免行政事业性收费120万元。', agree: PT, flags: [] },
  { style: 'town', format: '2019', agency: TOWN, text: '本年新制作规范性文件12件。', agree: { issued: 12 }, contradict: { issued: 21 }, flags: ['normativeDocs'] },
  { style: 'town', format: '2019', agency: TOWN, text: '全年作出行政许可决定402件，行政处罚决定61件，行政强制决定4件。', agree: { licensing: 402, penalties: 61, enforcement: 4 }, contradict: { licensing: 420, penalties: 61, enforcement: 4 }, flags: ['licensing'] },
  { style: 'town', format: '2019', agency: TOWN, text: '截至年底，现行有效规范性文件211件。', agree: { issued: 12 }, flags: [] },
  { style: 'town', format: '2019', agency: TOWN, text: '黄金镇人民政府累计主动公开政府信息221条，其中规范性文件211条，乡镇动态10条。', agree: { issued: 12 }, flags: [] },
  { style: 'department', agency: DEPT2, text: '本年度制发规范性文件十二件。', agree: { issued: 12 }, contradict: { issued: 21 }, flags: ['normativeDocs'] },
  { style: 'city', agency: CITY_OFFICE, text: '2022年，市政府制定出台行政规范性文件15件，废止2件。', agree: { issued: 15, repealed: 2 }, contradict: { issued: 15, repealed: 3 }, flags: ['normativeDocsRepealed'] },
  { style: 'department', agency: DEPT, text: '全年作出行政处罚决定二十一件。', agree: { penalties: 21 }, contradict: { penalties: 12 }, flags: ['penalties'] },

  // ---- figures about something else: silent whatever the tables say ----
  { style: 'city', text: '本报告中所列数据统计时限为2022年1月1日至2022年12月31日。', agree: PT, flags: [] },
  { style: 'city', text: '全年召开政务公开工作会议4次，开展业务培训3期，培训人员120人次。', agree: PT, flags: [] },
  { style: 'city', text: '2022年全区共主动公开政府信息14571条，其中政策解读126条。', agree: PT, flags: [] },
  { style: 'city', text: '发布政策文件20件，同时共享全省政策文件，助力企业“一站式”查询。', agree: PT, flags: [] },
  { style: 'city', text: '对全区现存的33个政务新媒体加强信息更新、互动服务等方面监管。', agree: PT, flags: [] },
  { style: 'county', agency: COUNTY, text: '深入推进“一件事一次办”改革，全年办结事项1200件。', agree: { resultsTotal: 66 }, flags: [] },
  { style: 'city', text: '全年共举办新闻发布会12场，发布权威信息300余条。', agree: PT, flags: [] },
  { style: 'department', agency: DEPT, text: '在政府网站发布信息2365条，其中规范性文件12件。', agree: { issued: 3 }, flags: [] },
  { style: 'city', agency: CITY_OFFICE, text: '办理人大代表建议45件、政协提案62件，办复率100%。', agree: NP, flags: [] },
  { style: 'county', agency: COUNTY, text: '受理群众来信来访120件。', agree: { received: 66, carriedIn: 2 }, flags: [] },
  { style: 'city', text: '受理行政复议申请2件。', agree: PT, contradict: { review: [0, 1, 0, 0] }, flags: ['review'] },
  { style: 'county', agency: COUNTY, text: '全年办结网民留言560条，办结率98%。', agree: { resultsTotal: 66 }, flags: [] },
  { style: 'city', text: '平均办结时间为8个工作日，按期办结率达100%。', agree: PT, flags: [] },
  { style: 'city', text: '全年共组织4次政务公开季度检查通报，推进3轮督促整改工作。', agree: PT, flags: [] },
  { style: 'city', text: '开设民生相关专栏，公开卫生健康、教育、公共交通等8个领域公共企事业单位信息。', agree: PT, flags: [] },
  { style: 'county', agency: COUNTY, text: '财政结转资金200万元，结转项目3个。', agree: { carriedOver: 2 }, flags: [] },
  { style: 'county', agency: COUNTY, text: '依托12345热线转办件1350件，办结率99%。', agree: { resultsTotal: 66 }, flags: [] },

  // ---- other years, comparisons, approximations, sub-counts: silent ----
  { style: 'city', text: '2021年共收到政府信息公开申请64件。', agree: PT, flags: [] },
  { style: 'department', agency: DEPT2, text: '下一步，我局计划制发规范性文件10件，进一步规范执法行为。', agree: { issued: 12 }, flags: [] },
  { style: 'county', agency: COUNTY, text: '2023年，力争作出行政许可决定1000件以上。', agree: { licensing: 0 }, flags: [] },
  { style: 'town', format: '2019', agency: TOWN, text: '二〇一九年，我镇共受理政府信息公开申请5件。', agree: { received: 3, carriedIn: 0 }, flags: [] },
  { style: 'town', format: '2019', agency: TOWN, text: '二〇二〇年，我镇共受理政府信息公开申请3件。', agree: { received: 3, carriedIn: 0 }, contradict: { received: 5, carriedIn: 0 }, flags: ['received'] },
  { style: 'city', text: '与上年相比，收到政府信息公开申请增加10件。', agree: PT, flags: [] },
  { style: 'city', text: '收到政府信息公开申请数量较上年减少8件。', agree: PT, flags: [] },
  { style: 'city', text: '全年收到政府信息公开申请约80件。', agree: PT, flags: [] },
  { style: 'city', text: '自2019年以来累计收到政府信息公开申请300余件。', agree: PT, flags: [] },
  { style: 'city', text: '收到政府信息公开申请80余件。', agree: PT, flags: [] },
  { style: 'city', text: '全年接待政府信息公开咨询200人次，收到政府信息公开申请75件次。', agree: { received: 70, carriedIn: 0 }, flags: [] },
  { style: 'city', text: '其中通过网上申请平台收到申请60件，当面提交14件。', agree: PT, flags: [] },
  { style: 'city', text: '网上申请40件，其中予以公开20件。', agree: PT, flags: [] },
  { style: 'city', text: '办结的75件申请中，予以公开占28%（22件）。', agree: PT, flags: [] },
  { style: 'city', text: '因属于国家秘密不予公开1件。', agree: PT, flags: [] },
  { style: 'city', text: '依据《条例》第十六条不予公开2件。', agree: PT, flags: [] },
  { style: 'city', text: '申请人无正当理由逾期不补正、行政机关不再处理2件。', agree: { other: 3 }, flags: [] },
  { style: 'city', text: '本年度第一季度收到政府信息公开申请20件。', agree: PT, flags: [] },
  { style: 'city', text: '自然人申请72件，法人或其他组织申请3件。', agree: PT, flags: [] },
  { style: 'city', text: '本年度共办理政府信息公开申请75件。', agree: { received: 70, carriedIn: 0 }, flags: [] },
  { style: 'city', text: '2023年，我区将继续做好依申请公开工作，力争办结率达100%。', agree: PT, flags: [] },
  { style: 'department', agency: DEPT, text: '全市各级行政机关共收到政府信息公开申请5321件。', agree: { received: 40, carriedIn: 0 }, flags: [] },
  { style: 'department', agency: DEPT2, text: '全市生态环境系统共收到政府信息公开申请320件。', agree: { received: 45, carriedIn: 0 }, flags: [] },
  { style: 'county', agency: COUNTY, text: '全市共收到政府信息公开申请1200件，其中我区66件。', agree: { received: 66, carriedIn: 2 }, flags: [] },
  { style: 'town', format: '2019', agency: TOWN, text: '全县共收到政府信息公开申请300件。', agree: { received: 3, carriedIn: 0 }, flags: [] },
  { style: 'city', text: '2021年，全区行政复议案件3件，均获维持。', agree: PT, flags: [] },
  { style: 'city', text: '近三年共发生行政诉讼案件5件。', agree: PT, flags: [] },
  { style: 'city', text: '行政复议、行政诉讼各1件。', agree: PT, flags: [] },
  { style: 'town', format: '2019', agency: TOWN, text: '本年度无收费情况，未收取信息处理费。', agree: { issued: 12 }, flags: [] },
  { style: 'city', text: '本年度未收取信息处理费。', agree: { fees: 100 }, flags: [] },
  { style: 'city', text: '全年接到政府信息公开申请二〇二二件。', agree: PT, flags: [] },
  { style: 'city', text: '收到政府信息公开申请一万二千件。', agree: PT, flags: [] },
  { style: 'county', agency: COUNTY, text: '共有三个部门收到政府信息公开申请。', agree: { received: 66 }, flags: [] },
  { style: 'city', text: '推行“一件一档”管理，已办结的申请全部归档。', agree: PT, flags: [] },
  { style: 'county', agency: COUNTY, text: '因政府信息公开被提起行政诉讼的案件中，1件尚未审结，其余均获维持。', agree: { suitDirect: [1, 0, 0, 1], suitAfterReview: NONE }, flags: [] },
  { style: 'city', text: '上年度全区收到政府信息公开申请64件。', agree: PT, flags: [] },
  { style: 'city', text: '依申请公开办结时间平均为5个工作日，较去年缩短2个工作日。', agree: PT, flags: [] },
  { style: 'county', agency: COUNTY, text: '全区共有18个部门和8个街道收到政府信息公开申请。', agree: { received: 66 }, flags: [] },
  { style: 'city', text: '组织全区政务公开工作人员培训2场，参训200余人。', agree: PT, flags: [] },
  { style: 'department', agency: DEPT, text: '本局未设立收费项目，本年度未收取任何费用。', agree: { fees: 0 }, flags: [] },
  { style: 'city', agency: CITY_OFFICE, text: '全年公开行政处罚决定信息2300条，行政许可决定信息11000条。', agree: { licensing: 10690, penalties: 2113 }, flags: [] },

  // Half-year figures (after a district's published 上半年 statistics): a part of the year, never the table.
  { style: 'county', agency: COUNTY, text: '2022年上半年，全区各行政机关共受理政府信息公开申请267件，答复263件，申请量比2021年同期上升1.52%。其中同意公开或部分公开共81件，公开率为30.80%。', agree: { received: 66, carriedIn: 2, granted: 3, partlyGranted: 17 }, flags: [] },
  { style: 'county', agency: COUNTY, text: '2022年上半年，全区共发生涉及政府信息公开的行政诉讼案件2件，被纠错0件。', agree: { suitDirect: [1, 0, 0, 0], suitAfterReview: NONE }, flags: [] },
  { style: 'city', text: '全年受理政府信息公开申请75件，同意公开或部分公开共30件，公开率为40%。', agree: PT, contradict: { received: 74, carriedIn: 1, granted: 21, partlyGranted: 10 }, flags: ['grantedOrPartly'] },
  { style: 'city', text: '2022年，在网站主动公开市政府规章13件(含新制定5件，修改4件，废止4件)，全年网站共发布各类信息46106条。', agree: { repealed: 55 }, flags: [] },

  // ---- more statements in the usual styles ----
  { style: 'county', agency: COUNTY, text: '2022年，我区共收到政府信息公开申请66件，较2021年增长10%。', agree: { received: 66, carriedIn: 2 }, contradict: { received: 56, carriedIn: 2 }, flags: ['received'] },
  { style: 'county', agency: COUNTY, text: '依法依规办结政府信息公开申请66件，结转下年度继续办理2件。', agree: { resultsTotal: 66, carriedOver: 2 }, contradict: { resultsTotal: 68, carriedOver: 0 }, flags: ['resultsTotal', 'carriedOver'] },
  { style: 'department', agency: DEPT2, text: '本局全年收到的政府信息公开申请中，予以公开十二件，部分公开三件，无法提供二十件。', agree: { granted: 12, partlyGranted: 3, unavailable: 20 }, contradict: { granted: 12, partlyGranted: 3, unavailable: 19 }, flags: ['unavailable'] },
  { style: 'town', format: '2019', agency: TOWN, text: '本年度镇政府共制作规范性文件12件，作出行政处罚决定61件。', agree: { issued: 12, penalties: 61 }, contradict: { issued: 12, penalties: 16 }, flags: ['penalties'] },
  { style: 'town', format: '2019', agency: TOWN, text: '全年收到群众政府信息公开申请2件，办结2件，无结转。', agree: { received: 2, carriedIn: 0, resultsTotal: 2 }, contradict: { received: 2, carriedIn: 0, resultsTotal: 1 }, flags: ['resultsTotal'] },
  { style: 'city', agency: CITY_OFFICE, text: '市政府被申请政府信息公开行政复议5件，被提起政府信息公开行政诉讼4件。', agree: { review: [3, 1, 0, 1], suitDirect: [2, 0, 1, 0], suitAfterReview: [1, 0, 0, 0] }, contradict: { review: [3, 1, 0, 1], suitDirect: [2, 0, 1, 0], suitAfterReview: [0, 0, 0, 0] }, flags: ['suits'] },
  { style: 'city', agency: CITY_OFFICE, text: '市政府被申请政府信息公开行政复议5件，均获维持。', agree: { review: [5, 0, 0, 0] }, contradict: { review: [3, 1, 0, 1] }, flags: ['casesUpheld'] },
  { style: 'department', agency: DEPT, text: '全年行政诉讼案件一审均未败诉。', agree: { suitDirect: [1, 0, 0, 0] }, flags: [] },
];

function expand(): CorpusCase[] {
  const out: CorpusCase[] = [];
  for (const e of ENTRIES) {
    const base = { style: e.style, format: e.format ?? '2021', agency: e.agency ?? CITY, text: e.text };
    out.push({ ...base, tables: e.agree, flags: [] });
    if (e.contradict) out.push({ ...base, tables: e.contradict, flags: e.flags ?? [] });
  }
  return out;
}

export const CORPUS: CorpusCase[] = expand();
export const CORPUS_SENTENCES = ENTRIES.length;
