// The live check results: grouped by severity, then by section, each with its message. Clicking one
// goes to its step and focuses the cell or text; confirm findings take their explanation right here.
import { memo, useId } from 'react';
import { blankCellsToFill } from '../../../shared/checks/typed-totals';
import { countBySeverity, isExplained, isToDo, toDoCount } from '../../../shared/checks/summary';
import { SEVERITY_LABELS, type Finding, type Severity } from '../../../shared/checks/types';
import { REPORT_PLACES, type ReportPlace } from '../../../shared/formats/vocabulary';
import type { FormatId, TableId } from '../../../shared/formats/types';
import { convertReportFormat, loadPrevious, removePrevious } from '../app/actions';
import { currentDoc, setCells, setExplanation, useDocStore } from '../store/document-store';
import { useFindings } from '../store/findings-store';
import { focusCell, focusMeta, focusSection, goToStep, useSession } from '../store/session-store';
import { stepTitle } from './step-rail';

const SEVERITIES: Severity[] = ['error', 'confirm', 'hint'];

/** The “quoted” passages of a message, longest first: a text finding quotes the sentence it is about,
 *  which the editor then selects. An excerpt shortened with “…” is cut there into the pieces the text
 *  really contains. */
export function quotedPassages(message: string): string[] {
  const pieces: string[] = [];
  for (const m of message.matchAll(/“([^”]{4,})”/g)) {
    for (const piece of m[1]!.split(/…+|\.{3,}/)) if (piece.length >= 4) pieces.push(piece);
  }
  return pieces.sort((a, b) => b.length - a.length);
}

export function goToFinding(f: Finding): void {
  if (f.place === 'overview' || f.place === 'problems' || f.place === 'other') {
    focusSection(f.place, quotedPassages(f.message), f.range);
  } else if (f.place === 'meta') {
    focusMeta(f.target);
  } else if (f.cells.length > 0) {
    focusCell(f.cells[0]!);
  } else {
    goToStep(f.place);
  }
}

/** Fills every blank cell of a table that the user types with 0 (computed totals follow). */
export function fillBlanksWithZero(table: TableId): void {
  const doc = currentDoc();
  if (!doc) return;
  setCells(Object.fromEntries(blankCellsToFill(doc, table).map((key) => [key, 0])));
}

export function FindingsPanel() {
  const findings = useFindings((s) => s.findings);
  const format = useDocStore((s) => s.doc?.format ?? '2021');
  const previous = useDocStore((s) => s.doc?.previous);
  const todoFindings = findings.filter(isToDo);
  const todo = todoFindings.reduce((n, f) => n + toDoCount(f), 0);
  const counts = countBySeverity(findings.filter((f) => !isToDo(f)));
  const toExplain = findings.filter((f) => f.severity === 'confirm' && !isExplained(f)).length;

  return (
    <aside className="findings-panel" aria-label="检查结果" data-testid="findings-panel">
      <div className="panel-head">
        <h2>检查结果</h2>
        <p className="counts" data-testid="findings-counts">
          {todo > 0 && <span className="count todo">待填写 {todo}</span>}
          <span className="count error">错误 {counts.error}</span>
          <span className="count confirm">
            须说明 {counts.confirm}
            {toExplain > 0 && toExplain !== counts.confirm ? `（待说明 ${toExplain}）` : ''}
          </span>
          <span className="count hint">提示 {counts.hint}</span>
        </p>
        <p className="previous">
          {previous ? (
            <>
              已与上年报告对比：{previous.year} 年度（{previous.source.fileName}）{' '}
              <button type="button" className="link" onClick={removePrevious}>
                移除
              </button>
            </>
          ) : (
            <button type="button" className="link" onClick={() => void loadPrevious()}>
              载入上年报告，对比检查…
            </button>
          )}
        </p>
      </div>
      <div className="panel-body">
        {findings.length === 0 && <p className="all-clear">没有发现问题。</p>}
        {todoFindings.length > 0 && (
          <section className="severity-group todo" aria-label={`待填写 ${todo} 处`}>
            <h3>待填写（{todo}）</h3>
            <p className="hint">还没填的单元格和章节。这不是错误，但全部填写后才能导出正式版。</p>
            <ul className="plain-list">
              {todoFindings.map((f) => (
                <FindingItem key={`${f.rule}|${f.target}`} finding={f} format={format} place={f.place} />
              ))}
            </ul>
          </section>
        )}
        {SEVERITIES.map((severity) => {
          const list = findings.filter((f) => f.severity === severity && !isToDo(f));
          if (list.length === 0) return null;
          return (
            <section key={severity} className={`severity-group ${severity}`} aria-label={`${SEVERITY_LABELS[severity]} ${list.length} 条`}>
              <h3>
                {SEVERITY_LABELS[severity]}（{list.length}）
              </h3>
              {REPORT_PLACES.map((place) => {
                const inPlace = list.filter((f) => f.place === place);
                if (inPlace.length === 0) return null;
                return (
                  <div key={place} className="place-group">
                    <h4>{stepTitle(place)}</h4>
                    <ul className="plain-list">
                      {inPlace.map((f) => (
                        <FindingItem key={`${f.rule}|${f.target}`} finding={f} format={format} place={place} />
                      ))}
                    </ul>
                  </div>
                );
              })}
            </section>
          );
        })}
      </div>
    </aside>
  );
}

const FindingItem = memo(function FindingItem({ finding: f, format }: { finding: Finding; format: FormatId; place: ReportPlace }) {
  const messageId = useId();
  return (
    <li className={`finding ${isToDo(f) ? 'todo' : f.severity}`} data-rule={f.rule} data-target={f.target}>
      <button type="button" id={messageId} className="finding-message" onClick={() => goToFinding(f)}>
        {f.message}
      </button>
      {f.rule === 'cell.blank' && (f.place === 't2' || f.place === 't3' || f.place === 't4') && (
        <button type="button" className="small" onClick={() => fillBlanksWithZero(f.place as TableId)}>
          全部填0
        </button>
      )}
      {f.rule === 'meta.formatYear' && (format === '2019' || format === '2021') && (
        <button type="button" className="small" onClick={convertReportFormat}>
          转换
        </button>
      )}
      {f.severity === 'confirm' && <ExplanationField rule={f.rule} target={f.target} describedBy={messageId} />}
    </li>
  );
});

/** describedBy: the id of the finding's message, so that a screen reader says which finding the
 *  explanation is for (every explanation field has the same label). */
export function ExplanationField({ rule, target, describedBy }: { rule: string; target: string; describedBy?: string }) {
  const text = useDocStore((s) => s.doc?.explanations.find((e) => e.rule === rule && e.target === target)?.text ?? '');
  const explained = text.trim() !== '';
  return (
    <label className={`explanation ${explained ? 'done' : ''}`}>
      <span>{explained ? '说明（已填写，保存在报告文件中）' : '须填写说明后才能导出正式版：'}</span>
      <textarea
        rows={2}
        value={text}
        data-explain={`${rule}|${target}`}
        aria-describedby={describedBy}
        data-undo-field={`explain:${rule}|${target}`}
        placeholder="写明原因，如：上年报告统计口径有误，本年已更正。"
        onChange={(e) => setExplanation(rule, target, e.target.value)}
      />
    </label>
  );
}
