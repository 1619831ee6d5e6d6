// 插入表格数字: a sentence stating a table's figures in the usual style of the reports, generated from
// the format definitions (labels) and the report's cells, so that the narrative agrees with the tables
// by construction. Once inserted it is plain text: text.numbers reads it like any other sentence (and
// the tests check that it reads every figure stated as agreeing with the tables).
import { formatModel, getFormat, TABLE_NAMES } from '../formats/index';
import type { FormatDef, TableId } from '../formats/index';
import type { ReportDocument } from '../model/report';

export type TableSentence = { ok: true; text: string } | { ok: false; message: string };


/** 12 → “12”, 9116.3600000001 → “9116.36” (amounts carry at most 4 decimals). */
function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10000) / 10000);
}

/** “（一）予以公开” → “予以公开”; “（二）部分公开（区分处理的…）” → “部分公开”. */
function shortLabel(label: string): string {
  return label.replace(/^（[^）]*）/, '').replace(/（[^）]*）$/, '');
}

/** “本年制发件数” → “制发”, “现行有效件数” → “现行有效”, “本年新制作数量” → “新制作”, “对外公开总数量” → “对外公开总数”. */
function columnVerb(label: string): string {
  const v = label.replace(/^本年/, '').replace(/件数$|数量$/, '');
  return v.endsWith('总') ? `${v}数` : v;
}

class Cells {
  missing = false;
  constructor(private readonly doc: ReportDocument) {}
  get(key: string): number {
    const v = this.doc.cells[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.missing = true;
      return 0;
    }
    return v;
  }
  sum(keys: readonly string[]): number {
    return keys.reduce((s, k) => s + this.get(k), 0);
  }
}

function table3(format: FormatDef, c: Cells): string {
  const received = c.get('t3.received.total');
  const carriedIn = c.get('t3.carriedIn.total');
  const resultsTotal = c.get('t3.resultsTotal.total');
  const carriedOver = c.get('t3.carriedOver.total');
  const [natural, ...rest] = format.t3.columns.filter((col) => col.key !== 'total');
  const naturalCount = c.get(`t3.received.${natural!.key}`);
  const orgCount = c.sum(rest.map((col) => `t3.received.${col.key}`));
  const clauses: string[] = [];
  if (received === 0) clauses.push('本年度未收到政府信息公开申请');
  else {
    const parts = [
      naturalCount > 0 ? `${natural!.label}${num(naturalCount)}件` : '',
      orgCount > 0 ? `${format.t3.organisationHeader}${num(orgCount)}件` : '',
    ].filter(Boolean);
    clauses.push(`本年度共收到政府信息公开申请${num(received)}件${parts.length > 0 ? `，其中${parts.join('、')}` : ''}`);
  }
  if (carriedIn > 0) clauses.push(`上年结转政府信息公开申请${num(carriedIn)}件`);
  if (resultsTotal > 0) {
    // Result groups in table order: （一）…（六）, each the sum of its rows.
    const groups: { label: string; keys: string[] }[] = [];
    for (const row of format.t3.rows) {
      if (!row.resultPart) continue;
      const label = shortLabel(row.labels[1]!);
      const last = groups[groups.length - 1];
      if (last && last.label === label) last.keys.push(`t3.${row.key}.total`);
      else groups.push({ label, keys: [`t3.${row.key}.total`] });
    }
    const parts = groups.map((g) => ({ label: g.label, n: c.sum(g.keys) })).filter((g) => g.n > 0);
    clauses.push(`办结政府信息公开申请${num(resultsTotal)}件${parts.length > 0 ? `，其中${parts.map((g) => `${g.label}${num(g.n)}件`).join('、')}` : ''}`);
  }
  if (carriedOver > 0) clauses.push(`结转下年度继续办理${num(carriedOver)}件`);
  return `${clauses.join('；')}。`;
}

