import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Root } from 'mdast';
import { NotebookError } from '../../src/exporter/errors.js';
import { parsableUrl, resolveLinks, type LinkContext } from '../../src/exporter/links.js';
import { parseMarkdown } from '../../src/exporter/markdown.js';
import { toMdx } from '../../src/exporter/serialize.js';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const context = (extra: Partial<LinkContext> = {}): LinkContext => ({
  notebooks: new Set(['00_intro', '01_next']),
  attachments: {},
  where: { file: 'notebooks/00_intro.ipynb', cell: 4 },
  ...extra,
});

function resolve(source: string, ctx = context()): [string, string[]] {
  const tree: Root = parseMarkdown(source);
  const warnings = resolveLinks(tree, ctx);
  return [toMdx(tree), warnings];
}

test('a link to another exported notebook points to its page, keeping the anchor', () => {
  assert.deepEqual(resolve('See [next](01_next.ipynb#part-2) and [here](./01_next.ipynb).'), [
    'See [next](./01_next.mdx#part-2) and [here](./01_next.mdx).\n',
    [],
  ]);
});

test('a link to a notebook that is not exported fails naming the cell', () => {
  assert.throws(
    () => resolve('[gone](02_gone.ipynb)'),
    (error: unknown) =>
      error instanceof NotebookError &&
      error.message === 'notebooks/00_intro.ipynb: cell 4: links to the notebook "02_gone.ipynb", which is not exported (no 02_gone.ipynb among the notebooks)',
  );
});

test('web links and links to other files are left as written', () => {
  assert.deepEqual(resolve('[a](https://example.com/x.ipynb) [b](../README.md) [c](#top)'), [
    '[a](https://example.com/x.ipynb) [b](../README.md) [c](#top)\n',
    [],
  ]);
});

test('an attached image becomes a data URI', () => {
  const [mdx] = resolve('![plot](attachment:plot.png)', context({ attachments: { 'plot.png': { 'image/png': 'iVBO\nRw0=' } } }));
  // The colon is escaped against directive syntax; read back, the URL is the data URI.
  assert.equal(mdx, '![plot](data\\:image/png;base64,iVBORw0=)\n');
  const urls: string[] = [];
  visit(unified().use(remarkParse).parse(mdx), 'image', (node) => {
    urls.push(node.url);
  });
  assert.deepEqual(urls, ['data:image/png;base64,iVBORw0=']);
});

test('an image missing from the attachments fails naming the cell', () => {
  assert.throws(
    () => resolve('![x](attachment:x.png)'),
    /^NotebookError: notebooks\/00_intro\.ipynb: cell 4: the image "attachment:x\.png" is not among the cell's attachments$/,
  );
});

test('an image beside the notebook becomes a data URI; one that is not there fails naming the cell', () => {
  const read = (file: string) => (file === 'img/a b.png' ? { mime: 'image/png', base64: 'AAAA' } : undefined);
  assert.deepEqual(resolve('![a](img/a%20b.png?raw=1)', context({ readImage: read })), ['![a](data\\:image/png;base64,AAAA)\n', []]);
  assert.throws(
    () => resolve('![b](img/missing.png)', context({ readImage: read })),
    /^NotebookError: notebooks\/00_intro\.ipynb: cell 4: the image "img\/missing\.png" was not found beside the notebook, or is not a PNG, JPEG, GIF, SVG or WebP image$/,
  );
  assert.throws(() => resolve('![c](c.png)'), /the image "c\.png" was not found beside the notebook/);
  assert.deepEqual(resolve('![d](https://example.com/d.png)'), ['![d](https://example.com/d.png)\n', []]);
});

test('parsableUrl agrees with the URL parser Docusaurus uses', () => {
  assert.equal(parsableUrl('https://example.com/a?b#c'), true);
  assert.equal(parsableUrl('../a.md'), true);
  assert.equal(parsableUrl('http://www.a.b['), false);
  assert.equal(parsableUrl('http://x.y|'), false);
});

test('a link Docusaurus cannot parse becomes its text, kept from being linked again, with a warning', () => {
  assert.deepEqual(resolve('see www.a.b[ now'), ['see w<span />ww\\.a.b\\[ now\n', ['link with a URL that cannot be parsed, shown as text: http://www.a.b[']]);
});
