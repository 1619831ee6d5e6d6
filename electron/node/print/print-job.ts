// 打印 in the app: the PDF of the open report drawn by the print page (renderer/print.html, pdf.js) in a
// hidden window, then the system print dialog for that window. The Electron adapter
// (electron/main/print-window.ts) only supplies the window; the steps, the waiting and what the user is told
// are here, in plain Node, so they are tested without Electron.
import { randomUUID } from 'node:crypto';
import { PRINT_JOB_FOLDER, PRINT_JOB_ID, PRINT_PAGE, printPageStatus } from '../../../shared/ipc/print-page';
import { UserError } from '../user-error';

/** PDFs waiting for the print page, by job id: served at app://nianbao/print-job/<id> while the job runs. */
export class PrintJobs {
  private readonly jobs = new Map<string, Uint8Array>();
  add(pdf: Uint8Array): string {
    const id = randomUUID();
    this.jobs.set(id, pdf);
    return id;
  }
  remove(id: string): void {
    this.jobs.delete(id);
  }
  get size(): number {
    return this.jobs.size;
  }
  /** The PDF an app:// path asks for (`/print-job/<id>`), or null when it names no running job. */
  pdfForPath(pathname: string): Uint8Array | null {
    const prefix = `/${PRINT_JOB_FOLDER}/`;
    if (!pathname.startsWith(prefix)) return null;
    const id = pathname.slice(prefix.length);
    return PRINT_JOB_ID.test(id) ? (this.jobs.get(id) ?? null) : null;
  }
}

/** The page URL of a job, relative to the app's origin. */
export function printPagePath(jobId: string): string {
  return `/${PRINT_PAGE}?job=${encodeURIComponent(jobId)}`;
}

/** What webContents.print reports. */
export interface PrintOutcome {
  success: boolean;
  failureReason?: string;
}

/** One hidden window showing the print page, as the flow needs it. */
export interface PrintWindow {
  /** Loads the page; rejects when it cannot be loaded. */
  load(url: string): Promise<void>;
  /** Calls back with each title the page sets. */
  onTitle(listener: (title: string) => void): void;
  /** Calls back when the page's process is gone (crash) or the window is closed by someone else. */
  onGone(listener: () => void): void;
  /** Opens the system print dialog; resolves when the user printed or cancelled. */
  print(): Promise<PrintOutcome>;
  close(): void;
}

export interface PrintFlowOptions {
  jobs: PrintJobs;
  /** Creates the hidden, hardened window. */
  openWindow(): PrintWindow;
  /** The app's origin (app://nianbao). */
  origin: string;
  /** How long the page may take to draw the pages. */
  drawTimeoutMs?: number;
}

const CANCELLED = /cancel/i;

/** What the user is told when the print dialog ends without printing; null when the user cancelled it. */
export function printFailure(outcome: PrintOutcome): UserError | null {
  if (outcome.success) return null;
  const reason = (outcome.failureReason ?? '').trim();
  if (CANCELLED.test(reason)) return new UserError('cancelled', '已取消打印。');
  return new UserError(
    'io',
    `打印没有完成${reason ? `（${reason.slice(0, 120)}）` : ''}。请检查打印机是否已连接、开机并有纸，再点“打印…”；也可以先导出PDF，再用其他程序打印。`,
  );
}

/** Prints `pdf` through the system dialog: job registered, hidden window opened on the print page, print
 *  once the page has drawn every page, window closed and job forgotten whatever happens. */
export async function printPdf(pdf: Uint8Array, options: PrintFlowOptions): Promise<void> {
  const jobId = options.jobs.add(pdf);
  let win: PrintWindow | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    win = options.openWindow();
    const opened = win;
    const drawn = new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new UserError('internal', '打印页面长时间没有画好。请关闭其他程序后再点“打印…”，或先导出PDF再打印。')),
        options.drawTimeoutMs ?? 120_000,
      );
      const settle = (error?: UserError) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      opened.onTitle((title) => {
        const status = printPageStatus(title);
        if (status.kind === 'ready') settle();
        else if (status.kind === 'failed') settle(new UserError('internal', `打印页面无法显示报告：${status.reason}。请先导出PDF再打印。`));
      });
      opened.onGone(() => settle(new UserError('internal', '打印页面意外关闭了。请再点一次“打印…”。')));
    });
    // A failed load is reported; the title listener may already have settled.
    const loaded = opened.load(`${options.origin}${printPagePath(jobId)}`).catch((e: unknown) => {
      throw new UserError('internal', `打印页面无法打开：${e instanceof Error ? e.message : String(e)}。请重新启动年报助手后再试。`);
    });
    await Promise.all([loaded, drawn]);
    const failure = printFailure(await opened.print());
    if (failure) throw failure;
  } finally {
    clearTimeout(timer);
    options.jobs.remove(jobId);
    win?.close();
  }
}
