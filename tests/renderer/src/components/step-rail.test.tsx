// @vitest-environment jsdom
// StepRail: one button per wizard step with the step's state from the live checks (to fill, errors,
// to explain, done) and 检查与导出 summing them; stepTitle names the steps.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StepRail, stepTitle } from '../../../../renderer/src/components/step-rail';
import { useFindings, type PlaceStatus } from '../../../../renderer/src/store/findings-store';
import { STEP_ORDER, useSession, type StepId } from '../../../../renderer/src/store/session-store';
import { PLACE_NAMES, REPORT_PLACES, type ReportPlace } from '../../../../shared/formats/vocabulary';

const initialFindings = useFindings.getState();
const initialSession = useSession.getState();

afterEach(() => {
  cleanup();
  useFindings.setState(initialFindings, true);
  useSession.setState(initialSession, true);
});

function status(over: Partial<PlaceStatus> = {}): PlaceStatus {
  return { todo: 0, errors: 0, toExplain: 0, explained: 0, hints: 0, toConfirm: 0, ...over };
}

/** Sets the per-step states the rail reads (places not given are done). */
function showStatus(byPlace: Partial<Record<ReportPlace, PlaceStatus>>): void {
  const all = Object.fromEntries(REPORT_PLACES.map((p) => [p, byPlace[p] ?? status()])) as Record<ReportPlace, PlaceStatus>;
  useFindings.setState({ byPlace: all });
}

function stepButton(step: StepId): HTMLElement {
  return screen.getByRole('button', { name: new RegExp(`^${stepTitle(step)}`) });
}

const statusOf = (step: StepId) => stepButton(step).querySelector('.step-status')!.textContent;

describe('stepTitle', () => {
  it('names a report place as the report does, and the last step 检查与导出', () => {
    expect(stepTitle('meta')).toBe('基本信息');
    expect(stepTitle('t3')).toBe(PLACE_NAMES.t3);
    expect(stepTitle('export')).toBe('检查与导出');
  });
});

describe('StepRail', () => {
  it('lists every step in order with its Alt shortcut, the current one marked', () => {
    showStatus({});
    useSession.setState({ step: 't2' });
    render(<StepRail />);
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.querySelector('.step-title')!.textContent)).toEqual(STEP_ORDER.map(stepTitle));
    expect(buttons.map((b) => b.getAttribute('aria-keyshortcuts'))).toEqual(STEP_ORDER.map((_, i) => `Alt+${i + 1}`));
    expect(stepButton('t2').getAttribute('aria-current')).toBe('step');
    expect(buttons.filter((b) => b.hasAttribute('aria-current'))).toHaveLength(1);
  });

  it('says what is left in a step: to fill, errors, to explain, and then its hints; the worst sets the tone', () => {
    showStatus({
      t3: status({ todo: 4, errors: 2, toExplain: 1, hints: 3 }),
      t4: status({ toExplain: 1, explained: 2 }),
      overview: status({ todo: 1 }),
    });
    render(<StepRail />);
    expect(statusOf('t3')).toBe('待填写 4 处 · 2 处错误 · 1 处须说明未说明 · 3 条提示');
    expect(stepButton('t3').className).toContain('tone-error');
    expect(statusOf('t4')).toBe('1 处须说明未说明');
    expect(stepButton('t4').className).toContain('tone-confirm');
    expect(statusOf('overview')).toBe('待填写 1 处');
    expect(stepButton('overview').className).toContain('tone-todo');
  });

  it('calls a step with nothing left 已完成, with what was explained and its hints', () => {
    showStatus({ t2: status({ explained: 2, hints: 1 }), t4: status({ explained: 1 }) });
    render(<StepRail />);
    expect(statusOf('meta')).toBe('已完成');
    expect(stepButton('meta').className).toContain('tone-done');
    expect(statusOf('t2')).toBe('已完成 · 2 处已说明 · 1 条提示');
    expect(stepButton('t2').className).toContain('tone-hint');
    expect(statusOf('t4')).toBe('已完成 · 1 处已说明');
    expect(stepButton('t4').className).toContain('tone-done');
  });

  it('does not call a step with proposed values still to confirm 已完成, nor the report 可导出正式版 without saying so', () => {
    showStatus({ overview: status({ toConfirm: 1 }), t3: status({ toConfirm: 11, hints: 1 }) });
    render(<StepRail />);
    expect(statusOf('overview')).toBe('1 处待确认');
    expect(stepButton('overview').className).toContain('tone-confirm');
    expect(statusOf('t3')).toBe('11 处待确认 · 1 条提示');
    expect(statusOf('export')).toBe('12 处待确认');
    expect(stepButton('export').className).toContain('tone-confirm');
  });

  it('sums every step into 检查与导出 in the words of the steps (and of the 检查与导出 page), or 可导出正式版', () => {
    showStatus({ t3: status({ todo: 4, errors: 2 }), t4: status({ toExplain: 1, hints: 5 }), overview: status({ todo: 1 }) });
    const { unmount } = render(<StepRail />);
    expect(statusOf('export')).toBe('待填写 5 处 · 2 处错误 · 1 处须说明未说明');
    expect(stepButton('export').className).toContain('tone-error');
    unmount();

    showStatus({ overview: status({ todo: 2 }) });
    render(<StepRail />);
    expect(statusOf('export')).toBe('待填写 2 处');
    expect(stepButton('export').className).toContain('tone-todo');
    cleanup();

    showStatus({ t4: status({ hints: 2, explained: 1 }) });
    render(<StepRail />);
    expect(statusOf('export')).toBe('可导出正式版');
    expect(stepButton('export').className).toContain('tone-done');
  });

  it('opens the step clicked, whatever its state', () => {
    showStatus({ t4: status({ errors: 1 }) });
    render(<StepRail />);
    fireEvent.click(stepButton('t4'));
    expect(useSession.getState().step).toBe('t4');
    expect(stepButton('t4').getAttribute('aria-current')).toBe('step');
    fireEvent.click(stepButton('export'));
    expect(useSession.getState().step).toBe('export');
  });
});
