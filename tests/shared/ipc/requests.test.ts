import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from '../../../shared/formats/vocabulary';
import { createReport } from '../../../shared/model/document';
import {
  INVOKE_CHANNELS,
  MAX_DROPPED_BYTES,
  MAX_IMPORT_TEXT,
  MAX_MERGE_DECISIONS,
  MAX_PROBLEMS,
  REPORT_ISSUE,
  REPORT_PROBLEM,
  REQUEST_SCHEMAS,
  type InvokeChannel,
} from '../../../shared/ipc/requests';

function check(channel: InvokeChannel, payload: unknown) {
  return v.safeParse(REQUEST_SCHEMAS[channel], payload);
}
const messages = (channel: InvokeChannel, payload: unknown) => (check(channel, payload).issues ?? []).map((i) => i.message);
const report = () => createReport({ year: 2024, agencyName: '某某县人民政府', level: '县级', now: '2025-01-02T03:04:05.000Z' });

describe('REQUEST_SCHEMAS', () => {
  it('lists every channel once, named <group>:<action>', () => {
    expect(new Set(INVOKE_CHANNELS).size).toBe(INVOKE_CHANNELS.length);
    for (const channel of INVOKE_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('accepts a request without payload only as an empty object', () => {
    expect(check('app:info', {}).success).toBe(true);
    expect(messages('app:info', { extra: 1 })).toEqual(['不允许有这一项']);
    expect(check('app:info', null).success).toBe(false);
    expect(check('app:info', '{}').success).toBe(false);
    // (An array is refused before any schema runs, by validate-payload's plain copy.)
  });

  it('accepts a new report of a supported year with a Chinese agency name', () => {
    expect(check('doc:new', { year: 2024, agencyName: '某某县人民政府', level: '县级' }).output).toEqual({ year: 2024, agencyName: '某某县人民政府', level: '县级' });
    expect(check('doc:new', { year: FIRST_SUPPORTED_YEAR, agencyName: '', level: '乡镇', region: '湖北省', format: '2019' }).success).toBe(true);
  });

  it('refuses a year outside the supported range with the words used everywhere', () => {
    const early = messages('doc:new', { year: FIRST_SUPPORTED_YEAR - 1, agencyName: '甲', level: '县级' });
    expect(early).toHaveLength(1);
    expect(early[0]).toContain(`请填写 ${FIRST_SUPPORTED_YEAR} 年度及以后的年份`);
    expect(messages('doc:new', { year: LAST_SUPPORTED_YEAR + 1, agencyName: '甲', level: '县级' })[0]).toContain(`不能晚于 ${LAST_SUPPORTED_YEAR} 年`);
    expect(messages('doc:new', { year: 2024.5, agencyName: '甲', level: '县级' })[0]).toContain('不是有效的年份');
    expect(messages('doc:new', { year: '2024', agencyName: '甲', level: '县级' })).toEqual(['应为数字']);
  });

  it('names a missing item, a wrong choice and a wrong type in Chinese', () => {
    expect(messages('doc:new', { year: 2024, level: '县级' })).toEqual(['缺少此项']);
    expect(messages('doc:new', { year: 2024, agencyName: '甲', level: '市级' })[0]).toBe('应为 “乡镇”、“县级”、“设区的市级”、“省级”、“国务院部门” 之一');
    expect(messages('doc:setDirty', { docId: 'a', dirty: 'yes' })).toEqual(['应为 true 或 false']);
    expect(messages('export:publish', { docId: 'a', doc: report(), kind: 'pdf', mode: 'final' })).toEqual(['应为 “html”、“docx” 之一']);
  });

  it('counts characters, not UTF-16 units, and refuses a huge string without counting it', () => {
    const ok = { year: 2024, level: '县级' };
    expect(check('doc:new', { ...ok, agencyName: '𠀀'.repeat(100) }).success).toBe(true);
    expect(messages('doc:new', { ...ok, agencyName: '政'.repeat(101) })).toEqual(['最多 100 个字符，实际 101 个']);
    expect(messages('doc:new', { ...ok, agencyName: '𠀀'.repeat(101) })).toEqual(['最多 100 个字符，实际至少 101 个']);
    expect(messages('doc:new', { ...ok, agencyName: 'x'.repeat(10_000_000) })).toEqual(['最多 100 个字符，实际至少 5000000 个']);
  });

  it('takes pasted text up to its cap and refuses empty text', () => {
    expect(check('import:text', { text: '表二\n'.repeat(MAX_IMPORT_TEXT / 3) }).success).toBe(true);
    expect(messages('import:text', { text: '' })).toEqual(['不能为空']);
    expect(messages('import:text', { text: '年'.repeat(MAX_IMPORT_TEXT + 1) })).toEqual([`最多 ${MAX_IMPORT_TEXT} 个字符，实际 ${MAX_IMPORT_TEXT + 1} 个`]);
  });

  it('accepts ids of safe characters only', () => {
    expect(check('doc:close', { docId: '0b5f2c1e-8d3a-4c7b-9e21-5a6f7d8c9b01' }).success).toBe(true);
    expect(messages('doc:close', { docId: '../年报' })).toEqual(['格式不对']);
    expect(messages('doc:close', { docId: '' })).toContain('不能为空');
    expect(messages('doc:close', { docId: 'a'.repeat(101) })).toEqual(['最多 100 个字符，实际 101 个']);
  });

  it('takes a dropped file as bytes within the size limit', () => {
    expect(check('import:dropped', { name: '上年报告.docx', bytes: new Uint8Array(10) }).success).toBe(true);
    expect(messages('import:dropped', { name: '上年报告.docx', bytes: [1, 2, 3] })).toEqual(['应为文件内容']);
    expect(messages('import:dropped', { name: '上年报告.docx', bytes: new Uint8Array(MAX_DROPPED_BYTES + 1) })).toEqual(['文件超过 20 MB，不像一份年度报告']);
  });

  it('checks a report inside a request with the report file parser, listing a bounded number of problems', () => {
    const doc = report();
    expect(check('doc:save', { docId: 'd1', doc }).success).toBe(true);
    const broken = { ...doc, cells: Object.fromEntries(Object.keys(doc.cells).map((k) => [k, '很多'])) };
    const issues = check('doc:save', { docId: 'd1', doc: broken }).issues ?? [];
    expect(issues[0]!.expected).toBe(REPORT_ISSUE);
    expect(issues[0]!.message.startsWith('报告内容有误。')).toBe(true);
    const problems = issues.filter((i) => i.expected === REPORT_PROBLEM);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(MAX_PROBLEMS);
    expect(messages('doc:save', { docId: 'd1', doc: [] })).toEqual(['应为报告对象']);
    expect(messages('export:preview', { doc: report(), mode: 'final', previous: 'x' })).toEqual(['应为上一年度报告对象']);
  });

  it('bounds the merge decisions and the ledger mapping', () => {
    const include = Array.from({ length: MAX_MERGE_DECISIONS + 1 }, (_, i) => ({ unitId: `u${i}`, choice: 'printed' }));
    expect(messages('merge:decide', { mergeId: 'm', include, matches: [] })).toEqual([`最多 ${MAX_MERGE_DECISIONS} 项`]);
    expect(check('merge:decide', { mergeId: 'm', include: include.slice(1), matches: [{ unitId: 'u1', rosterName: '甲镇人民政府' }] }).success).toBe(true);
    const mapping = { headerRow: 1, columns: { received: 0, result: 3 }, applicantValues: { 自然人: 'natural' }, resultValues: { 予以公开: ['granted'] }, reasonValues: {} };
    expect(check('ledger:count', { ledgerId: 'l1', mapping, year: 2024, format: '2021' }).success).toBe(true);
    expect(messages('ledger:count', { ledgerId: 'l1', mapping: { ...mapping, columns: { received: 16384 } }, year: 2024, format: '2021' })).toEqual(['不能大于 16383']);
    const tooMany = Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`值${i}`, 'natural']));
    expect(messages('ledger:count', { ledgerId: 'l1', mapping: { ...mapping, applicantValues: tooMany }, year: 2024, format: '2021' })).toEqual(['最多 5000 个值']);
    expect(messages('ledger:rows', { ledgerId: 'l1', mapping, year: 2024, format: '2021', key: 't2.regulations.issued' })).toEqual(['应为表三单元格']);
  });
});
