// The front ends walk documents recursively (a table inside a cell inside a table…). A hostile file can nest
// elements a hundred thousand deep, which overflows the stack of any recursive walk; a report nests a few
// dozen at most. The parsed tree's depth is measured first, with an explicit stack, and such a file refused.

/** Nesting no report reaches: web pages from a CMS go a few dozen deep, Word documents less. */
export const MAX_TREE_DEPTH = 256;

/** True when some node lies deeper than `limit` below `root`. */
export function deeperThan<N>(root: N, children: (node: N) => Iterable<N>, limit = MAX_TREE_DEPTH): boolean {
  const stack: [N, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const child of children(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** True when the elements of an XML text nest deeper than `limit`: one pass over its tags, before a DOM
 *  parser spends seconds building such a tree. Comments, CDATA, processing instructions and self-closing
 *  tags do not nest; malformed XML is left to the parser. */
export function xmlDeeperThan(xml: string, limit = MAX_TREE_DEPTH): boolean {
  let depth = 0;
  for (let i = xml.indexOf('<'); i !== -1; i = xml.indexOf('<', i + 1)) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x21 /* ! */) {
      // <!-- … -->, <![CDATA[ … ]]>, <!DOCTYPE …>
      const end = xml.startsWith('<!--', i) ? xml.indexOf('-->', i + 4) : xml.startsWith('<![CDATA[', i) ? xml.indexOf(']]>', i + 9) : xml.indexOf('>', i);
      if (end === -1) return false;
      i = end;
    } else if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', i + 2);
      if (end === -1) return false;
      i = end;
    } else if (next === 0x2f /* / */) {
      depth--;
    } else {
      const end = xml.indexOf('>', i);
      if (end === -1) return false;
      if (xml.charCodeAt(end - 1) !== 0x2f) depth++;
      if (depth > limit) return true;
      i = end;
    }
  }
  return false;
}
