import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Root } from 'mdast';
import { protectFromDocusaurus } from '../../src/exporter/docusaurus.js';
import { parseMarkdown } from '../../src/exporter/markdown.js';
import { removeRawHtml } from '../../src/exporter/html.js';
import { toMdx } from '../../src/exporter/serialize.js';
import { compileWithDocusaurus } from './support.js';

function protect(source: string): string {
  const tree: Root = parseMarkdown(source);
  protectFromDocusaurus(tree);
  return toMdx(tree);
}

test('emoji shortcodes are broken up by a separator before their closing colon', () => {
  assert.equal(protect('nice :smile: and :+1:'), 'nice \\:smile<span />: and :+1<span />:\n');
});

test('every shortcode of a chain is broken, also the ones remark-emoji would only find after a cut', () => {
  assert.equal(protect(':a:b:c:'), '\\:a<span />\\:b<span />\\:c<span />:\n');
});

test('times and ratios of digits are left alone', () => {
  assert.equal(protect('at 10:30:45'), 'at 10\\:30\\:45\n');
});

test('a shortcode split over two text nodes is found after joining them', () => {
  const tree: Root = {
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'x :smi' },
          { type: 'text', value: 'le: y' },
        ],
      },
    ],
  };
  protectFromDocusaurus(tree);
  assert.equal(toMdx(tree), 'x \\:smile<span />: y\n');
});

test('a heading ending in {#id} gets a trailing space, so that the text stays instead of becoming an anchor id', () => {
  assert.equal(protect('## Setup {#install}'), '## Setup \\{#install}&#x20;\n');
  assert.equal(protect('## Setup {#install} done'), '## Setup \\{#install} done\n');
});

test('Docusaurus shows protected headings as written, in the page and in the table of contents', async () => {
  const tree: Root = parseMarkdown('## Setup {#install}\n\n## Feeling :smile: <b>bold</b>\n\n## Times 10:30:45');
  removeRawHtml(tree);
  protectFromDocusaurus(tree);
  const page = await compileWithDocusaurus(`---\ntitle: "T"\n---\n\n${toMdx(tree)}`);
  assert.deepEqual(page.warnings, []);
  const toc = /export const toc = (\[[\s\S]*?\]);/.exec(page.code)?.[1];
  assert.ok(toc, `no toc export in:\n${page.code.slice(0, 400)}`);
  const entries = (eval(`(${toc})`) as Array<{ value: string; id: string }>).map((e) => [e.id, e.value]);
  assert.deepEqual(entries, [
    ['setup-install-', 'Setup {#install}'],
    ['feeling-smile-bold', 'Feeling :smile<span></span>: bold'],
    ['times-103045', 'Times 10:30:45'],
  ]);
});
