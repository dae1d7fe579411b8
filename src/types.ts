/**
 * The shapes every activation shares. Each activation file fills one `ActivationSpec`; `defineActivation`
 * turns it into the public `Activation` (validated parameters, a `map` over typed arrays).
 */

/** A float array the module maps over; `map` returns the same type it is given. */
export type FloatArray = Float64Array | Float32Array;

/** A parameter value: numbers, or a string for enumerations such as GELU's `approximate`. */
export type ParamValue = number | string;

/** An activation's parameters by name, e.g. `{ negativeSlope: 0.01 }` for Leaky ReLU. */
export type Params = Readonly<Record<string, ParamValue>>;

/** One parameter, documented as PyTorch documents it. */
export interface ParamInfo {
  /** Our name (camelCase), the key in `defaults` and in the `params` argument. */
  readonly name: string;
  /** PyTorch's keyword name, e.g. `negative_slope`. */
  readonly torchName: string;
  /** LaTeX symbol used in the formulas, e.g. `\alpha`. */
  readonly symbol: string;
  readonly description: string;
  /** For a numeric parameter: a range a slider on the site may use. */
  readonly range?: readonly [min: number, max: number];
  /** For an enumerated parameter: the allowed values. */
  readonly choices?: readonly string[];
}

/** Ordered from least to most smooth; `C^\infty` is "smooth". */
export type Continuity = 'C0' | 'C1' | 'C2' | 'Cinf' | 'discontinuous';

/**
 * Mathematical properties, at the default parameters. Tests check each one against the code
 * (range by sampling and limits, monotonicity by sampling, f(0) and f'(0) exactly …).
 */
export interface Properties {
  /** Range of the function over the reals, as an interval; `closed` says which ends are attained. */
  readonly range: {
    readonly min: number;
    readonly max: number;
    readonly minClosed: boolean;
    readonly maxClosed: boolean;
  };
  /** LaTeX of the range, e.g. `(0, 1)`. */
  readonly rangeLatex: string;
  readonly monotonic: boolean;
  readonly continuity: Continuity;
  /** Outputs can take both signs around 0 with mean near 0 for inputs centred on 0. */
  readonly zeroCentered: boolean;
  readonly f0: number;
  /** f'(0) as PyTorch's autograd gives it (its convention at a kink). */
  readonly df0: number;
  /** f(x) ≈ x near 0 (f(0) = 0 and f'(0) = 1). */
  readonly identityNearZero: boolean;
  /** Points where the derivative jumps, and the value autograd returns there. */
  readonly kinks: readonly { readonly x: number; readonly derivative: number }[];
}

/**
 * Where a trade-off claim comes from. Every claim carries at least one; `test/evidence.test.ts`
 * checks each against the module (paper keys, tested properties, experiments and their findings).
 */
export type Evidence =
  | {
      /** A passage of a paper in `references`, read from the paper itself. */
      readonly kind: 'paper';
      /** A key of `references`. */
      readonly key: string;
      /** Where in the paper: section, table, figure or page, e.g. "Section 4.2, Table 2". */
      readonly where: string;
      /** What that passage shows, in our words (never a long quotation). */
      readonly shows?: string;
    }
  | {
      /** One of our own experiments (`experiments`), whose committed result supports the claim. */
      readonly kind: 'measured';
      /** The experiment's id. */
      readonly experiment: string;
      /** The id of the finding, checked on the committed result, that supports the claim. */
      readonly finding: string;
    }
  | {
      /** A property of the function (a key of its `properties`), which the tests check against the code. */
      readonly kind: 'property';
      readonly property: keyof Properties;
    }
  | {
      /** A hypothesis, shown as one: nobody has shown it (or a paper only suggests it). */
      readonly kind: 'conjecture';
      /** The paper that puts it forward, if any (a key of `references`). */
      readonly key?: string;
    };

/** One advantage, disadvantage, recommendation or correction, with where it comes from. */
export interface Claim {
  readonly text: string;
  /** Never empty: a claim nothing supports is removed or rewritten. */
  readonly evidence: readonly [Evidence, ...Evidence[]];
}

/** What the site and the notebooks say for and against a function, each claim with its evidence. */
export interface TradeOffs {
  readonly advantages: readonly Claim[];
  readonly disadvantages: readonly Claim[];
  readonly whenToUse: readonly Claim[];
  /**
   * Where the source walkthrough said something this project corrects, the correction, stated
   * openly (shown on the site and in the notebook).
   */
  readonly corrections?: readonly Claim[];
}

