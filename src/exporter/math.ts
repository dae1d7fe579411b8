/**
 * Math in notebook markdown, found the way Jupyter finds it: BEFORE the markdown is parsed (Jupyter
 * hides math from its markdown renderer and hands it to MathJax), so markdown never touches LaTeX:
 * `\\` line breaks, `_` subscripts and `*` stay as written. Code (fenced, indented and inline) is
 * found first with a real markdown parse and never holds math.
 *
 * Delimiters: `$…$` (inline), `$$…$$` (display, also on one line) and `\begin{env}…\end{env}`
 * (display, kept whole: KaTeX reads the environment). A single `$` follows Pandoc's rule so that
 * prices stay text: the opening `$` must be followed by a non-space, and the next `$` closes only if
 * it follows a non-space and is not followed by a digit; otherwise the opening `$` is text ("$5 or
 * $10" has no math). `\$` is a dollar sign.
 * No math spans a blank line (TeX forbids it in math too). A delimiter without its partner is text.
 *
 * Each math span is replaced by a placeholder (two private-use characters absent from the text
 * around a number) that markdown parses as a plain word; restoreMath puts math nodes back.
 */
import type { InlineMath, Math } from 'mdast-util-math';
import type { Root, RootContent, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

export interface MathSpan {
  /** Offsets in the source: [start, end). */
  readonly start: number;
  readonly end: number;
  readonly display: boolean;
  /** The LaTeX: between the delimiters for `$`/`$$` (trimmed for `$$`), the whole environment for `\begin`. */
  readonly value: string;
}

export interface ExtractedMath {
  /** The source with every math span replaced by its placeholder. */
  readonly text: string;
  readonly spans: readonly MathSpan[];
  /** Placeholder i is `${open}${i}${close}`. */
  readonly open: string;
  readonly close: string;
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;

/** [start, end) ranges of code (fenced, indented, inline) in a markdown text, in order. */
export function codeRanges(source: string): Array<readonly [number, number]> {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(source);
  const ranges: Array<readonly [number, number]> = [];
  visit(tree, (node) => {
    if ((node.type === 'code' || node.type === 'inlineCode') && node.position) {
      ranges.push([node.position.start.offset!, node.position.end.offset!]);
    }
  });
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Two private-use characters that do not occur in `text`. */
function placeholderDelimiters(text: string): [string, string] {
  const free: string[] = [];
  for (let code = 0xe000; code <= 0xf8ff && free.length < 2; code++) {
    const c = String.fromCharCode(code);
    if (!text.includes(c)) free.push(c);
  }
  if (free.length < 2) throw new RangeError('markdown text uses every private-use character; cannot mark math in it');
  return [free[0]!, free[1]!];
}

/** Finds the math spans of a markdown text (see the module comment for the rules). */
export function findMath(source: string): MathSpan[] {
  const code = codeRanges(source);
  const n = source.length;
  // Index of the first code range that ends after i (ranges are sorted and disjoint).
  let codeIndex = 0;
  const codeAt = (i: number): readonly [number, number] | undefined => {
    while (codeIndex < code.length && code[codeIndex]![1] <= i) codeIndex++;
    const range = code[codeIndex];
    return range && range[0] <= i ? range : undefined;
  };
  const inCode = (i: number) => code.some(([s, e]) => s <= i && i < e);
  /** A blank line starts at the line feed at i. */
  const blankLineAt = (i: number) => {
    if (source[i] !== '\n') return false;
    let j = i + 1;
    while (source[j] === ' ' || source[j] === '\t') j++;
    return j >= n || source[j] === '\n';
  };
  const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n';

  /**
   * Scans from j for a closer: `closes(k)` returns the end of the closing delimiter at k, undefined
   * to go on, or null to give up. Stops at code and blank lines.
   */
  const scan = (j: number, closes: (k: number) => number | null | undefined): [number, number] | undefined => {
    for (let k = j; k < n; k++) {
      if (inCode(k) || blankLineAt(k)) return undefined;
      const end = closes(k);
      if (end === null) return undefined;
      if (end !== undefined) return [k, end];
      if (source[k] === '\\' && source[k + 1] !== '\n') k++;
    }
    return undefined;
  };

  const spans: MathSpan[] = [];
  let i = 0;
  while (i < n) {
    const range = codeAt(i);
    if (range) {
      i = range[1];
      continue;
    }
    const c = source[i];
    if (c === '\\') {
      const begin = /^\\begin\{([A-Za-z]+\*?)\}/.exec(source.slice(i, i + 64));
      if (begin) {
        const env = begin[1]!;
        let depth = 0;
        const found = scan(i, (k) => {
          if (source.startsWith(`\\begin{${env}}`, k)) depth++;
          else if (source.startsWith(`\\end{${env}}`, k) && --depth === 0) return k + `\\end{${env}}`.length;
          return undefined;
        });
        if (found) {
          spans.push({ start: i, end: found[1], display: true, value: source.slice(i, found[1]) });
          i = found[1];
          continue;
        }
      }
      i += PUNCTUATION.test(source[i + 1] ?? '') ? 2 : 1;
      continue;
    }
    if (c === '$') {
      if (source[i + 1] === '$') {
        const found = scan(i + 2, (k) => (source.startsWith('$$', k) ? k + 2 : undefined));
        const value = found ? source.slice(i + 2, found[0]).trim() : '';
        if (found && value) {
          spans.push({ start: i, end: found[1], display: true, value });
          i = found[1];
        } else {
          i += 2;
        }
        continue;
      }
      if (i + 1 < n && !isSpace(source[i + 1])) {
        // The next dollar closes, or else this one is text: "$5 or $10" and "$5, and $x$" keep
        // their prices (Pandoc would read "$5, and $x" as math in the second).
        const found = scan(i + 1, (k) => {
          if (source[k] !== '$') return undefined;
          return !isSpace(source[k - 1]) && !/[0-9]/.test(source[k + 1] ?? '') ? k + 1 : null;
        });
        if (found) {
          spans.push({ start: i, end: found[1], display: false, value: source.slice(i + 1, found[0]) });
          i = found[1];
          continue;
        }
      }
      i += 1;
      continue;
    }
    i += 1;
  }
  return spans;
}

/** Replaces every math span of `source` with a placeholder. */
export function extractMath(source: string): ExtractedMath {
  const spans = findMath(source);
  const [open, close] = placeholderDelimiters(source);
  let text = '';
  let last = 0;
  spans.forEach((span, index) => {
    text += source.slice(last, span.start) + open + index + close;
    last = span.end;
  });
  text += source.slice(last);
  return { text, spans, open, close };
}

/** An inline math node shaped like remark-math's (the same hast: `code.language-math.math-inline`). */
export function inlineMathNode(value: string): InlineMath {
  return {
    type: 'inlineMath',
    value,
    data: {
      hName: 'code',
      hProperties: { className: ['language-math', 'math-inline'] },
      hChildren: [{ type: 'text', value }],
    },
  };
}

/** A display math node shaped like remark-math's (`pre > code.language-math.math-display`). */
export function mathNode(value: string): Math {
  return {
    type: 'math',
    meta: null,
    value,
    data: {
      hName: 'pre',
      hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value }] }],
    },
  };
}

