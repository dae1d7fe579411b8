// The whole chain on fixture notebooks, against golden pages (fixtures/expected/*.mdx, see
// fixtures/README.md), and the golden pages read the way the site reads them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Element, Root as HastRoot } from 'hast';
import { visit } from 'unist-util-visit';
import { exportNotebook } from '../../src/exporter/page.js';
import { imageReader } from '../../src/exporter/run.js';
import { CHART_SPEC_MIME } from '../../src/plot/spec.js';
import { assertGolden, compileWithDocusaurus, FIXTURES, hastText, renderMdxText } from './support.js';

const NAMES = ['01_tricky-prose', '02_outputs'];
const notebookFile = (name: string) => path.join(FIXTURES, 'notebooks', `${name}.ipynb`);
const exportFixture = (name: string) =>
  exportNotebook(readFileSync(notebookFile(name), 'utf8'), {
    name,
    file: `notebooks/${name}.ipynb`,
    notebooks: new Set(NAMES),
    readImage: imageReader(path.join(FIXTURES, 'notebooks')),
  });

for (const name of NAMES) {
  test(`${name}.ipynb exports to its golden page`, () => {
    assertGolden(`${name}.mdx`, exportFixture(name).mdx);
  });
}

test('the prose fixture reports every piece of HTML it left out, naming the cell', () => {
  assert.deepEqual(exportFixture('01_tricky-prose').warnings, [
    'notebooks/01_tricky-prose.ipynb: cell 3: raw HTML not shown: <b>',
    'notebooks/01_tricky-prose.ipynb: cell 3: raw HTML not shown: </b>',
    'notebooks/01_tricky-prose.ipynb: cell 3: raw HTML not shown: <angles>',
    'notebooks/01_tricky-prose.ipynb: cell 3: raw HTML not shown: <span style="color: red">',
    'notebooks/01_tricky-prose.ipynb: cell 3: raw HTML not shown: </span>',
    'notebooks/01_tricky-prose.ipynb: cell 3: raw HTML not shown: <div align="center">',
    'notebooks/01_tricky-prose.ipynb: cell 3: raw HTML not shown: </div>',
    "notebooks/01_tricky-prose.ipynb: cell 3: raw HTML not shown: <script>alert('never')</script>",
  ]);
});

function elements(tree: HastRoot, predicate: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (e) => {
    if (predicate(e)) found.push(e);
  });
  return found;
}

