// cell.blank and cell.invalid: every numeric cell filled, and filled with a number its kind allows.
import type { Finding } from './types';
import type { CellBuffer, CheckPlan } from './plan';
import { BLANK, KIND_AMOUNT, KIND_COUNT, KIND_SIGNED, NOT_FINITE, NUMBER, TABLES } from './plan';
import { TABLE_NAMES } from '../formats/vocabulary';
import { listSome, nameOf, num } from './format-text';
import type { CellDef } from '../formats/types';
import { isComputedDef } from './typed-totals';
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

/**
 * A blank total the tool computes (its table's totals are not typed) that is blank only because a part
 * is blank or refused: the user fills the part, not the total, so it is not one more cell to fill —
 * counting them said 175 blank cells in the 2021 t3 while 全部填0 filled 144. A computed total blank while all
 * its parts are numbers (a file written elsewhere) is still reported.
 */
function waitsForItsParts(plan: CheckPlan, state: Uint8Array, i: number, typedTotals: readonly string[]): boolean {
  if (!isComputedDef(plan.defs[i]!, typedTotals)) return false;
  const parts = plan.partsOfTotal.get(i);
  if (!parts) return false;
  for (let p = 0; p < parts.length; p++) if (state[parts[p]!] !== NUMBER) return true;
  return false;
}

export function checkBlankCells(plan: CheckPlan, cur: CellBuffer, out: Finding[], typedTotals: readonly string[] = []): void {
  const { state } = cur;
  const { tableOf } = plan;
  let blanks = 0;
  for (let i = 0; i < state.length; i++) if (state[i] === BLANK) blanks++;
  if (blanks === 0) return;
  // Rare path: group the blank cells per table, one finding each.
  for (let t = 0; t < TABLES.length; t++) {
    const keys: string[] = [];
    for (let i = 0; i < state.length; i++) {
      if (state[i] === BLANK && tableOf[i] === t && !waitsForItsParts(plan, state, i, typedTotals)) keys.push(plan.keys[i]!);
    }
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

/** A count this large in table 3 or 4 is usually digits run together by a paste or a held key. */
export const IMPLAUSIBLE_COUNT = 50000;
/** With last year's figures: at least this much, and at least IMPLAUSIBLE_FACTOR times last year's. */
export const IMPLAUSIBLE_MIN = 1000;
export const IMPLAUSIBLE_FACTOR = 100;

/** Cells cell.implausible looks at: counts of tables 3 and 4 the user writes (computed totals follow
 *  their parts, so they would only repeat the finding — unless the table's totals are typed). */
function implausibleCandidate(plan: CheckPlan, i: number, typed: readonly string[]): boolean {
  const t = plan.tableOf[i];
  if (t !== 1 && t !== 2) return false;
  return !isComputedDef(plan.defs[i]!, typed);
}

export function checkImplausible(
  plan: CheckPlan,
  cur: CellBuffer,
  out: Finding[],
  typed: readonly string[],
  prev?: { plan: CheckPlan; buffer: CellBuffer; pairs: { cur: Int32Array; prev: Int32Array } },
): void {
  const { state, values } = cur;
  const flagged = new Set<number>();
  for (let i = 0; i < state.length; i++) {
    if (state[i] !== NUMBER || values[i]! < IMPLAUSIBLE_COUNT || !implausibleCandidate(plan, i, typed)) continue;
    flagged.add(i);
    const def = plan.defs[i]!;
    out.push({
      rule: 'cell.implausible',
      severity: 'hint',
      target: def.key,
      place: def.table,
      cells: [def.key],
      actual: values[i]!,
      message: `${nameOf(def)}为 ${num(values[i]!)}，超过 ${num(IMPLAUSIBLE_COUNT)} 件，不像一个机关一年的件数：常见原因是粘贴或按键时几个数字连在了一起。请对照原表核对。`,
    });
  }
  if (!prev) return;
  const { pairs } = prev;
  for (let k = 0; k < pairs.cur.length; k++) {
    const i = pairs.cur[k]!;
    const j = pairs.prev[k]!;
    if (flagged.has(i) || state[i] !== NUMBER || prev.buffer.state[j] !== NUMBER || !implausibleCandidate(plan, i, typed)) continue;
    const now = values[i]!;
    const before = prev.buffer.values[j]!;
    if (now < IMPLAUSIBLE_MIN || now < before * IMPLAUSIBLE_FACTOR) continue;
    const def = plan.defs[i]!;
    out.push({
      rule: 'cell.implausible',
      severity: 'hint',
      target: def.key,
      place: def.table,
      cells: [def.key],
      expected: before,
      actual: now,
      message:
        `${nameOf(def)}为 ${num(now)}，上年同一格为 ${num(before)}` +
        `${before > 0 ? `，是上年的 ${num(Math.round(now / before))} 倍` : ''}：常见原因是粘贴或按键时几个数字连在了一起。请对照原表核对。`,
    });
  }
}
