// @vitest-environment jsdom
// LedgerTools, table 3 from the application ledger: the template, the mapping screen (columns and values,
// what is missing or unmapped), the comparison with the current table 3, the ledger rows behind a cell,
// and applying the table (one undo step, the ledger recorded) or keeping the current one. The fake bridge
// answers as main does, with the same ledger modules over the hand-checked ledger of tests/shared/ledger.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReport } from '../../../../shared/model/document';
import { analyseLedger, valueCounts } from '../../../../shared/ledger/mapping';
import type { RawSheet } from '../../../../shared/ledger/types';
import type { LedgerCountResult } from '../../../../shared/ipc/contract';
import { countSheet, explainCell } from '../../../../electron/node/ledger/ledger-table';
import { LedgerTools } from '../../../../renderer/src/components/ledger-panel';
import { currentDoc, loadDoc, undo } from '../../../../renderer/src/store/document-store';
import { useSession } from '../../../../renderer/src/store/session-store';
import { installFakeBridge, type FakeBridge } from '../../fake-bridge';
import { EXPECTED_2021, HEADINGS, LABEL_ROWS, TODAY } from '../../../shared/ledger/fixture';

/** The fixture's thirteen applications of 2025 and one with an applicant type no category fits. */
const SHEET: RawSheet = {
  name: '台账',
  rows: [HEADINGS, ...LABEL_ROWS, ['14', '2025-09-01', '某人', '外星访客', '其他', '2025-09-10', '予以公开', '', '']],
};

let bridge: FakeBridge;
/** What the fake main answered to the last ledger:count. */
let lastCount: LedgerCountResult;

beforeEach(() => {
  bridge = installFakeBridge({
    'ledger:open': ({ format }) => ({ ...analyseLedger(SHEET, format), ledgerId: 'L1', fileName: '2025年申请台账.xlsx' }),
    'ledger:count': ({ mapping, year, format }) => {
      const { table } = countSheet(SHEET, mapping, { year, format, today: TODAY });
      lastCount = { cells: table.cells, excluded: table.excluded, rows: table.rows, counted: table.counted, otherYears: table.otherYears, values: valueCounts(SHEET, mapping) };
      return lastCount;
    },
    'ledger:rows': ({ mapping, year, format, key }) => explainCell(countSheet(SHEET, mapping, { year, format, today: TODAY }), key, format),
    'ledger:remember': () => ({}),
  });
  loadDoc(createReport({ year: 2025, agencyName: '测试镇人民政府' }));
});

afterEach(() => {
  cleanup();
  bridge.uninstall();
  loadDoc(null);
  useSession.setState({ notice: null, error: null });
});

const columnSelect = (label: string) => screen.getByRole('combobox', { name: `“${label}”在台账的哪一列` }) as HTMLSelectElement;

async function openMapping(): Promise<HTMLElement> {
  render(<LedgerTools />);
  fireEvent.click(screen.getByRole('button', { name: '从台账生成表三' }));
  return screen.findByRole('region', { name: '台账的列与值' });
}

async function count(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: '统计表三' }));
  return screen.findByRole('region', { name: '台账统计的表三' });
}

