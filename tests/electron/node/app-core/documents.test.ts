import { describe, expect, it } from 'vitest';
import { DocumentRegistry } from '../../../../electron/node/app-core/documents';
import { UserError } from '../../../../electron/node/user-error';
import { createReport } from '../../../../shared/model/document';

const report = (agencyName: string) => createReport({ year: 2024, agencyName, level: '县级', now: '2025-01-02T03:04:05.000Z' });

describe('DocumentRegistry', () => {
  it('registers a document and says where it lives', () => {
    const registry = new DocumentRegistry(() => undefined);
    const doc = report('某某县人民政府');
    const opened = registry.register(doc, '/报告/2024/年报.nianbao', null, false);
    expect(opened).toEqual({ docId: expect.stringMatching(/^[0-9a-f-]{36}$/), doc, fileName: '年报.nianbao', location: '/报告/2024' });
    expect(registry.get(opened.docId)).toMatchObject({ path: '/报告/2024/年报.nianbao', dirty: false, title: '某某县人民政府2024年政府信息公开工作年度报告', autosaves: 0 });
    const unsaved = registry.register(report(''), null, null, true, 'given-id');
    expect(unsaved).toMatchObject({ docId: 'given-id', fileName: null, location: null });
    expect(registry.ids()).toEqual([opened.docId, 'given-id']);
  });

  it('gives each registration its own id', () => {
    const registry = new DocumentRegistry(() => undefined);
    const ids = new Set(Array.from({ length: 50 }, () => registry.register(report('甲'), null, null, false).docId));
    expect(ids.size).toBe(50);
  });

  it('refuses a closed document with a Chinese message', () => {
    const registry = new DocumentRegistry(() => undefined);
    const { docId } = registry.register(report('甲'), null, null, false);
    registry.remove(docId);
    expect(registry.has(docId)).toBe(false);
    let error: unknown;
    try {
      registry.get(docId);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'unknown-document', message: '这份报告已经关闭或不存在，请重新打开。' });
    expect(() => registry.setDirty(docId, true)).toThrow(UserError);
  });

  it('tells listeners how many documents have unsaved changes, and lists their titles', () => {
    const registry = new DocumentRegistry(() => undefined);
    const counts: number[] = [];
    const stop = registry.onDirtyChange((n) => counts.push(n));
    const a = registry.register(report('某某镇人民政府'), null, null, true).docId;
    const b = registry.register(report(''), null, null, false).docId;
    registry.setDirty(b, true);
    expect(registry.dirtyTitles()).toEqual(['某某镇人民政府2024年政府信息公开工作年度报告', '2024年政府信息公开工作年度报告']);
    registry.setDirty(a, false);
    registry.remove(b, { notify: false });
    registry.notifyDirty();
    stop();
    registry.setDirty(a, true);
    expect(counts).toEqual([1, 1, 2, 1, 0]);
  });

  it('keeps notifying when one listener throws, and reports it', () => {
    const warnings: string[] = [];
    const registry = new DocumentRegistry((message) => warnings.push(message));
    const counts: number[] = [];
    registry.onDirtyChange(() => {
      throw new Error('窗口已关闭');
    });
    registry.onDirtyChange((n) => counts.push(n));
    registry.register(report('甲'), null, null, true);
    expect(counts).toEqual([1]);
    expect(warnings).toEqual(['dirty listener failed']);
  });
});
