// createAppHandlers (app:info, app:ready, openExternalFile): the app's identity, and the files opened from
// outside (command line, double-click, second instance, macOS open-file) held until the renderer says app:ready.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BridgeError, OpenedDocument } from '../../../../shared/ipc/contract';
import { APP_VERSION, serializeReport } from '../../../../shared/model/document';
import { makeCore, removeDir, sampleReport, tempDir, type TestCore } from '../storage/helpers';

let root: string;
let t: TestCore;
beforeEach(() => {
  root = tempDir();
  t = makeCore(root);
});
afterEach(() => removeDir(root));

describe('createAppHandlers: app:info', () => {
  it('says the version and platform given, and whether the system print dialog is there', async () => {
    const printing = makeCore(join(root, 'printing'), { appVersion: '9.8.7', platform: 'win32', printer: { print: async () => undefined } });
    expect(await printing.ok('app:info')).toEqual({ version: '9.8.7', platform: 'win32', systemPrint: true });
    // Without them: the app's own version, this machine's platform, no system print.
    expect(await t.ok('app:info')).toEqual({ version: APP_VERSION, platform: process.platform, systemPrint: false });
  });
});

describe('createAppHandlers: files opened from outside', () => {
  // A .nianbao file double-clicked while the app is closed starts the app with the file on its command line:
  // main opens it before the page can listen. The core keeps such files until the renderer says app:ready.
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

  it('emit doc:opened, or app:error with the reason (once the page listens)', async () => {
    await t.ok('app:ready');
    const path = join(t.documentsDir, 'report.nianbao');
    writeFileSync(path, serializeReport(sampleReport()));
    const ok = await t.core.openExternalFile(path);
    expect(ok.ok).toBe(true);
    expect(t.events.at(-1)?.event).toBe('doc:opened');
    expect((t.events.at(-1)?.payload as OpenedDocument).doc).toEqual(sampleReport());
    writeFileSync(join(t.documentsDir, 'bad.nianbao'), 'garbage');
    const bad = await t.core.openExternalFile(join(t.documentsDir, 'bad.nianbao'));
    expect(!bad.ok && bad.error.code).toBe('bad-file');
    expect(t.events.at(-1)).toEqual({ event: 'app:error', payload: !bad.ok && bad.error });
  });

  it('only report files open from outside (macOS open-file, double-click): another extension is refused', async () => {
    const pdfNamed = join(t.documentsDir, 'report.pdf');
    writeFileSync(pdfNamed, serializeReport(sampleReport()));
    const result = await t.core.openExternalFile(pdfNamed);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-file' } });
    if (!result.ok) expect(result.error.message).toMatch(/不是年报助手的报告文件.*导入/);
  });

  it('opens the file as a recent one; a page that cannot be told is a warning, not a failed open', async () => {
    const warnings: string[] = [];
    const deaf = makeCore(join(root, 'deaf'), {
      emit: () => {
        throw new Error('window closed');
      },
      onWarning: (message) => warnings.push(message),
    });
    await deaf.ok('app:ready');
    const path = join(deaf.documentsDir, 'report.nianbao');
    writeFileSync(path, serializeReport(sampleReport()));
    const opened = await deaf.core.openExternalFile(path);
    expect(opened).toMatchObject({ ok: true, value: { fileName: 'report.nianbao', doc: sampleReport() } });
    expect(warnings).toEqual(['事件 doc:opened 未能发送']);
    const prefs = await deaf.ok<{ recent: { fileName: string }[] }>('prefs:get');
    expect(prefs.recent.map((r) => r.fileName)).toEqual(['report.nianbao']);
  });
});
