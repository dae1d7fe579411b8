/**
 * The softmax family: softmax, log-softmax and softmin over a 1-D vector (PyTorch's `dim=0` on a 1-D
 * tensor). Kept apart from the elementwise activations because each output depends on every input.
 *
 * Semantics measured on torch 1.13 (float64), which these functions reproduce:
 * - any NaN input makes every output NaN;
 * - any +Infinity input makes every output NaN (PyTorch subtracts the maximum, and ∞ − ∞ is NaN),
 *   for softmin any -Infinity input;
 * - -Infinity inputs (with a finite maximum) get probability 0 and log-probability -Infinity; if every
 *   input is -Infinity the outputs are NaN;
 * - an empty vector gives an empty vector.
 *
 * Accuracy: the usual max-subtracted formula still rounds x_i − max, and e^(x_i − max) turns that
 * absolute error into a relative one: up to 2^-44 (256 ulps) where x_i − max ≈ −700. PyTorch's float64
 * kernels are off by up to 466 ulps on the vectors of test/fixtures/softmax.json. We keep the rounding error
 * of the subtraction (TwoSum) and fold it back in, sum with compensated summation (TwoSum per term), and
 * compute log Σ as log1p(Σ over all but one maximum), which keeps the digits where Σ is close to 1.
 * Measured on the same vectors: softmax and softmin within 2 ulps of the exact values, logSoftmax
 * within 1 (test/vector.test.ts).
 */
import { newArray } from '../alloc.js';
import { checkEngineSpecs } from '../define.js';
import { expNonPositive } from '../math/exp.js';
import { runWasm, wasmExpSum, wasmLogOut, wasmMax } from '../kernels/wasm.js';
import type { LoopKernel, OnnxSpec, TfjsSpec, TradeOffs } from '../types.js';
import { log1p } from '../math/libm.js';

/** The ids of the softmax family, the keys of `vectorFunctions`: functions of a whole vector, not elementwise. */
export type VectorFunctionId = 'softmax' | 'logSoftmax' | 'softmin';

/** A worked example: tests check every output to a few ulps. */
export interface VectorExample {
  readonly xs: readonly number[];
  readonly output: readonly number[];
  /** Why this example is worth showing. */
  readonly note?: string;
}

/** One function of the softmax family, documented like an elementwise activation. */
export interface VectorFunction {
  readonly id: VectorFunctionId;
  readonly name: string;
  /** One sentence that says what it is. */
  readonly summary: string;
  /** PyTorch's functional form, e.g. `torch.nn.functional.softmax`. */
  readonly torchFunction: string;
  /** PyTorch's module, e.g. `torch.nn.Softmax`. */
  readonly torchModule: string;
  readonly latex: {
    readonly forward: string;
    /** The Jacobian ∂y_i/∂x_j. */
    readonly derivative: string;
    /** The vector-Jacobian product autograd computes, and other useful forms. */
    readonly notes?: readonly string[];
  };
  /** Mathematical properties in words (tests check each against the code). */
  readonly properties: readonly string[];
  /** Cite keys into `references`. */
  readonly papers: readonly string[];
  readonly tradeOffs: TradeOffs;
  readonly examples: readonly VectorExample[];
  /** Ids of related functions (vector functions or activations). */
  readonly seeAlso: readonly string[];
  /** The bench's kernel group: the vector functions form their own. */
  readonly kernelGroup: 'vector';
  /** The textbook formula as a plain loop over the whole vector (the bench's baseline; no parameters). */
  baseline(): LoopKernel;
  /** tfjs-core's op over the vector; absent: tfjs has none. */
  readonly tfjs?: TfjsSpec<never>;
  /** The one-node ONNX model (axis -1); absent: no single ONNX operator. */
  readonly onnx?: OnnxSpec<never>;
  /** The function itself (`softmax`, `logSoftmax` or `softmin`). */
  apply(xs: ArrayLike<number>): Float64Array;
  /** vᵀ·J, what autograd's backward computes for an upstream gradient v (see the `…VectorJacobianProduct` exports). */
  vectorJacobianProduct(xs: ArrayLike<number>, v: ArrayLike<number>): Float64Array;
  /** The full Jacobian, row i holding ∂y_i/∂x_j. */
  jacobian(xs: ArrayLike<number>): Float64Array[];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  if (typeof value === 'object') return value.constructor?.name ?? 'object';
  return typeof value;
}

