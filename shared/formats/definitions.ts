// The 2019 and 2021 official formats, transcribed from ../shared/spec/report-format.md §2–§5.
// Labels are copied character for character (full-width brackets, Chinese quotes, 、).
import type { FormatDef, SectionDef, T2Column, T3Column, T3Row, T4Column, T4Group } from './types';

const SECTIONS: SectionDef[] = [
  { key: 'overview', heading: '一、总体情况' },
  { key: 't2', heading: '二、主动公开政府信息情况' },
  { key: 't3', heading: '三、收到和处理政府信息公开申请情况' },
  { key: 't4', heading: '四、政府信息公开行政复议、行政诉讼情况' },
  { key: 'problems', heading: '五、存在的主要问题及改进情况' },
  { key: 'other', heading: '六、其他需要报告的事项' },
];

const T3_COLUMNS: T3Column[] = [
  { key: 'natural', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'publicInterest', label: '社会公益组织' },
  { key: 'legalServices', label: '法律服务机构' },
  { key: 'otherOrg', label: '其他' },
  { key: 'total', label: '总计' },
];

const RESULTS = '三、本年度办理结果';
const WITHHELD = '（三）不予公开';
const UNAVAILABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER = '（六）其他处理';

const T3_HEAD_ROWS: T3Row[] = [
  { key: 'received', labels: ['一、本年新收政府信息公开申请数量'], resultPart: false },
  { key: 'carriedIn', labels: ['二、上年结转政府信息公开申请数量'], resultPart: false },
  { key: 'granted', labels: [RESULTS, '（一）予以公开'], resultPart: true },
  { key: 'partlyGranted', labels: [RESULTS, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'], resultPart: true },
  { key: 'withheld.stateSecret', labels: [RESULTS, WITHHELD, '1.属于国家秘密'], resultPart: true },
  { key: 'withheld.prohibitedByLaw', labels: [RESULTS, WITHHELD, '2.其他法律行政法规禁止公开'], resultPart: true },
  { key: 'withheld.securityStability', labels: [RESULTS, WITHHELD, '3.危及“三安全一稳定”'], resultPart: true },
  { key: 'withheld.thirdPartyRights', labels: [RESULTS, WITHHELD, '4.保护第三方合法权益'], resultPart: true },
  { key: 'withheld.internalAffairs', labels: [RESULTS, WITHHELD, '5.属于三类内部事务信息'], resultPart: true },
  { key: 'withheld.processInformation', labels: [RESULTS, WITHHELD, '6.属于四类过程性信息'], resultPart: true },
  { key: 'withheld.enforcementFiles', labels: [RESULTS, WITHHELD, '7.属于行政执法案卷'], resultPart: true },
  { key: 'withheld.queryMatters', labels: [RESULTS, WITHHELD, '8.属于行政查询事项'], resultPart: true },
  { key: 'unavailable.notHeld', labels: [RESULTS, UNAVAILABLE, '1.本机关不掌握相关政府信息'], resultPart: true },
  { key: 'unavailable.needsCreation', labels: [RESULTS, UNAVAILABLE, '2.没有现成信息需要另行制作'], resultPart: true },
  { key: 'unavailable.stillUnclear', labels: [RESULTS, UNAVAILABLE, '3.补正后申请内容仍不明确'], resultPart: true },
  { key: 'notProcessed.petitions', labels: [RESULTS, NOT_PROCESSED, '1.信访举报投诉类申请'], resultPart: true },
  { key: 'notProcessed.duplicates', labels: [RESULTS, NOT_PROCESSED, '2.重复申请'], resultPart: true },
  { key: 'notProcessed.publications', labels: [RESULTS, NOT_PROCESSED, '3.要求提供公开出版物'], resultPart: true },
  { key: 'notProcessed.excessive', labels: [RESULTS, NOT_PROCESSED, '4.无正当理由大量反复申请'], resultPart: true },
  { key: 'notProcessed.confirmations', labels: [RESULTS, NOT_PROCESSED, '5.要求行政机关确认或重新出具已获取信息'], resultPart: true },
];

const T3_TAIL_ROWS: T3Row[] = [
  { key: 'resultsTotal', labels: [RESULTS, '（七）总计'], resultPart: false },
  { key: 'carriedOver', labels: ['四、结转下年度继续办理'], resultPart: false },
];

const T3_OTHER_2019: T3Row[] = [{ key: 'other', labels: [RESULTS, OTHER], resultPart: true }];

const T3_OTHER_2021: T3Row[] = [
  {
    key: 'other.noCorrection',
    labels: [RESULTS, OTHER, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
    resultPart: true,
  },
  {
    key: 'other.unpaidFee',
    labels: [RESULTS, OTHER, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
    resultPart: true,
  },
  { key: 'other.misc', labels: [RESULTS, OTHER, '3.其他'], resultPart: true },
];

const T4_GROUPS: T4Group[] = [
  { key: 'review', label: '行政复议' },
  { key: 'suitDirect', label: '未经复议直接起诉', parent: 'suit' },
  { key: 'suitAfterReview', label: '复议后起诉', parent: 'suit' },
];

const T4_COLUMNS: T4Column[] = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
  { key: 'total', label: '总计' },
];

/** 2019 format, 第二十条第（五）项 and （六）项: the same three columns (spec §3.2 “same three columns”). */
const ITEM_COLUMNS_2019: T2Column[] = [
  { key: 'lastYearItems', label: '上一年项目数量', kind: 'count' },
  { key: 'change', label: '本年增/减', kind: 'signedCount' },
  { key: 'decisions', label: '处理决定数量', kind: 'count' },
];

const T3_COMMON = {
  noteHeader: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  applicantHeader: '申请人情况',
  organisationHeader: '法人或其他组织',
  columns: T3_COLUMNS,
  labelColumns: 3,
  otherResultsLabel: OTHER,
};

const T4 = { reviewLabel: '行政复议', suitLabel: '行政诉讼', groups: T4_GROUPS, columns: T4_COLUMNS };

export const FORMAT_2019: FormatDef = {
  id: '2019',
  source: '《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）',
  firstYear: 2019,
  lastYear: 2020,
  sections: SECTIONS,
  feeReportedUnderOther: false,
  t2: {
    gridColumns: 4,
    firstHeader: '信息内容',
    unitChosenFor: 't2.procurement.amount',
    subTables: [
      {
        title: '第二十条第（一）项',
        columns: [
          { key: 'made', label: '本年新制作数量', kind: 'count' },
          { key: 'published', label: '本年新公开数量', kind: 'count' },
          { key: 'totalPublic', label: '对外公开总数量', kind: 'count' },
        ],
        rows: [
          { key: 'regulations', label: '规章' },
          { key: 'normativeDocs', label: '规范性文件' },
        ],
      },
      {
        title: '第二十条第（五）项',
        columns: ITEM_COLUMNS_2019,
        rows: [
          { key: 'licensing', label: '行政许可' },
          { key: 'otherServices', label: '其他对外管理服务事项' },
        ],
      },
      {
        title: '第二十条第（六）项',
        columns: ITEM_COLUMNS_2019,
        rows: [
          { key: 'penalties', label: '行政处罚' },
          { key: 'enforcement', label: '行政强制' },
        ],
      },
      {
        title: '第二十条第（八）项',
        columns: [
          { key: 'lastYearItems', label: '上一年项目数量', kind: 'count' },
          { key: 'change', label: '本年增/减', kind: 'signedCount' },
        ],
        rows: [{ key: 'fees', label: '行政事业性收费' }],
      },
      {
        title: '第二十条第（九）项',
        columns: [
          { key: 'items', label: '采购项目数量', kind: 'count' },
          { key: 'amount', label: '采购总金额', kind: 'amount' },
        ],
        rows: [{ key: 'procurement', label: '政府集中采购' }],
      },
    ],
  },
  t3: { ...T3_COMMON, rows: [...T3_HEAD_ROWS, ...T3_OTHER_2019, ...T3_TAIL_ROWS] },
  t4: T4,
};

export const FORMAT_2021: FormatDef = {
  id: '2021',
  source: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）',
  firstYear: 2021,
  sections: SECTIONS,
  feeReportedUnderOther: true,
  t2: {
    gridColumns: 4,
    firstHeader: '信息内容',
    subTables: [
      {
        title: '第二十条第（一）项',
        columns: [
          { key: 'issued', label: '本年制发件数', kind: 'count' },
          { key: 'repealed', label: '本年废止件数', kind: 'count' },
          { key: 'inForce', label: '现行有效件数', kind: 'count' },
        ],
        rows: [
          { key: 'regulations', label: '规章' },
          { key: 'normativeDocs', label: '行政规范性文件' },
        ],
      },
      {
        title: '第二十条第（五）项',
        columns: [{ key: 'decisions', label: '本年处理决定数量', kind: 'count' }],
        rows: [{ key: 'licensing', label: '行政许可' }],
      },
      {
        title: '第二十条第（六）项',
        columns: [{ key: 'decisions', label: '本年处理决定数量', kind: 'count' }],
        rows: [
          { key: 'penalties', label: '行政处罚' },
          { key: 'enforcement', label: '行政强制' },
        ],
      },
      {
        title: '第二十条第（八）项',
        columns: [{ key: 'amount', label: '本年收费金额（单位：万元）', kind: 'amount' }],
        rows: [{ key: 'fees', label: '行政事业性收费' }],
      },
    ],
  },
  t3: { ...T3_COMMON, rows: [...T3_HEAD_ROWS, ...T3_OTHER_2021, ...T3_TAIL_ROWS] },
  t4: T4,
};

export const FORMATS: Record<'2019' | '2021', FormatDef> = { '2019': FORMAT_2019, '2021': FORMAT_2021 };
