// pdf.js for renderer unit tests (jsdom): the real parser (the legacy build, the one that runs in Node)
// standing in for the browser build, which jsdom cannot load. Only the drawing is faked, as jsdom has no
// canvas: every page's render() is recorded in `renderCalls` and resolves at once.
// Use it as: vi.mock('pdfjs-dist', () => import('<path>/pdfjs-in-node')) and mock the worker URL module
// with `workerUrlModule` (the app's worker file is a browser build).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export const GlobalWorkerOptions = pdfjs.GlobalWorkerOptions;

export interface RenderCall {
  page: number;
  params: Record<string, unknown>;
}

export const renderCalls: RenderCall[] = [];

type GetDocument = typeof pdfjs.getDocument;

export const getDocument: GetDocument = (src) => {
  const task = pdfjs.getDocument(src);
  const promise = task.promise.then((pdf) => {
    const getPage = pdf.getPage.bind(pdf);
    pdf.getPage = async (n: number) => {
      const page = await getPage(n);
      page.render = ((params: Record<string, unknown>) => {
        renderCalls.push({ page: n, params });
        return { promise: Promise.resolve(), cancel: () => {} };
      }) as never;
      return page;
    };
    return pdf;
  });
  return Object.defineProperty(Object.create(task) as typeof task, 'promise', { value: promise });
};

/** The module `pdfjs-dist/build/pdf.worker.min.mjs?url` in Node: the legacy worker's file URL. */
export function workerUrlModule(): { default: string } {
  return { default: pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href };
}

/** A PDF of the given page sizes (points), made with pdfkit. */
export async function makePdf(sizes: [number, number][]): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: sizes[0], autoFirstPage: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.text('page 1');
  for (const size of sizes.slice(1)) doc.addPage({ size });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