type Parent = Extract<Root | RootContent, { children: unknown[] }>;

/**
 * Puts math back into a tree parsed from `extracted.text`. Placeholders in text become math nodes;
 * display math standing directly in a paragraph becomes a math block, splitting the paragraph (as
 * MathJax shows it); elsewhere (headings, emphasis, links, table cells) it stays inline. A
 * placeholder anywhere else (a link URL, image alt, raw HTML) gets its source text back. Returns
 * whether there was any math.
 */
export function restoreMath(tree: Root, extracted: ExtractedMath, source: string): boolean {
  const { spans, open, close } = extracted;
  if (spans.length === 0) return false;
  const pattern = new RegExp(`${open}(\\d+)${close}`, 'g');
  const sourceOf = (text: string) => text.replace(pattern, (_, i: string) => source.slice(spans[+i]!.start, spans[+i]!.end));
  const display = new Set<InlineMath>();

  visit(tree, (node, index, parent) => {
    if (node.type === 'text' && parent && index !== undefined) {
      if (!node.value.includes(open)) return;
      const parts: RootContent[] = [];
      let last = 0;
      for (const match of node.value.matchAll(pattern)) {
        const at = match.index!;
        if (at > last) parts.push({ type: 'text', value: node.value.slice(last, at) });
        const span = spans[Number(match[1])]!;
        const math = inlineMathNode(span.value);
        if (span.display) display.add(math);
        parts.push(math);
        last = at + match[0].length;
      }
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      (parent.children as RootContent[]).splice(index, 1, ...parts);
      return index + parts.length;
    }
    // Everything else that holds text: URLs, titles, alt text, raw HTML, code (never expected).
    const record = node as unknown as Record<string, unknown>;
    for (const key of ['value', 'url', 'title', 'alt', 'label', 'identifier']) {
      const v = record[key];
      if (typeof v === 'string' && v.includes(open)) record[key] = sourceOf(v);
    }
    return undefined;
  });

  if (display.size > 0) splitDisplayMath(tree, display);
  // GFM splits table rows at every `|` before it reads math, even inside `$…$`: write `|` as \vert{}
  // and `\|` as \Vert{}, which KaTeX draws the same.
  visit(tree, 'tableCell', (cell) => {
    visit(cell, 'inlineMath', (math) => {
      if (math.value.includes('|')) {
        replaceMathValue(
          math,
          math.value.replace(/\\\||\|/g, (m) => (m === '|' ? '\\vert{}' : '\\Vert{}')),
        );
      }
    });
  });
  return true;
}

