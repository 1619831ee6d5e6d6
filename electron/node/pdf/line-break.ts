// Chinese line breaking and justification. pdfkit's own wrapping cannot justify Chinese (align 'justify'
// stretches spaces only) and inserting U+200B prints boxes with the Noto fonts, so lines are broken here
// and each line is justified by its own character spacing.
//
// Rules (GB/T 15834 标点符号用法, the usual 避头尾 rules): no line starts with closing punctuation
// （，。、；：？！）》” …）, no line ends with opening punctuation （（《“ …）; 破折号 —— and 省略号 …… are
// never split; runs of Latin letters and digits (numbers, phone numbers, addresses) are never split.
// A line that would break against these rules gives its last character(s) to the next line and is
// stretched instead (推出).
import type { FaceName } from './fonts';

/** Characters that must not begin a line. */
export const NO_LINE_START = new Set([...'，。、；：？！）］｝〕〉》」』】〗〙〛”’…‥％‰℃·・～,.;:!?)]}%']);
/** Characters that must not end a line. */
export const NO_LINE_END = new Set([...'（［｛〔〈《「『【〖〘〚“‘([{']);

/** A piece of text in one requested face. */
export interface StyledText {
  text: string;
  face: FaceName;
}

/** The smallest unit of line breaking: one Chinese character, a Latin word or number, a space, —— or …… . */
export interface Atom {
  text: string;
  /** The face that prints it (after per-character fallback). */
  face: FaceName;
  /** Width in points at the layout's font size. */
  width: number;
  /** Glyph count: character spacing is added after each glyph. */
  glyphs: number;
  space: boolean;
  noStart: boolean;
  noEnd: boolean;
}

export interface Line {
  atoms: Atom[];
  /** Natural width (trailing spaces excluded). */
  width: number;
  glyphs: number;
  /** Last line of its paragraph: not justified. */
  last: boolean;
}

export interface Measurer {
  /** Face that prints this code point when `face` is requested. */
  resolve(face: FaceName, codePoint: number): FaceName;
  /** Advance width in points at size 1, and glyph count. */
  measure(face: FaceName, text: string): { width: number; glyphs: number };
}

/** Control and format characters (U+0007, U+200B, U+FEFF, bidi marks, soft hyphen…) and noncharacters
 *  pasted along with text: invisible, so never printed (a font has no glyph for them: they would be boxes). */
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}]$/u;

const isWordChar = (ch: string) => /[\x21-\x7E\u00C0-\u024F]/.test(ch) && !NO_LINE_END.has(ch);
const isRepeatingMark = (ch: string) => ch === '—' || ch === '…' || ch === '─';

/** Splits styled text into atoms measured at `size` points. Newlines must be handled by the caller. */
export function toAtoms(parts: StyledText[], measurer: Measurer, size: number): Atom[] {
  const atoms: Atom[] = [];
  const push = (text: string, face: FaceName, kind: 'space' | 'other') => {
    const m = measurer.measure(face, text);
    const first = text[0] ?? '';
    const lastChar = text[text.length - 1] ?? '';
    atoms.push({
      text,
      face,
      width: m.width * size,
      glyphs: m.glyphs,
      space: kind === 'space',
      noStart: NO_LINE_START.has(first),
      noEnd: NO_LINE_END.has(lastChar),
    });
  };
  for (const part of parts) {
    const chars = [...part.text];
    let i = 0;
    while (i < chars.length) {
      const ch = chars[i]!;
      if (ch !== '\t' && INVISIBLE.test(ch)) {
        i++;
        continue;
      }
      const face = measurer.resolve(part.face, ch.codePointAt(0)!);
      if (ch === ' ' || ch === '\t') {
        push(' ', face, 'space');
        i++;
        continue;
      }
      let j = i + 1;
      if (isWordChar(ch)) {
        // Opening brackets may start a word ("(2022"); closing ones end up inside it, never alone at a line start.
        while (j < chars.length && isWordChar(chars[j]!) && measurer.resolve(part.face, chars[j]!.codePointAt(0)!) === face) j++;
      } else if (isRepeatingMark(ch)) {
        while (j < chars.length && chars[j] === ch) j++;
      } else if (NO_LINE_END.has(ch) && /[\x21-\x7E]/.test(chars[j] ?? '')) {
        // An ASCII opening bracket glued to the following word.
        while (j < chars.length && isWordChar(chars[j]!) && measurer.resolve(part.face, chars[j]!.codePointAt(0)!) === face) j++;
      }
      push(chars.slice(i, j).join(''), face, 'other');
      i = j;
    }
  }
  return atoms;
}

/** Splits an atom that is wider than a whole line into single characters. */
function splitAtom(atom: Atom, measurer: Measurer, size: number): Atom[] {
  return toAtoms([{ text: atom.text, face: atom.face }], { ...measurer, resolve: () => atom.face }, size).flatMap((a) =>
    [...a.text].length > 1
      ? [...a.text].map((ch) => {
          const m = measurer.measure(atom.face, ch);
          return { ...a, text: ch, width: m.width * size, glyphs: m.glyphs, noStart: NO_LINE_START.has(ch), noEnd: NO_LINE_END.has(ch) };
        })
      : [a],
  );
}

function makeLine(atoms: Atom[], last: boolean): Line {
  let end = atoms.length;
  while (end > 0 && atoms[end - 1]!.space) end--;
  const kept = atoms.slice(0, end);
  return {
    atoms: kept,
    width: kept.reduce((s, a) => s + a.width, 0),
    glyphs: kept.reduce((s, a) => s + a.glyphs, 0),
    last,
  };
}

