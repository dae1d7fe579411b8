import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlSnippet, mdxComment, removeRawHtml } from '../../src/exporter/html.js';
import { parseMarkdown } from '../../src/exporter/markdown.js';
import { toMdx } from '../../src/exporter/serialize.js';

function strip(source: string): [string, string[]] {
  const tree = parseMarkdown(source);
  const warnings = removeRawHtml(tree);
  return [toMdx(tree), warnings];
}

test('HTML comments are dropped without a trace or a warning', () => {
  // The two spaces around the comment stay; a browser shows one, as Jupyter does.
  assert.deepEqual(strip('<!-- a block comment -->\n\nText <!-- inline --> more'), ['Text  more\n', []]);
});

test('inline HTML tags are dropped with a warning, and their text stays', () => {
  assert.deepEqual(strip('a <b>bold</b> word'), ['a bold word\n', ['raw HTML not shown: <b>', 'raw HTML not shown: </b>']]);
});

test('an HTML block is dropped with a warning and leaves an invisible MDX comment saying what went', () => {
  assert.deepEqual(strip('<div align="center">\n\n*centred*\n\n</div>'), [
    '{/* raw HTML not shown: <div align="center"> */}\n\n_centred_\n\n{/* raw HTML not shown: </div> */}\n',
    ['raw HTML not shown: <div align="center">', 'raw HTML not shown: </div>'],
  ]);
});

test('<br> between two lines of a paragraph is a line break, elsewhere a space', () => {
  assert.deepEqual(strip('one<br>two'), ['one\\\ntwo\n', []]);
  assert.deepEqual(strip('one<br>'), ['one\n', []]);
  assert.deepEqual(strip('# Title<br>line'), ['# Title line\n', []]);
  assert.deepEqual(strip('| a |\n|---|\n| x<br>y |'), ['| a   |\n| --- |\n| x y |\n', []]);
});

test('a script is never passed through', () => {
  const [mdx, warnings] = strip('<script>alert(1)</script>');
  assert.equal(mdx, '{/* raw HTML not shown: <script>alert(1)</script> */}\n');
  assert.equal(warnings.length, 1);
});

test('the MDX comment cannot be closed early or unbalance MDX braces', () => {
  assert.deepEqual(mdxComment('<p style="{x}">*/ end'), { type: 'mdxFlowExpression', value: '/* <p style="(x)">* / end */' });
  assert.deepEqual(mdxComment('a\n  b'), { type: 'mdxFlowExpression', value: '/* a b */' });
});

test('htmlSnippet keeps the first line, at most 60 characters', () => {
  assert.equal(htmlSnippet('\n<div>\n<p>x</p>'), '<div>');
  assert.equal(htmlSnippet(`<p title="${'x'.repeat(80)}">`), `<p title="${'x'.repeat(50)}…`);
});
