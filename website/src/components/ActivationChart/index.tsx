/**
 * ActivationChart as pages use it: drawn on the server, its code loaded and run only once the reader reaches
 * for it (components/Deferred). The component itself is in Live.tsx.
 */
import { deferUntilUsed } from '@site/src/components/Deferred';
import type { ActivationChartProps } from './Live';

export type { ActivationChartProps } from './Live';

export default deferUntilUsed<ActivationChartProps>('ActivationChart', { id: require.resolveWeak('./Live'), load: () => import('./Live') });
