// createPdfService (the PDF module as the core's PdfService, loaded on first use) with a substituted module
// and with missing fonts; createWorkerPdfService (the same run as parse-worker jobs) with a recording runner.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentTitle } from '../../../../electron/node/app-core/file-names';
import { createPdfService, createWorkerPdfService, type PdfServiceOptions } from '../../../../electron/node/app-core/pdf-service';
import { UserError } from '../../../../electron/node/user-error';
import type { JobRunner } from '../../../../electron/node/worker/worker-runner';
import type { Finding } from '../../../../shared/checks/types';
import type { ReportDocument } from '../../../../shared/model/report';
import { removeDir, sampleReport } from '../storage/helpers';

type PdfModule = Awaited<ReturnType<NonNullable<PdfServiceOptions['load']>>>;

const FINDING = { severity: 'warning', message: '某项说明' } as unknown as Finding;

/** A PDF module whose exporter and importer answer what the test sets, counting loads and exporters made. */
function fakeModule() {
  const state = {
    loads: 0,
    exporterOptions: [] as object[],
    failLoads: 0,
    exported: { ok: true, pdf: Buffer.from('%PDF-fake'), findings: [FINDING], missingGlyphs: ['𠀀'] } as object,
    imported: (_pdf: Uint8Array): object => ({ ok: true, doc: sampleReport(), printed: 'intact' }),
  };
  const load = async (): Promise<PdfModule> => {
    state.loads++;
    if (state.failLoads > 0) {
      state.failLoads--;
      throw new Error('Cannot find module pdfkit');
    }
    return {
      createPdfExporter: (options: object) => {
        state.exporterOptions.push(options);
        return { exportPdf: async () => state.exported };
      },
      importPdf: async (pdf: Uint8Array) => state.imported(pdf),
    } as unknown as PdfModule;
  };
  return { state, load };
}

describe('createPdfService: render', () => {
  it('loads the module once, with the font folder given, and answers the PDF bytes with findings and missing glyphs', async () => {
    const { state, load } = fakeModule();
    const service = createPdfService({ load, fontDir: '/fonts' });
    expect(state.loads).toBe(0);
    const first = await service.render(sampleReport(), { mode: 'draft' });
    expect(first).toEqual({ ok: true, pdf: new Uint8Array(Buffer.from('%PDF-fake')), findings: [FINDING], missingGlyphs: ['𠀀'] });
    if (first.ok) expect(Buffer.isBuffer(first.pdf)).toBe(false);
    await service.render(sampleReport(), { mode: 'final' });
    expect(state.loads).toBe(1);
    expect(state.exporterOptions).toEqual([{ fontDir: '/fonts' }]);
  });

  it('a final the checks refuse is blocked, with the exporter’s message and findings', async () => {
    const { state, load } = fakeModule();
    state.exported = { ok: false, reason: 'blocked', findings: [FINDING], message: '报告中有错误，不能导出正式版。' };
    expect(await createPdfService({ load }).render(sampleReport(), { mode: 'final' })).toEqual({
      ok: false,
      error: { code: 'blocked', message: '报告中有错误，不能导出正式版。', findings: [FINDING] },
    });
  });

  it('a module that cannot be loaded is an internal error in Chinese, and the next render tries again', async () => {
    const { state, load } = fakeModule();
    state.failLoads = 1;
    const service = createPdfService({ load });
    expect(await service.render(sampleReport(), { mode: 'draft' })).toEqual({ ok: false, error: { code: 'internal', message: 'PDF 处理出错：Cannot find module pdfkit' } });
    expect((await service.render(sampleReport(), { mode: 'draft' })).ok).toBe(true);
    expect(state.loads).toBe(2);
  });

  describe('with the real PDF module', () => {
    const noFonts = mkdtempSync(join(tmpdir(), 'nianbao-no-fonts-'));
    afterAll(() => removeDir(noFonts));

    it('fonts missing from the folder: the fonts’ own Chinese message, as an internal error', async () => {
      const result = await createPdfService({ fontDir: noFonts }).render(sampleReport(), { mode: 'draft' });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('internal');
      expect(result.error.message).toMatch(/^导出 PDF 所需的字体文件缺失/);
      expect(result.error.message).toContain(noFonts);
    }, 60_000);
  });
});

