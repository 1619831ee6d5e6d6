// Zip bombs in a .docx given to the importer and in an .xlsx given as a ledger: refused with a Chinese
// message naming the limit, before the XML parser or exceljs inflates anything without a limit.
import { describe, expect, it } from 'vitest';
import { importReportBytes } from '../../electron/node/import/index';
import { LedgerFileError, parseLedgerBytes } from '../../electron/node/ledger/read-ledger';
import { officeZipBomb } from './hostile-files';

describe('zip bombs in office files', () => {
  it('a .docx whose document.xml inflates 1000:1 is refused by the importer', async () => {
    const result = await importReportBytes(officeZipBomb('docx', 20), 'bomb.docx');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/压缩比异常|解压后超过/);
  });

  it('an .xlsx ledger whose sheet inflates 1000:1 is refused before exceljs reads it', async () => {
    const error = await parseLedgerBytes(officeZipBomb('xlsx', 20), 'bomb.xlsx').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LedgerFileError);
    expect((error as Error).message).toMatch(/压缩比异常|解压后超过/);
  });
});
