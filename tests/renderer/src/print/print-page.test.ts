// @vitest-environment jsdom
// The print page (print-page.ts), run as the hidden print window runs it: it fetches its job's PDF, draws
// every page into a canvas of the paper's size and says through the title that it is ready — or why not.
// pdf.js parses for real (its Node build); only the drawing into the canvas is recorded (jsdom has none).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRINT_FAILED_TITLE_PREFIX, PRINT_JOB_FOLDER, PRINT_READY_TITLE } from '../../../../shared/ipc/print-page';
import { makePdf } from '../../pdfjs-in-node';

vi.mock('pdfjs-dist', () => import('../../pdfjs-in-node'));
vi.mock('pdfjs-dist/build/pdf.worker.min.mjs?url', () => import('../../pdfjs-in-node').then((m) => m.workerUrlModule()));

const JOB = '0b9e4c1a-5d2f-4e8a-9c3b-7f6a5e4d3c2b';
const A4: [number, number] = [595.28, 841.89];

let fetched: string[];

/** Serves the job's PDF as main does over app://: `bytes`, or an HTTP status. */
function serve(answer: Uint8Array | number): void {
  fetched = [];
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    if (typeof answer === 'number') return { ok: false, status: answer, arrayBuffer: async () => new ArrayBuffer(0) };
    return { ok: true, status: 200, arrayBuffer: async () => answer.slice().buffer };
  });
}

/** Loads the page with `?job=…` and waits until its title says how it went. */
async function runPage(job: string): Promise<string> {
  history.replaceState(null, '', `/print.html?job=${encodeURIComponent(job)}`);
  vi.resetModules();
  await import('../../../../renderer/src/print/print-page');
  await vi.waitFor(() => expect(document.title).not.toBe(''));
  return document.title;
}

beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '<main id="pages"></main>';
  delete document.body.dataset.pages;
});
afterEach(() => vi.unstubAllGlobals());

describe('print page', () => {
  it('draws every page of the job’s PDF for printing, in order, then says it is ready', async () => {
    serve(await makePdf([A4, A4, A4]));
    expect(await runPage(JOB)).toBe(PRINT_READY_TITLE);
    expect(fetched).toEqual([`./${PRINT_JOB_FOLDER}/${JOB}`]);
    const sheets = [...document.querySelectorAll('#pages canvas')];
    expect(sheets.map((c) => c.getAttribute('aria-label'))).toEqual(['第 1 页', '第 2 页', '第 3 页']);
    expect(sheets.every((c) => c.className === 'print-sheet' && c.getAttribute('role') === 'img')).toBe(true);
    // Each canvas the paper's size: A4 in points.
    expect(sheets.every((c) => (c as HTMLCanvasElement).style.width === '595.28pt')).toBe(true);
    expect(document.body.dataset.pages).toBe('3');
    const { renderCalls } = await import('../../pdfjs-in-node');
    expect(renderCalls.map((r) => [r.page, r.params.intent])).toEqual([
      [1, 'print'],
      [2, 'print'],
      [3, 'print'],
    ]);
  });

  it('refuses a job id that is not one, without fetching anything', async () => {
    serve(await makePdf([A4]));
    expect(await runPage('../../etc/passwd')).toBe(`${PRINT_FAILED_TITLE_PREFIX}打印任务编号无效`);
    expect(fetched).toEqual([]);
    expect(await runPage(JOB.toUpperCase())).toBe(`${PRINT_FAILED_TITLE_PREFIX}打印任务编号无效`);
  });

  it('says so when the PDF cannot be fetched', async () => {
    serve(404);
    expect(await runPage(JOB)).toBe(`${PRINT_FAILED_TITLE_PREFIX}打印任务的PDF读不到（404）`);
    expect(document.body.dataset.pages).toBeUndefined();
  });

  it('says so when the page lacks the place for the sheets', async () => {
    serve(await makePdf([A4]));
    document.body.innerHTML = '';
    expect(await runPage(JOB)).toBe(`${PRINT_FAILED_TITLE_PREFIX}页面结构不完整`);
  });

  it('fails with pdf.js’s reason when the bytes are not a PDF', async () => {
    serve(new TextEncoder().encode('不是 PDF'));
    const title = await runPage(JOB);
    expect(title.startsWith(PRINT_FAILED_TITLE_PREFIX)).toBe(true);
    expect(title.length).toBeGreaterThan(PRINT_FAILED_TITLE_PREFIX.length);
    expect(document.querySelectorAll('#pages canvas')).toHaveLength(0);
  });
});
