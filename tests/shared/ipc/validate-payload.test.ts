// validatePayload: every request the renderer sends is checked before main acts on it — the channel known,
// the payload plain data within the limits, its channel's schema met, any report inside it valid.
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../../shared/ipc/contract';
import { isInvokeChannel, PAYLOAD_LIMITS, validatePayload } from '../../../shared/ipc/validate-payload';
import { doc, expectRejected, ID, VALID } from './valid-requests';

describe('validatePayload', () => {
  it('accepts one valid payload for every channel (and copies it)', () => {
    for (const channel of INVOKE_CHANNELS) {
      const checked = validatePayload(channel, VALID[channel]);
      expect(checked.ok, `${channel}: ${!checked.ok && checked.error.message}`).toBe(true);
      if (checked.ok) expect(checked.value === VALID[channel] && Object.keys(VALID[channel]).length > 0).toBe(false);
    }
  });

  it('rejects each valid payload once any one field is wrong, missing or extra', () => {
    const wrongValues = [null, 42, '', 'x'.repeat(300), [], {}, true, -1];
    for (const channel of INVOKE_CHANNELS) {
      const valid = VALID[channel];
      expectRejected(validatePayload(channel, { ...valid, extra: 1 }), `${channel} + extra key`);
      for (const key of Object.keys(valid)) {
        for (const wrong of wrongValues) {
          const mutated = { ...valid, [key]: wrong };
          const accepted = validatePayload(channel, mutated).ok;
          // Some replacements are legitimately valid (e.g. dirty: true, an empty region): only check the others.
          const legit =
            (typeof wrong === typeof valid[key] && typeof wrong === 'boolean') ||
            (key === 'region' && wrong === '') ||
            (key === 'contact' && wrong === '') ||
            (key === 'agencyName' && wrong === '') ||
            (key === 'text' && typeof wrong === 'string' && wrong !== '') ||
            ((key === 'include' || key === 'matches') && Array.isArray(wrong) && wrong.length === 0);
          if (!legit) expect(accepted, `${channel}.${key} = ${JSON.stringify(wrong)?.slice(0, 20)}`).toBe(false);
        }
      }
      for (const key of Object.keys(valid)) {
        const { [key]: _dropped, ...rest } = valid;
        const optional =
          ['overwriteChanged', 'previous', 'region', 'format'].includes(key) || (channel === 'merge:add' && key === 'mergeId') || (channel === 'merge:decide' && key === 'group');
        if (!optional) expectRejected(validatePayload(channel, rest), `${channel} without ${key}`);
      }
    }
  });

  it('rejects reports with bad content inside a payload, listing the problems', () => {
    const cells = JSON.parse('{"__proto__": 1}') as Record<string, unknown>;
    const bad = [
      { ...doc, cells },
      { ...doc, cells: { ...doc.cells, 't3.received.natural': 'many' } },
      { ...doc, schemaVersion: 99 },
      { ...doc, agency: { name: 'x', level: '村级' } },
      { ...doc, sections: { ...doc.sections, overview: 'x'.repeat(100_001) } },
      { ...doc, explanations: 'none' },
      { foreign: true },
    ];
    for (const [i, d] of bad.entries()) {
      const checked = validatePayload('doc:save', { docId: ID, doc: d });
      expectRejected(checked, `bad doc #${i}`);
    }
    const listed = validatePayload('doc:save', { docId: ID, doc: { ...doc, agency: { name: 'x', level: '村级' } } });
    expect(!listed.ok && listed.error.problems?.join()).toMatch(/机关层级/);
  });
});

describe('validatePayload: the cost of a huge request is bounded (issue 10, finding 6)', () => {
  // Timing lives in bench/storage-bench.ts; here: such requests are refused, with the reason.
  const MEGA = 'x'.repeat(1_000_000);
  const withExplanations = (count: number, text: string) => ({
    ...doc,
    explanations: Array.from({ length: count }, (_, i) => ({ rule: 'sum.t3.total', target: `t3.${i}`, text })),
  });

  it('250 explanations of a million characters each: refused for the total amount of text', () => {
    const checked = validatePayload('doc:save', { docId: ID, doc: withExplanations(250, MEGA) });
    expectRejected(checked, '250 × 1M');
    expect(!checked.ok && checked.error.message).toMatch(/文本总量过大/);
  });

  it('a few strings within the total but each far over its field limit: refused by the report schema', () => {
    const checked = validatePayload('doc:autosave', { docId: ID, doc: withExplanations(5, MEGA) });
    expectRejected(checked, '5 × 1M');
    expect(!checked.ok && checked.error.problems?.join()).toMatch(/最多 5000 个字符/);
  });

  it('a field just over its limit in characters, under it in UTF-16 units or over: counted as characters', () => {
    const astral = '😀'.repeat(100); // 100 characters, 200 UTF-16 units
    expect(validatePayload('doc:new', { year: 2025, agencyName: astral, level: '乡镇' }).ok).toBe(true);
    const over = validatePayload('doc:new', { year: 2025, agencyName: `${astral.slice(2)}xx`, level: '乡镇' }); // 101 characters, 200 units
    expect(!over.ok && over.error.message).toMatch(/agencyName最多 100 个字符，实际 101 个/);
  });
});

