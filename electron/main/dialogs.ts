// The core's file dialogs, shown with Electron's native dialogs, modal to the main window.
import { dialog, type BrowserWindow, type FileFilter, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { AppDialogs } from '../node/app-core';

const REPORT: FileFilter = { name: '年报助手报告', extensions: ['nianbao'] };
const TEXT: FileFilter = { name: '文本文件', extensions: ['txt'] };
const PDF: FileFilter = { name: 'PDF 文件', extensions: ['pdf'] };
const LEDGER: FileFilter = { name: '台账（Excel 或 CSV）', extensions: ['xlsx', 'csv'] };
const XLSX: FileFilter = { name: 'Excel 工作簿', extensions: ['xlsx'] };
const ALL: FileFilter = { name: '所有文件', extensions: ['*'] };
const ROSTER: FileFilter = { name: '应报单位名单（文本或 Excel）', extensions: ['txt', 'xlsx'] };
/** What a unit may send (electron/node/merge/read-unit.ts REPORT_EXTENSIONS). */
const UNIT_REPORTS: FileFilter = { name: '各单位的年报（报告文件、PDF、Word、网页、文本）', extensions: ['nianbao', 'pdf', 'docx', 'html', 'htm', 'txt'] };
const ANY_REPORT: FileFilter = { name: '年度报告（Word、网页、PDF、文本、报告文件）', extensions: ['docx', 'html', 'htm', 'pdf', 'txt', 'nianbao'] };

export function createElectronDialogs(getWindow: () => BrowserWindow | null): AppDialogs {
  const open = async (title: string, defaultPath: string, filters: FileFilter[]): Promise<string | null> => {
    const options: OpenDialogOptions = { title, defaultPath, filters, properties: ['openFile'] };
    const win = getWindow();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  const openMany = async (title: string, defaultPath: string, filters: FileFilter[]): Promise<string[] | null> => {
    const options: OpenDialogOptions = { title, defaultPath, filters, properties: ['openFile', 'multiSelections'] };
    const win = getWindow();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
  };
  const openFolder = async (title: string, defaultPath: string): Promise<string | null> => {
    const options: OpenDialogOptions = { title, defaultPath, properties: ['openDirectory'] };
    const win = getWindow();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  const save = async (title: string, defaultPath: string, filters: FileFilter[]): Promise<string | null> => {
    const options: SaveDialogOptions = { title, defaultPath, filters, properties: ['showOverwriteConfirmation', 'createDirectory'] };
    const win = getWindow();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  return {
    openReport: (folder, purpose) => open(purpose === 'previous' ? '打开上一年度的报告（用于对比检查）' : '打开报告', folder, [REPORT, ALL]),
    saveReport: (path) => save('保存报告', path, [REPORT]),
    openText: (folder) => open('导入报告文本', folder, [TEXT, ALL]),
    openPdf: (folder) => open('从 PDF 导入报告', folder, [PDF]),
    openImport: (folder, purpose) =>
      open(purpose === 'start' ? '从上年报告开始：选择上年的报告' : purpose === 'previous' ? '选择上年报告（用于对比检查）' : '导入上年报告', folder, [ANY_REPORT, ALL]),
    savePdf: (path) => save('导出 PDF', path, [PDF]),
    savePublication: (path, kind) =>
      kind === 'html' ? save('导出网页版', path, [{ name: '网页', extensions: ['html'] }]) : save('导出 Word 版', path, [{ name: 'Word 文档', extensions: ['docx'] }]),
    openLedger: (folder) => open('选择依申请公开台账', folder, [LEDGER, ALL]),
    saveLedgerTemplate: (path) => save('保存台账模板', path, [XLSX]),
    openMergeFiles: (folder) => openMany('选择各单位的年报（可多选）', folder, [UNIT_REPORTS, ALL]),
    openMergeFolder: (folder) => openFolder('选择存放各单位年报的文件夹（含子文件夹）', folder),
    openRoster: (folder) => open('选择应报单位名单', folder, [ROSTER, ALL]),
    saveWorkbook: (path) => save('导出 Excel 工作簿', path, [XLSX]),
  };
}
