// The ask after importing a report text that names no year (no title, no statistics period): the report's
// year and the agency name, then main imports the text again with them. 取消 leaves everything as it was.
import { useEffect, useId, useRef, useState } from 'react';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from '../../../shared/formats/vocabulary';
import { cancelImportAsk, completeImport } from '../app/actions';
import { parseReportYear } from '../lib/report-year';
import { useSession } from '../store/session-store';

export function ImportYearForm() {
  const ask = useSession((s) => s.importAsk);
  return ask ? <AskForm key={ask.importId} message={ask.message} /> : null;
}

function AskForm({ message }: { message: string }) {
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
        <h2 id={`${id}-t`}>这份报告是哪一年、哪个机关的？</h2>
        <p id={`${id}-m`}>{message}</p>
        <label>
          <span>报告年度</span>
          <input name="importYear" value={year} inputMode="numeric" maxLength={8} onChange={(e) => setYear(e.target.value)} placeholder={`四位年份，${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`} />
        </label>
        <label>
          <span>机关名称</span>
          <input name="importAgency" value={agencyName} maxLength={100} onChange={(e) => setAgencyName(e.target.value)} placeholder="如：某县人民政府" />
        </label>
        <p className="hint">机关层级按名称判断，导入后可在“基本信息”中修改。</p>
        {problem && (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? '正在导入…' : '导入'}
          </button>
          <button type="button" onClick={cancelImportAsk} disabled={busy}>
            取消
          </button>
        </div>
      </form>
    </div>
  );
}
