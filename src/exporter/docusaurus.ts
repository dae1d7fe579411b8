/**
 * Docusaurus reads more than MDX in a page: its remark plugins turn `:name:` shortcodes in text into
 * emoji (`markdown.emoji`, on by default) and a heading ending in `{#id}` into that heading's anchor
 * (the `{#id}` disappears from the text). Notebook text means neither (Jupyter shows both as typed).
 * Escapes cannot help (`\:` and `&#58;` are parsed back into the same text before the plugins run),
 * so this processor breaks shortcodes with a separator (`:smile<span />:` is two text nodes, neither
 * matching), and ends such a heading with a space.
 */
import type { Heading, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { separator } from './serialize.js';

/**
 * remark-emoji's pattern is `:\+1:|:-1:|:[\w-]+:`; every real shortcode has a letter except `:100:`
 * and `:1234:`, so times like 10:30:45 are left alone.
 */
const SHORTCODE = /:(?:\+1|-1|100|1234|[\w-]*[A-Za-z][\w-]*):/g;

/** Docusaurus's classic heading id syntax (@docusaurus/utils parseMarkdownHeadingId). */
const HEADING_ID = /\s*\{#(?:.(?!\{#|\}))*.\}$/;

function splitShortcodes(node: Text): RootContent[] | undefined {
  const parts: RootContent[] = [];
  let rest = node.value;
  let match: RegExpExecArray | null;
  SHORTCODE.lastIndex = 0;
  while ((match = SHORTCODE.exec(rest))) {
    // Cut before the closing colon. That colon stays in front of the rest, where it may open a new
    // shortcode once the page is parsed again (remark-emoji would have consumed it): cut that too.
    const cut = match.index + match[0].length - 1;
    parts.push({ type: 'text', value: rest.slice(0, cut) }, separator());
    rest = rest.slice(cut);
    SHORTCODE.lastIndex = 0;
  }
  if (parts.length === 0) return undefined;
  if (rest) parts.push({ type: 'text', value: rest });
  return parts;
}

/** Joins neighbouring text nodes, as parsing the page will: a shortcode may straddle two of them. */
function mergeTexts(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const children = node.children as RootContent[];
    for (let i = children.length - 1; i > 0; i--) {
      const a = children[i - 1]!;
      const b = children[i]!;
      if (a.type === 'text' && b.type === 'text' && !a.data && !b.data) {
        children.splice(i - 1, 2, { type: 'text', value: a.value + b.value });
      }
    }
  });
}

export function protectFromDocusaurus(tree: Root): void {
  mergeTexts(tree);
  visit(tree, 'text', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const parts = splitShortcodes(node);
    if (!parts) return undefined;
    (parent.children as RootContent[]).splice(index, 1, ...parts);
    return [SKIP, index + parts.length];
  });
  // A trailing space (written `&#x20;`, which markdown keeps) stops the text ending in `}`; the
  // heading's anchor gets a trailing dash ("setup-install-").
  visit(tree, 'heading', (heading: Heading) => {
    if (HEADING_ID.test(toString(heading))) heading.children.push({ type: 'text', value: ' ' });
  });
}
