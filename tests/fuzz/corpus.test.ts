// The fuzz corpus of issue 10, through the app core as the user meets it (import:file for every form of
// last year's report, doc:open for report files, ledger:open for ledgers), each file read in the parse
// worker: deep nesting (JSON, the XML inside a .docx, HTML), zip bombs in .docx and .xlsx, a PDF of 10,000
// pages (the pdf.js text fallback), a 1 GB sparse file of each kind, invalid UTF-8/GBK, and truncated files of
// every kind. One assertion each: a clear Chinese refusal (never 程序内部错误) or a correct read, within the
// caps — and, at the end, the process and its worker still answer.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLedgerTemplate } from '../../electron/node/ledger/ledger-template';
import type { Result } from '../../shared/ipc/contract';
import { serializeReport } from '../../shared/model/document';
import { pingtanReport } from '../fixtures/pingtan';
import { makeCore, type TestCore } from '../electron/node/storage/helpers';
import { deeplyNestedJson, docxNestedTables, htmlNested, invalidMultibyteText, officeZipBomb, pdfManyPages, truncated } from './hostile-files';

const samples = fileURLToPath(new URL('../../../shared/samples/office/', import.meta.url));

let root: string;
let t: TestCore;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'nianbao-corpus-'));
  t = makeCore(root);
});
afterAll(async () => {
  await t.core.close();
  rmSync(root, { recursive: true, force: true });
});

type Channel = 'import:file' | 'doc:open' | 'ledger:open';
const DIALOG = { 'import:file': 'openImport', 'doc:open': 'openReport', 'ledger:open': 'openLedger' } as const;

async function open(channel: Channel, name: string, bytes?: Uint8Array | string): Promise<Result<unknown>> {
  const path = join(root, name);
  if (bytes !== undefined) writeFileSync(path, bytes);
  t.dialogs.answers[DIALOG[channel]].push(path);
  return t.call(channel, channel === 'ledger:open' ? { year: 2024, format: '2021', agencyName: '' } : {});
}

/** A refusal the user can act on: a known code (not internal) and a Chinese message naming no stack. */
function expectRefused(result: Result<unknown>, pattern: RegExp): void {
  if (process.env.CORPUS_VERBOSE) console.log(result.ok ? 'read' : result.error.message);
  expect(result.ok ? 'read' : `${result.error.code}: ${result.error.message}`).toMatch(new RegExp(`^(bad-file|io|not-found): .*${pattern.source}`));
}

const report = () => serializeReport(pingtanReport());

describe('deep nesting', () => {
  it('a .nianbao nested 100,000 levels: damaged', async () => {
    expectRefused(await open('doc:open', 'deep.nianbao', deeplyNestedJson(100_000)), /已损坏/);
  });
  it('a .docx with 100,000 tables nested in each other’s cells: refused by its nesting, before the XML parser', async () => {
    expectRefused(await open('import:file', 'deep.docx', docxNestedTables(100_000)), /嵌套超过 256 层/);
  });
  it('a web page with 100,000 nested tables: refused by its table count, before it is parsed (no stack overflow)', async () => {
    expectRefused(await open('import:file', 'deep.html', htmlNested(100_000)), /网页中有 100000 个表格.*不像一份年度报告/);
  });

  it('a web page nested 300 levels deep with few tables: refused by its nesting', async () => {
    expectRefused(await open('import:file', 'deep-div.html', htmlNested(1).replace('<body>', `<body>${'<div>'.repeat(300)}`)), /嵌套超过 256 层/);
  });
});

describe('zip bombs through the app', () => {
  it('a .docx whose document.xml inflates 1000:1', async () => {
    expectRefused(await open('import:file', 'bomb.docx', officeZipBomb('docx', 20)), /压缩比异常|解压后超过/);
  });
  it('an .xlsx ledger whose sheet inflates 1000:1', async () => {
    expectRefused(await open('ledger:open', 'bomb.xlsx', officeZipBomb('xlsx', 20)), /压缩比异常|解压后超过/);
  });
});

describe('a PDF of 10,000 pages', () => {
  it('given to the importer (no report data, so the pdf.js text reader): refused by its page count', async () => {
    expectRefused(await open('import:file', 'pages.pdf', await pdfManyPages(10_000)), /共 10000 页/);
  });
});

describe('a 1 GB sparse file', () => {
  for (const [channel, name] of [['doc:open', 'sparse.nianbao'], ['import:file', 'sparse.pdf'], ['import:file', 'sparse.docx'], ['import:file', 'sparse.html'], ['import:file', 'sparse.txt'], ['ledger:open', 'sparse.xlsx']] as const) {
    it(`${name}: refused by its size, not read`, async () => {
      writeFileSync(join(root, name), '');
      truncateSync(join(root, name), 1024 ** 3);
      expectRefused(await open(channel, name), /MB/);
    });
  }
});

describe('invalid UTF-8 / GBK', () => {
  it('a text file that is neither: its encoding is named as unknown', async () => {
    expectRefused(await open('import:file', 'garbled.txt', invalidMultibyteText()), /字符编码无法识别/);
  });
  it('a .nianbao that is not UTF-8: refused as not a report file', async () => {
    expectRefused(await open('doc:open', 'garbled.nianbao', invalidMultibyteText()), /不是 UTF-8/);
  });
  it('a web page declaring GBK whose bytes are not: refused in Chinese', async () => {
    const head = new TextEncoder().encode('<!doctype html><html><head><meta charset="gbk"><title>年报</title></head><body><p>');
    expectRefused(await open('import:file', 'garbled.html', new Uint8Array([...head, ...invalidMultibyteText()])), /[\u4e00-\u9fff]/);
  });
});

describe('truncated files of every kind', () => {
  it('.nianbao cut in half: incomplete or damaged', async () => {
    expectRefused(await open('doc:open', 'cut.nianbao', truncated(new TextEncoder().encode(report()))), /不完整或已损坏/);
  });
  it('.nianbao imported, cut in half: refused as damaged', async () => {
    expectRefused(await open('import:file', 'cut-import.nianbao', truncated(new TextEncoder().encode(report()))), /不完整或已损坏|已损坏/);
  });
  for (const name of ['pingtan-2022.pdf', 'huangjin-2019.pdf', 'pingtan-2022.docx']) {
    it(`${name} cut in half: refused as damaged or incomplete`, async () => {
      expectRefused(await open('import:file', `cut-${name}`, truncated(readFileSync(samples + name))), /损坏|不完整/);
    });
  }
  it('a web page cut in half: what is there is read, nothing invented (or refused in Chinese)', async () => {
    const whole = readFileSync(samples + 'pingtan-2022.html');
    const result = await open('import:file', 'cut.html', truncated(whole));
    if (!result.ok) expectRefused(result, /[\u4e00-\u9fff]/);
    else expect((result.value as { doc: { year: number } }).doc.year).toBe(2022);
  });
  it('an .xlsx ledger cut in half: refused as damaged', async () => {
    const ledger = await buildLedgerTemplate({ year: 2024, format: '2021' });
    expectRefused(await open('ledger:open', 'cut.xlsx', truncated(ledger)), /不是完好的 Excel|损坏/);
  });
});

describe('after the corpus', () => {
  it('the process and its parse worker still read a good file', async () => {
    const result = await open('import:file', 'good.html', readFileSync(samples + 'pingtan-2022.html'));
    expect(result.ok && (result.value as { doc: { year: number } }).doc.year).toBe(2022);
  });
});
