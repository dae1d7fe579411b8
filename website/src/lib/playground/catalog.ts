/**
 * The playground's `Catalog` (settings.ts) read from the module: the registry's activations, the
 * data sets drawn in the plane, the initialisations, the saturation threshold. The site builds it
 * at build time (docusaurus.config.ts hands it to the page as JSON), so the page never loads the
 * module; the tests build it the same way. Not for the browser: it imports the whole registry.
 */
import { activationIds, activations } from '../../../../src/registry.js';
import { datasetIds } from '../../../../src/experiments/data.js';
import { initIds } from '../../../../src/experiments/trainer.js';
import { THEMES } from '../../../../src/plot/figure.js';
import { SATURATION_THRESHOLD } from './run.js';
import type { Catalog, PlaneDatasetId } from './settings.js';

export function catalogFromModule(): Catalog {
  return {
    activations: activationIds.map((id) => {
      const a = activations[id]!;
      return { id, name: a.name, params: a.params, defaults: a.defaults };
    }),
    datasets: datasetIds.filter((id): id is PlaneDatasetId => id !== 'iris'),
    inits: initIds,
    saturationThreshold: SATURATION_THRESHOLD,
    palettes: {
      light: { paper: THEMES.light.paper, font: THEMES.light.font, lines: THEMES.light.lines },
      dark: { paper: THEMES.dark.paper, font: THEMES.dark.font, lines: THEMES.dark.lines },
    },
  };
}
