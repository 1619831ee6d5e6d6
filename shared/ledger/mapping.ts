// From a sheet as written to ledger entries: find the header row, propose which column is which and
// what each distinct value means, with the number of rows per value. Proposals are only proposals: the
// user sees and edits them, and values nobody mapped are listed (their rows are then excluded by the
// count with a reason), never dropped.
import type { FormatId } from '../formats/types';
import { APPLICANT_KEYS, groupOf, ledgerCategories, stripNumbering, type ApplicantKey } from './categories';
import { LEDGER_FIELDS, type LedgerEntry, type LedgerField, type RawCell, type RawSheet, type ResultValue } from './types';
import { removeBracketed } from '../text/trim';

/** The column and value mapping the user confirms; JSON, so it travels over IPC and into preferences. */
export interface LedgerMapping {
  /** Sheet row number (1-based) of the header; data starts below it. */
  headerRow: number;
  /** Field → 0-based column index. */
  columns: Partial<Record<LedgerField, number>>;
  /** Value as written (normalised by normaliseValue) → applicant key. */
  applicantValues: Record<string, ApplicantKey>;
  /** 办理结果 value → result keys or groups ('granted', 'withheld', 'unavailable.notHeld'); several when the cell holds several. */
  resultValues: Record<string, string[]>;
  /** 具体情形 value → result keys. */
  reasonValues: Record<string, string[]>;
}

/** What is remembered for next year: columns by their heading, and the value maps. */
export interface RememberedMapping {
  columns: Record<string, LedgerField>;
  applicantValues: Record<string, ApplicantKey>;
  resultValues: Record<string, string[]>;
  reasonValues: Record<string, string[]>;
}

export const FIELD_LABELS: Record<LedgerField, string> = {
  serial: '序号',
  received: '收到日期',
  applicant: '申请人',
  applicantType: '申请人类型',
  content: '申请内容',
  answered: '答复日期',
  result: '办理结果',
  reason: '具体情形',
  note: '备注',
};

/** Headings seen in real ledgers, per field. Longer headings are tried first, so 申请人类型 wins over 申请人. */
const HEADINGS: Record<LedgerField, string[]> = {
  serial: ['序号', '编号', '登记号', '登记编号', '申请编号', '受理编号', '流水号', '顺序号', '序'],
  received: ['收到日期', '受理日期', '收到时间', '受理时间', '申请日期', '申请时间', '登记日期', '登记时间', '接收日期', '收件日期', '来件日期', '收文日期'],
  applicant: ['申请人', '申请人姓名', '申请人名称', '姓名或名称', '姓名/名称', '申请单位', '姓名'],
  applicantType: ['申请人类型', '申请人类别', '申请人性质', '申请人身份', '申请主体类型', '申请主体', '主体类型', '申请人分类', '类别', '类型'],
  content: ['申请内容', '申请公开的内容', '申请公开内容', '所需信息', '申请事项', '申请信息', '内容描述', '内容'],
  answered: ['答复日期', '答复时间', '办结日期', '办结时间', '回复日期', '回复时间', '告知日期', '处理日期', '出具日期'],
  result: ['办理结果', '答复类型', '答复结果', '处理结果', '办理情况', '答复情况', '答复方式', '处理方式', '结果'],
  reason: ['具体情形', '不予公开/无法提供/不予处理/其他处理的具体情形', '情形', '理由', '不予公开理由', '原因', '依据'],
  note: ['备注', '说明', '附注'],
};

const HEADING_LIST: Array<[string, LedgerField]> = LEDGER_FIELDS.flatMap((f) => HEADINGS[f].map((h): [string, LedgerField] => [normaliseHeading(h), f])).sort(
  (a, b) => b[0].length - a[0].length,
);

/** Heading text without spaces, line breaks, stars and bracketed notes: “收到日期\n（年/月/日）*” → “收到日期”. */
export function normaliseHeading(text: string): string {
  return removeBracketed(text, '（(【[', '）)】]').replace(/[\s*＊:：]/g, '');
}

/** A value as compared and remembered: trimmed, inner whitespace removed, ASCII brackets made full-width. */
export function normaliseValue(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return cell.date;
  return String(cell).trim();
}

function fieldOfHeading(text: string, remembered?: RememberedMapping): LedgerField | undefined {
  const h = normaliseHeading(text);
  if (h === '') return undefined;
  const known = remembered?.columns[h];
  if (known) return known;
  for (const [heading, field] of HEADING_LIST) if (h === heading) return field;
  for (const [heading, field] of HEADING_LIST) if (heading.length >= 2 && h.includes(heading)) return field;
  return undefined;
}

