// 打印 in Electron: the hidden window the print flow (electron/node/print/print-job.ts) draws the PDF's
// pages in, then webContents.print with the system dialog. The window has the main window's security
// settings but no preload: the print page needs nothing from main but the PDF, which it fetches from app://.
import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../node/app-core';
import { printPdf, type PrintJobs, type PrintWindow } from '../node/print/print-job';
import { APP_ORIGIN } from './decisions';
import { printWindowOptions } from './window-options';

function openPrintWindow(parent: () => BrowserWindow | null): PrintWindow {
  const owner = parent();
  const win = new BrowserWindow(printWindowOptions(owner && !owner.isDestroyed() ? owner : null));
  const contents = win.webContents;
  return {
    load: (url) => win.loadURL(url),
    onTitle: (listener) => void contents.on('page-title-updated', (_event, title) => listener(title)),
    onGone: (listener) => {
      contents.on('render-process-gone', () => listener());
      win.on('closed', () => listener());
    },
    print: () =>
      new Promise((resolve) => {
        contents.print({ silent: false, printBackground: true }, (success, failureReason) => resolve({ success, failureReason }));
      }),
    close: () => {
      if (!win.isDestroyed()) win.close();
    },
  };
}

export function createPdfPrinter(jobs: PrintJobs, parent: () => BrowserWindow | null): PdfPrinter {
  return { print: (pdf) => printPdf(pdf, { jobs, origin: APP_ORIGIN, openWindow: () => openPrintWindow(parent) }) };
}
