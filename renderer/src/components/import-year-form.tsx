// The ask after importing a report text that names no year (no title, no statistics period): the report's
// year and the agency name, then main imports the text again with them. 取消 leaves everything as it was.
// After 从上年报告开始 it asks for LAST YEAR's report's year: the new report is the year after it.
import { useEffect, useId, useRef, useState } from 'react';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, reportYearProblem } from '../../../shared/formats/vocabulary';
import { cancelImportAsk, completeImport } from '../app/actions';
import { parseReportYear } from '../lib/report-year';
import { useSession } from '../store/session-store';

export function ImportYearForm() {
  const ask = useSession((s) => s.importAsk);
  return ask ? <AskForm key={ask.importId} message={ask.message} fromPrevious={ask.fromPrevious === true} /> : null;
}

/** The form's words: a plain import asks for the report's own year; 从上年报告开始 for last year's. */
const WORDS = {
  import: {
    heading: '这份报告是哪一年、哪个机关的？',
    year: '报告年度',
    hint: '机关层级按名称判断，导入后可在“基本信息”中修改。',
    submit: '导入',
    busy: '正在导入…',
  },
  fromPrevious: {
    heading: '这份上年报告是哪一年、哪个机关的？',
    year: '上年报告的年度',
    hint: '填上年报告本身的年度（不是新报告的年度）：新报告的年度为其下一年，机关名称沿用到新报告；层级按名称判断，之后可在“基本信息”中修改。',
    submit: '从它开始',
    busy: '正在新建…',
  },
} as const;

function AskForm({ message, fromPrevious }: { message: string; fromPrevious: boolean }) {
  const words = WORDS[fromPrevious ? 'fromPrevious' : 'import'];
  const id = useId();
  const [year, setYear] = useState('');
  const [agencyName, setAgencyName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const returnTo = document.activeElement as HTMLElement | null;
    box.current?.querySelector('input')?.focus();
    return () => returnTo?.focus?.();
  }, []);

  return (
    <div className="dialog-backdrop">
      <form
        ref={box}
        className="dialog form"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-m`}
        data-testid="import-year-form"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !busy) {
            e.preventDefault();
            cancelImportAsk();
          } else if (e.key === 'Tab') {
            // Tab stays in the form, as in every dialog of the app.
            const stops = [...(box.current?.querySelectorAll<HTMLElement>('input, button:not(:disabled)') ?? [])];
            const i = stops.indexOf(document.activeElement as HTMLElement);
            e.preventDefault();
            stops[(i + (e.shiftKey ? -1 : 1) + stops.length) % stops.length]?.focus();
          }
        }}
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          const checked = parseReportYear(year);
          if (!checked.ok) {
            setProblem(checked.message);
            return;
          }
          // Last year's year must leave room for the new report's.
          const nextProblem = fromPrevious ? reportYearProblem(checked.year + 1) : null;
          if (nextProblem) {
            setProblem(`新报告的年度将是 ${checked.year + 1}：${nextProblem}请确认上年报告的年度。`);
            return;
          }
          if (agencyName.trim() === '') {
            setProblem('请填写发布这份报告的机关全称，如“某县人民政府”。');
            return;
          }
          setBusy(true);
          setProblem(null);
          void completeImport(checked.year, agencyName.trim()).then((left) => {
            setBusy(false);
            setProblem(left);
          });
        }}
      >
        <h2 id={`${id}-t`}>{words.heading}</h2>
        <p id={`${id}-m`}>{message}</p>
        <label>
          <span>{words.year}</span>
          <input name="importYear" value={year} inputMode="numeric" maxLength={8} onChange={(e) => setYear(e.target.value)} placeholder={`四位年份，${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`} />
        </label>
        <label>
          <span>机关名称</span>
          <input name="importAgency" value={agencyName} maxLength={100} onChange={(e) => setAgencyName(e.target.value)} placeholder="如：某县人民政府" />
        </label>
        <p className="hint">{words.hint}</p>
        {problem && (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? words.busy : words.submit}
          </button>
          <button type="button" onClick={cancelImportAsk} disabled={busy}>
            取消
          </button>
        </div>
      </form>
    </div>
  );
}