/** A worked example: tests check `forward` (and `derivative`) to a few ulps. */
export interface Example {
  readonly x: number;
  readonly params?: Params;
  readonly forward: number;
  readonly derivative?: number;
  /** Why this example is worth showing. */
  readonly note?: string;
}

// ---------------------------------------------------------------------------------------------
// Per-function data that used to live in other lists (bench, fixture generator, notebook families):
// each function's file now carries it, and every list derives from the registry.

/** The notebook/README family a function is listed under (titles live in src/notebook/families.ts). */
export type FamilyId = 'saturating' | 'rectifier' | 'exponential' | 'smooth-gated' | 'hard' | 'other';
/** The bench's kernel groups ('vector' is for softmax, logSoftmax and softmin). */
export type KernelGroup = 'cheap' | 'exp' | 'gelu' | 'vector';
/** The textbook formula as a plain loop, params bound (the bench's baseline). */
export type LoopKernel = (xs: FloatArray, out: FloatArray) => void;

/**
 * A value taken from the call's parameters, by our name. `K` narrows the name to the function's own
 * parameters inside its spec (a misspelt name does not compile); elsewhere it is any string.
 */
export interface ParamRef<K extends string = string> {
  readonly param: K;
}

/** Why an engine can only run a function at some parameter values (e.g. tf.elu has alpha fixed at 1). */
export interface EngineRequirement {
  /** The parameter values the engine needs; other values are reported as 'n/a' with `why`. */
  readonly params: Params;
  readonly why: string;
}

/** The tfjs-core op, as data (bench/lib/cases.ts turns it into a call). */
export interface TfjsSpec<K extends string = string> {
  /** The tfjs-core function, e.g. 'leakyRelu', 'clipByValue'. */
  readonly op: string;
  /** Arguments after x; `{ tensor: name }` is a 1-element tensor1d of that parameter (prelu). */
  readonly args?: readonly (number | ParamRef<K> | { readonly tensor: K })[];
  readonly requires?: EngineRequirement;
}

/** A one-node ONNX model, as data. */
export interface OnnxSpec<K extends string = string> {
  readonly opType: string;
  readonly opset: number;
  /** Numbers are float attributes, `{ int }` an integer one, strings string ones. */
  readonly attributes?: Readonly<Record<string, number | string | { readonly int: number } | ParamRef<K>>>;
  readonly initializers?: readonly {
    readonly name: string;
    readonly values: readonly (number | ParamRef<K>)[];
    readonly dims?: readonly number[];
  }[];
  readonly requires?: EngineRequirement;
}

/** Python, evaluated by test/fixtures/generate.py (and bench/torch_bench.py for `torch`). */
export interface ReferenceSpec<P extends Params = Params> {
  /**
   * PyTorch forward. Names bound: x (a float64 tensor; float32 in the bench), p (dict of our params:
   * floats/str), torch, F, and param_tensor(value, dtype) (a parameter as a 1-element tensor).
   */
  readonly torch: string;
  /**
   * Exact value with mpmath. Names bound: x (mpf), p (dict), m (= mpf of a float, exact), mpf, mpmath,
   * and the generator's helpers sig, expneg, softplus_core, sech2, npdf, ncdf, gelu_tanh_f,
   * gelu_tanh_df, SELU_SCALE, SELU_ALPHA. Kink conventions are PyTorch autograd's.
   */
  readonly exact: string;
  /** Exact derivative, same names bound as `exact`. */
  readonly exactDerivative: string;
  /** Parameter sets besides the defaults (which always come first). */
  readonly paramSets?: readonly Params[];
  /** x where branches meet at params p, besides 0 (relu6: [6]; hardtanh: [minVal, maxVal]; softplus: [threshold/beta]). */
  kinks?(p: P): readonly number[];
}

/** Our parameter names of `P`, as a string union. */
export type ParamName<P extends Params> = keyof P & string;

/**
 * What an activation file declares: formulas, parameters, properties, references and kernels.
 * `defineActivation` checks it and turns it into the public `Activation`.
 */