describe('isInvokeChannel', () => {
  it('knows the contract’s channels and nothing on Object.prototype', () => {
    for (const channel of INVOKE_CHANNELS) expect(isInvokeChannel(channel), channel).toBe(true);
    for (const other of ['doc:delete', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 42, null]) expect(isInvokeChannel(other), String(other)).toBe(false);
  });
});

describe('validatePayload: why a payload is refused', () => {
  const reason = (channel: string, payload: unknown) => {
    const checked = validatePayload(channel, payload);
    return checked.ok ? 'accepted' : `${checked.error.code} ${checked.error.message}`;
  };

  it('names an unknown channel, cut short', () => {
    expect(reason('doc:delete', {})).toBe('unknown-channel 未知的请求“doc:delete”。');
    expect(reason('x'.repeat(100), {})).toBe(`unknown-channel 未知的请求“${'x'.repeat(60)}”。`);
  });

  it('says what in the payload is not plain data', () => {
    let deep: unknown = ID;
    for (let i = 0; i <= PAYLOAD_LIMITS.depth; i++) deep = { docId: deep };
    expect(reason('doc:close', JSON.parse(`{"__proto__": 1, "docId": "${ID}"}`))).toBe('invalid-payload 请求“doc:close”的内容不符合约定：含有不允许的键“__proto__”。');
    expect(reason('doc:close', deep)).toBe('invalid-payload 请求“doc:close”的内容不符合约定：嵌套层次过深。');
    expect(reason('doc:setDirty', { docId: ID, dirty: Number.NaN })).toBe('invalid-payload 请求“doc:setDirty”的内容不符合约定：含有无效数字（NaN 或无穷大）。');
    expect(reason('doc:close', { docId: ID, at: new Date(0) })).toBe('invalid-payload 请求“doc:close”的内容不符合约定：含有不是普通数据的对象。');
    expect(reason('doc:close', Object.defineProperty({}, 'docId', { enumerable: true, get: () => ID }))).toBe('invalid-payload 请求“doc:close”的内容不符合约定：含有访问器属性。');
    expect(reason('doc:close', [ID])).toBe('invalid-payload 请求“doc:close”的内容不符合约定：请求应为对象。');
  });

  it('takes an object without prototype as plain data, and returns a copy', () => {
    const payload = Object.assign(Object.create(null) as Record<string, unknown>, { docId: ID });
    const checked = validatePayload('doc:close', payload);
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.value).toEqual({ docId: ID });
      expect(checked.value).not.toBe(payload);
    }
  });

  it('copies a dropped file’s bytes, within the byte budget; a Uint8Array subclass or an oversized file is refused', () => {
    const bytes = new TextEncoder().encode('2025年某镇人民政府政府信息公开工作年度报告');
    const checked = validatePayload('import:dropped', { name: '年报.txt', bytes });
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.value.bytes).toEqual(bytes);
      expect(checked.value.bytes).not.toBe(bytes);
    }
    class Sneaky extends Uint8Array {}
    expect(reason('import:dropped', { name: '年报.txt', bytes: new Sneaky(4) })).toContain('含有不是普通数据的对象');
    expect(reason('import:dropped', { name: '年报.txt', bytes: new Uint8Array(PAYLOAD_LIMITS.bytes + 1) })).toContain('文件内容过大');
  });

  it('lists the first three problems with the request and counts the rest', () => {
    const message = reason('doc:new', { year: 'x', agencyName: 1, level: 2, region: 3, format: 4 });
    const [head, detail] = message.split('：');
    expect(head).toBe('invalid-payload 请求“doc:new”的内容不符合约定');
    const parts = detail!.split('；');
    expect(parts.map((p) => p.match(/^[a-zA-Z]+/)?.[0] ?? p)).toEqual(['year', 'agencyName', 'level', '另有 2 处。']);
  });
});
