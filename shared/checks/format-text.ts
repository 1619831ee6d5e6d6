// Small helpers for writing findings' messages: numbers as people write them, cells by their labels.
import { cellName, TABLE_NAMES } from '../formats/index';
import type { CellDef } from '../formats/index';

/** 12 → “12”, 0.30000000000000004 → “0.3” (amounts carry at most 4 decimals). */
export function num(n: number): string {
  if (Number.isInteger(n)) return String(n);
  if (!Number.isFinite(n)) return String(n);
  return String(Math.round(n * 10000) / 10000);
}

/** “表三“（七）总计”行“自然人”列” (cellName). A numbered row of table 3 also names its group, since
 * “3.其他” alone is ambiguous: “表三“（六）其他处理”中“3.其他”行“总计”列”. */
export function nameOf(def: CellDef): string {
  const labels = def.rowLabels;
  if (def.table === 't3' && labels.length === 3) return `${TABLE_NAMES.t3}“${labels[1]}”中${cellName(def).slice(TABLE_NAMES.t3.length)}`;
  return cellName(def);
}

export function rowLabel(def: CellDef): string {
  return def.rowLabels[def.rowLabels.length - 1] ?? def.key;
}

export function columnLabel(def: CellDef): string {
  return def.columnLabels[def.columnLabels.length - 1] ?? def.key;
}

/** “（相差 2）”. */
export function difference(a: number, b: number): string {
  return `（相差 ${num(Math.abs(a - b))}）`;
}

/** Lists at most `max` items with 、 and “等 N 项” for the rest. */
export function listSome(items: string[], max: number): string {
  if (items.length <= max) return items.join('、');
  return `${items.slice(0, max).join('、')}等 ${items.length} 处`;
}