/**
 * Copies `xs` into a Float64Array, checking it is array-like and holds only numbers. Accepts arrays,
 * Float64Array/Float32Array and the other numeric typed arrays, and plain array-like objects; rejects
 * strings (array-like, but of characters), BigInt arrays, DataViews and everything else.
 */
function toFloat64(fn: string, name: string, xs: unknown): Float64Array {
  if (xs instanceof Float64Array) return xs;
  if (xs === null || typeof xs !== 'object' || xs instanceof DataView || xs instanceof BigInt64Array || xs instanceof BigUint64Array) {
    throw new TypeError(`${fn}: ${name} must be an array of numbers or a typed array, got ${describe(xs)}`);
  }
  const length = (xs as { length?: unknown }).length;
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) {
    throw new TypeError(`${fn}: ${name} must be an array of numbers or a typed array, got ${describe(xs)}`);
  }
  if (ArrayBuffer.isView(xs)) return Float64Array.from(xs as unknown as ArrayLike<number>);
  const out = new Float64Array(length);
  const arr = xs as ArrayLike<unknown>;
  for (let i = 0; i < length; i++) {
    const v = arr[i];
    if (typeof v !== 'number') throw new TypeError(`${fn}: ${name}[${i}] must be a number, got ${describe(v)}`);
    out[i] = v;
  }
  return out;
}

/**
 * The loops below come in two copies, one per input type (Float64Array, Float32Array; every other
 * input is first copied into a Float64Array by `toFloat64`), so that each compiles to monomorphic
 * code reading the input in place: no conversion, no temporary arrays. `sign` is 1, or −1 for
 * softmin (softmin(x) = softmax(−x) bit for bit: negation is exact).
 *
 * The core per element, shared by the three functions: with m the maximum of sign·x and k its first
 * index, d_i = sign·x_i − m rounded and its rounding error lo_i (TwoSum, Knuth), so that
 * sign·x_i − m = d_i + lo_i exactly; e_i = e^(d_i)·(1 + lo_i) ≈ e^(x_i − m) (|lo_i| ≤ 2^−53·|d_i|
 * ≤ 2^−43, so lo_i²/2 is far below an ulp); rest = Σ_{i ≠ k} e_i, so that Σ_i e^(x_i − m) = 1 + rest.
 * e^d is `expNonPositive`, the module's exp (fdlibm's, src/math/exp.ts) for d ≤ 0, inlined into the loop.
 */

/**
 * The maximum of sign·xs and its first index; NaN if any element is NaN. −1 as index: the outputs
 * are all NaN (NaN, +∞ as maximum, or every element −∞).
 */
let maxIndex = -1;
function max64(xs: Float64Array, sign: number): number {
  let max = -Infinity;
  let index = -1;
  for (let i = 0; i < xs.length; i++) {
    const x = sign * xs[i]!;
    if (x > max) {
      max = x;
      index = i;
    } else if (x !== x) {
      maxIndex = -1;
      return NaN;
    }
  }
  maxIndex = max === Infinity ? -1 : index;
  return max;
}

function max32(xs: Float32Array, sign: number): number {
  let max = -Infinity;
  let index = -1;
  for (let i = 0; i < xs.length; i++) {
    const x = sign * xs[i]!;
    if (x > max) {
      max = x;
      index = i;
    } else if (x !== x) {
      maxIndex = -1;
      return NaN;
    }
  }
  maxIndex = max === Infinity ? -1 : index;
  return max;
}

/**
 * The running sums of `expSum64`/`expSum32`: two lanes (even and odd indices), each a sum and the
 * compensation of its TwoSum errors, [sum₀, sum₁, comp₀, comp₁]. Two lanes because the WebAssembly
 * kernels (asm/softmax.ts) sum two elements at a time: summed the same way here, both paths give the
 * same doubles.
 */
const lanes = new Float64Array(4);

/** rest = (sum₀ + sum₁) + ((comp₀ + comp₁) + the TwoSum error of sum₀ + sum₁). */
export function combineLanes(state: ArrayLike<number>): number {
  const a = state[0]!;
  const b = state[1]!;
  const s = a + b;
  const bv = s - a;
  const err = a - (s - bv) + (b - bv);
  return s + (state[2]! + state[3]! + err);
}

/**
 * Writes e_i to out[i] for every i and returns rest = Σ_{i ≠ k} e_i, summed with compensation
 * (TwoSum per term, the errors accumulated apart) in two lanes (see `lanes`): a plain running sum of
 * n terms can be off by n/2 ulps, which softmax and log-softmax would inherit. With `wasmExpSum`
 * (src/kernels/wasm.ts) when the WebAssembly kernels run.
 */
