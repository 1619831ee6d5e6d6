// ledger:* — the application ledger in the app: the template (through a save dialog in main), reading a
// ledger the user picks, the mapping proposal (with the agency's remembered choices), table 3 under an
// edited mapping, drill-down rows, and remembering the mapping. The ledger's rows stay in main, by id;
// the renderer never sends a path.
import { randomUUID } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { formatModel, TABLE_NAMES } from '../../../shared/formats/index';
import type { FormatId } from '../../../shared/formats/types';
import { groupOf, ledgerCategories } from '../../../shared/ledger/categories';
import { analyseLedger, rememberMapping, valueCounts, type LedgerMapping } from '../../../shared/ledger/mapping';
import type { RawSheet } from '../../../shared/ledger/types';
import { buildLedgerTemplate } from '../ledger/ledger-template';
import { countSheet, explainCell } from '../ledger/ledger-table';
import { LedgerFileError, pickLedgerSheet } from '../ledger/read-ledger';
import { writeFileAtomic } from '../storage/atomic-write';
import { writeError } from '../storage/errors';
import { UserError } from '../user-error';
import { cancelled, folderFor, readUserFile, type CoreContext, type HandlersOf } from './context';

/** Ledgers kept in memory for the mapping screen (the latest few). */
const LEDGERS_KEPT = 3;

interface OpenLedger {
  sheet: RawSheet;
  headers: string[];
}

export function createLedgerHandlers(ctx: CoreContext): HandlersOf<'ledger'> {
  const { options, preferences } = ctx;
  const ledgers = new Map<string, OpenLedger>();

  const ledgerOf = (ledgerId: string): OpenLedger => {
    const ledger = ledgers.get(ledgerId);
    if (!ledger) throw new UserError('not-found', '台账已不在内存中，请重新选择台账文件。');
    return ledger;
  };

  /** Result targets must name rows or groups of the format: a renderer may not invent keys. */
  const checkMapping = (mapping: LedgerMapping, format: FormatId): void => {
    const cats = ledgerCategories(format);
    const known = new Set([...cats.resultKeys, ...cats.groups.map((g) => g.key), 'other', 'other.noCorrection', 'other.unpaidFee', 'other.misc']);
    for (const targets of [...Object.values(mapping.resultValues), ...Object.values(mapping.reasonValues)]) {
      for (const t of targets) if (!known.has(t) || !cats.groups.some((g) => g.key === groupOf(t))) throw new UserError('invalid-payload', `“${t}”不是${TABLE_NAMES.t3}的结果类别。`);
    }
  };

  return {
    'ledger:template': async ({ year, format }) => {
      const save = options.dialogs.saveLedgerTemplate;
      if (!save) throw new UserError('internal', '保存台账模板的功能不可用。');
      const path = await save(join(folderFor(ctx, 'ledger'), `${year}年政府信息公开申请台账.xlsx`));
      if (!path) throw cancelled();
      const bytes = await buildLedgerTemplate({ year, format });
      try {
        await writeFileAtomic(ctx.fs, path, bytes);
      } catch (e) {
        throw writeError(e, path);
      }
      preferences.setLastFolder('ledger', dirname(resolve(path)));
      return { fileName: basename(path), location: dirname(resolve(path)) };
    },
    'ledger:open': async ({ year, format, agencyName }) => {
      void year;
      const open = options.dialogs.openLedger;
      if (!open) throw new UserError('internal', '导入台账的功能不可用。');
      const path = await open(folderFor(ctx, 'ledger'));
      if (!path) throw cancelled();
      const bytes = await readUserFile(path, 'ledger');
      preferences.setLastFolder('ledger', dirname(resolve(path)));
      // Parsed in the parse worker (exceljs over a file from outside).
      const { sheets } = await ctx.jobs.run('readLedger', [bytes, basename(path)], { what: `“${basename(path)}”` });
      let sheet: RawSheet;
      try {
        sheet = pickLedgerSheet(sheets);
      } catch (e) {
        if (e instanceof LedgerFileError) throw new UserError('bad-file', `${e.zh.replace(/。$/, '')}。`);
        throw e;
      }
      const remembered = agencyName.trim() ? (preferences.getLedgerMapping(agencyName.trim()) ?? undefined) : undefined;
      const analysis = analyseLedger(sheet, format, remembered);
      const ledgerId = randomUUID();
      ledgers.set(ledgerId, { sheet, headers: analysis.headers });
      while (ledgers.size > LEDGERS_KEPT) ledgers.delete(ledgers.keys().next().value!);
      return { ...analysis, ledgerId, fileName: basename(path) };
    },
    'ledger:count': async ({ ledgerId, mapping, year, format }) => {
      const { sheet } = ledgerOf(ledgerId);
      checkMapping(mapping, format);
      const { table } = countSheet(sheet, mapping, { year, format, today: todayOf(ctx.now()) });
      return {
        cells: table.cells,
        excluded: table.excluded,
        rows: table.rows,
        counted: table.counted,
        otherYears: table.otherYears,
        values: valueCounts(sheet, mapping),
      };
    },
    'ledger:rows': async ({ ledgerId, mapping, year, format, key }) => {
      const { sheet } = ledgerOf(ledgerId);
      checkMapping(mapping, format);
      if (!formatModel(format).keysByTable.t3.includes(key)) throw new UserError('invalid-payload', `“${key}”不是${TABLE_NAMES.t3}的单元格。`);
      const count = countSheet(sheet, mapping, { year, format, today: todayOf(ctx.now()) });
      return explainCell(count, key, format);
    },
    'ledger:remember': async ({ ledgerId, mapping, agencyName }) => {
      const { headers } = ledgerOf(ledgerId);
      const name = agencyName.trim();
      if (name) preferences.setLedgerMapping(name, rememberMapping(headers, mapping, preferences.getLedgerMapping(name) ?? undefined));
      return {};
    },
  };
}

function todayOf(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
