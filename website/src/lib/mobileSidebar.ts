/**
 * Whether the phone's navigation drawer has been asked for. Docusaurus builds the drawer (every
 * sidebar link) as soon as a page hydrates at phone width, although most readers never open it,
 * and on a doc page that was a large share of the JavaScript run at load. theme/Navbar/MobileSidebar builds
 * it once this says so; theme/Navbar/MobileSidebar/Toggle says so at the first touch, pointer or
 * focus on the menu button, so it is there (closed) before the click that opens it, and slides in.
 */
import { useSyncExternalStore } from 'react';

let wanted = false;
const listeners = new Set<() => void>();

export function wantMobileSidebar(): void {
  if (wanted) return;
  wanted = true;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function useMobileSidebarWanted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => wanted,
    () => false,
  );
}
