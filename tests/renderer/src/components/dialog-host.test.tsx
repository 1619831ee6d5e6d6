// @vitest-environment jsdom
// DialogHost shows the session's one dialog (title, message, details, titled lists, buttons): the focus goes
// to its primary button and back when it closes, Tab and Shift+Tab stay inside, Esc cancels.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DialogHost } from '../../../../renderer/src/components/dialog-host';
import { openDialog, useSession, type DialogState } from '../../../../renderer/src/store/session-store';

afterEach(() => {
  cleanup();
  useSession.setState({ dialog: null });
  document.body.innerHTML = '';
});

function threeButtons(actions: { save?: () => void; discard?: () => void; cancel?: () => void } = {}): DialogState {
  return {
    title: '报告尚未保存',
    message: '当前报告有未保存的修改。要先保存吗？',
    buttons: [
      { label: '不保存', action: actions.discard ?? (() => {}) },
      { label: '保存', primary: true, action: actions.save ?? (() => {}) },
      { label: '取消', action: actions.cancel ?? (() => {}) },
    ],
  };
}

describe('DialogHost', () => {
  it('renders nothing without a dialog', () => {
    const { container } = render(<DialogHost />);
    expect(container.innerHTML).toBe('');
  });

  it('shows title, message, details and the titled lists (an empty one as （无）)', () => {
    render(<DialogHost />);
    act(() =>
      openDialog({
        title: '转换为 2019 年版格式',
        message: '以下内容将移动、待填写或舍弃。',
        details: ['第一条说明', '第二条说明'],
        lists: [
          { id: 'moved', title: '移动的单元格', items: ['本年新制作数量 → 本年制发件数'] },
          { id: 'dropped', title: '舍弃的数值', items: [] },
        ],
        buttons: [{ label: '确定', primary: true, action: () => {} }],
      }),
    );
    const dialog = screen.getByRole('dialog', { name: '转换为 2019 年版格式' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.className).toContain('wide');
    expect(within(dialog).getByText('以下内容将移动、待填写或舍弃。').id).toBe('dialog-message');
    expect([...dialog.querySelectorAll('.dialog-details li')].map((li) => li.textContent)).toEqual(['第一条说明', '第二条说明']);
    expect(within(screen.getByTestId('dialog-list-moved')).getByText('本年新制作数量 → 本年制发件数')).toBeTruthy();
    expect(screen.getByTestId('dialog-list-dropped').textContent).toContain('（无）');
  });

  it('focuses the primary button and gives the focus back when the dialog closes', () => {
    render(
      <>
        <button type="button">外面的按钮</button>
        <DialogHost />
      </>,
    );
    const outside = screen.getByRole('button', { name: '外面的按钮' });
    outside.focus();
    act(() => openDialog(threeButtons()));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '保存' }));
    act(() => useSession.setState({ dialog: null }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(outside);
  });

  it('keeps Tab and Shift+Tab among its buttons, wrapping at both ends', () => {
    render(<DialogHost />);
    act(() => openDialog(threeButtons()));
    const dialog = screen.getByRole('dialog');
    const [discard, save, cancel] = ['不保存', '保存', '取消'].map((name) => screen.getByRole('button', { name }));
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(discard);
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(cancel);
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(save);
  });

  it('runs a button’s action when clicked', () => {
    const save = vi.fn();
    render(<DialogHost />);
    act(() => openDialog(threeButtons({ save })));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('closes on Esc, or runs the dialog’s own onCancel instead', () => {
    render(<DialogHost />);
    act(() => openDialog(threeButtons()));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(useSession.getState().dialog).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();

    const onCancel = vi.fn();
    act(() => openDialog({ ...threeButtons(), onCancel }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(useSession.getState().dialog).not.toBeNull();
  });
});
