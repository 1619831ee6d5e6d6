// The one rule for turning what was typed, pasted or imported into a cell's value. It returns the exact
// value the text stands for, or a reason (in Chinese, saying what to do) — it never guesses: “1o”, “l2”,
// “1 2”, “1,2” and “12。5” are refused, never read as 10, 12 or 12.5. Full-width forms from a Chinese
// input method go through Unicode NFKC (１２，３４５ → 12,345); a comma is a thousands separator only
// between groups of three digits. Used by the grid, the paste, the text importer and the CLI.
import type { CellKind } from '../formats/types';
import { trimChars, trimEndChars, WHITE_SPACE } from '../text/trim';

export type CellValueResult =
  /** value: the number, or null for an empty entry (a blank cell). */
  | { ok: true; value: number | null }
  /** reason: why the text is not a value of this kind. rounded: for an amount with too many decimals,
   *  the value rounded half up to 4 decimals — offered to the user, never applied silently. */
  | { ok: false; reason: string; rounded?: number };

/** At most this many digits: every such number is exact in a double. */
export const MAX_DIGITS = 15;
/** Decimals an amount may carry (spec §3: amounts in 万元 with at most 4 decimals). */
export const AMOUNT_DECIMALS = 4;

// Minus signs NFKC leaves alone: − (U+2212, Word's autocorrect), ‒ –.
const OTHER_MINUS = /[\u2212\u2012\u2013]/g;

/** NFKC, the minus signs NFKC keeps, and spaces at both ends removed. Nothing else changes. */
export function normaliseEntry(raw: string): string {
  const normalised = raw.normalize('NFKC').replace(OTHER_MINUS, '-');
  // Spaces of every kind (and zero-width ones) at both ends, trimmed in linear time.
  return trimChars(normalised, WHITE_SPACE);
}

/** A number as written: sign, integer digits (plain or grouped by commas in threes), decimals. */
const NUMBER = /^([+-]?)(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;
/** Beginnings of a number that are not one yet: “-”, “12.”, “1,2” (a thousands group being typed). */
const INCOMPLETE = /^[+-]?$|^[+-]?\d{1,3}(?:,\d{3})*,\d{0,2}$|^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)\.$/;

export interface WrittenNumber {
  negative: boolean;
  /** Integer digits without separators, and the decimal digits as written. */
  integer: string;
  fraction: string;
  value: number;
}

/** The number a normalised text writes, exactly, or undefined when it is not a number at all. */
export function readWrittenNumber(text: string): WrittenNumber | undefined {
  const m = NUMBER.exec(text);
  if (!m) return undefined;
  const integer = m[2]!.replace(/,/g, '');
  const fraction = m[3] ?? '';
  const digits = integer.replace(/^0+(?=\d)/, '') + fraction;
  if (digits.length > MAX_DIGITS) return undefined;
  const negative = m[1] === '-';
  const value = Number(`${negative ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`);
  return { negative, integer, fraction, value: value === 0 ? 0 : value };
}

/** True while a text may still become a number by typing on (“-”, “12.”, “1,2”). */
export function isIncompleteEntry(raw: string, kind: CellKind): boolean {
  const text = normaliseEntry(raw);
  if (text === '' || !INCOMPLETE.test(text)) return false;
  // A count cannot become negative by typing on: “-” there is refused at once, with its reason.
  if (text.startsWith('-') && kind !== 'signedCount') return false;
  if (text.endsWith('.') && kind !== 'amount') return false;
  return true;
}

/** Rounds a decimal written with digits half up (away from zero on .5) to `decimals`, exactly, on
 *  the digits rather than on a double (5949.088667 → 5949.0887, 0.00005 → 0.0001). */
export function roundHalfUp(integer: string, fraction: string, decimals: number): number {
  if (fraction.length <= decimals) return Number(`${integer}.${fraction || '0'}`);
  const kept = `${integer}${fraction.slice(0, decimals)}`.split('').map(Number);
  if (Number(fraction[decimals]) >= 5) {
    let i = kept.length - 1;
    while (i >= 0) {
      if (kept[i]! < 9) {
        kept[i]!++;
        break;
      }
      kept[i] = 0;
      i--;
    }
    if (i < 0) kept.unshift(1);
  }
  const digits = kept.join('');
  const cut = digits.length - decimals;
  return Number(`${digits.slice(0, cut) || '0'}.${digits.slice(cut)}`);
}

