// @vitest-environment jsdom
// What the buttons, shortcuts and menu commands do (actions.ts): opening, saving, importing, last year's
// report, export and format conversion, against a fake bridge; every error ends up in the session store.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenedDocument } from '../../../../shared/ipc/contract';
import { createReport } from '../../../../shared/model/document';
import { previousBlock } from '../../../../shared/model/previous';
import type { ReportDocument } from '../../../../shared/model/report';
import {
  cancelImportAsk,
  closeToStart,
  completeImport,
  convertReportFormat,
  describePrevious,
  discardRecovery,
  exportPdf,
  exportPublication,
  guardUnsaved,
  importDropped,
  importText,
  isDirty,
  keepTypedTotals,
  loadPrevious,
  loadStartData,
  newReport,
  openFile,
  removePrevious,
  restoreRecovery,
  save,
  showExportFolder,
  showOpened,
  startFromPrevious,
} from '../../../../renderer/src/app/actions';
import { useGridUi } from '../../../../renderer/src/grid/grid-controller';
import { currentDoc, loadDoc, pastStepCount, setCells, undo } from '../../../../renderer/src/store/document-store';
import { useSession } from '../../../../renderer/src/store/session-store';
import { installFakeBridge, type FakeBridge } from '../../fake-bridge';

const session = useSession.getState();
const gridUi = useGridUi.getState();
let bridge: FakeBridge;

beforeEach(() => {
  bridge = installFakeBridge({ 'doc:close': () => ({}), 'prefs:get': () => ({ agency: null, recent: [] }), 'recovery:list': () => [] });
});
afterEach(() => {
  bridge.uninstall();
  useSession.setState(session, true);
  useGridUi.setState(gridUi, true);
  loadDoc(null);
});

/** Lets the bridge's answers and what follows them run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function report(year = 2022): ReportDocument {
  return createReport({ year, agencyName: '测试镇人民政府', level: '乡镇', now: '2023-01-05T09:00:00.000Z' });
}

function opened(docId = 'd1', doc = report()): OpenedDocument {
  return { docId, doc, fileName: `${docId}.nianbao`, location: '/报告' };
}

/** An open, saved report, then one change: dirty. */
function openDirty(): void {
  showOpened(opened('d1'), false);
  setCells({ 't3.received.natural': 3 });
}

function pressButton(label: string): void {
  const button = useSession.getState().dialog?.buttons.find((b) => b.label === label);
  if (!button) throw new Error(`no button ${label}`);
  button.action();
}

describe('isDirty', () => {
  it('is dirty while the store holds another document than the one saved or opened', () => {
    expect(isDirty()).toBe(false);
    showOpened(opened('d1'), false);
    expect(isDirty()).toBe(false);
    setCells({ 't3.received.natural': 3 });
    expect(isDirty()).toBe(true);
    undo();
    expect(isDirty()).toBe(false);
  });

  it('is dirty from the start for a report not in its file (imported, restored)', () => {
    showOpened(opened('d1'), true);
    expect(isDirty()).toBe(true);
  });
});

