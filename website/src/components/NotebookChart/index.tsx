/**
 * NotebookChart as pages use it: drawn on the server, its code loaded and run only once the reader reaches
 * for it (components/Deferred). The component itself is in Live.tsx.
 */
import { deferUntilUsed } from '@site/src/components/Deferred';
import type { NotebookChartProps } from './Live';

export type { NotebookChartProps } from './Live';

export default deferUntilUsed<NotebookChartProps>('NotebookChart', { id: require.resolveWeak('./Live'), load: () => import('./Live') });
