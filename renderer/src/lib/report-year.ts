// The report year as typed on the start page and in 基本信息: full-width digits from a Chinese IME are
// fine; a year outside what the app supports is refused with the reason, not just a range.
import { reportYearProblem } from '../../../shared/formats/vocabulary';
import { normaliseEntry } from '../../../shared/model/cell-value';

export type YearCheck = { ok: true; year: number } | { ok: false; message: string };

export function parseReportYear(raw: string): YearCheck {
  const text = normaliseEntry(raw).replace(/\s+/g, '').replace(/年(度)?$/, '');
  if (text === '') return { ok: false, message: '请填写报告年度（四位年份，如 2020）。' };
  if (!/^\d{4}$/.test(text)) return { ok: false, message: `“${raw.trim()}”不是四位年份，请填写如 2020 这样的年份。` };
  const year = Number(text);
  const problem = reportYearProblem(year);
  return problem ? { ok: false, message: problem } : { ok: true, year };
}
