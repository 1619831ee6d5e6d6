// 插入表格数字: the generated sentences state the tables' figures in the usual style, and text.numbers
// reads them as agreeing with the tables — and flags them once a table changes.
import { describe, expect, it } from 'vitest';
import { extractMentions, runChecks } from '../../../shared/checks/index';
import { computeTotals } from '../../../shared/checks/totals';
import { formatModel } from '../../../shared/formats/index';
import type { TableId } from '../../../shared/formats/index';
import type { ReportDocument } from '../../../shared/model/report';
import { tableSentence } from '../../../shared/narrative/table-sentences';
import { cleanReport, withCells, withParts } from '../checks/helpers';

const sentence = (doc: ReportDocument, table: TableId): string => {
  const r = tableSentence(doc, table);
  if (!r.ok) throw new Error(r.message);
  return r.text;
};
const textFindings = (doc: ReportDocument, overview: string) =>
  runChecks({ report: { ...doc, sections: { ...doc.sections, overview } } }).filter((f) => f.rule === 'text.numbers');
const kindsRead = (doc: ReportDocument, text: string) => extractMentions(text, { year: doc.year, agencyName: doc.agency.name }).map((m) => m.kind);

describe('插入表格数字: sentences from the tables', () => {
  it('table 3 of pingtan-2022 in the usual style', () => {
    expect(sentence(cleanReport('2021'), 't3')).toBe(
      '本年度共收到政府信息公开申请74件，其中自然人71件、法人或其他组织3件；上年结转政府信息公开申请1件；' +
        '办结政府信息公开申请75件，其中予以公开21件、部分公开9件、不予公开4件、无法提供37件、其他处理4件。',
    );
  });

  it('table 4 and table 2, both formats', () => {
    expect(sentence(cleanReport('2021'), 't4')).toBe('本年度发生政府信息公开行政复议2件，其中结果纠正1件、其他结果1件；行政诉讼1件，其中结果维持1件。');
    expect(sentence(cleanReport('2021'), 't2')).toBe(
      '本年度制发行政规范性文件88件，废止55件，现行有效698件；作出行政许可决定10690件、行政处罚决定2113件、行政强制决定0件；收取行政事业性收费9116.36万元。',
    );
    expect(sentence(cleanReport('2019'), 't2')).toBe(
      '本年度新制作规范性文件12件，新公开10件，对外公开总数211件；作出行政许可决定402件、行政处罚决定61件、行政强制决定4件；政府集中采购项目6个，采购总金额125.5元。',
    );
    const none = withParts(cleanReport('2021'), Object.fromEntries(formatModel('2021').keysByTable.t4.map((k) => [k, 0])));
    expect(sentence(none, 't4')).toBe('本年度未发生政府信息公开行政复议、行政诉讼案件。');
  });

  it('refuses while a needed cell is blank, saying what to do', () => {
    // A blank part under a computed total (the total reads 0) is refused too.
    expect(tableSentence(withParts(cleanReport('2021'), { 't3.withheld.stateSecret.natural': null }), 't3')).toEqual({
      ok: false,
      message: '表三还有空白或无效的单元格，填好后才能插入表三的数字（没有的填 0）。',
    });
  });

  it.each(['2019', '2021'] as const)('%s: what is inserted is read by text.numbers as true, and flagged when the table changes', (format) => {
    const doc = cleanReport(format);
    for (const table of ['t2', 't3', 't4'] as const) {
      const text = sentence(doc, table);
      expect(textFindings(doc, text), text).toEqual([]);
    }
    const t3 = sentence(doc, 't3');
    expect(kindsRead(doc, t3)).toEqual(expect.arrayContaining(['received', 'carriedIn', 'resultsTotal', 'granted', 'partlyGranted', 'withheld', 'unavailable', 'otherResult']));
    expect(kindsRead(doc, sentence(doc, 't4'))).toEqual(expect.arrayContaining(['review', 'suits']));
    expect(kindsRead(doc, sentence(doc, 't2'))).toEqual(
      expect.arrayContaining(format === '2021' ? ['normativeDocs', 'normativeDocsRepealed', 'normativeDocsInForce', 'licensing', 'penalties', 'enforcement', 'fees'] : ['normativeDocs', 'licensing', 'penalties', 'enforcement']),
    );
    // Plain text once inserted: change the table and the sentence is a contradiction like any other.
    const changed = withParts(doc, { 't3.granted.natural': 30 });
    expect(textFindings(changed, t3).map((f) => f.target)).toEqual(['resultsTotal', 'granted']);
  });

  it('random consistent tables: the generated sentences are never flagged (200 reports per format)', () => {
    let seed = 7;
    const random = (max: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % (max + 1);
    };
    for (const format of ['2019', '2021'] as const) {
      const model = formatModel(format);
      for (let i = 0; i < 200; i++) {
        const doc = cleanReport(format);
        const cells: Record<string, number> = {};
        for (const key of [...model.keysByTable.t3, ...model.keysByTable.t4]) {
          if (model.cellByKey.get(key)!.computed) continue;
          // Mostly zeros and small counts, as in real reports.
          cells[key] = random(3) === 0 ? random(12) : 0;
        }
        for (const key of model.keysByTable.t2) if (model.cellByKey.get(key)!.kind === 'count') cells[key] = random(50);
        if (format === '2021') cells['t2.fees.amount'] = random(999999) / 100;
        doc.cells = { ...doc.cells, ...cells };
        doc.cells = computeTotals(doc);
        for (const table of ['t2', 't3', 't4'] as const) {
          const text = sentence(doc, table);
          expect(textFindings(doc, text), `${format} ${text}`).toEqual([]);
        }
      }
    }
  });
});
