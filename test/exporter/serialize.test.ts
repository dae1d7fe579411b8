import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Root } from 'mdast';
import { inlineMathNode } from '../../src/exporter/math.js';
import { parseMarkdown } from '../../src/exporter/markdown.js';
import { toMdx } from '../../src/exporter/serialize.js';

test('a paragraph starting with import or export is not an ES module statement', () => {
  assert.equal(toMdx(parseMarkdown('import numpy as np\n\nexport\n\nimportant')), '&#x69;mport numpy as np\n\n&#x65;xport\n\nimportant\n');
});

test('directive syntax in text is escaped, so that Docusaurus finds no admonitions or directives', () => {
  assert.equal(toMdx(parseMarkdown(':::note\nnot a note\n:::\n\nratio a:b')), '::\\:note\nnot a note\n::\\:\n\nratio a\\:b\n');
});

test('two inline maths side by side are kept apart by a separator', () => {
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [inlineMathNode('a'), inlineMathNode('b')] }] };
  assert.equal(toMdx(tree), '$a$<span />$b$\n');
});

test('inline math holding a dollar at the start of a line does not open a math block', () => {
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [inlineMathNode('\\$5'), { type: 'text', value: ' price' }] }] };
  assert.equal(toMdx(tree), '<span />$$\\$5$$ price\n');
});

test('toMdx does not change the tree it is given', () => {
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [inlineMathNode('a'), inlineMathNode('b')] }] };
  const before = structuredClone(tree);
  toMdx(tree);
  assert.deepEqual(tree, before);
});
