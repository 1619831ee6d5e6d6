// Benchmark of the text importer: median time of importReportText on the seed (黄金镇 2019, flattened
// tables) and on the pdftotext -layout text of the 2021 sample. No goal is enforced; it prints figures.
// Run: npx tsx bench/import-bench.ts   (or npm run bench for every benchmark)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importReportText } from '../shared/import/index';

const root = resolve(import.meta.dirname, '..');
const inputs: [string, string][] = [
  ['seed huangjin-2019.txt (flattened cells)', readFileSync(resolve(root, '..', 'shared', 'seed', 'huangjin-2019.txt'), 'utf8')],
  ['pingtan-2022 pdftotext -layout', readFileSync(resolve(root, 'tests', 'import', 'fixtures', 'pingtan-2022.pdftotext.txt'), 'utf8')],
];
const WARMUP = 20;
const RUNS = 300;

for (const [name, text] of inputs) {
  let cells = 0;
  for (let i = 0; i < WARMUP; i++) importReportText(text);
  const times = new Float64Array(RUNS);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const result = importReportText(text);
    times[i] = performance.now() - t0;
    if (!result.ok) throw new Error(`${name}: ${result.message}`);
    cells = Object.values(result.doc.cells).filter((v) => v !== null).length;
  }
  times.sort();
  const median = times[Math.floor(RUNS / 2)]!;
  const p95 = times[Math.floor(RUNS * 0.95)]!;
  console.log(`importReportText — ${name}: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (${RUNS} runs, ${text.length} characters, ${cells} cells read)`);
}
