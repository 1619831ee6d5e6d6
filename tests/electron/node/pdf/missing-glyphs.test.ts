// Characters no embedded font has (a CJK Extension B character in a name, an emoji, a private-use
// character) and invisible control characters pasted with the text: the export still succeeds, the
// invisible ones are not printed at all, and the user is told which characters print as boxes — in the
// export result, on the draft's last page and by the command line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeReport } from '../../../../shared/model/document';
import type { ReportDocument } from '../../../../shared/model/report';
import { toAtoms, type Measurer } from '../../../../electron/node/pdf/line-break';
import { pdfText, pingtanReport, sharedExporter, withExplanations } from './helpers';

const RARE = '𠀀'; // U+20000, CJK Extension B: in none of the four faces
const EMOJI = '😀';
const PRIVATE = '\ue000';

let doc: ReportDocument;
beforeAll(() => {
  doc = withExplanations(pingtanReport());
  doc.agency = { ...doc.agency, name: `平潭${RARE}综合实验区` };
  doc.sections = { ...doc.sections, other: `本年度未收取信息处理费${EMOJI}。\n铃声\u0007与零宽\u200b空格${PRIVATE}不应印出方框。` };
});

describe('characters without a glyph', () => {
  it('a final export still succeeds and lists them once each, in order of appearance', async () => {
    const result = await sharedExporter().exportPdf(withExplanations(doc), { mode: 'final' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.missingGlyphs).toEqual([RARE, EMOJI, PRIVATE]);
    // Invisible characters are neither printed nor reported; the text around them is.
    expect(pdfText(result.pdf).replace(/\s+/g, '')).toContain('铃声与零宽空格');
  });

  it('a report whose characters all have glyphs has none', async () => {
    const result = await sharedExporter().exportPdf(withExplanations(pingtanReport()), { mode: 'final' });
    expect(result.ok && result.missingGlyphs).toEqual([]);
  });

  it('the draft’s last page names them by code point', async () => {
    const result = await sharedExporter().exportPdf(doc, { mode: 'draft' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = pdfText(result.pdf).replace(/\s+/g, '');
    expect(text).toContain('另有3个字符在所带字体中没有字形，印成了方框（U+20000、U+1F600、U+E000）');
  });

  it('the line breaker drops control and format characters but keeps tabs as spaces', () => {
    const unit: Measurer = { resolve: (face) => face, measure: (_face, text) => ({ width: [...text].length, glyphs: [...text].length }) };
    const atoms = toAtoms([{ text: '一\u0007二\u200b三\ufeff四\u00ad五\t六', face: 'serif' }], unit, 1);
    expect(atoms.map((a) => a.text)).toEqual(['一', '二', '三', '四', '五', ' ', '六']);
  });

  it('nianbao export says so on stderr and still exits 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-glyphs-'));
    writeFileSync(join(dir, 'r.nianbao'), serializeReport(doc));
    const bin = fileURLToPath(new URL('../../../../electron/cli/bin.mjs', import.meta.url));
    const run = spawnSync(process.execPath, [bin, 'export', 'r.nianbao', '-o', 'r.pdf', '--draft'], { cwd: dir, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('以下 3 个字符在 PDF 所带的字体中都没有字形，印成了方框：“𠀀”（U+20000）、“😀”（U+1F600）');
  });
});
