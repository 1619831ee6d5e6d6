// The paste planner: what a paste writes, decided before anything is written.
import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../../shared/formats/index';
import type { FormatId, TableId } from '../../../../shared/formats/types';
import { gridLayout } from '../../../../renderer/src/grid/grid-layout';
import { planPaste, splitPastedLine, type PasteContext } from '../../../../renderer/src/grid/paste-planner';

function ctx(format: FormatId, table: TableId, start: string): PasteContext {
  const model = formatModel(format);
  return { format, table, model, layout: gridLayout(model.grids[table]), start };
}

/** A value for every cell: distinct small numbers, totals the sums (as a correct printed table). */
function sampleValue(key: string): string {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) % 97;
  return String(h % 9);
}

/** Table 3 as copied from a web page: the printed grid's body rows, merged label cells only in the row
 *  where they start (8–10 cells a row), tab-separated; `cellsPerLine` puts each cell on its own line. */
function webCopy(format: FormatId, opts: { cellsPerLine?: boolean; rename?: Record<string, string>; drop?: string } = {}): string {
  const grid = formatModel(format).grids.t3;
  const lines: string[] = [];
  for (const row of [...grid.headerRows, ...grid.bodyRows]) {
    if (opts.drop && row.some((c) => c.text === opts.drop)) continue;
    const cells = row.map((c) => (c.key ? sampleValue(c.key) : (opts.rename?.[c.text ?? ''] ?? c.text ?? '')));
    if (opts.cellsPerLine) lines.push(...cells);
    else lines.push(cells.join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

const ok = (outcome: ReturnType<typeof planPaste>) => {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.plan;
};

describe('splitting pasted lines', () => {
  it('separates cells by tabs and runs of ASCII or full-width spaces; a thousands separator stays inside', () => {
    expect(splitPastedLine('80 1 0 0 0 0 81').map((c) => c.text)).toEqual(['80', '1', '0', '0', '0', '0', '81']);
    expect(splitPastedLine('80\u3000\u30001\t0  0').map((c) => c.text)).toEqual(['80', '1', '0', '0']);
    expect(splitPastedLine('1,234 1，234\t5').map((c) => c.text)).toEqual(['1,234', '1，234', '5']);
    expect(splitPastedLine('1. 属于国家秘密 0 1').map((c) => [c.text, c.label])).toEqual([
      ['1.属于国家秘密', true],
      ['0', false],
      ['1', false],
    ]);
    expect(splitPastedLine('（三）不予公开\t\t2')).toEqual([
      { text: '（三）不予公开', label: true },
      { text: '', label: false },
      { text: '2', label: false },
    ]);
  });
});

describe('a paste by position (no row labels)', () => {
  it('puts a space-separated row into seven cells, not 801000081 into one', () => {
    const plan = ok(planPaste('80 1 0 0 0 0 81', ctx('2021', 't3', 't3.received.natural')));
    expect(plan.entries).toEqual({
      't3.received.natural': { value: 80 },
      't3.received.commercial': { value: 1 },
      't3.received.research': { value: 0 },
      't3.received.publicInterest': { value: 0 },
      't3.received.legalServices': { value: 0 },
      't3.received.otherOrg': { value: 0 },
      't3.received.total': { value: 81 },
    });
    expect(plan.mapping).toBeNull();
  });

  it('puts three such lines into three rows', () => {
    const plan = ok(planPaste('2 2 0 0 0 0 22\n1 0 0 0 0 0 1\n3 0 0 0 0 0 3\n', ctx('2021', 't3', 't3.received.natural')));
    expect(plan.entries['t3.carriedIn.natural']).toEqual({ value: 1 });
    expect(plan.entries['t3.granted.total']).toEqual({ value: 3 });
    expect(Object.keys(plan.entries)).toHaveLength(21);
  });

  it('keeps a refused value as pasted, marked, instead of refusing or changing it', () => {
    const plan = ok(planPaste('1o\t-3\t1,234', ctx('2021', 't3', 't3.received.natural')));
    expect(plan.entries).toEqual({
      't3.received.natural': { invalid: '1o' },
      't3.received.commercial': { invalid: '-3' },
      't3.received.research': { value: 1234 },
    });
  });

  it('says what to do when the block does not fit', () => {
    const out = planPaste('1 2 3 4 5 6 7 8', ctx('2021', 't3', 't3.received.natural'));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.message).toContain('连同行名一起复制');
  });
});

describe('a paste by row labels', () => {
  const model = formatModel('2021');
  const t3Keys = model.keysByTable.t3;

  it('places a web-table copy of table 3 (merged label cells, 8–10 cells a row) row by row, wherever the cursor is', () => {
    const plan = ok(planPaste(webCopy('2021'), ctx('2021', 't3', 't3.carriedOver.total')));
    expect(plan.mapping).toBeNull();
    expect(plan.rowsByLabel).toBe(25);
    for (const key of t3Keys) expect(plan.entries[key], key).toEqual({ value: Number(sampleValue(key)) });
  });

  it('reads a copy with a line break between the cells of a row the same way', () => {
    const plan = ok(planPaste(webCopy('2021', { cellsPerLine: true }), ctx('2021', 't3', 't3.received.natural')));
    expect(plan.mapping).toBeNull();
    for (const key of t3Keys) expect(plan.entries[key], key).toEqual({ value: Number(sampleValue(key)) });
  });

  it('matches a misspelt label (其他法律行政止公开) and says so', () => {
    const plan = ok(planPaste(webCopy('2021', { rename: { '2.其他法律行政法规禁止公开': '2.其他法律行政止公开' } }), ctx('2021', 't3', 't3.received.natural')));
    expect(plan.mapping).toBeNull();
    expect(plan.entries['t3.withheld.prohibitedByLaw.natural']).toEqual({ value: Number(sampleValue('t3.withheld.prohibitedByLaw.natural')) });
    expect(plan.respelt.join()).toContain('其他法律行政止公开');
  });

  it('maps the one-row （六）其他处理 of a 2019 copy into the three 2021 rows, asking first; rows after it stay in place', () => {
    const plan = ok(planPaste(webCopy('2019'), ctx('2021', 't3', 't3.received.natural')));
    expect(plan.mapping).not.toBeNull();
    expect(plan.mapping!.join('\n')).toContain('（六）其他处理 → 3.其他；1. 和 2. 填 0');
    expect(plan.entries['t3.other.misc.natural']).toEqual({ value: Number(sampleValue('t3.other.natural')) });
    expect(plan.entries['t3.other.noCorrection.natural']).toEqual({ value: 0 });
    expect(plan.entries['t3.other.unpaidFee.total']).toEqual({ value: 0 });
    // （七）总计 and 四、结转 are not shifted by one row.
    expect(plan.entries['t3.resultsTotal.natural']).toEqual({ value: Number(sampleValue('t3.resultsTotal.natural')) });
    expect(plan.entries['t3.carriedOver.natural']).toEqual({ value: Number(sampleValue('t3.carriedOver.natural')) });
  });

  it('names a row missing from the block and asks first', () => {
    const plan = ok(planPaste(webCopy('2021', { drop: '5.属于三类内部事务信息' }), ctx('2021', 't3', 't3.received.natural')));
    expect(plan.mapping!.join()).toContain('没有：“5.属于三类内部事务信息”');
    expect(plan.entries['t3.withheld.internalAffairs.natural']).toBeUndefined();
    expect(plan.entries['t3.withheld.processInformation.natural']).toEqual({ value: Number(sampleValue('t3.withheld.processInformation.natural')) });
  });

  it('places Excel rows with their label column in table 2', () => {
    const plan = ok(planPaste('行政许可\t10,690\n行政处罚\t3\n', ctx('2021', 't2', 't2.regulations.issued')));
    expect(plan.entries).toEqual({ 't2.licensing.decisions': { value: 10690 }, 't2.penalties.decisions': { value: 3 } });
  });
});
