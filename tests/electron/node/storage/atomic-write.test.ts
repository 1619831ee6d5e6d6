// The one atomic write (electron/node/storage/atomic-write.ts) against a fake fs layer: renames refused
// the way Windows refuses them while a scanner or a preview holds the file, the no-overwrite mode, the
// fsyncs, and what is left behind when it fails.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RENAME_RETRY, writeFileAtomic, type RetryPolicy } from '../../../../electron/node/storage/atomic-write';
import { nodeFs, type FsLayer } from '../../../../electron/node/storage/fs-layer';
import { removeDir, tempDir } from './helpers';

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

interface Recorder {
  fs: FsLayer;
  calls: string[];
}

/** The real fs, recording calls, with `rename` failing with `code` for its first `failures` calls. */
function fakeFs(options: { renameFailures?: number; renameCode?: string; link?: (existing: string, to: string) => Promise<void>; beforeLink?: (to: string) => void } = {}): Recorder {
  const calls: string[] = [];
  let renames = 0;
  const fs: FsLayer = {
    ...nodeFs,
    async createExclusive(path, mode) {
      const handle = await nodeFs.createExclusive(path, mode);
      return {
        writeFile: (data) => handle.writeFile(data),
        sync: async () => {
          calls.push('sync file');
          await handle.sync();
        },
        close: () => handle.close(),
      };
    },
    async rename(from, to) {
      calls.push('rename');
      if (renames++ < (options.renameFailures ?? 0)) throw errno(options.renameCode ?? 'EPERM');
      await nodeFs.rename(from, to);
    },
    async link(existing, to) {
      calls.push('link');
      options.beforeLink?.(to);
      await (options.link ?? nodeFs.link)(existing, to);
    },
    async syncFolder(path) {
      calls.push(`sync folder ${path}`);
      await nodeFs.syncFolder(path);
    },
  };
  return { fs, calls };
}

/** Retry policy with the default delays that records them instead of sleeping. */
function recordingRetry(): RetryPolicy & { slept: number[] } {
  const slept: number[] = [];
  return { ...RENAME_RETRY, slept, sleep: async (ms) => void slept.push(ms) };
}

