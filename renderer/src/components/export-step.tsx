// 检查与导出: where the report stands, the explanations, the final or draft PDF, a preview of it, and
// the folder of the exported file.
import { PdfPages } from './pdf-pages';
import { useEffect, useId, useRef, useState } from 'react';
import { blockingFindings, describeOpenWork, isExplained, isToDo, openWork } from '../../../shared/checks/summary';
import { SEVERITY_LABELS, type Finding } from '../../../shared/checks/types';
import { TABLE_IDS } from '../../../shared/formats/types';
import type { ReportPlace } from '../../../shared/formats/vocabulary';
import type { ProposedMarks } from '../../../shared/model/report';
import { exportPdf, exportPublication, showExportFolder } from '../app/actions';
import { invoke } from '../lib/bridge';
import { formatSize } from '../lib/time';
import { currentDoc, useDocStore } from '../store/document-store';
import { useFindings } from '../store/findings-store';
import { goToStep, showError, useSession } from '../store/session-store';
import { ExplanationField, goToFinding } from './findings-panel';
import { stepTitle } from './step-rail';

/** Pages of a PDF written without object streams (pdfkit): its /Type /Page objects. 0 when unknown. */
export function countPdfPages(bytes: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(bytes);
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

interface Preview {
  url: string;
  bytes: Uint8Array;
  size: number;
  pages: number;
  mode: 'final' | 'draft';
  missingGlyphs: string[];
}

/** Characters the PDF fonts lack print as boxes: say which, so the clerk can replace them. */
function MissingGlyphs({ chars }: { chars: string[] }) {
  if (chars.length === 0) return null;
  return (
    <div className="message warning" role="alert" data-testid="missing-glyphs">
      <div className="message-text">
        PDF 中有 {chars.length} 个字符在内置字体里没有字形，会印成方框：
        {chars.map((c) => `“${c}”`).join('、')}。请改用常用字、删除，或在打印稿上手写补全。
      </div>
    </div>
  );
}

/**
 * A ref for what appears after an action (the refusal, the result, the preview): when `value` changes to
 * something new, the element is scrolled into view and takes the focus — at 1366×768 it appears below the
 * fold, and 预览 seemed to do nothing. What was already there when the page opened is left where it is.
 */
function useReveal<T extends HTMLElement>(value: unknown, block: ScrollLogicalPosition = 'nearest') {
  const ref = useRef<T>(null);
  const seen = useRef(value);
  useEffect(() => {
    if (value === seen.current) return;
    seen.current = value;
    const el = ref.current;
    if (!value || !el) return;
    el.scrollIntoView?.({ block });
    el.focus({ preventScroll: true });
  }, [value, block]);
  return ref;
}

const NO_MARKS: ProposedMarks = { cells: [], sections: [] };

/** What 从上年报告开始 (or converting back) proposed and the user has not confirmed or rewritten: it prints as it stands, so
 *  the page says where it is (a 2020 report must not go out with 2019's text unread). */
function ProposedSummary() {
  const proposed = useDocStore((s) => s.doc?.proposed ?? NO_MARKS);
  const places: { place: ReportPlace; what: string }[] = [];
  for (const table of TABLE_IDS) {
    const n = proposed.cells.filter((k) => k.startsWith(`${table}.`)).length;
    if (n > 0) places.push({ place: table, what: `${n} 格` });
  }
  for (const section of proposed.sections) places.push({ place: section, what: '沿用上年的正文' });
  if (places.length === 0) return null;
  const total = proposed.cells.length + proposed.sections.length;
  return (
    <div className="message warning" role="status" data-testid="proposed-summary">
      <div className="message-text">
        标为“待确认”的建议值还有 {total} 处：
        {places.map(({ place, what }, i) => (
          <span key={place}>
            {i > 0 && '；'}
            <button type="button" className="link" onClick={() => goToStep(place)}>
              {stepTitle(place)}
            </button>
            （{what}）
          </span>
        ))}
        。这些内容会照样印入正式版，请逐一核对：表格中无误的点“确认”，正文请按本年情况改写。
      </div>
    </div>
  );
}

export function ExportStep() {
  const findings = useFindings((s) => s.findings);
  const lastExport = useSession((s) => s.lastExport);
  const [busy, setBusy] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<{ message: string; findings: Finding[] } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const idBase = useId();
  const blockedRef = useReveal<HTMLDivElement>(blocked);
  const resultRef = useReveal<HTMLDivElement>(lastExport);
  const previewRef = useReveal<HTMLDivElement>(preview, 'start');
  // In the app, 打印 is main's (system print dialog on the PDF's pages); elsewhere the page prints itself.
  const [systemPrint, setSystemPrint] = useState(false);

  useEffect(() => {
    let alive = true;
    void invoke('app:info', {}).then((res) => alive && res.ok && setSystemPrint(res.value.systemPrint));
    return () => {
      alive = false;
    };
  }, []);

  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview.url);
  }, [preview]);

  // 待填写 first (what is simply not done yet), then the errors and what is to explain.
  const blocking = [...blockingFindings(findings)].sort((a, b) => Number(isToDo(b)) - Number(isToDo(a)));
  const explained = findings.filter(isExplained);
  const hints = findings.filter((f) => f.severity === 'hint');

  const runExport = async (mode: 'final' | 'draft') => {
    setBusy(mode === 'final' ? '正在导出正式版…' : '正在导出草稿…');
    setBlocked(null);
    const res = await exportPdf(mode);
    setBusy(null);
    if (res.ok) return;
    if (res.error.code === 'blocked') setBlocked({ message: res.error.message, findings: res.error.findings ?? [] });
    else showError(res.error);
  };

  const runPublish = async (kind: 'html' | 'docx', mode: 'final' | 'draft') => {
    setBusy(kind === 'html' ? '正在导出网页版…' : '正在导出 Word 版…');
    setBlocked(null);
    const res = await exportPublication(kind, mode);
    setBusy(null);
    if (res.ok) return;
    if (res.error.code === 'blocked') setBlocked({ message: res.error.message, findings: res.error.findings ?? [] });
    else if (res.error.code !== 'cancelled') showError(res.error);
  };

  const runPreview = async (mode: 'final' | 'draft') => {
    const doc = currentDoc();
    if (!doc) return;
    setBusy('正在生成预览…');
    const res = await invoke('export:preview', { doc, mode });
    setBusy(null);
    if (!res.ok) {
      showError(res.error);
      return;
    }
    const bytes = res.value.pdf;
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
    setPreview({ url, bytes, size: bytes.byteLength, pages: countPdfPages(bytes), mode, missingGlyphs: res.value.missingGlyphs });
  };

  const runPrint = async (mode: 'final' | 'draft') => {
    if (!systemPrint) {
      window.print();
      return;
    }
    const doc = currentDoc();
    if (!doc) return;
    setBusy('正在准备打印…');
    // Last year's figures travel in the document (its previous block), as for the other exports.
    const res = await invoke('export:print', { doc, mode });
    setBusy(null);
    if (res.ok) return;
    if (res.error.code === 'blocked') setBlocked({ message: res.error.message, findings: res.error.findings ?? [] });
    else if (res.error.code !== 'cancelled') showError(res.error);
  };

  return (
    <section className="step-page export-step" aria-labelledby="step-heading">
      <h1 id="step-heading" tabIndex={-1}>
        检查与导出
      </h1>

      <div className="summary" data-testid="export-summary">
        {blocking.length === 0 ? (
          <p className="ok">检查通过：没有错误，须说明的事项都已说明，可以导出正式版。</p>
        ) : (
          <p className="not-ok">
            还有 {describeOpenWork(openWork(blocking)).join('、')}，处理后才能导出正式版。草稿可以随时导出，带“草稿”水印。
          </p>
        )}
      </div>
      <ProposedSummary />

      {blocking.length > 0 && (
        <>
          <h2>需要处理</h2>
          <ul className="plain-list export-list">
            {blocking.map((f, i) => (
              <li key={`${f.rule}|${f.target}`} className={`finding ${isToDo(f) ? 'todo' : f.severity}`}>
                <span className="tag">{isToDo(f) ? '待填写' : SEVERITY_LABELS[f.severity]}</span>
                <span className="where">{stepTitle(f.place)}</span>
                <button type="button" id={`${idBase}-b-${i}`} className="finding-message" onClick={() => goToFinding(f)}>
                  {f.message}
                </button>
                {f.severity === 'confirm' && <ExplanationField rule={f.rule} target={f.target} describedBy={`${idBase}-b-${i}`} />}
              </li>
            ))}
          </ul>
        </>
      )}

      {explained.length > 0 && (
        <>
          <h2>已作说明的事项（{explained.length}）</h2>
          <ul className="plain-list export-list">
            {explained.map((f, i) => (
              <li key={`${f.rule}|${f.target}`} className="finding confirm">
                <button type="button" id={`${idBase}-e-${i}`} className="finding-message" onClick={() => goToFinding(f)}>
                  {f.message}
                </button>
                <ExplanationField rule={f.rule} target={f.target} describedBy={`${idBase}-e-${i}`} />
              </li>
            ))}
          </ul>
        </>
      )}
      {hints.length > 0 && <p className="hint">另有 {hints.length} 条提示，见右侧检查结果，不影响导出。</p>}

      <h2>导出PDF</h2>
      <div className="form-buttons">
        <button type="button" className="primary" disabled={busy !== null} onClick={() => void runExport('final')}>
          导出正式版PDF…
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void runExport('draft')}>
          导出草稿PDF…
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void runPreview(blocking.length === 0 ? 'final' : 'draft')}>
          预览
        </button>
        {busy && (
          <span className="busy" role="status">
            {busy}
          </span>
        )}
      </div>

      <h2>网页版与 Word 版</h2>
      <p className="hint">网页版是一个自带样式的 HTML 文件，表格保持官方的合并单元格，可直接粘贴进网站编辑器；Word 版供领导修改，使用仿宋_GB2312等公文字体（缺字体时由仿宋、宋体代替）。草稿版在开头（Word 为每页页眉）标明“草稿 — 未定稿，不得公开发布”。</p>
      <div className="form-buttons">
        <button type="button" disabled={busy !== null} onClick={() => void runPublish('html', 'final')}>
          导出网页版…
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void runPublish('html', 'draft')}>
          导出网页版草稿…
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void runPublish('docx', 'final')}>
          导出Word…
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void runPublish('docx', 'draft')}>
          导出Word草稿…
        </button>
      </div>

      {blocked && (
        <div className="message error" role="alert" data-testid="export-blocked" ref={blockedRef} tabIndex={-1}>
          <div className="message-text">
            {blocked.message}
            <ul>
              {blocked.findings.map((f) => (
                <li key={`${f.rule}|${f.target}`}>
                  <button type="button" className="link" onClick={() => goToFinding(f)}>
                    {SEVERITY_LABELS[f.severity]}：{f.message}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}

      {lastExport && (
        <div className="message notice" role="status" data-testid="export-result" ref={resultRef} tabIndex={-1}>
          <div className="message-text">
            已导出 <strong>{lastExport.fileName}</strong>（{formatSize(lastExport.size)}），位于 {lastExport.location}
          </div>
          <button type="button" onClick={() => void showExportFolder(lastExport.exportId)}>
            打开所在文件夹
          </button>
        </div>
      )}
      {lastExport && <MissingGlyphs chars={lastExport.missingGlyphs} />}

      {preview && (
        <div className="preview" data-testid="preview" ref={previewRef} tabIndex={-1}>
          <MissingGlyphs chars={preview.missingGlyphs} />
          <p className="preview-facts">
            预览（{preview.mode === 'final' ? '正式版' : '草稿'}）：{preview.pages > 0 ? `${preview.pages} 页，` : ''}
            {formatSize(preview.size)} ·{' '}
            <a href={preview.url} download="年报预览.pdf">
              下载预览PDF
            </a>
          </p>
          <PdfPages
            bytes={preview.bytes}
            label={`导出PDF预览（${preview.mode === 'final' ? '正式版' : '草稿'}）`}
            onPrint={() => void runPrint(preview.mode)}
            printing={busy !== null}
          />
        </div>
      )}
    </section>
  );
}
