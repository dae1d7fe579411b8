// Property tests: ANY notebook markdown becomes MDX that compiles and shows the same text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Root } from 'mdast';
import type { Root as HastRoot } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { protectFromDocusaurus } from '../../src/exporter/docusaurus.js';
import { markdownToMdast } from '../../src/exporter/markdown.js';
import { toMdx } from '../../src/exporter/serialize.js';
import { compileWithDocusaurus, hastText, mdastText, renderMdxText, shown } from './support.js';

// 200 runs each keep `npm test` fast; set EXPORTER_PROPERTY_RUNS (and EXPORTER_PROPERTY_LENGTH,
// default 40 pieces) higher for a deeper search.
const NUM_RUNS = Number(process.env['EXPORTER_PROPERTY_RUNS'] ?? 200);
const MAX_LENGTH = Number(process.env['EXPORTER_PROPERTY_LENGTH'] ?? 40);

/** Single characters that mean something in markdown, MDX, math or Docusaurus, and some that do not. */
const CHARACTERS = [
  '{',
  '}',
  '<',
  '>',
  '$',
  '\\',
  '*',
  '_',
  '#',
  '[',
  ']',
  '(',
  ')',
  '!',
  '|',
  '\n',
  ' ',
  'a',
  'b',
  '1',
  '-',
  '`',
  ':',
  '~',
  '.',
  '&',
  '"',
  "'",
  '=',
  '+',
  '^',
];
/** Longer pieces that random characters would rarely form. */
const PIECES = [
  '\n\n',
  '    ',
  '$$',
  '$x$',
  '$\\$$',
  '\\$',
  '\\begin{equation}',
  '\\end{equation}',
  'import ',
  'export ',
  ':::',
  ':::note\n',
  '::note',
  ':smile:',
  ':+1:',
  '{#x}',
  '# ',
  '## ',
  '<!--',
  '-->',
  '<div>',
  '</div>',
  '<br>',
  '<details>',
  'http://x.y',
  'www.a.b',
  '```',
  '1. ',
  '- ',
  '> ',
  '&amp;',
  '---',
  '| a | b |\n|---|---|\n',
  '[^1]',
  '[^1]: note\n',
  '[a]: /b\n',
  '![i](j)',
  'smile',
  'heart',
];

const markdown = (exclude: (piece: string) => boolean = () => false) =>
  fc
    .array(fc.oneof(fc.constantFrom(...CHARACTERS.filter((c) => !exclude(c))), fc.constantFrom(...PIECES.filter((p) => !exclude(p)))), {
      maxLength: MAX_LENGTH,
    })
    .map((parts) => parts.join(''));

/** The exporter's processors for one markdown cell: the tree the page shows, and the page's MDX. */
function exportMarkdown(source: string): { tree: Root; mdx: string } {
  const prose = markdownToMdast(source, { notebooks: new Set(), attachments: {}, where: { file: 'property.ipynb', cell: 0 }, readImage: () => PIXEL });
  const tree: Root = { type: 'root', children: [...prose.children] };
  const page = structuredClone(tree);
  protectFromDocusaurus(page);
  return { tree, mdx: toMdx(page) };
}

/** Every relative image exists, as a 1×1 PNG. */
const PIXEL = { mime: 'image/png', base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' };

const failure = (source: string, mdx: string, got: string, want: string) =>
  `markdown ${JSON.stringify(source)}\nMDX      ${JSON.stringify(mdx)}\ngot      ${JSON.stringify(got)}\nexpected ${JSON.stringify(want)}`;

test('any markdown becomes MDX that compiles and, run with React, shows the text of the parsed markdown', async () => {
  await fc.assert(
    fc.asyncProperty(markdown(), async (source) => {
      const { tree, mdx } = exportMarkdown(source);
      let got: string;
      try {
        got = shown(await renderMdxText(mdx));
      } catch (error) {
        assert.fail(`the MDX does not compile: ${(error as Error).message}\n${failure(source, mdx, '', '')}`);
      }
      const want = shown(mdastText(tree));
      assert.equal(got, want, failure(source, mdx, got, want));
    }),
    { numRuns: NUM_RUNS, includeErrorInReport: true },
  );
});

test('markdown without math shows the same text as plain remark and rehype show it', async () => {
  // Without `$` there is no math, so nothing but the MDX conversion stands between the two. `<br>`
  // is left out: the exporter shows it as a line break, plain rehype drops it with all raw HTML.
  const noMath = markdown((piece) => piece.includes('$') || piece.includes('\\begin') || piece === '<br>');
  await fc.assert(
    fc.asyncProperty(noMath, async (source) => {
      const { mdx } = exportMarkdown(source);
      const got = shown(await renderMdxText(mdx));
      const want = shown(hastText(toHast(unified().use(remarkParse).use(remarkGfm).parse(source)) as HastRoot));
      assert.equal(got, want, failure(source, mdx, got, want));
    }),
    { numRuns: NUM_RUNS, includeErrorInReport: true },
  );
});

test("any markdown compiles with Docusaurus's own MDX processor, without warnings, showing the same text", async () => {
  await fc.assert(
    fc.asyncProperty(markdown(), async (source) => {
      const { tree, mdx } = exportMarkdown(source);
      let result;
      try {
        // As in every exported page, front matter and the banner comment come first (a page starting
        // with `---` would be read as front matter).
        result = await compileWithDocusaurus(`---\ntitle: "Property"\n---\n\n{/* banner */}\n\n${mdx}`);
      } catch (error) {
        assert.fail(`Docusaurus cannot compile the MDX: ${(error as Error).message}\n${failure(source, mdx, '', '')}`);
      }
      assert.deepEqual(result.warnings, [], failure(source, mdx, '', ''));
      const got = shown(hastText(result.hast));
      const want = shown(mdastText(tree));
      assert.equal(got, want, failure(source, mdx, got, want));
    }),
    // Found by this property: a footnote reference then `:` was printed as a footnote definition.
    { numRuns: NUM_RUNS, includeErrorInReport: true, examples: [['[^1]\\:::note\n[^1]: note\n']] },
  );
});