describe('showOpened', () => {
  it('closes the report it replaces, drops a cell edit in progress and starts on the agency name', () => {
    showOpened(opened('d1'), false);
    useSession.setState({ step: 't3', notice: '旧的', error: { code: 'io', message: '旧错误' }, importProblems: ['旧问题'] });
    useGridUi.setState({ edit: { key: 't3.received.natural' } as never, message: { key: 'k', text: 't', tone: 'info' } });
    showOpened(opened('d2'), false);
    expect(bridge.callsTo('doc:close')).toEqual([{ docId: 'd1' }]);
    expect(useGridUi.getState()).toMatchObject({ edit: null, message: null, lastRefused: null });
    expect(useSession.getState()).toMatchObject({
      screen: 'editor',
      docId: 'd2',
      fileName: 'd2.nianbao',
      location: '/报告',
      step: 'meta',
      focus: { kind: 'meta', field: 'agencyName' },
      notice: null,
      error: null,
      importProblems: null,
    });
    expect(useSession.getState().savedDoc).toBe(currentDoc());
    // The same report again is not closed.
    showOpened(opened('d2'), false);
    expect(bridge.callsTo('doc:close')).toHaveLength(1);
    expect(pastStepCount()).toBe(0);
  });

  it('keeps totals that differ from their parts, and says which tables now have typed totals', () => {
    const doc = report();
    doc.cells['t4.review.upheld'] = 1;
    doc.cells['t4.review.total'] = 5;
    showOpened(opened('d1', doc), false);
    expect(currentDoc()!.cells['t4.review.total']).toBe(5);
    expect(currentDoc()!.settings?.typedTotals).toEqual(['t4']);
    expect(useSession.getState().notice).toContain('已按文件原样保留为“手工填写合计”');
  });
});

describe('guardUnsaved', () => {
  it('goes on at once when nothing is unsaved', () => {
    const proceed = vi.fn();
    guardUnsaved(proceed);
    expect(proceed).toHaveBeenCalledOnce();
    expect(useSession.getState().dialog).toBeNull();
  });

  it('asks first when there are unsaved changes: 不保存 goes on, 取消 does not', () => {
    openDirty();
    const proceed = vi.fn();
    guardUnsaved(proceed);
    expect(useSession.getState().dialog?.title).toBe('报告尚未保存');
    expect(useSession.getState().dialog?.buttons.map((b) => b.label)).toEqual(['保存', '不保存', '取消']);
    expect(proceed).not.toHaveBeenCalled();
    pressButton('取消');
    expect(useSession.getState().dialog).toBeNull();
    expect(proceed).not.toHaveBeenCalled();
    guardUnsaved(proceed);
    pressButton('不保存');
    expect(proceed).toHaveBeenCalledOnce();
  });

  it('保存 saves first and goes on only when the report is in its file', async () => {
    openDirty();
    bridge.handle({ 'doc:save': () => ({ ok: false, error: { code: 'disk-full', message: '磁盘已满' } }) });
    const proceed = vi.fn();
    guardUnsaved(proceed);
    pressButton('保存');
    await settle();
    expect(proceed).not.toHaveBeenCalled();
    expect(useSession.getState().error?.message).toBe('磁盘已满');
    bridge.handle({ 'doc:save': () => ({ fileName: 'd1.nianbao', location: '/报告', savedAt: '2023-01-05T10:00:00.000Z' }) });
    guardUnsaved(proceed);
    pressButton('保存');
    await settle();
    expect(proceed).toHaveBeenCalledOnce();
    expect(isDirty()).toBe(false);
  });
});

describe('loadStartData', () => {
  it('puts the preferences and the recovery copies into the session, or shows why not', async () => {
    const recovery = [{ recoveryId: 'r1', title: '2022 年度报告', fileName: null, savedAt: '2023-01-05T09:00:00.000Z' }];
    bridge.handle({ 'recovery:list': () => recovery });
    await loadStartData();
    expect(useSession.getState().recovery).toEqual(recovery);
    expect(useSession.getState().prefs).toEqual({ agency: null, recent: [] });
    bridge.handle({ 'prefs:get': () => ({ ok: false, error: { code: 'io', message: '读不到设置' } }) });
    await loadStartData();
    expect(useSession.getState().error?.message).toBe('读不到设置');
  });
});

