/**
 * The desktop table of contents, hydrated on first use (components/Deferred): built when the reader
 * scrolls (it then highlights the section in view) or reaches for it; on a phone, where it is not
 * shown, Docusaurus removes it right after hydration.
 */
import type { Props } from '@theme/TOC';
import { deferUntilUsed } from '@site/src/components/Deferred';

export default deferUntilUsed<Props>('TOC', { id: require.resolveWeak('@theme-original/TOC'), load: () => import('@theme-original/TOC') }, { onScroll: true });
