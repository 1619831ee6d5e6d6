// Creating, parsing and serialising report documents. Parsing never throws: it returns every problem
// found, each with its place in the file and a Chinese message.
import { formatIdForYear, formatModel } from '../formats/index';
import type { FormatId } from '../formats/types';
import { MAX_ENTRIES_CHECKED, validateSchemaBounded } from './json-schema';
import { scanJsonShape } from './json-shape';
import { migrateToCurrent } from './migrate';
import { CURRENT_SCHEMA_VERSION, type AgencyLevel, type PreviousReport, type ReportDocument } from './report';
import { REPORT_SCHEMA } from './schema';
import { reportYearProblem, SECTION_HEADINGS } from '../formats/vocabulary';
import { APP_VERSION } from '../version';

export { APP_VERSION };

export interface NewReportOptions {
  year: number;
  agencyName: string;
  level?: AgencyLevel;
  region?: string;
  /** Normally picked by year; given explicitly only to reproduce a report published in the wrong format. */
  format?: FormatId;
  /** ISO time used for meta.created/updated (tests and reproducible files pass one). */
  now?: string;
}

export function createReport(opts: NewReportOptions): ReportDocument {
  const format = opts.format ?? formatIdForYear(opts.year);
  const now = opts.now ?? new Date().toISOString();
  const cells: Record<string, number | null> = {};
  for (const c of formatModel(format).cells) cells[c.key] = null;
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    format,
    year: opts.year,
    agency: { name: opts.agencyName, level: opts.level ?? '乡镇', ...(opts.region ? { region: opts.region } : {}) },
    sections: { overview: '', problems: '', other: '' },
    cells,
    explanations: [],
    meta: { created: now, updated: now, appVersion: APP_VERSION },
  };
}

export type ParseErrorKind = 'json' | 'foreign' | 'newer' | 'invalid';

export interface ParseProblem {
  path: string;
  message: string;
}

export type ParseResult =
  | { ok: true; doc: ReportDocument; migratedFrom?: number }
  | { ok: false; kind: ParseErrorKind; message: string; problems: ParseProblem[] };

const FIELD_NAMES: Record<string, string> = {
  schemaVersion: '文件格式版本',
  format: '报告格式',
  year: '报告年度',
  title: '报告标题',
  agency: '机关信息',
  'agency/name': '机关名称',
  'agency/level': '机关层级',
  'agency/region': '地区',
  sections: '正文',
  'sections/overview': SECTION_HEADINGS.overview,
  'sections/problems': SECTION_HEADINGS.problems,
  'sections/other': SECTION_HEADINGS.other,
  cells: '表格数据',
  invalidCells: '未被接受的填写',
  explanations: '说明',
  issued: '成文日期',
  settings: '设置',
  ledgerSource: '台账来源',
  merged: '汇总来源',
  previous: '上年报告',
  'previous/cells': '上年报告的表格数据',
  'previous/problems': `上年报告的“${SECTION_HEADINGS.problems}”`,
  proposed: '按上年建议、尚未确认的内容',
  meta: '文件信息',
};

/** “/cells/t3.received.natural” → “表格数据 t3.received.natural”, “/agency/level” → “机关层级”. */
export function describePath(path: string): string {
  const p = path.replace(/^\//, '');
  if (p === '') return '文件';
  if (FIELD_NAMES[p]) return `${FIELD_NAMES[p]}（${p}）`;
  const [head, ...rest] = p.split('/');
  const name = FIELD_NAMES[head ?? ''];
  return name ? `${name} ${rest.join('/')}` : p;
}

/** Containers nested in a report file: its schema has fewer than ten levels. */
export const MAX_REPORT_DEPTH = 64;

/** Parse the text of a `.nianbao` file: shape, JSON, migration, schema. */
export function parseReport(text: string): ParseResult {
  let data: unknown;
  const trimmed = text.replace(/^\uFEFF/, '');
  if (trimmed.trim() === '') {
    return { ok: false, kind: 'json', message: '文件是空的，不是年报助手的报告文件。', problems: [] };
  }
  // Before JSON.parse builds it: a container with more entries than the schema check reads (a million
  // keys) or nesting no report has is refused in milliseconds, as damaged.
  const shape = scanJsonShape(trimmed, { maxEntries: MAX_ENTRIES_CHECKED, maxDepth: MAX_REPORT_DEPTH });
  if (shape) {
    const path = shape.path.split('/').slice(0, 4).join('/');
    const where = describePath(path) + (path === shape.path ? '' : '/…');
    const problem =
      shape.reason === 'entries'
        ? `${where}：有超过 ${MAX_ENTRIES_CHECKED} 项，远超报告文件的合理范围，文件已损坏`
        : `${where}：嵌套超过 ${MAX_REPORT_DEPTH} 层，远超报告文件的合理范围，文件已损坏`;
    return { ok: false, kind: 'invalid', message: `报告文件已损坏：${problem}。请从备份恢复，或请发来文件的单位重新发送。`, problems: [{ path, message: problem }] };
  }
  try {
    data = JSON.parse(trimmed);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      kind: 'json',
      message: `文件内容不完整或已损坏，无法读取（JSON 错误：${detail}）。文件可能被截断，请从备份恢复。`,
      problems: [],
    };
  }
  return parseReportData(data);
}

