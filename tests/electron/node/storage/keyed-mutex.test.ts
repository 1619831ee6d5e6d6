import { describe, expect, it } from 'vitest';
import { KeyedMutex } from '../../../../electron/node/storage/keyed-mutex';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('KeyedMutex', () => {
  it('runs tasks of one key one after another, in the order they were queued', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const first = deferred();
    const a = mutex.run('年报.nianbao', async () => {
      log.push('a start');
      await first.promise;
      log.push('a end');
      return 'a';
    });
    const b = mutex.run('年报.nianbao', async () => {
      log.push('b');
      return 'b';
    });
    await tick();
    expect(log).toEqual(['a start']);
    first.resolve();
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b']);
  });

  it('runs tasks of different keys concurrently', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const gate = deferred();
    const a = mutex.run('甲', async () => {
      await gate.promise;
      log.push('甲');
    });
    const b = mutex.run('乙', async () => {
      log.push('乙');
    });
    await b;
    expect(log).toEqual(['乙']);
    gate.resolve();
    await a;
    expect(log).toEqual(['乙', '甲']);
  });

  it('a failed task rejects its own caller only; the next task of the key still runs', async () => {
    const mutex = new KeyedMutex();
    const failed = mutex.run('k', async () => {
      throw new Error('磁盘已满');
    });
    const next = mutex.run('k', async () => 42);
    await expect(failed).rejects.toThrow('磁盘已满');
    expect(await next).toBe(42);
  });

  it('forgets a key once its queue is empty (no growth over many documents)', async () => {
    const mutex = new KeyedMutex();
    await Promise.all(Array.from({ length: 100 }, (_, i) => mutex.run(`doc-${i}`, async () => i)));
    await tick();
    expect((mutex as unknown as { tails: Map<string, unknown> }).tails.size).toBe(0);
  });
});
