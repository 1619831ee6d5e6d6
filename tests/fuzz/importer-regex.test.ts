// Finding 4 of issue 10: every regular expression of the importers runs in linear time on user text.
// The regexes are collected from the source (TypeScript's parser: every regex literal, and every
// `new RegExp('…')` with a literal pattern) of the modules that read user files, and each is run on long
// runs of every character that matters to it (its own literal characters and class members, plus spaces
// of every kind, digits, Chinese), followed by a character that makes the match fail at the end. Linear
// regexes take about 8× longer on 8× the input; a quadratic one 64×. The test compares growth ratios, not
// absolute times, so a slow or busy machine does not make it fail.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const IMPORTER_DIRS = ['shared/import', 'shared/ledger', 'shared/model', 'electron/node/import', 'electron/node/ledger', 'electron/node/pdf/import-pdf.ts', 'electron/cli/cli-kit.ts'];

interface FoundRegex {
  where: string;
  regex: RegExp;
}

function sourceFiles(path: string): string[] {
  const full = join(root, path);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return [];
  }
  if (stat.isFile()) return full.endsWith('.ts') ? [full] : [];
  return readdirSync(full).flatMap((name) => sourceFiles(join(path, name)));
}

export function collectRegexes(files: string[]): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const add = (node: ts.Node, pattern: string, flags: string) => {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      try {
        found.push({ where: `${relative(root, file)}:${line + 1}`, regex: new RegExp(pattern, flags.replace(/[gy]/g, '')) });
      } catch {
        // not a literal pattern after all
      }
    };
    const visit = (node: ts.Node) => {
      if (ts.isRegularExpressionLiteral(node)) {
        const literal = node.text;
        const end = literal.lastIndexOf('/');
        add(node, literal.slice(1, end), literal.slice(end + 1));
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        if (pattern && (ts.isStringLiteral(pattern) || ts.isNoSubstitutionTemplateLiteral(pattern))) {
          add(node, pattern.text, flags && ts.isStringLiteral(flags) ? flags.text : '');
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Characters worth repeating for this regex: the ones it names, and the usual suspects. */
function adversarialChars(regex: RegExp): string[] {
  const chars = new Set([' ', '\t', '\u00a0', '\u3000', '\n', '0', '1', '.', ',', '、', '年', '一', 'a', '（', '）', '-']);
  for (const ch of regex.source.replace(/\\[dDsSwWbBnrtfv]/g, '').replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))) {
    if (!'\\^$[]()|?*+{}'.includes(ch)) chars.add(ch);
  }
  return [...chars];
}

function timeOf(regex: RegExp, input: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    regex.test(input);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const SMALL = 2_000;
const LARGE = 16_000; // 8× SMALL: linear ≈ 8×, quadratic ≈ 64×
/** Below this (ms) at the large size, a regex is fast whatever its growth: timer noise. */
const NOISE_MS = 4;

function superLinear(regex: RegExp): string | undefined {
  for (const ch of adversarialChars(regex)) {
    for (const tail of ['\u0001', 'x', '\n', '']) {
      for (const head of ['', 'x']) {
        const large = timeOf(regex, head + ch.repeat(LARGE) + tail);
        if (large < NOISE_MS) continue;
        const small = Math.max(timeOf(regex, head + ch.repeat(SMALL) + tail), 0.05);
        if (large / small > 30) return `${JSON.stringify(head)} + ${JSON.stringify(ch)}×n + ${JSON.stringify(tail)}: ${small.toFixed(2)} ms → ${large.toFixed(2)} ms`;
      }
    }
  }
  return undefined;
}

describe('importer regular expressions', () => {
  const regexes = collectRegexes(IMPORTER_DIRS.flatMap(sourceFiles));

  it('are found in the source (the collector works)', () => {
    expect(regexes.length).toBeGreaterThan(30);
    expect(regexes.some((r) => r.where.startsWith('shared/import/table-tokens.ts'))).toBe(true);
  });

  it('the collector catches a quadratic regex (the test can fail)', () => {
    expect(superLinear(/[ \u00a0\u3000]+$/)).toBeDefined();
  });

  it('every one runs in linear time on long runs of each character it names', () => {
    const slow = regexes.map((r) => ({ ...r, problem: superLinear(r.regex) })).filter((r) => r.problem);
    expect(slow.map((r) => `${r.where} ${r.regex}: ${r.problem}`)).toEqual([]);
  }, 300_000);
});

describe('the linear replacements give what the regexes gave', async () => {
  const { joinLines, removeBracketed, trimChars, trimEndChars, WHITE_SPACE } = await import('../../shared/text/trim');
  const alphabet = [' ', '\t', '\n', '\u3000', '\u00a0', '\u200b', 'a', '0', '（', '）', '(', ')', '【', '】', '[', ']', '》', '年'];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const samples = Array.from({ length: 3000 }, () => Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));

  it('on 3000 random short strings', () => {
    for (const s of samples) {
      expect(trimEndChars(s, '\t ')).toBe(s.replace(/[\t ]+$/, ''));
      expect(trimChars(s, ' \u00a0\u3000')).toBe(s.replace(/^[ \u00a0\u3000]+/, '').replace(/[ \u00a0\u3000]+$/, ''));
      expect(trimChars(s, WHITE_SPACE)).toBe(s.replace(/^[\s\u00a0\u3000\u200b\ufeff]+|[\s\u00a0\u3000\u200b\ufeff]+$/g, ''));
      expect(removeBracketed(s, '（(【[', '）)】]')).toBe(s.replace(/[（(【\[][^）)】\]]*[）)】\]]/g, ''));
      expect(joinLines(s)).toBe(s.replace(/\s*\n\s*/g, ' '));
    }
  });
});
