/**
 * What the benchmark measures and how each engine computes it. The list of functions comes from the
 * module's registry (`activationIds`, `vectorFunctionIds`), never typed here: every table below is
 * keyed by id, and an id missing from a table is reported as 'n/a' with the reason, never skipped.
 * Pure apart from building closures (tested in test/bench/cases.test.ts).
 */
import type * as tfjs from '@tensorflow/tfjs-core';
import { oneNodeModel, type OnnxAttribute, type OnnxDtype, type OnnxInitializer } from './onnx.js';

export type Params = Readonly<Record<string, number | string>>;
export type Dtype = 'float32' | 'float64';
export type FloatArray = Float32Array | Float64Array;

/** One row of the tables: a function with parameters (the module's defaults, or a named variant). */
export interface BenchCase {
  /** Unique key: the function id, or id:variant. */
  readonly key: string;
  readonly id: string;
  readonly kind: 'activation' | 'vector';
  readonly label: string;
  readonly params: Params;
  /** Counted in the geometric means (the variants are shown but not counted twice). */
  readonly main: boolean;
}

/** Extra rows: the other mode of a function with a mode switch (counted apart from the means). */
export const VARIANTS: readonly { readonly id: string; readonly suffix: string; readonly params: Params }[] = [
  { id: 'gelu', suffix: 'tanh', params: { approximate: 'tanh' } },
];

export function benchCases(
  activationIds: readonly string[],
  defaultsOf: (id: string) => Params,
  vectorIds: readonly string[],
): BenchCase[] {
  const cases: BenchCase[] = [];
  for (const id of activationIds) {
    cases.push({ key: id, id, kind: 'activation', label: id, params: defaultsOf(id), main: true });
    for (const v of VARIANTS.filter((x) => x.id === id)) {
      const params = { ...defaultsOf(id), ...v.params };
      cases.push({ key: `${id}:${v.suffix}`, id, kind: 'activation', label: `${id} (${Object.entries(v.params).map(([k, x]) => `${k}=${x}`).join(', ')})`, params, main: false });
    }
  }
  for (const id of vectorIds) cases.push({ key: id, id, kind: 'vector', label: id, params: {}, main: true });
  return cases;
}

const num = (p: Params, name: string): number => {
  const v = p[name];
  if (typeof v !== 'number') throw new TypeError(`parameter ${name} is ${JSON.stringify(v)}, expected a number`);
  return v;
};

// ---------------------------------------------------------------------------------------------
// The plain-loop baseline: the textbook formula in a plain for-loop, output allocated like `map`.

/** Fills `out` from `xs`. */
export type LoopKernel = (xs: FloatArray, out: FloatArray) => void;

/** erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): JavaScript has no Math.erf. */
function erfAS(x: number): number {
  const s = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return s * y;
}

const SELU_ALPHA = 1.6732632423543772848170429916717;
const SELU_SCALE = 1.0507009873554804934193349852946;