function expSum64(xs: Float64Array, sign: number, m: number, k: number, out: Float64Array): number {
  let sum0 = 0;
  let comp0 = 0;
  let sum1 = 0;
  let comp1 = 0;
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    const x = sign * xs[i]!;
    const d = x - m;
    if (d === -Infinity) {
      // x = −∞, or x − m overflows (e.g. −1e308 − 1e308): e^(x − m) is 0 either way.
      out[i] = 0;
      continue;
    }
    const bb = d - x;
    const lo = x - (d - bb) + (-m - bb);
    const ex = expNonPositive(d);
    const e = ex + ex * lo;
    out[i] = e;
    const term = i === k ? 0 : e;
    if ((i & 1) === 0) {
      const t = sum0 + term;
      const tv = t - sum0;
      comp0 += sum0 - (t - tv) + (term - tv);
      sum0 = t;
    } else {
      const t = sum1 + term;
      const tv = t - sum1;
      comp1 += sum1 - (t - tv) + (term - tv);
      sum1 = t;
    }
  }
  lanes[0] = sum0;
  lanes[1] = sum1;
  lanes[2] = comp0;
  lanes[3] = comp1;
  return combineLanes(lanes);
}

/** expSum64 for Float32Array input: a copy, not a shared generic loop, so each loop sees one array type. */
function expSum32(xs: Float32Array, sign: number, m: number, k: number, out: Float64Array): number {
  let sum0 = 0;
  let comp0 = 0;
  let sum1 = 0;
  let comp1 = 0;
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    const x = sign * xs[i]!;
    const d = x - m;
    if (d === -Infinity) {
      out[i] = 0;
      continue;
    }
    const bb = d - x;
    const lo = x - (d - bb) + (-m - bb);
    const ex = expNonPositive(d);
    const e = ex + ex * lo;
    out[i] = e;
    const term = i === k ? 0 : e;
    if ((i & 1) === 0) {
      const t = sum0 + term;
      const tv = t - sum0;
      comp0 += sum0 - (t - tv) + (term - tv);
      sum0 = t;
    } else {
      const t = sum1 + term;
      const tv = t - sum1;
      comp1 += sum1 - (t - tv) + (term - tv);
      sum1 = t;
    }
  }
  lanes[0] = sum0;
  lanes[1] = sum1;
  lanes[2] = comp0;
  lanes[3] = comp1;
  return combineLanes(lanes);
}

/** out[i] = d_i − logTotal + lo_i (d_i ≤ 0 and logTotal ≥ 0 do not cancel; lo_i goes in last). */
function logOut64(xs: Float64Array, sign: number, m: number, logTotal: number, out: Float64Array): void {
  for (let i = 0; i < xs.length; i++) {
    const x = sign * xs[i]!;
    const d = x - m;
    if (d === -Infinity) {
      out[i] = -Infinity;
      continue;
    }
    const bb = d - x;
    out[i] = d - logTotal + (x - (d - bb) + (-m - bb));
  }
}

function logOut32(xs: Float32Array, sign: number, m: number, logTotal: number, out: Float64Array): void {
  for (let i = 0; i < xs.length; i++) {
    const x = sign * xs[i]!;
    const d = x - m;
    if (d === -Infinity) {
      out[i] = -Infinity;
      continue;
    }
    const bb = d - x;
    out[i] = d - logTotal + (x - (d - bb) + (-m - bb));
  }
}

type Input = Float64Array | Float32Array;

const maxResult = new Float64Array(2);

/** max64/max32 (the WebAssembly pass where it runs: the same maximum and index), index in maxIndex. */
function maxOf(xs: Input, sign: number, f64: boolean): number {
  if (wasmMax(xs, sign, maxResult)) {
    maxIndex = maxResult[1]!;
    return maxResult[0]!;
  }
  return f64 ? max64(xs as Float64Array, sign) : max32(xs as Float32Array, sign);
}

/** Float64Array and Float32Array as they are (read in place); anything else checked and copied. */
function input(fn: string, xs: unknown): Input {
  if (xs instanceof Float64Array || xs instanceof Float32Array) return xs;
  return toFloat64(fn, 'xs', xs);
}

