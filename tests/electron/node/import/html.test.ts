// electron/node/import/html.ts: a saved web page read into paragraphs and tables; what is not a report page
// (thousands of tables, hundreds of thousands of elements, nesting past the limit) is refused before or
// right after parsing, with a Chinese message.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countStartTags, MAX_HTML_ELEMENTS, MAX_HTML_TABLES, readHtml } from '../../../../electron/node/import/html';

const page = (body: string) => new TextEncoder().encode(`<!doctype html><html><head><meta charset="utf-8"><title>年报</title></head><body>${body}</body></html>`);
const SAMPLE = resolve(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'samples', 'office', 'pingtan-2022.html');

describe('countStartTags', () => {
  it('counts start tags, and tables only where <table is a whole tag name, in any case', () => {
    expect(countStartTags('<p>a < b</p><TABLE border=1><tr><td>1</td></tr></TABLE><tablex></tablex><table>')).toEqual({ elements: 6, tables: 2 });
    expect(countStartTags('没有标签 < 也没有 <3 <!-- 注释 --> </p>')).toEqual({ elements: 0, tables: 0 });
  });
});

describe('readHtml bounds', () => {
  it(`refuses a page with more than ${MAX_HTML_TABLES} tables before parsing it`, () => {
    expect(() => readHtml(page('<table><tr><td>1</td></tr></table>'.repeat(MAX_HTML_TABLES + 1)))).toThrow(`网页中有 ${MAX_HTML_TABLES + 1} 个表格`);
  });

  it(`refuses a page with more than ${MAX_HTML_ELEMENTS} elements`, () => {
    expect(() => readHtml(page('<span>字</span>'.repeat(MAX_HTML_ELEMENTS)))).toThrow(/网页中有 \d+ 个元素，不像一份年度报告/);
  });

  it('reads a real report page (平潭 2022, saved by an office suite) with its three tables', () => {
    const doc = readHtml(readFileSync(SAMPLE));
    expect(doc.blocks.filter((b) => b.kind === 'table').length).toBeGreaterThanOrEqual(3);
    const { tables, elements } = countStartTags(readFileSync(SAMPLE, 'utf8'));
    expect(tables).toBeLessThan(MAX_HTML_TABLES);
    expect(elements).toBeLessThan(MAX_HTML_ELEMENTS);
  });
});
