// Types of scripts/verify-f32-kernels.mjs (plain JavaScript, run by Node), for the tests.

export declare const USAGE: string;

/** A function and the parameters (over its defaults) it is checked with. */
export interface VerifyJob {
  readonly id: string;
  readonly params: Record<string, number | string>;
}

export declare function defaultFunctions(
  ids: readonly string[],
  kernelOf: (id: string, params: Record<string, number | string>) => { kernel: string | null; within1Ulp: boolean },
  paramSetsOf?: (id: string) => readonly Record<string, number | string>[],
): VerifyJob[];
