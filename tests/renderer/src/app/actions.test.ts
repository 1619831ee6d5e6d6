// What the buttons, shortcuts and menu commands do (actions.ts): opening, saving, importing, last year's
// report, export and format conversion, against a fake bridge; every error ends up in the session store.
import { describe, expect, it } from 'vitest';
import { createReport } from '../../../../shared/model/document';
import { keepTypedTotals } from '../../../../renderer/src/app/actions';
import { currentDoc, loadDoc } from '../../../../renderer/src/store/document-store';

describe('keepTypedTotals', () => {
  it('keeps totals that differ from their parts when a file is opened, switching the table to typed totals', () => {
    const doc = createReport({ year: 2022, agencyName: '测试镇' });
    doc.cells['t4.review.upheld'] = 1;
    doc.cells['t4.review.total'] = 5;
    const kept = keepTypedTotals(doc);
    expect(kept.switched).toEqual(['t4']);
    loadDoc(kept.doc);
    expect(currentDoc()!.cells['t4.review.total']).toBe(5);
    // A blank total is not a typed one: it is simply computed.
    const blank = createReport({ year: 2022, agencyName: '测试镇' });
    blank.cells['t4.review.upheld'] = 1;
    expect(keepTypedTotals(blank).switched).toEqual([]);
  });
});
