// A cheap look at the shape of a JSON text before JSON.parse builds it: one pass over the characters
// (strings skipped with indexOf), counting the entries of each object and array and the nesting depth,
// stopping at the first container over the limit. A report file has a few hundred cells and at most
// 10,000 entries anywhere (MAX_ENTRIES_CHECKED, which the schema check refuses anyway); a file with a
// million keys is refused here in milliseconds instead of parsed, migrated and validated for seconds.
// Malformed text is not judged here: JSON.parse reports it.

export interface JsonShapeLimits {
  /** Entries (keys of an object, items of an array) in any one container. */
  maxEntries: number;
  /** Containers nested inside each other. */
  maxDepth: number;
}

export type JsonShapeProblem =
  /** `path`: JSON pointer of the container (keys as written in the file). */
  | { reason: 'entries'; path: string }
  | { reason: 'depth'; path: string };

interface Frame {
  object: boolean;
  commas: number;
  /** In an object: the next string is a member's key (after { or a comma). */
  expectKey: boolean;
  /** The current member's key: where its text starts and ends (quotes excluded). */
  keyStart: number;
  keyEnd: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export function scanJsonShape(text: string, limits: JsonShapeLimits): JsonShapeProblem | null {
  const stack: Frame[] = [];
  const pathOf = (): string =>
    stack
      .slice(0, -1)
      .map((frame) => `/${frame.object ? text.slice(frame.keyStart, frame.keyEnd) : String(frame.commas)}`)
      .join('');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Skip the string: the next quote not escaped by an odd number of backslashes.
      let end = text.indexOf('"', i + 1);
      while (end !== -1) {
        let slashes = 0;
        for (let j = end - 1; text.charCodeAt(j) === BACKSLASH; j--) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end === -1) return null; // unterminated: JSON.parse says so
      const top = stack[stack.length - 1];
      if (top?.object && top.expectKey) {
        top.expectKey = false;
        top.keyStart = i + 1;
        top.keyEnd = end;
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      // { or [
      stack.push({ object: c === 0x7b, commas: 0, expectKey: c === 0x7b, keyStart: 0, keyEnd: 0 });
      if (stack.length > limits.maxDepth) return { reason: 'depth', path: pathOf() };
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c) {
      // ,
      const top = stack[stack.length - 1];
      if (!top) continue;
      top.commas++;
      // commas + 1 entries: over the limit as soon as the (maxEntries + 1)th begins.
      if (top.commas >= limits.maxEntries) return { reason: 'entries', path: pathOf() };
      top.expectKey = top.object;
    }
  }
  return null;
}
