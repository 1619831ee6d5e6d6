// What the buttons, shortcuts and menu commands do: every call to main goes through here, and every
// error result ends up in front of the user in Chinese.
import { TABLE_NAMES } from '../../../shared/formats/vocabulary';
import { keepWrittenTotals } from '../../../shared/checks/typed-totals';
import type { TableId } from '../../../shared/formats/types';
import type { AgencyDefaults, BridgeError, OpenedDocument } from '../../../shared/ipc/contract';
import type { AgencyLevel, PreviousReport, ReportDocument } from '../../../shared/model/report';
import { useGridUi } from '../grid/grid-controller';
import { invoke } from '../lib/bridge';
import { currentDoc, loadDoc, replaceFormat, setPrevious, useDocStore } from '../store/document-store';
import { formatIdForYear, type FormatId } from '../../../shared/formats/index';
import { convertFormat, describeConversion } from '../../../shared/model/convert-format';
import { closeDialog, focusMeta, openDialog, showError, showNotice, useSession } from '../store/session-store';

export function isDirty(): boolean {
  const { docId, savedDoc } = useSession.getState();
  return docId !== null && useDocStore.getState().doc !== savedDoc;
}

// --- Opening ----------------------------------------------------------------------------------------

/**
 * A file whose totals differ from the sums of their parts (typed from a printed report, imported, or
 * edited elsewhere) keeps them: its table is switched to typed totals, so the sum rules report the
 * difference instead of the editor silently overwriting what the file says.
 */
export function keepTypedTotals(doc: ReportDocument): { doc: ReportDocument; switched: TableId[] } {
  return keepWrittenTotals(doc);
}

/** Shows an opened document in the editor. `unsaved`: its content is not in its file (import, recovery). */
export function showOpened(opened: OpenedDocument, unsaved: boolean): void {
  const previousId = useSession.getState().docId;
  if (previousId && previousId !== opened.docId) void invoke('doc:close', { docId: previousId });
  const { doc, switched } = keepTypedTotals(opened.doc);
  // A cell edit in progress belongs to the report being replaced: drop it, never write it into this one.
  useGridUi.setState({ edit: null, message: null, lastRefused: null, dismissed: new Set() });
  loadDoc(doc);
  const loaded = currentDoc();
  useSession.setState({
    screen: 'editor',
    docId: opened.docId,
    fileName: opened.fileName,
    location: opened.location,
    savedDoc: unsaved ? null : loaded,
    lastSavedAt: null,
    autosaved: null,
    step: 'meta',
    focus: null,
    lastExport: null,
    error: null,
    // What the importer could not read belongs to the imported report only (afterImport sets it again).
    importProblems: null,
    notice:
      switched.length > 0
        ? `${switched.map((t) => TABLE_NAMES[t]).join('、')}的合计与各项之和不一致，已按文件原样保留为“手工填写合计”，请核对检查结果。`
        : null,
  });
  // The keyboard starts where the work does: the first field of 基本信息.
  focusMeta('agencyName');
}

/** Runs `proceed` after making sure unsaved changes are not lost (保存 / 不保存 / 取消). */
export function guardUnsaved(proceed: () => void): void {
  if (!isDirty()) {
    proceed();
    return;
  }
  openDialog({
    title: '报告尚未保存',
    message: '当前报告有未保存的修改。要先保存吗？',
    buttons: [
      {
        label: '保存',
        primary: true,
        action: () => {
          closeDialog();
          void save().then((ok) => ok && proceed());
        },
      },
      {
        label: '不保存',
        action: () => {
          closeDialog();
          proceed();
        },
      },
      { label: '取消', action: closeDialog },
    ],
  });
}

async function openWith(promise: Promise<{ ok: true; value: OpenedDocument } | { ok: false; error: BridgeError }>, unsaved: boolean): Promise<boolean> {
  const res = await promise;
  if (!res.ok) {
    showError(res.error);
    return false;
  }
  showOpened(res.value, unsaved);
  return true;
}

export async function loadStartData(): Promise<void> {
  const [prefs, recovery] = await Promise.all([invoke('prefs:get', {}), invoke('recovery:list', {})]);
  if (prefs.ok) useSession.setState({ prefs: prefs.value });
  else showError(prefs.error);
  if (recovery.ok) useSession.setState({ recovery: recovery.value });
  else showError(recovery.error);
}

export interface NewReportInput {
  year: number;
  agencyName: string;
  level: AgencyLevel;
  region: string;
}

