// A .nianbao file double-clicked while the app is closed starts the app with the file on its command line:
// main opens it before the page can listen. The core keeps such files until the renderer says app:ready.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeError, OpenedDocument } from '../../../shared/ipc/contract';
import { serializeReport } from '../../../shared/model/document';
import { makeCore, removeDir, sampleReport, tempDir, type TestCore } from '../node/storage/helpers';

let root: string;
let t: TestCore;
beforeEach(() => {
  root = tempDir();
  t = makeCore(root);
});
afterEach(() => removeDir(root));

describe('files opened from outside', () => {
  it('waits for app:ready before the renderer hears of them, then emits later ones at once', async () => {
    const first = join(t.documentsDir, 'first.nianbao');
    const second = join(t.documentsDir, 'second.nianbao');
    writeFileSync(first, serializeReport(sampleReport()));
    writeFileSync(second, serializeReport({ ...sampleReport(), year: 2023 }));

    expect((await t.core.openExternalFile(first)).ok).toBe(true);
    expect(await t.core.openExternalFile(join(t.documentsDir, 'missing.nianbao'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(t.events).toEqual([]);

    const ready = await t.ok<{ opened: OpenedDocument[]; errors: BridgeError[] }>('app:ready');
    expect(ready.opened.map((o) => o.fileName)).toEqual(['first.nianbao']);
    expect(ready.opened[0]!.doc).toEqual(sampleReport());
    expect(ready.errors.map((e) => e.code)).toEqual(['not-found']);
    expect(ready.errors[0]!.message).toMatch(/[\u4e00-\u9fff]/);

    // Handed over once only.
    expect(await t.ok('app:ready')).toEqual({ opened: [], errors: [] });

    expect((await t.core.openExternalFile(second)).ok).toBe(true);
    expect(t.events.map((e) => e.event)).toEqual(['doc:opened']);
    expect((t.events[0]!.payload as OpenedDocument).doc.year).toBe(2023);
  });
});