test('the prose page compiles in Docusaurus without warnings, with the same text and no HTML from the notebook', async () => {
  const page = await compileWithDocusaurus(readFileSync(path.join(FIXTURES, 'expected', '01_tricky-prose.mdx'), 'utf8'), 'docs/notebooks/01_tricky-prose.mdx');
  assert.deepEqual(page.warnings, []);
  assert.deepEqual(page.frontMatter, {
    title: 'Tricky prose: {braces} & p<0.05',
    slug: 'tricky-prose',
    sidebar_position: 1,
    description: 'Every line of this notebook is something MDX or Docusaurus would read differently from Jupyter.',
  });
  const headings = elements(page.hast, (e) => /^h[1-6]$/.test(e.tagName)).map((h) => [h.properties['id'], hastText(h)]);
  assert.deepEqual(headings, [
    ['tricky-prose-braces--p005', 'Tricky prose: {braces} & p<0.05'],
    ['mdx-characters', 'MDX characters'],
    ['dollars-and-math', 'Dollars and math'],
    ['html', 'HTML'],
    // The trailing space that keeps "{#custom-id}" text (docusaurus.ts) shows as nothing.
    ['docusaurus-syntax-custom-id-', 'Docusaurus syntax {#custom-id} '],
    ['tables-and-links', 'Tables and links'],
    ['footnote-label', 'Footnotes'],
  ]);
  const text = hastText(page.hast);
  for (const shown of [
    'p<0.05, a < b > c',
    '{1, 2, 3} and a lone } brace, x{y}z',
    'import numpy as np',
    'export the results',
    'A coffee costs $5 and a book $10; together $15. Escaped: $20.',
    ':smile: :+1:',
    '10:30:45',
    '*Not emphasis*',
    'This is not an admonition.',
  ]) {
    assert.ok(text.includes(shown), `the page does not show ${JSON.stringify(shown)}`);
  }
  // One admonition: the banner's note. No HTML element the notebook wrote (b, span, div, script).
  assert.equal(elements(page.hast, (e) => e.tagName === 'admonition').length, 1);
  assert.deepEqual(
    elements(page.hast, (e) => ['b', 'span', 'div', 'script', 'angles'].includes(e.tagName)),
    [],
  );
  const classes = (e: Element) => ((e.properties['className'] ?? []) as string[]).join(' ');
  const maths = elements(page.hast, (e) => classes(e).includes('language-math')).map((e) => [classes(e), hastText(e)]);
  assert.deepEqual(maths, [
    ['language-math math-inline', '\\alpha_i^2 + \\beta_{*}'],
    ['language-math math-display', '\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}'],
    ['language-math math-display', '\\text{ELU}(x) = \\begin{cases} x & \\text{if } x > 0 \\\\ \\alpha (e^x - 1) & \\text{if } x \\le 0 \\end{cases}'],
    ['language-math math-display', '\\begin{equation}\n  f(x) = x \\cdot \\sigma(x)\n\\end{equation}'],
    ['language-math math-display', '\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}'],
    ['language-math math-inline', '\\max(0, x)'],
    ['language-math math-inline', '[0, \\infty)'],
    ['language-math math-inline', '\\vert{}x\\vert{}'],
    ['language-math math-inline', '\\Vert{}x\\Vert{}'],
    ['language-math math-inline', 'x'],
  ]);
  const links = elements(page.hast, (e) => e.tagName === 'a').map((a) => a.properties['href']);
  assert.ok(links.includes('pathname:///notebooks/01_tricky-prose.ipynb'), `no download link among ${links.join(', ')}`);
});

test('the outputs page compiles in Docusaurus without warnings and passes each chart spec to the component unchanged', async () => {
  const mdx = readFileSync(path.join(FIXTURES, 'expected', '02_outputs.mdx'), 'utf8');
  const page = await compileWithDocusaurus(mdx, 'docs/notebooks/02_outputs.mdx');
  assert.deepEqual(page.warnings, []);
  const charts: unknown[] = [];
  visit(page.hast, (node) => {
    if ((node as { type: string }).type === 'mdxJsxFlowElement') charts.push((node as unknown as { name: string }).name);
  });
  // Docusaurus wraps the page title in a `header` element of its own.
  assert.deepEqual(charts, ['header', 'NotebookChart', 'NotebookChart']);

  // Run the page (without its import, giving the component directly): the specs arrive as written
  // in the notebook.
  const received: unknown[] = [];
  const NotebookChart = (props: { spec: unknown }) => {
    received.push(props.spec);
    return null;
  };
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '').replace("import NotebookChart from '@site/src/components/NotebookChart';\n", '');
  const text = await renderMdxText(body, { NotebookChart: NotebookChart as never });
  const notebook = JSON.parse(readFileSync(notebookFile('02_outputs'), 'utf8')) as { cells: Array<{ outputs?: Array<{ data?: Record<string, unknown> }> }> };
  const specs = notebook.cells.flatMap((c) => c.outputs ?? []).flatMap((o) => (o.data?.[CHART_SPEC_MIME] ? [o.data[CHART_SPEC_MIME]] : []));
  assert.deepEqual(received, specs);
  assert.ok(text.includes('{bold} as text'), 'the text of the HTML output is not shown');
  // No element from the outputs' HTML (the markdown table output is a GFM table, not this HTML).
  assert.deepEqual(
    elements(page.hast, (e) => ['b', 'div', 'script'].includes(e.tagName)),
    [],
  );
});
