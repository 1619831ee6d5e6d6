// pdf.js in the page: the export preview draws the PDF's pages into canvases. Under the strict CSP:
// the worker is a file of the app (script and worker from 'self'), no eval (isEvalSupported: false),
// no fetches (the bytes come over IPC; the PDF embeds its fonts, so no CMaps or standard fonts).
// It needs no PDF plugin, so it works the same in Electron and in the e2e browser.
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js transfers the buffer to its worker: give it a copy, the caller keeps its bytes.
  return getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false, stopAtErrors: false }).promise;
}

/** Draws page `n` (1-based) into the canvas at `width` CSS pixels wide (sharp on high-DPI screens). */
export async function drawPage(pdf: PDFDocumentProxy, n: number, canvas: HTMLCanvasElement, width: number): Promise<void> {
  const page = await pdf.getPage(n);
  const base = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (width / base.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
}

/** Resolution of the pages 打印 sends to the printer: sharp text without huge canvases (A4 ≈ 1654 × 2339). */
export const PRINT_DPI = 200;

/** Draws page `n` for printing: the canvas is the page's paper size (PDF points are CSS points) at `dpi`. */
export async function drawPageForPrint(pdf: PDFDocumentProxy, n: number, canvas: HTMLCanvasElement, dpi = PRINT_DPI): Promise<void> {
  const page = await pdf.getPage(n);
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: dpi / 72 });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${base.width}pt`;
  canvas.style.height = `${base.height}pt`;
  // intent 'print': drawn in one go, without requestAnimationFrame, which a hidden window may never run.
  await page.render({ canvas, viewport, intent: 'print' }).promise;
}
