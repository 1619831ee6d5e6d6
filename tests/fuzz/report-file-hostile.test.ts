// Finding 5 of issue 10: a hostile .nianbao with a million keys (at the top or inside cells) is refused as
// damaged, quickly, with at most 20 problems and a count — never a stack overflow or 程序内部错误.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseReport, serializeReport } from '../../shared/model/document';
import { makeCore, removeDir, sampleReport, tempDir } from '../electron/node/storage/helpers';
import { deeplyNestedJson } from './hostile-files';

/** The sample report's JSON with a million extra keys spliced in as text (building a million-key object
 *  and stringifying it costs the test far more than the parser under test). */
const cache = new Map<string, string>();
function millionKeys(where: 'top' | 'cells'): string {
  const cached = cache.get(where);
  if (cached) return cached;
  const json = JSON.stringify(JSON.parse(serializeReport(sampleReport())));
  const extra = Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":${i}`).join(',');
  const at = where === 'top' ? 1 : json.indexOf('"cells":{') + '"cells":{'.length;
  const text = `${json.slice(0, at)}${extra},${json.slice(at)}`;
  cache.set(where, text);
  return text;
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
    }, 180_000);
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
  }, 180_000);

  it('a file nested 100,000 levels deep is refused, not a stack overflow', () => {
    const result = parseReport(deeplyNestedJson(100_000));
    expect(result.ok).toBe(false);
  });
});
