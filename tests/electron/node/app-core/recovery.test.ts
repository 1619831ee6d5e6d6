import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../../electron/node/app-core/context';
import { DocumentRegistry } from '../../../../electron/node/app-core/documents';
import { createRecoveryHandlers } from '../../../../electron/node/app-core/recovery';
import { createStorage, type Storage } from '../../../../electron/node/storage/index';
import { createReport } from '../../../../shared/model/document';

const ID_A = '0b5f2c1e-8d3a-4c7b-9e21-5a6f7d8c9b01';
const ID_B = 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9';

let dir: string;
let storage: Storage;
let documents: DocumentRegistry;
let handlers: ReturnType<typeof createRecoveryHandlers>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-core-recovery-'));
  storage = createStorage({ dataDir: dir });
  documents = new DocumentRegistry(() => undefined);
  handlers = createRecoveryHandlers({ storage, documents } as unknown as CoreContext);
  const doc = createReport({ year: 2024, agencyName: '某某县人民政府', level: '县级', now: '2025-01-02T03:04:05.000Z' });
  doc.cells['t2.regulations.issued'] = 7;
  await storage.recovery.write({ docId: ID_A, filePath: '/报告/年报.nianbao', fingerprint: null, savedAt: '2025-01-02T04:00:00.000Z', doc });
  await storage.recovery.write({ docId: ID_B, filePath: null, fingerprint: null, savedAt: '2025-01-02T03:00:00.000Z', doc: createReport({ year: 2025, agencyName: '', now: '2025-01-02T03:04:05.000Z' }) });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('recovery handlers', () => {
  it('lists the copies left over, newest first, by title and file name', async () => {
    expect(await handlers['recovery:list']({})).toEqual([
      { recoveryId: ID_A, title: '某某县人民政府2024年政府信息公开工作年度报告', fileName: '年报.nianbao', savedAt: '2025-01-02T04:00:00.000Z' },
      { recoveryId: ID_B, title: '2025年政府信息公开工作年度报告', fileName: null, savedAt: '2025-01-02T03:00:00.000Z' },
    ]);
  });

  it('restores a copy under its own id, unsaved, and keeps the copy until it is saved or closed', async () => {
    const opened = await handlers['recovery:restore']({ recoveryId: ID_A });
    expect(opened.docId).toBe(ID_A);
    expect(opened.doc.cells['t2.regulations.issued']).toBe(7);
    expect(opened.fileName).toBe('年报.nianbao');
    expect(documents.get(ID_A).dirty).toBe(true);
    expect((await storage.recovery.list()).map((r) => r.docId)).toContain(ID_A);
    // An open document's copy is no longer offered, cannot be restored twice nor discarded.
    expect((await handlers['recovery:list']({})).map((r) => r.recoveryId)).toEqual([ID_B]);
    await expect(handlers['recovery:restore']({ recoveryId: ID_A })).rejects.toMatchObject({ code: 'not-found', message: '这份恢复副本对应的报告已经打开。' });
    await expect(handlers['recovery:discard']({ recoveryId: ID_A })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('discards a copy once; the second time says it is gone', async () => {
    expect(await handlers['recovery:discard']({ recoveryId: ID_B })).toEqual({});
    expect((await handlers['recovery:list']({})).map((r) => r.recoveryId)).toEqual([ID_A]);
    await expect(handlers['recovery:discard']({ recoveryId: ID_B })).rejects.toMatchObject({ code: 'not-found', message: '找不到这份恢复副本，它可能已被恢复或丢弃。' });
  });
});
