// The official categories a ledger row is counted under, derived from the format definitions: the six
// applicant columns and the result rows of table 3 (2019: one （六）其他处理 row; 2021: three).
import { getFormat } from '../formats/index';
import type { FormatId } from '../formats/types';

export const APPLICANT_KEYS = ['natural', 'commercial', 'research', 'publicInterest', 'legalServices', 'otherOrg'] as const;
export type ApplicantKey = (typeof APPLICANT_KEYS)[number];

export interface ApplicantCategory {
  key: ApplicantKey;
  /** As printed in table 3: 自然人, 商业企业 … 其他. */
  label: string;
  /** Unambiguous name for lists and drop-downs (“其他” alone could be anything). */
  listLabel: string;
  explanation: string;
}

/** A result group of table 3 (（三）不予公开 …) or a result that is a row by itself (（一）予以公开). */
export interface ResultGroup {
  /** 'granted', 'partlyGranted', 'withheld', 'unavailable', 'notProcessed', 'other'. */
  key: string;
  /** The printed label without its numbering: 予以公开, 部分公开, 不予公开 … */
  label: string;
  /** The printed label: （三）不予公开. */
  printed: string;
  /** Row keys of its reasons; empty when the group is a row by itself. */
  reasons: ResultReason[];
}

export interface ResultReason {
  /** Table 3 row key, e.g. 'withheld.thirdPartyRights'. */
  key: string;
  group: string;
  /** Printed label with its number: 4.保护第三方合法权益. */
  printed: string;
  /** Without the number: 保护第三方合法权益. */
  label: string;
}

export interface LedgerCategories {
  format: FormatId;
  applicants: ApplicantCategory[];
  groups: ResultGroup[];
  /** Every row key a result can be counted under (leaves: groups without reasons, and reasons). */
  resultKeys: string[];
}

const APPLICANT_EXPLANATIONS: Record<ApplicantKey, [string, string]> = {
  natural: ['自然人', '以个人名义申请的公民（含律师以个人名义申请）'],
  commercial: ['商业企业', '公司、企业、个体工商户等以营利为目的的组织'],
  research: ['科研机构', '高等院校、科研院所等从事研究的机构'],
  publicInterest: ['社会公益组织', '基金会、社会团体、民办非企业单位等公益性组织'],
  legalServices: ['法律服务机构', '律师事务所、基层法律服务所等（律师以所名义申请）'],
  otherOrg: ['其他组织', '不属于以上各类的法人或其他组织（如机关、事业单位、村居委会）'],
};

/** “（三）不予公开” → “不予公开”; “4.保护第三方合法权益” → “保护第三方合法权益”. */
export function stripNumbering(label: string): string {
  return label.replace(/^（[一二三四五六七八九十]+）/, '').replace(/^\d+\./, '').replace(/（区分处理的.*$/, '');
}

const cache = new Map<FormatId, LedgerCategories>();

export function ledgerCategories(format: FormatId): LedgerCategories {
  const hit = cache.get(format);
  if (hit) return hit;
  const def = getFormat(format);
  const applicants = APPLICANT_KEYS.map((key): ApplicantCategory => {
    const column = def.t3.columns.find((c) => c.key === key);
    if (!column) throw new Error(`table 3 has no column ${key}`);
    const [listLabel, explanation] = APPLICANT_EXPLANATIONS[key];
    return { key, label: column.label, listLabel, explanation };
  });
  const groups: ResultGroup[] = [];
  for (const row of def.t3.rows.filter((r) => r.resultPart)) {
    const dot = row.key.indexOf('.');
    const groupKey = dot < 0 ? row.key : row.key.slice(0, dot);
    const printed = row.labels[1] ?? row.labels[0] ?? row.key;
    let group = groups.find((g) => g.key === groupKey);
    if (!group) {
      group = { key: groupKey, label: stripNumbering(printed), printed, reasons: [] };
      groups.push(group);
    }
    if (dot >= 0) {
      const reasonPrinted = row.labels[row.labels.length - 1] ?? row.key;
      group.reasons.push({ key: row.key, group: groupKey, printed: reasonPrinted, label: stripNumbering(reasonPrinted) });
    }
  }
  const resultKeys = groups.flatMap((g) => (g.reasons.length ? g.reasons.map((r) => r.key) : [g.key]));
  const result = { format, applicants, groups, resultKeys };
  cache.set(format, result);
  return result;
}

/** The group of a result key: 'withheld.stateSecret' → 'withheld', 'granted' → 'granted'. */
export function groupOf(resultKey: string): string {
  const dot = resultKey.indexOf('.');
  return dot < 0 ? resultKey : resultKey.slice(0, dot);
}

/** Human name of a result key: “不予公开／4.保护第三方合法权益”, “予以公开”. */
export function resultName(format: FormatId, key: string): string {
  const cats = ledgerCategories(format);
  const group = cats.groups.find((g) => g.key === groupOf(key));
  if (!group) return key;
  if (group.key === key) return group.label;
  const reason = group.reasons.find((r) => r.key === key);
  return reason ? `${group.label}／${reason.printed}` : group.label;
}

/** One line per result group and reason, for the template's explanation sheet and the mapping screen. */
export const RESULT_EXPLANATIONS: Record<string, string> = {
  granted: '申请的信息全部提供给申请人',
  partlyGranted: '只提供了一部分（区分处理），其余不予公开、无法提供等；只计这一项',
  withheld: '依法不予公开，须在“具体情形”中选一项理由',
  'withheld.stateSecret': '依法确定为国家秘密的信息',
  'withheld.prohibitedByLaw': '法律、行政法规禁止公开的信息',
  'withheld.securityStability': '公开后可能危及国家安全、公共安全、经济安全、社会稳定的信息',
  'withheld.thirdPartyRights': '涉及商业秘密、个人隐私等，公开会损害第三方合法权益',
  'withheld.internalAffairs': '人事管理、后勤管理、内部工作流程等内部事务信息',
  'withheld.processInformation': '讨论记录、过程稿、磋商信函、请示报告等过程性信息',
  'withheld.enforcementFiles': '行政执法案卷信息',
  'withheld.queryMatters': '法律法规规定须通过查询渠道获取的信息（如不动产登记资料）',
  unavailable: '无法提供，须在“具体情形”中选一项理由',
  'unavailable.notHeld': '本机关没有制作或获取该信息（信息不存在、非本机关信息）',
  'unavailable.needsCreation': '没有现成信息，需要另行制作、加工、分析',
  'unavailable.stillUnclear': '告知补正后，申请内容仍然不明确',
  notProcessed: '不予处理，须在“具体情形”中选一项理由',
  'notProcessed.petitions': '以申请形式进行的信访、投诉、举报等',
  'notProcessed.duplicates': '重复申请公开相同的信息',
  'notProcessed.publications': '要求提供公开出版物',
  'notProcessed.excessive': '无正当理由大量、反复申请',
  'notProcessed.confirmations': '要求确认或重新出具已获取的信息',
  other: '其他处理方式（如申请人撤回申请、逾期不补正）',
  'other.noCorrection': '申请人无正当理由逾期不补正，不再处理',
  'other.unpaidFee': '申请人逾期未按收费通知缴纳信息处理费，不再处理',
  'other.misc': '其他情形（如申请人撤回申请）',
};
