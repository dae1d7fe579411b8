/**
 * What a chart shows, as data: the contract between the notebooks (which display charts), the
 * exporter (which turns chart outputs into site components) and the site (which redraws every chart
 * in the browser from the module). A chart output carries its spec under CHART_SPEC_MIME next to the
 * Plotly JSON, HTML and text, so the site never has to parse Plotly figures or embedded HTML.
 */
import type { Params } from '../types.js';

/** MIME type of the ChartSpec inside a notebook's display_data. */
export const CHART_SPEC_MIME = 'application/vnd.activations.chart+json';

/** Evenly spaced inputs, like torch.linspace(start, stop, count). */
export interface Grid {
  readonly start: number;
  readonly stop: number;
  readonly count: number;
}

/** One curve of an elementwise activation (or its derivative) over the grid. */
export interface ActivationSeries {
  readonly id: string;
  readonly params?: Params;
  /** Plot the derivative instead of the function. */
  readonly derivative?: boolean;
  /** Legend text; defaults to the activation's name. */
  readonly label?: string;
}

/**
 * A chart as data, by kind: activations over a grid, the softmax family on a vector, or an
 * experiment's chart. The site redraws it from the module; `figureFromSpec` makes the Plotly figure.
 */
export type ChartSpec =
  | {
      /** Elementwise activations drawn over a grid, e.g. the walkthrough's plot_output charts. */
      readonly kind: 'activation';
      readonly title: string;
      readonly grid: Grid;
      readonly series: readonly ActivationSeries[];
      /** Axis titles; default "Input" and "Output" (or "Derivative" when every series is one). */
      readonly xTitle?: string;
      readonly yTitle?: string;
    }
  | {
      /** A softmax-family function applied to the whole grid as one vector (the walkthrough's Softmax cell). */
      readonly kind: 'vector';
      readonly title: string;
      readonly grid: Grid;
      readonly fn: 'softmax' | 'logSoftmax' | 'softmin';
      readonly label?: string;
    }
  | {
      /**
       * Anything else a notebook computes (statistics through layers, stability experiments): the data
       * itself, as x/y series. The site draws these from the data, not from the module.
       */
      readonly kind: 'data';
      readonly title: string;
      readonly xTitle: string;
      readonly yTitle: string;
      readonly yType?: 'linear' | 'log';
      /** Fixed y range (in data units, also for a log axis); by default Plotly fits the data. */
      readonly yRange?: readonly [number, number];
      readonly series: readonly DataSeries[];
    };

/**
 * One x/y series of a 'data' chart. A y value that is not finite (an overflow the notebook shows on
 * purpose) is stored as null in JSON and drawn as a gap.
 */
export interface DataSeries {
  readonly name: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
  /** How Plotly draws it; default 'lines'. */
  readonly mode?: 'lines' | 'markers' | 'lines+markers';
}
