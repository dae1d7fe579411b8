/**
 * Raw HTML in notebook markdown is never passed to the page: in MDX it would be JSX (and often
 * invalid: `<br>`, unclosed tags, attributes like `style="…"`), and injected as HTML it could carry
 * scripts. HTML comments are dropped silently (Jupyter does not show them either). Any other HTML is
 * dropped too (its text content, if any, stays: `<b>bold</b>` shows "bold"), with a warning for the
 * exporter's output; an HTML block also leaves an invisible MDX comment in the page saying what was
 * dropped (not inline HTML: an MDX comment alone on a line would end the paragraph, and Docusaurus
 * copies MDX expressions in a heading into its table of contents). `<br>` between two lines of a
 * paragraph becomes a markdown line break (it shows the same), and a space anywhere else.
 */
import type { Break, Root, RootContent } from 'mdast';
import type { MdxFlowExpression } from 'mdast-util-mdx';
import { visit, SKIP } from 'unist-util-visit';

const ONLY_COMMENTS = /^(?:\s*<!--[\s\S]*?-->)*\s*$/;
const BREAK = /^<br\s*\/?>$/i;

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);

/** An MDX comment block (`{/* … *\/}`) that says what the exporter left out; invisible on the page. */
export function mdxComment(text: string): MdxFlowExpression {
  // `*/` would end the comment early, and MDX finds the end of an expression by counting braces
  // (even inside comments), so braces become parentheses; one line keeps the note readable.
  const clean = text.replace(/\*\//g, '* /').replace(/\{/g, '(').replace(/\}/g, ')').replace(/\s+/g, ' ').trim();
  const value = `/* ${clean} */`;
  return { type: 'mdxFlowExpression', value };
}

/** Shortens an HTML fragment for a message: first line, at most 60 characters. */
export function htmlSnippet(html: string): string {
  const first = html.trim().split('\n')[0] ?? '';
  return first.length > 60 ? `${first.slice(0, 60)}…` : first;
}

/**
 * Removes every raw HTML node from `tree`. Returns one message per dropped piece of HTML other than
 * comments, for the exporter to print.
 */
export function removeRawHtml(tree: Root): string[] {
  const dropped: string[] = [];
  const breaks = new Set<Break>();
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const children = parent.children as RootContent[];
    if (ONLY_COMMENTS.test(node.value)) {
      children.splice(index, 1);
      return [SKIP, index];
    }
    if (BREAK.test(node.value) && PHRASING_PARENTS.has(parent.type)) {
      const lineBreak: Break = { type: 'break' };
      breaks.add(lineBreak);
      children.splice(index, 1, lineBreak);
      return [SKIP, index + 1];
    }
    const note = `raw HTML not shown: ${htmlSnippet(node.value)}`;
    dropped.push(note);
    if (PHRASING_PARENTS.has(parent.type)) {
      children.splice(index, 1);
      return [SKIP, index];
    }
    children.splice(index, 1, mdxComment(note) as RootContent);
    return [SKIP, index + 1];
  });
  // Markdown has a line break only between two lines of a paragraph: a `<br>` anywhere else (in a
  // heading, a table cell, emphasis, or with nothing after it) is a space.
  visit(tree, 'break', (node, index, parent) => {
    if (!breaks.has(node) || !parent || index === undefined) return;
    const visible = (c: RootContent) => !(c.type === 'text' && !c.value.trim()) && c.type !== 'break';
    const siblings = parent.children as RootContent[];
    const between = parent.type === 'paragraph' && siblings.slice(0, index).some(visible) && siblings.slice(index + 1).some(visible);
    if (!between) siblings[index] = { type: 'text', value: ' ' };
  });
  // What was next to the HTML may now end a paragraph with a space ("**Hi** <!-- x -->"), which
  // would be written as `&#x20;` (a table cell loses it); and a paragraph that held only a comment
  // is now empty.
  visit(tree, (node, index, parent) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return undefined;
    node.children = node.children.reduce<typeof node.children>((joined, child) => {
      const last = joined[joined.length - 1];
      if (last?.type === 'text' && child.type === 'text') joined[joined.length - 1] = { type: 'text', value: last.value + child.value };
      else joined.push(child);
      return joined;
    }, []);
    const first = node.children[0];
    const last = node.children[node.children.length - 1];
    if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
    if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
    node.children = node.children.filter((c) => c.type !== 'text' || c.value !== '');
    if (node.type === 'paragraph' && node.children.length === 0 && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  return dropped;
}
