import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupsHandlers } from '../../../../electron/node/app-core/backups';
import type { CoreContext } from '../../../../electron/node/app-core/context';
import { DocumentRegistry } from '../../../../electron/node/app-core/documents';
import { createStorage, type Storage } from '../../../../electron/node/storage/index';
import { createReport } from '../../../../shared/model/document';

let dir: string;
let storage: Storage;
let documents: DocumentRegistry;
let handlers: ReturnType<typeof createBackupsHandlers>;

beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'nianbao-core-backups-')));
  storage = createStorage({ dataDir: join(dir, 'data') });
  documents = new DocumentRegistry(() => undefined);
  handlers = createBackupsHandlers({ storage, documents } as unknown as CoreContext);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const version = (issued: number) => {
  const doc = createReport({ year: 2024, agencyName: '某某县人民政府', level: '县级', now: '2025-01-02T03:04:05.000Z' });
  doc.cells['t2.regulations.issued'] = issued;
  return doc;
};

describe('backups handlers', () => {
  it('lists nothing for a report never saved, and refuses to restore one', async () => {
    const { docId } = documents.register(version(1), null, null, true);
    expect(await handlers['backups:list']({ docId })).toEqual([]);
    await expect(handlers['backups:restore']({ docId, backupId: '00000001-20250102T030405000Z' })).rejects.toMatchObject({
      code: 'not-found',
      message: '这份报告还没有保存过，没有备份。',
    });
  });

  it('lists the previous versions of the file and restores one as it was', async () => {
    const path = join(dir, '年报.nianbao');
    await storage.files.save(path, version(1), { expected: null });
    await storage.files.save(path, version(2), { expected: null });
    await storage.files.save(path, version(3), { expected: null });
    const { docId } = documents.register(version(3), path, null, false);
    const list = await handlers['backups:list']({ docId });
    expect(list).toHaveLength(2);
    // Newest first: the version replaced by the last save held 2.
    const restored = await handlers['backups:restore']({ docId, backupId: list[0]!.backupId });
    expect(restored.doc.cells['t2.regulations.issued']).toBe(2);
    const oldest = await handlers['backups:restore']({ docId, backupId: list[1]!.backupId });
    expect(oldest.doc.cells['t2.regulations.issued']).toBe(1);
  });

  it('refuses a document that is not open', async () => {
    await expect(handlers['backups:list']({ docId: 'closed' })).rejects.toMatchObject({ code: 'unknown-document' });
  });
});
