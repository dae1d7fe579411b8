/**
 * Links and images in notebook markdown, made to work on the site:
 * - a relative link to another notebook (`01_derivatives.ipynb#section`) points to its page
 *   (`./01_derivatives.mdx#section`, which Docusaurus resolves to the page's URL); a link to a
 *   notebook that is not exported is an error (it would be a broken link on the site);
 * - an image from the cell's attachments (`attachment:plot.png`) or from a file beside the notebook
 *   (`images/plot.png`, read through `readImage`) becomes a data URI, so the page needs no file
 *   beside it; a missing image is an error (on the site it would be a failed build);
 * - a link or image whose URL Docusaurus cannot parse (GFM autolinks accept `www.a.b[`, the URL
 *   parser does not, and Docusaurus stops the build on it) is replaced by its text, with a warning;
 *   GFM would link that text again when the page is read (it finds `www.` and `http://` in text
 *   after escapes are resolved), so a separator (serialize.ts) is put inside each such prefix.
 * Everything else is left as written.
 */
import type { Root, RootContent, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { NotebookError, type Where } from './errors.js';
import type { MarkdownCell } from './notebook.js';
import { separator } from './serialize.js';

/** An image file's content for a data URI. */
export interface ImageData {
  readonly mime: string;
  readonly base64: string;
}

export interface LinkContext {
  /** Names (file names without `.ipynb`) of the notebooks exported in this run. */
  readonly notebooks: ReadonlySet<string>;
  readonly attachments: MarkdownCell['attachments'];
  readonly where: Where;
  /**
   * Reads an image at a path relative to the notebook (decoded, without query or anchor); undefined
   * when there is no such file. Without it, relative images are an error.
   */
  readonly readImage?: (relativePath: string) => ImageData | undefined;
}

/** Whether Docusaurus can parse `url` (it calls `new URL(url, 'unspecified://')` on every link). */
export function parsableUrl(url: string): boolean {
  try {
    new URL(url, 'unspecified://');
    return true;
  } catch {
    return false;
  }
}

const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** Percent-decoding that keeps text with a stray `%` as it is. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
const NOTEBOOK_LINK = /^(?:\.\/)?((?:[^/?#]*\/)*)([^/?#]+)\.ipynb(#.*)?$/;

function notebookPage(url: string, context: LinkContext): string | undefined {
  if (HAS_SCHEME.test(url) || url.startsWith('/')) return undefined;
  const match = NOTEBOOK_LINK.exec(url);
  if (!match) return undefined;
  const name = decoded(match[2]!);
  if (!context.notebooks.has(name)) {
    throw new NotebookError(context.where, `links to the notebook ${JSON.stringify(url)}, which is not exported (no ${name}.ipynb among the notebooks)`);
  }
  return `./${name}.mdx${match[3] ?? ''}`;
}

function imageUri(url: string, context: LinkContext): string | undefined {
  if (url.startsWith('attachment:')) return attachmentUri(url, context);
  if (HAS_SCHEME.test(url) || url.startsWith('/') || url.startsWith('#') || url === '') return undefined;
  const file = decoded(url.replace(/[?#].*$/, ''));
  const image = context.readImage?.(file);
  if (!image) {
    throw new NotebookError(context.where, `the image ${JSON.stringify(url)} was not found beside the notebook, or is not a PNG, JPEG, GIF, SVG or WebP image`);
  }
  return `data:${image.mime};base64,${image.base64}`;
}

function attachmentUri(url: string, context: LinkContext): string {
  const name = decoded(url.slice('attachment:'.length));
  const bundle = context.attachments[name];
  const mime = bundle && Object.keys(bundle).find((m) => m.startsWith('image/'));
  if (!bundle || !mime) throw new NotebookError(context.where, `the image ${JSON.stringify(url)} is not among the cell's attachments`);
  return `data:${mime};base64,${bundle[mime]!.replace(/\s+/g, '')}`;
}

const AUTOLINK_START = /https?:\/\/|www\./gi;

/** Text that GFM will not turn into a link: `h<span />ttp://…`, `w<span />ww.…`. */
function unlinkable(nodes: RootContent[]): RootContent[] {
  return nodes.flatMap((node): RootContent[] => {
    if (node.type !== 'text') return [node];
    const parts: RootContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(AUTOLINK_START)) {
      const cut = match.index! + 1;
      parts.push({ type: 'text', value: node.value.slice(last, cut) } satisfies Text, separator());
      last = cut;
    }
    parts.push({ type: 'text', value: node.value.slice(last) });
    return parts;
  });
}

/** Rewrites links and images in place; returns warnings. */
export function resolveLinks(tree: Root, context: LinkContext): string[] {
  const warnings: string[] = [];
  visit(tree, (node, index, parent) => {
    if (node.type !== 'link' && node.type !== 'image') return undefined;
    const rewritten = node.type === 'link' ? notebookPage(node.url, context) : imageUri(node.url, context);
    if (rewritten !== undefined) node.url = rewritten;
    if (parsableUrl(node.url) || !parent || index === undefined) return undefined;
    warnings.push(`${node.type === 'link' ? 'link' : 'image'} with a URL that cannot be parsed, shown as text: ${node.url}`);
    const replacement = unlinkable(node.type === 'link' ? node.children : node.alt ? [{ type: 'text', value: node.alt }] : []);
    (parent.children as RootContent[]).splice(index, 1, ...replacement);
    return [SKIP, index];
  });
  return warnings;
}
