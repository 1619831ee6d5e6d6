// Preferences (electron/node/prefs/preferences.ts): recent files, agency defaults, folders, window bounds,
// values of the wrong shape, and a store that fails at run time. The store itself: prefs-store.test.ts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrefsView as PrefsResponse } from '../../../../shared/ipc/contract';
import { serializeReport } from '../../../../shared/model/document';
import { createPreferences, RECENT_LIMIT } from '../../../../electron/node/prefs/preferences';
import { createConfPrefsStore, type PrefsStore } from '../../../../electron/node/prefs/prefs-store';
import { makeCore, removeDir, sampleReport, tempDir } from '../storage/helpers';

let root: string;
beforeEach(() => {
  root = tempDir();
});
afterEach(() => removeDir(root));

describe('preferences file', () => {
  it('persists across instances', () => {
    const a = createPreferences(createConfPrefsStore({ cwd: root }));
    a.setAgency({ name: '黄金镇人民政府', level: '乡镇', region: '四川省', contact: '党政办 张三' });
    a.setLastFolder('pdf', '/home/user/报告');
    a.setWindowBounds({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
    const b = createPreferences(createConfPrefsStore({ cwd: root }));
    expect(b.getAgency()).toEqual({ name: '黄金镇人民政府', level: '乡镇', region: '四川省', contact: '党政办 张三' });
    expect(b.getLastFolder('pdf')).toBe('/home/user/报告');
    expect(b.getLastFolder('report')).toBeNull();
    expect(b.getWindowBounds()).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
    expect(JSON.parse(readFileSync(join(root, 'preferences.json'), 'utf8'))).toHaveProperty('agency');
  });

  it('values of the wrong shape (hand-edited file, other version) count as missing', () => {
    writeFileSync(
      join(root, 'preferences.json'),
      JSON.stringify({
        agency: { name: 42, level: '乡镇' },
        recent: 'not a list',
        lastFolders: { report: 7 },
        windowBounds: { width: 'wide', height: 100 },
      }),
    );
    const prefs = createPreferences(createConfPrefsStore({ cwd: root }));
    expect(prefs.getAgency()).toBeNull();
    expect(prefs.getLastFolder('report')).toBeNull();
    expect(prefs.getWindowBounds()).toBeNull();
    expect(prefs.pathOfRecent('x')).toBeNull();
  });

  it('a store failing at run time never breaks a request', async () => {
    const broken: PrefsStore = {
      get: () => {
        throw new Error('EIO');
      },
      set: () => {
        throw new Error('ENOSPC');
      },
    };
    const warnings: string[] = [];
    const t = makeCore(root, { prefs: broken, onWarning: (m) => warnings.push(m) });
    const path = join(t.documentsDir, 'report.nianbao');
    writeFileSync(path, serializeReport(sampleReport()));
    t.dialogs.answers.openReport.push(path);
    const opened = await t.ok<{ docId: string }>('doc:open');
    await t.ok('doc:save', { docId: opened.docId, doc: sampleReport('x') });
    expect(await t.ok('prefs:get')).toEqual({ agency: null, recent: [] });
    expect(warnings.length).toBeGreaterThan(0);
  });
});

describe('recent files', () => {
  it(`keeps ${RECENT_LIMIT}, most recent first, without duplicates, dropping missing files`, async () => {
    const prefs = createPreferences(createConfPrefsStore({ cwd: root }));
    const dir = join(root, 'docs');
    mkdirSync(dir);
    const paths = Array.from({ length: 13 }, (_, i) => join(dir, `r${i}.nianbao`));
    for (const p of paths) writeFileSync(p, '{}');
    for (const [i, p] of paths.entries()) prefs.addRecent(p, `报告${i}`, `2026-01-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`);
    prefs.addRecent(paths[5]!, '报告5（再次打开）', '2026-02-01T00:00:00.000Z');
    let list = await prefs.listRecent();
    expect(list.map((r) => r.fileName)).toEqual(['r5', 'r12', 'r11', 'r10', 'r9', 'r8', 'r7', 'r6', 'r4', 'r3'].map((n) => `${n}.nianbao`));
    expect(list[0]).toMatchObject({ title: '报告5（再次打开）', location: dir, openedAt: '2026-02-01T00:00:00.000Z' });
    expect(new Set(list.map((r) => r.recentId)).size).toBe(10);
    expect(prefs.pathOfRecent(list[0]!.recentId)).toBe(paths[5]);
    const { unlinkSync } = await import('node:fs');
    unlinkSync(paths[12]!);
    list = await prefs.listRecent();
    expect(list.map((r) => r.fileName)).not.toContain('r12.nianbao');
    expect(list).toHaveLength(9);
    // Forgotten in the file too.
    expect((createPreferences(createConfPrefsStore({ cwd: root })).pathOfRecent('x'))).toBeNull();
    expect(JSON.parse(readFileSync(join(root, 'preferences.json'), 'utf8')).recent).toHaveLength(9);
  });

  it('the core starts on a corrupt preferences file and answers prefs:get with defaults', async () => {
    writeFileSync(join(root, 'preferences.json'), '{ broken');
    const t = makeCore(root, { prefs: createConfPrefsStore({ cwd: root }) });
    expect(await t.ok<PrefsResponse>('prefs:get')).toEqual({ agency: null, recent: [] });
    await t.ok('prefs:setAgency', { agency: { name: '某镇人民政府', level: '乡镇', region: '某县', contact: '' } });
    expect((await t.ok<PrefsResponse>('prefs:get')).agency?.name).toBe('某镇人民政府');
    expect(existsSync(join(root, 'preferences.json'))).toBe(true);
  });
});
