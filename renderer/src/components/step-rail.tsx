// The steps of the wizard, each with its state from the live checks. Any step can be opened at any time.
import { PLACE_NAMES, type ReportPlace } from '../../../shared/formats/vocabulary';
import { describeOpenWork, type OpenWork } from '../../../shared/checks/summary';
import { useFindings, type PlaceStatus } from '../store/findings-store';
import { STEP_ORDER, goToStep, useSession, type StepId } from '../store/session-store';

export function stepTitle(step: StepId): string {
  return step === 'export' ? '检查与导出' : PLACE_NAMES[step];
}

type Tone = 'error' | 'confirm' | 'hint' | 'done' | 'todo';

// Only what is proposed and still to confirm is left: 待确认, in the tone of what asks the user's eye.
const toneOf = (work: OpenWork): Tone => (work.errors > 0 ? 'error' : work.toExplain > 0 ? 'confirm' : work.todo > 0 ? 'todo' : 'confirm');

function statusText(s: PlaceStatus): { text: string; tone: Tone } {
  const parts = describeOpenWork(s);
  if (parts.length > 0) {
    if (s.hints > 0) parts.push(`${s.hints} 条提示`);
    return { text: parts.join(' · '), tone: toneOf(s) };
  }
  const extra = [s.explained > 0 ? `${s.explained} 处已说明` : '', s.hints > 0 ? `${s.hints} 条提示` : ''].filter(Boolean);
  return { text: ['已完成', ...extra].join(' · '), tone: s.hints > 0 ? 'hint' : 'done' };
}

export function StepRail() {
  const step = useSession((s) => s.step);
  const byPlace = useFindings((s) => s.byPlace);
  // The whole report's open work, in the words of the 检查与导出 page.
  const places = Object.values(byPlace);
  const work: OpenWork = {
    todo: places.reduce((n, s) => n + s.todo, 0),
    errors: places.reduce((n, s) => n + s.errors, 0),
    toExplain: places.reduce((n, s) => n + s.toExplain, 0),
    toConfirm: places.reduce((n, s) => n + s.toConfirm, 0),
  };
  const open = describeOpenWork(work);

  return (
    <nav className="step-rail" aria-label="编写步骤">
      <ol>
        {STEP_ORDER.map((id, i) => {
          const status =
            id === 'export'
              ? open.length > 0
                ? { text: open.join(' · '), tone: toneOf(work) }
                : { text: '可导出正式版', tone: 'done' as const }
              : statusText(byPlace[id as ReportPlace]);
          return (
            <li key={id}>
              <button
                type="button"
                className={`step ${id === step ? 'current' : ''} tone-${status.tone}`}
                aria-current={id === step ? 'step' : undefined}
                onClick={() => goToStep(id)}
                aria-keyshortcuts={`Alt+${i + 1}`}
              >
                <span className="step-title">{stepTitle(id)}</span>
                <kbd className="step-key" aria-hidden="true">
                  Alt+{i + 1}
                </kbd>
                <span className="step-status">
                  <span className="dot" aria-hidden="true" />
                  {status.text}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
