/**
 * A dense multilayer perceptron over Float64Array, trained with the module's own activations
 * (`map` / `mapDerivative`) and softmax family (`apply` / `vectorJacobianProduct`): what the
 * experiments measure is what the module computes. Pure (no Node APIs), so the browser playground
 * can reuse it.
 *
 * Shapes: a batch of n rows is row-major (n × width); layer l's weights are row-major
 * (out × in), so each output unit's weights and each input row are contiguous.
 */
import { activationById } from '../registry.js';
import type { Activation, Params } from '../types.js';
import { vectorFunctions, type VectorFunctionId } from '../vector/softmax.js';
import type { Dataset } from './data.js';
import { permutation, type Random } from './random.js';
import { log, pow } from '../math/libm.js';

export const initIds = ['he', 'glorot', 'lecun', 'standard'] as const;
/**
 * Weight initialisation, biases 0: He normal N(0, 2/fan_in), Glorot normal N(0, 2/(fan_in + fan_out)),
 * LeCun normal N(0, 1/fan_in), and Glorot & Bengio's "standard" U[−1/√fan_in, 1/√fan_in].
 */
export type InitId = (typeof initIds)[number];

export interface NetworkSpec {
  /** Widths from the input to the output, e.g. [2, 32, 32, 3]. */
  readonly sizes: readonly number[];
  /** Id of the elementwise activation of every hidden layer (the output layer is linear). */
  readonly activation: string;
  readonly params?: Params;
  readonly init: InitId;
}

export interface Network {
  readonly spec: NetworkSpec;
  /** weights[l]: sizes[l+1] × sizes[l], row-major. */
  readonly weights: Float64Array[];
  readonly biases: Float64Array[];
}

/** What a forward pass keeps for the backward pass. */
export interface ForwardPass {
  readonly n: number;
  readonly input: Float64Array;
  /** Pre-activations of each layer (the last one is the logits). */
  readonly pre: Float64Array[];
  /** Activations of each hidden layer. */
  readonly post: Float64Array[];
  readonly logits: Float64Array;
}

export interface Gradients {
  readonly weights: Float64Array[];
  readonly biases: Float64Array[];
  /** ∂loss/∂pre-activation of each layer (the backpropagated δ), n × width. */
  readonly delta: Float64Array[];
}

function activationOf(id: string): Activation<Params> {
  const a = activationById(id);
  if (!a) throw new RangeError(`unknown activation '${id}'`);
  return a;
}

function initStd(init: InitId, fanIn: number, fanOut: number): number {
  switch (init) {
    case 'he':
      return Math.sqrt(2 / fanIn);
    case 'glorot':
      return Math.sqrt(2 / (fanIn + fanOut));
    case 'lecun':
      return Math.sqrt(1 / fanIn);
    case 'standard':
      return NaN; // uniform, handled by the caller
    default:
      throw new RangeError(`unknown initialisation '${String(init)}' (known: ${initIds.join(', ')})`);
  }
}

export function createNetwork(spec: NetworkSpec, rng: Random): Network {
  const { sizes } = spec;
  if (sizes.length < 2 || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new RangeError(`sizes must be at least two positive integers, got [${sizes.join(', ')}]`);
  }
  activationOf(spec.activation).resolveParams(spec.params); // fails early on a bad id or parameter
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    const w = new Float64Array(fanIn * fanOut);
    if (spec.init === 'standard') {
      const a = 1 / Math.sqrt(fanIn);
      for (let i = 0; i < w.length; i++) w[i] = a * (2 * rng.uniform() - 1);
    } else {
      const std = initStd(spec.init, fanIn, fanOut);
      for (let i = 0; i < w.length; i++) w[i] = std * rng.normal();
    }
    weights.push(w);
    biases.push(new Float64Array(fanOut));
  }
  return { spec, weights, biases };
}

/** out (n × m) = input (n × k) · Wᵀ + b, with W of m × k. */
function affine(input: Float64Array, n: number, k: number, w: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(n * m);
  for (let r = 0; r < n; r++) {
    const ro = r * k;
    for (let j = 0; j < m; j++) {
      const jo = j * k;
      let s = b[j]!;
      for (let i = 0; i < k; i++) s += input[ro + i]! * w[jo + i]!;
      out[r * m + j] = s;
    }
  }
  return out;
}

export function forward(net: Network, input: Float64Array, n: number): ForwardPass {
  const { sizes, activation, params } = net.spec;
  if (input.length !== n * sizes[0]!) throw new RangeError(`input has ${input.length} values, expected ${n} × ${sizes[0]}`);
  const act = activationOf(activation);
  const pre: Float64Array[] = [];
  const post: Float64Array[] = [];
  let h = input;
  const layers = sizes.length - 1;
  for (let l = 0; l < layers; l++) {
    const z = affine(h, n, sizes[l]!, net.weights[l]!, net.biases[l]!, sizes[l + 1]!);
    pre.push(z);
    if (l + 1 < layers) {
      h = act.map(z, params);
      post.push(h);
    }
  }
  return { n, input, pre, post, logits: pre[layers - 1]! };
}

