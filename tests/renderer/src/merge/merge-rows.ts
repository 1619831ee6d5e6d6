// One overview row for the 汇总 tests: a 2025 乡镇 report file that is included, with no findings and zero
// totals; each test overrides what it is about.
import type { MergeRowView } from '../../../../shared/ipc/contract';

export function mergeRow(unitId: string, unit: string, over: Partial<MergeRowView> = {}): MergeRowView {
  return {
    unitId,
    fileName: `${unit}.nianbao`,
    location: '/收到',
    unit,
    level: '乡镇',
    year: 2025,
    format: '2021',
    source: 'file',
    status: 'included',
    choices: [],
    findings: { error: 0, confirm: 0, confirmExplained: 0, hint: 0 },
    explanations: [],
    totals: { received: 0, handled: 0, carriedOver: 0, review: 0, suits: 0 },
    notes: [],
    ...over,
  };
}
