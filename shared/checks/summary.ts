// Helpers the UI uses to show, group and gate on findings.
import { REPORT_PLACES, type ReportPlace } from '../formats/vocabulary';
import type { Finding, Severity, SeverityCounts } from './types';

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: Record<Severity, number> = { error: 0, confirm: 0, hint: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Findings per place (every place present, possibly empty), each list in the engine's order. */
export function findingsByPlace(findings: readonly Finding[]): Record<ReportPlace, Finding[]> {
  const out = Object.fromEntries(REPORT_PLACES.map((place) => [place, []])) as unknown as Record<ReportPlace, Finding[]>;
  for (const f of findings) out[f.place].push(f);
  return out;
}

/** A confirm finding the user has explained in writing (whitespace alone does not count). */
export function isExplained(finding: Finding): boolean {
  return finding.severity === 'confirm' && typeof finding.explanation === 'string' && finding.explanation.trim() !== '';
}

/** What stops the final export: every error, and every confirm without an explanation. */
export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' || (f.severity === 'confirm' && !isExplained(f)));
}

/** Work not done yet rather than a contradiction: blank cells and empty required sections. They show
 *  as 待填写 (a count of what is left), not as red errors — and still block the final export. */
export function isToDo(finding: Finding): boolean {
  return finding.rule === 'cell.blank' || (finding.rule === 'text.empty' && finding.severity === 'error');
}

/** How many things a to-do finding stands for (each blank cell, each empty section). */
export function toDoCount(finding: Finding): number {
  return finding.rule === 'cell.blank' ? finding.cells.length : 1;
}

/** What still stands between a report and its final export, counted the one way every screen says it. */
export interface OpenWork {
  /** Blank cells and empty required sections, each counted (待填写). */
  todo: number;
  /** The other errors (错误). */
  errors: number;
  /** Confirm findings not yet explained (须说明). */
  toExplain: number;
  /** Values and texts proposed from last year's report, not yet confirmed or rewritten (待确认). They do
   *  not block the final export (they are the report's values), but no screen calls them done. */
  toConfirm?: number;
}

export function openWork(findings: readonly Finding[]): OpenWork {
  const work: OpenWork = { todo: 0, errors: 0, toExplain: 0 };
  for (const f of findings) {
    if (isToDo(f)) work.todo += toDoCount(f);
    else if (f.severity === 'error') work.errors++;
    else if (f.severity === 'confirm' && !isExplained(f)) work.toExplain++;
  }
  return work;
}

/** “待填写 12 处”, “3 处错误”, “1 处须说明未说明” — the words of the findings panel, the step rail, the
 *  检查与导出 page and main's refusal of a final export; only the parts that are not zero. */
export function describeOpenWork(work: OpenWork): string[] {
  return [
    work.todo > 0 ? `待填写 ${work.todo} 处` : '',
    work.errors > 0 ? `${work.errors} 处错误` : '',
    work.toExplain > 0 ? `${work.toExplain} 处须说明未说明` : '',
    (work.toConfirm ?? 0) > 0 ? `${work.toConfirm} 处待确认` : '',
  ].filter(Boolean);
}
