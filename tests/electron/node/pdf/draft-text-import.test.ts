// The text of a draft PDF (pdftotext) imported again: the findings page the draft ends with is the
// app's, not the report's, so it does not end up in section 六; every cell still comes back.
import { describe, expect, it } from 'vitest';
import { importReportText } from '../../../../shared/import/index';
import { pdfText, pingtanReport, sharedExporter } from './helpers';

describe('importing the text of a draft PDF', () => {
  it.each(['layout', 'raw'] as const)('pdftotext %s: section 六 ends before the findings page', async (mode) => {
    const doc = pingtanReport();
    const result = await sharedExporter().exportPdf(doc, { mode: 'draft' });
    if (!result.ok) throw new Error(result.message);
    expect(result.findings.length).toBeGreaterThan(0);
    const text = pdfText(result.pdf, mode);
    expect(text).toContain('草稿附页：检查结果');
    const imported = importReportText(text);
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.doc.sections.other.replace(/\s+/g, '')).toBe(doc.sections.other.replace(/\s+/g, ''));
    expect(imported.doc.cells).toEqual(doc.cells);
  });
});
