// createPrefsHandlers (prefs:get, prefs:setAgency): the agency defaults and the recent files as the renderer
// sees them, on real preferences in memory.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../../electron/node/app-core/context';
import { createPrefsHandlers } from '../../../../electron/node/app-core/prefs';
import { createPreferences, type Preferences } from '../../../../electron/node/prefs/preferences';
import { createMemoryPrefsStore } from '../../../../electron/node/prefs/prefs-store';
import type { AgencyDefaults } from '../../../../shared/ipc/contract';
import { removeDir, tempDir } from '../storage/helpers';

let root: string;
let preferences: Preferences;
let handlers: ReturnType<typeof createPrefsHandlers>;
beforeEach(() => {
  root = tempDir('nianbao-prefs-handlers-');
  preferences = createPreferences(createMemoryPrefsStore());
  handlers = createPrefsHandlers({ preferences } as unknown as CoreContext);
});
afterEach(() => removeDir(root));

const AGENCY: AgencyDefaults = { name: '黄金镇人民政府', level: '乡镇', region: '某某县', contact: '党政办 0000-1234567' };

describe('createPrefsHandlers', () => {
  it('prefs:get: no agency yet and no recent files at first', async () => {
    expect(await handlers['prefs:get']({})).toEqual({ agency: null, recent: [] });
  });

  it('prefs:get lists the recent files that still exist, most recent first', async () => {
    const older = join(root, '2023.nianbao');
    const newer = join(root, '2024.nianbao');
    writeFileSync(older, '{}');
    writeFileSync(newer, '{}');
    preferences.addRecent(older, '2023年报', '2024-01-05T08:00:00.000Z');
    preferences.addRecent(newer, '2024年报', '2025-01-05T08:00:00.000Z');
    preferences.addRecent(join(root, 'deleted.nianbao'), '已删除', '2025-01-06T08:00:00.000Z');
    const view = await handlers['prefs:get']({});
    expect(view.agency).toBeNull();
    expect(view.recent.map((r) => [r.fileName, r.title])).toEqual([
      ['2024.nianbao', '2024年报'],
      ['2023.nianbao', '2023年报'],
    ]);
  });

  it('prefs:setAgency keeps the agency and answers the whole view with it', async () => {
    const path = join(root, 'r.nianbao');
    writeFileSync(path, '{}');
    preferences.addRecent(path, '年报', '2025-01-05T08:00:00.000Z');
    const view = await handlers['prefs:setAgency']({ agency: AGENCY });
    expect(view.agency).toEqual(AGENCY);
    expect(view.recent.map((r) => r.fileName)).toEqual(['r.nianbao']);
    expect(preferences.getAgency()).toEqual(AGENCY);
    expect(await handlers['prefs:get']({})).toEqual(view);
  });
});
