// The bounded reader (electron/node/files/bounded-read.ts) and everything that reads through it: the app
// core's opens and imports, storage's report reader, the CLI. Special files — a symlink to /dev/zero, a
// FIFO, a folder, a socket — are refused at once with a Chinese message; sizes are capped whatever stat
// says; four FIFOs do not stall later opens.
import { spawnSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, openSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileReadError, readBoundedFile, readBoundedFileSync } from '../../../../electron/node/files/bounded-read';
import { serializeReport } from '../../../../shared/model/document';
import { expectOneLineError, runCli } from '../../cli/run-cli';
import { CHINESE, makeCore, removeDir, sampleReport, tempDir } from '../storage/helpers';

const posix = process.platform !== 'win32';

let root: string;
const fifos: string[] = [];
beforeEach(() => {
  root = tempDir('nianbao-bounded-');
});
afterEach(() => {
  // A reader still blocked on a FIFO (the bug this guards against) gets its end of file: the test process
  // is not left with a stuck file-I/O thread.
  for (const fifo of fifos.splice(0)) {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // no reader waiting: fine
    }
  }
  removeDir(root);
});

function mkfifo(path: string): string {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
  fifos.push(path);
  return path;
}

async function refusal(read: Promise<unknown>): Promise<FileReadError> {
  const error = await read.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileReadError);
  expect((error as FileReadError).message).toMatch(CHINESE);
  return error as FileReadError;
}

function syncRefusal(read: () => unknown): FileReadError {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(FileReadError);
    return e as FileReadError;
  }
  throw new Error('expected a refusal');
}

