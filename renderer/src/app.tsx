// The page: the start page, or the editor — save state on top, steps on the left, the step in the
// middle, the live checks on the right.
import { useEffect } from 'react';
import { loadStartData } from './app/actions';
import { installSessionEffects } from './app/session-effects';
import { DialogHost } from './components/dialog-host';
import { ExportStep } from './components/export-step';
import { FindingsPanel } from './components/findings-panel';
import { MessageBar } from './components/message-bar';
import { MetaStep } from './components/meta-step';
import { NarrativeStep } from './components/narrative-step';
import { StartPage } from './components/start-page';
import { StepRail } from './components/step-rail';
import { TableStep } from './components/table-step';
import { TopBar } from './components/top-bar';
import { useSession, type StepId } from './store/session-store';

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

export function App() {
  const screen = useSession((s) => s.screen);
  const step = useSession((s) => s.step);

  useEffect(() => {
    const uninstall = installSessionEffects();
    void loadStartData();
    return uninstall;
  }, []);

  return (
    <>
      {screen === 'start' ? (
        <>
          <MessageBar />
          <StartPage />
        </>
      ) : (
        <div className="editor">
          <TopBar />
          <StepRail />
          <main className="work" id="work">
            <MessageBar />
            <StepView step={step} />
          </main>
          <FindingsPanel />
        </div>
      )}
      <DialogHost />
    </>
  );
}
