// The generated units of the merge benchmarks (merge-bench.ts, merge-app-bench.ts): unit i is a complete
// 2025 report of 第i镇人民政府 whose figures differ from unit to unit and whose totals add up.
import { computeTotals } from '../shared/checks/totals';
import { createReport } from '../shared/model/document';
import type { ReportDocument } from '../shared/model/report';

export function generatedUnit(i: number): ReportDocument {
  const doc = createReport({ year: 2025, agencyName: `第${i}镇人民政府`, now: '2026-01-15T09:00:00.000Z' });
  for (const key of Object.keys(doc.cells)) doc.cells[key] = (i * 7 + key.length) % 13;
  doc.cells = computeTotals(doc);
  doc.sections = { overview: `2025年，第${i}镇认真贯彻《条例》。`, problems: '问题与改进。', other: '本年度未收取信息处理费。' };
  return doc;
}
