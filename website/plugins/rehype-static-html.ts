/**
 * Turns each run of a page's top-level blocks that nothing on the client needs to touch (prose,
 * lists, tables, KaTeX formulas) into one `<StaticHtml html="…"/>`: a single HTML string that React
 * sets with `innerHTML` and skips when hydrating, instead of thousands of JSX calls it would build,
 * diff and hydrate. A function page's formulas alone are ~700 elements; at load, building and
 * hydrating the article was most of the page's blocking time on a phone.
 *
 * Section headings (h2–h6 with an id) are printed as the theme's Heading prints them, with their
 * `#` link, so React does not build and hydrate them. Stays JSX: the title
 * (h1), code blocks rehype-static-code did not highlight (the theme's CodeBlock), `<details>` (the
 * theme's collapsible), and anything holding an MDX component or expression. Links keep working as
 * client-side navigation through StaticHtml's click handler.
 * Runs last, after rehype-katex and the plugins that look for KaTeX's elements.
 */
import type { Element, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';

// The theme's MDX components render these (MDXComponents: headings, admonitions, details, …): their
// hast element is only a name for that component, not HTML to print.
const KEEP_AS_JSX = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'details', 'admonition', 'mermaid', 'head', 'script', 'style']);

const SECTION_HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/** An h2–h6 with an id: printed here as theme/Heading renders it (see staticHeading). */
function isSectionHeading(node: Element): boolean {
  return SECTION_HEADINGS.has(node.tagName) && typeof node.properties.id === 'string' && node.properties.id !== '';
}

/**
 * What @docusaurus/theme-classic's Heading renders for a section heading: classes `anchor` (the
 * TOC's highlighting finds headings by it) and a scroll margin for the sticky navbar (custom.css
 * `.static-anchor-target`, the theme's anchorTargetStickyNavbar), then a `#` link to itself titled
 * as the theme titles it (the heading's text when it is only text, else its id).
 */
function staticHeading(node: Element): void {
  const id = node.properties.id as string;
  const [only, ...rest] = node.children;
  const heading = only?.type === 'text' && rest.length === 0 ? only.value : id;
  const title = `Direct link to ${heading}`;
  const existing = node.properties.className;
  node.properties.className = ['anchor', 'static-anchor-target', ...(Array.isArray(existing) ? existing.map(String) : [])];
  node.children.push({
    type: 'element',
    tagName: 'a',
    properties: { className: ['hash-link'], href: `#${id}`, ariaLabel: title, title, translate: 'no' },
    children: [{ type: 'text', value: '\u200b' }],
  });
}

/** A block rehype-static-code already highlighted: nothing left for the theme's CodeBlock to do. */
function isStaticCode(node: Element): boolean {
  const c = node.properties.className;
  return Array.isArray(c) && c.includes('static-code__pre');
}

type Node = Root | RootContent;

interface MdxJsxElement {
  readonly type: 'mdxJsxTextElement' | 'mdxJsxFlowElement';
  readonly name: string | null;
  readonly attributes: readonly { readonly type: string; readonly name?: string; readonly value?: unknown }[];
  readonly children: readonly unknown[];
}

/**
 * A lowercase JSX tag with literal attributes only, as the generated pages write an evidence mark
 * (`<span className="evidence-mark" data-evidence="paper">`): MDX renders such a tag as the HTML
 * element itself (literal tags are never mapped to components), so it is plain HTML, and as an
 * element it can join a static run like markdown's own. SVG and MathML (their own attribute cases)
 * and the tags kept as JSX stay as they are; so does a tag with an expression or a spread.
 */
export function plainJsxElement(node: Node): Element | null {
  const n = node as unknown as MdxJsxElement;
  if ((n.type !== 'mdxJsxTextElement' && n.type !== 'mdxJsxFlowElement') || n.name === null) return null;
  if (!/^[a-z][a-z0-9]*$/.test(n.name) || KEEP_AS_JSX.has(n.name) || n.name === 'svg' || n.name === 'math') return null;
  const properties: Element['properties'] = {};
  for (const a of n.attributes) {
    if (a.type !== 'mdxJsxAttribute' || a.name === undefined) return null;
    if (a.value === null || a.value === undefined) properties[a.name] = true;
    else if (typeof a.value === 'string') properties[a.name] = a.name === 'className' ? a.value.split(/\s+/).filter(Boolean) : a.value;
    else return null;
  }
  return { type: 'element', tagName: n.name, properties, children: n.children as Element['children'] };
}

