// Benchmark of the editor's live checks in Chromium. Goal: p95 < 16 ms (one frame at 60 Hz) from a
// keystroke in table 3, and one in a 3,000-character section 一 (issue 13), to the updated check panel,
// on a complete report with last year's report loaded.
//
// The real renderer build runs in Debian's Chromium against the real main-process handlers (the e2e
// harness). Keystrokes are real key events (CDP); in the page, a capturing keydown listener on window
// takes the start time (it runs before any handler of the app), a MutationObserver on the findings
// panel the time its DOM changed, and a requestAnimationFrame callback after that change the time the
// frame with it starts. Every keystroke changes the panel: in 表三 “（一）予以公开/自然人” (21) the rounds
// type 1, 2, 3 (1, 12, 123: a t3.balance error appears, then its numbers change) and Esc (back to 21,
// the error goes).
// Run: npx tsx bench/ui-bench.ts   (or npm run bench for every benchmark)
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { serializeReport } from '../shared/model/document';
import { buildRenderer, launchChromium, openApp, serveStatic } from '../tests/e2e/harness';
import { pingtanOverview3000, pingtanPreviousReport, pingtanReport } from '../tests/fixtures/pingtan';

const GOAL_P95_MS = 16;
const KEYSTROKES = 200;
const WARMUP_ROUNDS = 5;
const ROUND = ['1', '2', '3', 'Escape'];
const CELL = 't3.granted.natural';
const TEXT_ROUND = ['1', '2', '3', 'Backspace', 'Backspace', 'Backspace'];
const LONG_OVERVIEW = pingtanOverview3000();
const CARET = LONG_OVERVIEW.indexOf('申请74件') + '申请74'.length;

interface Sample {
  toPanel: number;
  toFrame: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const dist = await buildRenderer();
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  const app = await openApp(browser, server.url);
  const { page } = app;
  try {
    // A complete report (pingtan 2022, its confirm findings explained) and last year's report.
    const report = pingtanReport();
    report.sections.other = '本年度本机关未收取信息处理费。';
    const reportPath = join(app.documentsDir, 'pingtan-2022.nianbao');
    const previousPath = join(app.documentsDir, 'pingtan-2021.nianbao');
    writeFileSync(reportPath, serializeReport(report));
    writeFileSync(previousPath, serializeReport(pingtanPreviousReport(report)));
    const opened = await app.core.openExternalFile(reportPath);
    if (!opened.ok) throw new Error(opened.error.message);
    await page.locator('.editor').waitFor();
    app.dialogs.answers.openReport.push(previousPath);
    await page.locator('.findings-panel button', { hasText: '载入上年报告' }).click();
    await page.locator('.findings-panel .previous', { hasText: '已与上年报告对比' }).waitFor();
    await page.locator('.step-rail .step-title', { hasText: '三、' }).click();
    await page.locator(`input[data-key="${CELL}"]`).click();
    const findingsBefore = await page.locator('.findings-panel li.finding').count();

    await page.evaluate(() => {
      const state = { start: 0, waiting: false, samples: [] as { toPanel: number; toFrame: number }[] };
      (window as unknown as { __bench: typeof state }).__bench = state;
      window.addEventListener(
        'keydown',
        () => {
          state.start = performance.now();
          state.waiting = true;
        },
        true,
      );
      const panel = document.querySelector('[data-testid="findings-panel"]')!;
      new MutationObserver(() => {
        if (!state.waiting) return;
        state.waiting = false;
        const start = state.start;
        const toPanel = performance.now() - start;
        requestAnimationFrame(() => state.samples.push({ toPanel, toFrame: performance.now() - start }));
      }).observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
    });

    const samplesSoFar = () => page.evaluate(() => (window as unknown as { __bench: { samples: Sample[] } }).__bench.samples.length);
    /** Presses the round's keys (warm-up rounds, then KEYSTROKES keys) and returns the samples measured. */
    const typeRounds = async (round: string[]): Promise<Sample[]> => {
      let count = await samplesSoFar();
      const press = async (key: string) => {
        await page.keyboard.press(key);
        const expected = ++count;
        await page.waitForFunction((n) => (window as unknown as { __bench: { samples: unknown[] } }).__bench.samples.length >= n, expected, {
          timeout: 5000,
        });
      };
      for (let r = 0; r < WARMUP_ROUNDS; r++) for (const key of round) await press(key);
      const warm = count;
      // Whole rounds only, so that the text or cell ends as it began.
      while (count - warm < KEYSTROKES || (count - warm) % round.length !== 0) await press(round[(count - warm) % round.length]!);
      return (await page.evaluate(() => (window as unknown as { __bench: { samples: Sample[] } }).__bench.samples)).slice(warm);
    };
    let missed = false;
    const summary = (title: string, samples: Sample[]) => {
      const toPanel = samples.map((s) => s.toPanel).sort((a, b) => a - b);
      const toFrame = samples.map((s) => s.toFrame).sort((a, b) => a - b);
      console.log(`${title} (Chromium ${browser.version()}, ${samples.length} keystrokes, report with ${findingsBefore} findings + last year's report)`);
      console.log(`  keydown → panel DOM changed:  p50 ${percentile(toPanel, 50).toFixed(2)} ms  p95 ${percentile(toPanel, 95).toFixed(2)} ms  max ${toPanel.at(-1)!.toFixed(2)} ms`);
      console.log(`  keydown → next frame starts:  p50 ${percentile(toFrame, 50).toFixed(2)} ms  p95 ${percentile(toFrame, 95).toFixed(2)} ms  max ${toFrame.at(-1)!.toFixed(2)} ms`);
      console.log(`  goal: keydown → panel p95 < ${GOAL_P95_MS} ms   (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs)`);
      const p95 = percentile(toPanel, 95);
      if (p95 >= GOAL_P95_MS) {
        console.log(`  MISSED: p95 ${p95.toFixed(2)} ms`);
        missed = true;
      }
    };

    summary('Keystroke in 表三 → check panel updated', await typeRounds(ROUND));
    const value = await page.locator(`input[data-key="${CELL}"]`).inputValue();
    const findingsAfter = await page.locator('.findings-panel li.finding').count();
    if (value !== '21' || findingsAfter !== findingsBefore) throw new Error(`the cell did not end as it began (${value}, ${findingsAfter} findings)`);

    // Section 一 of 3,000 characters whose figures text.numbers compares with the tables. The caret sits
    // after “申请74” in the sentence about table 3: typing 1, 2, 3 makes it 741, 7412, 74123 (a finding
    // appears, then its numbers change) and three Backspaces take it back to 74 (the finding goes).
    await page.locator('.step-rail .step-title', { hasText: '一、' }).click();
    const area = page.locator('#section-overview');
    await area.fill(LONG_OVERVIEW);
    await page.waitForFunction(() => !document.querySelector('.findings-panel li.finding[data-rule="text.numbers"]'));
    await area.evaluate((el: HTMLTextAreaElement, at: number) => {
      el.focus();
      el.setSelectionRange(at, at);
    }, CARET);
    summary('Keystroke in 一、总体情况 (3,000 characters) → check panel updated', await typeRounds(TEXT_ROUND));
    if ((await area.inputValue()) !== LONG_OVERVIEW) throw new Error('section 一 did not end as it began');
    if (app.problems.length > 0) throw new Error(app.problems.join('\n'));
    if (missed) process.exitCode = 1;
  } finally {
    await app.close();
    await browser.close();
    await server.close();
    rmSync(app.dir, { recursive: true, force: true });
  }
}

await main();