const EPSILON = 0.01;

/**
 * Greedy line breaking with the 避头尾 rules. `firstWidth` is the first line's width (after the
 * indent), `width` the others'. Leading spaces of continuation lines are dropped.
 */
export function breakLines(input: Atom[], firstWidth: number, width: number, measurer: Measurer, size: number): Line[] {
  const atoms = [...input];
  const lines: Line[] = [];
  let i = 0;
  while (i < atoms.length) {
    if (lines.length > 0) while (i < atoms.length && atoms[i]!.space) i++;
    if (i >= atoms.length) break;
    const avail = lines.length === 0 ? firstWidth : width;
    let j = i;
    let used = 0;
    while (j < atoms.length && (atoms[j]!.space || used + atoms[j]!.width <= avail + EPSILON)) {
      used += atoms[j]!.width;
      j++;
    }
    if (j >= atoms.length) {
      lines.push(makeLine(atoms.slice(i), true));
      break;
    }
    const next = atoms[j]!;
    if (j > i && next.width > width + EPSILON && [...next.text].length > 1) {
      // An atom that fits no line (a long URL) is broken here and now, filling this line, instead of
      // leaving a few characters stretched across the whole width above it.
      atoms.splice(j, 1, ...splitAtom(next, measurer, size));
      continue;
    }
    if (j === i) {
      // One atom wider than the line: a long number or URL. Break it by characters.
      const atom = atoms[i]!;
      if ([...atom.text].length > 1) {
        atoms.splice(i, 1, ...splitAtom(atom, measurer, size));
        continue;
      }
      lines.push(makeLine([atom], false));
      i++;
      continue;
    }
    let b = j;
    // Move the break back while it would put closing punctuation first or opening punctuation last.
    const badBreak = (k: number) => !atoms[k - 1]!.space && (atoms[k]!.noStart || atoms[k - 1]!.noEnd);
    while (b > i + 1 && badBreak(b)) b--;
    // No allowed break in the whole line (“。。。。…” longer than a line): break where the line is full
    // rather than one character a line.
    if (badBreak(b)) b = j;
    lines.push(makeLine(atoms.slice(i, b), false));
    i = b;
  }
  return lines;
}

/**
 * The gap added between the atoms of a non-last line so that it is exactly `width` wide (0 for last
 * lines). Gaps go between atoms, not inside them: a number or a Latin word is never letter-spaced.
 */
export function justifySpacing(line: Line, width: number): number {
  if (line.last || line.atoms.length < 2) return 0;
  const extra = width - line.width;
  return extra > 0 ? extra / (line.atoms.length - 1) : 0;
}

/** Atoms of a line drawn as one text run: same face, and (when spaced) single glyphs only. */
export interface Run {
  text: string;
  face: FaceName;
  /** Offset from the line start, gaps included. */
  x: number;
  /** Character spacing of the run (pdfkit adds it after every glyph). */
  spacing: number;
}

export function lineRuns(line: Line, gap: number): Run[] {
  const runs: Run[] = [];
  let x = 0;
  let open: Run | undefined;
  for (const atom of line.atoms) {
    const single = atom.glyphs === 1;
    if (open && open.face === atom.face && (gap === 0 || (single && open.spacing === gap))) {
      open.text += atom.text;
    } else {
      open = { text: atom.text, face: atom.face, x, spacing: single ? gap : 0 };
      runs.push(open);
      // A multi-glyph atom (a number, a word) is a closed run: the next atom starts a new one.
      if (!single && gap !== 0) open = undefined;
    }
    x += atom.width + gap;
  }
  return runs;
}

/** The text of a line, for tests. */

/**
 * Line breaking for centred text in narrow table cells: the fewest lines, and among those the most
 * even ones (least squared slack), so that “（三）不予公开” reads “（三）/不予/公开”, not “（三）/不予公/开”.
 * Same 避头尾 rules as breakLines; falls back to it when no break satisfies them.
 */
export function breakLinesBalanced(atoms: Atom[], width: number, measurer: Measurer, size: number): Line[] {
  const n = atoms.length;
  if (n === 0) return [];
  const canBreakBefore = (i: number) => !atoms[i]!.noStart && !atoms[i - 1]!.noEnd;
  const best: ({ lines: number; cost: number; from: number } | undefined)[] = [{ lines: 0, cost: 0, from: -1 }];
  for (let j = 1; j <= n; j++) {
    let lineWidth = 0;
    for (let i = j - 1; i >= 0; i--) {
      lineWidth += atoms[i]!.width;
      if (lineWidth > width + EPSILON) break;
      const before = best[i];
      if (!before || (i > 0 && !canBreakBefore(i)) || (j < n && !canBreakBefore(j))) continue;
      const slack = width - lineWidth;
      const candidate = { lines: before.lines + 1, cost: before.cost + slack * slack, from: i };
      const current = best[j];
      if (!current || candidate.lines < current.lines || (candidate.lines === current.lines && candidate.cost < current.cost)) best[j] = candidate;
    }
  }
  if (!best[n]) return breakLines(atoms, width, width, measurer, size);
  const lines: Line[] = [];
  for (let j = n; j > 0; ) {
    const from = best[j]!.from;
    lines.unshift(makeLine(atoms.slice(from, j), j === n));
    j = from;
  }
  return lines;
}
