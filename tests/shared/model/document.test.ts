import { describe, expect, it } from 'vitest';
import { formatModel } from '../../../shared/formats/index';
import {
  CURRENT_SCHEMA_VERSION,
  createReport,
  isIssueDate,
  issueDateText,
  migrateToCurrent,
  parseReport,
  parseReportData,
  reportTitle,
  serializeReport,
  type ReportDocument,
  previousBlock,
} from '../../../shared/model/index';

const NOW = '2026-01-05T09:30:00.000Z';
const fresh = (year = 2025) => createReport({ year, agencyName: '黄金镇人民政府', level: '乡镇', now: NOW });

describe('createReport', () => {
  it('picks the format by year and lists every cell of that format as blank', () => {
    const r19 = fresh(2020);
    const r21 = fresh(2021);
    expect(r19.format).toBe('2019');
    expect(r21.format).toBe('2021');
    expect(Object.keys(r19.cells)).toEqual(formatModel('2019').cells.map((c) => c.key));
    expect(Object.values(r21.cells).every((v) => v === null)).toBe(true);
    expect(r21.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(r21.meta).toEqual({ created: NOW, updated: NOW, appVersion: expect.any(String) });
    expect(reportTitle(r21)).toBe('黄金镇人民政府2021年政府信息公开工作年度报告');
    expect(reportTitle({ ...r21, agency: { ...r21.agency, name: '黄金镇' } })).toBe('2021年黄金镇政府信息公开工作年度报告');
    expect(reportTitle({ ...r21, title: '  某标题2021年政府信息公开工作年度报告 ' })).toBe('某标题2021年政府信息公开工作年度报告');
  });
});

describe('parseReport', () => {
  it('round-trips what serializeReport writes', () => {
    const doc = fresh();
    doc.cells['t3.received.natural'] = 5;
    doc.sections.overview = '一、总体情况\n（一）主动公开';
    doc.explanations.push({ rule: 'prev.jump', target: 'received', text: '今年开展了专项行动。' });
    const parsed = parseReport(serializeReport(doc));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.doc).toEqual(doc);
  });

  it('serializes cells in format order, with missing keys written as null', () => {
    const doc = fresh();
    delete doc.cells['t3.received.natural'];
    const text = serializeReport(doc);
    const keys = Object.keys(JSON.parse(text).cells);
    expect(keys).toEqual(formatModel('2021').cells.map((c) => c.key));
    expect(JSON.parse(text).cells['t3.received.natural']).toBeNull();
  });

  it.each([
    ['', 'json', '文件是空的'],
    ['{"schemaVersion": 1, "format": "2021"', 'json', '不完整或已损坏'],
    ['[1,2,3]', 'foreign', '不是年报助手的报告文件'],
    ['{"name":"package","version":"1.0.0"}', 'foreign', '不是年报助手的报告文件'],
  ])('refuses %j as %s with a Chinese message', (text, kind, words) => {
    const r = parseReport(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.kind).toBe(kind);
      expect(r.message).toContain(words);
    }
  });

  it('refuses a file from a newer schema version and says so', () => {
    const doc = { ...fresh(), schemaVersion: CURRENT_SCHEMA_VERSION + 1 };
    const r = parseReportData(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.kind).toBe('newer');
      expect(r.message).toContain('较新版本');
      expect(r.message).toContain('不会改写');
    }
  });

  it('names each schema problem precisely', () => {
    const doc = fresh() as unknown as Record<string, any>;
    doc.agency.level = '村';
    doc.cells['t3.received.nobody'] = 1;
    doc.cells['t3.received.natural'] = '12';
    doc.year = 2021.5;
    delete doc.sections.problems;
    const r = parseReportData(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.problems.map((p) => [p.path, p.message]));
    expect(byPath['/agency/level']).toContain('乡镇');
    expect(byPath['/cells/t3.received.nobody']).toContain('不是本格式中的项目');
    expect(byPath['/cells/t3.received.natural']).toContain('应为数字或空值');
    expect(byPath['/year']).toContain('整数');
    expect(byPath['/sections/problems']).toContain('缺少');
    expect(r.message).toContain('5 处');
  });

  it('refuses 2021-only keys in a 2019 report', () => {
    const doc = fresh(2019) as unknown as Record<string, any>;
    doc.cells['t3.other.misc.natural'] = 0;
    const r = parseReportData(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['/cells/t3.other.misc.natural']);
  });

  it('takes a byte-order mark', () => {
    expect(parseReport(`\uFEFF${serializeReport(fresh())}`).ok).toBe(true);
  });
});

