// Writes the hostile files of tests/fuzz and bench/hostile-files-bench.ts into a folder and prints, as one
// JSON line, each file's name and the channel the app imports it through. Run as a child process
// (node --import tsx tests/fuzz/write-hostile-files.ts DIR) by tests that measure their own process while
// the files are read: building them (a million-key JSON text, PDFs) leaves hundreds of megabytes of
// garbage, whose collection would be measured too.
import { spawnSync } from 'node:child_process';
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeReport } from '../../shared/model/document';
import { pingtanReport } from '../fixtures/pingtan';
import { deeplyNestedJson, officeZipBomb, pdfCompressionBomb, pdfManyPages, pdfSelfReferencingNameTree, withMillionKeys } from './hostile-files';

export type ImportChannel = 'import:file' | 'import:pdf' | 'import:textFile';
export interface HostileFile {
  channel: ImportChannel;
  name: string;
}

export async function writeHostileFiles(dir: string): Promise<HostileFile[]> {
  const files: HostileFile[] = [];
  const add = (channel: ImportChannel, name: string, bytes?: Uint8Array | string) => {
    if (bytes !== undefined) writeFileSync(join(dir, name), bytes);
    files.push({ channel, name });
  };
  add('import:pdf', 'tree.pdf', await pdfSelfReferencingNameTree(10));
  add('import:file', 'tree-any.pdf', await pdfSelfReferencingNameTree(10));
  add('import:pdf', 'bomb.pdf', await pdfCompressionBomb(64));
  add('import:pdf', 'xmp.pdf', await pdfCompressionBomb(64, 'xmp'));
  add('import:file', 'pages.pdf', await pdfManyPages(10_000));
  add('import:file', 'bomb.docx', officeZipBomb('docx', 20));
  const report = serializeReport(pingtanReport());
  add('import:file', 'million-top.nianbao', withMillionKeys(report, 'top'));
  add('import:file', 'million-cells.nianbao', withMillionKeys(report, 'cells'));
  add('import:file', 'deep.nianbao', deeplyNestedJson(100_000));
  add('import:textFile', 'spaces.txt', `${' '.repeat(200_000)}x\n`.repeat(5));
  add('import:file', 'spaces-any.txt', `${' '.repeat(200_000)}x\n`.repeat(5));
  writeFileSync(join(dir, 'sparse.nianbao'), '');
  truncateSync(join(dir, 'sparse.nianbao'), 1024 ** 3);
  add('import:file', 'sparse.nianbao');
  if (process.platform !== 'win32') {
    symlinkSync('/dev/zero', join(dir, 'zero.nianbao'));
    add('import:file', 'zero.nianbao');
    spawnSync('mkfifo', [join(dir, 'fifo.txt')]);
    add('import:textFile', 'fifo.txt');
  }
  return files;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  console.log(JSON.stringify(await writeHostileFiles(process.argv[2]!)));
}
