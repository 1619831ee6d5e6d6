// The summary as an ordinary report of the group's format: the summed tables, the receiving office as
// its agency, an empty narrative for its author, and the list of merged units with their hashes (so
// anyone can tell later which files, exactly, the figures are the sum of).
import { createReport } from '../model/document';
import type { AgencyLevel, MergedUnit, ReportDocument } from '../model/report';
import type { MergePlan } from './plan-merge';

export interface SummaryOptions {
  agencyName: string;
  level?: AgencyLevel;
  region?: string;
  now?: string;
}

/** `undefined` when the plan includes no unit (nothing to sum). */
export function buildSummaryReport(plan: MergePlan, options: SummaryOptions): ReportDocument | undefined {
  const { group, sum } = plan;
  if (!group || !sum) return undefined;
  const doc = createReport({
    year: group.year,
    format: group.format,
    agencyName: options.agencyName,
    ...(options.level ? { level: options.level } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  doc.cells = { ...sum.cells };
  const settings: NonNullable<ReportDocument['settings']> = {};
  if (sum.typedTotals.length > 0) settings.typedTotals = [...sum.typedTotals];
  if (sum.procurementUnit) settings.procurementUnit = sum.procurementUnit;
  if (Object.keys(settings).length > 0) doc.settings = settings;
  const units: MergedUnit[] = plan.rows
    .filter((r) => r.status.kind === 'included')
    .map((r) => ({
      name: r.unit,
      file: baseName(r.path),
      sha256: r.sha256,
      source: r.source,
      ...(r.dataUsed ? { dataUsed: r.dataUsed } : {}),
    }));
  const incomplete: Record<string, string[]> = {};
  for (const [key, names] of Object.entries(sum.incomplete)) incomplete[key] = [...names];
  doc.merged = { units, incomplete };
  return doc;
}

/** The file name without its folders (either separator: the list is read on Windows too). */
function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut >= 0 ? path.slice(cut + 1) : path;
}
