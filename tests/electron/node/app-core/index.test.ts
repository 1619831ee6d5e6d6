// createAppCore (app-core/index.ts): dispatch answers every request with a Result (unknown channels, bad
// payloads and failures included), the dirty-state and failed-save listeners, 不保存 on close, preferences.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PdfService } from '../../../../electron/node/app-core';
import type { BridgeError, OpenedDocument } from '../../../../shared/ipc/contract';
import { makeCore, removeDir, tempDir, type TestCore } from '../storage/helpers';

let root: string;
let warnings: string[];
let t: TestCore;
beforeEach(() => {
  root = tempDir('nianbao-core-');
  warnings = [];
  t = makeCore(root, { onWarning: (message) => warnings.push(message) });
});
afterEach(async () => {
  await t.core.close();
  removeDir(root);
});

const newDoc = (agencyName = '黄金镇人民政府') => t.ok<OpenedDocument>('doc:new', { year: 2025, agencyName, level: '乡镇' });

describe('createAppCore: dispatch', () => {
  it('an unknown channel or a bad payload is answered, not thrown, and reaches no handler', async () => {
    expect(await t.call('doc:delete', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await t.call('doc:new', { year: '2025', agencyName: '某镇', level: '乡镇' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(t.core.dirtyDocuments()).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('a handler failing with anything but a UserError: internal for the renderer, a warning naming the channel', async () => {
    const pdf: PdfService = {
      render: async () => {
        throw new TypeError('x is undefined');
      },
      read: async () => ({ ok: false, error: { code: 'bad-file', message: '不读' } }),
    };
    const c = makeCore(join(root, 'failing'), { pdf, onWarning: (message) => warnings.push(message) });
    const created = await c.ok<OpenedDocument>('doc:new', { year: 2025, agencyName: '某镇', level: '乡镇' });
    const result = await c.call('export:preview', { doc: created.doc, mode: 'draft' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: '程序内部错误：x is undefined。编辑中的内容没有丢失。' } });
    expect(warnings).toEqual(['处理 export:preview 时出错']);
    // A UserError is the user's business, not a warning.
    expect(await c.call('doc:save', { docId: 'nope', doc: created.doc })).toMatchObject({ ok: false, error: { code: 'unknown-document' } });
    expect(warnings).toHaveLength(1);
  });
});

describe('createAppCore: listeners', () => {
  it('onSaveFailed hears failed doc:save and doc:saveAs only; a listener that throws is a warning; unsubscribing stops it', async () => {
    const heard: BridgeError[] = [];
    const stop = t.core.onSaveFailed((error) => heard.push(error));
    t.core.onSaveFailed(() => {
      throw new Error('listener broke');
    });
    const created = await newDoc();
    t.dialogs.answers.saveReport.push(null);
    await t.call('doc:save', { docId: created.docId, doc: created.doc });
    t.dialogs.answers.saveReport.push(null);
    await t.call('doc:saveAs', { docId: created.docId, doc: created.doc });
    await t.call('doc:open', {}); // cancelled too, but not a save
    expect(heard.map((e) => e.code)).toEqual(['cancelled', 'cancelled']);
    expect(warnings).toEqual(['save listener failed', 'save listener failed']);
    stop();
    t.dialogs.answers.saveReport.push(null);
    await t.call('doc:save', { docId: created.docId, doc: created.doc });
    expect(heard).toHaveLength(2);
  });

  it('dirtyDocuments and onDirtyChange follow doc:setDirty', async () => {
    const counts: number[] = [];
    const stop = t.core.onDirtyChange((count) => counts.push(count));
    const a = await newDoc('甲镇人民政府');
    const b = await newDoc('乙镇人民政府');
    await t.ok('doc:setDirty', { docId: a.docId, dirty: true });
    await t.ok('doc:setDirty', { docId: b.docId, dirty: true });
    expect(t.core.dirtyDocuments()).toEqual(['甲镇人民政府2025年政府信息公开工作年度报告', '乙镇人民政府2025年政府信息公开工作年度报告']);
    await t.ok('doc:setDirty', { docId: a.docId, dirty: false });
    expect(counts).toEqual([0, 0, 1, 2, 1]);
    stop();
    await t.ok('doc:setDirty', { docId: b.docId, dirty: false });
    expect(counts).toHaveLength(5);
  });
});

describe('createAppCore: discardUnsavedChanges', () => {
  it('forgets every open document and its recovery copy, and says no document is dirty any more', async () => {
    const a = await newDoc('甲镇人民政府');
    const b = await newDoc('乙镇人民政府');
    for (const doc of [a, b]) {
      await t.ok('doc:setDirty', { docId: doc.docId, dirty: true });
      await t.ok('doc:autosave', { docId: doc.docId, doc: doc.doc });
    }
    expect(readdirSync(join(t.dataDir, 'recovery'))).toHaveLength(2);
    const counts: number[] = [];
    t.core.onDirtyChange((count) => counts.push(count));
    await t.core.discardUnsavedChanges();
    expect(t.core.dirtyDocuments()).toEqual([]);
    expect(counts).toEqual([0]);
    expect(readdirSync(join(t.dataDir, 'recovery'))).toEqual([]);
    expect(await t.call('doc:setDirty', { docId: a.docId, dirty: true })).toMatchObject({ ok: false, error: { code: 'unknown-document' } });
    expect(await t.ok('recovery:list')).toEqual([]);
  });
});

describe('createAppCore: preferences', () => {
  it('core.preferences works on the store the handlers read: an agency set there is what prefs:get answers', async () => {
    t.core.preferences.setAgency({ name: '黄金镇人民政府', level: '乡镇', region: '', contact: '' });
    expect(await t.ok('prefs:get')).toMatchObject({ agency: { name: '黄金镇人民政府', level: '乡镇' } });
  });
});
