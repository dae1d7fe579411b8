/**
 * A run of a page's plain blocks as one HTML string (website/plugins/rehype-static-html.ts):
 * React sets it once and never hydrates or diffs what is inside. `display: contents` (custom.css)
 * keeps the article's layout as if the blocks were its own children; a lazy run (far down the page)
 * is a block instead, laid out only as the reader nears it.
 */
import React, { type CSSProperties, type MouseEvent, type ReactNode } from 'react';
import { useHistory } from '@docusaurus/router';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import { copyText } from '@site/src/components/CopyButton';

/** A same-site page link that Docusaurus's router can open (not a file, a new tab or another site). */
export function routedPath(anchor: HTMLAnchorElement, origin: string): string | null {
  if (anchor.target && anchor.target !== '_self') return null;
  if (anchor.hasAttribute('download')) return null;
  const href = anchor.getAttribute('href');
  if (!href || href.startsWith('#')) return null;
  const url = new URL(anchor.href);
  if (url.origin !== origin) return null;
  // Files (references.bib, a notebook download, an image) are not routes: let the browser fetch them.
  const last = url.pathname.split('/').pop() ?? '';
  if (/\.[a-z0-9]+$/i.test(last) && !last.endsWith('.html')) return null;
  return url.pathname + url.search + url.hash;
}

/** A static code block's copy button (plugins/rehype-static-code.ts): copies the block's code, says so. */
function copyCode(button: HTMLButtonElement): void {
  const code = button.closest('.static-code')?.querySelector('pre code')?.textContent ?? '';
  const say = (text: string): void => {
    button.textContent = text;
    window.setTimeout(() => (button.textContent = 'Copy'), 2000);
  };
  copyText(code).then(
    () => say('Copied'),
    () => say('Copy failed'),
  );
}

export interface StaticHtmlProps {
  readonly html: string;
  /** The ids in `html`, space-separated, so links to them pass the build's broken-anchor check. */
  readonly anchors?: string;
  /**
   * Set on a run far enough down the page to be laid out only as the reader nears it: its characters
   * of wrapping text and its line boxes ("chars boxes"), from which custom.css computes its placeholder height.
   */
  readonly lazy?: string;
}

/** The custom properties custom.css computes a lazy run's placeholder height from. */
export function lazyStyle(lazy: string): CSSProperties {
  const [chars, boxes, ...rest] = lazy.split(' ').map(Number);
  if (rest.length > 0 || !Number.isInteger(chars) || !Number.isInteger(boxes))
    throw new RangeError(`StaticHtml: lazy must be "chars boxes", got ${JSON.stringify(lazy)}`);
  return { '--run-chars': String(chars), '--run-boxes': String(boxes) } as CSSProperties;
}

export default function StaticHtml({ html, anchors, lazy }: StaticHtmlProps): ReactNode {
  const history = useHistory();
  const brokenLinks = useBrokenLinks();
  if (anchors) for (const id of anchors.split(' ')) brokenLinks.collectAnchor(id);
  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const copy = (event.target as Element).closest<HTMLButtonElement>('button[data-copy-code]');
    if (copy) {
      copyCode(copy);
      return;
    }
    const anchor = (event.target as Element).closest('a');
    if (!anchor) return;
    const path = routedPath(anchor, window.location.origin);
    if (path === null) return;
    event.preventDefault();
    history.push(path);
  };
  // The click handler routes links and copies code; keyboard activation of either fires a click too.
  // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
  return (
    <div
      data-static-html=""
      data-lazy={lazy ? '' : undefined}
      style={lazy ? lazyStyle(lazy) : undefined}
      onClick={onClick}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
