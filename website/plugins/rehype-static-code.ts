/**
 * Highlights every fenced code block at build time, with the same Prism (prism-react-renderer's) the
 * theme's CodeBlock uses in the browser, and writes it as plain HTML: token spans with Prism's
 * classes, coloured for both colour modes by `prismTokenCss` (one inline stylesheet). The browser
 * then needs no highlighter: registering Prism's grammars is a large part of the main bundle's
 * start-up on a phone, and tokenizing a notebook page's code cells more. With nothing to do on the
 * client, rehype-static-html takes the blocks into its static runs.
 *
 * Handles `pre > code` as MDX compiles a fence (`code` keeps the fence's meta in `metastring`); the
 * title (`title="…"`) becomes a caption bar as in the theme. The copy button works through
 * StaticHtml's click handler and is hidden until the page has hydrated.
 */
import type { Element, ElementContent, Root } from 'hast';
import { Prism, type PrismTheme } from 'prism-react-renderer';

type PrismToken = InstanceType<typeof Prism.Token>;
type Stream = string | PrismToken | readonly (string | PrismToken)[];

function toHast(stream: Stream): ElementContent[] {
  if (typeof stream === 'string') return stream ? [{ type: 'text', value: stream }] : [];
  if (Array.isArray(stream)) return (stream as readonly (string | PrismToken)[]).flatMap((s) => toHast(s));
  const token = stream as PrismToken;
  const alias = token.alias === undefined ? [] : Array.isArray(token.alias) ? token.alias : [token.alias];
  return [{ type: 'element', tagName: 'span', properties: { className: ['token', token.type, ...alias] }, children: toHast(token.content as Stream) }];
}

/** The fence's language from `language-xyz`, or '' (no class, `text`). */
function languageOf(code: Element): string {
  const c = code.properties.className;
  const classes = Array.isArray(c) ? c.map(String) : [];
  return classes.find((x) => x.startsWith('language-'))?.slice('language-'.length) ?? '';
}

/** `title="a b"` (or `title='…'`) from a fence's meta string. */
export function titleOf(meta: string): string | null {
  const m = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)')/.exec(meta);
  return m ? (m[1] ?? m[2] ?? '') : null;
}

/** The hast of one highlighted block (exported for the tests). */
export function staticCodeBlock(code: string, language: string, title: string | null): Element {
  const grammar = language ? Prism.languages[language] : undefined;
  // A fence's last newline is not a line of its own (the theme drops it too).
  const text = code.replace(/\n$/, '');
  const lang = language || 'text';
  const children: ElementContent[] = [];
  if (title !== null)
    children.push({ type: 'element', tagName: 'div', properties: { className: ['static-code__title'] }, children: [{ type: 'text', value: title }] });
  children.push({
    type: 'element',
    tagName: 'pre',
    // Scrollable by keyboard, as the theme's block is.
    properties: { className: ['static-code__pre'], tabIndex: 0 },
    children: [
      {
        type: 'element',
        tagName: 'code',
        properties: { className: [`language-${lang}`] },
        children: grammar ? toHast(Prism.tokenize(text, grammar)) : [{ type: 'text', value: text }],
      },
    ],
  });
  children.push({
    type: 'element',
    tagName: 'button',
    properties: { type: 'button', className: ['static-code__copy'], dataCopyCode: '', ariaLabel: 'Copy code to clipboard', title: 'Copy' },
    children: [{ type: 'text', value: 'Copy' }],
  });
  return { type: 'element', tagName: 'div', properties: { className: ['static-code', `language-${lang}`] }, children };
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((c) => textOf(c)).join('') : '';
}

export function rehypeStaticCode() {
  return (tree: Root): void => {
    const visit = (parent: Root | Element): void => {
      parent.children.forEach((node, i) => {
        if (node.type !== 'element') return;
        const code = node.tagName === 'pre' && node.children.length === 1 ? node.children[0] : undefined;
        if (code?.type === 'element' && code.tagName === 'code') {
          const meta = code.properties.metastring;
          (parent.children as ElementContent[])[i] = staticCodeBlock(textOf(code), languageOf(code), titleOf(typeof meta === 'string' ? meta : ''));
          return;
        }
        visit(node);
      });
    };
    visit(tree);
  };
}

type Style = PrismTheme['plain'];

function declarations(style: Style): string {
  const css: string[] = [];
  if (style.color) css.push(`color:${style.color}`);
  if (style.backgroundColor) css.push(`background-color:${style.backgroundColor}`);
  if (style.fontStyle) css.push(`font-style:${style.fontStyle}`);
  if (style.fontWeight) css.push(`font-weight:${style.fontWeight}`);
  if (style.textDecorationLine) css.push(`text-decoration-line:${style.textDecorationLine}`);
  if (style.opacity !== undefined) css.push(`opacity:${style.opacity}`);
  return css.join(';');
}

/**
 * The colours of both Prism themes as CSS for the static blocks: the light theme outside dark mode,
 * the dark one under `[data-theme='dark']`, rule for rule in the theme's order (a later entry wins, as
 * it does in prism-react-renderer's dictionary).
 */
export function prismTokenCss(light: PrismTheme, dark: PrismTheme): string {
  const rules = (theme: PrismTheme, scope: string): string[] => [
    `${scope}.static-code{--static-code-background:${theme.plain.backgroundColor ?? 'transparent'};${declarations({ color: theme.plain.color })}}`,
    ...theme.styles.map(({ types, languages, style }) => {
      const within = languages?.length ? languages.map((l) => `${scope}.static-code.language-${l}`) : [`${scope}.static-code`];
      const selectors = within.flatMap((w) => types.map((t) => `${w} .token.${t}`));
      return `${selectors.join(',')}{${declarations(style)}}`;
    }),
  ];
  // Light rules must not reach dark mode where the dark theme leaves a token type unstyled.
  return [...rules(light, ":root:not([data-theme='dark']) "), ...rules(dark, "[data-theme='dark'] ")].join('\n');
}

export default rehypeStaticCode;
