/** The messages between the playground page and its worker (website/src/lib/playground/worker.ts). */
import type { Settings } from './settings.js';
import type { Plane, Snapshot } from './run.js';

export type ToWorker =
  /** New settings: the runs start again from step 0. */
  | { readonly type: 'configure'; readonly settings: Settings }
  | { readonly type: 'train' }
  | { readonly type: 'pause' }
  /** Trains `count` more steps, then reports. */
  | { readonly type: 'step'; readonly count: number }
  | { readonly type: 'reset' };

export interface RunReport {
  readonly snapshot: Snapshot;
  readonly probabilities: Float32Array;
}

export type FromWorker =
  | {
      readonly type: 'report';
      /** Counts configure and reset messages, so the page drops reports about runs it has replaced. */
      readonly generation: number;
      readonly running: boolean;
      /** The runs start over (configure, reset). */
      readonly fresh: boolean;
      readonly plane: Plane;
      /** The data, standardised, for the scatter plot: x row-major (n × 2), labels. */
      readonly points?: {
        readonly trainX: Float64Array;
        readonly trainY: Int32Array;
        readonly testX: Float64Array;
        readonly testY: Int32Array;
        readonly classes: number;
      };
      readonly runs: readonly RunReport[];
      /** The loss chart's SVG, when it was redrawn (at most every CHART_MS while training, and after every command). */
      readonly lossSvg?: string;
      /** The activations chart's SVG, after configure. */
      readonly activationSvg?: string;
    }
  /**
   * The settings name parameters that each pass on their own but not together (hardtanh's minVal not
   * below maxVal): only the function's code knows, so the worker says, and trains nothing new.
   */
  | { readonly type: 'invalid'; readonly generation: number; readonly target: 'activation' | 'compare'; readonly message: string }
  | { readonly type: 'error'; readonly generation: number; readonly message: string };
