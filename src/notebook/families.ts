/**
 * The activations grouped for teaching, in the registry's order (saturating → rectifiers →
 * exponential → smooth gated → hard approximations → the rest). Notebooks draw one chart per family
 * instead of 22 curves at once; a test checks that the families list every registry id once, in order.
 */
export interface ActivationFamily {
  readonly title: string;
  readonly ids: readonly string[];
}

export const activationFamilies: readonly ActivationFamily[] = Object.freeze([
  { title: 'Saturating functions', ids: ['sigmoid', 'tanh'] },
  { title: 'ReLU and its variants', ids: ['relu', 'leakyRelu', 'prelu', 'relu6'] },
  { title: 'Exponential linear units', ids: ['elu', 'selu', 'celu'] },
  { title: 'Smooth gated functions', ids: ['softplus', 'mish', 'gelu', 'silu', 'swish'] },
  { title: 'Hard (piecewise linear) approximations', ids: ['hardtanh', 'hardsigmoid', 'hardswish'] },
  { title: 'Softsign, log-sigmoid and the shrink functions', ids: ['softsign', 'logSigmoid', 'tanhshrink', 'softshrink', 'hardshrink'] },
].map((f) => Object.freeze({ ...f, ids: Object.freeze(f.ids) })));