function softmaxOf(xs: Input, sign: number): Float64Array {
  const n = xs.length;
  const out = newArray(Float64Array, n);
  if (n === 0) return out;
  const f64 = xs instanceof Float64Array;
  const m = maxOf(xs, sign, f64);
  const k = maxIndex;
  if (k < 0) return out.fill(NaN);
  const rest = wasmExpSum(xs, sign, m, k, out, lanes)
    ? combineLanes(lanes)
    : f64
      ? expSum64(xs, sign, m, k, out)
      : expSum32(xs as Float32Array, sign, m, k, out);
  // 1 + rest rounds; keep its rounding error (TwoSum) and
  // correct the quotient by it: e/(t + tLo) ≈ (e/t)·(1 − tLo/t). Saves about one ulp.
  const t = 1 + rest;
  const bb = t - 1;
  const tLo = 1 - (t - bb) + (rest - bb);
  const c = tLo / t;
  if (runWasm('softmaxScale', out, out, t, c)) return out;
  for (let i = 0; i < n; i++) {
    const q = out[i]! / t;
    out[i] = q - q * c;
  }
  return out;
}

function logSoftmaxOf(xs: Input): Float64Array {
  const n = xs.length;
  const out = newArray(Float64Array, n);
  if (n === 0) return out;
  const f64 = xs instanceof Float64Array;
  const m = maxOf(xs, 1, f64);
  const k = maxIndex;
  if (k < 0) return out.fill(NaN);
  // The e_i land in out and are overwritten below.
  const rest = wasmExpSum(xs, 1, m, k, null, lanes) ? combineLanes(lanes) : f64 ? expSum64(xs, 1, m, k, out) : expSum32(xs as Float32Array, 1, m, k, out);
  // log(1 + rest) via log1p: exact where rest is tiny, where log(total) would round total to 1 first.
  const logTotal = log1p(rest);
  if (wasmLogOut(xs, m, logTotal, out)) return out;
  if (f64) logOut64(xs, 1, m, logTotal, out);
  else logOut32(xs as Float32Array, 1, m, logTotal, out);
  return out;
}

/**
 * softmax(x)_i = e^(x_i) / Σ_j e^(x_j), over the whole vector (PyTorch's `torch.softmax(x, dim=0)` on
 * a 1-D tensor). Accurate to a few ulps, also for inputs far apart; NaN and ±Infinity as PyTorch.
 */
export function softmax(xs: ArrayLike<number>): Float64Array {
  return softmaxOf(input('softmax', xs), 1);
}

/**
 * logSoftmax(x)_i = x_i − log Σ_j e^(x_j) (PyTorch's `torch.log_softmax(x, dim=0)`), computed without
 * forming softmax, so it stays finite and accurate where softmax underflows to 0.
 */
export function logSoftmax(xs: ArrayLike<number>): Float64Array {
  return logSoftmaxOf(input('logSoftmax', xs));
}

/** softmin(x) = softmax(−x) (PyTorch's `torch.nn.functional.softmin(x, dim=0)`), bit for bit. */
export function softmin(xs: ArrayLike<number>): Float64Array {
  return softmaxOf(input('softmin', xs), -1);
}

function checkV(fn: string, n: number, v: ArrayLike<number>): Float64Array {
  const vv = toFloat64(fn, 'v', v);
  if (vv.length !== n) throw new RangeError(`${fn}: v has length ${vv.length}, xs has length ${n}`);
  return vv;
}

/** Σ a_i·b_i with Neumaier compensation. */
function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < a.length; i++) {
    const p = a[i]! * b[i]!;
    const t = sum + p;
    comp += Math.abs(sum) >= Math.abs(p) ? sum - t + p : p - t + sum;
    sum = t;
  }
  return sum + comp;
}

function total(a: Float64Array): number {
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    const t = sum + p;
    comp += Math.abs(sum) >= Math.abs(p) ? sum - t + p : p - t + sum;
    sum = t;
  }
  return sum + comp;
}

/**
 * vᵀ·J for softmax: s ⊙ (v − ⟨s, v⟩) with s = softmax(x), what PyTorch's softmax backward returns for
 * the upstream gradient v. (The Jacobian is symmetric, so this is also J·v.)
 */
export function softmaxVectorJacobianProduct(xs: ArrayLike<number>, v: ArrayLike<number>): Float64Array {
  const s = softmax(xs);
  const vv = checkV('softmaxVectorJacobianProduct', s.length, v);
  const sv = dot(s, vv);
  const out = new Float64Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s[i]! * (vv[i]! - sv);
  return out;
}

