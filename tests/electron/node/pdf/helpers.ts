// Shared by the PDF tests: one exporter per test file (fonts are parsed once), the two reports, and the
// poppler tools (pdftotext, pdffonts, pdfdetach) run on temporary files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChecks } from '../../../../shared/checks/index';
import { importReportText } from '../../../../shared/import/index';
import type { ReportDocument } from '../../../../shared/model/report';
import { createPdfExporter, type PdfExporter } from '../../../../electron/node/pdf/index';
import { pingtanReport } from '../../../fixtures/pingtan';

export const SEED_PATH = fileURLToPath(new URL('../../../../../shared/seed/huangjin-2019.txt', import.meta.url));

let exporter: PdfExporter | undefined;
export function sharedExporter(): PdfExporter {
  exporter ??= createPdfExporter();
  return exporter;
}

/** The seed report (黄金镇 2019, 2019 format) read by the text importer. */
export function seedReport(): ReportDocument {
  const result = importReportText(readFileSync(SEED_PATH, 'utf8'), { now: '2020-01-20T10:00:00+08:00' });
  if (!result.ok) throw new Error(result.message);
  return result.doc;
}

export { pingtanReport };

/** As a user would before a final export: a written explanation for every confirm finding. */
export function withExplanations(doc: ReportDocument): ReportDocument {
  const confirms = runChecks({ report: doc }).filter((f) => f.severity === 'confirm');
  return {
    ...doc,
    explanations: [...doc.explanations, ...confirms.map((f) => ({ rule: f.rule, target: f.target, text: `已核实：${f.rule} 所述情况属实。` }))],
  };
}

export async function exportOk(doc: ReportDocument, mode: 'final' | 'draft'): Promise<Buffer> {
  const result = await sharedExporter().exportPdf(doc, { mode });
  if (!result.ok) throw new Error(`export refused: ${result.message}\n${result.findings.map((f) => f.message).join('\n')}`);
  return result.pdf;
}

/** Runs a poppler tool on the PDF in a temporary folder; `args` may use {pdf} and {dir}. */
export function poppler(tool: string, pdf: Uint8Array, args: string[]): { stdout: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  const stdout = execFileSync(tool, args.map((a) => a.replace('{pdf}', file).replace('{dir}', dir)), { encoding: 'utf8' });
  return { stdout, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function pdfText(pdf: Uint8Array, mode: 'raw' | 'plain' | 'layout' = 'plain'): string {
  const flags = mode === 'raw' ? ['-raw'] : mode === 'layout' ? ['-layout'] : [];
  const run = poppler('pdftotext', pdf, [...flags, '-enc', 'UTF-8', '{pdf}', '-']);
  run.cleanup();
  return run.stdout;
}
