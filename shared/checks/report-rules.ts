// Rules on the report as a whole: meta.required, meta.formatYear, t2.regulationsPower, t3.otherShare.
import { formatIdForYear, getFormat, isSupportedYear, reportYearProblem } from '../formats/index';
import type { FormatId } from '../formats/index';
import type { ReportDocument } from '../model/report';
import type { Finding } from './types';
import type { CellBuffer, CheckPlan } from './plan';
import { BLANK, NOT_FINITE, NUMBER } from './plan';
import { columnLabel, num } from './format-text';
import { isBlankText } from './text-rules';
import { TABLE_NAMES } from '../formats/vocabulary';

/** t3.otherShare: （六）其他处理 above this share of （七）总计 is worth a look. */
export const OTHER_SHARE_LIMIT = 0.1;

const FORMAT_NAMES: Record<FormatId, string> = { '2019': '2019 年版格式', '2021': '2021 年版格式' };

export function isKnownFormat(format: unknown): format is FormatId {
  return format === '2019' || format === '2021';
}

export function checkMeta(report: ReportDocument, out: Finding[]): void {
  const name = typeof report.agency?.name === 'string' ? report.agency.name : '';
  if (isBlankText(name)) {
    out.push({
      rule: 'meta.required',
      severity: 'error',
      target: 'agency.name',
      place: 'meta',
      cells: [],
      message: '还没有填写机关名称。报告标题默认由机关名称和年度组成，请在基本信息中填写机关全称。',
    });
  }
  if (typeof report.title === 'string') {
    const title = report.title.trim();
    const problem =
      title === ''
        ? '报告标题是空的'
        : !title.includes('政府信息公开工作年度报告')
          ? `报告标题“${title}”缺少“政府信息公开工作年度报告”字样`
          : isSupportedYear(report.year) && !title.includes(String(report.year)) && !title.includes(chineseYear(report.year))
            ? `报告标题“${title}”中没有报告年度 ${report.year}`
            : '';
    if (problem) {
      out.push({
        rule: 'meta.required',
        severity: 'error',
        target: 'title',
        place: 'meta',
        cells: [],
        message: `${problem}。请在基本信息中改正标题（可点“恢复默认标题”）。`,
      });
    }
  }
  const year = report.year;
  if (!isSupportedYear(year)) {
    out.push({
      rule: 'meta.required',
      severity: 'error',
      target: 'year',
      place: 'meta',
      cells: [],
      message:
        typeof year === 'number'
          ? `${reportYearProblem(year)}请在基本信息中改正。`
          : `报告年度${year === undefined || year === null ? '还没有填写' : `“${String(year)}”不是有效的年份`}。请在基本信息中填写报告所反映的年度（如 2024）。`,
    });
    if (!isKnownFormat(report.format)) out.push(unknownFormat(report.format));
    return;
  }
  const expected = formatIdForYear(year);
  if (report.format === expected) return;
  if (!isKnownFormat(report.format)) {
    out.push(unknownFormat(report.format));
    return;
  }
  const want = getFormat(expected);
  const used = getFormat(report.format);
  const usedYears = used.lastYear ? `${used.firstYear}—${used.lastYear} 年度` : `${used.firstYear} 年度及以后`;
  out.push({
    rule: 'meta.formatYear',
    severity: 'error',
    target: 'format',
    place: 'meta',
    cells: [],
    message:
      `报告年度为 ${year} 年，应使用 ${FORMAT_NAMES[expected]}，即${want.source}；` +
      `但本报告使用的是 ${FORMAT_NAMES[report.format]}（适用于 ${usedYears}）。请改用 ${FORMAT_NAMES[expected]}填写表格。`,
  });
}

function unknownFormat(format: unknown): Finding {
  return {
    rule: 'meta.formatYear',
    severity: 'error',
    target: 'format',
    place: 'meta',
    cells: [],
    message: `${typeof format === 'string' && format !== '' ? `无法识别本报告的表格格式“${format}”` : '本报告没有注明表格格式'}。2019、2020 年度使用 2019 年版格式，2021 年度及以后使用 2021 年版格式，请选择正确的格式。`,
  };
}

/** 乡镇 and 县级 bodies have no power to make 规章; a non-zero 规章 figure is usually internal rules. */
export function checkRegulationsPower(report: ReportDocument, plan: CheckPlan, cur: CellBuffer, out: Finding[]): void {
  const level = report.agency?.level;
  if (level !== '乡镇' && level !== '县级') return;
  const { values, state } = cur;
  const regs = plan.regulations;
  let nonZero = 0;
  for (let r = 0; r < regs.length; r++) {
    const i = regs[r]!;
    if (state[i] === NUMBER && values[i] !== 0) nonZero++;
  }
  if (nonZero === 0) return;
  const cells: string[] = [];
  const shown: string[] = [];
  let first = 0;
  for (const i of regs) {
    if (state[i] === NUMBER && values[i] !== 0) {
      if (cells.length === 0) first = values[i]!;
      cells.push(plan.keys[i]!);
      shown.push(`${columnLabel(plan.defs[i]!)} ${num(values[i]!)}`);
    }
  }
  out.push({
    rule: 't2.regulationsPower',
    severity: 'confirm',
    target: 'regulations',
    place: 't2',
    cells,
    expected: 0,
    // actual: the first non-zero 规章 figure (all of them are in the message and in cells).
    actual: first,
    message:
      `本机关为${level === '乡镇' ? '乡镇' : '县级'}机关，没有规章制定权，但${TABLE_NAMES.t2}“规章”行填报了非零数字（${shown.join('、')}）。` +
      '这通常是把内部规章制度误填为规章；请改为 0，或说明原因。',
  });
}

export function checkOtherShare(plan: CheckPlan, cur: CellBuffer, out: Finding[]): void {
  const { values, state } = cur;
  const ti = plan.resultsTotalTotal;
  if (state[ti] !== NUMBER) return;
  const total = values[ti]!;
  if (!(total > 0)) return;
  const parts = plan.otherShareParts;
  let other = 0;
  let filled = 0;
  for (let p = 0; p < parts.length; p++) {
    const i = parts[p]!;
    const s = state[i];
    if (s === NOT_FINITE) return;
    if (s === BLANK) continue;
    filled++;
    other += values[i]!;
  }
  if (filled === 0 || other <= total * OTHER_SHARE_LIMIT) return;
  const share = Math.round((other / total) * 1000) / 10;
  out.push({
    rule: 't3.otherShare',
    severity: 'hint',
    target: 'other',
    place: 't3',
    cells: [...Array.from(parts, (i) => plan.keys[i]!), plan.keys[ti]!],
    // expected: the most （六）其他处理 can be before the hint appears (10 % of （七）总计).
    expected: Math.round(total * OTHER_SHARE_LIMIT * 10000) / 10000,
    actual: other,
    message:
      `${TABLE_NAMES.t3}“（六）其他处理”“总计”列共 ${num(other)} 件，占“（七）总计”${num(total)} 件的 ${share}%，超过 10%` +
      `（10% 为 ${num(total * OTHER_SHARE_LIMIT)} 件）。请核对其中是否有应归入（一）至（五）项的申请。`,
  });
}

/** 2023 → “二〇二三”: a title may write its year in Chinese numerals. */
function chineseYear(year: number): string {
  return [...String(year)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
}
