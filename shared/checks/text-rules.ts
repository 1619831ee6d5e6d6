// Rules on the narrative sections: text.empty, text.overviewLength, text.feeStatement.
import type { ReportDocument } from '../model/report';
import type { SectionKey } from '../formats/index';
import type { Finding } from './types';
import type { CheckPlan } from './plan';
import { num } from './format-text';
import { SECTION_HEADINGS } from '../formats/vocabulary';

export const OVERVIEW_MAX_CHARACTERS = 1000;

function isSpace(c: number): boolean {
  return c <= 32 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

/** A section's text, or '' when the section is missing or not text. */
export function sectionText(report: ReportDocument, key: SectionKey): string {
  const sections = report.sections as Partial<Record<SectionKey, unknown>> | undefined;
  const text = sections?.[key];
  return typeof text === 'string' ? text : '';
}

/** True when the text has nothing but whitespace (including the full-width space). */
export function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Characters as a reader counts 字: code points, whitespace and line breaks not counted. */
export function countCharacters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: second half of one character
    n++;
  }
  return n;
}

// Section 六 states the fee when it mentions a 处理费 (信息处理费, 信息公开处理费…), a 信息公开费, or says
// in one clause that no fee was charged (“未收取任何费用”, “没有收费”). Accepted on purpose:
// “未收取信息处理费”, “无收取信息处理费情况”, “信息处理费0元”.
const FEE_STATEMENT = /处理费|信息公开费|(?:未|没有|无|不|免)[^。；;！!\n]{0,10}收(?:取)?[^。；;！!\n]{0,8}费/;

export function mentionsFee(text: string): boolean {
  return FEE_STATEMENT.test(text);
}

// One-entry caches: the editor re-runs the checks on every keystroke, usually with the same texts.
let lastOverview: string | undefined;
let lastOverviewCount = 0;
let lastOther: string | undefined;
let lastOtherMentionsFee = false;

function overviewLength(text: string): number {
  if (text !== lastOverview) {
    lastOverview = text;
    lastOverviewCount = countCharacters(text);
  }
  return lastOverviewCount;
}

function otherMentionsFee(text: string): boolean {
  if (text !== lastOther) {
    lastOther = text;
    lastOtherMentionsFee = mentionsFee(text);
  }
  return lastOtherMentionsFee;
}

export function checkTexts(report: ReportDocument, plan: CheckPlan, out: Finding[]): void {
  const is2021 = plan.id === '2021';
  const feeReported = plan.model.format.feeReportedUnderOther;
  const overview = sectionText(report, 'overview');
  const problems = sectionText(report, 'problems');
  const other = sectionText(report, 'other');

  if (isBlankText(overview)) {
    out.push({
      rule: 'text.empty',
      severity: 'error',
      target: 'overview',
      place: 'overview',
      cells: [],
      message: `“${SECTION_HEADINGS.overview}”还没有填写。请概述本年度主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障等情况。`,
    });
  } else if (is2021) {
    const length = overviewLength(overview);
    if (length > OVERVIEW_MAX_CHARACTERS) {
      out.push({
        rule: 'text.overviewLength',
        severity: 'hint',
        target: 'overview',
        place: 'overview',
        cells: [],
        expected: OVERVIEW_MAX_CHARACTERS,
        actual: length,
        message: `“${SECTION_HEADINGS.overview}”共 ${num(length)} 字，超过 ${OVERVIEW_MAX_CHARACTERS} 字（格式要求“篇幅原则上不超过一千字”），超出 ${num(length - OVERVIEW_MAX_CHARACTERS)} 字。可适当精简。`,
      });
    }
  }

  if (isBlankText(problems)) {
    out.push({
      rule: 'text.empty',
      severity: 'error',
      target: 'problems',
      place: 'problems',
      cells: [],
      message: `“${SECTION_HEADINGS.problems}”还没有填写。请具体写明本年度存在的问题和改进措施，不要敷衍或与往年雷同。`,
    });
  }

  if (isBlankText(other)) {
    out.push(
      feeReported
        ? {
            rule: 'text.empty',
            severity: 'confirm',
            target: 'other',
            place: 'other',
            cells: [],
            message:
              `“${SECTION_HEADINGS.other}”还没有填写。2021 年版格式要求在此报告收取信息处理费的情况，未收取也要写明（如“本年度未收取信息处理费”）。请填写，或说明原因。`,
          }
        : {
            rule: 'text.empty',
            severity: 'hint',
            target: 'other',
            place: 'other',
            cells: [],
            message: `“${SECTION_HEADINGS.other}”是空的。没有需要报告的事项时，可写“无”。`,
          },
    );
  } else if (feeReported && !otherMentionsFee(other)) {
    // Only when 六 has text: an empty 六 is already a text.empty confirm for the same reason.
    out.push({
      rule: 'text.feeStatement',
      severity: 'confirm',
      target: 'other',
      place: 'other',
      cells: [],
      message:
        `“${SECTION_HEADINGS.other}”没有提到信息处理费。2021 年版格式要求在此报告收取信息处理费的情况，未收取也要写明（如“本年度未收取信息处理费”）。请补充，或说明原因。`,
    });
  }
}
