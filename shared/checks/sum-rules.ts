// The sum rules: t3.rowSum, t3.resultSum, t4.groupSum (the relations of formatModel().sums) and
// t3.balance (the relation printed in table 3's own header).
//
// Blank cells (already reported by cell.blank):
// - a relation is skipped when its total is blank, or when all its parts are blank;
// - otherwise blank parts count as 0 — the same rule computeTotals() uses — and the message says how
//   many parts were blank, so a typed total that already includes figures not yet entered is explained;
// - a relation with a cell that is not a finite number is skipped (cell.invalid reports it).
// t3.balance is skipped when both cells of one side are blank; a single blank cell counts as 0.
import type { Finding } from './types';
import type { CellBuffer, CheckPlan, PlannedSum } from './plan';
import { BLANK, NOT_FINITE, NUMBER } from './plan';
import { columnLabel, difference, nameOf, num, rowLabel } from './format-text';
import { TABLE_NAMES } from '../formats/vocabulary';

export function checkSums(plan: CheckPlan, cur: CellBuffer, out: Finding[]): void {
  const { values, state } = cur;
  const { sums } = plan;
  for (let s = 0; s < sums.length; s++) {
    const sum = sums[s]!;
    const ts = state[sum.total];
    if (ts !== NUMBER) continue; // blank or not a number
    const parts = sum.parts;
    let total = 0;
    let filled = 0;
    let bad = false;
    for (let p = 0; p < parts.length; p++) {
      const i = parts[p]!;
      const st = state[i];
      if (st === BLANK) continue;
      if (st === NOT_FINITE) {
        bad = true;
        break;
      }
      filled++;
      total += values[i]!;
    }
    if (bad || filled === 0) continue;
    const typed = values[sum.total]!;
    if (typed === total) continue;
    out.push(sumFinding(plan, sum, typed, total, parts.length - filled));
  }
}

function sumFinding(plan: CheckPlan, sum: PlannedSum, typed: number, total: number, blanks: number): Finding {
  const { relation } = sum;
  const totalDef = plan.defs[sum.total]!;
  const blankNote = blanks > 0 ? `（其中 ${blanks} 个空白单元格按 0 计）` : '';
  let what: string;
  let todo: string;
  if (relation.rule === 't3.rowSum') {
    what = '该行六类申请人之和';
    todo = '请核对该行各类申请人的数字，或修改总计。';
  } else if (relation.rule === 't3.resultSum') {
    what = '各项办理结果之和';
    todo = '请核对各项办理结果，或修改总计。';
  } else {
    const labels = Array.from(sum.parts, (i) => columnLabel(plan.defs[i]!));
    what = `${labels.join('、')}之和`;
    todo = '请核对各项结果，或修改总计。';
  }
  return {
    rule: relation.rule,
    severity: 'error',
    target: relation.target,
    place: sum.table,
    cells: [relation.total, ...relation.parts],
    expected: total,
    actual: typed,
    message: `${nameOf(totalDef)}为 ${num(typed)}，但${what}为 ${num(total)}${blankNote}${difference(typed, total)}。${todo}`,
  };
}

export function checkBalance(plan: CheckPlan, cur: CellBuffer, out: Finding[]): void {
  const { values, state } = cur;
  const rows = plan.balance;
  for (let r = 0; r < rows.length; r++) {
    const b = rows[r]!;
    const sa = state[b.received];
    const sb = state[b.carriedIn];
    const sc = state[b.resultsTotal];
    const sd = state[b.carriedOver];
    if (sa === NOT_FINITE || sb === NOT_FINITE || sc === NOT_FINITE || sd === NOT_FINITE) continue;
    if ((sa === BLANK && sb === BLANK) || (sc === BLANK && sd === BLANK)) continue;
    const left = values[b.received]! + values[b.carriedIn]!;
    const right = values[b.resultsTotal]! + values[b.carriedOver]!;
    if (left === right) continue;
    const d = plan.defs;
    const received = d[b.received]!;
    const carriedIn = d[b.carriedIn]!;
    const resultsTotal = d[b.resultsTotal]!;
    const carriedOver = d[b.carriedOver]!;
    out.push({
      rule: 't3.balance',
      severity: 'error',
      target: b.column,
      place: 't3',
      cells: [received.key, carriedIn.key, resultsTotal.key, carriedOver.key],
      expected: left,
      actual: right,
      message:
        `${TABLE_NAMES.t3}“${columnLabel(received)}”列：${rowLabel(received)}（${num(values[b.received]!)}）加${rowLabel(carriedIn)}（${num(values[b.carriedIn]!)}）共 ${num(left)}，` +
        `但${rowLabel(resultsTotal)}（${num(values[b.resultsTotal]!)}）加${rowLabel(carriedOver)}（${num(values[b.carriedOver]!)}）共 ${num(right)}${difference(left, right)}。` +
        '表中规定第一项加第二项之和等于第三项加第四项之和，请核对这四项。',
    });
  }
}
