// The 汇总 mode's state: the overview main answered (MergeView), the user's decisions (sent whole with
// every merge:decide), how the table is sorted, which unit is open read-only, and which row gets the
// focus back when the user returns to the overview.
import { create } from 'zustand';
import type { MergeUnitView, MergeView } from '../../../shared/ipc/contract';
import type { DataChoice } from '../../../shared/merge/plan-merge';
import type { FormatId } from '../../../shared/formats/types';
import type { SortState } from './merge-sort';

export interface MergeState {
  view: MergeView | null;
  /** What main is doing (reading files, building the summary…), shown while the request runs. */
  busy: string | null;
  group: { year: number; format: FormatId } | null;
  include: Record<string, DataChoice>;
  matches: Record<string, string>;
  sort: SortState;
  /** The unit open read-only, or null for the overview. */
  unit: MergeUnitView | null;
  /** The row to focus when the overview shows again (after the read-only view). */
  returnTo: string | null;
  /** The summary form (agency of the receiving office) is open. */
  askingSummary: boolean;
}

export const INITIAL_SORT: SortState = { column: 'unit', direction: 'ascending' };

export const useMerge = create<MergeState>()(() => ({
  view: null,
  busy: null,
  group: null,
  include: {},
  matches: {},
  sort: INITIAL_SORT,
  unit: null,
  returnTo: null,
  askingSummary: false,
}));