describe('newReport', () => {
  it('asks main for the report, remembers the agency (keeping the contact) and opens it saved', async () => {
    useSession.setState({ prefs: { agency: { name: '旧名', level: '县级', region: '', contact: '张三 123' }, recent: [] } });
    bridge.handle({
      'doc:new': (p) => opened('n1', createReport({ year: p.year, agencyName: p.agencyName, level: p.level })),
      'prefs:setAgency': (p) => ({ agency: p.agency, recent: [] }),
    });
    newReport({ year: 2023, agencyName: '黄金镇人民政府', level: '乡镇', region: '' });
    await settle();
    expect(bridge.callsTo('doc:new')).toEqual([{ year: 2023, agencyName: '黄金镇人民政府', level: '乡镇' }]);
    expect(bridge.callsTo('prefs:setAgency')).toEqual([{ agency: { name: '黄金镇人民政府', level: '乡镇', region: '', contact: '张三 123' } }]);
    expect(useSession.getState().prefs?.agency?.name).toBe('黄金镇人民政府');
    expect(useSession.getState()).toMatchObject({ screen: 'editor', docId: 'n1' });
    expect(currentDoc()!.year).toBe(2023);
    expect(isDirty()).toBe(false);
  });

  it('sends the region when there is one, and shows main’s refusal without opening anything', async () => {
    bridge.handle({ 'doc:new': () => ({ ok: false, error: { code: 'invalid-payload', message: '年度不对' } }) });
    newReport({ year: 2023, agencyName: '黄金镇人民政府', level: '乡镇', region: '福建省' });
    await settle();
    expect(bridge.callsTo('doc:new')[0]).toMatchObject({ region: '福建省' });
    expect(bridge.callsTo('prefs:setAgency')).toEqual([]);
    expect(useSession.getState()).toMatchObject({ screen: 'start', docId: null, error: { message: '年度不对' } });
  });
});

describe('openFile', () => {
  it('opens what main answers; a cancelled dialog says nothing', async () => {
    bridge.handle({ 'doc:open': () => ({ ok: false, error: { code: 'cancelled', message: '' } }) });
    openFile();
    await settle();
    expect(useSession.getState()).toMatchObject({ screen: 'start', error: null });
    bridge.handle({ 'doc:open': () => opened('o1') });
    openFile();
    await settle();
    expect(useSession.getState()).toMatchObject({ screen: 'editor', docId: 'o1' });
  });
});

describe('restoreRecovery / discardRecovery', () => {
  const entry = (id: string) => ({ recoveryId: id, title: id, fileName: null, savedAt: '2023-01-05T09:00:00.000Z' });

  it('opens a restored copy as unsaved and takes it off the list', async () => {
    useSession.setState({ recovery: [entry('r1'), entry('r2')] });
    bridge.handle({ 'recovery:restore': () => opened('r-doc') });
    restoreRecovery('r1');
    await settle();
    expect(bridge.callsTo('recovery:restore')).toEqual([{ recoveryId: 'r1' }]);
    expect(useSession.getState().recovery.map((r) => r.recoveryId)).toEqual(['r2']);
    expect(isDirty()).toBe(true);
  });

  it('discards a copy, keeping it listed when main could not', async () => {
    useSession.setState({ recovery: [entry('r1'), entry('r2')] });
    bridge.handle({ 'recovery:discard': () => ({ ok: false, error: { code: 'io', message: '删不掉' } }) });
    await discardRecovery('r2');
    expect(useSession.getState().recovery).toHaveLength(2);
    expect(useSession.getState().error?.message).toBe('删不掉');
    bridge.handle({ 'recovery:discard': () => ({}) });
    await discardRecovery('r2');
    expect(useSession.getState().recovery.map((r) => r.recoveryId)).toEqual(['r1']);
  });
});