export function newReport(input: NewReportInput): void {
  guardUnsaved(() => {
    void (async () => {
      const opened = await invoke('doc:new', {
        year: input.year,
        agencyName: input.agencyName,
        level: input.level,
        ...(input.region ? { region: input.region } : {}),
      });
      if (!opened.ok) {
        showError(opened.error);
        return;
      }
      // Remember the agency for the next report (the start page fills it in).
      const agency: AgencyDefaults = {
        name: input.agencyName,
        level: input.level,
        region: input.region,
        contact: useSession.getState().prefs?.agency?.contact ?? '',
      };
      const prefs = await invoke('prefs:setAgency', { agency });
      if (prefs.ok) useSession.setState({ prefs: prefs.value });
      showOpened(opened.value, false);
    })();
  });
}

export function openFile(): void {
  guardUnsaved(() => void openWith(invoke('doc:open', {}), false));
}

export function openRecent(recentId: string): void {
  guardUnsaved(() => void openWith(invoke('doc:openRecent', { recentId }), false));
}

export function restoreRecovery(recoveryId: string): void {
  guardUnsaved(() => {
    void (async () => {
      if (await openWith(invoke('recovery:restore', { recoveryId }), true)) {
        useSession.setState((s) => ({ recovery: s.recovery.filter((r) => r.recoveryId !== recoveryId) }));
      }
    })();
  });
}

export async function discardRecovery(recoveryId: string): Promise<void> {
  const res = await invoke('recovery:discard', { recoveryId });
  if (!res.ok) showError(res.error);
  else useSession.setState((s) => ({ recovery: s.recovery.filter((r) => r.recoveryId !== recoveryId) }));
}

/** What every import answers (import:complete: a plain import, or a report begun from last year's). */
type ImportReply = Awaited<ReturnType<typeof invoke<'import:complete'>>>;

/** Opens what an import answered, or asks for the year. `fromPrevious`: the call was 从上年报告开始, so
 *  the ask is about last year's report. */
function afterImport(res: ImportReply, ask: { fromPrevious?: true } = {}): void {
  if (!res.ok) {
    // A text naming no year: ask for it (import-year-form.tsx), then main imports it again.
    if (res.error.code === 'needs-year' && res.error.importId) useSession.setState({ importAsk: { importId: res.error.importId, message: res.error.message, ...ask }, error: null });
    else showError(res.error);
    return;
  }
  const opened = res.value;
  showOpened(opened, true);
  useSession.setState({ importProblems: opened.problems.length > 0 ? opened.problems : null });
  if ('fromPrevious' in opened) showNotice(`已从上年报告（${opened.source ?? ''}）新建，尚未保存。${opened.notes.join('')}标为“待确认”的格请逐一核对后确认。`);
  else if (opened.source) showNotice(`已从${opened.source}导入，尚未保存。请核对后保存为报告文件。`);
}

export function importText(text: string): void {
  guardUnsaved(() => void invoke('import:text', { text }).then(afterImport));
}

export function importTextFile(): void {
  guardUnsaved(() => void invoke('import:textFile', {}).then(afterImport));
}

/** 导入: last year's report in any form (Word, web page, PDF, text, report file), chosen in the dialog. */
export function importFile(): void {
  guardUnsaved(() => void invoke('import:file', {}).then(afterImport));
}

/** Largest file the window accepts by drag-and-drop (main checks it again). */
const MAX_DROPPED_BYTES = 20 * 1024 * 1024;

/** A file dropped onto the window: its name and bytes go to main, which imports it like 导入. */
export function importDropped(file: File): void {
  if (file.size > MAX_DROPPED_BYTES) {
    showError({ code: 'bad-file', message: `“${file.name}”超过 20 MB，不像一份年度报告，未导入。请确认拖入的是报告本身（Word 文档、网页、PDF 或文本）。` });
    return;
  }
  guardUnsaved(() => {
    void (async () => {
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        showError({ code: 'bad-file', message: `“${file.name}”读不了（可能是文件夹，或文件已被移走）。请确认后重新拖入。` });
        return;
      }
      afterImport(await invoke('import:dropped', { name: file.name.slice(0, 255) || '拖入的文件', bytes }));
    })();
  });
}

/** The year and agency name typed in the ask: main imports the kept text with them. Answers the problem to
 *  show in the form (the form stays open), or null when the ask is over (imported, or the error shown). */
export async function completeImport(year: number, agencyName: string): Promise<string | null> {
  const ask = useSession.getState().importAsk;
  if (!ask) return null;
  const res = await invoke('import:complete', { importId: ask.importId, year, agencyName });
  if (!res.ok && res.error.code === 'invalid-payload') return res.error.problems?.join('；') || res.error.message;
  useSession.setState({ importAsk: null });
  afterImport(res);
  return null;
}

/** 取消 in the ask: main forgets the kept text; nothing was opened. */
export function cancelImportAsk(): void {
  const ask = useSession.getState().importAsk;
  if (!ask) return;
  useSession.setState({ importAsk: null });
  void invoke('import:discard', { importId: ask.importId });
}

