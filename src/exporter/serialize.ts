/**
 * Last processor: mdast → MDX text, through mdast-util-to-markdown with the extensions of every
 * syntax Docusaurus reads in a page, so that text which would mean something in that syntax is
 * escaped: MDX (`{`, `<`), math (`$`), GFM (`|`, `~`, autolinks), directives (`:name`, `:::`), and
 * MDX's ESM (`import`/`export` at the start of a line).
 */
import type { Root } from 'mdast';
import { directiveToMarkdown } from 'mdast-util-directive';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mathToMarkdown } from 'mdast-util-math';
import { mdxToMarkdown, type MdxJsxTextElement } from 'mdast-util-mdx';
import { toMarkdown, type Options, type Unsafe } from 'mdast-util-to-markdown';
import { visit } from 'unist-util-visit';

/**
 * A paragraph starting with `import ` or `export ` is an ES module statement in MDX. Escaping the
 * first letter (as a character reference, since letters have no backslash escape) keeps it text.
 */
const ESM_UNSAFE: Unsafe[] = [
  { atBreak: true, character: 'i', after: 'mport(?:[ \\t\\r\\n]|$)' },
  { atBreak: true, character: 'e', after: 'xport(?:[ \\t\\r\\n]|$)' },
];

const OPTIONS: Options = {
  extensions: [gfmToMarkdown(), mathToMarkdown(), mdxToMarkdown(), directiveToMarkdown(), { unsafe: ESM_UNSAFE }],
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
};

/**
 * An empty `<span />`: it shows nothing, and it keeps apart the text on either side (two text nodes
 * instead of one) when the page is read again. Not an empty MDX comment `{/**\/}`: Docusaurus writes
 * a heading's table of contents entry from the source of such expressions, and would show it.
 */
export function separator(): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name: 'span', attributes: [], children: [] };
}

/** Whether a node is a separator. */
export function isSeparator(node: { type: string }): boolean {
  const element = node as MdxJsxTextElement;
  return element.type === 'mdxJsxTextElement' && element.name === 'span' && element.attributes.length === 0 && element.children.length === 0;
}

/**
 * Fixes what the serializers cannot see, with a separator between: two inline maths side by
 * side would print as `$a$$b$`, one run of dollars that remark-math reads differently; inline math
 * holding a `$` (printed `$$ … $$`) at the start of a line would open a math block; and a paragraph
 * starting with a reference link and a colon (`[a]: /b`) would become a link definition.
 */
function separateAdjacent(tree: Root): Root {
  const copy = structuredClone(tree);
  visit(copy, (node) => {
    if (!('children' in node)) return;
    const children = node.children as Array<{ type: string; value?: string }>;
    // A paragraph starting `[a]: …` (or `[^a]: …`) would be read back as a link (or footnote) definition.
    const [first, second] = children;
    const reference = first?.type === 'linkReference' || first?.type === 'footnoteReference';
    if (node.type === 'paragraph' && reference && second?.type === 'text' && second.value?.startsWith(':')) {
      children.splice(1, 0, separator());
    }
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type !== 'inlineMath') continue;
      const previous = children[i - 1];
      // Math holding a `$` is fenced with `$$`, which at the start of a line opens a math block.
      const atLineStart = previous ? previous.type === 'break' || (previous.type === 'text' && /\n$/.test(previous.value ?? '')) : node.type === 'paragraph';
      if (previous?.type === 'inlineMath' || (atLineStart && (child.value ?? '').includes('$'))) {
        children.splice(i, 0, separator());
        i++;
      }
    }
  });
  return copy;
}

export function toMdx(tree: Root): string {
  return toMarkdown(separateAdjacent(tree), OPTIONS);
}
