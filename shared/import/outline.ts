// The outline of a pasted report: its title (year and agency) and where each of the six sections
// starts. Headings are recognised by their number (一、 … 六、) and a key word, so that typos in
// published headings (“行政法复议”) and extra words do not hide a section.
import type { SectionDef } from '../formats/types';
import { FIRST_REPORT_YEAR, LAST_SUPPORTED_YEAR } from '../formats/vocabulary';
import { normLabel, stripLine, toHalfWidth } from './text-normalize';
import { trimEndChars } from '../text/trim';

export interface TitleInfo {
  /** First line of the title. */
  line: number;
  /** The title is named inside a sentence of the preamble (“特编制……2023年政府信息公开工作年度报告。”):
   *  the sentence is report text and stays in it. */
  inSentence?: boolean;
  /** Last line of the title: a title broken over two lines ends on the next one. */
  lastLine: number;
  year: number;
  agency: string;
  text: string;
}

const TITLE = /^(.*?)(\d{4})\s*年度?(.*?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?报告/;
/** A line that is only a body's name (“黄金镇人民政府” above “2019年政府信息公开工作年度报告”). */
const AGENCY_LINE = /^[^\s，。；：,.;:!?！？、“”"《》<>]{2,40}(人民政府|政府|办公室|办公厅|委员会|管委会|局|厅|委|办|院|中心|镇|乡|街道办事处|街道|署|队|所|站|处)$/;
/** A line that may be the first half of a broken title: short, not a sentence. */
const TITLE_PART = /^[^，。；：,;:!?！？]{2,40}$/;

const CHINESE_DIGITS = '〇一二三四五六七八九';
/** “二〇二二年” → “2022年” (a year written in Chinese numerals; 零 is written for 〇 too). */
const chineseYear = (text: string) =>
  text.replace(/[〇零○一二三四五六七八九]{4}(?=年)/g, (y) => [...y].map((ch) => String(Math.max(0, CHINESE_DIGITS.indexOf(ch)))).join(''));

/** “标题：…”, “【标题】…”: a web page's field name before the title. */
const TITLE_FIELD = /^[【\[]?(?:文章|信息)?(?:标题|题目|名称)[】\]]?[:：]?/;

function matchTitle(text: string): { year: number; agency: string } | undefined {
  const m = TITLE.exec(chineseYear(toHalfWidth(text).replace(/\s+/g, '').replace(TITLE_FIELD, '')));
  if (!m) return undefined;
  const year = Number(m[2]);
  if (year < FIRST_REPORT_YEAR || year > LAST_SUPPORTED_YEAR) return undefined;
  // “黄金镇人民政府关于2019年…报告的公告”: 关于 belongs to the sentence, not to the name.
  const before = m[1]!.replace(/^(关于|[《〈【\[])+/, '').replace(/(关于|的)$/, '');
  const agency = trimEndChars(`${before}${m[3]}`.replace(/^(关于|[《〈【\[])+/, ''), '》〉】]').replace(/的$/, '');
  return { year, agency };
}

/** The report's title among the first lines: “2019年黄金镇政府信息公开工作年度报告”,
 *  “平潭综合实验区2022年度政府信息公开工作年度报告”, also when broken over two lines
 *  (“2019年黄金镇政府信息公开 / 工作年度报告”, “黄金镇人民政府 / 2019年政府信息公开工作年度报告”). */
export function findTitle(lines: string[], before: number): TitleInfo | undefined {
  const limit = Math.min(before, lines.length);
  const usable = (i: number) => {
    const text = stripLine(lines[i]!);
    return text && [...text].length <= 80 ? text : undefined;
  };
  for (let i = 0; i < limit; i++) {
    const text = usable(i);
    // A sentence is no title, though it may name the report (sentenceTitle below).
    if (!text || /[，。；：,;:！？!?]/.test(toHalfWidth(text).replace(/\s+/g, '').replace(TITLE_FIELD, ''))) continue;
    const single = matchTitle(text);
    if (single?.agency) return { line: i, lastLine: i, ...single, text };
    // The next non-empty line (a blank line may sit between the two halves).
    let j = i + 1;
    while (j < limit && j <= i + 2 && !stripLine(lines[j]!)) j++;
    const next = j < limit && j <= i + 2 ? usable(j) : undefined;
    if (single) {
      // “2019年政府信息公开工作年度报告” with the body's name on the line below.
      if (next && AGENCY_LINE.test(next)) return { line: i, lastLine: j, year: single.year, agency: next, text: `${text}${next}` };
      return { line: i, lastLine: i, ...single, text };
    }
    if (!next || !TITLE_PART.test(text)) continue;
    const second = matchTitle(next);
    // A complete title on the next line stands alone; this line joins it only when it names the body.
    if (second && (second.agency || !AGENCY_LINE.test(text))) continue;
    const joined = matchTitle(`${text}${next}`);
    if (joined?.agency) return { line: i, lastLine: j, ...joined, text: `${text}${next}` };
    // A long name makes a title of three lines (the exporter balances it so): only when the year opens it.
    if (joined || !TITLE_PART.test(next) || !/^\d{4}年/.test(chineseYear(toHalfWidth(text)))) continue;
    let k = j + 1;
    while (k < limit && k <= j + 2 && !stripLine(lines[k]!)) k++;
    const third = k < limit && k <= j + 2 ? usable(k) : undefined;
    if (!third || matchTitle(third)?.agency) continue;
    const three = matchTitle(`${text}${next}${third}`);
    if (three?.agency) return { line: i, lastLine: k, ...three, text: `${text}${next}${third}` };
  }
  return sentenceTitle(lines, limit);
}

/** The report named in a sentence: “根据……，特编制黄金镇2019年政府信息公开工作年度报告。”,
 *  “现公开孝感市人民政府办公室2020年…报告”, “现将2020年政府信息公开工作报告如下：”. */
const IN_SENTENCE = /(\d{4})年度?([^，。；：,;:！？!?“”《》]{0,40}?)(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)/;
/** What introduces the report's name in such a sentence; the name of the body follows it. */
const INTRODUCED = /^.*(?:特编制|编制了?|现公布|公布|现发布|发布|现公开|公开|现将|现予|形成|印发|特向社会)(?:本机关|本单位|我局|我委|我办|我单位|本局)?/;
/** A body's name: ends like one (人民政府, 局, 镇…), no sentence in it. */
const AGENCY_NAME = /^[^，。；：,.;:!?！？、“”"《》<>\s]{2,40}(人民政府|政府|办公室|办公厅|委员会|管委会|局|厅|委|办|院|中心|镇|乡|街道办事处|街道|署|队|所|站|处|室|区|县|市|旗)$/;

function sentenceTitle(lines: string[], limit: number): TitleInfo | undefined {
  for (let i = 0; i < limit; i++) {
    const text = chineseYear(toHalfWidth(stripLine(lines[i]!)).replace(/\s+/g, ''));
    if (!text || /^[一二三四五六七八九十]+、/.test(text)) continue;
    const m = IN_SENTENCE.exec(text);
    if (!m) continue;
    const year = Number(m[1]);
    if (year < FIRST_REPORT_YEAR || year > LAST_SUPPORTED_YEAR) continue;
    // The clause before the year, after what introduces the name: “特编制黄金镇” → “黄金镇”.
    const clause = text.slice(0, m.index).split(/[，。；：,;:！？!?（(]/).pop()!;
    const before = clause.replace(INTRODUCED, '').replace(/^(关于|[《〈【\[])+/, '').replace(/的$/, '');
    const after = m[2]!.replace(/的$/, '');
    const agency = [before, after].find((a) => AGENCY_NAME.test(a)) ?? '';
    return { line: i, lastLine: i - 1, inSentence: true, year, agency, text: `${before}${m[0]}` };
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
/** What a heading says when it comes under another numeral (a department's report that adds parts of
 *  its own, so that its tables come under 三, 四, 五): stricter than KEY_WORDS, as the numeral no longer
 *  vouches for the section. */
const RENUMBERED: RegExp[] = [
  /^(总体情况|概述|总体概况|基本情况)$/,
  /主动公开.*(情况|信息)$/,
  /(收到|受理|办理).*申请.*情况$|依申请公开.*情况$/,
  /(复议|诉讼).*情况$/,
  /(存在|主要)的?.*问题.*(改进|措施|情况)/,
  /^其他需要报告的事项$|^其他.*(事项|情况)$/,
];
/** Any numeral of an outline's first level, 一 to 十九. */
const ANY_NUMERAL = /^(十?[一二三四五六七八九]|十)/;
const MAX_HEADING_LENGTH = 30;

/** Heading lines of the six sections in order; a section not found is absent from the result. */
export function findSections(lines: string[], sections: SectionDef[]): (SectionHeading | undefined)[] {
  const found: (SectionHeading | undefined)[] = [];
  // Only lines that start with 一 … 六 can be headings; normalise just those (and just their start).
  const normalised = lines.map((l) => (/^[\s\u3000\u00a0]*[一二三四五六七八九十]/.test(l) ? normLabel(l.slice(0, 200)) : ''));
  // normLabel drops whitespace, so whether the numeral was set off by a space (“二 主动公开…”, “二　主动公开…”)
  // is read from the line as written.
  const spaced = (line: string) => /^[\s\u3000\u00a0]*[一二三四五六][\s\u3000\u00a0]+\S/.test(line);
  let start = 0;
  sections.forEach((section, index) => {
    const exact = normLabel(section.heading);
    const exactBody = normLabel(section.heading.slice(2)); // without “一、”
    for (let i = start; i < lines.length; i++) {
      const n = normalised[i]!;
      if (!n.startsWith(NUMERALS[index]!)) {
        // Under another numeral: only the exact wording, or wording that names this section plainly.
        const numeral = ANY_NUMERAL.exec(n)?.[0];
        if (!numeral || !/^[、.,:]/.test(n.slice(numeral.length))) continue;
        const body = n.slice(numeral.length + 1);
        if (body.startsWith(exactBody)) {
          found[index] = { index, line: i, rest: restAfter(lines[i]!, numeral.length + 1 + exactBody.length) };
          start = i + 1;
          return;
        }
        if (body.length <= MAX_HEADING_LENGTH && RENUMBERED[index]!.test(body)) {
          found[index] = { index, line: i, rest: '' };
          start = i + 1;
          return;
        }
        continue;
      }
      if (n.startsWith(exact)) {
        found[index] = { index, line: i, rest: restAfter(lines[i]!, exact.length) };
        start = i + 1;
        return;
      }
      const body = n.slice(1).replace(/^[、.,:]/, '');
      const punctuated = body.length !== n.length - 1;
      if (!punctuated && !spaced(lines[i]!)) continue; // “一” not followed by 、 — part of a sentence
      // The exact wording behind another separator (“五 存在的…”, “五，存在的…”): what follows it on the line
      // is narrative and is kept.
      if (body.startsWith(exactBody)) {
        found[index] = { index, line: i, rest: restAfter(lines[i]!, n.length - body.length + exactBody.length) };
        start = i + 1;
        return;
      }
      // Other wording only after 、 or the like: “三 是依申请公开…” set off by a space is a sentence.
      if (punctuated && n.length <= MAX_HEADING_LENGTH && KEY_WORDS[index]!.test(body)) {
        found[index] = { index, line: i, rest: '' };
        start = i + 1;
        return;
      }
    }
    found[index] = undefined;
  });
  return found;
}

/** The text after the first `length` characters (as normLabel counts them) of the line, as written,
 *  without the colon or full stop that ended the heading (“五、存在的主要问题及改进情况：…”). */
function restAfter(line: string, length: number): string {
  const text = stripLine(line);
  let consumed = 0;
  let matched = 0;
  while (consumed < text.length && matched < length) {
    const n = normLabel(text[consumed]!);
    consumed++;
    if (n) matched += n.length;
  }
  return stripLine(stripLine(text.slice(consumed)).replace(/^[：:，,。.；;、]+/, ''));
}