export function importPdf(): void {
  guardUnsaved(() => void openWith(invoke('import:pdf', {}), true));
}

export function closeToStart(): void {
  guardUnsaved(() => {
    const { docId } = useSession.getState();
    if (docId) void invoke('doc:close', { docId });
    useGridUi.setState({ edit: null, message: null });
    loadDoc(null);
    useSession.setState({
      screen: 'start',
      docId: null,
      fileName: null,
      location: null,
      savedDoc: null,
      autosaved: null,
      // Messages about the closed report would be read as being about the next one.
      importProblems: null,
      notice: null,
    });
    void loadStartData();
  });
}

// --- Saving -----------------------------------------------------------------------------------------

/** Saves the open document; resolves true when it is in its file. */
export async function save(options: { as?: boolean; overwrite?: boolean } = {}): Promise<boolean> {
  const { docId, saving } = useSession.getState();
  const doc = currentDoc();
  if (!docId || !doc || saving) return false;
  useSession.setState({ saving: true });
  const res = options.as
    ? await invoke('doc:saveAs', { docId, doc })
    : await invoke('doc:save', { docId, doc, ...(options.overwrite ? { overwriteChanged: true } : {}) });
  useSession.setState({ saving: false });
  if (res.ok) {
    useSession.setState({ savedDoc: doc, fileName: res.value.fileName, location: res.value.location, lastSavedAt: res.value.savedAt, error: null });
    return true;
  }
  if (res.error.code === 'conflict') {
    return new Promise<boolean>((resolve) => {
      openDialog({
        title: '文件已被修改',
        message: res.error.message,
        buttons: [
          {
            label: '覆盖',
            action: () => {
              closeDialog();
              void save({ overwrite: true }).then(resolve);
            },
          },
          {
            label: '取消',
            primary: true,
            action: () => {
              closeDialog();
              resolve(false);
            },
          },
        ],
        onCancel: () => {
          closeDialog();
          resolve(false);
        },
      });
    });
  }
  showError(res.error);
  return false;
}

// --- Last year's report ---------------------------------------------------------------------------

/** “2022 年度报告（pingtan-2022.docx，Word 文档）”. */
export function describePrevious(previous: PreviousReport): string {
  return `${previous.year} 年度报告（${previous.source.fileName}，${PREVIOUS_KIND_NAMES[previous.source.kind]}）`;
}

const PREVIOUS_KIND_NAMES: Record<PreviousReport['source']['kind'], string> = {
  report: '报告文件',
  'app-pdf': '年报助手导出的 PDF',
  docx: 'Word 文档',
  html: '网页',
  pdf: 'PDF',
  text: '文本',
};

/** Loads last year's report (any form) for the comparison checks and keeps it in the document; one kept
 *  before is replaced only after the user confirms. */
export async function loadPrevious(): Promise<void> {
  const res = await invoke('doc:openPrevious', {});
  if (!res.ok) {
    showError(res.error);
    return;
  }
  const { previous, problems } = res.value;
  const apply = () => {
    setPrevious(previous);
    const unread = problems.length > 0 ? `上年报告有 ${problems.length} 处没有读出，这些格不作对比。` : '';
    const year = currentDoc()?.year;
    const wrongYear =
      year !== undefined && previous.year !== year - 1
        ? `注意：载入的是 ${previous.year} 年度的报告，而本报告是 ${year} 年度的（上年应为 ${year - 1} 年度），对照上年的检查可能没有意义，请核对文件。`
        : '';
    showNotice(`已载入上年报告：${describePrevious(previous)}，保存在本报告中，与上年对比的检查已生效。${unread}${wrongYear}`);
  };
  const doc = currentDoc();
  if (!doc?.previous) {
    apply();
    return;
  }
  openDialog({
    title: '替换上年报告',
    message: `本报告中已保存上年报告：${describePrevious(doc.previous)}。要换成 ${describePrevious(previous)} 吗？与上年对比的检查将改用新载入的报告（之后仍可按 Ctrl+Z 撤销）。`,
    buttons: [
      {
        label: '替换',
        primary: true,
        action: () => {
          closeDialog();
          apply();
        },
      },
      { label: '保留原来的', action: closeDialog },
    ],
  });
}

/** Removes last year's report from the document, after asking. */
export function removePrevious(): void {
  const doc = currentDoc();
  if (!doc?.previous) return;
  openDialog({
    title: '移除上年报告',
    message: `从本报告中移除保存的上年报告（${describePrevious(doc.previous)}）？移除后不再检查上年结转、与上年雷同和大幅变化（之后仍可按 Ctrl+Z 撤销）。`,
    buttons: [
      {
        label: '移除',
        action: () => {
          closeDialog();
          setPrevious(null);
          showNotice('已移除上年报告，与上年对比的检查已停止。');
        },
      },
      { label: '取消', primary: true, action: closeDialog },
    ],
  });
}

