// The editing session's store (session-store.ts): the wizard's steps, focus requests (each a new one, even
// for the same place), errors (a cancelled dialog says nothing), notices and dialogs.
import { afterEach, describe, expect, it } from 'vitest';
import { REPORT_PLACES } from '../../../../shared/formats/vocabulary';
import {
  closeDialog,
  focusCell,
  focusMeta,
  focusSection,
  goToStep,
  openDialog,
  showError,
  showNotice,
  STEP_ORDER,
  useSession,
} from '../../../../renderer/src/store/session-store';

const initial = useSession.getState();
afterEach(() => useSession.setState(initial, true));

describe('STEP_ORDER', () => {
  it('is every place of the report in order, then 检查与导出', () => {
    expect(STEP_ORDER).toEqual([...REPORT_PLACES, 'export']);
    expect(STEP_ORDER[STEP_ORDER.length - 1]).toBe('export');
  });
});

describe('useSession', () => {
  it('starts on the start page, on 基本信息, with nothing open, said or asked', () => {
    expect(initial).toMatchObject({ screen: 'start', docId: null, savedDoc: null, step: 'meta', focus: null, error: null, notice: null, dialog: null, importAsk: null, saving: false });
  });
});

describe('goToStep', () => {
  it('changes the step without asking for a focus', () => {
    goToStep('t4');
    expect(useSession.getState()).toMatchObject({ step: 't4', focus: null });
  });
});

describe('focusCell', () => {
  it('goes to the table of the cell and asks for its focus, anew each time', () => {
    focusCell('t3.received.natural');
    const first = useSession.getState().focus;
    expect(useSession.getState().step).toBe('t3');
    expect(first).toMatchObject({ kind: 'cell', key: 't3.received.natural' });
    focusCell('t3.received.natural');
    const second = useSession.getState().focus;
    // The same cell again is a new request (the grid moves the cursor back to it).
    expect(second).not.toBe(first);
    expect(second!.nonce).not.toBe(first!.nonce);
    focusCell('t2.procurement.amount');
    expect(useSession.getState().step).toBe('t2');
  });
});

describe('focusSection', () => {
  it('goes to the section, with the passages to select and the range only when given', () => {
    focusSection('problems');
    expect(useSession.getState().step).toBe('problems');
    expect(useSession.getState().focus).toEqual({ kind: 'section', key: 'problems', nonce: expect.any(Number) });
    focusSection('overview', [], { start: 3, end: 9 });
    expect(useSession.getState().focus).toEqual({ kind: 'section', key: 'overview', range: { start: 3, end: 9 }, nonce: expect.any(Number) });
    focusSection('other', ['无。']);
    expect(useSession.getState().focus).toEqual({ kind: 'section', key: 'other', select: ['无。'], nonce: expect.any(Number) });
  });
});

describe('focusMeta', () => {
  it('goes to 基本信息 and asks for the field', () => {
    goToStep('t3');
    focusMeta('agencyName');
    expect(useSession.getState()).toMatchObject({ step: 'meta', focus: { kind: 'meta', field: 'agencyName' } });
  });
});

describe('showError', () => {
  it('shows an error, but not a cancelled dialog', () => {
    showError({ code: 'cancelled', message: '已取消' });
    expect(useSession.getState().error).toBeNull();
    showError({ code: 'io', message: '写入失败' });
    expect(useSession.getState().error).toEqual({ code: 'io', message: '写入失败' });
  });
});

describe('showNotice / openDialog / closeDialog', () => {
  it('sets the notice, and opens and closes the dialog', () => {
    showNotice('已保存。');
    expect(useSession.getState().notice).toBe('已保存。');
    const dialog = { title: '标题', message: '内容', buttons: [{ label: '确定', action: () => {} }] };
    openDialog(dialog);
    expect(useSession.getState().dialog).toBe(dialog);
    closeDialog();
    expect(useSession.getState().dialog).toBeNull();
  });
});
