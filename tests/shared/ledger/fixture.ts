// A ledger written with the template's words, and its hand-computed table 3 (year 2025, 2021 format):
// the same applications as count.test.ts, sheet row n = 序号 n − 1.
import { expect } from 'vitest';
import { formatModel } from '../../../shared/formats/index';

export const HEADINGS = ['序号', '收到日期', '申请人', '申请人类型', '申请内容', '答复日期', '办理结果', '具体情形', '备注'];

export const LABEL_ROWS: string[][] = [
  ['1', '2025-01-10', '张三', '自然人', '拆迁补偿', '2025-01-20', '予以公开', '', ''],
  ['2', '2025-03-01', '某某置业有限公司', '商业企业', '规划许可', '2025-03-15', '部分公开', '', ''],
  ['3', '2025-04-01', '李四', '自然人', '会议记录', '2025-04-20', '不予公开', '4.保护第三方合法权益', ''],
  ['4', '2024-12-20', '某律师事务所', '法律服务机构', '执法依据', '2025-01-08', '无法提供', '1.本机关不掌握相关政府信息', '12月收到、次年1月答复'],
  ['5', '2025-12-22', '某大学', '科研机构', '统计数据', '2026-01-06', '予以公开', '', '次年1月答复'],
  ['6', '2025-11-02', '某基金会', '社会公益组织', '资金使用', '', '', '', '办理中'],
  ['7', '2025-05-05', '王五', '自然人', '征收公告', '2025-05-30', '部分公开', '', ''],
  ['8', '2025-06-01', '某村民委员会', '其他组织', '补助标准', '2025-06-10', '其他处理', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', ''],
  ['9', '2024-03-01', '赵六', '自然人', '去年的申请', '2024-03-20', '予以公开', '', ''],
  ['10', '2023-11-01', '钱七', '自然人', '两年前的申请', '', '', '', '办理中'],
  ['11', '2026-01-03', '孙八', '自然人', '下一年的申请', '', '', '', ''],
  ['12', '2025-07-07', '周九', '自然人', '同一事项', '2025-07-20', '不予处理', '2.重复申请', ''],
  ['13', '2025-08-01', '某商贸公司', '商业企业', '其他', '2025-08-05', '其他处理', '3.其他', ''],
];

export const EXPECTED_2021: Record<string, number> = {
  'received.natural': 4, 'received.commercial': 2, 'received.research': 1, 'received.publicInterest': 1, 'received.otherOrg': 1, 'received.total': 9,
  'carriedIn.natural': 1, 'carriedIn.legalServices': 1, 'carriedIn.total': 2,
  'granted.natural': 1, 'granted.total': 1,
  'partlyGranted.natural': 1, 'partlyGranted.commercial': 1, 'partlyGranted.total': 2,
  'withheld.thirdPartyRights.natural': 1, 'withheld.thirdPartyRights.total': 1,
  'unavailable.notHeld.legalServices': 1, 'unavailable.notHeld.total': 1,
  'notProcessed.duplicates.natural': 1, 'notProcessed.duplicates.total': 1,
  'other.unpaidFee.otherOrg': 1, 'other.unpaidFee.total': 1,
  'other.misc.commercial': 1, 'other.misc.total': 1,
  'resultsTotal.natural': 4, 'resultsTotal.commercial': 2, 'resultsTotal.legalServices': 1, 'resultsTotal.otherOrg': 1, 'resultsTotal.total': 8,
  'carriedOver.natural': 1, 'carriedOver.research': 1, 'carriedOver.publicInterest': 1, 'carriedOver.total': 3,
};

export const TODAY = '2026-02-01';

export function expectTable(cells: Record<string, number>, format: '2019' | '2021', expected: Record<string, number>): void {
  const keys = formatModel(format).keysByTable.t3;
  expect(Object.keys(cells).sort()).toEqual([...keys].sort());
  const want = Object.fromEntries(keys.map((k) => [k, expected[k.slice(3)] ?? 0]));
  expect(cells).toEqual(want);
}

/** CSV text of the fixture (fields quoted where needed). */
export function fixtureCsv(): string {
  const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [HEADINGS, ...LABEL_ROWS].map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}
