import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReport } from '../../../../shared/model/document';
import { nodeFs } from '../../../../electron/node/storage/fs-layer';
import { isDocId, RecoveryStore, type RecoveryRecord } from '../../../../electron/node/storage/recovery';
import { StorageError } from '../../../../electron/node/storage/errors';

const ID_A = '0b5f2c1e-8d3a-4c7b-9e21-5a6f7d8c9b01';
const ID_B = 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9';

let dir: string;
let store: RecoveryStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-recovery-'));
  store = new RecoveryStore(nodeFs, join(dir, 'recovery'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function record(docId: string, savedAt: string, overview = '本机关依法公开政府信息。'): RecoveryRecord {
  const doc = createReport({ year: 2024, agencyName: '某某县人民政府', level: '县级', now: '2025-01-02T03:04:05.000Z' });
  doc.sections.overview = overview;
  doc.cells['t2.regulations.issued'] = 3;
  return { docId, filePath: '/报告/年报.nianbao', fingerprint: { sha256: 'ab'.repeat(32), size: 120, mtimeMs: 1700000000000 }, savedAt, doc };
}

describe('isDocId', () => {
  it('accepts a lower-case UUID only (it becomes a file name)', () => {
    expect(isDocId(ID_A)).toBe(true);
    expect(isDocId(ID_A.toUpperCase())).toBe(false);
    expect(isDocId(`../${ID_A}`)).toBe(false);
    expect(isDocId(`${ID_A}.json`)).toBe(false);
    expect(isDocId('')).toBe(false);
  });
});

describe('RecoveryStore', () => {
  it('reads back exactly what it wrote, Chinese text and all', async () => {
    const written = record(ID_A, '2025-01-02T03:04:05.000Z', '第一段。\n\n　　第二段：“引号”、全角１２３。');
    await store.write(written);
    expect(await store.read(ID_A)).toEqual(written);
    expect(await readdir(join(dir, 'recovery'))).toEqual([`${ID_A}.json`]);
  });

  it('lists readable copies newest first and skips damaged or foreign files, leaving them on disk', async () => {
    await store.write(record(ID_A, '2025-01-02T03:00:00.000Z'));
    await store.write(record(ID_B, '2025-01-02T04:00:00.000Z'));
    const folder = join(dir, 'recovery');
    await writeFile(join(folder, 'c0c0c0c0-0000-4000-8000-000000000000.json'), '{"kind":"nianbao-recovery"');
    await writeFile(join(folder, 'notes.txt'), '无关文件');
    // A copy whose docId does not match its file name is not trusted.
    const moved = JSON.parse(await readFile(join(folder, `${ID_A}.json`), 'utf8')) as Record<string, unknown>;
    await writeFile(join(folder, 'd0d0d0d0-0000-4000-8000-000000000000.json'), JSON.stringify(moved));
    expect((await store.list()).map((r) => r.docId)).toEqual([ID_B, ID_A]);
    expect((await readdir(folder)).length).toBe(5);
  });

  it('lists nothing when the folder does not exist yet', async () => {
    expect(await store.list()).toEqual([]);
  });

  it('refuses a damaged copy with a Chinese message, and a missing one as not found', async () => {
    await store.write(record(ID_A, '2025-01-02T03:00:00.000Z'));
    await writeFile(join(dir, 'recovery', `${ID_A}.json`), '{"kind":"nianbao-recovery","docId":"x"');
    await expect(store.read(ID_A)).rejects.toMatchObject({ code: 'bad-file', message: '这份恢复副本已损坏，无法恢复。' });
    await expect(store.read(ID_B)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('drops a malformed fingerprint and file path instead of trusting them', async () => {
    const r = record(ID_A, '2025-01-02T03:00:00.000Z');
    await store.write({ ...r, fingerprint: { sha256: 'x', size: '12' as unknown as number, mtimeMs: 1 }, filePath: 5 as unknown as string });
    const back = await store.read(ID_A);
    expect(back.fingerprint).toBeNull();
    expect(back.filePath).toBeNull();
  });

  it('removes a copy once, then says there was none', async () => {
    await store.write(record(ID_A, '2025-01-02T03:00:00.000Z'));
    expect(await store.remove(ID_A)).toBe(true);
    expect(await store.remove(ID_A)).toBe(false);
    expect(await store.list()).toEqual([]);
  });

  it('never builds a path from an id that is not a UUID', async () => {
    const error = await store.read('../../etc/passwd').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    await expect(store.write(record('../escape', '2025-01-02T03:00:00.000Z'))).rejects.toBeInstanceOf(StorageError);
    await expect(store.remove('..')).rejects.toBeInstanceOf(StorageError);
  });
});
