/**
 * The desktop sidebar, hydrated on first use (components/Deferred): a page opened on a phone never
 * builds it (Docusaurus swaps it for the mobile menu right after hydration), and on a desktop it is
 * built when the pointer or focus reaches it, or at once when the page changes under it.
 */
import type { Props } from '@theme/DocSidebar/Desktop';
import { deferUntilUsed } from '@site/src/components/Deferred';

export default deferUntilUsed<Props>('DocSidebarDesktop', {
  id: require.resolveWeak('@theme-original/DocSidebar/Desktop'),
  load: () => import('@theme-original/DocSidebar/Desktop'),
});
