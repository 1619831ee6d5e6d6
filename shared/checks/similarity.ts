// Text similarity for prev.identical: the Dice coefficient of the two texts' character bigrams,
// counted as multisets, after removing whitespace:
//   dice(a, b) = 2 · |bigrams(a) ∩ bigrams(b)| / (|bigrams(a)| + |bigrams(b)|)
// It is cheap (sort + merge, no dictionary), insensitive to reordered paragraphs, and a report that
// only changes the year and a few words scores well above 0.8. Chinese characters are single UTF-16
// code units, so bigrams are taken over code units.
// Results are cached: the bigrams of the last few texts, and the last pair's score, so a check run
// that sees the same two texts again costs two string comparisons.

function isSpace(c: number): boolean {
  return c <= 32 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

/** Sorted bigram codes ((c1 << 16) | c2) of a text without whitespace. */
function bigramsOf(text: string): Uint32Array {
  let count = 0;
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (prev >= 0) count++;
    prev = c;
  }
  const out = new Uint32Array(count);
  let n = 0;
  prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (prev >= 0) out[n++] = ((prev << 16) | c) >>> 0;
    prev = c;
  }
  return out.sort();
}

const BIGRAM_CACHE_SIZE = 4;
const bigramCache: { text: string; bigrams: Uint32Array }[] = [];

function cachedBigrams(text: string): Uint32Array {
  for (const entry of bigramCache) if (entry.text === text) return entry.bigrams;
  const bigrams = bigramsOf(text);
  if (bigramCache.length >= BIGRAM_CACHE_SIZE) bigramCache.shift();
  bigramCache.push({ text, bigrams });
  return bigrams;
}

function stripSpace(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) out += text[i];
  return out;
}

let lastA: string | undefined;
let lastB: string | undefined;
let lastScore = 0;

/** Dice similarity of two texts' character bigrams, 0…1. Texts too short to have a bigram are
 * similar (1) only when equal apart from whitespace. */
export function textSimilarity(a: string, b: string): number {
  if (a === lastA && b === lastB) return lastScore;
  const x = cachedBigrams(a);
  const y = cachedBigrams(b);
  let score: number;
  if (x.length === 0 || y.length === 0) {
    const sa = stripSpace(a);
    score = sa !== '' && sa === stripSpace(b) ? 1 : 0;
  } else {
    let i = 0;
    let j = 0;
    let common = 0;
    while (i < x.length && j < y.length) {
      const p = x[i]!;
      const q = y[j]!;
      if (p === q) {
        common++;
        i++;
        j++;
      } else if (p < q) i++;
      else j++;
    }
    score = (2 * common) / (x.length + y.length);
  }
  lastA = a;
  lastB = b;
  lastScore = score;
  return score;
}