describe('importText / completeImport / cancelImportAsk', () => {
  it('opens the imported report unsaved, with what could not be read and where it came from', async () => {
    bridge.handle({ 'import:text': () => ({ ...opened('i1'), problems: ['表三：1 格未读出'], source: 'Word 文档' }) });
    importText('二〇二二年度报告……');
    await settle();
    expect(bridge.callsTo('import:text')).toEqual([{ text: '二〇二二年度报告……' }]);
    expect(useSession.getState()).toMatchObject({ docId: 'i1', importProblems: ['表三：1 格未读出'] });
    expect(useSession.getState().notice).toBe('已从Word 文档导入，尚未保存。请核对后保存为报告文件。');
    expect(isDirty()).toBe(true);
  });

  it('asks for the year when the text names none, then imports with it; a refused year keeps the form open', async () => {
    bridge.handle({ 'import:text': () => ({ ok: false, error: { code: 'needs-year', message: '文本中没有年度', importId: 'k1' } }) });
    importText('没有年度的文本');
    await settle();
    expect(useSession.getState().importAsk).toEqual({ importId: 'k1', message: '文本中没有年度' });
    expect(useSession.getState().error).toBeNull();
    bridge.handle({ 'import:complete': () => ({ ok: false, error: { code: 'invalid-payload', message: '不对', problems: ['年度太早', '名称为空'] } }) });
    expect(await completeImport(1999, '')).toBe('年度太早；名称为空');
    expect(useSession.getState().importAsk).not.toBeNull();
    bridge.handle({ 'import:complete': () => ({ ...opened('i2'), problems: [] }) });
    expect(await completeImport(2022, '测试镇人民政府')).toBeNull();
    expect(bridge.callsTo('import:complete')[1]).toEqual({ importId: 'k1', year: 2022, agencyName: '测试镇人民政府' });
    expect(useSession.getState()).toMatchObject({ importAsk: null, docId: 'i2', importProblems: null });
  });

  it('取消 in the ask forgets the kept text in main', async () => {
    expect(await completeImport(2022, '某')).toBeNull();
    cancelImportAsk();
    expect(bridge.callsTo('import:discard')).toEqual([]);
    useSession.setState({ importAsk: { importId: 'k9', message: '…' } });
    bridge.handle({ 'import:discard': () => ({}) });
    cancelImportAsk();
    expect(useSession.getState().importAsk).toBeNull();
    expect(bridge.callsTo('import:discard')).toEqual([{ importId: 'k9' }]);
  });
});

describe('importDropped', () => {
  it('refuses a file over 20 MB without sending it', () => {
    const big = new File(['x'], '大文件.docx');
    Object.defineProperty(big, 'size', { value: 20 * 1024 * 1024 + 1 });
    importDropped(big);
    expect(useSession.getState().error?.message).toContain('“大文件.docx”超过 20 MB');
    expect(bridge.callsTo('import:dropped')).toEqual([]);
  });

  /** A dropped file as the window gets it (jsdom's File cannot read its bytes). */
  const dropped = (name: string, read: () => Promise<ArrayBuffer>) => ({ name, size: 3, arrayBuffer: read }) as unknown as File;

  it('sends the name and the bytes to main, which imports them', async () => {
    bridge.handle({ 'import:dropped': () => ({ ...opened('dr1'), problems: [] }) });
    importDropped(dropped('去年.docx', async () => new Uint8Array([1, 2, 3]).buffer));
    await vi.waitFor(() => expect(useSession.getState().docId).toBe('dr1'));
    const sent = bridge.callsTo('import:dropped');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.name).toBe('去年.docx');
    expect([...sent[0]!.bytes]).toEqual([1, 2, 3]);
    // The imported report is unsaved: the next drop asks first.
    importDropped(dropped('', async () => new ArrayBuffer(1)));
    pressButton('不保存');
    await vi.waitFor(() => expect(bridge.callsTo('import:dropped')).toHaveLength(2));
    expect(bridge.callsTo('import:dropped')[1]!.name).toBe('拖入的文件');
  });

  it('says so when the dropped thing cannot be read (a folder, a file moved away)', async () => {
    importDropped(dropped('文件夹', () => Promise.reject(new Error('NotReadableError'))));
    await vi.waitFor(() => expect(useSession.getState().error?.message).toBe('“文件夹”读不了（可能是文件夹，或文件已被移走）。请确认后重新拖入。'));
    expect(bridge.callsTo('import:dropped')).toEqual([]);
  });
});

