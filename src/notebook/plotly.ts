import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { plotlyLoaderHtml } from '../plot/html.js';
import { displayBundle } from './display.js';

const require = createRequire(import.meta.url);

/** Where plotly.js comes from: the npm package, never a CDN. */
export function plotlySource(): { readonly source: string; readonly version: string; readonly path: string } {
  const path = require.resolve('plotly.js-basic-dist-min');
  const { version } = require('plotly.js-basic-dist-min/package.json') as { version: string };
  return { source: readFileSync(path, 'utf8'), version, path };
}

/**
 * Loads plotly.js into the notebook page from an output of this cell (about 1.1 MB, once per
 * notebook), so that charts draw offline in classic Notebook and in JupyterLab without the Plotly
 * extension. Call it in the notebook's first code cell: charts in later cells rely on it, also when
 * a saved notebook is reopened (outputs are rendered top to bottom).
 */
export function initPlotly(): void {
  const { source, version } = plotlySource();
  displayBundle({
    'text/html': plotlyLoaderHtml(source, version),
    'text/plain': `plotly.js ${version} (plotly.js-basic-dist-min) is embedded in this output: charts draw offline once the notebook is trusted.`,
  });
}
