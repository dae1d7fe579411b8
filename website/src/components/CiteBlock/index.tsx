/**
 * CiteBlock as pages use it: drawn on the server, its code (the copy buttons) loaded and run only once
 * the reader reaches for it (components/Deferred). The component itself is in Live.tsx.
 */
import { deferUntilUsed } from '@site/src/components/Deferred';
import type { CiteBlockProps } from './Live';

export type { CiteBlockProps } from './Live';

export default deferUntilUsed<CiteBlockProps>('CiteBlock', { id: require.resolveWeak('./Live'), load: () => import('./Live') });
