import { describe, expect, it } from 'vitest';
import { guessAgencyLevel, tentativeAgencyLevel } from '../../../shared/import/agency-level';

describe('guessAgencyLevel', () => {
  it('answers the clear cases', () => {
    expect(guessAgencyLevel('某某镇人民政府')).toBe('乡镇');
    expect(guessAgencyLevel('某某街道办事处')).toBe('乡镇');
    expect(guessAgencyLevel('某某乡人民政府党政办公室')).toBe('乡镇');
    expect(guessAgencyLevel('北京市教育委员会')).toBe('省级');
    expect(guessAgencyLevel('湖北省人民政府办公厅')).toBe('省级');
    expect(guessAgencyLevel('湖北省教育厅')).toBe('省级');
    expect(guessAgencyLevel('宁夏回族自治区人民政府')).toBe('省级');
    expect(guessAgencyLevel('某某县人民政府')).toBe('县级');
    expect(guessAgencyLevel('某某县财政局')).toBe('县级');
    expect(guessAgencyLevel('北京市朝阳区人民政府')).toBe('县级');
    expect(guessAgencyLevel('湖北省武汉市江岸区人民政府办公室')).toBe('县级');
    expect(guessAgencyLevel('延边朝鲜族自治州人民政府')).toBe('设区的市级');
  });

  it('ignores white space inside the name', () => {
    expect(guessAgencyLevel(' 某某 镇 人民政府 ')).toBe('乡镇');
  });

  it('leaves unclear names to the user', () => {
    expect(guessAgencyLevel('孝感市人民政府办公室')).toBeUndefined();
    expect(guessAgencyLevel('某某经济开发区管委会')).toBeUndefined();
    expect(guessAgencyLevel('')).toBeUndefined();
    expect(guessAgencyLevel('　 ')).toBeUndefined();
  });

  it('answers a long run of 省 without backtracking forever', () => {
    expect(guessAgencyLevel(`${'省'.repeat(20_000)}厅`)).toBe('省级');
    expect(guessAgencyLevel(`${'省'.repeat(20_000)}x`)).toBeUndefined();
  });
});

describe('tentativeAgencyLevel', () => {
  it('proposes the level of the lowest unit the name mentions, and names the unit', () => {
    expect(tentativeAgencyLevel('孝感市人民政府办公室')).toEqual({ level: '设区的市级', unit: '市' });
    expect(tentativeAgencyLevel('湖北省孝感市孝南区某某中心')).toEqual({ level: '县级', unit: '区' });
    expect(tentativeAgencyLevel('某某市某某镇便民服务中心')).toEqual({ level: '乡镇', unit: '镇' });
    expect(tentativeAgencyLevel('湖北省某某中心')).toEqual({ level: '省级', unit: '省' });
  });

  it('reads 自治区 as a province-level unit, not as a district', () => {
    expect(tentativeAgencyLevel('宁夏回族自治区某某中心')).toEqual({ level: '省级', unit: '自治区' });
    expect(tentativeAgencyLevel('广西壮族自治区南宁市某某中心')).toEqual({ level: '设区的市级', unit: '市' });
    expect(tentativeAgencyLevel('新疆维吾尔自治区喀什地区某某中心')).toEqual({ level: '设区的市级', unit: '地区' });
    expect(tentativeAgencyLevel('某某地区某某县某某中心')).toEqual({ level: '县级', unit: '县' });
  });

  it('falls back to 国务院部门 for national bodies, else 乡镇', () => {
    expect(tentativeAgencyLevel('国家税务总局')).toEqual({ level: '国务院部门' });
    expect(tentativeAgencyLevel('教育部')).toEqual({ level: '国务院部门' });
    expect(tentativeAgencyLevel('某某中心')).toEqual({ level: '乡镇' });
  });
});
