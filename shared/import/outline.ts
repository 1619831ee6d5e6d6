// The outline of a pasted report: its title (year and agency) and where each of the six sections
// starts. Headings are recognised by their number (一、 … 六、) and a key word, so that typos in
// published headings (“行政法复议”) and extra words do not hide a section.
import type { SectionDef } from '../formats/types';
import { normLabel, stripLine, toHalfWidth } from './text-normalize';

export interface TitleInfo {
  line: number;
  year: number;
  agency: string;
  text: string;
}

const TITLE = /^(.*?)(\d{4})\s*年度?(.*?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?报告/;

/** The report's title among the first lines: “2019年黄金镇政府信息公开工作年度报告”,
 *  “平潭综合实验区2022年度政府信息公开工作年度报告”. */
export function findTitle(lines: string[], before: number): TitleInfo | undefined {
  for (let i = 0; i < Math.min(before, lines.length); i++) {
    const text = stripLine(lines[i]!);
    if (!text || [...text].length > 80) continue;
    const m = TITLE.exec(toHalfWidth(text).replace(/\s+/g, ''));
    if (!m) continue;
    const year = Number(m[2]);
    if (year < 2008 || year > 2100) continue;
    const agency = `${m[1]}${m[3]}`.replace(/^(关于|[《〈【\[])+/, '').replace(/[》〉】\]]+$/, '').replace(/的$/, '');
    return { line: i, year, agency, text };
  }
  return undefined;
}

export interface SectionHeading {
  index: number;
  line: number;
  /** Text that followed the heading on the same line (narrative pasted without a line break). */
  rest: string;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六'];
/** Key words that identify each heading of spec §2 even when its wording differs slightly. */
const KEY_WORDS: RegExp[] = [/总体|概述|概况/, /主动公开/, /申请/, /复议|诉讼/, /问题|改进/, /其他|事项/];
const MAX_HEADING_LENGTH = 30;

/** Heading lines of the six sections in order; a section not found is absent from the result. */
export function findSections(lines: string[], sections: SectionDef[]): (SectionHeading | undefined)[] {
  const found: (SectionHeading | undefined)[] = [];
  // Only lines that start with 一 … 六 can be headings; normalise just those (and just their start).
  const normalised = lines.map((l) => (/^[\s\u3000\u00a0]*[一二三四五六]/.test(l) ? normLabel(l.slice(0, 200)) : ''));
  let start = 0;
  sections.forEach((section, index) => {
    const exact = normLabel(section.heading);
    for (let i = start; i < lines.length; i++) {
      const n = normalised[i]!;
      if (!n.startsWith(NUMERALS[index]!)) continue;
      if (n.startsWith(exact)) {
        found[index] = { index, line: i, rest: restAfter(lines[i]!, section.heading) };
        start = i + 1;
        return;
      }
      const body = n.slice(1).replace(/^[、.,:]/, '');
      if (body.length === n.length - 1) continue; // “一” not followed by 、 — part of a sentence
      if (n.length <= MAX_HEADING_LENGTH && KEY_WORDS[index]!.test(body)) {
        found[index] = { index, line: i, rest: '' };
        start = i + 1;
        return;
      }
    }
    found[index] = undefined;
  });
  return found;
}

/** The text after an exactly matching heading on the same line, as written. */
function restAfter(line: string, heading: string): string {
  const text = stripLine(line);
  let consumed = 0;
  let matched = 0;
  const target = normLabel(heading);
  while (consumed < text.length && matched < target.length) {
    const n = normLabel(text[consumed]!);
    consumed++;
    if (n) matched += n.length;
  }
  return stripLine(text.slice(consumed));
}
