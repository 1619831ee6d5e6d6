// Trimming a set of characters off the ends of user text in linear time. A regular expression such as
// /[ \u3000]+$/ is quadratic in V8 on a long run of those characters followed by something else (each
// start position scans the run to its end, then fails): 200,000 spaces cost 36 s. These loops do not.

/** `text` without the characters of `chars` at its end. */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the characters of `chars` at its start. */
export function trimStartChars(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start]!)) start++;
  return start === 0 ? text : text.slice(start);
}

/** `text` without the characters of `chars` at both ends. */
export function trimChars(text: string, chars: string): string {
  return trimStartChars(trimEndChars(text, chars), chars);
}

/** Every line break with the white space around it becomes one space (one-line messages). */
export function joinLines(text: string): string {
  if (!text.includes('\n')) return text;
  const pieces = text.split('\n');
  const kept = pieces
    .map((piece, i) => (i > 0 ? piece.trimStart() : piece))
    .map((piece, i) => (i < pieces.length - 1 ? piece.trimEnd() : piece))
    .filter((piece, i) => piece !== '' || i === 0 || i === pieces.length - 1);
  return kept.join(' ');
}

/** Text without bracketed notes: “收到日期（年/月/日）” → “收到日期”. Each opener up to the first closer
 *  after it is removed (an opener with no closer after it stays), scanning once. */
export function removeBracketed(text: string, openers: string, closers: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (openers.includes(ch)) {
      let close = i + 1;
      while (close < text.length && !closers.includes(text[close]!)) close++;
      // No closer after this opener: none after a later one either.
      if (close >= text.length) return out + text.slice(i);
      i = close + 1;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** What /\s/ matches, plus the zero-width space that pasted text often carries. */
export const WHITE_SPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b';
