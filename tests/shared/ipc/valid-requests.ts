// One valid request per invoke channel, and what a refusal must look like: shared by validatePayload's test
// and the dispatch fuzzing (which needs valid examples so that its mutations mean something).
import { expect } from 'vitest';
import type { InvokeChannel, Result } from '../../../shared/ipc/contract';
import { pingtanReport } from '../../fixtures/pingtan';

export const CHINESE = /[\u4e00-\u9fff]/;

export const doc = pingtanReport();
const LEDGER_MAPPING = {
  headerRow: 1,
  columns: { serial: 0, received: 1, applicantType: 2, answered: 3, result: 4 },
  applicantValues: { 公民: 'natural' },
  resultValues: { 同意公开: ['granted'], '同意公开；不予公开': ['granted', 'withheld'] },
  reasonValues: {},
};
export const ID = '0b7c5a7e-1111-4222-8333-944455556666';

/** One valid payload per channel: the validator must accept these (so the fuzzing below means something). */
export const VALID: Record<InvokeChannel, Record<string, unknown>> = {
  'app:info': {},
  'app:ready': {},
  'prefs:get': {},
  'prefs:setAgency': { agency: { name: '某镇人民政府', level: '乡镇', region: '某县', contact: '张三' } },
  'doc:new': { year: 2025, agencyName: '某镇人民政府', level: '乡镇', region: '某县', format: '2021' },
  'doc:open': {},
  'doc:openRecent': { recentId: 'abc123' },
  'doc:save': { docId: ID, doc, overwriteChanged: true },
  'doc:saveAs': { docId: ID, doc },
  'doc:autosave': { docId: ID, doc },
  'doc:setDirty': { docId: ID, dirty: true },
  'doc:close': { docId: ID },
  'doc:openPrevious': {},
  'recovery:list': {},
  'recovery:restore': { recoveryId: ID },
  'recovery:discard': { recoveryId: ID },
  'backups:list': { docId: ID },
  'backups:restore': { docId: ID, backupId: '00000001-20260101T000000000Z' },
  'import:text': { text: '2025年某镇人民政府政府信息公开工作年度报告' },
  'import:textFile': {},
  'import:pdf': {},
  'import:file': {},
  'import:startFromPrevious': {},
  'import:complete': { importId: 'import-1', year: 2023, agencyName: '某县人民政府' },
  'import:discard': { importId: 'import-1' },
  'import:dropped': { name: '年报.txt', bytes: new TextEncoder().encode('2025年某镇人民政府政府信息公开工作年度报告') },
  'export:pdf': { docId: ID, doc, mode: 'draft', previous: doc },
  'export:publish': { docId: ID, doc, kind: 'html', mode: 'draft', previous: doc },
  'export:preview': { doc, mode: 'final' },
  'export:print': { doc, mode: 'draft' },
  'shell:showExport': { exportId: ID },
  'ledger:template': { year: 2025, format: '2021' },
  'ledger:open': { year: 2025, format: '2021', agencyName: '某镇人民政府' },
  'ledger:count': { ledgerId: ID, mapping: LEDGER_MAPPING, year: 2025, format: '2021' },
  'ledger:rows': { ledgerId: ID, mapping: LEDGER_MAPPING, year: 2025, format: '2021', key: 't3.granted.natural' },
  'ledger:remember': { ledgerId: ID, mapping: LEDGER_MAPPING, agencyName: '某镇人民政府' },
  'merge:add': { mergeId: ID, kind: 'folder' },
  'merge:roster': { mergeId: ID },
  'merge:decide': { mergeId: ID, group: { year: 2025, format: '2021' }, include: [{ unitId: 'u1', choice: 'printed' }], matches: [{ unitId: 'u2', rosterName: '某镇人民政府' }] },
  'merge:unit': { mergeId: ID, unitId: 'u1' },
  'merge:summary': { mergeId: ID, agencyName: '某县人民政府办公室', level: '县级', region: '某县' },
  'merge:workbook': { mergeId: ID },
  'merge:close': { mergeId: ID },
};


export function expectRejected(result: Result<unknown>, label: string, codes: string[] = ['invalid-payload']): void {
  expect(result.ok, label).toBe(false);
  if (result.ok) return;
  expect(codes, `${label}: ${result.error.code} ${result.error.message}`).toContain(result.error.code);
  expect(result.error.message, label).toMatch(CHINESE);
  expect(result.error.message.length, label).toBeLessThan(2000);
}
