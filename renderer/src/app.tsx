// The page: the start page, or the editor — save state on top, steps on the left, the step in the
// middle, the live checks on the right.
import { useEffect } from 'react';
import { importDropped, loadStartData } from './app/actions';
import { installSessionEffects } from './app/session-effects';
import { DialogHost } from './components/dialog-host';
import { ImportYearForm } from './components/import-year-form';
import { ExportStep } from './components/export-step';
import { FindingsPanel } from './components/findings-panel';
import { MessageBar } from './components/message-bar';
import { MetaStep } from './components/meta-step';
import { MergePage } from './merge/merge-page';
import { NarrativeStep } from './components/narrative-step';
import { StartPage } from './components/start-page';
import { StepRail } from './components/step-rail';
import { TableStep } from './components/table-step';
import { TopBar } from './components/top-bar';
import { STEP_ORDER, showNotice, useSession, type StepId } from './store/session-store';
import { goToStepByKeyboard } from './app/session-effects';
import { stepTitle } from './components/step-rail';

function StepView({ step }: { step: StepId }) {
  switch (step) {
    case 'meta':
      return <MetaStep />;
    case 't2':
    case 't3':
    case 't4':
      return <TableStep key={step} table={step} />;
    case 'overview':
    case 'problems':
    case 'other':
      return <NarrativeStep key={step} section={step} />;
    case 'export':
      return <ExportStep />;
  }
}

/** 上一步 / 下一步 under every step: the keyboard and the mouse go through the wizard the same way. */
function StepNav({ step }: { step: StepId }) {
  const i = STEP_ORDER.indexOf(step);
  const prev = STEP_ORDER[i - 1];
  const next = STEP_ORDER[i + 1];
  return (
    <nav className="step-nav" aria-label="上一步和下一步">
      {prev ? (
        <button type="button" onClick={() => goToStepByKeyboard(prev)}>
          ← 上一步：{stepTitle(prev)}
        </button>
      ) : (
        <span />
      )}
      {next && (
        <button type="button" className="primary" onClick={() => goToStepByKeyboard(next)}>
          下一步：{stepTitle(next)} →
        </button>
      )}
    </nav>
  );
}

export function App() {
  const screen = useSession((s) => s.screen);
  const step = useSession((s) => s.step);

  useEffect(() => {
    const uninstall = installSessionEffects();
    void loadStartData();
    return uninstall;
  }, []);

  // A file dropped anywhere on the window is imported (the page never navigates to a dropped file).
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      document.body.classList.add('dropping');
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) document.body.classList.remove('dropping');
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      document.body.classList.remove('dropping');
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      // In 汇总 the files come through main's dialog (a folder keeps its sub-folders); a drop does not
      // replace the merge with an imported report.
      if (useSession.getState().screen === 'merge') showNotice('汇总时请用“添加报告文件…”或“添加文件夹…”选择各单位的报告。');
      else importDropped(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <>
      {screen === 'start' ? (
        <>
          <MessageBar />
          <StartPage />
        </>
      ) : screen === 'merge' ? (
        <MergePage />
      ) : (
        <div className="editor">
          <TopBar />
          <StepRail />
          <main className="work" id="work">
            <MessageBar />
            <StepView step={step} />
            <StepNav step={step} />
          </main>
          <FindingsPanel />
        </div>
      )}
      <DialogHost />
      <ImportYearForm />
    </>
  );
}
