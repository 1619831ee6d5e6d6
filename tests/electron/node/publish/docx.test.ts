// The Word version: real Word tables (gridSpan / vMerge), the official fonts declared with the faces
// that stand in for them, converted to PDF by LibreOffice headless without errors, and read back by the
// project's own .docx importer to the same cells.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatModel } from '../../../../shared/formats/index';
import type { ReportDocument } from '../../../../shared/model/report';
import { importReportBytes } from '../../../../electron/node/import/index';
import { reportDocx } from '../../../../electron/node/publish/docx';
import { denseReport2021 } from '../../../fixtures/dense-2021';
import { pingtanReport, seedReport } from '../pdf/helpers';

const ARTIFACTS = fileURLToPath(new URL('../../../../test-artifacts/docx/', import.meta.url));

const cases: [string, () => ReportDocument][] = [
  ['seed-2019', seedReport],
  ['pingtan-2021', pingtanReport],
  ['dense-2021', denseReport2021],
];

describe.each(cases)('%s', (name, make) => {
  const doc = { ...make(), issued: '2023-01-20' };
  let docx: Buffer;
  let xml: string;
  let fonts: string;
  beforeAll(async () => {
    docx = await reportDocx(doc, { today: '2024-05-06' });
    const files = unzipSync(new Uint8Array(docx));
    xml = strFromU8(files['word/document.xml']!);
    fonts = strFromU8(files['word/fontTable.xml']!);
  });

  it('has real Word tables with merged cells (gridSpan, vMerge) and header rows repeated', () => {
    const model = formatModel(doc.format);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    const spans = (['t2', 't3', 't4'] as const).flatMap((t) => [...model.grids[t].headerRows, ...model.grids[t].bodyRows].flat()).filter((c) => c.colSpan > 1)
      // A merged cell spanning rows repeats its gridSpan in each row it covers (the vMerge continuations).
      .reduce((n, c) => n + c.rowSpan, 0);
    expect((xml.match(/<w:gridSpan w:val="\d+"\/>/g) ?? []).length).toBe(spans);
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toMatch(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/);
    expect(xml).toMatch(/<w:tblHeader\/>|<w:tblHeader w:val="true"\/>|<w:tblHeader w:val="1"\/>/);
  });

  it('names the official fonts, each with the face Word or WPS uses where it is missing', () => {
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(fonts).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
    expect(fonts).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/>/);
    expect(fonts).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
  });

  it('is read back by the .docx importer to the same cells, sections and date of issue', async () => {
    const back = await importReportBytes(docx, '年报.docx');
    if (!back.ok) throw new Error(back.message);
    expect(back.kind).toBe('docx');
    expect(back.doc.cells).toEqual(doc.cells);
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    for (const key of ['overview', 'problems', 'other'] as const) expect(squeeze(back.doc.sections[key]), key).toBe(squeeze(doc.sections[key]));
    expect(back.doc.issued).toBe('2023-01-20');
  });

  it('converts to PDF with LibreOffice headless without errors; the PDF holds the tables', () => {
    if (name !== 'pingtan-2021') return; // one conversion (1–4 s, more under load) is enough to prove the file
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-docx-'));
    try {
      const file = join(dir, `${name}.docx`);
      writeFileSync(file, docx);
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 180_000 });
      const pdf = readFileSync(join(dir, `${name}.pdf`));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      expect(pdfText).toContain('三、收到和处理政府信息公开申请情况');
      expect(pdfText).toContain('四、结转下年度继续办理');
      expect(pdfText).toContain('2023年1月20日');
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, `${name}.docx`), docx);
      writeFileSync(join(ARTIFACTS, `${name}-libreoffice.pdf`), pdf);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

describe('a draft Word version', () => {
  const doc = { ...pingtanReport(), issued: '2023-01-20' };
  let draft: Buffer;
  let final: Buffer;
  beforeAll(async () => {
    [draft, final] = await Promise.all([reportDocx(doc, { today: '2024-05-06', draft: true }), reportDocx(doc, { today: '2024-05-06' })]);
  });
  const parts = (docx: Buffer) => {
    const files = unzipSync(new Uint8Array(docx));
    return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
  };
  const plain = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

  it('says 草稿 — 未定稿，不得公开发布 in the header of every page, in red; the body is the final’s', () => {
    const files = parts(draft);
    const headers = Object.keys(files).filter((n) => /^word\/header\d*\.xml$/.test(n));
    expect(headers).toHaveLength(1);
    expect(plain(files[headers[0]!]!)).toBe('草稿 — 未定稿，不得公开发布');
    expect(files[headers[0]!]).toContain('w:val="B00000"');
    // The default header of the one section: every page.
    expect(files['word/document.xml']).toMatch(/<w:headerReference w:type="default" r:id="[^"]+"\/>/);
    expect(plain(files['word/document.xml']!)).toBe(plain(parts(final)['word/document.xml']!));
  });

  it('the final version has no mark', () => {
    const files = parts(final);
    expect(Object.keys(files).filter((n) => /^word\/header\d*\.xml$/.test(n)).map((n) => plain(files[n]!)).join('')).toBe('');
    expect(Object.values(files).join('')).not.toContain('草稿');
  });

  it('is read back by the .docx importer to the same cells, sections and date of issue', async () => {
    const back = await importReportBytes(draft, '年报（草稿）.docx');
    if (!back.ok) throw new Error(back.message);
    expect(back.doc.cells).toEqual(doc.cells);
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    for (const key of ['overview', 'problems', 'other'] as const) expect(squeeze(back.doc.sections[key]), key).toBe(squeeze(doc.sections[key]));
    expect(back.doc.issued).toBe('2023-01-20');
  });

  it('converts to PDF with LibreOffice headless; the mark is on every page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-docx-draft-'));
    try {
      const file = join(dir, 'draft.docx');
      writeFileSync(file, draft);
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 180_000 });
      const pdfPath = join(dir, 'draft.pdf');
      const pages = Number(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1]);
      expect(pages).toBeGreaterThan(1);
      for (let n = 1; n <= pages; n++) {
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(n), '-l', String(n), pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        expect(text, `page ${n}`).toContain('草稿—未定稿，不得公开发布');
      }
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'pingtan-2021-draft.docx'), draft);
      writeFileSync(join(ARTIFACTS, 'pingtan-2021-draft-libreoffice.pdf'), readFileSync(pdfPath));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
