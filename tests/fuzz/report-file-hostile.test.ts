// Finding 5 of issue 10: a hostile .nianbao with a million keys (at the top or inside cells) is refused as
// damaged, quickly, with at most 20 problems and a count — never a stack overflow or 程序内部错误.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseReport, serializeReport } from '../../shared/model/document';
import { makeCore, removeDir, sampleReport, tempDir } from '../storage/helpers';
import { deeplyNestedJson } from './hostile-files';

function millionKeys(where: 'top' | 'cells'): string {
  const doc = JSON.parse(serializeReport(sampleReport())) as Record<string, unknown>;
  const extra: Record<string, number> = {};
  for (let i = 0; i < 1_000_000; i++) extra[`k${i}`] = i;
  if (where === 'top') Object.assign(doc, extra);
  else doc.cells = { ...(doc.cells as object), ...extra };
  return JSON.stringify(doc);
}

let root: string;
beforeEach(() => {
  root = tempDir('nianbao-hostile-report-');
});
afterEach(() => removeDir(root));

describe('hostile report files', () => {
  for (const where of ['top', 'cells'] as const) {
    it(`a million extra keys ${where === 'top' ? 'at the top' : 'inside cells'}: “damaged”, ≤ 20 problems and the count`, () => {
      const result = parseReport(millionKeys(where));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toMatch(/已损坏/);
      expect(result.problems.length).toBeLessThanOrEqual(20);
      expect(JSON.stringify(result).length).toBeLessThan(20_000);
    });
  }

  it('opened through the app core: bad-file with a short problem list, not 程序内部错误', async () => {
    const t = makeCore(root);
    const path = join(t.documentsDir, 'hostile.nianbao');
    writeFileSync(path, millionKeys('cells'));
    const result = await t.core.openExternalFile(path);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-file' } });
    if (!result.ok) {
      expect(result.error.message).not.toMatch(/程序内部错误/);
      expect(result.error.problems?.length ?? 0).toBeLessThanOrEqual(20);
    }
  });

  it('a file nested 100,000 levels deep is refused, not a stack overflow', () => {
    const result = parseReport(deeplyNestedJson(100_000));
    expect(result.ok).toBe(false);
  });
});
