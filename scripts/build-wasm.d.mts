// Types of scripts/build-wasm.mjs (plain JavaScript: the build runs without tsx), for the tests.

export interface Source {
  readonly file: string;
  readonly text: string;
}

/** One map kernel as the generated list records it (src/kernels/kernel-names.generated.ts). */
export interface MapKernel {
  readonly name: string;
  readonly scalars: number;
  readonly f64: boolean;
  readonly f32: boolean;
  /** Its float32 form reaches asm/fast32.ts: within 1 ulp of fround(forward), not equal to it. */
  readonly within1Ulp: boolean;
}

export declare function readSources(root?: string): Source[];
export declare function generate(sources: readonly Source[]): { entry: string; kernels: MapKernel[] };
export declare function functionRefs(text: string): Map<string, Set<string>>;
