/**
 * Parses notebook markdown (a markdown cell, or a `text/markdown` output) into mdast with a real
 * markdown parser: remark-parse with GFM (tables, strikethrough, autolinks, task lists, footnotes;
 * Jupyter renders GFM, and so does Docusaurus), math found first as Jupyter finds it (math.ts).
 * Positions are dropped: they point into the placeholder text, not the notebook.
 */
import type { Root } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { removeRawHtml } from './html.js';
import { resolveLinks, type LinkContext } from './links.js';
import { extractMath, restoreMath } from './math.js';

export function parseMarkdown(source: string): Root {
  const text = source.replace(/\r\n?/g, '\n');
  const extracted = extractMath(text);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(extracted.text);
  if (restoreMath(tree, extracted, text)) {
    // GFM links bare URLs in text after parsing; math nodes now split the text differently
    // ("$x$www.a.b" starts a text node with "www."), as they will when the page is read again.
    for (const extension of gfmFromMarkdown()) for (const transform of extension.transforms ?? []) transform(tree);
  }
  visit(tree, (node) => {
    delete node.position;
  });
  return tree;
}

export interface Prose {
  readonly children: Root['children'];
  readonly warnings: readonly string[];
}

/**
 * Notebook markdown → mdast ready for a page: parsed (parseMarkdown), raw HTML removed (html.ts),
 * links and images resolved (links.ts).
 */
export function markdownToMdast(source: string, context: LinkContext): Prose {
  const tree = parseMarkdown(source);
  const warnings = [...removeRawHtml(tree), ...resolveLinks(tree, context)];
  return { children: tree.children, warnings };
}