/** Backpropagates ∂loss/∂logits (n × classes) through the network. */
export function backward(net: Network, pass: ForwardPass, dLogits: Float64Array): Gradients {
  const { sizes, activation, params } = net.spec;
  const act = activationOf(activation);
  const n = pass.n;
  const layers = sizes.length - 1;
  const gw: Float64Array[] = new Array<Float64Array>(layers);
  const gb: Float64Array[] = new Array<Float64Array>(layers);
  const delta: Float64Array[] = new Array<Float64Array>(layers);
  let d = dLogits;
  for (let l = layers - 1; l >= 0; l--) {
    delta[l] = d;
    const k = sizes[l]!;
    const m = sizes[l + 1]!;
    const input = l === 0 ? pass.input : pass.post[l - 1]!;
    const w = net.weights[l]!;
    const dw = new Float64Array(m * k);
    const db = new Float64Array(m);
    const dIn = l > 0 ? new Float64Array(n * k) : null;
    for (let r = 0; r < n; r++) {
      const ro = r * k;
      for (let j = 0; j < m; j++) {
        const g = d[r * m + j]!;
        if (g === 0) continue;
        db[j]! += g;
        const jo = j * k;
        for (let i = 0; i < k; i++) dw[jo + i]! += g * input[ro + i]!;
        if (dIn) for (let i = 0; i < k; i++) dIn[ro + i]! += g * w[jo + i]!;
      }
    }
    gw[l] = dw;
    gb[l] = db;
    if (dIn) {
      const slope = act.mapDerivative(pass.pre[l - 1]!, params);
      for (let i = 0; i < dIn.length; i++) dIn[i]! *= slope[i]!;
      d = dIn;
    }
  }
  return { weights: gw, biases: gb, delta };
}

/**
 * How the logits become a loss, three ways that are equal in exact arithmetic:
 * 'softmax': −log softmax(z)_y (probabilities first, then their log);
 * 'logSoftmax': −logSoftmax(z)_y (log-softmax + NLL, i.e. PyTorch's cross-entropy);
 * 'softmin': −log softmin(−z)_y (softmin on the negated scores).
 * Each backpropagates through its own function's vector-Jacobian product.
 */
export type OutputId = VectorFunctionId;
export const outputIds: readonly OutputId[] = ['softmax', 'logSoftmax', 'softmin'];

export interface LossResult {
  /** Mean over the rows. */
  readonly loss: number;
  readonly dLogits: Float64Array;
  /** Rows whose largest logit is the label. */
  readonly correct: number;
}

export function crossEntropy(logits: Float64Array, labels: ArrayLike<number>, n: number, classes: number, output: OutputId = 'logSoftmax'): LossResult {
  if (logits.length !== n * classes) throw new RangeError(`logits have ${logits.length} values, expected ${n} × ${classes}`);
  const fn = vectorFunctions[output];
  if (!fn) throw new RangeError(`unknown output '${String(output)}' (known: ${outputIds.join(', ')})`);
  const dLogits = new Float64Array(n * classes);
  const v = new Float64Array(classes);
  let loss = 0;
  let correct = 0;
  for (let r = 0; r < n; r++) {
    const y = labels[r]!;
    if (!(Number.isInteger(y) && y >= 0 && y < classes)) throw new RangeError(`label ${r} is ${y}, expected an integer in [0, ${classes})`);
    const z = logits.subarray(r * classes, (r + 1) * classes);
    let best = 0;
    for (let j = 1; j < classes; j++) if (z[j]! > z[best]!) best = j;
    if (best === y) correct++;
    v.fill(0);
    let g: Float64Array;
    if (output === 'logSoftmax') {
      loss -= fn.apply(z)[y]!;
      v[y] = -1 / n;
      g = fn.vectorJacobianProduct(z, v);
    } else if (output === 'softmax') {
      const p = fn.apply(z)[y]!;
      loss -= log(p);
      v[y] = -1 / (n * p);
      g = fn.vectorJacobianProduct(z, v);
    } else {
      const negated = z.map((s) => -s);
      const p = fn.apply(negated)[y]!;
      loss -= log(p);
      v[y] = -1 / (n * p);
      g = fn.vectorJacobianProduct(negated, v).map((s) => -s); // chain rule through −z
    }
    dLogits.set(g, r * classes);
  }
  return { loss: loss / n, dLogits, correct };
}

export type OptimizerSpec =
  | { readonly kind: 'sgd'; readonly lr: number; readonly momentum?: number }
  | { readonly kind: 'adam'; readonly lr: number; readonly beta1?: number; readonly beta2?: number; readonly eps?: number };

export interface Optimizer {
  step(net: Network, grads: Gradients): void;
}

