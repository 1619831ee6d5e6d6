// The report's vocabulary is written once, in shared/formats/: a table name (表二/表三/表四), a section
// heading or a bound of the supported report years written out anywhere else in the source fails here.
// Tests may write them (they check the words the user sees); so does tests/spec-conformance.test.ts, which
// compares shared/formats with ../shared/spec.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { typeScriptSources } from './source-files';
import { FIRST_REPORT_YEAR, FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, SECTION_HEADINGS, TABLE_NAMES } from '../shared/formats/vocabulary';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIRS = ['shared', 'electron', 'renderer/src'];
const VOCABULARY_DIR = join(root, 'shared', 'formats');

interface Literal {
  text: string;
  kind: 'text' | 'number';
  line: number;
}

/** Every string, template piece, JSX text and number literal of a file (comments are not literals). */
function literals(path: string): Literal[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Literal[] = [];
  const visit = (node: ts.Node) => {
    const line = () => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      out.push({ text: node.text, kind: 'text', line: line() });
    } else if (ts.isJsxText(node)) {
      out.push({ text: node.text, kind: 'text', line: line() });
    } else if (ts.isNumericLiteral(node)) {
      out.push({ text: node.text, kind: 'number', line: line() });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const words = [...Object.values(TABLE_NAMES), ...Object.values(SECTION_HEADINGS)];
const yearBounds = [FIRST_REPORT_YEAR, FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR].map(String);

/** Where the vocabulary is written out outside shared/formats/. */
function offences(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (file.startsWith(VOCABULARY_DIR)) continue;
    for (const lit of literals(file)) {
      const where = `${relative(root, file)}:${lit.line}`;
      if (lit.kind === 'number') {
        if (yearBounds.includes(lit.text)) found.push(`${where} year bound ${lit.text}`);
        continue;
      }
      for (const word of words) if (lit.text.includes(word)) found.push(`${where} “${word}”`);
      // 2019 is also a format's name (“2019 年版格式”); 2008 and 2100 are only ever bounds.
      for (const bound of [String(FIRST_REPORT_YEAR), String(LAST_SUPPORTED_YEAR)]) {
        if (new RegExp(`(^|\\D)${bound}(\\D|$)`).test(lit.text)) found.push(`${where} year bound “${bound}” in a text`);
      }
    }
  }
  return found;
}

describe('vocabulary in one place', () => {
  it('no table name, section heading or year bound is written out outside shared/formats/', () => {
    const files = SOURCE_DIRS.flatMap((dir) => typeScriptSources(join(root, dir)));
    expect(files.length).toBeGreaterThan(50);
    expect(offences(files)).toEqual([]);
  });

  it('the scan sees words and bounds in strings, templates, JSX and numbers, and not in comments', () => {
    const probe = join(root, 'tests', 'fixtures', 'vocabulary-probe.tsx');
    const found = offences([probe]).map((o) => o.replace(/^[^ ]+ /, ''));
    expect(found).toEqual([`“${TABLE_NAMES.t3}”`, `“${SECTION_HEADINGS.overview}”`, `“${TABLE_NAMES.t4}”`, 'year bound 2008', `year bound “${LAST_SUPPORTED_YEAR}” in a text`, `“${TABLE_NAMES.t2}”`]);
  });
});
