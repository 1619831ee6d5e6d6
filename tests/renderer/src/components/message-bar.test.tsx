// @vitest-environment jsdom
// MessageBar shows main's error (with at most eight of its problems), a notice and import problems, and
// each closes on its own.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageBar } from '../../../../renderer/src/components/message-bar';
import { useSession } from '../../../../renderer/src/store/session-store';

afterEach(() => {
  cleanup();
  useSession.setState({ error: null, notice: null, importProblems: null });
});

describe('MessageBar', () => {
  it('renders nothing when there is nothing to say', () => {
    const { container } = render(<MessageBar />);
    expect(container.innerHTML).toBe('');
  });

  it('lists eight problems of an error and counts the rest; 关闭 clears it', () => {
    const problems = Array.from({ length: 11 }, (_, i) => `问题${i + 1}`);
    useSession.setState({ error: { message: '无法打开文件', problems } as never });
    render(<MessageBar />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('无法打开文件');
    expect(alert.querySelectorAll('li')).toHaveLength(9);
    expect(alert.textContent).toContain('问题8');
    expect(alert.textContent).not.toContain('问题9');
    expect(alert.textContent).toContain('另有 3 处');
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(useSession.getState().error).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
