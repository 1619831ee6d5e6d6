// The administrative level of a body, when its name makes it evident. Only clear cases are answered;
// anything else (a 市 that may be county-level, a development zone, a 管委会) is left to the user.
import type { AgencyLevel } from '../model/report';

const RULES: [RegExp, AgencyLevel][] = [
  // 镇、乡、街道 (and 苏木 in Inner Mongolia), as the government or its office.
  [/(镇|乡|街道办事处|街道办|街道|苏木)(人民政府|政府)?(办公室|党政办公室|党政办)?$/, '乡镇'],
  // A municipality directly under the central government (直辖市) or one of its departments: provincial,
  // unless a district or county follows in the name.
  [/^(北京|上海|天津|重庆)市(?!.*[区县])/, '省级'],
  // A province or autonomous region, or one of its departments, with no city or county in the name.
  [/^[^市县州盟旗]*(省|自治区)(人民政府)?(办公厅)?$/, '省级'],
  // The name before 省/自治区 stops at the first 省 or 自: no backtracking over a run of them (linear time).
  [/^[^市县州盟旗区省自]*(省|自治区)[^市县州盟旗区]+(厅|局|委员会)$/, '省级'],
  // A county (县, 旗, 自治县) or a city district government, or a county department.
  [/(县|旗)(人民政府)?(办公室)?$/, '县级'],
  [/(?<!自治)区人民政府(办公室)?$/, '县级'],
  [/(县|旗)(人民政府)?[^县旗市州省]*(局|委员会|办公室|中心)$/, '县级'],
  // An autonomous prefecture or league.
  [/(自治州|盟)(人民政府)?(办公室)?$/, '设区的市级'],
];

export function guessAgencyLevel(name: string): AgencyLevel | undefined {
  const n = name.replace(/\s+/g, '');
  if (!n) return undefined;
  for (const [re, level] of RULES) if (re.test(n)) return level;
  return undefined;
}

/** The lowest administrative unit a name mentions, as the level to propose when guessAgencyLevel cannot
 *  be sure: “孝感市人民政府办公室” is at least a city's (it may be a county-level city), never a 乡镇. */
const UNITS: [RegExp, AgencyLevel][] = [
  [/(镇|乡|街道|苏木)/, '乡镇'],
  // The 区 of 自治区 (province level) and of 地区 (a prefecture) is no district.
  [/(县|(?<!自治|地)区|旗)/, '县级'],
  [/(市|州|盟|地区)/, '设区的市级'],
  [/(省|自治区)/, '省级'],
];

export function tentativeAgencyLevel(name: string): { level: AgencyLevel; unit?: string } {
  const n = name.replace(/\s+/g, '');
  let best: { level: AgencyLevel; unit: string; at: number } | undefined;
  for (const [re, level] of UNITS) {
    const all = [...n.matchAll(new RegExp(re.source, 'g'))];
    const last = all[all.length - 1];
    if (last && (!best || last.index! > best.at)) best = { level, unit: last[0], at: last.index! };
  }
  if (best) return { level: best.level, unit: best.unit };
  if (/^(国家|国务院|中华人民共和国)|部$/.test(n)) return { level: '国务院部门' };
  return { level: '乡镇' };
}
