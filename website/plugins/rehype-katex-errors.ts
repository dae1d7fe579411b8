/**
 * Fails the build on a formula KaTeX could not render. rehype-katex reports a bad formula only as a
 * message on the file and renders the source in red (with KaTeX's own fallback, or a
 * `span.katex-error`), and Docusaurus never shows file messages: without this plugin a typo in a
 * formula ships as red text. Runs after rehype-katex.
 */
import type { Element, Root, RootContent } from 'hast';

/**
 * The part of a vfile this plugin reads. Declared here rather than imported: website/ is CommonJS
 * (see website/package.json) and vfile and the unist utilities are ES modules only.
 */
interface VFile {
  readonly path?: string;
  readonly messages: readonly {
    readonly source?: string | null;
    readonly reason: string;
    readonly cause?: unknown;
    readonly line?: number | null;
    readonly ancestors?: readonly { readonly position?: { readonly start: { readonly line: number } } }[] | null;
  }[];
}

function eachElement(node: Root | RootContent, fn: (element: Element) => void): void {
  if (node.type === 'element') fn(node);
  if ('children' in node) for (const child of node.children) eachElement(child, fn);
}

function classesOf(node: Element): string[] {
  const c: unknown = node.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

function where(file: VFile, line: number | null | undefined): string {
  return `${file.path ?? 'a page'}${line ? `:${line}` : ''}`;
}

export function rehypeKatexErrors() {
  return (tree: Root, file: VFile): void => {
    const problems: string[] = [];
    for (const message of file.messages) {
      if (message.source === 'rehype-katex') {
        const cause = message.cause instanceof Error ? message.cause.message : message.reason;
        // The math element itself often has no position (MDX builds it); its nearest ancestor does.
        const located = [...(message.ancestors ?? [])].reverse().find((node) => node.position);
        problems.push(`${where(file, message.line ?? located?.position?.start.line)}: ${cause}`);
      }
    }
    // A span.katex-error without a message would come from KaTeX markup already in the page (or a
    // rehype-katex that stopped reporting): fail on it too.
    if (problems.length === 0) {
      eachElement(tree, (node) => {
        if (classesOf(node).includes('katex-error')) {
          const title = typeof node.properties?.title === 'string' ? node.properties.title : 'KaTeX error';
          problems.push(`${where(file, node.position?.start.line)}: ${title}`);
        }
      });
    }
    if (problems.length > 0) {
      throw new Error(`KaTeX could not render ${problems.length === 1 ? 'a formula' : `${problems.length} formulas`}:\n  ${problems.join('\n  ')}`);
    }
  };
}

export default rehypeKatexErrors;