export function createOptimizer(spec: OptimizerSpec, net: Network): Optimizer {
  if (!(spec.lr > 0)) throw new RangeError(`learning rate must be positive, got ${spec.lr}`);
  const zeros = () => [...net.weights, ...net.biases].map((p) => new Float64Array(p.length));
  const params = () => [...net.weights, ...net.biases];
  const gradsOf = (g: Gradients) => [...g.weights, ...g.biases];
  if (spec.kind === 'sgd') {
    const mu = spec.momentum ?? 0;
    const velocity = zeros();
    return {
      step(_net, g) {
        const ps = params();
        const gs = gradsOf(g);
        ps.forEach((p, k) => {
          const v = velocity[k]!;
          const gk = gs[k]!;
          for (let i = 0; i < p.length; i++) {
            v[i] = mu * v[i]! + gk[i]!;
            p[i]! -= spec.lr * v[i]!;
          }
        });
      },
    };
  }
  if (spec.kind === 'adam') {
    const b1 = spec.beta1 ?? 0.9;
    const b2 = spec.beta2 ?? 0.999;
    const eps = spec.eps ?? 1e-8;
    const m1 = zeros();
    const m2 = zeros();
    let t = 0;
    return {
      step(_n, g) {
        t++;
        const c1 = 1 - pow(b1, t);
        const c2 = 1 - pow(b2, t);
        const ps = params();
        const gs = gradsOf(g);
        ps.forEach((p, k) => {
          const a = m1[k]!;
          const b = m2[k]!;
          const gk = gs[k]!;
          for (let i = 0; i < p.length; i++) {
            const gi = gk[i]!;
            a[i] = b1 * a[i]! + (1 - b1) * gi;
            b[i] = b2 * b[i]! + (1 - b2) * gi * gi;
            p[i]! -= (spec.lr * (a[i]! / c1)) / (Math.sqrt(b[i]! / c2) + eps);
          }
        });
      },
    };
  }
  throw new RangeError(`unknown optimizer '${String((spec as { kind: unknown }).kind)}' (known: sgd, adam)`);
}

/** Loss and accuracy of `net` on a whole data set. */
export function evaluate(net: Network, data: Dataset, output: OutputId = 'logSoftmax'): { loss: number; accuracy: number } {
  const pass = forward(net, data.x, data.n);
  const r = crossEntropy(pass.logits, data.y, data.n, data.classes, output);
  return { loss: r.loss, accuracy: r.correct / data.n };
}

/** One step's view, for experiments that measure inside training (dead units, saturation). */
export interface StepInfo {
  readonly step: number;
  readonly loss: number;
  readonly pass: ForwardPass;
  readonly grads: Gradients;
}

export interface TrainOptions {
  readonly net: Network;
  readonly train: Dataset;
  readonly steps: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerSpec;
  readonly output?: OutputId;
  /** Shuffles the rows each epoch. */
  readonly rng: Random;
  /** Called after each step's gradients are computed, before the update. */
  readonly onStep?: (info: StepInfo) => void;
}

/** Minibatch training one step at a time: what `train` loops over, for a caller that interleaves steps with other work (the site's playground). */
export interface Training {
  /** Steps taken so far. */
  readonly steps: number;
  /** One minibatch step: forward, loss, backward, `onStep`, update. */
  step(): StepInfo;
}

/** Draws the first epoch's order from `rng` now, as `train` does before its first step. */
export function createTraining(options: Omit<TrainOptions, 'steps'>): Training {
  const { net, train: data, batchSize, rng, onStep } = options;
  const output = options.output ?? 'logSoftmax';
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const opt = createOptimizer(options.optimizer, net);
  const bs = Math.min(batchSize, data.n);
  const dim = data.dim;
  const xb = new Float64Array(bs * dim);
  const yb = new Int32Array(bs);
  let order = permutation(data.n, rng);
  let cursor = 0;
  let steps = 0;
  return {
    get steps() {
      return steps;
    },
    step() {
      for (let r = 0; r < bs; r++) {
        if (cursor === data.n) {
          order = permutation(data.n, rng);
          cursor = 0;
        }
        const i = order[cursor++]!;
        xb.set(data.x.subarray(i * dim, (i + 1) * dim), r * dim);
        yb[r] = data.y[i]!;
      }
      const pass = forward(net, xb, bs);
      const lr = crossEntropy(pass.logits, yb, bs, data.classes, output);
      const grads = backward(net, pass, lr.dLogits);
      const info: StepInfo = { step: steps, loss: lr.loss, pass, grads };
      onStep?.(info);
      opt.step(net, grads);
      steps++;
      return info;
    },
  };
}

/** Minibatch training for `steps` updates; returns the training loss of each step's batch. */
export function train(options: TrainOptions): Float64Array {
  const training = createTraining(options);
  const losses = new Float64Array(options.steps);
  for (let s = 0; s < options.steps; s++) losses[s] = training.step().loss;
  return losses;
}
