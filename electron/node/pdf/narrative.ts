// Narrative text → paragraphs with the faces of the Chinese outline levels (spec §7):
// `一、` 黑体 (sans), `（一）` 楷体 (kai), `1.` and `（1）` body face. A heading line that runs on into
// its paragraph (“（一）强化领导、落实责任。根据……”) keeps the heading face up to its first 。 only.
import type { FaceName } from './fonts';
import type { StyledText } from './line-break';

export type OutlineLevel = 1 | 2 | 3 | 4 | null;

const LEVEL_PATTERNS: [OutlineLevel, RegExp][] = [
  [1, /^[一二三四五六七八九十]{1,3}、/],
  [2, /^（[一二三四五六七八九十]{1,3}）/],
  [3, /^\d{1,2}[.．、](?!\d)/],
  [4, /^（\d{1,2}）/],
];

const LEVEL_FACES: Record<1 | 2 | 3 | 4, FaceName> = { 1: 'sans', 2: 'kai', 3: 'serif', 4: 'serif' };

export function outlineLevel(line: string): OutlineLevel {
  for (const [level, pattern] of LEVEL_PATTERNS) if (pattern.test(line)) return level;
  return null;
}

export interface Paragraph {
  parts: StyledText[];
  level: OutlineLevel;
}

/** Leading/trailing ASCII and ideographic spaces are layout, not content: the first-line indent is ours. */
const trimLine = (line: string) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

export function paragraphsOf(text: string, skipHeading?: string): Paragraph[] {
  const lines = text.split(/\r?\n/).map(trimLine).filter((l) => l !== '');
  // A section text that repeats its own heading (pasted with it) would print it twice.
  if (skipHeading && lines[0] === skipHeading) lines.shift();
  return lines.map((line) => {
    const level = outlineLevel(line);
    if (level === null) return { parts: [{ text: line, face: 'serif' }], level };
    const face = LEVEL_FACES[level];
    if (face === 'serif') return { parts: [{ text: line, face }], level };
    const stop = line.indexOf('。');
    if (stop >= 0 && stop < line.length - 1) {
      return { parts: [{ text: line.slice(0, stop + 1), face }, { text: line.slice(stop + 1), face: 'serif' }], level };
    }
    return { parts: [{ text: line, face }], level };
  });
}
