/**
 * Makes every Markdown table a keyboard stop. Infima lays a table out as its own horizontal scroller
 * (`display: block; overflow: auto`), and the wide ones (the experiments' results, the notebooks'
 * tables) scroll even at desktop width: without focus, a keyboard user cannot scroll them (WCAG
 * 2.1.1; axe's scrollable-region-focusable). The theme does the same for every code block
 * (`<pre tabindex="0">`). Which tables will overflow depends on the reader's width, so all of them
 * get it. A table that already holds a link or button is reachable through those and is left as is.
 * Runs before rehype-static-html, which turns the tables into static HTML.
 */
import type { Element, Root, RootContent } from 'hast';

const FOCUSABLE = new Set(['a', 'button', 'input', 'select', 'textarea']);

function hasFocusable(node: Element | RootContent): boolean {
  // An MDX component in a cell may render anything: count it as focusable rather than guess.
  if ((node.type as string) === 'mdxJsxTextElement' || (node.type as string) === 'mdxJsxFlowElement') return true;
  if (node.type !== 'element') return false;
  if (FOCUSABLE.has(node.tagName) || node.properties?.tabIndex !== undefined) return true;
  return node.children.some((child) => hasFocusable(child));
}

function eachTable(node: Root | RootContent, fn: (table: Element) => void): void {
  if (node.type === 'element' && node.tagName === 'table') fn(node);
  if ('children' in node) for (const child of node.children) eachTable(child, fn);
}

export function rehypeTableFocus() {
  return (tree: Root): void => {
    eachTable(tree, (table) => {
      if (!hasFocusable(table)) table.properties = { ...table.properties, tabIndex: 0 };
    });
  };
}

export default rehypeTableFocus;