describe('createPdfService: read', () => {
  it('answers the report the PDF carries, or the importer’s refusal as bad-file', async () => {
    const { state, load } = fakeModule();
    const service = createPdfService({ load });
    expect(await service.read(Buffer.from('%PDF'))).toEqual({ ok: true, doc: sampleReport() });
    state.imported = () => ({ ok: false, message: '这个 PDF 不含年报助手的数据。', reason: 'no-data', kind: 'no-data' });
    expect(await service.read(Buffer.from('%PDF'))).toEqual({ ok: false, error: { code: 'bad-file', message: '这个 PDF 不含年报助手的数据。' } });
  });

  it('a parser that gives up: bad-file saying the PDF is damaged or not ours, with the detail cut short', async () => {
    const { state, load } = fakeModule();
    state.imported = () => {
      throw new Error(`Invalid XRef stream ${'x'.repeat(500)}`);
    };
    const result = await createPdfService({ load }).read(Buffer.from('%PDF'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-file');
    expect(result.error.message).toMatch(/^无法读取这个 PDF：它已损坏，或不是年报助手导出的 PDF（Invalid XRef stream x+）。$/);
    expect(result.error.message).toContain(`（Invalid XRef stream ${'x'.repeat(200 - 'Invalid XRef stream '.length)}）`);
  });

  it('a module that cannot be loaded: internal', async () => {
    const { state, load } = fakeModule();
    state.failLoads = 1;
    expect(await createPdfService({ load }).read(Buffer.from('%PDF'))).toEqual({ ok: false, error: { code: 'internal', message: 'PDF 处理出错：Cannot find module pdfkit' } });
  });
});

describe('createWorkerPdfService', () => {
  /** A job runner recording its jobs and answering with `answer`. */
  function recordingRunner(answer: () => Promise<unknown>) {
    const jobs: { job: string; args: unknown[]; what: string }[] = [];
    const runner = {
      run: async (job: string, args: unknown[], label: { what: string }) => {
        jobs.push({ job, args, what: label.what });
        return answer();
      },
      close: async () => undefined,
    } as unknown as JobRunner;
    return { jobs, runner };
  }

  it('runs renderPdf and readPdf jobs with the font folder, named for the user', async () => {
    const doc: ReportDocument = sampleReport();
    const { jobs, runner } = recordingRunner(async () => ({ ok: true, doc }));
    const service = createWorkerPdfService(runner, '/fonts');
    await service.render(doc, { mode: 'draft', today: '2026-01-02' });
    const pdf = Buffer.from('%PDF');
    await service.read(pdf, '去年.pdf');
    await service.read(pdf);
    expect(jobs).toEqual([
      { job: 'renderPdf', args: [doc, { mode: 'draft', today: '2026-01-02' }, '/fonts'], what: `“${documentTitle(doc)}”的 PDF` },
      { job: 'readPdf', args: [pdf, '/fonts'], what: '“去年.pdf”' },
      { job: 'readPdf', args: [pdf, '/fonts'], what: '这个 PDF' },
    ]);
  });

  it('a job the runner stopped (too long, too much memory) is a failed outcome; anything else is thrown', async () => {
    const stopped = createWorkerPdfService(recordingRunner(async () => Promise.reject(new UserError('bad-file', '读取“去年.pdf”超过了时间限制。'))).runner);
    expect(await stopped.read(Buffer.from('%PDF'), '去年.pdf')).toEqual({ ok: false, error: { code: 'bad-file', message: '读取“去年.pdf”超过了时间限制。' } });
    const broken = createWorkerPdfService(recordingRunner(async () => Promise.reject(new TypeError('bug'))).runner);
    await expect(broken.render(sampleReport(), { mode: 'draft' })).rejects.toThrow(TypeError);
  });
});
