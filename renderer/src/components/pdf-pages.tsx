// The export preview: every page of the PDF drawn by pdf.js into a canvas, with page thumbnails that
// jump to their page, and 打印 (what it does is the caller's: in the app main prints the PDF through the
// system dialog; in a browser, window.print, whose print stylesheet shows only these pages).
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';

/** pdf.js is loaded when a preview is first shown: it is large, and its display layer needs the DOM's
 *  geometry classes at load time (so tests of the page's logic in Node never load it). */
const loadPdfRender = () => import('../lib/pdf-render');

const PAGE_WIDTH = 560;
const THUMB_WIDTH = 90;

export function PdfPages({ bytes, label, onPrint, printing = false }: { bytes: Uint8Array; label: string; onPrint: () => void; printing?: boolean }) {
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [drawn, setDrawn] = useState(0);
  const pages = useRef<(HTMLCanvasElement | null)[]>([]);
  const thumbs = useRef<(HTMLCanvasElement | null)[]>([]);

  useEffect(() => {
    let alive = true;
    let opened: PDFDocumentProxy | null = null;
    setPdf(null);
    setDrawn(0);
    loadPdfRender()
      .then(({ openPdf }) => openPdf(bytes))
      .then(
      (doc) => {
        opened = doc;
        if (alive) setPdf(doc);
        else void doc.destroy();
      },
      (e: unknown) => alive && setProblem(`预览无法显示：${e instanceof Error ? e.message : String(e)}`),
    );
    return () => {
      alive = false;
      void opened?.destroy();
    };
  }, [bytes]);

  useEffect(() => {
    if (!pdf) return;
    let alive = true;
    void (async () => {
      const { drawPage } = await loadPdfRender();
      for (let n = 1; n <= pdf.numPages && alive; n++) {
        const page = pages.current[n - 1];
        const thumb = thumbs.current[n - 1];
        if (page) await drawPage(pdf, n, page, PAGE_WIDTH);
        if (thumb && alive) await drawPage(pdf, n, thumb, THUMB_WIDTH);
        if (alive) setDrawn(n);
      }
    })().catch((e: unknown) => alive && setProblem(`预览无法显示：${e instanceof Error ? e.message : String(e)}`));
    return () => {
      alive = false;
    };
  }, [pdf]);

  if (problem) return <p className="form-problem" role="alert">{problem}</p>;
  if (!pdf) return <p role="status">正在打开预览…</p>;
  const count = pdf.numPages;
  return (
    <div className="pdf-pages" data-testid="pdf-pages" data-drawn={drawn} data-pages={count}>
      <div className="pdf-toolbar">
        <span role="status">
          {drawn < count ? `正在绘制第 ${drawn + 1} 页，共 ${count} 页…` : `共 ${count} 页`}
        </span>
        <button type="button" disabled={drawn < count || printing} onClick={onPrint}>
          打印…
        </button>
      </div>
      <div className="pdf-body">
        <nav className="pdf-thumbs" aria-label={`${label}页面缩略图`}>
          {Array.from({ length: count }, (_, i) => (
            <button
              type="button"
              key={i}
              className="pdf-thumb"
              aria-label={`第 ${i + 1} 页`}
              onClick={() => pages.current[i]?.scrollIntoView({ block: 'start', behavior: 'smooth' })}
            >
              <canvas ref={(el) => void (thumbs.current[i] = el)} />
              <span>{i + 1}</span>
            </button>
          ))}
        </nav>
        <div className="pdf-sheets" aria-label={label} role="document">
          {Array.from({ length: count }, (_, i) => (
            <canvas key={i} className="pdf-sheet" data-page={i + 1} aria-label={`第 ${i + 1} 页`} role="img" ref={(el) => void (pages.current[i] = el)} />
          ))}
        </div>
      </div>
    </div>
  );
}
