/**
 * The shapes every activation shares. Each activation file fills one `ActivationSpec`; `defineActivation`
 * turns it into the public `Activation` (validated parameters, a `map` over typed arrays).
 */

/** A float array the module maps over; `map` returns the same type it is given. */
export type FloatArray = Float64Array | Float32Array;

/** A parameter value: numbers, or a string for enumerations such as GELU's `approximate`. */
export type ParamValue = number | string;

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

export interface ActivationSpec<P extends Params = Params> {
  readonly id: string;
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
  /** Throws a RangeError naming the parameter for impossible values. Defaults already merged. */
  readonly validate?: (p: P) => void;
  readonly forward: (x: number, p: P) => number;
  readonly derivative: (x: number, p: P) => number;
  /**
   * Optional fast kernel over arrays (same results as `forward`, element by element). When absent,
   * `map` loops over `forward`.
   */
  readonly mapKernel?: (xs: FloatArray, out: FloatArray, p: P) => void;
}

export interface Activation<P extends Params = Params> {
  readonly id: string;
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
  forward(x: number, params?: Partial<P>): number;
  derivative(x: number, params?: Partial<P>): number;
  map<A extends FloatArray>(xs: A, params?: Partial<P>, out?: A): A;
  /** The derivative over an array, with the same contract as `map`. */
  mapDerivative<A extends FloatArray>(xs: A, params?: Partial<P>, out?: A): A;
  /** Defaults merged with `params`, validated. */
  resolveParams(params?: Partial<P>): P;
}
