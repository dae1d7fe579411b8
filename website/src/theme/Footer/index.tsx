/**
 * The footer, hydrated on first use (components/Deferred): its links work as plain links in the
 * server's HTML until the reader's pointer, touch or focus reaches it, and React has that much less
 * to build and hydrate at load on every page.
 */
import { deferUntilUsed } from '@site/src/components/Deferred';

export default deferUntilUsed<object>('Footer', { id: require.resolveWeak('@theme-original/Footer'), load: () => import('@theme-original/Footer') });
