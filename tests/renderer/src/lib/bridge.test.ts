// @vitest-environment jsdom
// The renderer's way to main (bridge.ts): invoke answers main's result, and a missing or throwing bridge
// becomes an ordinary error result; onEvent subscribes and unsubscribes.
import { afterEach, describe, expect, it } from 'vitest';
import type { NianbaoBridge } from '../../../../shared/ipc/contract';
import { invoke, onEvent } from '../../../../renderer/src/lib/bridge';
import { installFakeBridge, type FakeBridge } from '../../fake-bridge';

let fake: FakeBridge | null = null;

afterEach(() => {
  fake?.uninstall();
  fake = null;
  delete window.nianbao;
});

describe('invoke', () => {
  it('sends the payload on its channel and answers what main answers, error results included', async () => {
    fake = installFakeBridge({
      'recovery:discard': () => ({}),
      'shell:showExport': () => ({ ok: false, error: { code: 'not-found', message: '导出的文件已不在原处。' } }),
    });
    expect(await invoke('recovery:discard', { recoveryId: 'r1' })).toEqual({ ok: true, value: {} });
    expect(fake.callsTo('recovery:discard')).toEqual([{ recoveryId: 'r1' }]);
    expect(await invoke('shell:showExport', { exportId: 'e1' })).toEqual({ ok: false, error: { code: 'not-found', message: '导出的文件已不在原处。' } });
  });

  it('answers an error result when the bridge is missing', async () => {
    const res = await invoke('prefs:get', {});
    expect(res).toEqual({ ok: false, error: { code: 'internal', message: '无法连接主程序（通信接口缺失），请重新启动年报助手。' } });
  });

  it('turns a call that throws (or rejects) into an error result naming what happened', async () => {
    const throwing: NianbaoBridge = {
      invoke: () => Promise.reject(new Error('主进程已退出')),
      on: () => () => {},
    };
    window.nianbao = throwing;
    expect(await invoke('prefs:get', {})).toEqual({ ok: false, error: { code: 'internal', message: '与主程序通信失败：主进程已退出' } });
    window.nianbao = { invoke: () => { throw '断开'; }, on: () => () => {} } as unknown as NianbaoBridge;
    expect(await invoke('prefs:get', {})).toEqual({ ok: false, error: { code: 'internal', message: '与主程序通信失败：断开' } });
  });
});

describe('onEvent', () => {
  it('passes the events of its channel to the listener until unsubscribed', () => {
    fake = installFakeBridge();
    const seen: unknown[] = [];
    const stop = onEvent('merge:progress', (p) => seen.push(p));
    fake.emit('merge:progress', { done: 1, total: 3 });
    fake.emit('menu:command', { command: 'save' });
    stop();
    fake.emit('merge:progress', { done: 2, total: 3 });
    expect(seen).toEqual([{ done: 1, total: 3 }]);
  });

  it('without a bridge, subscribes to nothing and answers a harmless unsubscribe', () => {
    const stop = onEvent('app:error', () => {});
    expect(() => stop()).not.toThrow();
  });
});
