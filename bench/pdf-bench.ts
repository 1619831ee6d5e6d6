// Benchmark of the PDF export, for the seed report (黄金镇 2019, final) and a dense 2021 report (pingtan
// with every table cell non-zero and a long narrative, draft with its findings page).
// Goals: warm export ≤ 300 ms (fonts already parsed, median), fresh process ≤ 1.5 s (font parsing and
// first export, timed inside a new process), PDF ≤ 400 KB.
// Run: npx tsx bench/pdf-bench.ts   (or npm run bench for every benchmark)
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { computeTotals, runChecks } from '../shared/checks/index';
import { formatModel } from '../shared/formats/index';
import { importReportText } from '../shared/import/index';
import type { ReportDocument } from '../shared/model/report';
import { pingtanReport } from '../tests/fixtures/pingtan';

const GOALS = { warmMs: 300, freshMs: 1500, sizeKB: 400 };
const WARM_RUNS = 15;
const SEED = fileURLToPath(new URL('../../shared/seed/huangjin-2019.txt', import.meta.url));

type Case = 'seed' | 'dense';
const MODES: Record<Case, 'final' | 'draft'> = { seed: 'final', dense: 'draft' };

function explained(doc: ReportDocument): ReportDocument {
  const confirms = runChecks({ report: doc }).filter((f) => f.severity === 'confirm');
  return { ...doc, explanations: confirms.map((f) => ({ rule: f.rule, target: f.target, text: '已核实。' })) };
}

function buildCase(name: Case): ReportDocument {
  if (name === 'seed') {
    const result = importReportText(readFileSync(SEED, 'utf8'), { now: '2020-01-20T10:00:00+08:00' });
    if (!result.ok) throw new Error(result.message);
    return explained(result.doc);
  }
  const doc = pingtanReport();
  let n = 7;
  for (const cell of formatModel('2021').cells) {
    if (cell.computed) continue;
    n = (n * 7919 + 13) % 99991;
    doc.cells[cell.key] = cell.kind === 'amount' ? (n % 100000) / 100 : n % 9000;
  }
  doc.cells = computeTotals(doc);
  doc.sections = {
    overview: `${doc.sections.overview}\n${doc.sections.overview}`,
    problems: `${doc.sections.problems}\n${doc.sections.problems}\n${doc.sections.problems}`,
    other: doc.sections.other,
  };
  return doc;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (kbytes: number) => `${(kbytes / 1024).toFixed(0)} MB`;

/** Child: imports the exporter, parses the fonts and exports once; prints its own timings as JSON. */
async function child(name: Case): Promise<void> {
  const doc = buildCase(name);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { createPdfExporter } = await import('../electron/node/pdf/index');
  const t1 = performance.now();
  const exporter = createPdfExporter();
  const t2 = performance.now();
  const result = await exporter.exportPdf(doc, { mode: MODES[name] });
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  if (!result.ok) throw new Error(result.message);
  console.log(
    JSON.stringify({
      cpuMs: (cpu.user + cpu.system) / 1000,
      importMs: t1 - t0,
      fontsMs: t2 - t1,
      exportMs: t3 - t2,
      sinceProcessStartMs: t3,
      bytes: result.pdf.length,
      maxRssKB: process.resourceUsage().maxRSS,
    }),
  );
}

async function main(): Promise<void> {
  const file = fileURLToPath(import.meta.url);
  const { createPdfExporter } = await import('../electron/node/pdf/index');
  const exporter = createPdfExporter();
  let failed = false;
  console.log(`goals: warm ≤ ${GOALS.warmMs} ms, fresh process ≤ ${GOALS.freshMs} ms, PDF ≤ ${GOALS.sizeKB} KB`);
  console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores (wall times grow with load; CPU times much less)`);
  for (const name of ['seed', 'dense'] as Case[]) {
    const wall0 = performance.now();
    const spawned = spawnSync(process.execPath, ['--import', 'tsx', file, '--child', name], { encoding: 'utf8' });
    const wallMs = performance.now() - wall0;
    if (spawned.status !== 0) throw new Error(`child failed: ${spawned.stderr}`);
    const fresh = JSON.parse(spawned.stdout.trim().split('\n').pop()!) as {
      cpuMs: number;
      importMs: number;
      fontsMs: number;
      exportMs: number;
      sinceProcessStartMs: number;
      bytes: number;
      maxRssKB: number;
    };
    const freshMs = fresh.importMs + fresh.fontsMs + fresh.exportMs;

    const doc = buildCase(name);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let bytes = 0;
    for (let i = 0; i <= WARM_RUNS; i++) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const result = await exporter.exportPdf(doc, { mode: MODES[name] });
      const t = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      if (!result.ok) throw new Error(result.message);
      bytes = result.pdf.length;
      // The first export in this process warms fontkit's glyph caches.
      if (i > 0) {
        times.push(t);
        cpuTimes.push((cpu.user + cpu.system) / 1000);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    times.sort((a, b) => a - b);
    const warm = times[Math.floor(times.length / 2)]!;

    const ok = warm <= GOALS.warmMs && freshMs <= GOALS.freshMs && bytes / 1024 <= GOALS.sizeKB;
    failed ||= !ok;
    console.log(`\n${name} (${MODES[name]}, ${doc.format} format)`);
    console.log(
      `  fresh process: export incl. module load and font parsing ${freshMs.toFixed(0)} ms ` +
        `(modules ${fresh.importMs.toFixed(0)}, fonts ${fresh.fontsMs.toFixed(0)}, export ${fresh.exportMs.toFixed(0)}); ` +
        `process wall time ${wallMs.toFixed(0)} ms; CPU time ${fresh.cpuMs.toFixed(0)} ms; peak RSS ${mb(fresh.maxRssKB)}`,
    );
    console.log(
      `  warm export: median ${warm.toFixed(0)} ms of ${times.length} (min ${times[0]!.toFixed(0)}, max ${times[times.length - 1]!.toFixed(0)}); ` +
        `CPU time median ${median(cpuTimes).toFixed(0)} ms`,
    );
    console.log(`  PDF size: ${kb(bytes)}   ${ok ? 'goals met' : 'GOAL MISSED'}`);
  }
  console.log(`\nwarm process peak RSS ${mb(process.resourceUsage().maxRSS)}`);
  if (failed) process.exitCode = 1;
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) await child(process.argv[childIndex + 1] as Case);
else await main();