/** The textbook formula of each function as a plain loop, with the given parameters. */
export const PLAIN_LOOPS: Readonly<Record<string, (p: Params) => LoopKernel>> = {
  sigmoid: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) out[i] = 1 / (1 + Math.exp(-xs[i]!));
  },
  tanh: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) out[i] = Math.tanh(xs[i]!);
  },
  relu: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x > 0 ? x : 0;
    }
  },
  leakyRelu: (p) => {
    const s = num(p, 'negativeSlope');
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = x >= 0 ? x : s * x;
      }
    };
  },
  prelu: (p) => {
    const w = num(p, 'weight');
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = x >= 0 ? x : w * x;
      }
    };
  },
  relu6: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) out[i] = Math.min(Math.max(xs[i]!, 0), 6);
  },
  elu: (p) => {
    const a = num(p, 'alpha');
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = x > 0 ? x : a * (Math.exp(x) - 1);
      }
    };
  },
  selu: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = SELU_SCALE * (x > 0 ? x : SELU_ALPHA * (Math.exp(x) - 1));
    }
  },
  celu: (p) => {
    const a = num(p, 'alpha');
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = Math.max(0, x) + Math.min(0, a * (Math.exp(x / a) - 1));
      }
    };
  },
  softplus: (p) => {
    const b = num(p, 'beta');
    const th = num(p, 'threshold');
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = b * x > th ? x : Math.log(1 + Math.exp(b * x)) / b;
      }
    };
  },
  mish: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x * Math.tanh(Math.log(1 + Math.exp(x)));
    }
  },
  gelu: (p) =>
    p.approximate === 'tanh'
      ? (xs, out) => {
          const k = Math.sqrt(2 / Math.PI);
          for (let i = 0; i < xs.length; i++) {
            const x = xs[i]!;
            out[i] = 0.5 * x * (1 + Math.tanh(k * (x + 0.044715 * x * x * x)));
          }
        }
      : (xs, out) => {
          for (let i = 0; i < xs.length; i++) {
            const x = xs[i]!;
            out[i] = 0.5 * x * (1 + erfAS(x / Math.SQRT2));
          }
        },
  silu: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x / (1 + Math.exp(-x));
    }
  },
  swish: (p) => {
    const b = num(p, 'beta');
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = x / (1 + Math.exp(-b * x));
      }
    };
  },
  hardtanh: (p) => {
    const lo = num(p, 'minVal');
    const hi = num(p, 'maxVal');
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = x < lo ? lo : x > hi ? hi : x;
      }
    };
  },
  hardsigmoid: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) out[i] = Math.min(Math.max(xs[i]! / 6 + 0.5, 0), 1);
  },
  hardswish: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = (x * Math.min(Math.max(x + 3, 0), 6)) / 6;
    }
  },
  softsign: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x / (1 + Math.abs(x));
    }
  },
  logSigmoid: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) out[i] = -Math.log(1 + Math.exp(-xs[i]!));
  },
  tanhshrink: () => (xs, out) => {
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x - Math.tanh(x);
    }
  },
  softshrink: (p) => {
    const l = num(p, 'lambda');
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = x > l ? x - l : x < -l ? x + l : 0;
      }
    };
  },
  hardshrink: (p) => {
    const l = num(p, 'lambda');
    return (xs, out) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        out[i] = Math.abs(x) > l ? x : 0;
      }
    };
  },
  softmax: () => (xs, out) => {
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
  logSoftmax: () => (xs, out) => {
    let max = -Infinity;
    for (let i = 0; i < xs.length; i++) if (xs[i]! > max) max = xs[i]!;
    let sum = 0;
    for (let i = 0; i < xs.length; i++) sum += Math.exp(xs[i]! - max);
    const lse = max + Math.log(sum);
    for (let i = 0; i < xs.length; i++) out[i] = xs[i]! - lse;
  },
  softmin: () => (xs, out) => {
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
};

// ---------------------------------------------------------------------------------------------
// tfjs (float32 only): the op for each function, where tfjs has one.

export type TfOp = (x: tfjs.Tensor1D) => tfjs.Tensor;
/** Builds the op (parameters bound, parameter tensors created once); returns null with a reason when it cannot. */
export type TfMapping = (tf: typeof tfjs, p: Params) => TfOp | string;

export const TFJS_OPS: Readonly<Record<string, TfMapping>> = {
  relu: (tf) => (x) => tf.relu(x),
  relu6: (tf) => (x) => tf.relu6(x),
  leakyRelu: (tf, p) => {
    const s = num(p, 'negativeSlope');
    return (x) => tf.leakyRelu(x, s);
  },
  prelu: (tf, p) => {
    const alpha = tf.keep(tf.tensor1d([num(p, 'weight')]));
    return (x) => tf.prelu(x, alpha);
  },
  elu: (tf, p) => (num(p, 'alpha') === 1 ? (x) => tf.elu(x) : 'tf.elu has no alpha (fixed at 1)'),
  selu: (tf) => (x) => tf.selu(x),
  sigmoid: (tf) => (x) => tf.sigmoid(x),
  tanh: (tf) => (x) => tf.tanh(x),
  softplus: (tf, p) => (num(p, 'beta') === 1 ? (x) => tf.softplus(x) : 'tf.softplus has no beta'),
  logSigmoid: (tf) => (x) => tf.logSigmoid(x),
  hardtanh: (tf, p) => {
    const lo = num(p, 'minVal');
    const hi = num(p, 'maxVal');
    return (x) => tf.clipByValue(x, lo, hi);
  },
  softmax: (tf) => (x) => tf.softmax(x),
  logSoftmax: (tf) => (x) => tf.logSoftmax(x),
};

// ---------------------------------------------------------------------------------------------
// onnxruntime: a one-node ONNX model per function, where ONNX has the op.

export interface OnnxOp {
  readonly opType: string;
  readonly attributes?: Readonly<Record<string, OnnxAttribute>>;
  readonly initializers?: readonly OnnxInitializer[];
  readonly opset: number;
}

const OPSET = 18;

export const ONNX_OPS: Readonly<Record<string, (p: Params) => OnnxOp | string>> = {
  relu: () => ({ opType: 'Relu', opset: OPSET }),
  leakyRelu: (p) => ({ opType: 'LeakyRelu', attributes: { alpha: num(p, 'negativeSlope') }, opset: OPSET }),
  prelu: (p) => ({ opType: 'PRelu', initializers: [{ name: 'slope', values: [num(p, 'weight')], dims: [1] }], opset: OPSET }),
  relu6: () => ({ opType: 'Clip', initializers: [{ name: 'min', values: [0] }, { name: 'max', values: [6] }], opset: OPSET }),
  hardtanh: (p) => ({
    opType: 'Clip',
    initializers: [
      { name: 'min', values: [num(p, 'minVal')] },
      { name: 'max', values: [num(p, 'maxVal')] },
    ],
    opset: OPSET,
  }),
  elu: (p) => ({ opType: 'Elu', attributes: { alpha: num(p, 'alpha') }, opset: OPSET }),
  selu: () => ({ opType: 'Selu', opset: OPSET }),
  celu: (p) => ({ opType: 'Celu', attributes: { alpha: num(p, 'alpha') }, opset: OPSET }),
  sigmoid: () => ({ opType: 'Sigmoid', opset: OPSET }),
  tanh: () => ({ opType: 'Tanh', opset: OPSET }),
  softplus: (p) => (num(p, 'beta') === 1 ? { opType: 'Softplus', opset: OPSET } : 'ONNX Softplus has no beta'),
  softsign: () => ({ opType: 'Softsign', opset: OPSET }),
  hardsigmoid: () => ({ opType: 'HardSigmoid', attributes: { alpha: 1 / 6, beta: 0.5 }, opset: OPSET }),
  hardswish: () => ({ opType: 'HardSwish', opset: OPSET }),
  mish: () => ({ opType: 'Mish', opset: 18 }),
  gelu: (p) => ({ opType: 'Gelu', attributes: { approximate: String(p.approximate ?? 'none') }, opset: 20 }),
  softshrink: (p) => ({ opType: 'Shrink', attributes: { bias: num(p, 'lambda'), lambd: num(p, 'lambda') }, opset: OPSET }),
  hardshrink: (p) => ({ opType: 'Shrink', attributes: { bias: 0, lambd: num(p, 'lambda') }, opset: OPSET }),
  softmax: () => ({ opType: 'Softmax', attributes: { axis: { int: -1 } }, opset: OPSET }),
  logSoftmax: () => ({ opType: 'LogSoftmax', attributes: { axis: { int: -1 } }, opset: OPSET }),
};

/** The encoded one-node model for a case, or the reason there is none. */
export function onnxModelFor(c: BenchCase, dtype: OnnxDtype): { model: Uint8Array; op: OnnxOp } | string {
  const mapping = ONNX_OPS[c.id];
  if (!mapping) return `no single ONNX operator for ${c.id}`;
  const op = mapping(c.params);
  if (typeof op === 'string') return op;
  return { model: oneNodeModel(op.opType, dtype, { attributes: op.attributes ?? {}, initializers: op.initializers ?? [], opset: op.opset }), op };
}
