// Nesting limits of the .docx and web-page front ends (electron/node/import/tree-depth.ts).
import { describe, expect, it } from 'vitest';
import { deeperThan, xmlDeeperThan } from '../../../../electron/node/import/tree-depth';

describe('xmlDeeperThan', () => {
  it('counts element nesting, not self-closing tags, comments, CDATA or processing instructions', () => {
    expect(xmlDeeperThan('<?xml version="1.0"?><a><b><c/></b></a>', 2)).toBe(false);
    expect(xmlDeeperThan('<a><b><c></c></b></a>', 2)).toBe(true);
    expect(xmlDeeperThan('<a><!-- <b><c><d> --><![CDATA[<b><c><d>]]><b/><b x="1"/></a>', 1)).toBe(false);
    expect(xmlDeeperThan(`${'<p>'.repeat(300)}${'</p>'.repeat(300)}`)).toBe(true);
    expect(xmlDeeperThan(`${'<p>x</p>'.repeat(100_000)}`)).toBe(false);
  });
});

describe('deeperThan', () => {
  it('measures a tree with an explicit stack (100,000 deep does not overflow)', () => {
    type N = { kids: N[] };
    const root: N = { kids: [] };
    let node = root;
    for (let i = 0; i < 100_000; i++) node = (node.kids[0] = { kids: [] });
    expect(deeperThan(root, (n) => n.kids, 256)).toBe(true);
    expect(deeperThan({ kids: [{ kids: [] }, { kids: [{ kids: [] }] }] }, (n: N) => n.kids, 2)).toBe(false);
  });
});
