// Benchmark of the importer (issue 11 “Done when”):
//  - each office sample (../shared/samples/office: .docx, .html, .pdf of the seed and of 平潭 2022) imported
//    in a fresh process (`node electron/cli/bin.mjs import FILE -o OUT`, what a clerk waits for) and warm
//    (importReportBytes again in this process, median);
//  - a 20-page PDF with a text layer (平潭 2022 as this app prints it, with a long section 一, read from
//    its text layer as any other PDF): warm import against the goal of under 1 s;
//  - the text importer on the seed, the pdftotext -layout text, and the published-text corpus.
// Prints figures; exits 1 when the 20-page PDF misses its goal.
// Run: npx tsx bench/import-bench.ts   (or npm run bench for every benchmark)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importReportDocument, importReportText } from '../shared/import/index';
import { importReportBytes } from '../electron/node/import/index';
import { readPdfText } from '../electron/node/import/pdf-text';
import { loadCorpus } from '../tests/fixtures/published-text/corpus';
import { pingtanReport } from '../tests/fixtures/pingtan';

const root = resolve(import.meta.dirname, '..');
const office = resolve(root, '..', 'shared', 'samples', 'office');
const PDF_GOAL_MS = 1000;

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
async function timeIt(runs: number, run: () => Promise<unknown> | unknown): Promise<number> {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

// Office samples: fresh process and warm.
const dir = mkdtempSync(join(tmpdir(), 'nianbao-import-bench-'));
try {
  // The CLI bundle is built on first use: build it before timing.
  spawnSync(process.execPath, [join(root, 'electron', 'cli', 'bin.mjs'), '--help'], { cwd: root, stdio: 'ignore' });
  console.log('office samples (fresh process = node electron/cli/bin.mjs import FILE -o OUT; warm = importReportBytes, median of 10):');
  for (const name of readdirSync(office).sort()) {
    const file = join(office, name);
    const out = join(dir, `${name}.nianbao`);
    const fresh: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const run = spawnSync(process.execPath, [join(root, 'electron', 'cli', 'bin.mjs'), 'import', file, '-o', out, '--force'], { cwd: root, encoding: 'utf8' });
      fresh.push(performance.now() - t0);
      if (run.status !== 0) throw new Error(`${name}: ${run.stderr}`);
    }
    const bytes = readFileSync(file);
    let cells = 0;
    const warm = await timeIt(10, async () => {
      const result = await importReportBytes(bytes, name);
      if (!result.ok) throw new Error(`${name}: ${result.message}`);
      cells = Object.values(result.doc.cells).filter((v) => v !== null).length;
    });
    console.log(`  ${name.padEnd(20)} fresh process ${median(fresh).toFixed(0).padStart(5)} ms   warm ${warm.toFixed(1).padStart(6)} ms   (${cells} cells)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// A 20-page PDF with a text layer.
const { createPdfExporter } = await import('../electron/node/pdf/index');
const doc = pingtanReport();
const paragraph = doc.sections.overview.split('\n').filter((p) => p.length > 80);
let pdf: Buffer | undefined;
let pages = 0;
const exporter = createPdfExporter();
const exportWith = async (paragraphs: number) => {
  const overview = Array.from({ length: paragraphs }, (_, i) => paragraph[i % paragraph.length]).join('\n');
  const result = await exporter.exportPdf({ ...doc, sections: { ...doc.sections, overview } }, { mode: 'draft' });
  if (!result.ok) throw new Error(result.message);
  pdf = result.pdf;
  pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
};
// Paragraphs for 20 pages: estimated from a first export, then corrected one paragraph at a time.
await exportWith(40);
let paragraphs = Math.max(1, Math.round((40 * 20) / pages));
await exportWith(paragraphs);
for (let step = 0; step < 12 && pages !== 20; step++) await exportWith((paragraphs += pages > 20 ? -1 : 1));
let pdfCells = 0;
const pdfWarm = await timeIt(5, async () => {
  const result = importReportDocument(await readPdfText(new Uint8Array(pdf!)));
  if (!result.ok) throw new Error(result.message);
  pdfCells = Object.values(result.doc.cells).filter((v) => v !== null).length;
});
const met = pdfWarm < PDF_GOAL_MS;
console.log(`${pages}-page PDF (text layer, not the embedded data): warm import ${pdfWarm.toFixed(0)} ms, goal < ${PDF_GOAL_MS} ms — ${met ? 'met' : 'NOT met'} (${pdfCells} cells)`);

// The text importer.
const texts: [string, string][] = [
  ['seed huangjin-2019.txt (flattened cells)', readFileSync(resolve(root, '..', 'shared', 'seed', 'huangjin-2019.txt'), 'utf8')],
  ['pingtan-2022 pdftotext -layout', readFileSync(resolve(root, 'tests', 'import', 'fixtures', 'pingtan-2022.pdftotext.txt'), 'utf8')],
];
for (const [name, text] of texts) {
  const ms = await timeIt(100, () => importReportText(text));
  console.log(`importReportText — ${name}: median ${ms.toFixed(2)} ms (${text.length} characters)`);
}
const corpus = loadCorpus();
const corpusMs = await timeIt(10, () => {
  for (const { entry, text } of corpus) importReportText(text, entry.options ?? {});
});
console.log(`importReportText — published-text corpus (${corpus.length} texts): ${corpusMs.toFixed(1)} ms for all, median of 10`);

process.exit(met ? 0 : 1);
