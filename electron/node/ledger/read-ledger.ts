// Reading a ledger file into raw sheets: .xlsx (also an old .xls re-saved as .xlsx) with exceljs, .csv in
// UTF-8 or GBK/GB18030. Cells keep what was written: text stays text, real date cells become ISO days,
// numbers stay numbers (a date column holding Excel serials is read by shared/ledger/dates).
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FileReadError, readBoundedFile } from '../files/bounded-read';
import { DecompressionLimitError, unzipBounded } from '../files/bounded-unzip';
import { findHeaderRow, proposeColumns } from '../../../shared/ledger/mapping';
import type { RawCell, RawSheet } from '../../../shared/ledger/types';

export class LedgerFileError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(zh);
    this.name = 'LedgerFileError';
  }
}

/** The one place a ledger file is read from disk: the bounded reader (size cap, regular files only). */
export async function readLedgerBytes(path: string, displayName: string): Promise<Uint8Array> {
  try {
    return (await readBoundedFile(path, 'ledger', { displayName })).bytes;
  } catch (e) {
    if (e instanceof FileReadError) throw new LedgerFileError(e.message.replace(/。$/, ''), e.en);
    throw e;
  }
}

export type LedgerFileKind = 'xlsx' | 'csv';

function kindOf(bytes: Uint8Array, name: string): LedgerFileKind {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new LedgerFileError(
      `“${name}”是旧版 Excel 97-2003（.xls）文件，请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）或 CSV 后再导入`,
      'old binary .xls: save it as .xlsx or .csv first',
    );
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    throw new LedgerFileError(`“${name}”是 PDF 文件，不是台账表格；请导入 Excel（.xlsx）或 CSV 台账`, 'a PDF is not a ledger');
  }
  if (bytes.subarray(0, 4096).includes(0)) {
    throw new LedgerFileError(`“${name}”不是 Excel（.xlsx）或 CSV 表格文件`, 'not an .xlsx or .csv file');
  }
  return 'csv';
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else GB18030 (a superset of GBK). */
export function decodeCsvText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** An exceljs cell value as a raw cell: formulas by their result, rich text as its text, dates as ISO days. */
export function toRawCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return { date: `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}` };
  }
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return toRawCell(value.richText.map((r) => r.text).join(''));
    if ('formula' in value || 'sharedFormula' in value) return toRawCell((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return toRawCell(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

function sheetOf(ws: ExcelJS.Worksheet): RawSheet {
  const rows: RawCell[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // Merged cells: only the master holds the value.
      cells[col - 1] = cell.isMerged && cell.master !== cell ? null : toRawCell(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return { name: ws.name, rows };
}

export interface ReadLedgerResult {
  kind: LedgerFileKind;
  encoding?: 'utf-8' | 'gb18030';
  sheets: RawSheet[];
}

export async function parseLedgerBytes(bytes: Uint8Array, name: string): Promise<ReadLedgerResult> {
  const kind = kindOf(bytes, name);
  const workbook = new ExcelJS.Workbook();
  if (kind === 'xlsx') {
    // exceljs inflates every part without a limit: the archive is first inflated within limits, so a
    // zip bomb (or a header that lies about sizes) is refused before exceljs sees it.
    try {
      unzipBounded(bytes, { what: name, maxRatio: 400 });
    } catch (e) {
      if (e instanceof DecompressionLimitError && e.limit !== 'corrupt') throw new LedgerFileError(e.message, e.en);
    }
    try {
      await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
    } catch (e) {
      throw new LedgerFileError(`“${name}”不是完好的 Excel（.xlsx）文件，打不开（${e instanceof Error ? e.message : String(e)}）；请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试`, 'damaged .xlsx');
    }
    const sheets = workbook.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined).map(sheetOf);
    return { kind, sheets };
  }
  const { text, encoding } = decodeCsvText(bytes);
  const ws = await workbook.csv.read(Readable.from([text]), { sheetName: 'CSV', map: (datum: string) => (datum === '' ? null : datum) } as never);
  return { kind, encoding, sheets: [sheetOf(ws)] };
}

/** The sheet that holds the ledger: the one whose header row names the most ledger columns. */
export function pickLedgerSheet(sheets: RawSheet[]): RawSheet {
  let best: RawSheet | undefined;
  let bestScore = -1;
  for (const sheet of sheets) {
    const header = findHeaderRow(sheet);
    const score = header === undefined ? 0 : Object.keys(proposeColumns(sheet.rows[header - 1] ?? [])).length;
    if (score > bestScore) {
      best = sheet;
      bestScore = score;
    }
  }
  if (!best || bestScore < 2) {
    throw new LedgerFileError('在文件中找不到台账的表头（如“收到日期”“申请人类型”“办理结果”“答复日期”），请确认这是政府信息公开申请登记表', 'no ledger header row found');
  }
  return best;
}

/** Read a ledger file and pick its ledger sheet. */
export async function readLedgerFile(path: string, name = path): Promise<RawSheet & { kind: LedgerFileKind; encoding?: string }> {
  const result = await parseLedgerBytes(await readLedgerBytes(path, name), name);
  const sheet = pickLedgerSheet(result.sheets);
  return { ...sheet, kind: result.kind, ...(result.encoding ? { encoding: result.encoding } : {}) };
}
