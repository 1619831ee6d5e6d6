// Units' reports as a receiving office gets them, shared by the merge tests, the app core's merge tests and
// the 汇总 e2e: a 2025 report of a unit with given cells, and a PDF changed after export by another program.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { computeTotals } from '../../../../shared/checks/totals';
import { createReport, serializeReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';
import { HASH_INFO_KEY } from '../../../../electron/node/pdf/index';
import { withExplanations } from '../pdf/helpers';

export const UNIT_NOW = '2026-01-15T09:00:00.000Z';

/** A unit's complete 2025 report: every cell 0 but `cells`, totals computed, narrative written, confirm
 *  findings explained (as a unit would send it). */
export function unitReport(name: string, cells: Record<string, number>, updated = UNIT_NOW): ReportDocument {
  const doc = createReport({ year: 2025, agencyName: name, now: updated });
  for (const key of Object.keys(doc.cells)) doc.cells[key] = 0;
  Object.assign(doc.cells, cells);
  doc.cells = computeTotals(doc);
  doc.sections = {
    overview: `2025年，${name}认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。`,
    problems: '存在的问题：公开内容不够全面。改进措施：加强培训。',
    other: '本年度未收取信息处理费。',
  };
  return withExplanations(doc);
}

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * Replaces the report data embedded in an exported PDF (what another program would do when it edits the
 * PDF): the attachment's stream gets `data`; with `updateHash`, the stored SHA-256 is updated to match.
 */
export async function replaceEmbeddedData(pdfBytes: Uint8Array, data: string, updateHash: boolean): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  const names = pdf.catalog.lookup(PDFName.of('Names'), PDFDict);
  const tree = names.lookup(PDFName.of('EmbeddedFiles'), PDFDict);
  const entries = tree.lookup(PDFName.of('Names'), PDFArray);
  const spec = entries.lookup(1, PDFDict);
  const ef = spec.lookup(PDFName.of('EF'), PDFDict);
  const ref = ef.get(PDFName.of('F'));
  const old = pdf.context.lookup(ref) as PDFRawStream;
  const bytes = new TextEncoder().encode(data);
  const stream = pdf.context.stream(bytes, { Type: 'EmbeddedFile', Subtype: old.dict.get(PDFName.of('Subtype')) ?? PDFName.of('application#2Fjson') });
  pdf.context.assign(ref as never, stream);
  if (updateHash) {
    const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict);
    info.set(PDFName.of(HASH_INFO_KEY), PDFString.of(sha(bytes)));
  }
  return pdf.save({ useObjectStreams: false });
}

/** The receiving office's folder of the app's tests: three units that count (a report file, one of our
 *  PDFs, a report file in a sub-folder), a PDF whose printed tables were changed after export (丁镇:
 *  printed 50, embedded 5), a damaged file, a Word lock file and a picture (the bureau's text disagrees
 *  with its table 3: one confirm finding, unexplained); and a roster naming a unit
 *  that sent nothing (己镇) and the education bureau under a longer name (某县教育局: a fuzzy match). */
export const OFFICE_UNITS = {
  甲: { name: '甲镇人民政府', file: '甲镇.nianbao', cells: { 't3.received.natural': 12, 't3.granted.natural': 11, 't3.carriedOver.natural': 1, 't4.review.upheld': 1 } },
  乙: { name: '乙镇人民政府', file: '乙镇.pdf', cells: { 't3.received.natural': 3, 't3.received.commercial': 2, 't3.granted.natural': 3, 't3.granted.commercial': 2, 't4.suitDirect.upheld': 2 } },
  教育局: { name: '县教育局', file: '部门/县教育局.nianbao', cells: { 't3.received.natural': 8, 't3.granted.natural': 8 } },
  丁: { name: '丁镇人民政府', file: '丁镇.pdf', printed: { 't3.received.natural': 50, 't3.granted.natural': 50 }, embedded: { 't3.received.natural': 5, 't3.granted.natural': 5 } },
} as const;

export const BUREAU_TEXT_MISMATCH = '本年共收到政府信息公开申请9件，全部按时答复。';

export const OFFICE_ROSTER = ['甲镇人民政府', '乙镇政府', '某县教育局', '丁镇人民政府', '己镇人民政府'];

export async function writeOfficeFolder(dir: string, exportPdf: (doc: ReportDocument) => Promise<Uint8Array>): Promise<void> {
  const u = OFFICE_UNITS;
  mkdirSync(join(dir, '部门'), { recursive: true });
  writeFileSync(join(dir, u.甲.file), serializeReport(unitReport(u.甲.name, u.甲.cells)));
  writeFileSync(join(dir, u.乙.file), await exportPdf(unitReport(u.乙.name, u.乙.cells)));
  // The bureau's text says 9 applications where its table says 8: a confirm finding it did not explain.
  const bureau = unitReport(u.教育局.name, u.教育局.cells);
  bureau.sections.overview += BUREAU_TEXT_MISMATCH;
  writeFileSync(join(dir, u.教育局.file), serializeReport(bureau));
  const printed = await exportPdf(unitReport(u.丁.name, u.丁.printed));
  writeFileSync(join(dir, u.丁.file), await replaceEmbeddedData(printed, serializeReport(unitReport(u.丁.name, u.丁.embedded)), true));
  writeFileSync(join(dir, '坏文件.nianbao'), '{"schemaVersion": 1, "format": "2021", "cells": {');
  writeFileSync(join(dir, '~$甲镇.docx'), 'lock');
  writeFileSync(join(dir, '照片.jpg'), new Uint8Array([0xff, 0xd8, 0xff]));
}
