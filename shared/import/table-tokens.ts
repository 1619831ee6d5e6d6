// Turns the lines of one table section into a stream of cell tokens. Two shapes of pasted tables are
// understood:
//  - flattened: one cell per line, each indented with a tab (as in the seed); a tab-only line is an
//    empty cell, an empty line only separates; the unindented rest of a broken label (“本年新\n制作数量”)
//    is a token of its own, joined to its label when the row is matched;
//  - row per line: cells separated by tabs, runs of spaces or ideographic spaces (a web page table
//    copied, or `pdftotext -layout`).
import { isBlankMark, normLabel, parseNumberWithUnit } from './text-normalize';
import { trimChars, trimEndChars } from '../text/trim';

export type TokenKind = 'text' | 'number' | 'blank' | 'break';

export interface Token {
  kind: TokenKind;
  /** The cell as written, trimmed ('' for an empty cell or a break). */
  text: string;
  /** normLabel(text), computed once. */
  norm: string;
  value?: number;
  /** A unit written after the number (“件”, “万元”), checked against the cell when the row is read. */
  unit?: string;
  /** Line index in the whole pasted text. */
  line: number;
  /** For a text token joined from words a single space apart (“处理 缴纳费用…”), their normalised
   *  forms: pdftotext -layout may set a merged outer label that close to a wrapped row label. */
  words?: string[];
}

export function classify(text: string, line: number): Token {
  if (isBlankMark(text)) return { kind: 'blank', text, norm: '', line };
  const number = parseNumberWithUnit(text);
  if (number !== undefined) return { kind: 'number', text, norm: text, value: number.value, ...(number.unit ? { unit: number.unit } : {}), line };
  return { kind: 'text', text, norm: normLabel(text), line };
}

const empty = (kind: 'blank' | 'break', line: number): Token => ({ kind, text: '', norm: '', line });

/** True when most non-empty lines hold exactly one tab-indented cell. */
export function isFlattened(lines: string[]): boolean {
  let nonEmpty = 0;
  let oneCell = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    nonEmpty++;
    if (/^\t[^\t]*$/.test(trimEndChars(line, '\t ')) || /^\t\s*$/.test(line)) oneCell++;
  }
  return nonEmpty > 0 && oneCell >= nonEmpty * 0.6;
}

/** Tokens of lines[from, to). */
export function tokenize(lines: string[], from: number, to: number): Token[] {
  const slice = lines.slice(from, to);
  return isFlattened(slice) ? tokenizeFlattened(slice, from) : tokenizeRows(slice, from);
}

function tokenizeFlattened(lines: string[], offset: number): Token[] {
  const tokens: Token[] = [];
  lines.forEach((line, i) => {
    const text = line.trim();
    if (text === '') {
      tokens.push(empty(line.includes('\t') ? 'blank' : 'break', offset + i));
    } else {
      tokens.push(classify(text, offset + i));
    }
  });
  return tokens;
}

/** Within a tab-separated piece, runs of spaces or ideographic spaces also separate cells. A run that
 *  mixes them (“    　1047”: the column gap, then a cell written “　1047”) is one separator, not two with
 *  an empty cell between them — that empty cell would shift the row's numbers by one. */
const SPACE_SEPARATOR = /[ \u00a0\u3000]{2,}|\u3000/;

function tokenizeRows(lines: string[], offset: number): Token[] {
  const tokens: Token[] = [];
  lines.forEach((line, i) => {
    const at = offset + i;
    // Trailing tabs stay: they are empty cells.
    const body = trimChars(line, ' \u00a0\u3000');
    if (body === '') {
      tokens.push(empty('break', at));
      return;
    }
    const cells = body.split('\t').flatMap((piece) => {
      const text = piece.trim();
      return text === '' ? [''] : text.split(SPACE_SEPARATOR);
    });
    for (const cell of cells) {
      const text = cell.trim();
      if (text === '') {
        tokens.push(empty('blank', at));
        continue;
      }
      // Inside a cell a single space may still separate numbers (“0 0 0”) or a label from its numbers.
      let words: string[] = [];
      const flush = () => {
        if (words.length) {
          const token = classify(words.join(''), at);
          if (words.length > 1 && token.kind === 'text') token.words = words.map(normLabel);
          tokens.push(token);
        }
        words = [];
      };
      for (const word of text.split(/\s+/).flatMap(unglue)) {
        const token = classify(word, at);
        if (token.kind === 'text') words.push(word);
        else {
          flush();
          tokens.push(token);
        }
      }
      flush();
    }
    tokens.push(empty('break', at));
  });
  return tokens;
}

/** Where a row label and its numbers are run together without a space (a crawled page: “规章000”,
 *  “…申请数量713000074二、上年结转…”, “…情形）81000092.其他法律…”), the word is cut between them: after
 *  a label's last character before a digit, after a digit before a label's first character (not before
 *  a unit or 年/月/日: “3件”, “2019年” stay whole), and before a list number “2.” that begins the next
 *  label. The digits themselves are cut, if at all, when the row is read (splitDigitRuns). */
const GLUED = /(?<=[\u4e00-\u9fff）)”"])(?=\d)|(?<=\d)(?=[\u4e00-\u9fff（(“"][^\d])(?![年月日号件项个条次人家万元余多])|(?<=\d)(?=\d\.[\u4e00-\u9fff“"])/u;

function unglue(word: string): string[] {
  if (!/\d/.test(word) || !/[\u4e00-\u9fff]/.test(word)) return [word];
  return word.split(GLUED).filter(Boolean);
}