describe('closeToStart', () => {
  it('closes the report in main, empties the editor and loads the start page again', async () => {
    showOpened(opened('d1'), false);
    useSession.setState({ notice: '已保存。', importProblems: ['x'] });
    closeToStart();
    await settle();
    expect(bridge.callsTo('doc:close')).toEqual([{ docId: 'd1' }]);
    expect(currentDoc()).toBeNull();
    expect(useSession.getState()).toMatchObject({ screen: 'start', docId: null, savedDoc: null, notice: null, importProblems: null });
    expect(bridge.callsTo('prefs:get')).toHaveLength(1);
    expect(bridge.callsTo('recovery:list')).toHaveLength(1);
  });
});

describe('save', () => {
  const saved = { fileName: '新名.nianbao', location: '/别处', savedAt: '2023-01-05T10:00:00.000Z' };

  it('saves the open report and records what is in the file; 另存为 uses its own channel', async () => {
    expect(await save()).toBe(false);
    openDirty();
    bridge.handle({ 'doc:save': () => saved, 'doc:saveAs': () => saved });
    expect(await save()).toBe(true);
    expect(bridge.callsTo('doc:save')).toEqual([{ docId: 'd1', doc: currentDoc() }]);
    expect(useSession.getState()).toMatchObject({ fileName: '新名.nianbao', location: '/别处', lastSavedAt: saved.savedAt, saving: false });
    expect(isDirty()).toBe(false);
    expect(await save({ as: true })).toBe(true);
    expect(bridge.callsTo('doc:saveAs')).toHaveLength(1);
  });

  it('does not save twice at once', async () => {
    openDirty();
    useSession.setState({ saving: true });
    expect(await save()).toBe(false);
    expect(bridge.callsTo('doc:save')).toEqual([]);
  });

  it('asks before overwriting a file changed by another program: 覆盖 saves over it, 取消 does not', async () => {
    openDirty();
    bridge.handle({
      'doc:save': (p) => (p.overwriteChanged ? saved : { ok: false, error: { code: 'conflict', message: '文件已被其他程序修改。' } }),
    });
    const first = save();
    await settle();
    expect(useSession.getState().dialog).toMatchObject({ title: '文件已被修改', message: '文件已被其他程序修改。' });
    pressButton('取消');
    expect(await first).toBe(false);
    expect(isDirty()).toBe(true);
    const second = save();
    await settle();
    pressButton('覆盖');
    expect(await second).toBe(true);
    expect(bridge.callsTo('doc:save').map((p) => p.overwriteChanged)).toEqual([undefined, undefined, true]);
    expect(isDirty()).toBe(false);
  });
});

describe('describePrevious', () => {
  it('names the year, the file and what kind of file it was', () => {
    const block = previousBlock(report(2021), { fileName: 'pingtan-2021.docx', kind: 'docx' }, '0'.repeat(64));
    expect(describePrevious(block)).toBe('2021 年度报告（pingtan-2021.docx，Word 文档）');
  });
});