/** Validate already-parsed data (from a file, a PDF attachment or an IPC payload). */
export function parseReportData(data: unknown): ParseResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, kind: 'foreign', message: '这不是年报助手的报告文件（内容不是报告对象）。', problems: [] };
  }
  const obj = data as Record<string, unknown>;
  if (!('schemaVersion' in obj) || !('cells' in obj) || !('format' in obj)) {
    return {
      ok: false,
      kind: 'foreign',
      message: '这不是年报助手的报告文件（缺少 schemaVersion、format 或 cells）。',
      problems: [],
    };
  }
  const migrated = migrateToCurrent(obj);
  if (!migrated.ok) {
    return { ok: false, kind: migrated.reason === 'newer' ? 'newer' : 'invalid', message: migrated.message, problems: [] };
  }
  // A year outside the supported range gets the same words as everywhere else, not a schema message.
  const year = migrated.doc.year;
  const yearProblem = typeof year === 'number' && Number.isInteger(year) ? reportYearProblem(year) : null;
  if (yearProblem) return { ok: false, kind: 'invalid', message: yearProblem, problems: [] };
  // At most the first 20 problems travel (to the renderer, the CLI), with the count of all.
  const { issues, total } = validateSchemaBounded(REPORT_SCHEMA, migrated.doc, 20);
  if (total > 0) {
    const problems = issues.map((i) => ({ path: i.path, message: `${describePath(i.path)}：${i.message}` }));
    const shown = problems.slice(0, 5).map((p) => p.message).join('；');
    const more = total > 5 ? `；另有 ${total - 5} 处` : '';
    return { ok: false, kind: 'invalid', message: `报告文件已损坏：有 ${total} 处内容不符合文件格式：${shown}${more}。`, problems };
  }
  const doc = migrated.doc as unknown as ReportDocument;
  return migrated.from === CURRENT_SCHEMA_VERSION ? { ok: true, doc } : { ok: true, doc, migratedFrom: migrated.from };
}

/** Stable, human-diffable JSON: cells in format order, two-space indent, trailing newline. */
export function serializeReport(doc: ReportDocument): string {
  const order = formatModel(doc.format).cells.map((c) => c.key);
  const cells: Record<string, number | null> = {};
  for (const key of order) cells[key] = doc.cells[key] ?? null;
  const out: Record<string, unknown> = {
    schemaVersion: doc.schemaVersion,
    format: doc.format,
    year: doc.year,
    ...(doc.title !== undefined ? { title: doc.title } : {}),
    agency: doc.agency,
    sections: doc.sections,
    cells,
    ...(doc.invalidCells && Object.keys(doc.invalidCells).length > 0 ? { invalidCells: invalidCellsInOrder(doc.invalidCells, order) } : {}),
    explanations: doc.explanations,
    ...(doc.issued ? { issued: doc.issued } : {}),
    ...(doc.settings ? { settings: doc.settings } : {}),
    ...(doc.ledgerSource ? { ledgerSource: doc.ledgerSource } : {}),
    ...(doc.merged ? { merged: doc.merged } : {}),
    ...(doc.previous ? { previous: previousInOrder(doc.previous) } : {}),
    ...(doc.proposed && (doc.proposed.cells.length > 0 || doc.proposed.sections.length > 0) ? { proposed: doc.proposed } : {}),
    ...(doc.history && doc.history.length > 0 ? { history: doc.history } : {}),
    meta: doc.meta,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function previousInOrder(block: PreviousReport): PreviousReport {
  const cells: Record<string, number | null> = {};
  for (const c of formatModel(block.format).cells) cells[c.key] = block.cells[c.key] ?? null;
  return { ...block, cells };
}

function invalidCellsInOrder(entries: Record<string, string>, order: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of order) if (entries[key] !== undefined) out[key] = entries[key]!;
  return out;
}
