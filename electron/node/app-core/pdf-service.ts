// The PDF module (electron/node/pdf) as the core's PdfService. Loaded on first use: parsing the CJK fonts
// takes about a second, which the app should not spend at start-up.
import type { BridgeError } from '../../../shared/ipc/contract';
import type { JobRunner } from '../worker/worker-runner';
import { UserError } from '../user-error';
import { documentTitle } from './file-names';
import type { PdfService } from './types';

type PdfModule = typeof import('../pdf/index');

export interface PdfServiceOptions {
  /** Folder with the font files: resources/fonts when packaged, assets/fonts from the source tree. */
  fontDir?: string;
  /** Loads the PDF module (tests may substitute it). */
  load?: () => Promise<PdfModule>;
}

export function createPdfService(options: PdfServiceOptions = {}): PdfService {
  const load = options.load ?? (() => import('../pdf/index'));
  let exporter: Promise<ReturnType<PdfModule['createPdfExporter']>> | null = null;
  const getExporter = () => {
    exporter ??= load().then((m) => m.createPdfExporter(options.fontDir ? { fontDir: options.fontDir } : {}));
    // A failure (missing fonts) is not cached: the next export tries again.
    exporter.catch(() => (exporter = null));
    return exporter;
  };
  const internal = (e: unknown): BridgeError => ({
    code: 'internal',
    message: e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : `PDF 处理出错：${e instanceof Error ? e.message : String(e)}`,
  });

  return {
    async render(doc, opts) {
      let result;
      try {
        result = await (await getExporter()).exportPdf(doc, opts);
      } catch (e) {
        return { ok: false, error: internal(e) };
      }
      if (!result.ok) return { ok: false, error: { code: 'blocked', message: result.message, findings: result.findings } };
      return { ok: true, pdf: new Uint8Array(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength), findings: result.findings, missingGlyphs: result.missingGlyphs };
    },
    async read(pdf) {
      let importPdf: PdfModule['importPdf'];
      try {
        ({ importPdf } = await load());
      } catch (e) {
        return { ok: false, error: internal(e) };
      }
      try {
        const result = await importPdf(pdf);
        return result.ok ? { ok: true, doc: result.doc } : { ok: false, error: { code: 'bad-file', message: result.message } };
      } catch (e) {
        // The PDF parser gave up: a damaged file, or not a PDF at all.
        const detail = e instanceof Error ? e.message.slice(0, 200) : String(e);
        return { ok: false, error: { code: 'bad-file', message: `无法读取这个 PDF：它已损坏，或不是年报助手导出的 PDF（${detail}）。` } };
      }
    },
  };
}

/** The same PDF service run in the parse worker (jobs renderPdf/readPdf): a PDF that takes too long or too
 *  much memory ends its worker, not the app. */
export function createWorkerPdfService(jobs: JobRunner, fontDir?: string): PdfService {
  const failed = (e: unknown): { ok: false; error: BridgeError } => {
    if (e instanceof UserError) return { ok: false, error: e.toBridgeError() };
    throw e;
  };
  return {
    render: (doc, opts) => jobs.run('renderPdf', [doc, opts, fontDir], { what: `“${documentTitle(doc)}”的 PDF` }).catch(failed),
    read: (pdf, name) => jobs.run('readPdf', [pdf, fontDir], { what: name ? `“${name}”` : '这个 PDF' }).catch(failed),
  };
}
