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
  /** Curve points added since the previous report (all of them after configure or reset). */
  readonly curve: { readonly step: number[]; readonly train: number[]; readonly test: number[] };
  readonly probabilities: Float32Array;
}

export type FromWorker =
  | {
      readonly type: 'report';
      /** Counts configure and reset messages, so the page drops reports about runs it has replaced. */
      readonly generation: number;
      readonly running: boolean;
      /** Curves start over (configure, reset). */
      readonly fresh: boolean;
      readonly plane: Plane;
      /** SATURATION_THRESHOLD, for the page's explanation (the page does not load the experiments' code). */
      readonly saturationThreshold: number;
      /** The data, standardised, for the scatter plot: x row-major (n × 2), labels. */
      readonly points?: {
        readonly trainX: Float64Array;
        readonly trainY: Int32Array;
        readonly testX: Float64Array;
        readonly testY: Int32Array;
        readonly classes: number;
      };
      readonly runs: readonly RunReport[];
    }
  | { readonly type: 'error'; readonly generation: number; readonly message: string };
