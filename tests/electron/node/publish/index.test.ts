// electron/node/publish/index.ts: publishReport — the website (.html) and Word (.docx) versions refused like
// the final PDF while an error or an unexplained 须说明 finding remains (the message counting each, naming
// the version), exported anyway as a draft, with last year's report taken into the checks.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../../shared/checks/index';
import { issueDateText, reportTitle, type ReportDocument } from '../../../../shared/model/report';
import { DRAFT_NOTICE, publishReport, PUBLISH_KIND_NAMES } from '../../../../electron/node/publish/index';
import { pingtanReport, withExplanations } from '../pdf/helpers';

const TODAY = '2026-02-01';
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The pingtan report with table 3's total of natural persons off by one: an error finding. */
function withError(): ReportDocument {
  const doc = withExplanations(pingtanReport());
  doc.cells['t3.received.total'] = (doc.cells['t3.received.total'] ?? 0) + 1;
  return doc;
}

/** Last year's report, whose 结转下年度 differ from this year's 上年结转 by 5: 须说明 findings (prev.carryOver). */
function disagreeingPrevious(doc: ReportDocument): ReportDocument {
  const previous = pingtanReport();
  previous.year = doc.year - 1;
  for (const key of Object.keys(previous.cells)) if (key.startsWith('t3.carriedOver.')) previous.cells[key] = (doc.cells[key.replace('carriedOver', 'carriedIn')] ?? 0) + 5;
  return previous;
}

describe('publishReport', () => {
  it('exports the final website version of a report the checks pass, dated today when it has no date of issue', async () => {
    const doc = { ...withExplanations(pingtanReport()), issued: undefined };
    const result = await publishReport(doc, 'html', { mode: 'final', today: TODAY });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const html = decode(result.bytes);
    expect(html).toContain(reportTitle(doc));
    expect(html).toContain(issueDateText(TODAY));
    expect(html).not.toContain(DRAFT_NOTICE.text);
    expect(result.findings.every((f) => f.severity !== 'error')).toBe(true);
  });

  it('exports the Word version as a .docx', async () => {
    const result = await publishReport(withExplanations(pingtanReport()), 'docx', { mode: 'final', today: TODAY });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const files = unzipSync(result.bytes);
    expect(strFromU8(files['word/document.xml']!)).toContain('政府信息公开');
  });

  it('refuses the final version while an error remains, naming the version and counting the errors', async () => {
    for (const kind of ['html', 'docx'] as const) {
      const result = await publishReport(withError(), kind, { mode: 'final', today: TODAY });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.reason).toBe('blocked');
      const errors = result.findings.filter((f) => f.severity === 'error').length;
      expect(errors).toBeGreaterThan(0);
      expect(result.message).toBe(`不能导出${PUBLISH_KIND_NAMES[kind]}：还有 ${errors} 处错误。请先填写、改正或写明说明；只为内部修改时，可按草稿导出。`);
    }
  });

  it('refuses it while a 须说明 finding has no explanation, and lists only what blocks', async () => {
    const doc = withExplanations(pingtanReport());
    const previous = disagreeingPrevious(doc);
    const confirms = runChecks({ report: doc, previous }).filter((f) => f.severity === 'confirm');
    expect(confirms.length).toBeGreaterThan(0);
    const result = await publishReport(doc, 'html', { mode: 'final', today: TODAY, previous });
    expect(!result.ok && result.message).toBe(`不能导出网页版：还有 ${confirms.length} 处须说明未说明。请先填写、改正或写明说明；只为内部修改时，可按草稿导出。`);
    expect(!result.ok && result.findings).toEqual(confirms);
  });

  it('a draft is exported whatever the checks say, marked as a draft, with every finding', async () => {
    const result = await publishReport(withError(), 'html', { mode: 'draft', today: TODAY });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(decode(result.bytes)).toContain(DRAFT_NOTICE.text);
    expect(result.findings.some((f) => f.severity === 'error')).toBe(true);
  });

  it('checks against last year\'s report only when one is given', async () => {
    const doc = withExplanations(pingtanReport());
    const alone = await publishReport(doc, 'html', { mode: 'draft', today: TODAY });
    const compared = await publishReport(doc, 'html', { mode: 'draft', today: TODAY, previous: disagreeingPrevious(doc) });
    expect(alone.findings.some((f) => f.rule === 'prev.carryOver')).toBe(false);
    expect(compared.findings.some((f) => f.rule === 'prev.carryOver')).toBe(true);
    expect((await publishReport(doc, 'html', { mode: 'final', today: TODAY })).ok).toBe(true);
  });
});
