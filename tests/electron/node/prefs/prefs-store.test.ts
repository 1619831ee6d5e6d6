// The preferences store (electron/node/prefs/prefs-store.ts): `conf` on <cwd>/preferences.json, or the class
// the app passes (electron-store's, with the tests' electron mock), a corrupt file moved aside, and memory as
// the last resort.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ElectronStore from 'electron-store';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPreferences } from '../../../../electron/node/prefs/preferences';
import { createConfPrefsStore, createMemoryPrefsStore, openPrefsStore, quarantineCorruptFile } from '../../../../electron/node/prefs/prefs-store';
import { removeDir, tempDir } from '../storage/helpers';

vi.mock('electron', async () => (await import('../../main/electron-mock')).createElectronMock());

let root: string;
beforeEach(() => {
  root = tempDir();
});
afterEach(() => removeDir(root));

describe('createConfPrefsStore', () => {
  it('keeps values in <cwd>/preferences.json, read back by a new store', () => {
    const a = createConfPrefsStore({ cwd: root });
    a.set('lastFolders', { pdf: '/home/user/报告' });
    expect(JSON.parse(readFileSync(join(root, 'preferences.json'), 'utf8'))).toEqual({ lastFolders: { pdf: '/home/user/报告' } });
    expect(createConfPrefsStore({ cwd: root }).get('lastFolders')).toEqual({ pdf: '/home/user/报告' });
  });

  it("with electron-store's class (the app's): the same preferences.json, not electron-store's default config.json", () => {
    const store = createConfPrefsStore({ cwd: root, Store: ElectronStore });
    expect(store).toBeInstanceOf(ElectronStore);
    store.set('agency', { name: '黄金镇人民政府' });
    expect(readdirSync(root)).toEqual(['preferences.json']);
    expect(createConfPrefsStore({ cwd: root }).get('agency')).toEqual({ name: '黄金镇人民政府' });
  });

  it('keys with dots are keys, not paths', () => {
    const store = createConfPrefsStore({ cwd: root });
    store.set('a.b', 1);
    expect(JSON.parse(readFileSync(join(root, 'preferences.json'), 'utf8'))).toEqual({ 'a.b': 1 });
  });

  for (const [name, content] of [
    ['garbage', '{"recent": [ {"path": "/x'],
    ['an empty file', ''],
    ['a JSON array', '[1,2,3]'],
    ['a JSON string', '"hello"'],
    ['binary noise', '\u0000\u0001\u00ff'],
  ] as const) {
    it(`a corrupt file (${name}): starts with defaults, keeps a copy of the bad file, writes a good one`, () => {
      writeFileSync(join(root, 'preferences.json'), content);
      const problems: string[] = [];
      const prefs = createPreferences(createConfPrefsStore({ cwd: root, onProblem: (m) => problems.push(m) }));
      expect(prefs.getAgency()).toBeNull();
      expect(prefs.getWindowBounds()).toBeNull();
      expect(problems[0]).toMatch(/偏好设置文件已损坏/);
      const copies = readdirSync(root).filter((n) => n.startsWith('preferences.corrupt-'));
      expect(copies).toHaveLength(1);
      expect(readFileSync(join(root, copies[0]!), 'utf8')).toBe(content);
      prefs.setAgency({ name: '某镇', level: '乡镇', region: '', contact: '' });
      expect(JSON.parse(readFileSync(join(root, 'preferences.json'), 'utf8')).agency.name).toBe('某镇');
    });
  }

});

describe('quarantineCorruptFile', () => {
  it('leaves a missing file and a JSON object alone', () => {
    expect(quarantineCorruptFile(join(root, 'preferences.json'))).toBeNull();
    writeFileSync(join(root, 'preferences.json'), '{"recent":[]}');
    expect(quarantineCorruptFile(join(root, 'preferences.json'))).toBeNull();
    expect(readdirSync(root)).toEqual(['preferences.json']);
  });

  it('renames anything else with the time in its name', () => {
    writeFileSync(join(root, 'preferences.json'), 'null');
    const moved = quarantineCorruptFile(join(root, 'preferences.json'), () => new Date('2026-12-04T08:09:10.123Z'));
    expect(moved).toBe(join(root, 'preferences.corrupt-20261204T080910123Z.json'));
    expect(readdirSync(root)).toEqual(['preferences.corrupt-20261204T080910123Z.json']);
  });
});

describe('openPrefsStore', () => {
  it('a store that cannot be opened at all falls back to memory', () => {
    const store = openPrefsStore({
      filePath: join(root, 'preferences.json'),
      construct: () => {
        throw new Error('EACCES: permission denied');
      },
    });
    store.set('agency', { name: 'x', level: '乡镇' });
    expect(createPreferences(store).getAgency()?.name).toBe('x');
  });


  it('a store failing once is opened again after the file is moved aside, and the problem is told', () => {
    writeFileSync(join(root, 'preferences.json'), '{}');
    const problems: string[] = [];
    let tries = 0;
    const store = openPrefsStore({
      filePath: join(root, 'preferences.json'),
      construct: () => {
        tries += 1;
        if (tries === 1) throw new Error('EPERM');
        return createMemoryPrefsStore({ recent: [] });
      },
      onProblem: (m) => problems.push(m),
    });
    expect(tries).toBe(2);
    expect(store.get('recent')).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/无法读取偏好设置（EPERM），原文件已改名保存为“preferences\.corrupt-/);
  });
});

describe('createMemoryPrefsStore', () => {
  it('starts from its initial values and forgets nothing it is given', () => {
    const store = createMemoryPrefsStore({ recent: ['a'] });
    expect(store.get('recent')).toEqual(['a']);
    store.set('recent', []);
    expect(store.get('recent')).toEqual([]);
    expect(store.get('agency')).toBeUndefined();
  });
});
