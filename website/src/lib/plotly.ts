/**
 * plotly.js, loaded once, only in the browser, only when a chart mounts: the basic bundle (scatter,
 * bar, pie) is all the charts need and is a third of the full bundle's size. The magic comment names
 * the chunk so the JS budget test can recognise it.
 */
import type { PlotlyFigure } from './module';

export interface PlotlyApi {
  react(el: HTMLElement, data: unknown, layout: unknown, config: unknown): Promise<unknown>;
  purge(el: HTMLElement): void;
}

let loading: Promise<PlotlyApi> | undefined;

export function loadPlotly(): Promise<PlotlyApi> {
  loading ??= import(/* webpackChunkName: "plotly" */ 'plotly.js-basic-dist-min').then(
    (m: { default?: PlotlyApi } & Partial<PlotlyApi>) => m.default ?? (m as PlotlyApi),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Draws (or redraws in place) a figure; Plotly.react keeps zoom state out and is cheap on updates. */
export async function drawFigure(el: HTMLElement, figure: PlotlyFigure): Promise<void> {
  const Plotly = await loadPlotly();
  await Plotly.react(el, figure.data, { ...figure.layout, autosize: true }, figure.config);
}
