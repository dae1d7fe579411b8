/**
 * The rehype plugin that fails the site build on a formula KaTeX cannot render, run as Docusaurus
 * runs it: MDX compiled with remark-math, rehype-katex, then the plugin.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compile } from '@mdx-js/mdx';
import type { Root } from 'hast';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
// Named import: website/ is CommonJS territory (see website/package.json), where a default export is wrapped.
import { rehypeKatexErrors } from '../../website/plugins/rehype-katex-errors.js';

async function build(source: string, withPlugin = true): Promise<string> {
  const out = await compile(
    { path: 'docs/page.mdx', value: source },
    {
      remarkPlugins: [remarkMath],
      rehypePlugins: withPlugin ? [rehypeKatex, rehypeKatexErrors] : [rehypeKatex],
    },
  );
  return String(out);
}

async function failure(source: string): Promise<Error> {
  try {
    await build(source);
  } catch (e) {
    assert.ok(e instanceof Error, `expected an Error, got ${String(e)}`);
    return e;
  }
  assert.fail(`expected the build of ${JSON.stringify(source)} to fail, it succeeded`);
}

test('valid inline and display math compile with the plugin', async () => {
  const js = await build('Inline $x^2$ and\n\n$$\n\\frac{1}{1 + e^{-x}}\n$$\n');
  assert.match(js, /katex/, 'expected KaTeX markup in the compiled page');
});

test('without the plugin a KaTeX parse error compiles silently (the reason the plugin exists)', async () => {
  const js = await build('$$\n\\frac{1}{\n$$\n', false);
  assert.match(js, /katex/);
});

test('a display formula with a parse error fails the build, naming the file, line and KaTeX message', async () => {
  const error = await failure('# Title\n\nText.\n\n$$\n\\frac{1}{\n$$\n');
  assert.match(error.message, /KaTeX could not render a formula/, `got: ${error.message}`);
  assert.match(error.message, /docs\/page\.mdx:5/, `expected the file and line, got: ${error.message}`);
  assert.match(error.message, /KaTeX parse error: Unexpected end of input/, `expected KaTeX's own message, got: ${error.message}`);
});

test('an inline formula with an undefined command fails the build', async () => {
  const error = await failure('Here $\\notacommand{x}$ is wrong.\n');
  assert.match(error.message, /notacommand/, `got: ${error.message}`);
});

test('several bad formulas are all reported', async () => {
  const error = await failure('$\\frac{$ and $\\sqrt{$\n');
  assert.match(error.message, /2 formulas/, `got: ${error.message}`);
});

test('a katex-error element in the tree fails even without a rehype-katex message', () => {
  const tree: Root = {
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['katex-error'], title: 'ParseError: KaTeX parse error: Undefined control sequence' },
        children: [{ type: 'text', value: '\\oops' }],
      },
    ],
  };
  const transform = rehypeKatexErrors();
  assert.throws(() => transform(tree, { path: 'x.mdx', messages: [] }), /Undefined control sequence/);
});
