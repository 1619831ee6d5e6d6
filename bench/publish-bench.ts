// Benchmark of the website (HTML) and Word (.docx) exports for the seed report and the dense 2021 report
// (tests/fixtures/dense-2021.ts). Goal: warm export ≤ 100 ms each (median, modules loaded).
// Run: npx tsx bench/publish-bench.ts   (or npm run bench for every benchmark)
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importReportText } from '../shared/import/index';
import type { ReportDocument } from '../shared/model/report';
import { reportDocx, reportHtml } from '../electron/node/publish/index';
import { denseReport2021 } from '../tests/fixtures/dense-2021';

const GOAL_MS = 100;
const RUNS = 15;
const SEED = fileURLToPath(new URL('../../shared/seed/huangjin-2019.txt', import.meta.url));

function seed(): ReportDocument {
  const result = importReportText(readFileSync(SEED, 'utf8'), { now: '2020-01-20T10:00:00+08:00' });
  if (!result.ok) throw new Error(result.message);
  return result.doc;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let failed = false;
console.log(`goal: warm HTML and Word export ≤ ${GOAL_MS} ms (median of ${RUNS})`);
for (const [name, doc] of [['seed', seed()], ['dense 2021', denseReport2021()]] as const) {
  for (const [kind, run] of [
    ['HTML', async () => reportHtml(doc, { today: '2025-01-20' }).length],
    ['Word', async () => (await reportDocx(doc, { today: '2025-01-20' })).length],
  ] as const) {
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i <= RUNS; i++) {
      const t0 = performance.now();
      size = await run();
      if (i > 0) times.push(performance.now() - t0);
    }
    const warm = median(times);
    const ok = warm <= GOAL_MS;
    failed ||= !ok;
    console.log(`${name} ${kind}: median ${warm.toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}), ${Math.round(size / 1024)} KB   ${ok ? 'goal met' : 'GOAL MISSED'}`);
  }
}
if (failed) process.exitCode = 1;