/** Every plain JSX element under the node (plainJsxElement) becomes the hast element it stands for. */
function unwrapPlainJsx(node: Node): void {
  if (!('children' in node)) return;
  node.children.forEach((child, i) => {
    const element = plainJsxElement(child);
    if (element) (node.children as RootContent[])[i] = element;
    unwrapPlainJsx(element ?? child);
  });
}

/**
 * `<Anchor id="…" />` (components/Anchor) with a literal id: all it renders is an empty span, so a
 * run keeps it as that span, and StaticHtml registers the id with the broken-anchor check instead.
 * The bibliography's cited-passage lists hold one per passage.
 */
export function anchorId(node: Node): string | null {
  const n = node as unknown as MdxJsxElement;
  if ((n.type !== 'mdxJsxTextElement' && n.type !== 'mdxJsxFlowElement') || n.name !== 'Anchor' || n.children.length > 0) return null;
  const [only, ...rest] = n.attributes;
  if (rest.length > 0 || only?.type !== 'mdxJsxAttribute' || only.name !== 'id' || typeof only.value !== 'string') return null;
  return only.value;
}

/**
 * KaTeX's stylesheet as the site's config inlines it (`<style data-katex>`): plain CSS, printed as
 * is. As JSX, React 19 would treat the `<style>` as its own resource and not hydrate it in place.
 */
function isKatexStylesheet(node: Element): boolean {
  return node.tagName === 'style' && node.properties.dataKatex !== undefined;
}

/** True when the node and everything under it is plain HTML that no MDX component renders. */
export function isStatic(node: Node): boolean {
  if (node.type === 'text' || node.type === 'comment') return true;
  if (anchorId(node) !== null) return true;
  if (node.type !== 'element') return false; // mdxJsx*, mdx expressions, ESM, raw
  if (KEEP_AS_JSX.has(node.tagName) && !isStaticCode(node) && !isSectionHeading(node) && !isKatexStylesheet(node)) return false;
  return node.children.every((child) => isStatic(child));
}

/**
 * `/docs/x` → `<base>docs/x`, as Docusaurus's Link does (useBaseUrl: never twice, never `//host`).
 * `pathname:///x` (Docusaurus's escape for a file served as is, not a route) → `<base>x`.
 */
export function withBase(href: string, base: string): string {
  if (href.startsWith('pathname://')) return withBase(href.slice('pathname://'.length), base);
  if (!href.startsWith('/') || href.startsWith('//') || href.startsWith(base)) return href;
  if (href === base.replace(/\/$/, '')) return base;
  return base + href.slice(1);
}

/**
 * Readies a static run for its HTML string: links and images follow the base URL, Anchors become
 * their span; every id in the run goes into `ids`, for the broken-anchor check.
 */
function prepare(node: Node, base: string, ids: string[]): void {
  if (node.type === 'element' && (node.tagName === 'a' || node.tagName === 'img')) {
    const key = node.tagName === 'a' ? 'href' : 'src';
    const value = (node as Element).properties[key];
    if (typeof value === 'string') (node as Element).properties[key] = withBase(value, base);
  }
  if (node.type === 'element' && typeof node.properties.id === 'string') ids.push(node.properties.id);
  if (node.type === 'element' && isSectionHeading(node)) staticHeading(node);
  if (!('children' in node)) return;
  node.children.forEach((child, i) => {
    const id = anchorId(child);
    if (id !== null) {
      const span: Element = { type: 'element', tagName: 'span', properties: { id, className: ['text-anchor'] }, children: [] };
      (node.children as RootContent[])[i] = span;
      ids.push(id);
    } else prepare(child, base, ids);
  });
}

/**
 * Laying out a long page's text is much of its main-thread work at load (Lighthouse's
 * mainthread-work-breakdown: `npm run measure:pages -- --reports=DIR`). A run that starts
 * LAZY_AFTER_CHARS of text into the page, well below the first screen at any width, is marked
 * lazy: custom.css gives it `content-visibility: auto`, so the browser lays it out only as the
 * reader nears it, with a
 * placeholder height computed from its size (runSize) that is no less than its real height
 * (test/site/browser-suite.ts checks every page at the narrowest width of each of custom.css's
 * tiers). A placeholder too short would leave the run's text, laid out for a query such as axe's,
 * below the end of the page.
 */
export const LAZY_AFTER_CHARS = 3000;

/** A run is cut before a section heading once it holds this much text: lazy runs are then sections, laid out one by one. */
export const SPLIT_CHARS = 2000;

