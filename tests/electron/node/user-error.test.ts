// electron/node/user-error.ts: the one error whose message reaches the user — its code, message and details
// carried to the renderer as a BridgeError (empty details left out), and anything else reported as internal.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/checks/types';
import { toBridgeError, UserError } from '../../../electron/node/user-error';

const finding = { rule: 't3.rowSum', severity: 'error', target: 't3.received', message: '合计不等于各列之和' } as unknown as Finding;

describe('UserError', () => {
  it('is an Error with its code, message and details', () => {
    const e = new UserError('bad-file', '文件已损坏。', { problems: ['第 3 行'], findings: [finding], importId: 'imp-1' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('UserError');
    expect(e.message).toBe('文件已损坏。');
    expect(e.code).toBe('bad-file');
    expect(e.problems).toEqual(['第 3 行']);
    expect(e.findings).toEqual([finding]);
    expect(e.importId).toBe('imp-1');
  });

  it('toBridgeError carries what there is, and leaves out empty problems and absent details', () => {
    expect(new UserError('not-found', '找不到文件。').toBridgeError()).toEqual({ code: 'not-found', message: '找不到文件。' });
    expect(new UserError('bad-file', 'x', { problems: [] }).toBridgeError()).toEqual({ code: 'bad-file', message: 'x' });
    expect(new UserError('blocked', 'y', { problems: ['p'], findings: [finding], importId: 'i' }).toBridgeError()).toEqual({
      code: 'blocked',
      message: 'y',
      problems: ['p'],
      findings: [finding],
      importId: 'i',
    });
    // An empty list of findings is still the answer “these block”: kept.
    expect(new UserError('blocked', 'z', { findings: [] }).toBridgeError()).toEqual({ code: 'blocked', message: 'z', findings: [] });
  });

  it('from() rebuilds a UserError out of a BridgeError a service answered with', () => {
    const e = UserError.from({ code: 'blocked', message: '不能导出正式版', problems: ['a'], findings: [finding] });
    expect(e).toBeInstanceOf(UserError);
    expect(e.toBridgeError()).toEqual({ code: 'blocked', message: '不能导出正式版', problems: ['a'], findings: [finding] });
  });
});

describe('toBridgeError', () => {
  it('passes a UserError on as it is', () => {
    expect(toBridgeError(new UserError('cancelled', '已取消。'))).toEqual({ code: 'cancelled', message: '已取消。' });
  });

  it('reports anything else as an internal error, with its detail, saying nothing was lost', () => {
    expect(toBridgeError(new TypeError('x is undefined'))).toEqual({ code: 'internal', message: '程序内部错误：x is undefined。编辑中的内容没有丢失。' });
    expect(toBridgeError('boom')).toEqual({ code: 'internal', message: '程序内部错误：boom。编辑中的内容没有丢失。' });
  });
});
