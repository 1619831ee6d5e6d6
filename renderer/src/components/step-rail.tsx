// The steps of the wizard, each with its state from the live checks. Any step can be opened at any time.
import { PLACE_NAMES, type ReportPlace } from '../../../shared/formats/vocabulary';
import { useFindings, type PlaceStatus } from '../store/findings-store';
import { STEP_ORDER, goToStep, useSession, type StepId } from '../store/session-store';

export function stepTitle(step: StepId): string {
  return step === 'export' ? '检查与导出' : PLACE_NAMES[step];
}

function statusText(s: PlaceStatus): { text: string; tone: 'error' | 'confirm' | 'hint' | 'done' | 'todo' } {
  const parts: string[] = [];
  if (s.todo > 0) parts.push(`待填写 ${s.todo}`);
  if (s.errors > 0) parts.push(`${s.errors} 处错误`);
  if (s.toExplain > 0) parts.push(`${s.toExplain} 处须说明`);
  if (parts.length > 0) {
    if (s.hints > 0) parts.push(`${s.hints} 条提示`);
    return { text: parts.join(' · '), tone: s.errors > 0 ? 'error' : s.toExplain > 0 ? 'confirm' : 'todo' };
  }
  const extra = [s.explained > 0 ? `${s.explained} 处已说明` : '', s.hints > 0 ? `${s.hints} 条提示` : ''].filter(Boolean);
  return { text: ['已完成', ...extra].join(' · '), tone: s.hints > 0 ? 'hint' : 'done' };
}

export function StepRail() {
  const step = useSession((s) => s.step);
  const byPlace = useFindings((s) => s.byPlace);
  const blocking = Object.values(byPlace).reduce((n, s) => n + s.errors + s.toExplain, 0);
  const todo = Object.values(byPlace).reduce((n, s) => n + s.todo, 0);

  return (
    <nav className="step-rail" aria-label="编写步骤">
      <ol>
        {STEP_ORDER.map((id, i) => {
          const status =
            id === 'export'
              ? blocking + todo > 0
                ? {
                    text: [todo > 0 ? `待填写 ${todo}` : '', blocking > 0 ? `${blocking} 处待处理` : ''].filter(Boolean).join(' · '),
                    tone: blocking > 0 ? ('error' as const) : ('todo' as const),
                  }
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
