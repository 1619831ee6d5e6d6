// What a table cell accepts. Chinese input methods often type full-width digits and commas
// (１２，３４５), and the full-width minus for 本年增/减; those are normalised. Anything else is refused in
// place with a short Chinese message — never silently dropped.
import type { CellKind } from '../../../shared/formats/types';

export type PartialCheck =
  /** `text` is the normalised text to show; `value` is the number it stands for (null = blank), or
   *  undefined while the text is not a number yet (a lone “-”). */
  | { ok: true; text: string; value: number | null | undefined }
  | { ok: false; message: string };

export type FinalCheck = { ok: true; value: number | null } | { ok: false; message: string };

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/g;
const MINUS = /[\uFF0D\u2212\u2012\u2013\uFE63]/g; // －, −, ‒, – (IMEs and Word's autocorrect)
const PLUS = /[\uFF0B]/g;
const DOT = /[\uFF0E]/g; // ．
const THOUSANDS = /[,\uFF0C\u2019'\u066C]/g; // , ， and the apostrophe some locales use
const SPACES = /[\s\u3000\u00A0]/g; // includes the ideographic space copied from published reports

/** Largest value we accept in a cell: keeps every number exact in a double. */
const MAX_DIGITS = 15;

/** Full-width digits and punctuation to ASCII, thousands separators and spaces removed. */
export function normaliseCellText(raw: string): string {
  return raw
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(MINUS, '-')
    .replace(PLUS, '+')
    .replace(DOT, '.')
    .replace(THOUSANDS, '')
    .replace(SPACES, '');
}

/** Why a text is not acceptable, as a short Chinese message. */
function refusal(text: string, kind: CellKind): string {
  const bad = [...text].find((ch) => !/[0-9.+-]/.test(ch));
  if (bad !== undefined) {
    if (bad === '/' || bad === '／' || bad === '—' || bad === '无') return `“${bad}”不能代替 0：没有的请填 0`;
    return `“${bad}”不是数字：此格只能填写${kindNoun(kind)}`;
  }
  if (/[+-]/.test(text) && kind !== 'signedCount') {
    return text.includes('-') ? '此格不能为负数：只能填写 0 或正数' : '此格不能带正负号';
  }
  if (text.includes('.') && kind !== 'amount') return '此格只能填写整数';
  if (kind === 'amount' && /\.\d{5,}/.test(text)) return '金额最多保留 4 位小数';
  if (text.replace(/\D/g, '').length > MAX_DIGITS) return '数字过大';
  return `“${text}”不是有效的数字`;
}

function kindNoun(kind: CellKind): string {
  if (kind === 'signedCount') return '整数（减少用负号，如 -3）';
  if (kind === 'amount') return '金额数字（如 12.5）';
  return ' 0 或正整数';
}

const PARTIAL: Record<CellKind, RegExp> = {
  count: /^\d*$/,
  signedCount: /^[+-]?\d*$/,
  amount: /^\d*(\.\d{0,4})?$/,
};

/** Checks text while it is being typed: prefixes of a valid number (a lone “-”, “12.”) pass. */
export function checkPartialInput(raw: string, kind: CellKind): PartialCheck {
  const text = normaliseCellText(raw);
  if (!PARTIAL[kind].test(text) || text.replace(/\D/g, '').length > MAX_DIGITS) {
    return { ok: false, message: refusal(text, kind) };
  }
  if (text === '') return { ok: true, text, value: null };
  if (text === '-' || text === '+' || text === '.') return { ok: true, text, value: undefined };
  return { ok: true, text, value: Number(text.endsWith('.') ? text.slice(0, -1) : text) };
}

/** Checks finished text (a committed edit or a pasted value). Empty text means a blank cell. */
export function parseCellInput(raw: string, kind: CellKind): FinalCheck {
  const partial = checkPartialInput(raw, kind);
  if (!partial.ok) return partial;
  if (partial.value === undefined) return { ok: false, message: `“${partial.text}”不是完整的数字` };
  // -0 typed as “-0” is still 0.
  return { ok: true, value: partial.value === 0 ? 0 : partial.value };
}

/** How a stored number is shown in its cell (no grouping, so that copying gives the plain number). */
export function formatCellValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return String(value);
}
