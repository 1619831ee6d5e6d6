// The receiving office at scale: 1,000 generated .nianbao reports merged (goal ≤ 2 s), and 1,000 of our
// PDFs merged (goal ≤ 10 s; MERGE_BENCH_PDFS=100 for a quicker projection), with the peak memory of each
// merge (goal ≤ 500 MiB). Each PDF's data is checked against its hash and its printed pages against the
// fingerprint the exporter wrote (the printed tables are read back as text only when that does not hold).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeReport } from '../shared/model/document';
import { generatedUnit } from './merge-units';
import { createPdfExporter } from '../electron/node/pdf/index';
import { decideMerge, readAllUnits } from '../electron/node/merge/run-merge';

const REPORTS = 1000;
const PDF_COUNT = Number(process.env.MERGE_BENCH_PDFS ?? 1000);
const MiB = 1024 * 1024;

let peak = process.memoryUsage().rss;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

async function timed(label: string, paths: string[]): Promise<number> {
  peak = process.memoryUsage().rss;
  const start = performance.now();
  const read = await readAllUnits(paths);
  const run = decideMerge(read, {}, { agencyName: '某县人民政府办公室' });
  const ms = performance.now() - start;
  if (!run.summary || read.failed.length > 0) throw new Error(`${label}: ${read.failed.length} failed`);
  return ms;
}

const dir = mkdtempSync(join(tmpdir(), 'nianbao-merge-bench-'));
try {
  const files = Array.from({ length: REPORTS }, (_, i) => {
    const path = join(dir, `${i}.nianbao`);
    writeFileSync(path, serializeReport(generatedUnit(i)));
    return path;
  });
  const nianbaoMs = await timed('nianbao', files);
  console.log(`merge ${REPORTS} .nianbao reports: ${nianbaoMs.toFixed(0)} ms (goal ≤ 2000 ms), peak RSS ${(peak / MiB).toFixed(0)} MiB (goal ≤ 500 MiB)`);

  const exporter = createPdfExporter();
  const pdfs: string[] = [];
  for (let i = 0; i < PDF_COUNT; i++) {
    const result = await exporter.exportPdf(generatedUnit(i), { mode: 'draft' });
    if (!result.ok) throw new Error(result.message);
    const path = join(dir, `${i}.pdf`);
    writeFileSync(path, result.pdf);
    pdfs.push(path);
  }
  const pdfMs = await timed('pdf', pdfs);
  const per1000 = (pdfMs / PDF_COUNT) * 1000;
  console.log(`merge ${PDF_COUNT} of our PDFs (data hash + printed fingerprint): ${pdfMs.toFixed(0)} ms, ${(pdfMs / PDF_COUNT).toFixed(1)} ms each → ${(per1000 / 1000).toFixed(1)} s per 1,000 (goal ≤ 10 s)`);
  clearInterval(sample);
  console.log(`peak RSS while merging the PDFs: ${(peak / MiB).toFixed(0)} MiB (goal ≤ 500 MiB)`);
  console.log(`load average: ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
} finally {
  clearInterval(sample);
  rmSync(dir, { recursive: true, force: true });
}
