// Shared by the exporter tests: fixture paths, golden files, tiny notebooks, and rendering MDX to
// the text a reader sees.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MARKDOWN_CONFIG } from '@docusaurus/core/lib/server/configValidation.js';
import { createProcessorUncached, type SimpleProcessor } from '@docusaurus/mdx-loader/lib/processor.js';
import { DEFAULT_PARSE_FRONT_MATTER } from '@docusaurus/utils';
import { evaluate } from '@mdx-js/mdx';
import type { Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import { createElement, type ComponentType } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { SKIP, visit } from 'unist-util-visit';
import { isSeparator } from '../../src/exporter/serialize.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'exporter', 'fixtures');

/**
 * Compares `actual` with the golden file fixtures/expected/<name>. With UPDATE_GOLDEN=1 the file is
 * rewritten and the test FAILS, so that a person reviews `git diff test/exporter/fixtures` and runs
 * the tests again before the new output is accepted.
 */
export function assertGolden(name: string, actual: string): void {
  const file = path.join(FIXTURES, 'expected', name);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    writeFileSync(file, actual);
    assert.fail(`rewrote ${path.relative(ROOT, file)}: review it with git diff, then run the tests again without UPDATE_GOLDEN`);
  }
  let expected: string;
  try {
    expected = readFileSync(file, 'utf8');
  } catch {
    assert.fail(`no golden file ${path.relative(ROOT, file)}: create it with UPDATE_GOLDEN=1 and review it`);
  }
  assert.equal(actual, expected, `${name} differs from its golden file`);
}

export function tempDir(label: string): string {
  return mkdtempSync(path.join(tmpdir(), `exporter-${label}-`));
}

type RawCell = Record<string, unknown>;

/** An nbformat 4 notebook as JSON text, with the tslab kernel's metadata. */
export function notebookJson(cells: RawCell[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      cells,
      metadata: {
        kernelspec: { display_name: 'TypeScript (tslab)', language: 'typescript', name: 'tslab' },
        language_info: { name: 'typescript', file_extension: '.ts' },
        ...extra,
      },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

export const md = (source: string | string[], extra: RawCell = {}): RawCell => ({ cell_type: 'markdown', metadata: {}, source, ...extra });
export const code = (source: string | string[], outputs: unknown[] = [], extra: RawCell = {}): RawCell => ({
  cell_type: 'code',
  execution_count: 1,
  metadata: {},
  source,
  outputs,
  ...extra,
});

/** Text as a browser shows it: whitespace runs are one space. */
export const shown = (text: string): string => text.replace(/\s+/g, ' ').trim();

const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr']);

/** The text of a hast tree; whitespace between table parts is not text (React drops it too). */
export function hastText(node: HastRoot | HastContent): string {
  if (node.type === 'text') return node.value;
  if (!('children' in node)) return '';
  const tag = node.type === 'element' ? node.tagName : '';
  return (node.children as HastContent[])
    .filter((c) => !(TABLE_PARTS.has(tag) && c.type === 'text' && !c.value.trim()))
    .map(hastText)
    .join('');
}

/** The text a reader sees for an mdast tree rendered by remark-rehype (MDX comments and separators show nothing). */
export function mdastText(tree: Root): string {
  const copy = structuredClone(tree);
  visit(copy, (node, index, parent) => {
    if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || isSeparator(node)) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  return hastText(toHast(copy) as HastRoot);
}

function htmlText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Compiles MDX with @mdx-js/mdx (GFM and math, as the site reads pages), runs it with React's JSX
 * runtime and renders it to static markup; returns that markup's text. Throws if it does not compile.
 */
export async function renderMdxText(mdx: string, components: Record<string, ComponentType<never>> = {}): Promise<string> {
  const module = await evaluate(mdx, { ...(runtime as unknown as Parameters<typeof evaluate>[1]), remarkPlugins: [remarkGfm, remarkMath] });
  const Content = module.default as ComponentType<{ components: typeof components }>;
  return htmlText(renderToStaticMarkup(createElement(Content, { components })));
}

let docusaurusProcessor: Promise<SimpleProcessor> | undefined;
let captured: HastRoot | undefined;

/**
 * Docusaurus 3's own MDX processor for docs pages (@docusaurus/mdx-loader with the default markdown
 * config: GFM, directives and admonitions, emoji, heading ids, …) plus remark-math, as the site
 * reads pages; rehype-katex is left out so that math stays its LaTeX text.
 */
function docusaurus(): Promise<SimpleProcessor> {
  docusaurusProcessor ??= createProcessorUncached({
    format: 'mdx',
    options: {
      admonitions: true,
      remarkPlugins: [remarkMath],
      rehypePlugins: [() => (tree: HastRoot) => void (captured = structuredClone(tree))],
      recmaPlugins: [],
      beforeDefaultRemarkPlugins: [],
      beforeDefaultRehypePlugins: [],
      markdownConfig: { ...DEFAULT_MARKDOWN_CONFIG, hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' } },
      staticDirs: [],
      siteDir: ROOT,
    },
  });
  return docusaurusProcessor;
}

export interface DocusaurusResult {
  readonly frontMatter: { readonly [key: string]: unknown };
  /** The page's hast after Docusaurus's remark and rehype plugins. */
  readonly hast: HastRoot;
  /** What Docusaurus printed (it warns, e.g. about unused directives, instead of failing). */
  readonly warnings: string[];
  /** The compiled JavaScript module (it exports `toc`, the table of contents). */
  readonly code: string;
}

/** Parses front matter and compiles a page as the Docusaurus site does; throws where the site build would. */
export async function compileWithDocusaurus(page: string, file = 'docs/notebooks/page.mdx'): Promise<DocusaurusResult> {
  const filePath = path.join(ROOT, file);
  const { frontMatter, content } = await DEFAULT_PARSE_FRONT_MATTER({ filePath, fileContent: page });
  const processor = await docusaurus();
  const warnings: string[] = [];
  const { warn, log, error } = console;
  console.warn = console.log = console.error = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    captured = undefined;
    const result = await processor.process({ content, filePath, frontMatter, compilerName: 'server' });
    assert.ok(captured, 'the rehype plugin saw no tree');
    return { frontMatter, hast: captured, warnings, code: result.content };
  } finally {
    Object.assign(console, { warn, log, error });
  }
}
