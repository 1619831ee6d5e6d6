// A ledger that is not ours: a title row above the header, its own headings and its own words.
import { describe, expect, it } from 'vitest';
import { countLedger } from '../../../shared/ledger/count';
import {
  analyseLedger,
  applyMapping,
  proposeApplicant,
  proposeResult,
  rememberMapping,
  unmappedValues,
  valueCounts,
} from '../../../shared/ledger/mapping';
import type { RawSheet } from '../../../shared/ledger/types';

const FOREIGN: RawSheet = {
  name: '2025年登记表',
  rows: [
    ['某区住建局2025年政府信息公开申请登记表'],
    [],
    ['编号', '受理日期\n（年/月/日）', '申请人', '申请人类别', '申请公开的内容', '答复类型', '理由', '答复时间', '备注'],
    ['A-1', '2025/1/6', '张三', '公民', '拆迁补偿方案', '同意公开', '', '2025/1/20', ''],
    ['A-2', '2025/2/6', '某某房地产公司', '企业', '规划许可', '部分同意公开', '', '2025/2/26', ''],
    ['A-3', '2025/3/6', '李四', '公民', '会议纪要', '不予公开', '属于过程性信息', '2025/3/26', ''],
    ['A-4', '2025/4/6', '王五', '公民', '1998年档案', '信息不存在', '', '2025/4/16', ''],
    ['A-5', '2025/5/6', '某律师事务所', '律师事务所', '执法记录', '不予处理', '信访举报投诉类', '2025/5/16', ''],
    ['A-6', '2025/6/6', '赵六', '法人', '统计', '需另行制作', '', '2025/6/16', ''],
    ['A-7', '2025/12/26', '钱七', '公民', '补偿', '', '', '', '办理中'],
    ['A-8', '2025/7/6', '孙八', '公民', '某事', '已撤回', '', '2025/7/9', ''],
    [null, null, null, null, null, null, null, null, null],
    ['A-9', '2025/8/6', '周九', '个人', '某事', '同意公开；不予公开', '第三方', '2025/8/9', ''],
  ],
};

describe('mapping a foreign ledger', () => {
  const analysis = analyseLedger(FOREIGN, '2021');

  it('finds the header row under a title and proposes each column', () => {
    expect(analysis.headerRow).toBe(3);
    expect(analysis.mapping.columns).toEqual({
      serial: 0, received: 1, applicant: 2, applicantType: 3, content: 4, result: 5, reason: 6, answered: 7, note: 8,
    });
    expect(analysis.missingFields).toEqual([]);
    expect(analysis.dataRows).toBe(9);
  });

  it('proposes what each value means, with the rows per value, and lists the unmapped', () => {
    expect(analysis.applicantValues).toEqual([
      { value: '公民', count: 5, mapped: 'natural' },
      { value: '个人', count: 1, mapped: 'natural' },
      { value: '企业', count: 1, mapped: 'commercial' },
      { value: '律师事务所', count: 1, mapped: 'legalServices' },
      { value: '法人', count: 1, mapped: undefined },
    ]);
    const results = Object.fromEntries(analysis.resultValues.map((v) => [v.value, [v.count, v.mapped]]));
    expect(results).toEqual({
      同意公开: [1, ['granted']],
      部分同意公开: [1, ['partlyGranted']],
      不予公开: [1, ['withheld']],
      信息不存在: [1, ['unavailable.notHeld']],
      不予处理: [1, ['notProcessed']],
      需另行制作: [1, ['unavailable.needsCreation']],
      已撤回: [1, ['other.misc']],
      '同意公开；不予公开': [1, ['granted', 'withheld']],
    });
    expect(unmappedValues(analysis)).toEqual([{ field: 'applicantType', value: '法人', count: 1 }]);
  });

  it('counts table 3 from it; the unmapped row is excluded with its row number', () => {
    const t3 = countLedger(applyMapping(FOREIGN, analysis.mapping), { year: 2025, format: '2021', today: '2026-01-31' });
    expect(t3.excluded.map((e) => [e.row, e.kind])).toEqual([[9, 'applicantUnknown']]);
    expect(t3.cells['t3.received.natural']).toBe(6);
    expect(t3.cells['t3.received.total']).toBe(8);
    expect(t3.cells['t3.granted.natural']).toBe(1);
    expect(t3.cells['t3.partlyGranted.commercial']).toBe(1);
    expect(t3.cells['t3.partlyGranted.natural']).toBe(1);
    expect(t3.cells['t3.withheld.processInformation.natural']).toBe(1);
    expect(t3.cells['t3.unavailable.notHeld.natural']).toBe(1);
    expect(t3.cells['t3.notProcessed.petitions.legalServices']).toBe(1);
    expect(t3.cells['t3.other.misc.natural']).toBe(1);
    expect(t3.cells['t3.carriedOver.natural']).toBe(1);
    expect(t3.cells['t3.resultsTotal.total']).toBe(7);
    expect(t3.rowsByCell['t3.carriedOver.total']).toEqual([10]);
  });

  it('after the user maps 法人 the row counts; the choice is remembered for next year', () => {
    const mapping = { ...analysis.mapping, applicantValues: { ...analysis.mapping.applicantValues, 法人: 'otherOrg' as const } };
    const t3 = countLedger(applyMapping(FOREIGN, mapping), { year: 2025, format: '2021', today: '2026-01-31' });
    expect(t3.excluded).toEqual([]);
    expect(t3.cells['t3.unavailable.needsCreation.otherOrg']).toBe(1);
    expect(valueCounts(FOREIGN, mapping).applicantValues.find((v) => v.value === '法人')?.mapped).toBe('otherOrg');

    const remembered = rememberMapping(analysis.headers, { ...mapping, columns: { ...mapping.columns, note: undefined as unknown as number } });
    const nextYear: RawSheet = { name: 'x', rows: [['编号', '受理日期', '申请人类别', '答复类型', '说明文字', '答复时间'], ['1', '2026-01-02', '法人', '已撤回', 'x', '2026-01-05']] };
    const next = analyseLedger(nextYear, '2021', remembered);
    expect(next.mapping.applicantValues).toEqual({ 法人: 'otherOrg' });
    expect(next.mapping.columns).toMatchObject({ serial: 0, received: 1, applicantType: 2, result: 3, answered: 5 });
  });
});

describe('value proposals', () => {
  it('applicants', () => {
    expect(proposeApplicant('公民')).toBe('natural');
    expect(proposeApplicant('自然人')).toBe('natural');
    expect(proposeApplicant('企业')).toBe('commercial');
    expect(proposeApplicant('社会公益组织')).toBe('publicInterest');
    expect(proposeApplicant('某大学')).toBe('research');
    expect(proposeApplicant('其他组织')).toBe('otherOrg');
    expect(proposeApplicant('法人')).toBeUndefined();
  });
  it('results, in the format of the year', () => {
    expect(proposeResult('予以公开', '2021')).toEqual(['granted']);
    expect(proposeResult('（三）不予公开', '2021')).toEqual(['withheld']);
    expect(proposeResult('4.保护第三方合法权益', '2021')).toEqual(['withheld.thirdPartyRights']);
    expect(proposeResult('1.本机关不掌握相关政府信息', '2021')).toEqual(['unavailable.notHeld']);
    expect(proposeResult('申请人逾期不补正', '2021')).toEqual(['other.noCorrection']);
    expect(proposeResult('申请人逾期不补正', '2019')).toEqual(['other']);
    expect(proposeResult('其他处理', '2019')).toEqual(['other']);
    expect(proposeResult('已答复', '2021')).toBeUndefined();
  });
});
