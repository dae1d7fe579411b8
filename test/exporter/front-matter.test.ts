import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RootContent } from 'mdast';
import { frontMatter, pageMeta, shorten } from '../../src/exporter/front-matter.js';
import { parseMarkdown } from '../../src/exporter/markdown.js';

const body = (source: string): RootContent[] => parseMarkdown(source).children;

test('the title is the first heading, the slug and sidebar position come from the numbered name', () => {
  assert.deepEqual(pageMeta('03_softmax-stability', body('Intro words.\n\n## Softmax and *stability* $z$\n\nIt overflows.\n\n# Later'), {}), {
    title: 'Softmax and stability z',
    slug: 'softmax-stability',
    sidebarPosition: 3,
    description: 'It overflows.',
  });
});

test('without a number prefix there is no sidebar position', () => {
  assert.deepEqual(pageMeta('extra-notes', body('# Notes\n\nText here.'), {}), { title: 'Notes', slug: 'extra-notes', description: 'Text here.' });
});

test('the description prefers notebook metadata, then a top-level paragraph, then a long nested one', () => {
  assert.equal(pageMeta('a', body('# T\n\nFirst.'), { description: 'From  metadata\n.' }).description, 'From metadata .');
  assert.equal(
    pageMeta('a', body('# T\n\n- **Short:**\n  - A nested paragraph that is long enough.\n\nLater top-level paragraph.'), {}).description,
    'Later top-level paragraph.',
  );
  assert.equal(
    pageMeta('a', body('# T\n\n- **Short:**\n  - A nested paragraph that is long enough.'), {}).description,
    'A nested paragraph that is long enough.',
  );
  assert.equal(pageMeta('00_a', body('# T'), {}).description, 'The notebook 00_a.ipynb, executed.');
});

test('without a heading the title comes from the metadata, else from the name', () => {
  assert.equal(pageMeta('01_vanishing-gradients', [], { title: 'Gradients' }).title, 'Gradients');
  assert.equal(pageMeta('01_vanishing-gradients', [], {}).title, 'vanishing gradients');
});

test('a name that cannot be a file name and URL is refused', () => {
  assert.throws(() => pageMeta('../x', [], {}), /^RangeError: name: a notebook name must match .*, got "\.\.\/x"$/);
});

test('shorten cuts at a word boundary with an ellipsis', () => {
  assert.equal(shorten('short'), 'short');
  assert.equal(shorten('one two three four', 12), 'one two…');
  assert.equal(shorten('abcdefghijklmnop', 10), 'abcdefghi…');
});

test('front matter writes strings as JSON strings, which YAML reads back unchanged', () => {
  assert.equal(
    frontMatter({ title: 'A "quoted": title #1', slug: 'x', sidebarPosition: 0, description: "it's: fine" }),
    '---\ntitle: "A \\"quoted\\": title #1"\nslug: "x"\nsidebar_position: 0\ndescription: "it\'s: fine"\n---\n',
  );
});
