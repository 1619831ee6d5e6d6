// The check engine: runChecks() applies every rule of spec §6 to a report (and last year's report, when
// given) and returns the findings in a stable order: basic information, cells, sums, texts (including
// text.numbers), content, comparison with last year. It never throws: odd data (missing keys, NaN, missing sections, an unknown
// format) yields findings, not exceptions.
//
// Speed: per-format structures are built once (plan.ts); one run reads each cell once into reused
// typed arrays and works on numbers; strings and arrays are built only for findings. What is derived
// from texts (length, fee statement, the figures text.numbers reads) goes through one-entry caches; the
// prev.identical similarity is cached by the two texts.
import { formatIdForYear, isSupportedYear } from '../formats/index';
import type { FormatId } from '../formats/index';
import type { ReportDocument } from '../model/report';
import { storedPrevious } from '../model/previous';
import type { CheckInput, Finding } from './types';
import { checkBlankCells, checkImplausible, checkInvalidCells } from './cell-rules';
import { checkPlan, readCells, sharedCells } from './plan';
import { checkCarryOver, checkIdentical, checkInForce, checkJumps } from './prev-rules';
import { checkMeta, checkOtherShare, checkRegulationsPower, isKnownFormat } from './report-rules';
import { checkBalance, checkSums } from './sum-rules';
import { checkTextNumbers } from './text-numbers';
import { checkTexts } from './text-rules';

export * from './types';
export { computeTotals } from './totals';
export type { CellMap } from './totals';
export { blockingFindings, countBySeverity, describeOpenWork, findingsByPlace, isExplained, isToDo, openWork, toDoCount } from './summary';
export type { OpenWork } from './summary';
export { textSimilarity } from './similarity';
export { countCharacters, mentionsFee, OVERVIEW_MAX_CHARACTERS } from './text-rules';
export { extractMentions, FIGURE_LABELS } from './text-numbers';
export type { FigureKind, Mention } from './text-numbers';
export { IDENTICAL_TEXT_SIMILARITY, JUMP_FACTOR, JUMP_MIN } from './prev-rules';
export { OTHER_SHARE_LIMIT } from './report-rules';

/** The format whose cells a document is checked against: its own, or — when that is unknown — the
 * one its year calls for (meta.formatYear reports the unknown format). */
function effectiveFormat(doc: ReportDocument): FormatId {
  if (isKnownFormat(doc.format)) return doc.format;
  return isSupportedYear(doc.year) ? formatIdForYear(doc.year) : '2021';
}

export function runChecks(input: CheckInput): Finding[] {
  const out: Finding[] = [];
  const report = input.report;
  const plan = checkPlan(effectiveFormat(report));
  const cur = plan.cur;
  readCells(plan, report.cells, cur, report.invalidCells);

  checkMeta(report, out);
  const typed = Array.isArray(report.settings?.typedTotals) ? report.settings.typedTotals : [];
  checkBlankCells(plan, cur, out, typed);
  checkInvalidCells(plan, cur, out, report.invalidCells);
  // Last year's report: given (--previous, loaded for comparison) or kept in the file.
  const previous = input.previous ?? storedPrevious(report);
  if (!previous) checkImplausible(plan, cur, out, typed);
  checkSums(plan, cur, out);
  checkBalance(plan, cur, out);
  checkTexts(report, plan, out);
  checkTextNumbers(report, plan, cur, out);
  checkRegulationsPower(report, plan, cur, out);
  checkOtherShare(plan, cur, out);

  if (previous) {
    const prevPlan = checkPlan(effectiveFormat(previous));
    // Same format: use the plan's second buffer so this year's values stay where they are.
    const prev = prevPlan === plan ? plan.prev : prevPlan.cur;
    readCells(prevPlan, previous.cells, prev, previous.invalidCells);
    checkImplausible(plan, cur, out, typed, { plan: prevPlan, buffer: prev, pairs: sharedCells(plan, prevPlan) });
    checkCarryOver(plan, cur, prevPlan, prev, out);
    checkInForce(plan, cur, prevPlan, prev, out);
    checkIdentical(report, plan, cur, previous, prevPlan, prev, out);
    checkJumps(plan, cur, prevPlan, prev, out);
  }

  attachExplanations(report, out);
  return out;
}

/** A confirm finding carries the user's explanation stored in the file under its rule + target. */
function attachExplanations(report: ReportDocument, findings: Finding[]): void {
  const explanations = Array.isArray(report.explanations) ? report.explanations : [];
  if (explanations.length === 0) return;
  for (const f of findings) {
    if (f.severity !== 'confirm') continue;
    for (const e of explanations) {
      if (e && e.rule === f.rule && e.target === f.target && typeof e.text === 'string') {
        f.explanation = e.text;
        break;
      }
    }
  }
}
