import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdownToMdast, parseMarkdown } from '../../src/exporter/markdown.js';
import { toMdx } from '../../src/exporter/serialize.js';

/** Notebook markdown → MDX text, through the parse and serialize processors only. */
const mdx = (source: string) => toMdx(parseMarkdown(source));

test('MDX syntax in prose is escaped: braces, less-than, and a stray closing brace stays text', () => {
  assert.equal(mdx('p<0.05 and {1, 2, 3} } done'), 'p\\<0.05 and \\{1, 2, 3} } done\n');
});

test('prices stay text with escaped dollars; math stays math', () => {
  assert.equal(mdx('from $5 to $10, with $x$'), 'from \\$5 to \\$10, with $x$\n');
});

test('LaTeX inside math is not read as markdown: backslashes, underscores and stars are kept', () => {
  assert.equal(mdx('$a_1 * b_2 \\\\ c$'), '$a_1 * b_2 \\\\ c$\n');
});

test("one-line $$…$$ inside a paragraph becomes a math block between the paragraph's two halves", () => {
  assert.equal(mdx('before $$x^2$$ after'), 'before\n\n$$\nx^2\n$$\n\nafter\n');
  assert.equal(mdx('$$x$$'), '$$\nx\n$$\n');
});

test('display math in a list item becomes a block inside the item', () => {
  const tree = parseMarkdown('- item $$y$$ tail');
  const item = (tree.children[0] as { children: Array<{ children: Array<{ type: string }> }> }).children[0]!;
  assert.deepEqual(
    item.children.map((c) => c.type),
    ['paragraph', 'math', 'paragraph'],
  );
});

test('display math in a heading stays inline (a heading cannot hold a block)', () => {
  assert.equal(mdx('## Title $$x$$'), '## Title $x$\n');
});

test('a bare \\begin{equation} becomes a math block holding the whole environment', () => {
  assert.equal(mdx('Text\n\\begin{equation}\na_1 \\\\ b\n\\end{equation}'), 'Text\n\n$$\n\\begin{equation}\na_1 \\\\ b\n\\end{equation}\n$$\n');
});

test('a pipe inside math in a table cell is written \\vert{} so that the row keeps its cells', () => {
  assert.equal(
    mdx('| a | b |\n|---|---|\n| $x|y$ | $\\|v\\|$ |'),
    '| a           | b                 |\n| ----------- | ----------------- |\n| $x\\vert{}y$ | $\\Vert{}v\\Vert{}$ |\n',
  );
});

test('a URL right after math is linked as it will be when the page is read (text next to math starts fresh)', () => {
  const tree = parseMarkdown('$x$www.example.com');
  const paragraph = tree.children[0] as { children: Array<{ type: string }> };
  assert.deepEqual(
    paragraph.children.map((c) => c.type),
    ['inlineMath', 'link'],
  );
});

test('GFM tables, strikethrough and task lists are read as GFM', () => {
  assert.equal(mdx('| a |\n|---|\n| 1 |\n\n~~old~~\n\n- [x] done'), '| a |\n| - |\n| 1 |\n\n~~old~~\n\n- [x] done\n');
});

test('markdownToMdast drops raw HTML and resolves links, returning the warnings', () => {
  const prose = markdownToMdast('<div align="center">\n\n**Hi** <!-- note -->\n\n</div>', {
    notebooks: new Set(),
    attachments: {},
    where: { file: 'x.ipynb', cell: 0 },
  });
  assert.deepEqual(prose.warnings, ['raw HTML not shown: <div align="center">', 'raw HTML not shown: </div>']);
  assert.equal(
    toMdx({ type: 'root', children: [...prose.children] }),
    '{/* raw HTML not shown: <div align="center"> */}\n\n**Hi**\n\n{/* raw HTML not shown: </div> */}\n',
  );
});
