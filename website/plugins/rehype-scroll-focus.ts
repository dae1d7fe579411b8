/**
 * Makes the blocks that scroll sideways keyboard stops: every Markdown table and display formula.
 *
 * Tables: Infima lays a table out as its own horizontal scroller
 * (`display: block; overflow: auto`), and the wide ones (the experiments' results, the notebooks'
 * tables) scroll even at desktop width: without focus, a keyboard user cannot scroll them (WCAG
 * 2.1.1; axe's scrollable-region-focusable). The theme does the same for every code block
 * (`<pre tabindex="0">`). Which tables will overflow depends on the reader's width, so all of them
 * get it. A table that already holds a link or button is reachable through those and is left as is.
 *
 * Display formulas: custom.css scrolls a formula wider than the column (on a phone, most of a
 * function page's), and its MathML holds nothing focusable.
 *
 * Runs after rehype-katex and before rehype-static-html, which turns both into static HTML.
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

function isScroller(node: Element): boolean {
  if (node.tagName === 'table') return true;
  const c: unknown = node.properties?.className;
  return (Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : []).includes('katex-display');
}

function eachScroller(node: Root | RootContent, fn: (element: Element) => void): void {
  if (node.type === 'element' && isScroller(node)) {
    fn(node);
    return;
  }
  if ('children' in node) for (const child of node.children) eachScroller(child, fn);
}

export function rehypeScrollFocus() {
  return (tree: Root): void => {
    eachScroller(tree, (element) => {
      if (!hasFocusable(element)) element.properties = { ...element.properties, tabIndex: 0 };
    });
  };
}

export default rehypeScrollFocus;