// Text a reader does not see as running text: KaTeX's MathML copy (its visual HTML is counted), styles.
const HIDDEN_CLASSES = new Set(['katex-mathml']);
// Boxes that each end in at most one partial line or are a line of their own (code counts a box per line).
const LINE_BOXES = new Set(['p', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd', 'blockquote', 'figure', 'img', 'hr', 'summary']);

/** What a run's placeholder height is computed from: characters of wrapping text, and boxes that each add up to a line. */
export interface RunSize {
  readonly chars: number;
  readonly boxes: number;
}

function hidden(node: Element): boolean {
  if (node.tagName === 'style' || node.tagName === 'script') return true;
  const c = node.properties.className;
  return Array.isArray(c) && c.some((name) => HIDDEN_CLASSES.has(String(name)));
}

function isDisplayMath(node: Element): boolean {
  const c = node.properties.className;
  return Array.isArray(c) && c.includes('katex-display');
}

/** Characters of wrapping text and line boxes under the nodes (code: one box per line, its text not wrapping). */
export function runSize(nodes: readonly Node[]): RunSize {
  let chars = 0;
  let boxes = 0;
  const visit = (node: Node, inCode: boolean): void => {
    if (node.type === 'text') {
      if (inCode) boxes += node.value.split('\n').length - 1;
      else chars += node.value.trim() === '' ? 0 : node.value.length;
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      if (hidden(node)) return;
      if (LINE_BOXES.has(node.tagName)) boxes += 1;
      // A display formula does not wrap: a few lines tall whatever the width.
      if (isDisplayMath(node)) boxes += 3;
      if (node.tagName === 'pre') boxes += 2;
    }
    // A table row is as tall as its tallest cell, and a cell wraps in its column's share of the
    // width: counted as its longest cell's text once per column.
    if (node.type === 'element' && node.tagName === 'tr') {
      const cells = node.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
      const longest = Math.max(0, ...cells.map((c) => runSize([c]).chars));
      chars += longest * cells.length;
      // Its last partial line, and its cells' padding.
      boxes += 2;
      return;
    }
    const code = inCode || (node.type === 'element' && node.tagName === 'pre');
    for (const child of node.children) visit(child, code);
  };
  for (const n of nodes) visit(n, false);
  return { chars, boxes };
}

export interface StaticHtmlOptions {
  /** The site's baseUrl, ending in '/'. */
  readonly base: string;
  /** The MDX component that renders a run (website/src/theme/MDXComponents.tsx provides it). */
  readonly component?: string;
}

export function rehypeStaticHtml(options: StaticHtmlOptions) {
  const { base, component = 'StaticHtml' } = options;
  if (!base.startsWith('/') || !base.endsWith('/')) throw new RangeError(`rehype-static-html: base must start and end with '/', got ${JSON.stringify(base)}`);
  return (tree: Root): void => {
    unwrapPlainJsx(tree);
    const out: RootContent[] = [];
    let run: RootContent[] = [];
    // Text of the page's runs so far: a run starting past LAZY_AFTER_CHARS is laid out lazily.
    let before = 0;
    const flush = (): void => {
      // Whitespace-only runs stay as they are: nothing to gain, and MDX drops them anyway.
      if (run.some((n) => n.type === 'element')) {
        const size = runSize(run);
        const ids: string[] = [];
        const root: Root = { type: 'root', children: run };
        prepare(root, base, ids);
        const html = toHtml(root);
        const attributes = [{ type: 'mdxJsxAttribute', name: 'html', value: html }];
        if (ids.length > 0) attributes.push({ type: 'mdxJsxAttribute', name: 'anchors', value: ids.join(' ') });
        if (before >= LAZY_AFTER_CHARS) attributes.push({ type: 'mdxJsxAttribute', name: 'lazy', value: `${size.chars} ${size.boxes}` });
        before += size.chars;
        // The hast types do not know MDX's node types; MDX compiles this one as JSX.
        out.push({ type: 'mdxJsxFlowElement', name: component, attributes, children: [] } as unknown as RootContent);
      } else out.push(...run);
      run = [];
    };
    for (const node of tree.children) {
      if (isStatic(node)) {
        if (node.type === 'element' && isSectionHeading(node) && runSize(run).chars >= SPLIT_CHARS) flush();
        run.push(node);
      } else {
        flush();
        out.push(node);
      }
    }
    flush();
    tree.children = out;
  };
}

export default rehypeStaticHtml;
