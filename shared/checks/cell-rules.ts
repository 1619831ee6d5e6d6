// cell.blank and cell.invalid: every numeric cell filled, and filled with a number its kind allows.
import type { Finding } from './types';
import type { CellBuffer, CheckPlan } from './plan';
import { BLANK, KIND_AMOUNT, KIND_COUNT, KIND_SIGNED, NOT_FINITE, TABLES } from './plan';
import { listSome, nameOf, num, TABLE_NAMES } from './format-text';
import type { CellDef } from '../formats/types';
import { normaliseEntry, parseCellValue } from '../model/cell-value';

/** A refused entry kept in the file as typed: the reason the value rule gives, and what to do. */
function refusedEntryFinding(def: CellDef, text: string): Finding {
  const res = parseCellValue(text, def.kind);
  const shown = normaliseEntry(text).length > 40 ? `${[...normaliseEntry(text)].slice(0, 40).join('')}…` : normaliseEntry(text);
  const reason = res.ok ? '尚未被接受' : res.reason;
  const offer = !res.ok && res.rounded !== undefined ? `可改为四舍五入后的 ${res.rounded}，` : '';
  return {
    rule: 'cell.invalid',
    severity: 'error',
    target: def.key,
    place: def.table,
    cells: [def.key],
    message: `${nameOf(def)}填写的“${shown}”未被接受：${reason}。请${offer}改为正确的数字（没有的填 0）。`,
  };
}

/** Number of decimals a number is written with in its shortest form (1.25 → 2, 1e-7 → 7). */
export function decimalsOf(v: number): number {
  if (Number.isInteger(v)) return 0;
  const s = String(Math.abs(v));
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, fraction - exponent);
}

export function checkBlankCells(plan: CheckPlan, cur: CellBuffer, out: Finding[]): void {
  const { state } = cur;
  const { tableOf } = plan;
  let blanks = 0;
  for (let i = 0; i < state.length; i++) if (state[i] === BLANK) blanks++;
  if (blanks === 0) return;
  // Rare path: group the blank cells per table, one finding each.
  for (let t = 0; t < TABLES.length; t++) {
    const keys: string[] = [];
    for (let i = 0; i < state.length; i++) if (state[i] === BLANK && tableOf[i] === t) keys.push(plan.keys[i]!);
    if (keys.length === 0) continue;
    const table = TABLES[t]!;
    const names = keys.map((k) => nameOf(plan.model.cellByKey.get(k)!).replace(/^表[二三四]/, ''));
    out.push({
      rule: 'cell.blank',
      severity: 'error',
      target: table,
      place: table,
      cells: keys,
      actual: keys.length,
      message:
        `${TABLE_NAMES[table]}有 ${keys.length} 个单元格未填写（${listSome(names, 3)}）。` +
        '每个单元格都要填数字，没有的填 0；空白或“/”不等于 0。',
    });
  }
}

export function checkInvalidCells(plan: CheckPlan, cur: CellBuffer, out: Finding[], entries?: Record<string, unknown> | null): void {
  const { state, values } = cur;
  const { kinds } = plan;
  const refused = entries && typeof entries === 'object' ? entries : undefined;
  for (let i = 0; i < state.length; i++) {
    const s = state[i];
    if (s === BLANK) continue;
    if (s === NOT_FINITE && refused) {
      const text = refused[plan.keys[i]!];
      if (typeof text === 'string') {
        out.push(refusedEntryFinding(plan.defs[i]!, text));
        continue;
      }
    }
    let problem: string | undefined;
    const v = values[i]!;
    const kind = kinds[i];
    if (s === NOT_FINITE) {
      problem = '不是有效的数字';
    } else if (kind === KIND_COUNT) {
      if (!Number.isInteger(v)) problem = `为 ${num(v)}，件数必须是整数。请改为 0 或正整数`;
      else if (v < 0) problem = `为 ${num(v)}，件数不能为负数。请改为 0 或正整数`;
      else if (v > Number.MAX_SAFE_INTEGER) problem = `为 ${num(v)}，数值过大`;
    } else if (kind === KIND_SIGNED) {
      if (!Number.isInteger(v)) problem = `为 ${num(v)}，增减数必须是整数（减少时填负数）。请改为整数`;
      else if (Math.abs(v) > Number.MAX_SAFE_INTEGER) problem = `为 ${num(v)}，数值过大`;
    } else if (kind === KIND_AMOUNT) {
      if (v < 0) problem = `为 ${num(v)}，金额不能为负数。请改为 0 或正数`;
      else if (decimalsOf(v) > 4) problem = `为 ${String(v)}，金额最多保留 4 位小数。请四舍五入到 4 位小数`;
    }
    if (problem === undefined) continue;
    const def = plan.defs[i]!;
    out.push({
      rule: 'cell.invalid',
      severity: 'error',
      target: def.key,
      place: def.table,
      cells: [def.key],
      ...(s !== NOT_FINITE ? { actual: v } : {}),
      message:
        s === NOT_FINITE ? `${nameOf(def)}的内容不是有效的数字。请重新填写（没有的填 0）。` : `${nameOf(def)}${problem}。`,
    });
  }
}
