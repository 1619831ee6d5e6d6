// Clean reports of both formats to break one rule at a time, and small helpers around runChecks.
import { computeTotals, runChecks } from '../../../shared/checks/index';
import type { Finding, RuleId } from '../../../shared/checks/index';
import { formatModel } from '../../../shared/formats/index';
import { createReport } from '../../../shared/model/document';
import type { ReportDocument } from '../../../shared/model/report';
import { pingtanReport } from '../../fixtures/pingtan';

export const clone = (doc: ReportDocument): ReportDocument => structuredClone(doc);

const SHORT_OVERVIEW =
  '2022年，本机关认真贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息14571条，收到政府信息公开申请75件，均按期答复。';

/** pingtan-2022 with a short 一、总体情况, so that a clean run has no finding at all. */
export function clean2021(): ReportDocument {
  const doc = pingtanReport();
  doc.sections.overview = SHORT_OVERVIEW;
  return doc;
}

/** A complete, consistent 2019-format report (year 2020) with pingtan's tables 3 and 4; the three
 * 2021 （六）其他处理 rows become the single 2019 row. */
export function clean2019(): ReportDocument {
  const source = pingtanReport();
  const doc = createReport({ year: 2020, agencyName: '黄金镇人民政府', level: '乡镇', now: '2021-01-20T09:00:00+08:00' });
  for (const key of formatModel('2019').keysByTable.t3) {
    if (key.startsWith('t3.other.')) {
      const column = key.slice('t3.other.'.length);
      doc.cells[key] = ['noCorrection', 'unpaidFee', 'misc'].reduce((s, r) => s + (source.cells[`t3.other.${r}.${column}`] ?? 0), 0);
    } else doc.cells[key] = source.cells[key] ?? null;
  }
  for (const key of formatModel('2019').keysByTable.t4) doc.cells[key] = source.cells[key] ?? null;
  Object.assign(doc.cells, {
    't2.regulations.made': 0,
    't2.regulations.published': 0,
    't2.regulations.totalPublic': 0,
    't2.normativeDocs.made': 12,
    't2.normativeDocs.published': 10,
    't2.normativeDocs.totalPublic': 211,
    't2.licensing.lastYearItems': 35,
    't2.licensing.change': -3,
    't2.licensing.decisions': 402,
    't2.otherServices.lastYearItems': 12,
    't2.otherServices.change': 0,
    't2.otherServices.decisions': 88,
    't2.penalties.lastYearItems': 20,
    't2.penalties.change': 2,
    't2.penalties.decisions': 61,
    't2.enforcement.lastYearItems': 3,
    't2.enforcement.change': 0,
    't2.enforcement.decisions': 4,
    't2.fees.lastYearItems': 0,
    't2.fees.change': 0,
    't2.procurement.items': 6,
    't2.procurement.amount': 125.5,
  });
  doc.sections = {
    overview: '2020年，黄金镇认真贯彻《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。',
    problems: '一是公开内容不够全面；二是工作人员业务水平有待提高。下一步将加强培训，完善公开目录。',
    other: '无。',
  };
  return doc;
}

export function cleanReport(format: '2019' | '2021'): ReportDocument {
  return format === '2019' ? clean2019() : clean2021();
}

/** A copy of `doc` with some cells changed (undefined deletes the key). */
export function withCells(doc: ReportDocument, changes: Record<string, number | null | undefined>): ReportDocument {
  const out = clone(doc);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete out.cells[key];
    else out.cells[key] = value;
  }
  return out;
}

/** Like withCells, then recomputes the totals (as the editor does). */
export function withParts(doc: ReportDocument, changes: Record<string, number | null>): ReportDocument {
  const out = withCells(doc, changes);
  out.cells = computeTotals(out);
  return out;
}

export function findings(report: ReportDocument, previous?: ReportDocument): Finding[] {
  return runChecks(previous ? { report, previous } : { report });
}

export function byRule(list: Finding[], rule: RuleId): Finding[] {
  return list.filter((f) => f.rule === rule);
}

/** “12” / “0.3” as the engine writes numbers in messages. */
export const shown = (n: number) => String(Math.round(n * 10000) / 10000);