describe('LedgerTools', () => {
  it('saves the template for the report’s year and format and says where', async () => {
    bridge.handle({ 'ledger:template': () => ({ fileName: '2025年政府信息公开申请台账.xlsx', location: '/home/user/文档' }) });
    render(<LedgerTools />);
    fireEvent.click(screen.getByRole('button', { name: '下载台账模板' }));
    await expect.poll(() => useSession.getState().notice).toBe('已保存台账模板“2025年政府信息公开申请台账.xlsx”（/home/user/文档）。');
    expect(bridge.callsTo('ledger:template')).toEqual([{ year: 2025, format: '2021' }]);
  });

  it('shows nothing more when the ledger dialog is cancelled', async () => {
    bridge.handle({ 'ledger:open': () => ({ ok: false, error: { code: 'cancelled', message: '已取消' } }) });
    render(<LedgerTools />);
    fireEvent.click(screen.getByRole('button', { name: '从台账生成表三' }));
    await expect.poll(() => bridge.callsTo('ledger:open')).toEqual([{ year: 2025, format: '2021', agencyName: '测试镇人民政府' }]);
    expect(screen.queryByRole('region')).toBeNull();
    expect(useSession.getState().error).toBeNull();
  });

  it('shows the proposed columns and values, marking the value no category fits', async () => {
    const panel = await openMapping();
    expect(panel.textContent).toContain('台账“2025年申请台账.xlsx”：核对各列和各值的对应关系');
    expect(panel.textContent).toContain('工作表“台账”，表头在第 1 行，数据 14 行');
    expect(columnSelect('收到日期').value).toBe(String(HEADINGS.indexOf('收到日期')));
    expect(columnSelect('办理结果').selectedOptions[0]!.textContent).toBe('G列 办理结果');
    const alien = screen.getByRole('combobox', { name: '申请人类型“外星访客”对应' }) as HTMLSelectElement;
    expect(alien.value).toBe('');
    expect(alien.closest('tr')!.className).toBe('unmapped');
    expect((screen.getByRole('combobox', { name: '申请人类型“自然人”对应' }) as HTMLSelectElement).value).toBe('natural');
    expect(panel.textContent).toContain('有 1 个值还没有对应的类别');
    // Mapping it by hand clears the warning.
    fireEvent.change(alien, { target: { value: 'otherOrg' } });
    expect(panel.textContent).not.toContain('还没有对应的类别');
  });

  it('asks for a required column that is set to none, recounting the values, and cannot count without it', async () => {
    const panel = await openMapping();
    fireEvent.change(columnSelect('申请人类型'), { target: { value: '' } });
    await expect.poll(() => panel.textContent).toContain('请指定这些列：申请人类型。');
    const sent = bridge.callsTo('ledger:count').at(-1)!;
    expect(sent.mapping.columns.applicantType).toBeUndefined();
    expect(sent).toMatchObject({ ledgerId: 'L1', year: 2025, format: '2021' });
    // The applicant table is empty once the values are recounted: the ledger has no such column.
    await expect.poll(() => within(panel).getByRole('table', { name: '申请人类型' }).textContent).toContain('（这一列没有值）');
    expect(screen.getByRole('button', { name: '统计表三' })).toHaveProperty('disabled', true);
  });

  it('compares the ledger’s table 3 with the current one and lists the rows it cannot count', async () => {
    const doc = currentDoc()!;
    loadDoc({ ...doc, cells: { ...doc.cells, 't3.received.natural': 4 } });
    await openMapping();
    const compare = await count();
    expect(compare.textContent).toContain('台账“2025年申请台账.xlsx”共 14 行');
    expect(compare.textContent).toContain(`计入 ${lastCount.counted} 行，属于其他年度 ${lastCount.otherYears} 行，不能计入 1 行`);
    const excluded = within(compare).getByRole('region', { name: '不能计入的行' });
    expect(excluded.textContent).toContain('第 15 行（序号 14）');
    // Every cell of table 3 changes from blank, except 自然人 received, which already is 4.
    const natural = compare.querySelector<HTMLButtonElement>('button[data-key="t3.received.natural"]')!;
    expect(natural.textContent).toBe(String(EXPECTED_2021['received.natural']));
    expect(natural.closest('td')!.className).not.toContain('changed');
    expect(compare.querySelector('button[data-key="t3.received.total"]')!.closest('td')!.className).toContain('changed');
    expect(screen.getByRole('button', { name: '全部采用（不计入的 1 行除外）' })).toBeTruthy();
  });

  it('opens the ledger rows a cell counts', async () => {
    await openMapping();
    const compare = await count();
    fireEvent.click(compare.querySelector<HTMLButtonElement>('button[data-key="t3.partlyGranted.natural"]')!);
    const drill = await within(compare).findByRole('region', { name: '计入的台账行' });
    expect(bridge.callsTo('ledger:rows').at(-1)!.key).toBe('t3.partlyGranted.natural');
    expect(drill.querySelector('h3')!.textContent).toMatch(/计入的台账行（1 行）$/);
    expect(within(drill).getByText('王五')).toBeTruthy();
    expect(within(drill).getByText('征收公告')).toBeTruthy();
  });

  it('applies the table as one undo step, records the ledger and remembers the mapping', async () => {
    const before = currentDoc();
    await openMapping();
    await count();
    fireEvent.click(screen.getByRole('button', { name: '全部采用（不计入的 1 行除外）' }));
    await expect.poll(() => useSession.getState().notice).toBe(`已按台账填入表三（台账 14 行，计入 ${lastCount.counted} 行，未计入 1 行）。可按 Ctrl+Z 撤销。`);
    const doc = currentDoc()!;
    expect(doc.cells['t3.received.total']).toBe(EXPECTED_2021['received.total']);
    expect(doc.cells['t3.carriedOver.total']).toBe(EXPECTED_2021['carriedOver.total']);
    expect(doc.cells['t3.granted.commercial']).toBe(0);
    expect(doc.ledgerSource).toMatchObject({ fileName: '2025年申请台账.xlsx', sheet: '台账', rows: 14, counted: lastCount.counted, excluded: 1 });
    expect(bridge.callsTo('ledger:remember')).toEqual([{ ledgerId: 'L1', mapping: bridge.callsTo('ledger:count').at(-1)!.mapping, agencyName: '测试镇人民政府' }]);
    expect(screen.queryByRole('region')).toBeNull();
    undo();
    expect(currentDoc()).toBe(before);
  });

  it('keeps the current table, or goes back to the mapping, without changing the report', async () => {
    const before = currentDoc();
    await openMapping();
    await count();
    fireEvent.click(screen.getByRole('button', { name: '返回修改对应关系' }));
    expect(screen.getByRole('region', { name: '台账的列与值' })).toBeTruthy();
    await count();
    fireEvent.click(screen.getByRole('button', { name: '保留现有表格' }));
    expect(screen.queryByRole('region')).toBeNull();
    expect(currentDoc()).toBe(before);
    expect(bridge.callsTo('ledger:remember')).toEqual([]);
  });
});