/** vᵀ·J for log-softmax: v − s·Σv with s = softmax(x), as PyTorch's log_softmax backward. */
export function logSoftmaxVectorJacobianProduct(xs: ArrayLike<number>, v: ArrayLike<number>): Float64Array {
  const s = softmax(xs);
  const vv = checkV('logSoftmaxVectorJacobianProduct', s.length, v);
  const sumV = total(vv);
  const out = new Float64Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = vv[i]! - s[i]! * sumV;
  return out;
}

/** vᵀ·J for softmin: −s ⊙ (v − ⟨s, v⟩) with s = softmin(x) (the chain rule through −x). */
export function softminVectorJacobianProduct(xs: ArrayLike<number>, v: ArrayLike<number>): Float64Array {
  const s = softmin(xs);
  const vv = checkV('softminVectorJacobianProduct', s.length, v);
  const sv = dot(s, vv);
  const out = new Float64Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = -(s[i]! * (vv[i]! - sv));
  return out;
}

/** Row i: ∂y_i/∂x_j, built from the vector-Jacobian product with the unit vectors. */
function jacobianFrom(vjp: (xs: ArrayLike<number>, v: ArrayLike<number>) => Float64Array, fn: string): (xs: ArrayLike<number>) => Float64Array[] {
  return (xs) => {
    const x = toFloat64(fn, 'xs', xs);
    const rows: Float64Array[] = [];
    const unit = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      unit.fill(0);
      unit[i] = 1;
      rows.push(vjp(x, unit)); // eᵢᵀ·J is row i
    }
    return rows;
  };
}

const walkthroughSoftmax: TradeOffs = {
  advantages: [
    {
      text: 'Interpretability: the outputs form a probability distribution over the classes (positive, summing to 1), which is what Bridle introduced it for: reading a network’s outputs as class probabilities given the input.',
      evidence: [
        {
          kind: 'paper',
          key: 'bridle1990softmax',
          where: 'Abstract',
          shows: 'outputs treated as probabilities of alternatives conditioned on the input; softmax as the output non-linearity for that',
        },
      ],
    },
    {
      text: 'Versatility: it generalises the logistic sigmoid to any number of classes; for two scores, softmax((x, 0))₁ = sigmoid(x).',
      evidence: [
        {
          kind: 'paper',
          key: 'bridle1990softmax',
          where: 'Abstract',
          shows: 'the normalised exponential as a multi-input generalisation of the logistic non-linearity',
        },
      ],
    },
    {
      text: 'Differentiable, with simple arithmetic: its Jacobian is diag(s) − s·sᵀ, and paired with the log-likelihood (“probability scoring”) the gradient with respect to the scores is s − onehot.',
      evidence: [{ kind: 'paper', key: 'bridle1990softmax', where: 'Abstract', shows: 'softmax with probability scoring results in quite simple arithmetic' }],
    },
  ],
  disadvantages: [
    {
      text: 'Vulnerability to overflow: computed naively as e^x/Σe^x it gives NaN once a score exceeds about 709.78 in float64 (e^x overflows) and 0/0 when every score is below about −745 (e^x underflows). Subtracting the maximum score before exponentiating removes both; this module and PyTorch do.',
      evidence: [
        { kind: 'measured', experiment: 'softmax-stability', finding: 'naive-overflows' },
        { kind: 'measured', experiment: 'softmax-stability', finding: 'naive-underflows' },
      ],
    },
    {
      text: 'Does not handle non-exclusive classes: it spreads one unit of probability over alternatives, assuming exactly one class is right; for multi-label problems, where an example can belong to several classes at once, use one sigmoid per class instead.',
      evidence: [
        { kind: 'paper', key: 'bridle1990softmax', where: 'Abstract', shows: 'outputs modelled as probabilities of (mutually exclusive) alternatives' },
      ],
    },
    {
      text: 'Sensitivity to outliers: probabilities are proportional to e^score, so a score a few units above the others takes almost all the mass (softmax of (0, 0, 5) gives the last class about 0.987).',
      evidence: [
        {
          kind: 'paper',
          key: 'bridle1990softmax',
          where: 'Abstract',
          shows: 'the normalised exponential: each output proportional to the exponential of its score',
        },
      ],
    },
  ],
  whenToUse: [
    {
      text: 'Multiclass classification, in the last layer, where each output is the probability that the example belongs to that class.',
      evidence: [{ kind: 'paper', key: 'bridle1990softmax', where: 'Abstract', shows: 'softmax outputs as class posteriors for feed-forward classifiers' }],
    },
    {
      text: 'For training, pass the raw scores (logits) to CrossEntropyLoss, which applies log-softmax itself; apply softmax only to read off probabilities. Log-softmax + NLL and softmax + cross-entropy train identically, and log-probabilities stay finite where probabilities underflow.',
      evidence: [
        { kind: 'measured', experiment: 'training', finding: 'softmax-outputs-equivalent' },
        { kind: 'measured', experiment: 'softmax-stability', finding: 'naive-underflows' },
      ],
    },
  ],
  corrections: [
    {
      text: "The walkthrough's Softmax cell applies softmax to its plotted input grid itself (100 evenly spaced points from -5 to 5, dim=0), so the curve it draws is one probability vector over those 100 points, not an elementwise function of x: every point depends on all the others, the 100 values sum to 1, and changing the grid changes the curve.",
      evidence: [
        { kind: 'paper', key: 'bridle1990softmax', where: 'Abstract', shows: 'softmax is a multi-input function: each output is normalised by all the scores' },
      ],
    },
  ],
};

