// Benchmark of the `nianbao` command line in fresh processes, as a county office runs it in a batch:
// `node electron/cli/bin.mjs check <report>` and `… export <report> -o <pdf>`, against a bare `node -e 0`.
// (Through node, not npx: npx adds about a second of npm's own start-up, measured-facts.)
// Goals (issue 9): check ≤ 200 ms wall and ≤ 2× `node -e 0`; export of a fresh process ≤ 800 ms wall.
// Wall times grow with the machine's load; the CPU time of each process (user + system, from
// process.cpuUsage() at exit, bootstrap included) is printed next to them and moves much less.
// Run: npx tsx bench/cli-bench.ts   (or npm run bench for every benchmark)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const GOALS = { checkMs: 200, checkRatio: 2, exportMs: 800 };
const RUNS = 9;
const EXPORT_RUNS = 5;
const BIN = fileURLToPath(new URL('../electron/cli/bin.mjs', import.meta.url));
const SEED = fileURLToPath(new URL('../../shared/seed/huangjin-2019.txt', import.meta.url));
/** Prints the process's own CPU time on fd 3 when it exits. */
const CPU_PROBE = `data:text/javascript,${encodeURIComponent("import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeSync(3, String((u.user + u.system) / 1000)); });")}`;

interface Run {
  wallMs: number;
  cpuMs: number;
}

function run(args: string[], cwd: string, expectCode = 0): Run {
  const t0 = performance.now();
  const plain = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (plain.status !== expectCode) throw new Error(`node ${args.join(' ')} exited with ${plain.status}: ${plain.stderr}`);
  const probed = spawnSync(process.execPath, ['--import', CPU_PROBE, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  const cpuMs = Number((probed.output[3] ?? '').toString());
  return { wallMs, cpuMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

function main(): void {
  const dir = mkdtempSync(join(os.tmpdir(), 'nianbao-cli-bench-'));
  let failed = false;
  try {
    // Builds the bundle if it is missing or stale, and makes the report the other runs read.
    run([BIN, 'import-text', SEED, '-o', 'report.nianbao'], dir);
    const report = readFileSync(join(dir, 'report.nianbao'), 'utf8');
    if (!report.includes('黄金镇')) throw new Error('import-text did not write the seed report');

    const bare: Run[] = [];
    const check: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(run(['-e', '0'], dir));
      check.push(run([BIN, 'check', 'report.nianbao'], dir));
    }
    const exports: Run[] = [];
    for (let i = 0; i < EXPORT_RUNS; i++) exports.push(run([BIN, 'export', 'report.nianbao', '-o', 'report.pdf', '--force'], dir));

    const bareWall = median(bare.map((r) => r.wallMs));
    const checkWall = median(check.map((r) => r.wallMs));
    const exportWall = median(exports.map((r) => r.wallMs));
    const ratio = checkWall / bareWall;
    const load = os.loadavg()[0]!;
    const cores = os.cpus().length;
    console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cores} cores; medians of ${RUNS} (export ${EXPORT_RUNS}) fresh processes`);
    console.log(`node -e 0                 wall ${ms(bareWall)}   cpu ${ms(median(bare.map((r) => r.cpuMs)))}`);
    console.log(`nianbao check (seed)      wall ${ms(checkWall)}   cpu ${ms(median(check.map((r) => r.cpuMs)))}   = ${ratio.toFixed(2)}× node -e 0   goal ≤ ${GOALS.checkMs} ms and ≤ ${GOALS.checkRatio}×`);
    console.log(`nianbao export (seed PDF) wall ${ms(exportWall)}   cpu ${ms(median(exports.map((r) => r.cpuMs)))}   goal ≤ ${GOALS.exportMs} ms`);

    if (ratio > GOALS.checkRatio) {
      console.log(`FAIL: check takes ${ratio.toFixed(2)}× a bare node start`);
      failed = true;
    }
    // Absolute wall goals hold on an idle machine; under load they are reported, not judged.
    const loaded = load > cores;
    for (const [what, value, goal] of [
      ['check', checkWall, GOALS.checkMs],
      ['export', exportWall, GOALS.exportMs],
    ] as const) {
      if (value <= goal) continue;
      if (loaded) console.log(`note: ${what} ${ms(value)} > ${goal} ms, but the load average (${load.toFixed(1)}) exceeds the ${cores} cores`);
      else {
        console.log(`FAIL: ${what} ${ms(value)} > ${goal} ms`);
        failed = true;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (failed) process.exit(1);
}

main();
