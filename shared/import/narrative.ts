// Narrative text as pasted: paragraphs one a line, indentation stripped. Text copied out of a PDF
// (or `pdftotext -layout`) arrives hard-wrapped at the page width, with page numbers between the pages;
// those wrapped lines are joined back into their paragraphs.
import { stripLine } from './text-normalize';

/** “— 1 —”, “- 2 -”, “第 3 页”, “第3页 共5页”, “3/5”: page furniture, never report text. */
export const PAGE_NUMBER = /^\s*(?:[—－\-–─]\s*\d{1,4}\s*[—－\-–─]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;

/** Removes page numbers and the blank lines a page break leaves around them; form feeds go too. */
export function removePageFurniture(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (PAGE_NUMBER.test(line.replace(/\f/g, ''))) {
      while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
      while (i + 1 < lines.length && lines[i + 1]!.replace(/\f/g, '').trim() === '') i++;
      continue;
    }
    out.push(line.replace(/\f/g, ''));
  }
  return out;
}

/** Display width: full-width characters count 2, others 1. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const OUTLINE_START = /^(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+[.、．]|[①-⑳])/;
const SENTENCE_END = /[。！？!?]$/;
/** Lines wider than this are web paragraphs, not a PDF page width. */
const MAX_WRAP_WIDTH = 160;

/** Non-empty lines without indentation, one paragraph a line, joined by \n. */
export function paragraphs(rawLines: string[]): string {
  const lines = rawLines.map((raw) => ({ text: stripLine(raw), indented: /^[ \t\u3000\u00a0]/.test(raw) }));
  const widths = lines.filter((l) => l.text).map((l) => width(l.text));
  const maxWidth = Math.max(0, ...widths);
  const full = (w: number) => w >= maxWidth * 0.9;
  const wrapped = maxWidth <= MAX_WRAP_WIDTH && widths.filter(full).length >= 3;
  const anyIndented = lines.some((l) => l.text && l.indented);

  const out: string[] = [];
  let joinable = false;
  let previous = '';
  for (const line of lines) {
    if (!line.text) {
      joinable = false;
      continue;
    }
    // With indented paragraph starts (pdftotext -layout) indentation decides; without, a full line
    // ending a sentence is taken as the end of its paragraph.
    const continues =
      wrapped && joinable && out.length > 0 && !OUTLINE_START.test(line.text) && (anyIndented ? !line.indented : !SENTENCE_END.test(previous));
    if (continues) out[out.length - 1] += line.text;
    else out.push(line.text);
    joinable = full(width(line.text));
    previous = line.text;
  }
  return out.join('\n');
}
