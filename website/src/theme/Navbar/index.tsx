/**
 * The navbar, hydrated on first use (components/Deferred), like the footer: until the reader's
 * pointer, touch or focus reaches it, its links are the server's plain links, and React neither
 * builds nor hydrates it at load.
 * Its path prop (which the navbar itself ignores) makes it take over after a client-side navigation,
 * where the server's HTML would mark the wrong link as the current one.
 */
import React, { useEffect, type ReactNode } from 'react';
import { useLocation } from '@docusaurus/router';
import { deferUntilUsed } from '@site/src/components/Deferred';

const DeferredNavbar = deferUntilUsed<{ path: string }>('Navbar', {
  id: require.resolveWeak('@theme-original/Navbar'),
  load: () => import('@theme-original/Navbar'),
});

const STATIC = '[data-deferred=Navbar][data-deferred-state=static]';

/** The search box's shortcut, as the live navbar's search bar reads it. */
export function isSearchShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';
}

export default function Navbar(): ReactNode {
  useEffect(() => {
    // The server renders the colour-mode button disabled (it cannot work without JavaScript). With
    // JavaScript running, a click on it is held until the navbar is live and then played (Deferred),
    // so it is enabled here; a disabled button would swallow that first click.
    for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>(`${STATIC} button[disabled]`))) button.disabled = false;
    // Until the navbar is live, Ctrl/⌘ K focuses the server's search box, which brings the navbar
    // to life with the focus carried into its search bar; then the search bar handles it itself.
    const onKey = (e: KeyboardEvent): void => {
      if (!isSearchShortcut(e)) return;
      const input = document.querySelector<HTMLInputElement>(`${STATIC} input`);
      if (!input) return;
      e.preventDefault();
      input.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return <DeferredNavbar path={useLocation().pathname} />;
}
