// ledger:* through the app core: template via the save dialog, open → mapping proposal (remembered per
// agency), count under an edited mapping, drill-down rows, bad payloads refused in main.
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LedgerCountResult, LedgerRowView, OpenedLedger } from '../../../../shared/ipc/contract';
import { EXPECTED_2021, expectTable, fixtureCsv } from '../../../shared/ledger/fixture';
import { makeCore } from '../storage/helpers';

const root = mkdtempSync(join(tmpdir(), 'nianbao-ledger-core-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('createLedgerHandlers: the ledger channels', () => {
  const t = makeCore(root, { now: () => new Date('2026-02-01T08:00:00Z') });
  const csv = join(root, '台账.csv');
  writeFileSync(csv, fixtureCsv().replace('自然人,两年前的申请', '公民,两年前的申请'));

  it('writes the template where the save dialog says', async () => {
    const path = join(root, '模板.xlsx');
    t.dialogs.answers.saveLedgerTemplate.push(path);
    const r = await t.ok<{ fileName: string }>('ledger:template', { year: 2025, format: '2021' });
    expect(r.fileName).toBe('模板.xlsx');
    expect(existsSync(path)).toBe(true);
    expect(t.dialogs.calls.at(-1)?.arg).toMatch(/2025年政府信息公开申请台账\.xlsx$/);
    expect((await t.call('ledger:template', { year: 2025, format: '2021' })).ok).toBe(false); // cancelled
  });

  it('opens, proposes, counts, drills down; remembers the mapping for the agency', async () => {
    t.dialogs.answers.openLedger.push(csv);
    const opened = await t.ok<OpenedLedger>('ledger:open', { year: 2025, format: '2021', agencyName: '黄金镇人民政府' });
    expect(opened.fileName).toBe('台账.csv');
    expect(opened.applicantValues.find((v) => v.value === '公民')).toEqual({ value: '公民', count: 1, mapped: 'natural' });
    const counted = await t.ok<LedgerCountResult>('ledger:count', { ledgerId: opened.ledgerId, mapping: opened.mapping, year: 2025, format: '2021' });
    expect(counted.excluded).toEqual([]);
    expectTable(counted.cells, '2021', EXPECTED_2021);
    const rows = await t.ok<LedgerRowView[]>('ledger:rows', { ledgerId: opened.ledgerId, mapping: opened.mapping, year: 2025, format: '2021', key: 't3.carriedIn.total' });
    expect(rows.map((r) => [r.row, r.applicantType])).toEqual([[5, '法律服务机构'], [11, '自然人']]);

    // The user says 公民 means 其他组织 (to see it remembered): next time it is proposed so.
    const edited = { ...opened.mapping, applicantValues: { ...opened.mapping.applicantValues, 公民: 'otherOrg' } };
    await t.ok('ledger:remember', { ledgerId: opened.ledgerId, mapping: edited, agencyName: '黄金镇人民政府' });
    t.dialogs.answers.openLedger.push(csv);
    const again = await t.ok<OpenedLedger>('ledger:open', { year: 2025, format: '2021', agencyName: '黄金镇人民政府' });
    expect(again.mapping.applicantValues['公民']).toBe('otherOrg');
    t.dialogs.answers.openLedger.push(csv);
    const other = await t.ok<OpenedLedger>('ledger:open', { year: 2025, format: '2021', agencyName: '别的镇人民政府' });
    expect(other.mapping.applicantValues['公民']).toBe('natural');
  });

  it('refuses invented categories, unknown ledgers and non-ledger files with a message', async () => {
    t.dialogs.answers.openLedger.push(csv);
    const opened = await t.ok<OpenedLedger>('ledger:open', { year: 2025, format: '2021', agencyName: '' });
    const bad = await t.call('ledger:count', { ledgerId: opened.ledgerId, mapping: { ...opened.mapping, resultValues: { x: ['stolen.keys'] } }, year: 2025, format: '2021' });
    expect(bad.ok || bad.error.code).toBe('invalid-payload');
    const gone = await t.call('ledger:count', { ledgerId: 'no-such-ledger', mapping: opened.mapping, year: 2025, format: '2021' });
    expect(gone.ok || gone.error.message).toMatch(/重新选择台账/);
    const notLedger = join(root, 'x.csv');
    writeFileSync(notLedger, 'a,b\n1,2\n');
    t.dialogs.answers.openLedger.push(notLedger);
    const r = await t.call('ledger:open', { year: 2025, format: '2021', agencyName: '' });
    expect(r.ok || r.error).toMatchObject({ code: 'bad-file', message: expect.stringContaining('找不到台账的表头') });
  });
});