const BLANK_WORDS = new Set(['/', '\\', '-', '--', '—', '——', '无', '空', '*', 'x', 'X']);

function kindNoun(kind: CellKind): string {
  if (kind === 'signedCount') return '整数（减少时填负数，如 -3）';
  if (kind === 'amount') return '0 或正数，最多 4 位小数（如 12.5）';
  return '0 或正整数';
}

/** Why a normalised text that is not a number is refused. */
function notANumber(text: string, kind: CellKind): string {
  if (text === '-' && kind === 'signedCount') return '“-”不是完整的数字：减少时在负号后写数字，如 -3';
  if (text === '-') return kind === 'amount' ? '金额不能为负数：请填 0 或正数' : '件数不能为负数：请填 0 或正整数';
  if (BLANK_WORDS.has(text)) return `“${text}”不能代替 0：没有的请填 0`;
  if (/\d\s+\d/.test(text)) return `“${text}”中间有空格，不知是一个数还是几个数：请只填一个数`;
  if (/[。．]/.test(text)) return `“${text}”中的“。”不是小数点：请用英文句点“.”`;
  if (/,/.test(text) && /^[+-]?[\d,]+(\.\d+)?$/.test(text)) return `“${text}”的千位分隔符位置不对：请去掉逗号，只写数字`;
  const bad = [...text].find((ch) => !/[0-9.,+-]/.test(ch));
  if (bad !== undefined) {
    const hint = /[oO]/.test(bad) ? '（数字 0 请用数字键输入）' : /[lI|]/.test(bad) ? '（数字 1 请用数字键输入）' : '';
    return `“${bad}”不是数字${hint}：此格只能填写${kindNoun(kind)}`;
  }
  if (INCOMPLETE.test(text)) return `“${text}”不是完整的数字`;
  const digits = text.replace(/\D/g, '');
  if (digits.length > MAX_DIGITS) return '数字过大（最多 15 位）';
  return `“${text}”不是有效的数字：此格只能填写${kindNoun(kind)}`;
}

function integerOnly(kind: CellKind): string {
  return kind === 'signedCount' ? '此格只能填写整数（减少时填负数，如 -3）' : '此格只能填写整数：请填 0 或正整数';
}

/** The rule itself: the exact value of `raw` for a cell of `kind`, or why not. Empty text is a blank. */
export function parseCellValue(raw: string, kind: CellKind): CellValueResult {
  const text = normaliseEntry(raw);
  if (text === '') return { ok: true, value: null };
  const n = readWrittenNumber(text);
  if (!n && kind !== 'amount' && /^[+-]?[\d,]+\.\d*$/.test(text)) return { ok: false, reason: integerOnly(kind) };
  if (!n) return { ok: false, reason: notANumber(text, kind) };
  if (kind === 'signedCount') {
    if (n.fraction !== '') return { ok: false, reason: integerOnly(kind) };
    return { ok: true, value: n.value };
  }
  if (text.startsWith('-')) return { ok: false, reason: kind === 'amount' ? '金额不能为负数：请填 0 或正数' : '件数不能为负数：请填 0 或正整数' };
  if (text.startsWith('+')) return { ok: false, reason: '此格不能带正负号：请只填数字' };
  if (kind === 'count') {
    if (n.fraction !== '') return { ok: false, reason: integerOnly(kind) };
    return { ok: true, value: n.value };
  }
  if (n.fraction.length > AMOUNT_DECIMALS) {
    const rounded = roundHalfUp(n.integer, n.fraction, AMOUNT_DECIMALS);
    return { ok: false, reason: `金额最多保留 4 位小数，“${text}”有 ${n.fraction.length} 位`, rounded };
  }
  return { ok: true, value: n.value };
}

/** How a stored number is shown in its cell: no grouping, so that copying gives the plain number. */
export function formatCellValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  if (Number.isInteger(value) || !/e/i.test(String(value))) return String(value);
  return trimEndChars(value.toFixed(AMOUNT_DECIMALS), '0').replace(/\.$/, '');
}
