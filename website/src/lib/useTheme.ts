import { useColorMode } from '@docusaurus/theme-common';
import type { Theme } from '@activations/plot/figure.js';

/** The chart theme that follows the site's colour mode, live. */
export function useChartTheme(): Theme {
  return useColorMode().colorMode === 'dark' ? 'dark' : 'light';
}
