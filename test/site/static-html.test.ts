/**
 * website/plugins/rehype-static-html.ts and rehype-static-code.ts on hast trees as MDX hands them
 * over: which blocks become one static HTML string, which stay JSX, links following the base URL,
 * code highlighted at build time with the theme's Prism, and the token colours of both modes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Element, Root, RootContent } from 'hast';
import { themes } from 'prism-react-renderer';
// Named imports: website/ is CommonJS territory (see website/package.json), where a default export is wrapped.
import { prismTokenCss, rehypeStaticCode, staticCodeBlock, titleOf } from '../../website/plugins/rehype-static-code.js';
import { LAZY_AFTER_CHARS, SPLIT_CHARS, isStatic, plainJsxElement, rehypeStaticHtml, runSize, withBase } from '../../website/plugins/rehype-static-html.js';

const el = (tagName: string, children: RootContent[] = [], properties: Element['properties'] = {}): Element => ({
  type: 'element',
  tagName,
  properties,
  children: children as Element['children'],
});
const text = (value: string): RootContent => ({ type: 'text', value });
const jsx = (name: string): RootContent => ({ type: 'mdxJsxFlowElement', name, attributes: [], children: [] }) as unknown as RootContent;

interface Out {
  type: string;
  name?: string;
  tagName?: string;
  attributes?: { name: string; value: string }[];
}
const html = (n: Out): string => n.attributes?.find((a) => a.name === 'html')?.value ?? '';

test('runs of plain blocks become one StaticHtml each; headings without an id, code blocks for the theme, details and MDX components stay JSX', () => {
  const tree: Root = {
    type: 'root',
    children: [
      el('h2', [text('Formula')]),
      text('\n'),
      el('p', [text('a '), el('span', [text('x')], { className: ['katex'] })]),
      el('ul', [el('li', [text('one')])]),
      jsx('ActivationChart'),
      el('p', [text('after')]),
      el('pre', [el('code', [text('let x = 1;')], { className: ['language-ts'] })]),
      el('details', [el('summary', [text('more')])]),
      el('admonition', [el('p', [text('a note')])], { type: 'note' }),
      el('p', [text('a paragraph with '), { type: 'mdxTextExpression', value: 'x' } as unknown as Element]),
    ],
  };
  rehypeStaticHtml({ base: '/' })(tree);
  const kinds = (tree.children as Out[]).map((n) => (n.type === 'element' ? n.tagName : n.type === 'mdxJsxFlowElement' ? n.name : n.type));
  assert.deepEqual(kinds, ['h2', 'StaticHtml', 'ActivationChart', 'StaticHtml', 'pre', 'details', 'admonition', 'p']);
  const first = tree.children[1] as Out;
  assert.equal(html(first), '\n<p>a <span class="katex">x</span></p><ul><li>one</li></ul>');
  assert.equal(html(tree.children[3] as Out), '<p>after</p>');
});

const jsxWith = (name: string, attributes: { type?: string; name?: string; value?: unknown }[], children: RootContent[] = [], flow = false): RootContent =>
  ({
    type: flow ? 'mdxJsxFlowElement' : 'mdxJsxTextElement',
    name,
    attributes: attributes.map((a) => ({ type: 'mdxJsxAttribute', ...a })),
    children,
  }) as unknown as RootContent;

test('a lowercase JSX tag with literal attributes (an evidence mark) is plain HTML: it joins the run, printed as MDX would render it', () => {
  const mark = jsxWith(
    'span',
    [
      { name: 'className', value: 'evidence-mark' },
      { name: 'data-evidence', value: 'paper' },
    ],
    [
      jsxWith('span', [{ name: 'className', value: 'evidence-mark__label' }], [text('paper')]),
      text(' '),
      el('a', [text('Hendrycks')], { href: '/docs/bibliography#x' }),
    ],
  );
  const tree: Root = { type: 'root', children: [el('ul', [el('li', [text('Smooth. '), mark])])] };
  rehypeStaticHtml({ base: '/sub/' })(tree);
  assert.equal(tree.children.length, 1);
  assert.equal(
    html(tree.children[0] as Out),
    '<ul><li>Smooth. <span class="evidence-mark" data-evidence="paper"><span class="evidence-mark__label">paper</span> <a href="/sub/docs/bibliography#x">Hendrycks</a></span></li></ul>',
  );
});

test('plainJsxElement: components, expressions, spreads, SVG and the tags kept as JSX are left to MDX', () => {
  assert.equal(plainJsxElement(jsxWith('Anchor', [{ name: 'id', value: 'x' }])), null, 'a component');
  assert.equal(
    plainJsxElement(jsxWith('span', [{ name: 'style', value: { type: 'mdxJsxAttributeValueExpression', value: '{{color: "red"}}' } }])),
    null,
    'an expression',
  );
  assert.equal(plainJsxElement(jsxWith('span', [{ type: 'mdxJsxExpressionAttribute', value: '{...props}' }])), null, 'a spread');
  assert.equal(plainJsxElement(jsxWith('svg', [{ name: 'viewBox', value: '0 0 1 1' }])), null, 'SVG');
  assert.equal(plainJsxElement(jsxWith('details', [], [], true)), null, 'a tag the theme renders');
  assert.deepEqual(plainJsxElement(jsxWith('input', [{ name: 'disabled', value: null }])), {
    type: 'element',
    tagName: 'input',
    properties: { disabled: true },
    children: [],
  });
});

test('a section heading joins its run, printed as the theme’s Heading renders it: classes anchor, its # link, its id handed over', () => {
  const tree: Root = {
    type: 'root',
    children: [
      el('h1', [text('Title')]),
      el('h2', [text('Formula')], { id: 'formula' }),
      el('p', [text('a')]),
      el('h3', [text('The '), el('code', [text('x')])], { id: 'the-x', className: ['custom'] }),
      el('h2', [text('No id')]),
      el('h2', [text('Holds MDX '), jsx('Anchor') as Element], { id: 'mdx' }),
    ],
  };
  rehypeStaticHtml({ base: '/' })(tree);
  const kinds = (tree.children as Out[]).map((n) => (n.type === 'element' ? n.tagName : n.name));
  assert.deepEqual(kinds, ['h1', 'StaticHtml', 'h2', 'h2'], 'the title, a heading without an id and one holding MDX stay JSX');
  const run = tree.children[1] as Out;
  assert.equal(
    html(run),
    '<h2 id="formula" class="anchor static-anchor-target">Formula<a class="hash-link" href="#formula" aria-label="Direct link to Formula" title="Direct link to Formula" translate="no">\u200b</a></h2>' +
      '<p>a</p>' +
      '<h3 id="the-x" class="anchor static-anchor-target custom">The <code>x</code><a class="hash-link" href="#the-x" aria-label="Direct link to the-x" title="Direct link to the-x" translate="no">\u200b</a></h3>',
  );
  assert.equal(run.attributes?.find((a) => a.name === 'anchors')?.value, 'formula the-x');
});

test('runSize: wrapping text without KaTeX’s MathML copy or styles; a box per paragraph, item, heading and row; code by its lines; a table row by its longest cell once per column', () => {
  assert.deepEqual(runSize([el('p', [text('abcd')]), el('ul', [el('li', [text('ef')]), el('li', [text('g')])])]), { chars: 7, boxes: 3 });
  const math = el('span', [el('span', [text('MATHML COPY')], { className: ['katex-mathml'] }), el('span', [text('xy')], { className: ['katex-html'] })], {
    className: ['katex'],
  });
  assert.deepEqual(runSize([el('p', [text('a '), math]), el('style', [text('.x{color:red}')])]), { chars: 4, boxes: 1 });
  assert.deepEqual(runSize([el('p', [text('\n')])]), { chars: 0, boxes: 1 }, 'whitespace is not text');
  // Three lines of code: their text does not wrap; two lines more for the block's padding and title.
  assert.deepEqual(runSize([el('pre', [el('code', [text('a\nb\nc\n')])])]), { chars: 0, boxes: 5 });
  assert.deepEqual(runSize([el('div', [], { className: ['katex-display'] })]), { chars: 0, boxes: 3 });
  const row = el('tr', [el('td', [text('a')]), el('td', [text('longest')]), el('td', [text('mid')])]);
  assert.deepEqual(runSize([el('table', [el('tbody', [row, row])])]), { chars: 2 * 3 * 7, boxes: 2 * 2 }, 'two boxes a row: its last line, its padding');
});

test('a run starting LAZY_AFTER_CHARS of text into the page is lazy, with its size; a long run is cut before a section heading', () => {
  const para = (n: number): Element => el('p', [text('x'.repeat(n))]);
  const heading = (id: string): Element => el('h2', [text(id)], { id });
  const tree: Root = {
    type: 'root',
    children: [
      para(LAZY_AFTER_CHARS - 10),
      heading('first'),
      para(5),
      jsx('ActivationChart'),
      para(SPLIT_CHARS - 100),
      heading('not-cut'),
      para(200),
      heading('cut'),
      para(7),
    ],
  };
  rehypeStaticHtml({ base: '/' })(tree);
  const runs = (tree.children as Out[]).filter((n) => n.name === 'StaticHtml');
  const lazy = (n: Out) => n.attributes?.find((a) => a.name === 'lazy')?.value;
  // Cut before #first (the run held LAZY_AFTER_CHARS - 10 ≥ SPLIT_CHARS) and before #cut, not before #not-cut (SPLIT_CHARS - 100).
  assert.deepEqual(
    runs.map((r) => html(r).slice(0, 13)),
    ['<p>xxxxxxxxxx', '<h2 id="first', '<p>xxxxxxxxxx', '<h2 id="cut" '],
  );
  assert.match(html(runs[2]!), /<h2 id="not-cut"/);
  assert.deepEqual(
    runs.map(lazy),
    [undefined, undefined, `${SPLIT_CHARS - 100 + 7 + 200} 3`, '10 2'],
    'the first two start before LAZY_AFTER_CHARS; the others carry "chars boxes"',
  );
});

test('a whitespace-only run is left alone, and a tree with nothing static is unchanged', () => {
  const tree: Root = { type: 'root', children: [el('h2', [text('A')]), text('\n'), el('h3', [text('B')])] };
  const before = structuredClone(tree);
  rehypeStaticHtml({ base: '/' })(tree);
  assert.deepEqual(tree, before);
});

test("links and images in static runs follow the base URL as Docusaurus's Link does (never twice, never another host)", () => {
  assert.equal(withBase('/docs/x', '/activations/'), '/activations/docs/x');
  assert.equal(withBase('/activations/docs/x', '/activations/'), '/activations/docs/x');
  assert.equal(withBase('/activations', '/activations/'), '/activations/');
  assert.equal(withBase('//cdn.example/x.js', '/activations/'), '//cdn.example/x.js');
  assert.equal(withBase('https://arxiv.org/abs/1', '/activations/'), 'https://arxiv.org/abs/1');
  assert.equal(withBase('#cite', '/activations/'), '#cite');
  assert.equal(withBase('/docs/x', '/'), '/docs/x');
  assert.equal(withBase('pathname:///references.bib', '/activations/'), '/activations/references.bib');
  assert.equal(withBase('pathname:///notebooks/a.ipynb', '/'), '/notebooks/a.ipynb');
  const tree: Root = {
    type: 'root',
    children: [el('p', [el('a', [text('GELU')], { href: '/docs/activations/gelu' }), el('img', [], { src: '/img/a.svg', alt: '' })])],
  };
  rehypeStaticHtml({ base: '/activations/' })(tree);
  assert.equal(html(tree.children[0] as Out), '<p><a href="/activations/docs/activations/gelu">GELU</a><img src="/activations/img/a.svg" alt=""></p>');
  assert.throws(() => rehypeStaticHtml({ base: 'activations' }), RangeError);
});

test('an Anchor with a literal id becomes its span inside a static run, and every id of the run is handed over for the broken-anchor check', () => {
  const anchor = (id: unknown, extra: object[] = []): Element =>
    ({
      type: 'mdxJsxTextElement',
      name: 'Anchor',
      attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }, ...extra],
      children: [],
    }) as unknown as Element;
  const tree: Root = {
    type: 'root',
    children: [
      el('ul', [el('li', [anchor('paper--section-2'), el('strong', [text('Section 2')])])]),
      el('p', [text('see '), el('a', [text('this')], { href: '#paper--section-2' }), el('span', [], { id: 'other' })]),
      el('p', [anchor({ type: 'mdxJsxAttributeValueExpression', value: 'id' })]),
      el('p', [anchor('x', [{ type: 'mdxJsxAttribute', name: 'title', value: 't' }])]),
    ],
  };
  rehypeStaticHtml({ base: '/' })(tree);
  const kinds = (tree.children as Out[]).map((n) => (n.type === 'element' ? n.tagName : n.name));
  assert.deepEqual(kinds, ['StaticHtml', 'p', 'p'], 'an id given as an expression, or an Anchor with more attributes, stays JSX');
  const run = tree.children[0] as Out;
  assert.equal(
    html(run),
    '<ul><li><span id="paper--section-2" class="text-anchor"></span><strong>Section 2</strong></li></ul><p>see <a href="#paper--section-2">this</a><span id="other"></span></p>',
  );
  assert.equal(run.attributes?.find((a) => a.name === 'anchors')?.value, 'paper--section-2 other');
  const plain: Root = { type: 'root', children: [el('p', [text('no ids')])] };
  rehypeStaticHtml({ base: '/' })(plain);
  assert.deepEqual(
    (plain.children[0] as Out).attributes?.map((a) => a.name),
    ['html'],
  );
});

test('isStatic: text, comments and plain elements are; MDX nodes anywhere below are not', () => {
  assert.equal(isStatic(text('x')), true);
  assert.equal(isStatic(el('table', [el('tr', [el('td', [text('1')])])])), true);
  assert.equal(isStatic(el('div', [el('p', [jsx('Anchor') as Element])])), false);
  assert.equal(isStatic(el('pre', [el('code', [text('x')])])), false);
  assert.equal(isStatic(staticCodeBlock('x', 'ts', null)), true, 'a block highlighted at build time');
  assert.equal(isStatic(el('style', [text('.katex{}')], { dataKatex: '' })), true, 'KaTeX’s inlined stylesheet');
  assert.equal(isStatic(el('style', [text('p{}')])), false, 'any other <style> is left to React');
});

test('code blocks are highlighted at build time with Prism tokens, the fence title kept, the last newline dropped', () => {
  const tree: Root = {
    type: 'root',
    children: [
      el('pre', [el('code', [text('const a = activations.gelu; // the id\n')], { className: ['language-ts'], metastring: 'title="gelu.ts"' })]),
      el('pre', [el('code', [text('0.5\n')], { className: ['language-text'], metastring: 'title="Output"' })]),
      el('pre', [el('code', [text('plain')])]),
    ],
  };
  rehypeStaticCode()(tree);
  rehypeStaticHtml({ base: '/' })(tree);
  assert.equal(tree.children.length, 1, 'the three blocks are one static run');
  const out = html(tree.children[0] as Out);
  assert.match(
    out,
    /^<div class="static-code language-ts"><div class="static-code__title">gelu\.ts<\/div><pre class="static-code__pre" tabindex="0"><code class="language-ts"><span class="token keyword">const<\/span> a /,
  );
  assert.match(out, /<span class="token comment">\/\/ the id<\/span><\/code><\/pre>/, 'no trailing newline inside the block');
  assert.match(out, /<div class="static-code__title">Output<\/div><pre class="static-code__pre" tabindex="0"><code class="language-text">0\.5<\/code>/);
  assert.match(
    out,
    /<div class="static-code language-text"><pre class="static-code__pre" tabindex="0"><code class="language-text">plain<\/code>/,
    'no language: plain text, no title',
  );
  assert.equal(
    (out.match(/<button type="button" class="static-code__copy" data-copy-code="" aria-label="Copy code to clipboard" title="Copy">Copy<\/button>/g) ?? [])
      .length,
    3,
  );
});

test('a fence title in double or single quotes, or none', () => {
  assert.equal(titleOf('title="a b.ts"'), 'a b.ts');
  assert.equal(titleOf("showLineNumbers title='x'"), 'x');
  assert.equal(titleOf('{1,3}'), null);
  assert.equal(titleOf('subtitle="x"'), null);
});

test("the token stylesheet colours both modes from the themes, and the light theme's rules cannot reach dark mode", () => {
  const css = prismTokenCss(themes.github, themes.dracula);
  const light = css.split('\n').filter((r) => r.startsWith(":root:not([data-theme='dark'])"));
  const dark = css.split('\n').filter((r) => r.startsWith("[data-theme='dark']"));
  assert.equal(light.length, themes.github.styles.length + 1);
  assert.equal(dark.length, themes.dracula.styles.length + 1);
  assert.equal(light.length + dark.length, css.split('\n').length, 'every rule is scoped to one mode');
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const keyword = (theme: typeof themes.github) => theme.styles.filter((s) => s.types.includes('keyword') && !s.languages).at(-1)!.style.color!;
  assert.match(css, new RegExp(`:root:not\\(\\[data-theme='dark'\\]\\) [^{]*\\.static-code \\.token\\.keyword[^{]*\\{color:${escape(keyword(themes.github))}`));
  assert.match(css, new RegExp(`\\[data-theme='dark'\\] [^{]*\\.static-code \\.token\\.keyword[^{]*\\{color:${escape(keyword(themes.dracula))}`));
  assert.match(css, new RegExp(`--static-code-background:${themes.dracula.plain.backgroundColor}`));
});
