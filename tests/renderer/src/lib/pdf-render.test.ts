// @vitest-environment jsdom
// pdf.js in the page (pdf-render.ts): opening PDF bytes without taking them from the caller, and drawing a
// page sharp at a width on screen, or at the paper's size for printing. pdf.js parses for real (its Node
// build); only the drawing into the canvas is recorded instead (jsdom has no canvas).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GlobalWorkerOptions } from 'pdfjs-dist';
import { drawPage, drawPageForPrint, openPdf, PRINT_DPI } from '../../../../renderer/src/lib/pdf-render';
import { makePdf, renderCalls, workerUrlModule } from '../../pdfjs-in-node';

vi.mock('pdfjs-dist', () => import('../../pdfjs-in-node'));
vi.mock('pdfjs-dist/build/pdf.worker.min.mjs?url', () => import('../../pdfjs-in-node').then((m) => m.workerUrlModule()));

const A4: [number, number] = [595.28, 841.89];

afterEach(() => {
  renderCalls.length = 0;
  vi.unstubAllGlobals();
});

describe('openPdf', () => {
  it('uses the worker file of the app', () => {
    expect(GlobalWorkerOptions.workerSrc).toBe(workerUrlModule().default);
  });

  it('opens the bytes and leaves the caller its copy', async () => {
    const bytes = await makePdf([A4, [200, 100]]);
    const before = [...bytes];
    const pdf = await openPdf(bytes);
    expect(pdf.numPages).toBe(2);
    expect(bytes.byteLength).toBe(before.length);
    expect([...bytes]).toEqual(before);
    // The same bytes open again.
    expect((await openPdf(bytes)).numPages).toBe(2);
  });
});

describe('drawPage', () => {
  it('draws at the width asked for on screen, with the canvas sharp for the screen’s pixel ratio', async () => {
    vi.stubGlobal('devicePixelRatio', 2);
    const pdf = await openPdf(await makePdf([A4, [200, 100]]));
    const canvas = document.createElement('canvas');
    await drawPage(pdf, 2, canvas, 100);
    // 200 × 100 points shown 100 px wide: 50 px high, drawn at twice that.
    expect(canvas.style.width).toBe('100px');
    expect(canvas.style.height).toBe('50px');
    expect([canvas.width, canvas.height]).toEqual([200, 100]);
    expect(renderCalls).toHaveLength(1);
    expect(renderCalls[0]!.page).toBe(2);
    expect(renderCalls[0]!.params.canvas).toBe(canvas);
    expect(renderCalls[0]!.params).not.toHaveProperty('intent');
  });

  it('takes a pixel ratio of 1 when the window says none', async () => {
    vi.stubGlobal('devicePixelRatio', 0);
    const pdf = await openPdf(await makePdf([[200, 100]]));
    const canvas = document.createElement('canvas');
    await drawPage(pdf, 1, canvas, 400);
    expect([canvas.width, canvas.height]).toEqual([400, 200]);
    expect(canvas.style.height).toBe('200px');
  });
});

describe('drawPageForPrint', () => {
  it('draws an A4 page at the print resolution, the canvas shown at the paper’s size in points', async () => {
    const pdf = await openPdf(await makePdf([A4]));
    const canvas = document.createElement('canvas');
    await drawPageForPrint(pdf, 1, canvas);
    // A4 is 210 × 297 mm.
    expect(canvas.width).toBe(Math.floor((210 / 25.4) * PRINT_DPI));
    expect(canvas.height).toBe(Math.floor((297 / 25.4) * PRINT_DPI));
    expect(canvas.style.width).toBe('595.28pt');
    expect(canvas.style.height).toBe('841.89pt');
    // Drawn in one go, for a hidden window that may never run animation frames.
    expect(renderCalls[0]!.params.intent).toBe('print');
  });

  it('draws at another resolution when asked', async () => {
    const pdf = await openPdf(await makePdf([[72, 144]]));
    const canvas = document.createElement('canvas');
    await drawPageForPrint(pdf, 1, canvas, 100);
    expect([canvas.width, canvas.height]).toEqual([100, 200]);
  });
});
