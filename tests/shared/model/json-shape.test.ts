// The shape scan before JSON.parse (shared/model/json-shape.ts) and what parseReport makes of it: a
// container over MAX_ENTRIES_CHECKED entries or nesting over MAX_REPORT_DEPTH is refused as damaged,
// naming where; strings (with commas, brackets, escaped quotes) do not count; real reports pass.
import { describe, expect, it } from 'vitest';
import { MAX_REPORT_DEPTH, parseReport, serializeReport } from '../../../shared/model/document';
import { MAX_ENTRIES_CHECKED } from '../../../shared/model/json-schema';
import { scanJsonShape } from '../../../shared/model/json-shape';
import { pingtanReport } from '../../fixtures/pingtan';
import { withMillionKeys } from '../../fuzz/hostile-files';

const small = { maxEntries: 3, maxDepth: 3 };

describe('scanJsonShape', () => {
  it('counts the entries of each object and array, and names the container over the limit', () => {
    expect(scanJsonShape('{"a":1,"b":{"c":[1,2,3]}}', small)).toBeNull();
    expect(scanJsonShape('{"a":1,"b":{"c":[1,2,3,4]}}', small)).toEqual({ reason: 'entries', path: '/b/c' });
    expect(scanJsonShape('{"a":1,"b":2,"c":3,"d":4}', small)).toEqual({ reason: 'entries', path: '' });
    expect(scanJsonShape('[[1],[1,2,3],[{"x":1,"y":2,"z":3,"w":4}]]', small)).toEqual({ reason: 'entries', path: '/2/0' });
  });

  it('counts nesting depth', () => {
    expect(scanJsonShape('{"a":{"b":[1]}}', small)).toBeNull();
    expect(scanJsonShape('{"a":{"b":[[1]]}}', small)).toEqual({ reason: 'depth', path: '/a/b/0' });
  });

  it('does not count what is inside strings, escaped quotes and backslashes included', () => {
    expect(scanJsonShape('{"a,b,c,d":"x,y,[z],{w}","b\\"":"\\\\","c":"\\\\\\",,,,"}', small)).toBeNull();
  });

  it('leaves malformed text to JSON.parse', () => {
    expect(scanJsonShape('{"a":"unterminated,,,,', small)).toBeNull();
    expect(parseReport('{"a":"unterminated,,,,')).toMatchObject({ ok: false, kind: 'json' });
  });
});

describe('parseReport refuses before JSON.parse', () => {
  it('a million keys inside cells: damaged, naming cells, one problem', () => {
    const result = parseReport(withMillionKeys(serializeReport(pingtanReport()), 'cells'));
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    if (result.ok) return;
    expect(result.message).toMatch(/^报告文件已损坏：表格数据（cells）：有超过 10000 项，远超报告文件的合理范围/);
    expect(result.problems).toEqual([{ path: '/cells', message: expect.stringContaining('有超过 10000 项') }]);
  });

  it(`nesting deeper than ${MAX_REPORT_DEPTH} levels: damaged`, () => {
    const deep = `{"schemaVersion":4,"format":"2021","cells":{},"meta":${'['.repeat(MAX_REPORT_DEPTH)}${']'.repeat(MAX_REPORT_DEPTH)}}`;
    expect(parseReport(deep)).toMatchObject({ ok: false, kind: 'invalid', message: expect.stringMatching(/嵌套超过 64 层/) });
  });

  it('a real report, and a container of exactly the limit, pass the scan', () => {
    const text = serializeReport(pingtanReport());
    expect(parseReport(text).ok).toBe(true);
    const atLimit = `[${Array.from({ length: MAX_ENTRIES_CHECKED }, () => '0').join(',')}]`;
    expect(scanJsonShape(atLimit, { maxEntries: MAX_ENTRIES_CHECKED, maxDepth: MAX_REPORT_DEPTH })).toBeNull();
    expect(scanJsonShape(`[0,${atLimit.slice(1)}`, { maxEntries: MAX_ENTRIES_CHECKED, maxDepth: MAX_REPORT_DEPTH })).toMatchObject({ reason: 'entries' });
  });
});