function replaceMathValue(node: InlineMath, value: string): void {
  Object.assign(node, inlineMathNode(value));
}

function splitDisplayMath(tree: Root, display: ReadonlySet<InlineMath>): void {
  visit(tree, (node) => {
    if (!('children' in node) || node.type === 'paragraph') return;
    const parent = node as Parent;
    const children = parent.children as RootContent[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type !== 'paragraph' || !child.children.some((c) => display.has(c as InlineMath))) continue;
      const blocks: RootContent[] = [];
      let run: typeof child.children = [];
      const flush = () => {
        const trimmed = trimRun(run);
        if (trimmed.length) blocks.push({ type: 'paragraph', children: trimmed });
        run = [];
      };
      for (const c of child.children) {
        if (display.has(c as InlineMath)) {
          flush();
          blocks.push(mathNode((c as InlineMath).value));
        } else {
          run.push(c);
        }
      }
      flush();
      children.splice(i, 1, ...blocks);
      i += blocks.length - 1;
    }
  });
}

/** Drops whitespace (and line breaks) at both ends of a run of phrasing nodes. */
function trimRun<T extends RootContent>(run: T[]): T[] {
  const out = [...run];
  while (out.length && isBlank(out[0]!)) out.shift();
  while (out.length && isBlank(out[out.length - 1]!)) out.pop();
  if (out[0]?.type === 'text') out[0] = { ...out[0], value: (out[0] as Text).value.replace(/^\s+/, '') } as T;
  const lastIndex = out.length - 1;
  if (out[lastIndex]?.type === 'text') out[lastIndex] = { ...out[lastIndex], value: (out[lastIndex] as Text).value.replace(/\s+$/, '') } as T;
  return out;
}

function isBlank(node: RootContent): boolean {
  return node.type === 'break' || (node.type === 'text' && node.value.trim() === '');
}
