// The cells the two formats name differently: the only hand-written part of a format conversion. Every
// other cell moves to the cell with the same key, if the other format has one (shared/model/convert-format.ts).
import type { FormatId, TableId } from './types';

/** A row or column of one table that the 2019 format calls `2019` and the 2021 format splits or renames
 *  into `2021`. Into 2021 the value goes to the first of `2021` (the others are left to be filled); back
 *  into 2019 the values of all of `2021` are added up (the 2019 row covers what the 2021 rows split). */
export interface RenamedPart {
  table: TableId;
  part: 'row' | 'column';
  '2019': string;
  '2021': [string, ...string[]];
}

export const RENAMED_PARTS: readonly RenamedPart[] = [
  // 表二 第二十条第（一）项: 本年新制作数量 (2019) is 本年制发件数 (2021).
  { table: 't2', part: 'column', '2019': 'made', '2021': ['issued'] },
  // 表三 （六）其他处理: one row in 2019; in 2021 it is split into 1. 2. 3., and what 2019 counted goes
  // under 3.其他 (1. and 2. were not counted separately before 2021).
  { table: 't3', part: 'row', '2019': 'other', '2021': ['other.misc', 'other.noCorrection', 'other.unpaidFee'] },
];

/** Table, row and column of a cell key (`t3.withheld.stateSecret.natural` → t3, withheld.stateSecret, natural). */
export function splitCellKey(key: string): { table: string; row: string; column: string } {
  const parts = key.split('.');
  return { table: parts[0] ?? '', row: parts.slice(1, -1).join('.'), column: parts[parts.length - 1] ?? '' };
}

/** The cell keys of format `from` whose values make up cell `key` of format `to`, by the renamed parts
 *  (empty when the key is not renamed). Keys are not checked against the formats here. */
export function renamedSources(key: string, from: FormatId, to: FormatId): string[] {
  const { table, row, column } = splitCellKey(key);
  for (const r of RENAMED_PARTS) {
    if (r.table !== table) continue;
    const here = r.part === 'row' ? row : column;
    const wanted = to === '2019' ? [r['2019']] : [r['2021'][0]];
    if (!wanted.includes(here)) continue;
    const sources = from === '2019' ? [r['2019']] : [...r['2021']];
    return sources.map((s) => (r.part === 'row' ? `${table}.${s}.${column}` : `${table}.${row}.${s}`));
  }
  return [];
}