describe('loadPrevious / removePrevious', () => {
  const lastYear = previousBlock(report(2021), { fileName: '2021.nianbao', kind: 'report' }, '0'.repeat(64));
  const older = previousBlock(report(2020), { fileName: '2020.pdf', kind: 'pdf' }, '1'.repeat(64));

  it('keeps last year’s report in the document and says what was not read', async () => {
    showOpened(opened('d1'), false);
    bridge.handle({ 'doc:openPrevious': () => ({ previous: lastYear, fileName: '2021.nianbao', source: '报告文件', problems: ['a', 'b'] }) });
    await loadPrevious();
    expect(currentDoc()!.previous).toBe(lastYear);
    const notice = useSession.getState().notice!;
    expect(notice).toContain('已载入上年报告：2021 年度报告（2021.nianbao，报告文件）');
    expect(notice).toContain('上年报告有 2 处没有读出');
    expect(notice).not.toContain('注意');
  });

  it('warns when the report loaded is not of the year before, and replaces a kept one only after asking', async () => {
    showOpened(opened('d1', { ...report(), previous: lastYear }), false);
    bridge.handle({ 'doc:openPrevious': () => ({ previous: older, fileName: '2020.pdf', source: 'PDF', problems: [] }) });
    await loadPrevious();
    expect(useSession.getState().dialog?.title).toBe('替换上年报告');
    pressButton('保留原来的');
    expect(currentDoc()!.previous).toBe(lastYear);
    await loadPrevious();
    pressButton('替换');
    expect(currentDoc()!.previous).toBe(older);
    expect(useSession.getState().notice).toContain('注意：载入的是 2020 年度的报告，而本报告是 2022 年度的（上年应为 2021 年度）');
  });

  it('removes the kept report after asking', () => {
    removePrevious();
    expect(useSession.getState().dialog).toBeNull();
    showOpened(opened('d1', { ...report(), previous: lastYear }), false);
    removePrevious();
    pressButton('取消');
    expect(currentDoc()!.previous).toBe(lastYear);
    removePrevious();
    pressButton('移除');
    expect(currentDoc()).not.toHaveProperty('previous');
    expect(useSession.getState().notice).toBe('已移除上年报告，与上年对比的检查已停止。');
  });
});

describe('startFromPrevious', () => {
  it('opens this year’s report begun from last year’s, unsaved, with the notes', async () => {
    bridge.handle({ 'import:startFromPrevious': () => ({ ...opened('s1'), problems: [], source: '2021.docx', fromPrevious: true as const, notes: ['上年结转已按上年填入。'] }) });
    startFromPrevious();
    await settle();
    expect(useSession.getState()).toMatchObject({ docId: 's1', importProblems: null });
    expect(useSession.getState().notice).toBe('已从上年报告（2021.docx）新建，尚未保存。上年结转已按上年填入。标为“待确认”的格请逐一核对后确认。');
    expect(isDirty()).toBe(true);
  });

  it('last year’s report naming no year: asks about last year’s report, then opens the report begun from it with the same notice', async () => {
    bridge.handle({ 'import:startFromPrevious': () => ({ ok: false, error: { code: 'needs-year', message: '“上年.txt”：读不出报告年度。', importId: 'k2' } }) });
    startFromPrevious();
    await settle();
    expect(useSession.getState().importAsk).toEqual({ importId: 'k2', message: '“上年.txt”：读不出报告年度。', fromPrevious: true });
    expect(useSession.getState()).toMatchObject({ error: null, docId: null });
    const begun = { ...opened('s2', report(2024)), fileName: null, problems: ['没有找到报告标题'], source: '文本', fromPrevious: true as const, notes: ['已建议填入上年结转 6 格（待确认）。'] };
    bridge.handle({ 'import:complete': () => begun });
    expect(await completeImport(2023, '测试镇人民政府')).toBeNull();
    expect(bridge.callsTo('import:complete')).toEqual([{ importId: 'k2', year: 2023, agencyName: '测试镇人民政府' }]);
    expect(useSession.getState()).toMatchObject({ importAsk: null, docId: 's2', importProblems: ['没有找到报告标题'] });
    expect(useSession.getState().notice).toBe('已从上年报告（文本）新建，尚未保存。已建议填入上年结转 6 格（待确认）。标为“待确认”的格请逐一核对后确认。');
    expect(isDirty()).toBe(true);
  });

  it('a cancelled dialog shows nothing; another refusal is shown', async () => {
    bridge.handle({ 'import:startFromPrevious': () => ({ ok: false, error: { code: 'cancelled', message: '' } }) });
    startFromPrevious();
    await settle();
    expect(useSession.getState()).toMatchObject({ error: null, importAsk: null, docId: null });
    bridge.handle({ 'import:startFromPrevious': () => ({ ok: false, error: { code: 'bad-file', message: '读不了' } }) });
    startFromPrevious();
    await settle();
    expect(useSession.getState()).toMatchObject({ error: { code: 'bad-file', message: '读不了' }, importAsk: null });
  });
});

