// Table 3 counted from the application ledger, by the rules of spec §10. For report year Y:
//   received    = received in Y
//   carriedIn   = received before Y and not answered by 31 Dec Y−1
//   results     = answered in Y, by result (several results count once: 部分公开 when part was given)
//   carriedOver = received by 31 Dec Y and not answered by then
// so received + carriedIn = resultsTotal + carriedOver holds by construction. Rows that cannot be
// counted are returned with their row number and the reason, never dropped.
import { formatModel } from '../formats/index';
import type { FormatId } from '../formats/types';
import { groupOf, ledgerCategories, type ApplicantKey } from './categories';
import { parseLedgerDate, type LedgerDate } from './dates';
import type { LedgerEntry, ResultValue } from './types';
import { TABLE_NAMES } from '../formats/vocabulary';

export type ExclusionKind =
  | 'duplicateSerial'
  | 'receivedMissing'
  | 'receivedInvalid'
  | 'answeredInvalid'
  | 'answeredBeforeReceived'
  | 'futureDate'
  | 'applicantMissing'
  | 'applicantUnknown'
  | 'resultMissing'
  | 'resultUnknown'
  | 'reasonMissing'
  | 'reasonUnknown'
  | 'resultWithoutAnswer';

export interface ExcludedRow {
  row: number;
  serial: string;
  kind: ExclusionKind;
  /** Chinese, says what is wrong and what to do. */
  message: string;
}

export interface LedgerCountOptions {
  year: number;
  format: FormatId;
  /** ISO day of today: dates after it are impossible. */
  today: string;
}

export interface LedgerTable3 {
  year: number;
  format: FormatId;
  /** Every t3 key of the format, totals included. */
  cells: Record<string, number>;
  /** Cell key → the sheet row numbers it counts (totals: the rows of their parts), in ledger order. */
  rowsByCell: Record<string, number[]>;
  excluded: ExcludedRow[];
  /** Data rows looked at (blank rows are not data). */
  rows: number;
  /** Rows that contributed to at least one cell. */
  counted: number;
  /** Rows with valid data that concern other years only (answered before Y, or received after Y). */
  otherYears: number;
}

const GRANTING = new Set(['granted', 'partlyGranted']);

interface Resolved {
  key?: string;
  problem?: { kind: ExclusionKind; message: string };
}

/** The one table 3 row an answered application counts under, or why it cannot be counted. */
export function resolveResult(format: FormatId, result: ResultValue, reason: ResultValue): Resolved {
  const cats = ledgerCategories(format);
  if (result.kind === 'unknown') {
    return { problem: { kind: 'resultUnknown', message: `办理结果“${result.text}”不是${TABLE_NAMES.t3}的结果类别，请在对应关系中指定它属于哪一类` } };
  }
  if (reason.kind === 'unknown' && result.kind === 'ok' && result.targets.some((t) => needsReason(format, t))) {
    return { problem: { kind: 'reasonUnknown', message: `具体情形“${reason.text}”不是${TABLE_NAMES.t3}的情形，请在对应关系中指定它属于哪一项` } };
  }
  const reasons = reason.kind === 'ok' ? reason.targets.map((t) => normaliseKey(format, t)) : [];
  const targets = result.kind === 'ok' ? result.targets.map((t) => normaliseKey(format, t)) : reasons.filter((t) => cats.resultKeys.includes(t));
  if (targets.length === 0) {
    return { problem: { kind: 'resultMissing', message: '已有答复日期但没有办理结果，请填写办理结果' } };
  }
  const groups = targets.map(groupOf);
  if (groups.some((g) => GRANTING.has(g)) && (groups.some((g) => !GRANTING.has(g)) || groups.includes('partlyGranted'))) {
    return { key: 'partlyGranted' };
  }
  const first = targets[0]!;
  if (cats.resultKeys.includes(first)) return { key: first };
  const group = cats.groups.find((g) => g.key === groupOf(first));
  if (!group) return { problem: { kind: 'resultUnknown', message: `办理结果“${first}”不是${TABLE_NAMES.t3}的结果类别` } };
  const given = reasons.find((r) => groupOf(r) === group.key && cats.resultKeys.includes(r));
  if (given) return { key: given };
  if (reason.kind === 'ok') {
    return { problem: { kind: 'reasonMissing', message: `办理结果为“${group.label}”，但具体情形不是“${group.label}”的情形之一，请改正具体情形` } };
  }
  return { problem: { kind: 'reasonMissing', message: `办理结果为“${group.label}”，缺少具体情形（${group.reasons.map((r) => r.printed).join('、')}），请补填` } };
}

function needsReason(format: FormatId, target: string): boolean {
  return !ledgerCategories(format).resultKeys.includes(normaliseKey(format, target));
}

/** A key remembered from the other format: 2019 has one 其他处理 row, 2021 three. */
function normaliseKey(format: FormatId, key: string): string {
  if (format === '2019' && key.startsWith('other.')) return 'other';
  return key;
}

function dateProblem(field: '收到日期' | '答复日期', d: LedgerDate, today: string): { kind: ExclusionKind; message: string } | undefined {
  if (d.kind === 'invalid') {
    return {
      kind: field === '收到日期' ? 'receivedInvalid' : 'answeredInvalid',
      message: `${field}“${d.text}”${d.why}，请填写日期，如 2025-01-05`,
    };
  }
  if (d.kind === 'date' && d.iso > today) return { kind: 'futureDate', message: `${field} ${d.iso} 在今天（${today}）之后，请改正` };
  return undefined;
}

