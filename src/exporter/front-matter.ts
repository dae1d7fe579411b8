/**
 * The page's front matter, from the notebook: `title` from its first heading, `slug` and
 * `sidebar_position` from its file name (`00_activation-functions` → slug `activation-functions`,
 * position 0; the number gives the reading order), and `description` (for search engines and link
 * previews) from `metadata.description` when the notebook has one, else from its first paragraph.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

export interface PageMeta {
  readonly title: string;
  readonly slug: string;
  readonly sidebarPosition?: number;
  readonly description: string;
}

/** Notebook names the exporter accepts: they become file names and URLs. */
export const NOTEBOOK_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const DESCRIPTION_LENGTH = 160;

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text a node shows: like mdast-util-to-string, without MDX comments (which show nothing). */
function shownText(node: RootContent): string {
  if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') return '';
  if ('children' in node) return (node.children as RootContent[]).map(shownText).join('');
  return toString(node);
}

/** Cuts text to at most `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max = DESCRIPTION_LENGTH): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

function firstParagraph(children: readonly RootContent[], minLength: number, topLevelOnly: boolean): string | undefined {
  let found: string | undefined;
  const root: Root = { type: 'root', children: [...children] };
  visit(root, 'paragraph', (node, _index, parent) => {
    if (found !== undefined || (topLevelOnly && parent !== root)) return;
    const text = oneLine(shownText(node));
    if (text.length >= minLength) found = text;
  });
  return found;
}

export function pageMeta(name: string, children: readonly RootContent[], metadata: { readonly [key: string]: unknown }): PageMeta {
  if (!NOTEBOOK_NAME.test(name)) throw new RangeError(`name: a notebook name must match ${NOTEBOOK_NAME}, got ${JSON.stringify(name)}`);
  const numbered = /^(\d+)[_-](.+)$/.exec(name);
  const slug = numbered ? numbered[2]! : name;
  const heading = children.find((c) => c.type === 'heading');
  const title =
    (heading && oneLine(shownText(heading))) || (typeof metadata['title'] === 'string' && oneLine(metadata['title'])) || slug.replace(/[-_]+/g, ' ');
  const afterHeading = heading ? children.slice(children.indexOf(heading) + 1) : children;
  const description =
    (typeof metadata['description'] === 'string' && oneLine(metadata['description'])) ||
    firstParagraph(afterHeading, 1, true) ||
    firstParagraph(afterHeading, 20, false) ||
    `The notebook ${name}.ipynb, executed.`;
  return { title, slug, ...(numbered ? { sidebarPosition: Number(numbered[1]) } : {}), description: shorten(description) };
}

/** YAML front matter; strings are written as JSON strings, which YAML reads as the same strings. */
export function frontMatter(meta: PageMeta): string {
  const lines = [`title: ${JSON.stringify(meta.title)}`, `slug: ${JSON.stringify(meta.slug)}`];
  if (meta.sidebarPosition !== undefined) lines.push(`sidebar_position: ${meta.sidebarPosition}`);
  lines.push(`description: ${JSON.stringify(meta.description)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}
