// The report year as typed on the start page and in 基本信息: full-width digits from a Chinese IME are
// fine; a year outside what the app supports is refused with the reason, not just a range.
import { normaliseEntry } from '../../../shared/model/cell-value';

/** The first year whose report uses one of the two supported formats (2019 format: 国办公开办函〔2019〕60号). */
export const FIRST_YEAR = 2019;
/** The last year a report file may carry (the file schema's limit). */
export const LAST_YEAR = 2100;

export type YearCheck = { ok: true; year: number } | { ok: false; message: string };

export function parseReportYear(raw: string): YearCheck {
  const text = normaliseEntry(raw).replace(/\s+/g, '').replace(/年(度)?$/, '');
  if (text === '') return { ok: false, message: '请填写报告年度（四位年份，如 2020）。' };
  if (!/^\d{4}$/.test(text)) return { ok: false, message: `“${raw.trim()}”不是四位年份，请填写如 2020 这样的年份。` };
  const year = Number(text);
  if (year < FIRST_YEAR) {
    return {
      ok: false,
      message: `${year} 年度的年报使用 2019 年以前的旧格式，年报助手不支持；请填写 ${FIRST_YEAR} 年度及以后的年份。`,
    };
  }
  if (year > LAST_YEAR) return { ok: false, message: `报告年度不能晚于 ${LAST_YEAR} 年。` };
  return { ok: true, year };
}
