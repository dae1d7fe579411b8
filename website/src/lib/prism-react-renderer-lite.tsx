/**
 * Stands in for prism-react-renderer in the site's browser bundle (aliased by the `static-code`
 * plugin in docusaurus.config.ts). The real package registers some forty Prism grammars when the
 * main bundle starts, a large part of its start-up on a phone, although every fenced block is
 * highlighted at build time (website/plugins/rehype-static-code.ts) and the theme's CodeBlock never
 * runs on our pages. Should a CodeBlock render anyway (a block written as JSX), it shows the code
 * unhighlighted, in the theme's colours: correct, only plainer.
 */
import type { CSSProperties, JSX } from 'react';

interface Token {
  types: string[];
  content: string;
  empty?: boolean;
}

interface Theme {
  plain: CSSProperties;
}

interface RenderProps {
  tokens: Token[][];
  className: string;
  style: CSSProperties;
  getLineProps: (input: { className?: string; style?: CSSProperties; line: Token[]; [key: string]: unknown }) => {
    className: string;
    style?: CSSProperties;
    [key: string]: unknown;
  };
  getTokenProps: (input: { className?: string; style?: CSSProperties; token: Token; [key: string]: unknown }) => {
    className: string;
    style?: CSSProperties;
    children: string;
    [key: string]: unknown;
  };
}

export function Highlight({
  code,
  language,
  theme,
  children,
}: {
  code: string;
  language: string;
  theme?: Theme;
  children: (props: RenderProps) => JSX.Element;
}): JSX.Element {
  const tokens = code
    .replace(/\n$/, '')
    .split('\n')
    .map((line): Token[] => [{ types: ['plain'], content: line, empty: line === '' }]);
  return children({
    tokens,
    className: `prism-code language-${language}`,
    style: theme ? { color: theme.plain.color, backgroundColor: theme.plain.backgroundColor } : {},
    getLineProps: ({ className, line: _line, ...rest }) => ({ ...rest, className: className ? `token-line ${className}` : 'token-line' }),
    getTokenProps: ({ className, token, ...rest }) => ({
      ...rest,
      className: className ? `token plain ${className}` : 'token plain',
      children: token.empty ? '\n' : token.content,
    }),
  });
}

/** What the theme's prism-include-languages adds `additionalLanguages` to (the site has none). */
export const Prism = { languages: {} as Record<string, unknown> };

export const themes = {};