describe('exportPdf / exportPublication / showExportFolder', () => {
  const result = { exportId: 'e1', fileName: 'a.pdf', location: '/导出', size: 100, findings: [], missingGlyphs: [] };

  it('refuses without an open report, and keeps what was exported', async () => {
    expect(await exportPdf('final')).toEqual({ ok: false, error: { code: 'internal', message: '没有打开的报告。' } });
    showOpened(opened('d1'), false);
    bridge.handle({ 'export:pdf': () => result, 'export:publish': () => ({ ...result, exportId: 'e2' }) });
    expect(await exportPdf('draft')).toEqual({ ok: true });
    expect(bridge.callsTo('export:pdf')).toEqual([{ docId: 'd1', doc: currentDoc(), mode: 'draft' }]);
    expect(useSession.getState().lastExport).toEqual(result);
    expect(await exportPublication('docx', 'final')).toEqual({ ok: true });
    expect(bridge.callsTo('export:publish')[0]).toMatchObject({ kind: 'docx', mode: 'final' });
    expect(useSession.getState().lastExport?.exportId).toBe('e2');
  });

  it('answers main’s refusal to the caller, keeping the last export', async () => {
    showOpened(opened('d1'), false);
    const blocked = { code: 'blocked' as const, message: '有错误，不能导出正式版。' };
    bridge.handle({ 'export:pdf': () => ({ ok: false, error: blocked }), 'shell:showExport': () => ({ ok: false, error: { code: 'not-found', message: '文件已不在' } }) });
    expect(await exportPdf('final')).toEqual({ ok: false, error: blocked });
    expect(useSession.getState().lastExport).toBeNull();
    await showExportFolder('e1');
    expect(useSession.getState().error?.message).toBe('文件已不在');
  });
});

