// @vitest-environment jsdom
// BackupList lists the earlier versions main kept of the saved file and restores one as unsaved changes
// (written totals kept as typed totals, one Ctrl+Z away); errors from main go to the message bar.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReport } from '../../../../shared/model/document';
import type { BackupEntry } from '../../../../shared/ipc/contract';
import { BackupList } from '../../../../renderer/src/components/backup-list';
import { formatDateTime } from '../../../../renderer/src/lib/time';
import { currentDoc, loadDoc, undo } from '../../../../renderer/src/store/document-store';
import { useSession } from '../../../../renderer/src/store/session-store';
import { installFakeBridge, type FakeBridge } from '../../fake-bridge';

const BACKUPS: BackupEntry[] = [
  { backupId: 'b2', savedAt: '2025-03-02T09:30:00.000Z', size: 2048 },
  { backupId: 'b1', savedAt: '2025-03-01T08:00:00.000Z', size: 512 },
];

let bridge: FakeBridge;

beforeEach(() => {
  bridge = installFakeBridge();
  loadDoc(createReport({ year: 2024, agencyName: '测试镇人民政府' }));
  useSession.setState({ docId: 'd1', fileName: '2024年报.nianbao' });
});

afterEach(() => {
  cleanup();
  bridge.uninstall();
  loadDoc(null);
  useSession.setState({ docId: null, fileName: null, error: null, notice: null });
});

describe('BackupList', () => {
  it('shows nothing without an open report, and only a hint before the report has a file', () => {
    useSession.setState({ docId: null, fileName: null });
    const { container, rerender } = render(<BackupList />);
    expect(container.innerHTML).toBe('');
    act(() => useSession.setState({ docId: 'd1' }));
    rerender(<BackupList />);
    expect(container.textContent).toContain('报告保存后，每次保存都会把上一版留作备份。');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('lists the backups of the open document with time and size', async () => {
    bridge.handle({ 'backups:list': () => BACKUPS });
    render(<BackupList />);
    fireEvent.click(screen.getByRole('button', { name: '查看历史版本…' }));
    const items = await screen.findAllByRole('listitem');
    expect(bridge.callsTo('backups:list')).toEqual([{ docId: 'd1' }]);
    expect(items.map((li) => li.querySelector('span')!.textContent)).toEqual([
      `${formatDateTime(BACKUPS[0]!.savedAt)} · 2 KB`,
      `${formatDateTime(BACKUPS[1]!.savedAt)} · 512 字节`,
    ]);
    expect(screen.getByRole('button', { name: '刷新历史版本' })).toBeTruthy();
  });

  it('says so when there is no backup yet', async () => {
    bridge.handle({ 'backups:list': () => [] });
    render(<BackupList />);
    fireEvent.click(screen.getByRole('button', { name: '查看历史版本…' }));
    expect(await screen.findByText('还没有备份：文件第一次被覆盖保存时才会留下上一版。')).toBeTruthy();
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('restores a backup as unsaved changes that Ctrl+Z takes back, keeping its written totals', async () => {
    const before = currentDoc()!;
    const old = createReport({ year: 2024, agencyName: '旧名称' });
    old.cells['t4.review.upheld'] = 1;
    old.cells['t4.review.total'] = 5;
    bridge.handle({ 'backups:list': () => BACKUPS, 'backups:restore': () => ({ doc: old }) });
    render(<BackupList />);
    fireEvent.click(screen.getByRole('button', { name: '查看历史版本…' }));
    const restore = await screen.findAllByRole('button', { name: '恢复此版本' });
    fireEvent.click(restore[1]!);
    await expect.poll(() => currentDoc()?.agency.name).toBe('旧名称');
    expect(bridge.callsTo('backups:restore')).toEqual([{ docId: 'd1', backupId: 'b1' }]);
    const restored = currentDoc()!;
    expect(restored.cells['t4.review.total']).toBe(5);
    expect(restored.settings?.typedTotals).toContain('t4');
    expect(useSession.getState().notice).toBe(`已恢复 ${formatDateTime(BACKUPS[1]!.savedAt)} 的版本（尚未保存；按 Ctrl+Z 可撤回）。`);
    undo();
    expect(currentDoc()).toBe(before);
  });

  it('shows main’s error when listing or restoring fails, and leaves the document as it was', async () => {
    bridge.handle({ 'backups:list': () => ({ ok: false, error: { code: 'io', message: '备份文件夹无法读取。' } }) });
    render(<BackupList />);
    fireEvent.click(screen.getByRole('button', { name: '查看历史版本…' }));
    await expect.poll(() => useSession.getState().error?.message).toBe('备份文件夹无法读取。');

    const before = currentDoc();
    bridge.handle({
      'backups:list': () => BACKUPS,
      'backups:restore': () => ({ ok: false, error: { code: 'not-found', message: '这个备份已不存在。' } }),
    });
    fireEvent.click(screen.getByRole('button', { name: '查看历史版本…' }));
    fireEvent.click((await screen.findAllByRole('button', { name: '恢复此版本' }))[0]!);
    await expect.poll(() => useSession.getState().error?.message).toBe('这个备份已不存在。');
    expect(currentDoc()).toBe(before);
    expect(useSession.getState().notice).toBeNull();
  });
});