export function countLedger(entries: readonly LedgerEntry[], opts: LedgerCountOptions): LedgerTable3 {
  const { year, format, today } = opts;
  const model = formatModel(format);
  const t3Keys = model.keysByTable.t3;
  const cells: Record<string, number> = {};
  const rowsByCell: Record<string, number[]> = {};
  for (const key of t3Keys) {
    cells[key] = 0;
    rowsByCell[key] = [];
  }
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const excluded: ExcludedRow[] = [];
  const firstRowOfSerial = new Map<string, number>();
  let counted = 0;
  let otherYears = 0;

  // Cell keys per (row, applicant), made once: 20 000 rows must count in well under a second.
  const keyCache = new Map<string, string[]>();
  const keysFor = (rowKey: string, applicant: ApplicantKey): string[] => {
    const id = `${rowKey}|${applicant}`;
    let keys = keyCache.get(id);
    if (!keys) {
      keys = [`t3.${rowKey}.${applicant}`, `t3.${rowKey}.total`];
      if (rowKey !== 'received' && rowKey !== 'carriedIn' && rowKey !== 'carriedOver') keys.push(`t3.resultsTotal.${applicant}`, 't3.resultsTotal.total');
      keyCache.set(id, keys);
    }
    return keys;
  };
  const add = (rowKey: string, applicant: ApplicantKey, row: number) => {
    for (const key of keysFor(rowKey, applicant)) {
      cells[key]! += 1;
      rowsByCell[key]!.push(row);
    }
  };
  // Ledgers repeat their dates and their results: parse and resolve each distinct one once.
  const dateCache = new Map<string, LedgerDate>();
  const dateOf = (cell: LedgerEntry['received']): LedgerDate => {
    if (cell === null || typeof cell === 'number' || typeof cell === 'boolean') return parseLedgerDate(cell);
    const id = typeof cell === 'string' ? `s${cell}` : `d${cell.date}`;
    let d = dateCache.get(id);
    if (!d) {
      d = parseLedgerDate(cell);
      dateCache.set(id, d);
    }
    return d;
  };
  const resultCache = new Map<string, ReturnType<typeof resolveResult>>();
  const valueId = (v: ResultValue) => (v.kind === 'ok' ? `o${v.targets.join('|')}` : v.kind === 'unknown' ? `u${v.text}` : 'e');
  const resultOf = (entry: LedgerEntry) => {
    const id = `${valueId(entry.result)}#${valueId(entry.reason)}`;
    let r = resultCache.get(id);
    if (!r) {
      r = resolveResult(format, entry.result, entry.reason);
      resultCache.set(id, r);
    }
    return r;
  };

  for (const entry of entries) {
    const exclude = (kind: ExclusionKind, message: string) => excluded.push({ row: entry.row, serial: entry.serial, kind, message });
    const serial = entry.serial.trim();
    if (serial !== '') {
      const first = firstRowOfSerial.get(serial);
      if (first !== undefined) {
        exclude('duplicateSerial', `序号“${serial}”与第 ${first} 行相同，本行未计入；同一申请登记了两次请删去一行，不同申请请改正序号`);
        continue;
      }
      firstRowOfSerial.set(serial, entry.row);
    }
    const received = dateOf(entry.received);
    const answered = dateOf(entry.answered);
    const problem = dateProblem('收到日期', received, today) ?? dateProblem('答复日期', answered, today);
    if (problem) {
      exclude(problem.kind, problem.message);
      continue;
    }
    if (received.kind !== 'date') {
      exclude('receivedMissing', '没有收到日期，无法判断属于哪一年，请补填收到日期');
      continue;
    }
    const r = received.iso;
    const a = answered.kind === 'date' ? answered.iso : undefined;
    if (a !== undefined && a < r) {
      exclude('answeredBeforeReceived', `答复日期 ${a} 早于收到日期 ${r}，请改正其中一个日期`);
      continue;
    }
    // Concerns year Y at all? Received after Y, or answered before Y: another year's table.
    if (r > yearEnd || (a !== undefined && a < yearStart)) {
      otherYears++;
      continue;
    }
    const applicant = entry.applicant;
    if (applicant.kind !== 'ok') {
      if (applicant.kind === 'empty') exclude('applicantMissing', '没有申请人类型，请填写（自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他组织）');
      else exclude('applicantUnknown', `申请人类型“${applicant.text}”不是${TABLE_NAMES.t3}的申请人类别，请在对应关系中指定它属于哪一类`);
      continue;
    }
    const answeredInYear = a !== undefined && a <= yearEnd;
    let resultKey: string | undefined;
    if (answeredInYear) {
      const resolved = resultOf(entry);
      if (resolved.problem) {
        exclude(resolved.problem.kind, resolved.problem.message);
        continue;
      }
      resultKey = resolved.key;
    } else if (a === undefined && entry.result.kind === 'ok') {
      exclude('resultWithoutAnswer', '已有办理结果但没有答复日期，请补填答复日期（仍在办理的申请请清空办理结果）');
      continue;
    }
    const key = applicant.key;
    if (r >= yearStart) add('received', key, entry.row);
    else add('carriedIn', key, entry.row);
    if (resultKey !== undefined) add(resultKey, key, entry.row);
    else add('carriedOver', key, entry.row);
    counted++;
  }
  return { year, format, cells, rowsByCell, excluded, rows: entries.length, counted, otherYears };
}

