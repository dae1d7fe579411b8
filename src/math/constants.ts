/**
 * Constants shared by the activations, each with the digits it is defined by. The SELU constants
 * are PyTorch's (torch/csrc/api and aten/src/ATen/native/Activation.cpp), not rounded re-derivations,
 * so that our values match PyTorch's bit for bit where PyTorch is exact.
 */

/** SELU's λ, as PyTorch writes it: 1.0507009873554804934193349852946. */
export const SELU_SCALE = 1.0507009873554804934193349852946;

/** SELU's α, as PyTorch writes it: 1.6732632423543772848170429916717. */
export const SELU_ALPHA = 1.6732632423543772848170429916717;

/**
 * λ·α as PyTorch computes it (the double product, 1.7580993408473766). The correctly rounded product
 * of the decimal constants is 1.7580993408473768, one ulp above; we use PyTorch's so that SELU(−∞),
 * SELU'(0) and SELU(x ≪ 0) equal PyTorch's values exactly and the curve stays monotonic.
 */
export const SELU_SCALE_ALPHA = SELU_SCALE * SELU_ALPHA;

/** √2. */
export const SQRT2 = Math.SQRT2;

/** 1/√2 rounded to double, and the rest (1/√2 − SQRT1_2) for double-double arithmetic. */
export const SQRT1_2 = Math.SQRT1_2;
export const SQRT1_2_LO = -4.833646656726457e-17;

/** 1/√(2π), the standard normal density at 0, and the rest (1/√(2π) − INV_SQRT_2PI). */
export const INV_SQRT_2PI = 0.3989422804014327;
export const INV_SQRT_2PI_LO = -2.49232720227773e-17;

/** 2/√π, erf'(0). */
export const TWO_OVER_SQRT_PI = 1.1283791670955126;

/** √(2/π) rounded to double, and the rest, for the tanh approximation of GELU. */
export const SQRT_2_OVER_PI = 0.7978845608028654;
export const SQRT_2_OVER_PI_LO = -4.98465440455546e-17;

/** The cubic coefficient of GELU's tanh approximation (Hendrycks & Gimpel), and the rest of the decimal 0.044715. */
export const GELU_TANH_COEFF = 0.044715;
export const GELU_TANH_COEFF_LO = 2.1960211427085595e-18;
