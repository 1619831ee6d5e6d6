// Benchmark of the check engine. Goal (task “foundation”, item 4): one full runChecks of a complete
// 2021 report WITH last year's report takes at most 0.1 ms median.
// Run: npx tsx bench/check-bench.ts   (or npm run bench for every benchmark)
import { performance } from 'node:perf_hooks';
import { computeTotals, runChecks } from '../shared/checks/index';
import { createReport } from '../shared/model/document';
import type { ReportDocument } from '../shared/model/report';
import { extractMentions } from '../shared/checks/text-figures';
import { pingtanOverview3000, pingtanPreviousReport, pingtanReport } from '../tests/fixtures/pingtan';

const GOAL_MS = 0.1;
const WARMUP = 3000;
const RUNS = 20000;

interface Stats {
  median: number;
  p95: number;
  findings: number;
}

/** Times `fn` RUNS times one call at a time (after WARMUP calls) and returns median and p95 in ms. */
function measure(fn: (i: number) => number): Stats {
  let findings = 0; // what the last call returned: findings, or cells for computeTotals
  for (let i = 0; i < WARMUP; i++) findings = fn(i);
  const times = new Float64Array(RUNS);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    findings = fn(i);
    times[i] = performance.now() - t0;
  }
  times.sort();
  return { median: times[Math.floor(RUNS / 2)]!, p95: times[Math.floor(RUNS * 0.95)]!, findings };
}

const ms = (v: number) => `${v.toFixed(4)} ms`;

function report(name: string, s: Stats, unit = 'findings'): void {
  console.log(`${name.padEnd(56)} median ${ms(s.median)}   p95 ${ms(s.p95)}   (${s.findings} ${unit})`);
}

const current = pingtanReport();
const previous = pingtanPreviousReport(current);

// Same data, but a 2019 report with every cell blank: the slow path (findings with messages).
const blank2019: ReportDocument = createReport({ year: 2020, agencyName: '黄金镇人民政府', now: '2021-01-10T09:00:00+08:00' });

// While typing: a different text on every run, so nothing derived from it is cached (section 五: the
// similarity with last year; section 一: its length and the figures text.numbers reads).
const typingTexts = Array.from({ length: 64 }, (_, i) => `${current.sections.problems}${'补充'.repeat(i)}`);
const typingOverviews = Array.from({ length: 64 }, (_, i) => `${current.sections.overview}${'补充'.repeat(i)}`);

// Issue 13: the same with a 3,000-character section 一 whose figures text.numbers compares with the tables.
const long: ReportDocument = { ...current, sections: { ...current.sections, overview: pingtanOverview3000(current) } };
const longOverviews = Array.from({ length: 64 }, (_, i) => `${long.sections.overview}${'补充'.repeat(i)}`);
if (long.sections.overview.length !== 3000) throw new Error('the long narrative is not 3,000 characters');
if (runChecks({ report: long, previous }).some((f) => f.rule === 'text.numbers')) throw new Error('the long narrative should agree with the tables');

console.log('检查引擎基准测试（runChecks / computeTotals）');
console.log(`每项先预热 ${WARMUP} 次，再逐次计时 ${RUNS} 次。目标：完整 2021 年版报告（含上年报告）单次检查中位数 ≤ ${GOAL_MS} ms。`);

const full = measure(() => runChecks({ report: current, previous }).length);
report('runChecks: 2021 report + last year (goal)', full);
report('runChecks: 2021 report, no last year', measure(() => runChecks({ report: current }).length));
report(
  'runChecks: 2021 report + last year, section 5 edited',
  measure((i) => runChecks({ report: { ...current, sections: { ...current.sections, problems: typingTexts[i % 64]! } }, previous }).length),
);
report(
  'runChecks: 2021 report + last year, section 1 edited',
  measure((i) => runChecks({ report: { ...current, sections: { ...current.sections, overview: typingOverviews[i % 64]! } }, previous }).length),
);
const longFull = measure(() => runChecks({ report: long, previous }).length);
report('runChecks: + last year, 3,000-char section 1 (goal)', longFull);
report(
  'runChecks: + last year, 3,000-char section 1 edited',
  measure((i) => runChecks({ report: { ...long, sections: { ...long.sections, overview: longOverviews[i % 64]! } }, previous }).length),
);
report(
  'extractMentions: 3,000-char section 1 (uncached)',
  measure((i) => extractMentions(longOverviews[i % 64]!, { year: 2022, agencyName: current.agency.name }).length),
  'figures',
);
report('runChecks: blank 2019 report (every cell blank)', measure(() => runChecks({ report: blank2019 }).length));
report('computeTotals: 2021 report, all tables', measure(() => Object.keys(computeTotals(current)).length), 'cells');

for (const [name, s] of [
  ['完整检查', full],
  ['完整检查（一、总体情况 3000 字）', longFull],
] as const) {
  const verdict = s.median <= GOAL_MS ? '达到' : '未达到';
  console.log(`${name}目标 ≤ ${GOAL_MS} ms（中位数）：实测 ${ms(s.median)}，${verdict}。`);
  if (s.median > GOAL_MS) process.exitCode = 1;
}
