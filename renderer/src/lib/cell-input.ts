// What a table cell accepts while it is typed: the one value rule of shared/model/cell-value.ts, plus
// the beginnings of a number (a lone “-”, “12.”) that are let through until the edit is finished.
import type { CellKind } from '../../../shared/formats/types';
import { formatCellValue, isIncompleteEntry, normaliseEntry, parseCellValue } from '../../../shared/model/cell-value';

export { formatCellValue };

export type PartialCheck =
  /** `text` is the text to show; `value` is the number it stands for (null = blank), or undefined
   *  while the text is not a number yet (a lone “-”). */
  | { ok: true; text: string; value: number | null | undefined }
  | { ok: false; message: string; rounded?: number };

export type FinalCheck = { ok: true; value: number | null } | { ok: false; message: string; rounded?: number };

/** Checks text while it is being typed: beginnings of a valid number pass. */
export function checkPartialInput(raw: string, kind: CellKind): PartialCheck {
  const text = normaliseEntry(raw);
  if (isIncompleteEntry(text, kind)) return { ok: true, text, value: undefined };
  const res = parseCellValue(text, kind);
  if (!res.ok) return { ok: false, message: res.reason, ...(res.rounded !== undefined ? { rounded: res.rounded } : {}) };
  return { ok: true, text, value: res.value };
}

/** Checks finished text (a committed edit or a pasted value). Empty text means a blank cell. */
export function parseCellInput(raw: string, kind: CellKind): FinalCheck {
  const res = parseCellValue(raw, kind);
  return res.ok ? res : { ok: false, message: res.reason, ...(res.rounded !== undefined ? { rounded: res.rounded } : {}) };
}