describe('readBoundedFile', () => {
  it('reads a regular file whole, through a symlink too', async () => {
    const file = join(root, 'a.txt');
    writeFileSync(file, '年报'.repeat(1000));
    const link = join(root, 'link.txt');
    if (posix) symlinkSync(file, link);
    const read = await readBoundedFile(posix ? link : file, 'text');
    expect(Buffer.from(read.bytes).toString('utf8')).toBe('年报'.repeat(1000));
    expect(Buffer.from(readBoundedFileSync(file, 'text').bytes).toString('utf8')).toBe('年报'.repeat(1000));
  });

  it('does not trust a size of 0 from stat: a /proc file is read, and capped', async () => {
    if (!posix || process.platform !== 'linux') return;
    const read = await readBoundedFile('/proc/self/status', 'text');
    expect(Buffer.from(read.bytes).toString('utf8')).toMatch(/^Name:/);
    expect((await refusal(readBoundedFile('/proc/self/status', 'text', { maxBytes: 16 }))).reason).toBe('too-big');
    expect(syncRefusal(() => readBoundedFileSync('/proc/self/status', 'text', { maxBytes: 16 })).reason).toBe('too-big');
  });

  it('a file one byte over the cap is refused, one at the cap is read', async () => {
    const file = join(root, 'r.txt');
    writeFileSync(file, Buffer.alloc(1000, 0x41));
    expect((await readBoundedFile(file, 'text', { maxBytes: 1000 })).bytes.byteLength).toBe(1000);
    const error = await refusal(readBoundedFile(file, 'text', { maxBytes: 999 }));
    expect(error.reason).toBe('too-big');
    expect(error.message).toMatch(/太大/);
  });

  it('a 1 GB sparse report file is refused from its size, without reading it', async () => {
    const file = join(root, 'huge.nianbao');
    writeFileSync(file, '');
    truncateSync(file, 1024 ** 3);
    const started = performance.now();
    expect((await refusal(readBoundedFile(file, 'report'))).reason).toBe('too-big');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.runIf(posix)('a symlink to /dev/zero is refused at once as a device', async () => {
    const link = join(root, 'zero.nianbao');
    symlinkSync('/dev/zero', link);
    const error = await refusal(readBoundedFile(link, 'report'));
    expect(error.reason).toBe('not-a-file');
    expect(error.message).toMatch(/不是普通文件.*设备/);
    expect(syncRefusal(() => readBoundedFileSync(link, 'report')).reason).toBe('not-a-file');
  });

  it.runIf(posix)('a FIFO is refused without blocking, asynchronously and synchronously', async () => {
    const fifo = mkfifo(join(root, 'x.nianbao'));
    const error = await refusal(readBoundedFile(fifo, 'report'));
    expect(error.reason).toBe('not-a-file');
    expect(error.message).toMatch(/管道/);
    expect(syncRefusal(() => readBoundedFileSync(fifo, 'report')).message).toMatch(/管道/);
  });

  it.runIf(posix)('a socket is refused', async () => {
    const socketPath = join(root, 's.nianbao');
    const server: Server = createServer();
    await new Promise<void>((ok) => server.listen(socketPath, ok));
    try {
      const error = await refusal(readBoundedFile(socketPath, 'report'));
      expect(['not-a-file', 'io']).toContain(error.reason);
      expect(error.message).toMatch(/不是普通文件|套接字|出错/);
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  });

  it('a folder and a missing file are named as such', async () => {
    const folder = join(root, 'folder.nianbao');
    mkdirSync(folder);
    expect((await refusal(readBoundedFile(folder, 'report'))).message).toMatch(/是文件夹/);
    expect((await refusal(readBoundedFile(join(root, 'nope.pdf'), 'pdf'))).reason).toBe('not-found');
  });

  it('a time budget: a read past its deadline stops with a message', async () => {
    const file = join(root, 'big.txt');
    writeFileSync(file, Buffer.alloc(3 * 1024 * 1024, 0x41));
    const error = await refusal(readBoundedFile(file, 'text', { budgetMs: -1 }));
    expect(error.reason).toBe('timeout');
    expect(error.message).toMatch(/秒仍未完成/);
  });
});

describe.runIf(posix)('the app core and the CLI read through it', () => {
  it('opening a .nianbao that is a symlink to /dev/zero or a FIFO: a clear bad-file, at once', async () => {
    const t = makeCore(root);
    const zero = join(t.documentsDir, 'zero.nianbao');
    symlinkSync('/dev/zero', zero);
    const fifo = mkfifo(join(t.documentsDir, 'x.nianbao'));
    for (const path of [zero, fifo]) {
      const result = await t.core.openExternalFile(path);
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-file' } });
      if (!result.ok) expect(result.error.message).toMatch(/不是普通文件/);
    }
  });

  it('four FIFOs given to open do not stall the opens and saves after them', async () => {
    const t = makeCore(root);
    const opens = [0, 1, 2, 3, 4].map((i) => {
      const fifo = mkfifo(join(t.documentsDir, `fifo-${i}.nianbao`));
      t.dialogs.answers.openReport.push(fifo);
      return t.call('doc:open');
    });
    for (const result of await Promise.all(opens)) expect(result).toMatchObject({ ok: false, error: { code: 'bad-file' } });
    const good = join(t.documentsDir, 'good.nianbao');
    writeFileSync(good, serializeReport(sampleReport()));
    t.dialogs.answers.openReport.push(good);
    expect((await t.call('doc:open')).ok).toBe(true);
  });

  it('importing a PDF or a text file that is a FIFO or a device is refused', async () => {
    const t = makeCore(root);
    t.dialogs.answers.openPdf.push(mkfifo(join(t.documentsDir, 'x.pdf')));
    expect(await t.call('import:pdf')).toMatchObject({ ok: false, error: { code: 'bad-file' } });
    const zero = join(t.documentsDir, 'zero.txt');
    symlinkSync('/dev/zero', zero);
    t.dialogs.answers.openText.push(zero);
    expect(await t.call('import:textFile')).toMatchObject({ ok: false, error: { code: 'bad-file' } });
  });

  it('saving onto a FIFO is refused (never blocks, never replaces it)', async () => {
    const t = makeCore(root);
    const opened = await t.ok<{ docId: string }>('doc:new', { year: 2025, agencyName: '测试镇人民政府', level: '乡镇' });
    const fifo = mkfifo(join(t.documentsDir, 'target.nianbao'));
    t.dialogs.answers.saveReport.push(fifo);
    const result = await t.call('doc:saveAs', { docId: opened.docId, doc: sampleReport() });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-file' } });
    if (!result.ok) expect(result.error.message).toMatch(/管道/);
  });

  it('the CLI refuses a FIFO and /dev/zero with one bilingual line (exit 2)', async () => {
    const fifo = mkfifo(join(root, 'x.nianbao'));
    symlinkSync('/dev/zero', join(root, 'zero.txt'));
    for (const args of [['check', fifo], ['import-text', 'zero.txt', '-o', 'out.nianbao'], ['import-pdf', fifo, '-o', 'o.nianbao']]) {
      const run = await runCli(args, { cwd: root });
      expect(run.code, args.join(' ')).toBe(2);
      expect(expectOneLineError(run)).toMatch(/不是普通文件/);
    }
  });
});
