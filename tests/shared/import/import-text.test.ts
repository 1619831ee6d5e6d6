// importReportText and importLines, the text importer's front: a draft's findings page and the 落款 are not
// report text, page numbers go, the year and agency come from the title or the caller (or the caller is asked
// for them), and a front end that knows its structure hands over whole paragraphs and exact row cells.
import { describe, expect, it } from 'vitest';
import { DRAFT_FINDINGS_HEADING, importLines, importReportText, NEEDS_YEAR_ACTION } from '../../../shared/import/import-text';
import { pingtan } from './fixtures';
import { renderReportText } from './render-report-text';

const NOW = '2026-01-05T09:30:00.000Z';
const pingtanText = () => renderReportText(pingtan, { style: 'tabs' });

function imported(text: string, opts: Parameters<typeof importReportText>[1] = {}) {
  const result = importReportText(text, opts);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('importReportText', () => {
  it('reads a whole report: year, agency and format from the title, the sections, every cell', () => {
    const { doc, detectedFormat } = imported(pingtanText(), { now: NOW });
    expect([doc.year, doc.agency.name, doc.format, detectedFormat]).toEqual([2022, '平潭综合实验区', '2021', '2021']);
    expect(doc.sections).toEqual(pingtan.sections);
    expect(doc.cells['t4.review.total']).toBe(pingtan.cells['t4.review.total']);
    expect(doc.meta.created).toBe(NOW);
  });

  it('stops at a draft’s findings page and before the 落款 (agency and date of issue)', () => {
    const text = `${pingtanText()}\n平潭综合实验区管理委员会\n2023年1月20日\n${DRAFT_FINDINGS_HEADING}\n错误：表三行合计不符\n`;
    const { doc } = imported(text);
    expect(doc.sections.other).toBe(pingtan.sections.other);
    expect(doc.issued).toBe('2023-01-20');
  });

  it('removes page numbers between the lines of a section', () => {
    const lines = pingtanText().split('\n');
    const at = lines.findIndex((l) => l.startsWith('五、'));
    lines.splice(at + 2, 0, '', '— 3 —', '');
    expect(imported(lines.join('\n')).doc.sections).toEqual(pingtan.sections);
  });

  it('without a year anywhere it asks for one; given by the caller, the report is read', () => {
    const untitled = pingtanText().split('\n').filter((l) => !l.includes('政府信息公开工作年度报告')).join('\n').replace(/20\d\d年/g, '本年');
    const refused = importReportText(untitled);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.needsYear).toBe(true);
      expect(refused.message.endsWith(NEEDS_YEAR_ACTION)).toBe(true);
    }
    const { doc, problems } = imported(untitled, { year: 2022, agencyName: '平潭综合实验区', level: '设区的市级' });
    expect([doc.year, doc.agency.name, doc.agency.level]).toEqual([2022, '平潭综合实验区', '设区的市级']);
    expect(problems.filter((p) => p.place === 'meta').map((p) => p.message)).toEqual([expect.stringContaining('没有找到报告标题')]);
  });

  it('a year given by the caller overrides the title’s, and says so', () => {
    const { doc, problems } = imported(pingtanText(), { year: 2023, level: '设区的市级' });
    expect(doc.year).toBe(2023);
    expect(problems.map((p) => p.message)).toContain('标题中的年度是 2022，按指定改为 2023。');
  });

  it('refuses a text that is no report, or only its title, saying which', () => {
    const none = importReportText('今天天气很好。\n明天也是。');
    expect(none.ok === false && none.message).toMatch(/^这段文字不像政府信息公开工作年度报告/);
    const titleOnly = importReportText('2022年平潭综合实验区政府信息公开工作年度报告\n');
    expect(titleOnly.ok === false && titleOnly.message).toMatch(/^只找到标题/);
  });
});

describe('importLines', () => {
  it('with exact paragraphs, joins no lines however wide they are', () => {
    const wide = (n: number) => `第${n}段的文字写得很长很长很长很长很长很长很长很长很长很长很长很长`;
    const lines = ['2022年平潭综合实验区政府信息公开工作年度报告', '一、总体情况', wide(1), wide(2), wide(3), wide(4), '五、存在的主要问题及改进情况', '无。', '六、其他需要报告的事项', '无。'];
    const exact = importLines(lines, {}, { rowCells: [], exactParagraphs: true });
    const wrapped = importLines(lines);
    expect(exact.ok && exact.doc.sections.overview).toBe([1, 2, 3, 4].map(wide).join('\n'));
    expect(wrapped.ok && wrapped.doc.sections.overview).toBe([1, 2, 3, 4].map(wide).join(''));
  });
});
