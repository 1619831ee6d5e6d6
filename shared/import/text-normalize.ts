import { normaliseEntry, readWrittenNumber } from '../model/cell-value';

// Normalisation of pasted text: full-width forms, stray whitespace, numbers as published
// (“　0”, “２１”, “1,234”, “－3”, “24252.3111”) and the marks people put in empty cells.

/** Full-width ASCII forms (！ … ～) to ASCII. Keeps CJK punctuation such as 、 and “”. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Comparable form of a label: half-width, no whitespace, no quotes, “1、” → “1.”. */
export function normLabel(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u200b-\u200d\ufeff]+/g, '')
    .replace(/[“”"'‘’「」]/g, '')
    .replace(/(\d)[、．]/g, '$1.');
}

/** The text as lines: BOM and zero-width characters removed, any line ending accepted. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').split(/\r\n|\r|\n/);
}

/** Strip the indentation (spaces, tabs, no-break and ideographic spaces) and trailing blanks. */
export function stripLine(line: string): string {
  return line.trim();
}

/** A published number, or undefined when the text is not one — read by the one value rule's grammar
 *  (shared/model/cell-value.ts). Space is allowed only after a sign (“－ 3”): “1 2” in one cell may be
 *  two numbers run together, so it is not read as 12. Whether the number suits its cell is decided when
 *  the row is read (parseCellValue). */
export function parseNumber(raw: string): number | undefined {
  return readWrittenNumber(normaliseEntry(raw).replace(/^([+-])\s+/, '$1'))?.value;
}

/** Units written into a cell after its number (“3件”, “24252.3111万元”): counts, then money. */
export const COUNT_UNITS = ['件', '项', '个', '条', '次', '人', '家'] as const;
export const MONEY_UNITS = ['万元', '元'] as const;
const WITH_UNIT = new RegExp(`^(.+?)\\s*(${[...MONEY_UNITS, ...COUNT_UNITS].join('|')})$`);

/** A published number, possibly followed by its unit; undefined when the text is not one. */
export function parseNumberWithUnit(raw: string): { value: number; unit?: string } | undefined {
  const plain = parseNumber(raw);
  if (plain !== undefined) return { value: plain };
  const m = WITH_UNIT.exec(toHalfWidth(raw.trim()));
  const value = m ? parseNumber(m[1]!) : undefined;
  return value === undefined ? undefined : { value, unit: m![2]! };
}

/** Marks that mean “nothing written here”: they are read as blank (null), never as 0. */
const BLANK_MARKS = new Set(['', '/', '\\', '-', '--', '—', '——', '–', '─', '无', '空', '*']);

export function isBlankMark(raw: string): boolean {
  return BLANK_MARKS.has(toHalfWidth(raw.trim()).replace(/\s+/g, ''));
}

/** A short quotation of pasted text for a message. */
export function quote(s: string, max = 30): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return `“${[...t].length > max ? `${[...t].slice(0, max).join('')}…` : t}”`;
}