/** The sheet row (1-based) whose cells look most like ledger headings, among the first 30 rows. */
export function findHeaderRow(sheet: RawSheet, remembered?: RememberedMapping): number | undefined {
  let best: number | undefined;
  let bestScore = 1;
  const last = Math.min(sheet.rows.length, 30);
  for (let i = 0; i < last; i++) {
    const fields = new Set<LedgerField>();
    for (const cell of sheet.rows[i] ?? []) {
      if (typeof cell !== 'string') continue;
      const f = fieldOfHeading(cell, remembered);
      if (f) fields.add(f);
    }
    if (fields.size > bestScore) {
      bestScore = fields.size;
      best = i + 1;
    }
  }
  return best;
}

/** Which column is which: each field its best column, each column at most one field. */
export function proposeColumns(headers: readonly RawCell[], remembered?: RememberedMapping): Partial<Record<LedgerField, number>> {
  const columns: Partial<Record<LedgerField, number>> = {};
  headers.forEach((cell, index) => {
    const field = fieldOfHeading(cellText(cell), remembered);
    if (field && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

// ---------------------------------------------------------------------------------------------------
// Values

const APPLICANT_WORDS: Array<[ApplicantKey, string[]]> = [
  ['legalServices', ['法律服务', '律师事务所', '律所', '公证处']],
  ['research', ['科研', '研究所', '研究院', '研究中心', '高校', '大学', '学院']],
  ['publicInterest', ['公益', '基金会', '社会组织', '社会团体', '社团', '协会', '民办非企业']],
  ['commercial', ['企业', '公司', '个体工商户', '个体户', '商户', '厂']],
  ['natural', ['自然人', '公民', '个人', '群众', '居民', '村民', '农民', '市民']],
  ['otherOrg', ['其他', '其它']],
];

export function proposeApplicant(value: string): ApplicantKey | undefined {
  const v = normaliseValue(value);
  if (v === '') return undefined;
  for (const cat of ledgerCategories('2021').applicants) if (v === cat.label || v === cat.listLabel) return cat.key;
  for (const [key, words] of APPLICANT_WORDS) if (words.some((w) => v.includes(w))) return key;
  return undefined;
}

/** Key phrases of the reasons, each leading to one result row. */
const REASON_WORDS: Array<[string, string[]]> = [
  ['withheld.stateSecret', ['国家秘密', '涉密', '属于秘密']],
  ['withheld.prohibitedByLaw', ['法律行政法规禁止', '法律法规禁止', '禁止公开']],
  ['withheld.securityStability', ['三安全一稳定', '国家安全', '公共安全', '经济安全', '社会稳定']],
  ['withheld.thirdPartyRights', ['第三方', '商业秘密', '个人隐私']],
  ['withheld.internalAffairs', ['内部事务', '内部管理']],
  ['withheld.processInformation', ['过程性']],
  ['withheld.enforcementFiles', ['执法案卷']],
  ['withheld.queryMatters', ['行政查询', '查询事项']],
  ['unavailable.notHeld', ['不掌握', '信息不存在', '不存在', '非本机关', '未制作', '未获取']],
  ['unavailable.needsCreation', ['另行制作', '没有现成', '加工', '汇总分析']],
  ['unavailable.stillUnclear', ['不明确', '补正后']],
  ['notProcessed.petitions', ['信访', '举报', '投诉']],
  ['notProcessed.duplicates', ['重复申请', '重复']],
  ['notProcessed.publications', ['出版物']],
  ['notProcessed.excessive', ['大量反复', '大量']],
  ['notProcessed.confirmations', ['确认', '重新出具']],
  ['other.noCorrection', ['不补正', '未补正']],
  ['other.unpaidFee', ['缴纳费用', '缴费', '收费通知']],
  ['other.misc', ['撤回', '撤销申请']],
];

const GROUP_WORDS: Array<[string, string[]]> = [
  ['withheld', ['不予公开', '不公开']],
  ['unavailable', ['无法提供']],
  ['notProcessed', ['不予处理', '不予受理']],
  ['other', ['其他处理', '其它处理']],
  ['granted', ['予以公开', '同意公开', '全部公开', '已公开', '公开', '提供']],
];

function exactLabel(value: string, format: FormatId): string | undefined {
  const v = stripNumbering(normaliseValue(value).replace(/^\d+[、.．]/, ''));
  for (const g of ledgerCategories(format).groups) {
    if (v === g.label) return g.key;
    for (const r of g.reasons) if (v === r.label) return r.key;
  }
  return undefined;
}

function byKeywords(value: string, format: FormatId): string | undefined {
  const v = normaliseValue(value);
  if (v === '') return undefined;
  if (v.includes('部分')) return 'partlyGranted';
  for (const [key, words] of REASON_WORDS) if (words.some((w) => v.includes(w))) return format === '2019' && groupOf(key) === 'other' ? 'other' : key;
  for (const [key, words] of GROUP_WORDS) if (words.some((w) => v.includes(w))) return key;
  return undefined;
}

/**
 * What a 办理结果 or 具体情形 value means: one target, or several when the cell lists several results
 * (“同意公开；不予公开”). An official label is taken whole even when it holds a “、”.
 */
export function proposeResult(value: string, format: FormatId): string[] | undefined {
  const exact = exactLabel(value, format);
  if (exact) return [exact];
  const parts = value.split(/[；;、,，/／+＋\n]+/).map((p) => p.trim()).filter(Boolean);
  if (parts.length >= 2) {
    const targets = parts.map((p) => exactLabel(p, format) ?? byKeywords(p, format));
    if (targets.every((t): t is string => t !== undefined)) return targets;
  }
  const guess = byKeywords(value, format);
  return guess ? [guess] : undefined;
}

// ---------------------------------------------------------------------------------------------------
// The whole proposal

export interface ValueCount<T> {
  value: string;
  count: number;
  /** The proposed (or, once edited, chosen) meaning; undefined when unmapped. */
  mapped: T | undefined;
}

export interface LedgerAnalysis {
  sheetName: string;
  headerRow: number;
  /** Header texts by column index. */
  headers: string[];
  mapping: LedgerMapping;
  /** Data rows below the header (not blank). */
  dataRows: number;
  applicantValues: ValueCount<ApplicantKey>[];
  resultValues: ValueCount<string[]>[];
  reasonValues: ValueCount<string[]>[];
  /** Fields the ledger must have but no column was found for. */
  missingFields: LedgerField[];
}

export const REQUIRED_FIELDS: LedgerField[] = ['received', 'applicantType', 'answered', 'result'];

function dataRowIndexes(sheet: RawSheet, mapping: LedgerMapping): number[] {
  const cols = Object.entries(mapping.columns).filter(([f]) => f !== 'serial').map(([, c]) => c as number);
  const out: number[] = [];
  for (let i = mapping.headerRow; i < sheet.rows.length; i++) {
    const row = sheet.rows[i];
    if (!row) continue;
    if (cols.some((c) => cellText(row[c]) !== '')) out.push(i);
  }
  return out;
}

function distinct(sheet: RawSheet, rows: number[], column: number | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  if (column === undefined) return counts;
  for (const i of rows) {
    const v = normaliseValue(cellText(sheet.rows[i]?.[column]));
    if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

/** Propose a complete mapping for a sheet; `remembered` (last year's choices) goes first. */
export function analyseLedger(sheet: RawSheet, format: FormatId, remembered?: RememberedMapping): LedgerAnalysis {
  const headerRow = findHeaderRow(sheet, remembered) ?? 1;
  const headerCells = sheet.rows[headerRow - 1] ?? [];
  const mapping: LedgerMapping = {
    headerRow,
    columns: proposeColumns(headerCells, remembered),
    applicantValues: {},
    resultValues: {},
    reasonValues: {},
  };
  const rows = dataRowIndexes(sheet, mapping);
  const propose = <T>(column: number | undefined, memory: Record<string, T> | undefined, guess: (v: string) => T | undefined, into: Record<string, T>) => {
    const list: ValueCount<T>[] = [];
    for (const [value, count] of distinct(sheet, rows, column)) {
      const mapped = memory?.[value] ?? guess(value);
      if (mapped !== undefined) into[value] = mapped;
      list.push({ value, count, mapped });
    }
    return list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  const applicantValues = propose(mapping.columns.applicantType, remembered?.applicantValues, proposeApplicant, mapping.applicantValues);
  const resultValues = propose(mapping.columns.result, remembered?.resultValues, (v) => proposeResult(v, format), mapping.resultValues);
  const reasonValues = propose(mapping.columns.reason, remembered?.reasonValues, (v) => proposeResult(v, format), mapping.reasonValues);
  return {
    sheetName: sheet.name,
    headerRow,
    headers: headerCells.map((c) => cellText(c)),
    mapping,
    dataRows: rows.length,
    applicantValues,
    resultValues,
    reasonValues,
    missingFields: REQUIRED_FIELDS.filter((f) => mapping.columns[f] === undefined),
  };
}

/** Recount the values under an edited mapping (the user picked another column or another meaning). */
export function valueCounts(sheet: RawSheet, mapping: LedgerMapping): Pick<LedgerAnalysis, 'applicantValues' | 'resultValues' | 'reasonValues' | 'dataRows'> {
  const rows = dataRowIndexes(sheet, mapping);
  const list = <T>(column: number | undefined, map: Record<string, T>) =>
    [...distinct(sheet, rows, column)].map(([value, count]) => ({ value, count, mapped: map[value] })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    dataRows: rows.length,
    applicantValues: list(mapping.columns.applicantType, mapping.applicantValues),
    resultValues: list(mapping.columns.result, mapping.resultValues),
    reasonValues: list(mapping.columns.reason, mapping.reasonValues),
  };
}

/** Values that have rows but no meaning: the user must see these before counting. */
export function unmappedValues(analysis: Pick<LedgerAnalysis, 'applicantValues' | 'resultValues' | 'reasonValues'>): Array<{ field: LedgerField; value: string; count: number }> {
  return [
    ...analysis.applicantValues.filter((v) => v.mapped === undefined).map((v) => ({ field: 'applicantType' as const, value: v.value, count: v.count })),
    ...analysis.resultValues.filter((v) => v.mapped === undefined).map((v) => ({ field: 'result' as const, value: v.value, count: v.count })),
    ...analysis.reasonValues.filter((v) => v.mapped === undefined).map((v) => ({ field: 'reason' as const, value: v.value, count: v.count })),
  ];
}

/** The ledger entries under a mapping: one per non-blank data row, in sheet order. */
export function applyMapping(sheet: RawSheet, mapping: LedgerMapping): LedgerEntry[] {
  const c = mapping.columns;
  const get = (row: RawCell[], col: number | undefined): RawCell => (col === undefined ? null : (row[col] ?? null));
  // Values repeat down a column: normalise each distinct text once.
  const normalised = new Map<string, string>();
  const norm = (text: string): string => {
    let v = normalised.get(text);
    if (v === undefined) {
      v = normaliseValue(text);
      normalised.set(text, v);
    }
    return v;
  };
  const mapResult = (cell: RawCell, map: Record<string, string[]>): ResultValue => {
    const v = norm(cellText(cell));
    if (v === '') return { kind: 'empty' };
    const targets = map[v];
    return targets && targets.length > 0 ? { kind: 'ok', targets } : { kind: 'unknown', text: v };
  };
  return dataRowIndexes(sheet, mapping).map((i): LedgerEntry => {
    const row = sheet.rows[i]!;
    const type = norm(cellText(get(row, c.applicantType)));
    const key = mapping.applicantValues[type];
    const entry: LedgerEntry = {
      row: i + 1,
      serial: cellText(get(row, c.serial)),
      received: get(row, c.received),
      answered: get(row, c.answered),
      applicant: type === '' ? { kind: 'empty' } : key && (APPLICANT_KEYS as readonly string[]).includes(key) ? { kind: 'ok', key } : { kind: 'unknown', text: type },
      result: mapResult(get(row, c.result), mapping.resultValues),
      reason: mapResult(get(row, c.reason), mapping.reasonValues),
    };
    const name = cellText(get(row, c.applicant));
    const content = cellText(get(row, c.content));
    if (name) entry.applicantName = name;
    if (content) entry.content = content;
    return entry;
  });
}

/** What to remember for next year: the confirmed mapping, with columns by their heading. */
export function rememberMapping(headers: readonly string[], mapping: LedgerMapping, previous?: RememberedMapping): RememberedMapping {
  const columns: Record<string, LedgerField> = {};
  for (const [field, index] of Object.entries(mapping.columns) as Array<[LedgerField, number]>) {
    const h = normaliseHeading(headers[index] ?? '');
    if (h) columns[h] = field;
  }
  return {
    columns: { ...previous?.columns, ...columns },
    applicantValues: { ...previous?.applicantValues, ...mapping.applicantValues },
    resultValues: { ...previous?.resultValues, ...mapping.resultValues },
    reasonValues: { ...previous?.reasonValues, ...mapping.reasonValues },
  };
}
