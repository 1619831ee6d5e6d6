// createElectronDialogs: the core's file dialogs as Electron's native ones: title, suggested path, filters and
// properties per dialog, modal to the main window when there is one, a cancel (or no choice) as null.
import * as electron from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createElectronDialogs } from '../../../electron/main/dialogs';
import type { ElectronMock } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).createElectronMock());

const mock = electron as unknown as ElectronMock;

beforeEach(() => mock.reset('/user', '/docs'));

type Options = { title?: string; defaultPath?: string; filters?: { name: string; extensions: string[] }[]; properties?: string[] };
const lastOpen = () => mock.dialog.showOpenDialog.mock.lastCall as unknown as [unknown, Options?];
const lastSave = () => mock.dialog.showSaveDialog.mock.lastCall as unknown as [unknown, Options?];

describe('createElectronDialogs', () => {
  it('filter by type, are modal to the window, confirm overwrites, and map cancel to null', async () => {
    const window = { id: 1 } as never;
    const dialogs = createElectronDialogs(() => window);
    mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/d/a.nianbao'] });
    expect(await dialogs.openReport('/d')).toBe('/d/a.nianbao');
    expect(mock.dialog.showOpenDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ title: '打开报告', defaultPath: '/d', properties: ['openFile'] }));
    const filters = (mock.dialog.showOpenDialog.mock.lastCall as unknown as [unknown, { filters: { extensions: string[] }[] }])[1].filters;
    expect(filters[0]!.extensions).toEqual(['nianbao']);
    mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await dialogs.openReport('/d', 'previous')).toBeNull();
    expect(mock.dialog.showOpenDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ title: expect.stringContaining('上一年度') }));
    mock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/d/b.pdf' });
    expect(await dialogs.savePdf('/d/报告.pdf')).toBe('/d/b.pdf');
    expect(mock.dialog.showSaveDialog).toHaveBeenLastCalledWith(
      window,
      expect.objectContaining({ defaultPath: '/d/报告.pdf', properties: expect.arrayContaining(['showOverwriteConfirmation']), filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] }),
    );
    mock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await dialogs.saveReport('/d/x.nianbao')).toBeNull();
  });

  it('汇总: several report files at once, a folder, the roster, the workbook', async () => {
    const window = { id: 1 } as never;
    const dialogs = createElectronDialogs(() => window);
    mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/d/a.pdf', '/d/b.nianbao'] });
    expect(await dialogs.openMergeFiles!('/d')).toEqual(['/d/a.pdf', '/d/b.nianbao']);
    expect(mock.dialog.showOpenDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ properties: ['openFile', 'multiSelections'] }));
    const filters = (mock.dialog.showOpenDialog.mock.lastCall as unknown as [unknown, { filters: { extensions: string[] }[] }])[1].filters;
    expect(filters[0]!.extensions).toEqual(['nianbao', 'pdf', 'docx', 'html', 'htm', 'txt']);
    mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await dialogs.openMergeFiles!('/d')).toBeNull();
    mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/d/收到的年报'] });
    expect(await dialogs.openMergeFolder!('/d')).toBe('/d/收到的年报');
    expect(mock.dialog.showOpenDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ properties: ['openDirectory'] }));
    mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/d/名单.xlsx'] });
    expect(await dialogs.openRoster!('/d')).toBe('/d/名单.xlsx');
    mock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/d/汇总.xlsx' });
    expect(await dialogs.saveWorkbook!('/d/2025年各单位年报汇总.xlsx')).toBe('/d/汇总.xlsx');
    expect(mock.dialog.showSaveDialog).toHaveBeenLastCalledWith(window, expect.objectContaining({ filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] }));
  });

  it('without a main window the dialogs are shown on their own (no parent argument)', async () => {
    const dialogs = createElectronDialogs(() => null);
    mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/d/a.txt'] });
    expect(await dialogs.openText('/d')).toBe('/d/a.txt');
    expect(lastOpen()).toEqual([expect.objectContaining({ title: '导入报告文本', defaultPath: '/d' })]);
    mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/d/x', '/d/y'] });
    expect(await dialogs.openMergeFiles!('/d')).toEqual(['/d/x', '/d/y']);
    expect(lastOpen()).toHaveLength(1);
    mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/d/f'] });
    expect(await dialogs.openMergeFolder!('/d')).toBe('/d/f');
    expect(lastOpen()).toHaveLength(1);
    mock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/d/r.nianbao' });
    expect(await dialogs.saveReport('/d/r.nianbao')).toBe('/d/r.nianbao');
    expect(lastSave()).toEqual([expect.objectContaining({ title: '保存报告', filters: [{ name: '年报助手报告', extensions: ['nianbao'] }] })]);
  });

  it('the window is asked for at each dialog: one opened later becomes the parent', async () => {
    let current: unknown = null;
    const dialogs = createElectronDialogs(() => current as never);
    await dialogs.openPdf('/d');
    expect(lastOpen()).toHaveLength(1);
    current = { id: 7 };
    await dialogs.openPdf('/d');
    expect(lastOpen()[0]).toBe(current);
  });

  it('each dialog has its title and file types; an open dialog of one file also offers 所有文件 where any file may do', async () => {
    const window = { id: 1 } as never;
    const dialogs = createElectronDialogs(() => window);
    const opened = async (run: () => Promise<unknown>) => {
      await run();
      const [, options] = lastOpen();
      return { title: options!.title, extensions: options!.filters?.map((f) => f.extensions.join(',')) };
    };
    const saved = async (run: () => Promise<unknown>) => {
      await run();
      const [, options] = lastSave();
      expect(options!.properties).toEqual(['showOverwriteConfirmation', 'createDirectory']);
      return { title: options!.title, extensions: options!.filters?.map((f) => f.extensions.join(',')) };
    };
    expect(await opened(() => dialogs.openReport('/d', 'open'))).toEqual({ title: '打开报告', extensions: ['nianbao', '*'] });
    expect(await opened(() => dialogs.openText('/d'))).toEqual({ title: '导入报告文本', extensions: ['txt', '*'] });
    expect(await opened(() => dialogs.openPdf('/d'))).toEqual({ title: '从 PDF 导入报告', extensions: ['pdf'] });
    const anyReport = ['docx,html,htm,pdf,txt,nianbao', '*'];
    expect(await opened(() => dialogs.openImport('/d'))).toEqual({ title: '导入上年报告', extensions: anyReport });
    expect(await opened(() => dialogs.openImport('/d', 'start'))).toEqual({ title: '从上年报告开始：选择上年的报告', extensions: anyReport });
    expect(await opened(() => dialogs.openImport('/d', 'previous'))).toEqual({ title: '选择上年报告（用于对比检查）', extensions: anyReport });
    expect(await opened(() => dialogs.openLedger!('/d'))).toEqual({ title: '选择依申请公开台账', extensions: ['xlsx,csv', '*'] });
    expect(await opened(() => dialogs.openRoster!('/d'))).toEqual({ title: '选择应报单位名单', extensions: ['txt,xlsx', '*'] });
    expect(await opened(() => dialogs.openMergeFolder!('/d'))).toEqual({ title: '选择存放各单位年报的文件夹（含子文件夹）', extensions: undefined });

    expect(await saved(() => dialogs.saveReport('/d/r.nianbao'))).toEqual({ title: '保存报告', extensions: ['nianbao'] });
    expect(await saved(() => dialogs.savePdf('/d/r.pdf'))).toEqual({ title: '导出 PDF', extensions: ['pdf'] });
    expect(await saved(() => dialogs.savePublication!('/d/r.html', 'html'))).toEqual({ title: '导出网页版', extensions: ['html'] });
    expect(await saved(() => dialogs.savePublication!('/d/r.docx', 'docx'))).toEqual({ title: '导出 Word 版', extensions: ['docx'] });
    expect(await saved(() => dialogs.saveLedgerTemplate!('/d/台账.xlsx'))).toEqual({ title: '保存台账模板', extensions: ['xlsx'] });
    expect(await saved(() => dialogs.saveWorkbook!('/d/汇总.xlsx'))).toEqual({ title: '导出 Excel 工作簿', extensions: ['xlsx'] });
    expect(lastSave()[1]!.defaultPath).toBe('/d/汇总.xlsx');
  });

  it('a dialog closed without a choice is null: no file, an empty multiple choice, no save path', async () => {
    const dialogs = createElectronDialogs(() => null);
    mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [] });
    expect(await dialogs.openReport('/d')).toBeNull();
    mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [] });
    expect(await dialogs.openMergeFiles!('/d')).toBeNull();
    mock.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: ['/d/x'] });
    expect(await dialogs.openMergeFolder!('/d')).toBeNull();
    mock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '' });
    expect(await dialogs.savePdf('/d/r.pdf')).toBeNull();
    mock.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '/d/r.pdf' });
    expect(await dialogs.savePdf('/d/r.pdf')).toBeNull();
  });
});
