// Dates as ledgers hold them: real date cells, Excel serial numbers, and text (2025-01-05, 2025/1/5,
// 2025.1.5, 2025年1月5日, 20250105, full-width digits). The result is an ISO day (YYYY-MM-DD), which
// compares correctly as a string, or the reason the cell is not a date.
import type { RawCell } from './types';

export type LedgerDate =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  | { kind: 'invalid'; text: string; why: string };

const EMPTY: LedgerDate = { kind: 'empty' };
/** Excel day 25569 is 1970-01-01 (serials after 1900-03-01 are exact). */
const EXCEL_EPOCH_OFFSET = 25569;
const DAY_MS = 86_400_000;
/** Years a government-information application can carry (the Regulations date from 2008). */
const MIN_YEAR = 2000;
const MAX_YEAR = 2099;

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDay(year: number, month: number, day: number): string | undefined {
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function excelSerialToIso(serial: number): string {
  const d = new Date(Math.round((Math.floor(serial) - EXCEL_EPOCH_OFFSET) * DAY_MS));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function checkRange(iso: string, text: string): LedgerDate {
  const year = Number(iso.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) return { kind: 'invalid', text, why: `年份 ${year} 不合理` };
  return { kind: 'date', iso };
}

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}[:：]\d{1,2}(?:[:：]\d{1,2}(?:\.\d+)?)?)?$/u;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

export function parseLedgerDate(cell: RawCell): LedgerDate {
  if (cell === null || cell === undefined) return EMPTY;
  if (typeof cell === 'object') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell.date);
    const iso = m ? isoDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
    return iso ? checkRange(iso, cell.date) : { kind: 'invalid', text: cell.date, why: '不是有效日期' };
  }
  if (typeof cell === 'boolean') return { kind: 'invalid', text: String(cell), why: '不是日期' };
  if (typeof cell === 'number') return fromNumber(cell, String(cell));
  const text = cell.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/[／－]/g, (c) => (c === '／' ? '/' : '-')).trim();
  if (text === '') return EMPTY;
  let m = DATE_TEXT.exec(text);
  if (m) {
    const iso = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? checkRange(iso, cell) : { kind: 'invalid', text: cell, why: '日期不存在' };
  }
  m = COMPACT.exec(text);
  if (m) {
    const iso = isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? checkRange(iso, cell) : { kind: 'invalid', text: cell, why: '日期不存在' };
  }
  if (SERIAL_TEXT.test(text)) return fromNumber(Number(text), cell);
  return { kind: 'invalid', text: cell, why: '不是日期' };
}

function fromNumber(n: number, text: string): LedgerDate {
  if (Number.isInteger(n) && n >= 20_000_101 && n <= 20_991_231) {
    const iso = isoDay(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
    return iso ? checkRange(iso, text) : { kind: 'invalid', text, why: '日期不存在' };
  }
  if (Number.isFinite(n) && n >= 1 && n < 2_958_466) return checkRange(excelSerialToIso(n), text);
  return { kind: 'invalid', text, why: '不是日期' };
}
