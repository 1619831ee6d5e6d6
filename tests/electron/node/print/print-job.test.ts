// The print flow without Electron: a scripted window stands in for the hidden print window.
import { describe, expect, it } from 'vitest';
import { PRINT_FAILED_TITLE_PREFIX, PRINT_READY_TITLE } from '../../../../shared/ipc/print-page';
import { printFailure, printPdf, PrintJobs, type PrintOutcome, type PrintWindow } from '../../../../electron/node/print/print-job';
import { UserError } from '../../../../electron/node/user-error';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

/** A window whose page sets `titles` after loading, and whose print dialog answers `outcome`. */
function scriptedWindow(script: { titles?: string[]; loadError?: Error; outcome?: PrintOutcome; gone?: boolean }) {
  const log: string[] = [];
  const titleListeners: ((t: string) => void)[] = [];
  const goneListeners: (() => void)[] = [];
  let servedDuringLoad: Uint8Array | null = null;
  const win: PrintWindow & { log: string[]; served: () => Uint8Array | null; jobs?: PrintJobs } = {
    log,
    served: () => servedDuringLoad,
    load: async (url) => {
      log.push(`load ${url}`);
      servedDuringLoad = win.jobs!.pdfForPath(new URL(url).search.replace('?job=', '/print-job/'));
      if (script.loadError) throw script.loadError;
      setTimeout(() => {
        for (const t of script.titles ?? []) for (const l of titleListeners) l(t);
        if (script.gone) for (const l of goneListeners) l();
      }, 5);
    },
    onTitle: (l) => void titleListeners.push(l),
    onGone: (l) => void goneListeners.push(l),
    print: async () => {
      log.push('print');
      return script.outcome ?? { success: true };
    },
    close: () => void log.push('close'),
  };
  return win;
}

async function run(script: Parameters<typeof scriptedWindow>[0], drawTimeoutMs = 2000) {
  const jobs = new PrintJobs();
  const win = scriptedWindow(script);
  win.jobs = jobs;
  const outcome = await printPdf(PDF, { jobs, origin: 'app://nianbao', openWindow: () => win, drawTimeoutMs }).then(
    () => null,
    (e: unknown) => e as UserError,
  );
  return { outcome, log: win.log, served: win.served(), jobsLeft: jobs.size };
}

describe('printPdf', () => {
  it('loads the job’s page, prints after “ready”, closes the window and forgets the job', async () => {
    const { outcome, log, served, jobsLeft } = await run({ titles: ['打印', PRINT_READY_TITLE] });
    expect(outcome).toBeNull();
    expect(log[0]).toMatch(/^load app:\/\/nianbao\/print\.html\?job=[0-9a-f-]{36}$/);
    expect(log.slice(1)).toEqual(['print', 'close']);
    expect(served).toEqual(PDF);
    expect(jobsLeft).toBe(0);
  });

  it('never prints a page that failed, timed out, could not load or crashed; always closes', async () => {
    const cases = [
      { script: { titles: [`${PRINT_FAILED_TITLE_PREFIX}坏了`] }, message: /打印页面无法显示报告：坏了/ },
      { script: { titles: ['打印'] }, message: /长时间没有画好/, timeout: 50 },
      { script: { loadError: new Error('ERR_FILE_NOT_FOUND') }, message: /打印页面无法打开：ERR_FILE_NOT_FOUND/ },
      { script: { gone: true }, message: /意外关闭/ },
    ];
    for (const c of cases) {
      const { outcome, log, jobsLeft } = await run(c.script, c.timeout);
      expect(outcome).toBeInstanceOf(UserError);
      expect(outcome!.message).toMatch(c.message);
      expect(log).not.toContain('print');
      expect(log.at(-1)).toBe('close');
      expect(jobsLeft).toBe(0);
    }
  });

  it('a cancelled dialog is `cancelled`; a failed one is an io error saying what to do', async () => {
    const cancelled = await run({ titles: [PRINT_READY_TITLE], outcome: { success: false, failureReason: 'cancelled' } });
    expect(cancelled.outcome?.code).toBe('cancelled');
    const failed = await run({ titles: [PRINT_READY_TITLE], outcome: { success: false, failureReason: 'Print job failed' } });
    expect(failed.outcome?.code).toBe('io');
    expect(failed.outcome?.message).toContain('（Print job failed）');
    expect(failed.outcome?.message).toContain('请检查打印机');
    expect(printFailure({ success: false })?.message).toMatch(/^打印没有完成。/);
    expect(printFailure({ success: true })).toBeNull();
  });
});

describe('PrintJobs', () => {
  it('serves a running job by its UUID path only', () => {
    const jobs = new PrintJobs();
    const id = jobs.add(PDF);
    expect(jobs.pdfForPath(`/print-job/${id}`)).toBe(PDF);
    for (const path of [`/print-job/${id}/`, `/print-job/../${id}`, `/print-job/${id.toUpperCase()}`, `/print.html`, `/print-job/`, `/print-job/${crypto.randomUUID()}`]) {
      expect(jobs.pdfForPath(path), path).toBeNull();
    }
    jobs.remove(id);
    expect(jobs.pdfForPath(`/print-job/${id}`)).toBeNull();
  });
});