describe('migrations', () => {
  const v1 = () => ({ ...fresh(), schemaVersion: 1 }) as unknown as Record<string, unknown>;

  it('leaves a current document as it is', () => {
    const r = migrateToCurrent(v1());
    expect(r.ok && r.from).toBe(1);
  });

  it('runs every step in order without mutating the input', () => {
    const input = v1();
    const before = JSON.stringify(input);
    const steps = {
      1: (d: Record<string, unknown>) => ({ ...d, trail: ['1→2'] }),
      2: (d: Record<string, unknown>) => ({ ...d, trail: [...(d.trail as string[]), '2→3'] }),
    };
    const r = migrateToCurrent(input, steps, 3);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.doc.schemaVersion).toBe(3);
      expect(r.doc.trail).toEqual(['1→2', '2→3']);
      expect(r.from).toBe(1);
    }
    expect(JSON.stringify(input)).toBe(before);
  });

  it('migrates a version 1 file to the current version (refused entries, the ledger source and the date of issue are new and optional): the data stays as it was', () => {
    const input = { ...v1(), cells: { ...fresh().cells, 't3.received.natural': 12.5 } };
    const r = parseReportData(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    expect(r.doc.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(r.doc.cells['t3.received.natural']).toBe(12.5);
    expect(r.doc.invalidCells).toBeUndefined();
    expect(r.doc.issued).toBeUndefined();
  });

  it('keeps the date of issue through save and reopen, and refuses one that is not a YYYY-MM-DD date', () => {
    const doc: ReportDocument = { ...fresh(), issued: '2026-01-20' };
    const back = parseReport(serializeReport(doc));
    expect(back.ok && back.doc.issued).toBe('2026-01-20');
    expect(JSON.parse(serializeReport(fresh()))).not.toHaveProperty('issued');
    for (const bad of ['2026-1-20', '2026-13-01', '2026年1月20日', '']) {
      const r = parseReportData({ ...doc, issued: bad });
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toContain('成文日期');
    }
    expect(isIssueDate('2024-02-29')).toBe(true);
    expect(isIssueDate('2025-02-29')).toBe(false);
    expect(issueDateText('2026-01-20')).toBe('2026年1月20日');
  });

  it('keeps refused entries as typed through save and reopen, and refuses keys of the other format', () => {
    const doc: ReportDocument = { ...fresh(), invalidCells: { 't3.received.natural': '1o', 't2.fees.amount': '5949.088667' } };
    const text = serializeReport(doc);
    expect(JSON.parse(text).invalidCells).toEqual({ 't2.fees.amount': '5949.088667', 't3.received.natural': '1o' });
    const back = parseReport(text);
    expect(back.ok && back.doc.invalidCells).toEqual(doc.invalidCells);
    // No refused entries: no field at all.
    expect(JSON.parse(serializeReport(fresh()))).not.toHaveProperty('invalidCells');
    const wrongKey = parseReportData({ ...doc, invalidCells: { 't2.procurement.amount': '1' } });
    expect(wrongKey.ok).toBe(false);
    const notText = parseReportData({ ...doc, invalidCells: { 't3.received.natural': 1 } });
    expect(notText.ok).toBe(false);
  });

  it('migrates a version 4 file to version 5 without a previous block or proposed marks', () => {
    const r = parseReportData({ ...fresh(), schemaVersion: 4 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(4);
    expect(r.doc.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(r.doc.previous).toBeUndefined();
    expect(r.doc.proposed).toBeUndefined();
  });

  it('keeps last year’s report (previous block) and the proposed marks through save and reopen', () => {
    const last = fresh(2024);
    last.cells['t3.carriedOver.natural'] = 3;
    last.cells['t2.regulations.inForce'] = 12;
    last.sections.problems = '一是公开不够及时。';
    const block = previousBlock(last, { fileName: '2024年报.docx', kind: 'docx' }, 'ab'.repeat(32));
    expect(Object.keys(block.cells)).toEqual(formatModel('2021').cells.map((c) => c.key));
    const doc: ReportDocument = { ...fresh(2025), previous: block, proposed: { cells: ['t3.carriedIn.natural'], sections: ['problems'] } };
    const text = serializeReport(doc);
    const back = parseReport(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.doc.previous).toEqual(block);
    expect(back.doc.previous?.cells['t3.carriedOver.natural']).toBe(3);
    expect(back.doc.proposed).toEqual({ cells: ['t3.carriedIn.natural'], sections: ['problems'] });
    // Nothing proposed left: no field.
    expect(JSON.parse(serializeReport({ ...doc, proposed: { cells: [], sections: [] } }))).not.toHaveProperty('proposed');
    expect(JSON.parse(serializeReport(fresh()))).not.toHaveProperty('previous');
  });

  it('refuses a previous block with cells of the other format, a bad hash or source kind, and proposed keys of another format', () => {
    const last = fresh(2020);
    const block = previousBlock(last, { fileName: 'a.pdf', kind: 'pdf' }, 'c'.repeat(64));
    const doc = { ...fresh(2021), previous: block };
    expect(parseReportData(doc).ok).toBe(true);
    const bad = [
      { ...doc, previous: { ...block, cells: { ...block.cells, 't2.regulations.inForce': 1 } } },
      { ...doc, previous: { ...block, sha256: 'xyz' } },
      { ...doc, previous: { ...block, source: { fileName: 'a', kind: 'exe' } } },
      { ...doc, previous: { ...block, problems: undefined } },
      { ...doc, proposed: { cells: ['t2.licensing.lastYearItems'], sections: [] } },
      { ...doc, proposed: { cells: [], sections: ['title'] } },
    ];
    for (const d of bad) {
      const r = parseReportData(d);
      expect(r.ok, JSON.stringify(d.previous ?? d.proposed).slice(0, 100)).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/上年报告|按上年建议/);
    }
  });

  it('refuses a version with no path to the current one, and nonsense versions', () => {
    expect(migrateToCurrent(v1(), {}, 2)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(migrateToCurrent({ schemaVersion: 0 })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(migrateToCurrent({ schemaVersion: '1' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(migrateToCurrent({ schemaVersion: 99 })).toMatchObject({ ok: false, reason: 'newer' });
  });
});
