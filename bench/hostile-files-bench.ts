// Hostile files against the budgets of issue 10: each read or refused within 2 s of CPU and 300 MB.
// Every case runs in a fresh child process (so peak memory is its own): the file is written to a temp
// folder by this process, the child reads it the way the app does (bounded reader, then the importer)
// and reports its CPU time for the operation and its peak resident memory (process start included).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CPU_BUDGET_MS = 2000;
const MEMORY_BUDGET_MB = 300;

if (process.argv[2] === '--child') {
  const [, , , kind, path] = process.argv;
  const { readBoundedFile } = await import('../electron/node/files/bounded-read');
  // The reader of this kind is loaded before the clock starts: loading code is not the file's cost.
  await (kind === 'pdf' ? import('../electron/node/pdf/import-pdf') : kind === 'report' ? import('../electron/node/storage/report-files') : import('../electron/node/import/index'));
  const started = process.cpuUsage();
  const wallStarted = performance.now();
  let outcome: string;
  try {
    // 'pdf-any': a PDF given to the importer of any form (app data, else pdf.js's text layer).
    const { bytes } = await readBoundedFile(path!, (kind === 'pdf-any' ? 'pdf' : kind) as 'report' | 'pdf' | 'word' | 'html' | 'text');
    if (kind === 'pdf') {
      const { importPdf } = await import('../electron/node/pdf/import-pdf');
      const r = await importPdf(bytes);
      outcome = r.ok ? 'read' : `refused: ${r.message}`;
    } else if (kind === 'report') {
      const { parseReportBytes } = await import('../electron/node/storage/report-files');
      parseReportBytes(bytes, 'x.nianbao');
      outcome = 'read';
    } else {
      const { importReportBytes } = await import('../electron/node/import/index');
      const r = await importReportBytes(bytes, kind === 'word' ? 'x.docx' : kind === 'html' ? 'x.html' : kind === 'pdf-any' ? 'x.pdf' : 'x.txt');
      outcome = r.ok ? 'read' : `refused: ${r.message}`;
    }
  } catch (e) {
    outcome = `refused: ${e instanceof Error ? e.message : String(e)}`;
  }
  const cpu = process.cpuUsage(started);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(JSON.stringify({ cpuMs, wallMs: performance.now() - wallStarted, peakMb: process.resourceUsage().maxRSS / 1024, outcome: outcome.slice(0, 60) }));
  process.exit(0);
}

const { deeplyNestedJson, docxNestedTables, htmlNested, officeZipBomb, pdfCompressionBomb, pdfManyPages, pdfSelfReferencingNameTree, withMillionKeys } = await import('../tests/fuzz/hostile-files');
const { serializeReport } = await import('../shared/model/document');
const { pingtanReport } = await import('../tests/fixtures/pingtan');

const dir = mkdtempSync(join(tmpdir(), 'nianbao-hostile-bench-'));
const cases: { name: string; kind: string; file: string }[] = [];
const add = (name: string, kind: string, file: string, bytes?: Uint8Array | string) => {
  const path = join(dir, file);
  if (bytes !== undefined) writeFileSync(path, bytes);
  cases.push({ name, kind, file: path });
};


add('PDF: name tree listing itself 10× (finding 1)', 'pdf', 'tree.pdf', await pdfSelfReferencingNameTree(10));
add('PDF: attachment bomb 64 MB (finding 2)', 'pdf', 'bomb.pdf', await pdfCompressionBomb(64));
add('PDF: XMP bomb 64 MB (finding 2)', 'pdf', 'xmp.pdf', await pdfCompressionBomb(64, 'xmp'));
add('PDF: 10,000 pages', 'pdf', 'pages.pdf', await pdfManyPages(10_000));
add('.docx: zip bomb 1000:1', 'word', 'bomb.docx', officeZipBomb('docx', 20));
add('.docx: 100,000 nested tables', 'word', 'deep.docx', docxNestedTables(100_000));
add('web page: 100,000 nested tables', 'html', 'deep.html', htmlNested(100_000));
add('PDF: 10,000 pages given to the importer (text fallback)', 'pdf-any', 'pages-any.pdf', await pdfManyPages(10_000));
// Refused by the shape scan before JSON.parse (shared/model/json-shape.ts): “well under a second”.
add('.nianbao: 1,000,000 keys in cells (finding 5)', 'report', 'million.nianbao', withMillionKeys(serializeReport(pingtanReport()), 'cells'));
add('.nianbao: 1,000,000 keys at the top (finding 5)', 'report', 'million-top.nianbao', withMillionKeys(serializeReport(pingtanReport()), 'top'));
add('.nianbao: nested 100,000 deep', 'report', 'deep.nianbao', deeplyNestedJson(100_000));
add('text: 200,000 spaces then a letter (finding 4)', 'text', 'spaces.txt', `${' '.repeat(200_000)}x\n`.repeat(5));
writeFileSync(join(dir, 'sparse.nianbao'), '');
truncateSync(join(dir, 'sparse.nianbao'), 1024 ** 3);
add('.nianbao: 1 GB sparse file', 'report', 'sparse.nianbao');
if (process.platform !== 'win32') {
  symlinkSync('/dev/zero', join(dir, 'zero.nianbao'));
  add('.nianbao: symlink to /dev/zero (finding 3)', 'report', 'zero.nianbao');
  spawnSync('mkfifo', [join(dir, 'fifo.nianbao')]);
  add('.nianbao: FIFO (finding 3)', 'report', 'fifo.nianbao');
}

// HOSTILE_BENCH_ONLY=keys: only the cases whose name contains that text.
const only = process.env.HOSTILE_BENCH_ONLY;
if (only) cases.splice(0, cases.length, ...cases.filter((c) => c.name.includes(only)));
let over = 0;
console.log(`budget per file: ≤ ${CPU_BUDGET_MS} ms CPU, ≤ ${MEMORY_BUDGET_MB} MB peak (process included)`);
for (const c of cases) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'bench/hostile-files-bench.ts', '--child', c.kind, c.file], { encoding: 'utf8', timeout: 60_000 });
  let line: string;
  try {
    const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as { cpuMs: number; wallMs: number; peakMb: number; outcome: string };
    const ok = r.cpuMs <= CPU_BUDGET_MS && r.peakMb <= MEMORY_BUDGET_MB;
    if (!ok) over++;
    line = `${ok ? 'ok  ' : 'OVER'} ${r.cpuMs.toFixed(0).padStart(6)} ms CPU ${r.wallMs.toFixed(0).padStart(6)} ms ${r.peakMb.toFixed(0).padStart(5)} MB  ${c.name} — ${r.outcome}`;
  } catch {
    over++;
    line = `FAIL  ${c.name}: the child did not report (${run.signal ?? run.status}) ${run.stderr.slice(0, 200)}`;
  }
  console.log(line);
}
rmSync(dir, { recursive: true, force: true });
console.log(`${cases.length} hostile files, ${over} over budget`);
process.exit(over === 0 ? 0 : 1);