export interface ActivationSpec<P extends Params = Params, Id extends string = string> {
  readonly id: Id;
  /** Display name, e.g. "Leaky ReLU". */
  readonly name: string;
  /** One sentence that says what it is. */
  readonly summary: string;
  /** PyTorch's functional form, e.g. `torch.nn.functional.leaky_relu`. */
  readonly torchFunction: string;
  /** PyTorch's module, e.g. `torch.nn.LeakyReLU` (or a note where none exists). */
  readonly torchModule: string;
  readonly defaults: P;
  readonly params: readonly ParamInfo[];
  readonly latex: {
    readonly forward: string;
    readonly derivative: string;
    /** Other useful forms, e.g. the tanh approximation of GELU. */
    readonly notes?: readonly string[];
  };
  /** What autograd returns where the derivative is undefined. */
  readonly kinkConvention?: string;
  readonly properties: Properties;
  /** Cite keys into `references`: the paper(s) that introduced or standardised it. */
  readonly papers: readonly string[];
  readonly tradeOffs: TradeOffs;
  readonly examples: readonly Example[];
  /** Ids of related activations. */
  readonly seeAlso: readonly string[];
  /** Which family the notebooks and README list it under. */
  readonly family: FamilyId;
  /** The bench's kernel group. */
  readonly kernelGroup: Exclude<KernelGroup, 'vector'>;
  /** The textbook formula as a plain loop (the bench's baseline), parameters bound. */
  baseline(p: P): LoopKernel;
  /** tfjs-core's op; absent: tfjs has no op for it. Parameter references must name parameters. */
  readonly tfjs?: TfjsSpec<NoInfer<ParamName<P>>>;
  /** ONNX's operator; absent: no single ONNX operator. */
  readonly onnx?: OnnxSpec<NoInfer<ParamName<P>>>;
  /** The reference generator's PyTorch and mpmath expressions (test/fixtures/generate.py). */
  readonly reference: ReferenceSpec<NoInfer<P>>;
  /** Throws a RangeError naming the parameter for impossible values. Defaults already merged. */
  readonly validate?: (p: P) => void;
  /** The function at one point, parameters already merged and validated. */
  readonly forward: (x: number, p: P) => number;
  /** Its derivative at one point, with autograd's value at a kink (see `kinkConvention`). */
  readonly derivative: (x: number, p: P) => number;
  /**
   * Optional fast kernel over arrays (same results as `forward`, element by element). When absent,
   * `map` loops over `forward`.
   */
  readonly mapKernel?: (xs: FloatArray, out: FloatArray, p: P) => void;
}

/**
 * One elementwise activation, as `activations` holds it: the function, its derivative and a `map`
 * over typed arrays, with PyTorch's names and defaults, formulas, properties and references.
 *
 * @example
 * ```ts
 * import { activations } from 'activation-functions';
 *
 * activations.leakyRelu.forward(-2); // -0.02 (PyTorch's default negative_slope, 0.01)
 * activations.leakyRelu.forward(-2, { negativeSlope: 0.1 }); // -0.2
 * activations.relu.map(new Float64Array([-1, 0, 2])); // Float64Array [0, 0, 2]
 * ```
 */
export interface Activation<P extends Params = Params, Id extends string = string> {
  readonly id: Id;
  readonly name: string;
  readonly summary: string;
  readonly torchFunction: string;
  readonly torchModule: string;
  readonly defaults: P;
  readonly params: readonly ParamInfo[];
  readonly latex: ActivationSpec<P>['latex'];
  readonly kinkConvention?: string;
  readonly properties: Properties;
  readonly papers: readonly string[];
  readonly tradeOffs: TradeOffs;
  readonly examples: readonly Example[];
  readonly seeAlso: readonly string[];
  readonly family: FamilyId;
  readonly kernelGroup: Exclude<KernelGroup, 'vector'>;
  /** The textbook formula as a plain loop (the bench's baseline), parameters bound (merged and validated). */
  baseline(params?: Partial<P>): LoopKernel;
  // Parameter names are checked in the spec; here they are plain strings, because `keyof P` would make
  // Activation<P> invariant in P and an Activation<{ alpha: number }> no longer an Activation<Params>.
  readonly tfjs?: TfjsSpec;
  readonly onnx?: OnnxSpec;
  readonly reference: ReferenceSpec<P>;
  /** The function at `x`; `params` override the defaults (validated: a RangeError names a bad one). */
  forward(x: number, params?: Partial<P>): number;
  /** The derivative at `x`, with the value PyTorch's autograd returns at a kink. */
  derivative(x: number, params?: Partial<P>): number;
  /**
   * The function over a Float64Array or Float32Array, returning the same type (into `out` when
   * given, which may be `xs` itself); the WebAssembly kernels run here when enabled.
   */
  map<A extends FloatArray>(xs: A, params?: Partial<P>, out?: A): A;
  /** The derivative over an array, with the same contract as `map`. */
  mapDerivative<A extends FloatArray>(xs: A, params?: Partial<P>, out?: A): A;
  /** Defaults merged with `params`, validated. */
  resolveParams(params?: Partial<P>): P;
}
