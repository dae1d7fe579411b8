/**
 * The timing loop (the only part of bench/lib that reads the clock): a warm-up of at least
 * `warmupMs`, then `samples` timed samples of k calls each, k chosen so that a sample lasts at
 * least `minSampleMs`; the result is the median time per call. bench/torch_bench.py does the same.
 */
import { callsPerSample, median } from './stats.js';

export interface TimingOptions {
  readonly warmupMs: number;
  readonly minSampleMs: number;
  readonly samples: number;
}

export interface Timing {
  /** Median ms per call. */
  readonly msPerCall: number;
  readonly callsPerSample: number;
  readonly samples: number;
}

const now = (): number => performance.now();

export function timeSync(fn: () => unknown, o: TimingOptions): Timing {
  let sink: unknown;
  const start = now();
  let calls = 0;
  while (calls < 2 || now() - start < o.warmupMs) {
    sink = fn();
    calls++;
  }
  const k = callsPerSample((now() - start) / calls, o.minSampleMs);
  const per: number[] = [];
  for (let s = 0; s < o.samples; s++) {
    const t0 = now();
    for (let i = 0; i < k; i++) sink = fn();
    per.push((now() - t0) / k);
  }
  keep(sink);
  return { msPerCall: median(per), callsPerSample: k, samples: o.samples };
}

export async function timeAsync(fn: () => Promise<unknown>, o: TimingOptions): Promise<Timing> {
  let sink: unknown;
  const start = now();
  let calls = 0;
  while (calls < 2 || now() - start < o.warmupMs) {
    sink = await fn();
    calls++;
  }
  const k = callsPerSample((now() - start) / calls, o.minSampleMs);
  const per: number[] = [];
  for (let s = 0; s < o.samples; s++) {
    const t0 = now();
    for (let i = 0; i < k; i++) sink = await fn();
    per.push((now() - t0) / k);
  }
  keep(sink);
  return { msPerCall: median(per), callsPerSample: k, samples: o.samples };
}

/** Keeps results observable so no call can be optimised away. */
let kept: unknown;
function keep(v: unknown): void {
  kept = v;
}
export const lastKept = (): unknown => kept;