describe('convertReportFormat', () => {
  it('shows what moves, is left to fill and is dropped, and converts on 确定 as one undo step', () => {
    const doc = { ...report(2022), cells: { ...report(2022).cells, 't3.received.natural': 5 } };
    showOpened(opened('d1', doc), false);
    const before = currentDoc();
    convertReportFormat();
    const dialog = useSession.getState().dialog!;
    expect(dialog.title).toBe('转换格式');
    expect(dialog.message).toContain('从 2021 年版格式转换为 2019 年版格式');
    // 2022 calls for the 2021 format: converting away from it is said to be a mismatch.
    expect(dialog.message).toContain('注意：2022 年度的报告应使用 2021 年版格式');
    expect(dialog.lists?.map((l) => l.id)).toEqual(['moved', 'to-fill', 'dropped']);
    expect(dialog.lists![0]!.items.some((item) => item.endsWith('：5'))).toBe(true);
    pressButton('确定');
    expect(currentDoc()!.format).toBe('2019');
    expect(currentDoc()!.cells['t3.received.natural']).toBe(5);
    expect(useSession.getState().notice).toMatch(/^已转换为 2019 年版格式：移入 \d+ 格，待填写 \d+ 格/);
    undo();
    expect(currentDoc()).toBe(before);
  });

  it('converting back offers the values the earlier conversion kept (待确认), never over a value the cell has, in one undo step', () => {
    const doc = report(2022);
    doc.cells['t2.fees.amount'] = 1.5;
    doc.cells['t2.normativeDocs.inForce'] = 31;
    doc.cells['t2.regulations.inForce'] = 4;
    showOpened(opened('d1', doc), false);
    convertReportFormat();
    pressButton('确定');
    expect(currentDoc()!.history?.[0]?.dropped).toEqual({ 't2.regulations.inForce': 4, 't2.normativeDocs.inForce': 31, 't2.fees.amount': 1.5 });
    // In the 2019 format 本年新制作数量 of 规章 moves to 本年制发件数, so its own value stays: only 现行有效件数 is kept.
    setCells({ 't2.regulations.made': 2 });
    const before = currentDoc();
    convertReportFormat();
    const dialog = useSession.getState().dialog!;
    expect(dialog.lists?.map((l) => l.id)).toEqual(['moved', 'to-fill', 'dropped', 'offered']);
    const offered = dialog.lists![3]!;
    expect(offered.title).toBe('按上次转换前的数值建议填入（3 格，待确认）');
    expect(offered.items).toContain('表二“行政事业性收费”行“本年收费金额（单位：万元）”列：1.5（待确认）');
    expect(dialog.lists![1]!.items.join()).not.toContain('本年收费金额');
    pressButton('确定');
    expect(currentDoc()!.format).toBe('2021');
    expect(currentDoc()!.cells['t2.fees.amount']).toBe(1.5);
    expect(currentDoc()!.cells['t2.normativeDocs.inForce']).toBe(31);
    expect(currentDoc()!.cells['t2.regulations.issued']).toBe(2);
    expect(currentDoc()!.proposed?.cells.sort()).toEqual(['t2.fees.amount', 't2.normativeDocs.inForce', 't2.regulations.inForce']);
    expect(useSession.getState().notice).toMatch(/^已转换为 2021 年版格式：移入 1 格，3 格按上次转换前的数值建议填入（待确认，请逐格确认或改写），待填写 \d+ 格。$/);
    undo();
    expect(currentDoc()).toBe(before);
  });

  it('converting back lists the kept values it did not offer because the cell has a value now', () => {
    const doc = report(2022);
    doc.cells['t3.other.misc.natural'] = 2;
    doc.invalidCells = { 't3.other.noCorrection.natural': '1o' };
    showOpened(opened('d1', doc), false);
    convertReportFormat();
    pressButton('确定');
    setCells({ 't3.other.natural': 3 });
    convertReportFormat();
    const kept = useSession.getState().dialog!.lists!.find((l) => l.id === 'kept-now')!;
    expect(kept.title).toBe('现有数值未改动（1 格，上次转换前另有数值）');
    expect(kept.items).toEqual(['表三“3.其他”行“自然人”列：现为 3，不改动（上次转换前为 2）']);
    pressButton('确定');
    expect(currentDoc()!.cells['t3.other.misc.natural']).toBe(3);
    expect(useSession.getState().notice).toContain('1 格保留现有数值（上次转换前另有数值）');
  });

  it('converts a report in the wrong format to the one its year calls for, without a warning', () => {
    showOpened(opened('d1', { ...report(2022), format: '2019' }), false);
    convertReportFormat();
    expect(useSession.getState().dialog!.message).toContain('从 2019 年版格式转换为 2021 年版格式');
    expect(useSession.getState().dialog!.message).not.toContain('注意');
  });

  it('does not convert a report changed while the lists were shown', () => {
    showOpened(opened('d1'), false);
    convertReportFormat();
    setCells({ 't3.received.natural': 1 });
    pressButton('确定');
    expect(currentDoc()!.format).toBe('2021');
    expect(useSession.getState().notice).toBe('报告在此期间有改动，没有转换；请再点一次“转换格式”，核对新的清单。');
  });
});

describe('keepTypedTotals', () => {
  it('keeps totals that differ from their parts when a file is opened, switching the table to typed totals', () => {
    const doc = createReport({ year: 2022, agencyName: '测试镇' });
    doc.cells['t4.review.upheld'] = 1;
    doc.cells['t4.review.total'] = 5;
    const kept = keepTypedTotals(doc);
    expect(kept.switched).toEqual(['t4']);
    loadDoc(kept.doc);
    expect(currentDoc()!.cells['t4.review.total']).toBe(5);
    // A blank total is not a typed one: it is simply computed.
    const blank = createReport({ year: 2022, agencyName: '测试镇' });
    blank.cells['t4.review.upheld'] = 1;
    expect(keepTypedTotals(blank).switched).toEqual([]);
  });
});
