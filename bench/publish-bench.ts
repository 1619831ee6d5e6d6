// Benchmark of the website (HTML) and Word (.docx) exports for the seed report and the dense 2021 report
// (tests/fixtures/dense-2021.ts), final and draft (marked 草稿). Goal: warm export ≤ 100 ms each (median, modules loaded).
// Run: npx tsx bench/publish-bench.ts   (or npm run bench for every benchmark)
import { availableParallelism, loadavg } from 'node:os';
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
// Wall times grow with the machine's load; the CPU time shows what the export itself costs.
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
for (const [name, doc] of [['seed', seed()], ['dense 2021', denseReport2021()]] as const) {
  for (const [kind, run] of [
    ['HTML', async () => reportHtml(doc, { today: '2025-01-20' }).length],
    ['HTML draft', async () => reportHtml(doc, { today: '2025-01-20', draft: true }).length],
    ['Word', async () => (await reportDocx(doc, { today: '2025-01-20' })).length],
    ['Word draft', async () => (await reportDocx(doc, { today: '2025-01-20', draft: true })).length],
  ] as const) {
    const times: number[] = [];
    const cpu: number[] = [];
    let size = 0;
    for (let i = 0; i <= RUNS; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      size = await run();
      const c = process.cpuUsage(c0);
      if (i > 0) {
        times.push(performance.now() - t0);
        cpu.push((c.user + c.system) / 1000);
      }
    }
    const warm = median(times);
    const ok = warm <= GOAL_MS;
    failed ||= !ok;
    console.log(
      `${name} ${kind}: median ${warm.toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}; CPU time median ${median(cpu).toFixed(1)} ms), ${Math.round(size / 1024)} KB   ${ok ? 'goal met' : 'GOAL MISSED'}`,
    );
  }
}
if (failed) process.exitCode = 1;