let dir: string;
beforeEach(() => {
  dir = tempDir('nianbao-atomic-');
});
afterEach(() => removeDir(dir));

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('writeFileAtomic', () => {
  it('writes the file, fsyncs it before the rename and the folder after, leaves no temp file', async () => {
    const { fs, calls } = fakeFs();
    const target = join(dir, 'a.nianbao');
    await writeFileAtomic(fs, target, bytes('new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(calls).toEqual(['sync file', 'rename', `sync folder ${dirname(target)}`]);
    expect(readdirSync(dir)).toEqual(['a.nianbao']);
  });

  for (const code of ['EPERM', 'EBUSY', 'EACCES']) {
    it(`retries a rename refused with ${code} (a scanner holding the file) and then succeeds`, async () => {
      const target = join(dir, 'a.nianbao');
      writeFileSync(target, 'old');
      const { fs, calls } = fakeFs({ renameFailures: 3, renameCode: code });
      const retry = recordingRetry();
      await writeFileAtomic(fs, target, bytes('new'), { retry });
      expect(readFileSync(target, 'utf8')).toBe('new');
      expect(calls.filter((c) => c === 'rename')).toHaveLength(4);
      expect(retry.slept).toEqual([20, 40, 80]); // backoff
      expect(readdirSync(dir)).toEqual(['a.nianbao']);
    });
  }

  it('gives up after about 1.5 s of waiting and reports the error; the old file stays, the temp file goes', async () => {
    const target = join(dir, 'a.nianbao');
    writeFileSync(target, 'old');
    const { fs, calls } = fakeFs({ renameFailures: Infinity, renameCode: 'EBUSY' });
    const retry = recordingRetry();
    await expect(writeFileAtomic(fs, target, bytes('new'), { retry })).rejects.toMatchObject({ code: 'EBUSY' });
    const waited = retry.slept.reduce((a, b) => a + b, 0);
    expect(waited).toBeGreaterThanOrEqual(1000);
    expect(waited).toBeLessThanOrEqual(2000);
    expect(Math.max(...retry.slept)).toBeLessThanOrEqual(RENAME_RETRY.maxDelayMs);
    expect(calls.filter((c) => c === 'rename')).toHaveLength(retry.slept.length + 1);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.nianbao']);
  });

  it('does not retry other errors (a full disk is not going away)', async () => {
    const target = join(dir, 'a.nianbao');
    const { fs, calls } = fakeFs({ renameFailures: 1, renameCode: 'ENOSPC' });
    const retry = recordingRetry();
    await expect(writeFileAtomic(fs, target, bytes('new'), { retry })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(calls.filter((c) => c === 'rename')).toHaveLength(1);
    expect(retry.slept).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the default policy really waits between attempts', async () => {
    const target = join(dir, 'a.nianbao');
    const { fs } = fakeFs({ renameFailures: 2, renameCode: 'EPERM' });
    const t0 = Date.now();
    await writeFileAtomic(fs, target, bytes('new'));
    expect(Date.now() - t0).toBeGreaterThanOrEqual(RENAME_RETRY.firstDelayMs * 3 - 5);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('refuses a folder as the target at once', async () => {
    const { fs, calls } = fakeFs();
    await expect(writeFileAtomic(fs, dir, bytes('x'))).rejects.toMatchObject({ code: 'EISDIR' });
    expect(calls).toEqual([]);
  });
});

describe('writeFileAtomic without overwrite', () => {
  it('writes a new file through a hard link, fsyncs, leaves only the file', async () => {
    const { fs, calls } = fakeFs();
    const target = join(dir, 'new.pdf');
    await writeFileAtomic(fs, target, bytes('%PDF-'), { overwrite: false });
    expect(readFileSync(target, 'utf8')).toBe('%PDF-');
    expect(calls).toEqual(['sync file', 'link', `sync folder ${dir}`]);
    expect(readdirSync(dir)).toEqual(['new.pdf']);
  });

  it('refuses an existing file (EEXIST) and leaves it as it was', async () => {
    const target = join(dir, 'a.pdf');
    writeFileSync(target, 'theirs');
    const { fs, calls } = fakeFs();
    await expect(writeFileAtomic(fs, target, bytes('ours'), { overwrite: false })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(target, 'utf8')).toBe('theirs');
    expect(calls).toEqual([]);
    expect(readdirSync(dir)).toEqual(['a.pdf']);
  });

  it('refuses a file that appears while it writes (the link never replaces)', async () => {
    const target = join(dir, 'a.pdf');
    const { fs } = fakeFs({ beforeLink: (to) => writeFileSync(to, 'theirs') });
    await expect(writeFileAtomic(fs, target, bytes('ours'), { overwrite: false })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(target, 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['a.pdf']);
  });

  it('without hard links (FAT, network drives): checks, then renames, with the same retry', async () => {
    const target = join(dir, 'a.pdf');
    const noLinks = async () => {
      throw errno('EPERM');
    };
    const { fs, calls } = fakeFs({ link: noLinks, renameFailures: 1, renameCode: 'EBUSY' });
    const retry = recordingRetry();
    await writeFileAtomic(fs, target, bytes('ours'), { overwrite: false, retry });
    expect(readFileSync(target, 'utf8')).toBe('ours');
    expect(calls).toEqual(['sync file', 'link', 'rename', 'rename', `sync folder ${dir}`]);
    expect(readdirSync(dir)).toEqual(['a.pdf']);

    const other = fakeFs({ link: noLinks, beforeLink: (to) => writeFileSync(to, 'theirs') });
    await expect(writeFileAtomic(other.fs, join(dir, 'b.pdf'), bytes('ours'), { overwrite: false })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(dir, 'b.pdf'), 'utf8')).toBe('theirs');
    expect(readdirSync(dir).sort()).toEqual(['a.pdf', 'b.pdf']);
  });
});
