// Storage timings through the core, as the renderer sees them: open, save (backup + atomic write with
// fsync), autosave (recovery copy), payload validation. Prints medians; the goal is that saving never
// makes the user wait: a typical report saves in well under 100 ms.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validatePayload } from '../shared/ipc/validate-payload';
import { serializeReport } from '../shared/model/document';
import type { ReportDocument } from '../shared/model/report';
import { createAppCore } from '../electron/node/app-core';
import { createMemoryPrefsStore } from '../electron/node/prefs/prefs-store';
import { pingtanReport } from '../tests/fixtures/pingtan';

const GOAL_SAVE_MS = 100;
const root = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  return median(samples);
}

let failed = false;
try {
  const typical = pingtanReport();
  const long = (c: string) => c.repeat(99_000);
  const huge: ReportDocument = { ...typical, sections: { overview: long('甲'), problems: long('乙'), other: long('丙') } };
  for (const [name, doc] of [
    ['typical report (pingtan-2022)', typical],
    ['largest allowed narrative (3 × 99 000 characters)', huge],
  ] as const) {
    const path = join(root, `${name.length}.nianbao`);
    writeFileSync(path, serializeReport(doc));
    let answer = path;
    const core = createAppCore({
      dataDir: join(root, 'data'),
      documentsDir: root,
      prefs: createMemoryPrefsStore(),
      pdf: null,
      emit: () => undefined,
      dialogs: { openReport: async () => answer, saveReport: async () => null, openText: async () => null, openPdf: async () => null, openImport: async () => null, savePdf: async () => null },
    });
    const ok = async (channel: string, payload: unknown) => {
      const r = await core.dispatch(channel, payload);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value as { docId: string };
    };
    const bytes = Buffer.byteLength(serializeReport(doc));
    let docId = '';
    const open = await time(10, async () => {
      answer = path;
      docId = (await ok('doc:open', {})).docId;
    });
    const edited = (i: number) => ({ ...doc, sections: { ...doc.sections, other: `${doc.sections.other}${i}` } });
    const save = await time(30, (i) => ok('doc:save', { docId, doc: edited(i) }));
    const autosave = await time(30, (i) => ok('doc:autosave', { docId, doc: edited(i) }));
    const validate = await time(30, async () => validatePayload('doc:save', { docId, doc }));
    console.log(
      `${name}, ${(bytes / 1024).toFixed(0)} KB: open ${open.toFixed(1)} ms, save ${save.toFixed(1)} ms, autosave ${autosave.toFixed(1)} ms, payload validation ${validate.toFixed(2)} ms (medians)`,
    );
    if (doc === typical && save > GOAL_SAVE_MS) {
      console.log(`  goal missed: saving a typical report should take < ${GOAL_SAVE_MS} ms`);
      failed = true;
    }
  }
  // A compromised renderer's worst request (issue 10 finding 6: 250 explanations × 1M characters took 10 s
  // per message): refused after one pass over its structure.
  const mega = 'x'.repeat(1_000_000);
  const hostile = { ...typical, explanations: Array.from({ length: 250 }, (_, i) => ({ rule: 'sum.t3.total', target: `t3.${i}`, text: mega })) };
  const fewHuge = { ...typical, explanations: hostile.explanations.slice(0, 5) };
  const refuseHostile = await time(5, async () => validatePayload('doc:save', { docId: 'bench', doc: hostile }));
  const refuseFewHuge = await time(5, async () => validatePayload('doc:save', { docId: 'bench', doc: fewHuge }));
  console.log(`hostile payloads refused: 250 × 1M characters ${refuseHostile.toFixed(2)} ms, 5 × 1M characters ${refuseFewHuge.toFixed(2)} ms (medians; goal < 50 ms)`);
  if (Math.max(refuseHostile, refuseFewHuge) > 50) {
    console.log('  goal missed: a hostile payload should be refused in < 50 ms');
    failed = true;
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