function table4(format: FormatDef, c: Cells): string {
  const columns = format.t4.columns.filter((col) => col.key !== 'total');
  const casesOf = (groups: string[]) => {
    const total = c.sum(groups.map((g) => `t4.${g}.total`));
    const parts = columns
      .map((col) => ({ label: col.label, n: c.sum(groups.map((g) => `t4.${g}.${col.key}`)) }))
      .filter((p) => p.n > 0)
      .map((p) => `${p.label}${num(p.n)}件`);
    return { total, detail: parts.length > 0 ? `，其中${parts.join('、')}` : '' };
  };
  const suitGroups = format.t4.groups.filter((g) => g.parent);
  const review = casesOf(format.t4.groups.filter((g) => !g.parent).map((g) => g.key));
  const suits = casesOf(suitGroups.map((g) => g.key));
  const { reviewLabel, suitLabel } = format.t4;
  if (review.total === 0 && suits.total === 0) return `本年度未发生政府信息公开${reviewLabel}、${suitLabel}案件。`;
  const clauses: string[] = [];
  clauses.push(
    review.total === 0 ? `本年度未发生政府信息公开${reviewLabel}案件` : `本年度发生政府信息公开${reviewLabel}${num(review.total)}件${review.detail}`,
  );
  if (suits.total === 0) clauses.push(`未发生政府信息公开${suitLabel}案件`);
  else {
    const byGroup = suitGroups.map((g) => ({ label: g.label, n: c.get(`t4.${g.key}.total`) })).filter((g) => g.n > 0);
    const split = byGroup.length > 1 ? `（${byGroup.map((g) => `${g.label}${num(g.n)}件`).join('、')}）` : '';
    clauses.push(`${review.total === 0 ? '发生政府信息公开' : ''}${suitLabel}${num(suits.total)}件${split}${suits.detail}`);
  }
  return `${clauses.join('；')}。`;
}

function table2(doc: ReportDocument, format: FormatDef, c: Cells): string {
  const sentences: string[] = [];
  for (const sub of format.t2.subTables) {
    for (const row of sub.rows) {
      const has = (col: string) => sub.columns.some((x) => x.key === col);
      if (row.key === 'regulations' || row.key === 'normativeDocs') {
        const values = sub.columns.map((col) => ({ verb: columnVerb(col.label), n: c.get(`t2.${row.key}.${col.key}`) }));
        // 规章 only when there are any (most bodies have no rule-making power and print zeros).
        if (row.key === 'regulations' && values.every((v) => v.n === 0)) continue;
        const [first, ...others] = values;
        sentences.push(`本年度${first!.verb}${row.label}${num(first!.n)}件${others.map((v) => `，${v.verb}${num(v.n)}件`).join('')}`);
      } else if (has('decisions') && (row.key === 'licensing' || row.key === 'penalties' || row.key === 'enforcement')) {
        const n = c.get(`t2.${row.key}.decisions`);
        const last = sentences[sentences.length - 1];
        if (last?.startsWith('作出')) sentences[sentences.length - 1] = `${last}、${row.label}决定${num(n)}件`;
        else sentences.push(`作出${row.label}决定${num(n)}件`);
      } else if (row.key === 'fees' && has('amount')) {
        const col = sub.columns.find((x) => x.key === 'amount')!;
        const unit = /单位：([^）]+)）/.exec(col.label)?.[1] ?? '万元';
        sentences.push(`收取${row.label}${num(c.get(`t2.fees.amount`))}${unit}`);
      } else if (row.key === 'procurement') {
        const unit = doc.settings?.procurementUnit ?? '元';
        sentences.push(`${row.label}项目${num(c.get('t2.procurement.items'))}个，采购总金额${num(c.get('t2.procurement.amount'))}${unit}`);
      }
    }
  }
  return `${sentences.join('；')}。`;
}

/** The sentence stating a table's figures, or why it cannot be written yet (blank cells). */
export function tableSentence(doc: ReportDocument, table: TableId): TableSentence {
  const format = getFormat(doc.format);
  const cells = new Cells(doc);
  // Every cell of the table, not only those stated: a blank part under a computed total would
  // otherwise be stated as 0.
  for (const key of formatModel(doc.format).keysByTable[table]) cells.get(key);
  const text = table === 't3' ? table3(format, cells) : table === 't4' ? table4(format, cells) : table2(doc, format, cells);
  if (cells.missing) {
    return { ok: false, message: `${TABLE_NAMES[table]}还有空白或无效的单元格，填好后才能插入${TABLE_NAMES[table]}的数字（没有的填 0）。` };
  }
  return { ok: true, text };
}
