import type { PlotlyFigure } from './module';

/**
 * The figure with its legend in one row under the plot. src/plot puts the legend inside the axes at
 * the upper left (the walkthrough's matplotlib style), where a probability vector's largest values
 * often are; this keeps the module's figure and moves only the legend.
 */
export function legendBelow(figure: PlotlyFigure): PlotlyFigure {
  const legend = (figure.layout.legend ?? {}) as Record<string, unknown>;
  return {
    ...figure,
    layout: { ...figure.layout, legend: { ...legend, orientation: 'h', x: 0.5, xanchor: 'center', y: -0.3, yanchor: 'top' } as never },
  };
}