const rawVectorFunctions: Record<VectorFunctionId, VectorFunction> = {
  softmax: {
    id: 'softmax',
    name: 'Softmax',
    summary: 'The normalised exponential: turns a vector of scores into probabilities proportional to e^score.',
    torchFunction: 'torch.nn.functional.softmax',
    torchModule: 'torch.nn.Softmax',
    latex: {
      forward: String.raw`\operatorname{softmax}(\mathbf{x})_i = \frac{e^{x_i}}{\sum_{j=1}^{n} e^{x_j}} = \frac{e^{x_i - m}}{\sum_{j=1}^{n} e^{x_j - m}}, \quad m = \max_j x_j`,
      derivative: String.raw`\frac{\partial\, s_i}{\partial x_j} = s_i\,(\delta_{ij} - s_j), \quad J = \operatorname{diag}(\mathbf{s}) - \mathbf{s}\mathbf{s}^{\top}`,
      notes: [String.raw`(\mathbf{v}^{\top} J)_j = s_j \Bigl(v_j - \sum_{i} v_i s_i\Bigr)`, String.raw`\operatorname{softmax}\bigl((x, 0)\bigr)_1 = \sigma(x)`],
    },
    properties: [
      'Every output lies in (0, 1) for finite inputs (in floating point an output can round to 0 or 1), and the outputs sum to 1.',
      'Shift invariance: softmax(x + c) = softmax(x) for every constant c, which is why subtracting the maximum changes nothing but the rounding.',
      'Order-preserving: larger scores get larger probabilities.',
      'For two scores, softmax((x, 0))₁ = sigmoid(x).',
      'Not elementwise: each output depends on every input.',
    ],
    papers: ['bridle1990softmax'],
    tradeOffs: walkthroughSoftmax,
    examples: [
      { xs: [1, 2, 3], output: [0.09003057317038046, 0.24472847105479764, 0.6652409557748219] },
      {
        xs: [1000, 1001, 1002],
        output: [0.09003057317038046, 0.24472847105479764, 0.6652409557748219],
        note: 'shift invariance: e^1000 overflows, the max-subtracted form does not',
      },
      { xs: [0, -800], output: [1, 0], note: 'e^-800 underflows to 0 in float64' },
      { xs: [0.5, 0.5, 0.5, 0.5], output: [0.25, 0.25, 0.25, 0.25], note: 'equal scores, equal probabilities' },
      {
        xs: [0, 0, 5],
        output: [0.006648354478866004, 0.006648354478866004, 0.986703291042268],
        note: 'one score 5 above the others takes about 0.987 of the mass',
      },
    ],
    seeAlso: ['logSoftmax', 'softmin', 'sigmoid'],
    kernelGroup: 'vector',
    baseline: () => (xs, out) => {
      let max = -Infinity;
      for (let i = 0; i < xs.length; i++) if (xs[i]! > max) max = xs[i]!;
      let sum = 0;
      for (let i = 0; i < xs.length; i++) {
        const e = Math.exp(xs[i]! - max);
        out[i] = e;
        sum += e;
      }
      for (let i = 0; i < xs.length; i++) out[i] = out[i]! / sum;
    },
    tfjs: { op: 'softmax' },
    onnx: { opType: 'Softmax', attributes: { axis: { int: -1 } }, opset: 18 },
    apply: softmax,
    vectorJacobianProduct: softmaxVectorJacobianProduct,
    jacobian: jacobianFrom(softmaxVectorJacobianProduct, 'softmax.jacobian'),
  },
  logSoftmax: {
    id: 'logSoftmax',
    name: 'Log-softmax',
    summary: 'The logarithm of softmax, computed directly: x minus the log-sum-exp of x.',
    torchFunction: 'torch.nn.functional.log_softmax',
    torchModule: 'torch.nn.LogSoftmax',
    latex: {
      forward: String.raw`\operatorname{logSoftmax}(\mathbf{x})_i = x_i - \log \sum_{j=1}^{n} e^{x_j} = x_i - m - \log \sum_{j=1}^{n} e^{x_j - m}, \quad m = \max_j x_j`,
      derivative: String.raw`\frac{\partial \operatorname{logSoftmax}(\mathbf{x})_i}{\partial x_j} = \delta_{ij} - s_j, \quad \mathbf{s} = \operatorname{softmax}(\mathbf{x})`,
      notes: [String.raw`(\mathbf{v}^{\top} J)_j = v_j - s_j \sum_{i} v_i`],
    },
    properties: [
      'Every output is at most 0 (the logarithm of a probability), and the exponentials of the outputs sum to 1.',
      'Equals log(softmax(x)) wherever softmax is representable, and stays finite and accurate where softmax underflows to 0.',
      'Shift invariance: logSoftmax(x + c) = logSoftmax(x).',
      'Not elementwise: each output depends on every input.',
    ],
    papers: [],
    tradeOffs: {
      advantages: [
        {
          text: 'Numerically stable log-probabilities: no exponential of a large number and no logarithm of 0, even when a probability is far below the float64 range (e.g. -800 where softmax gives 0).',
          evidence: [
            { kind: 'measured', experiment: 'softmax-stability', finding: 'naive-underflows' },
            { kind: 'measured', experiment: 'softmax-stability', finding: 'naive-overflows' },
          ],
        },
        {
          text: 'The natural input of the negative log-likelihood loss: logSoftmax followed by NLLLoss is cross-entropy, with the simple gradient s − onehot; it trains exactly like softmax with cross-entropy.',
          evidence: [
            { kind: 'measured', experiment: 'training', finding: 'softmax-outputs-equivalent' },
            {
              kind: 'paper',
              key: 'bridle1990softmax',
              where: 'Abstract',
              shows: 'probability scoring (the log-likelihood) as the training criterion for softmax outputs',
            },
          ],
        },
      ],
      disadvantages: [
        {
          text: 'Outputs are log-probabilities, not probabilities (take exp to read them), and it is redundant before CrossEntropyLoss, which applies it itself: log-softmax + NLLLoss and softmax + cross-entropy train identically.',
          evidence: [{ kind: 'measured', experiment: 'training', finding: 'softmax-outputs-equivalent' }],
        },
      ],
      whenToUse: [
        {
          text: 'As the last layer before NLLLoss, or whenever log-probabilities are needed, e.g. to add them up over many steps, where multiplying probabilities would underflow.',
          evidence: [
            { kind: 'measured', experiment: 'training', finding: 'softmax-outputs-equivalent' },
            { kind: 'measured', experiment: 'softmax-stability', finding: 'naive-underflows' },
          ],
        },
      ],
    },
    examples: [
      { xs: [1, 2, 3], output: [-2.40760596444438, -1.4076059644443804, -0.4076059644443803] },
      { xs: [0, -800], output: [0, -800], note: 'finite where softmax underflows to 0' },
      {
        xs: [1000, 1001, 1002],
        output: [-2.40760596444438, -1.4076059644443804, -0.4076059644443803],
        note: 'shift invariance',
      },
    ],
    seeAlso: ['softmax', 'softmin', 'logSigmoid'],
    kernelGroup: 'vector',
    baseline: () => (xs, out) => {
      let max = -Infinity;
      for (let i = 0; i < xs.length; i++) if (xs[i]! > max) max = xs[i]!;
      let sum = 0;
      for (let i = 0; i < xs.length; i++) sum += Math.exp(xs[i]! - max);
      const lse = max + Math.log(sum);
      for (let i = 0; i < xs.length; i++) out[i] = xs[i]! - lse;
    },
    tfjs: { op: 'logSoftmax' },
    onnx: { opType: 'LogSoftmax', attributes: { axis: { int: -1 } }, opset: 18 },
    apply: logSoftmax,
    vectorJacobianProduct: logSoftmaxVectorJacobianProduct,
    jacobian: jacobianFrom(logSoftmaxVectorJacobianProduct, 'logSoftmax.jacobian'),
  },
  softmin: {
    id: 'softmin',
    name: 'Softmin',
    summary: 'Softmax of the negated scores: probabilities that favour the smallest values.',
    torchFunction: 'torch.nn.functional.softmin',
    torchModule: 'torch.nn.Softmin',
    latex: {
      forward: String.raw`\operatorname{softmin}(\mathbf{x})_i = \frac{e^{-x_i}}{\sum_{j=1}^{n} e^{-x_j}} = \operatorname{softmax}(-\mathbf{x})_i`,
      derivative: String.raw`\frac{\partial\, s_i}{\partial x_j} = -s_i\,(\delta_{ij} - s_j), \quad \mathbf{s} = \operatorname{softmin}(\mathbf{x})`,
      notes: [String.raw`(\mathbf{v}^{\top} J)_j = -s_j \Bigl(v_j - \sum_{i} v_i s_i\Bigr)`],
    },
    properties: [
      'Every output lies in (0, 1) for finite inputs and the outputs sum to 1.',
      'softmin(x) = softmax(−x) exactly.',
      'Shift invariance: softmin(x + c) = softmin(x).',
      'Order-reversing: smaller inputs get larger probabilities.',
      'Not elementwise: each output depends on every input.',
    ],
    papers: [],
    tradeOffs: {
      advantages: [
        {
          text: 'Turns costs, energies or distances into a probability distribution that favours the smallest, with the same stability and smoothness as softmax (it is softmax of the negated input).',
          evidence: [
            { kind: 'measured', experiment: 'training', finding: 'softmax-outputs-equivalent' },
            { kind: 'measured', experiment: 'softmax-stability', finding: 'naive-overflows' },
          ],
        },
      ],
      disadvantages: [
        {
          text: 'Nothing softmax of the negated input does not already do (they train identically); it inherits softmax’s sensitivity to outliers (here: very small values).',
          evidence: [{ kind: 'measured', experiment: 'training', finding: 'softmax-outputs-equivalent' }],
        },
      ],
      whenToUse: [
        {
          text: 'Soft selection of the nearest item (soft nearest neighbour, soft-argmin over distances or energies): softmin of squared distances to class centres is Bridle’s radial-unit network, whose outputs are class posteriors under Gaussian within-class distributions.',
          evidence: [
            {
              kind: 'paper',
              key: 'bridle1990softmax',
              where: 'Abstract',
              shows: 'radial units (squared distances) before the softmax compute posteriors under Gaussian within-class distributions',
            },
          ],
        },
      ],
    },
    examples: [
      { xs: [1, 2, 3], output: [0.6652409557748219, 0.24472847105479764, 0.09003057317038046] },
      { xs: [0, 800], output: [1, 0], note: 'e^-800 underflows to 0 in float64' },
    ],
    seeAlso: ['softmax', 'logSoftmax'],
    kernelGroup: 'vector',
    baseline: () => (xs, out) => {
      let min = Infinity;
      for (let i = 0; i < xs.length; i++) if (xs[i]! < min) min = xs[i]!;
      let sum = 0;
      for (let i = 0; i < xs.length; i++) {
        const e = Math.exp(min - xs[i]!);
        out[i] = e;
        sum += e;
      }
      for (let i = 0; i < xs.length; i++) out[i] = out[i]! / sum;
    },
    apply: softmin,
    vectorJacobianProduct: softminVectorJacobianProduct,
    jacobian: jacobianFrom(softminVectorJacobianProduct, 'softmin.jacobian'),
  },
};

function freezeDeep<T>(value: T): T {
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) freezeDeep(v);
    Object.freeze(value);
  }
  return value;
}

/** The ids in teaching order. */
export const vectorFunctionIds: readonly VectorFunctionId[] = Object.freeze(['softmax', 'logSoftmax', 'softmin'] as const);

// The vector functions take no parameters: their tfjs/ONNX specs may refer to none (checked at load, like the activations').
for (const v of Object.values(rawVectorFunctions)) {
  checkEngineSpecs(v.id, [], v, (where) => {
    throw new TypeError(`${v.id}: ${where}: the vector functions take no parameters`);
  });
}

/** The softmax family's metadata, keyed by id, in the order of `vectorFunctionIds`. */
export const vectorFunctions: Readonly<Record<VectorFunctionId, VectorFunction>> = freezeDeep(rawVectorFunctions);