/** 从上年报告开始: last year's report in any form → this year's report, proposed values marked. A report
 *  naming no year is asked about (its year and agency) like any import; completeImport then begins from it. */
export function startFromPrevious(): void {
  guardUnsaved(() => void invoke('import:startFromPrevious', {}).then((res) => afterImport(res, { fromPrevious: true })));
}

// --- Export ---------------------------------------------------------------------------------------

export async function exportPdf(mode: 'final' | 'draft'): Promise<{ ok: true } | { ok: false; error: BridgeError }> {
  const { docId } = useSession.getState();
  const doc = currentDoc();
  if (!docId || !doc) return { ok: false, error: { code: 'internal', message: '没有打开的报告。' } };
  const res = await invoke('export:pdf', { docId, doc, mode });
  if (!res.ok) return res;
  useSession.setState({ lastExport: res.value });
  return { ok: true };
}

/** The website version (html) or the Word version (docx), written where the user chooses. */
export async function exportPublication(kind: 'html' | 'docx', mode: 'final' | 'draft'): Promise<{ ok: true } | { ok: false; error: BridgeError }> {
  const { docId } = useSession.getState();
  const doc = currentDoc();
  if (!docId || !doc) return { ok: false, error: { code: 'internal', message: '没有打开的报告。' } };
  const res = await invoke('export:publish', { docId, doc, kind, mode });
  if (!res.ok) return res;
  useSession.setState({ lastExport: res.value });
  return { ok: true };
}

export async function showExportFolder(exportId: string): Promise<void> {
  const res = await invoke('shell:showExport', { exportId });
  if (!res.ok) showError(res.error);
}

/** 转换格式: the report's tables in the other format (the one its year calls for when they differ).
 *  The user sees what moves, what is left to fill and what is dropped (kept in the file's history)
 *  before accepting; accepting is one undo step. */
export function convertReportFormat(): void {
  const doc = currentDoc();
  if (!doc) return;
  const expected = formatIdForYear(doc.year);
  const to: FormatId = doc.format !== expected ? expected : doc.format === '2019' ? '2021' : '2019';
  const from = doc.format;
  const result = convertFormat(doc, to);
  const lists = describeConversion(result, from, to);
  const mismatch = to !== expected ? `注意：${doc.year} 年度的报告应使用 ${expected} 年版格式，转换后格式与年度不符。` : '';
  openDialog({
    title: '转换格式',
    message: `把本报告的表格从 ${from} 年版格式转换为 ${to} 年版格式。正文和基本信息不变。请核对下面的清单后再确定（确定后仍可按 Ctrl+Z 撤销）。${mismatch}`,
    lists: [
      { id: 'moved', title: `移入的数字（${lists.moved.length} 格）`, items: lists.moved },
      { id: 'to-fill', title: `待填写（${lists.toFill.length} 格，原格式中没有对应的数字）`, items: lists.toFill },
      { id: 'dropped', title: `未转入（${lists.dropped.length} 格，新格式中没有位置；保存在文件的历史记录中）`, items: lists.dropped },
      // Converting back: the values the earlier conversion kept, offered where the cells are blank.
      ...(lists.offered.length > 0 ? [{ id: 'offered', title: `按上次转换前的数值建议填入（${lists.offered.length} 格，待确认）`, items: lists.offered }] : []),
      ...(lists.keptNow.length > 0 ? [{ id: 'kept-now', title: `现有数值未改动（${lists.keptNow.length} 格，上次转换前另有数值）`, items: lists.keptNow }] : []),
    ],
    buttons: [
      {
        label: '确定',
        primary: true,
        action: () => {
          closeDialog();
          if (currentDoc() !== doc) {
            // Changed meanwhile: the list shown no longer describes it; nothing is replaced unseen.
            showNotice('报告在此期间有改动，没有转换；请再点一次“转换格式”，核对新的清单。');
            return;
          }
          replaceFormat(result.doc);
          const dropped = result.dropped.length > 0 ? `；${result.dropped.length} 个数字新格式中没有位置，已保存在文件的历史记录中` : '';
          const offered = result.offered.length > 0 ? `，${result.offered.length} 格按上次转换前的数值建议填入（待确认，请逐格确认或改写）` : '';
          const keptNow = result.keptNow.length > 0 ? `，${result.keptNow.length} 格保留现有数值（上次转换前另有数值）` : '';
          showNotice(`已转换为 ${to} 年版格式：移入 ${result.moved.length} 格${offered}${keptNow}，待填写 ${result.toFill.length} 格${dropped}。`);
        },
      },
      { label: '取消', action: closeDialog },
    ],
  });
}
