// GELU's float32 kernels (src/activations/gelu.ts), both modes, within 1 float32 ulp (fast32.ts's
// rule; `npm run verify:f32 -- --fns=gelu` and `-- --fns=gelu --params='{"approximate":"tanh"}'`
// check every float32 input). The float64 kernels, bit for bit, are in gelu.ts.
//
// Exact GELU, x·Φ(x), with a = |x| (exact in float64, as are a² and a²/2):
//   Φ(−a) = e^(−a²/2) · P(t) · q,  q = 1/(a + C),  t = (a − C)·q,
// P a degree-11 polynomial fitted to erfcx(a/√2)·(a + C)/2 on a in [0, A] by scripts/fit_f32.py
// (its relative error, below 2^−33, is printed in fit32.generated.ts); x·Φ(−a) for x < 0 and
// x·(1 − Φ(−a)) for x ≥ 0 (Φ(−a) ≤ 1/2 there, so the subtraction keeps the relative error). Relative
// error: fexp's (below 2^−32), P's, and a few roundings of 2^−53: below 2^−31.5 in all, far under the
// 2^−25 the 1-ulp rule leaves (see fast32.ts). Beyond A the polynomial is evaluated at A (a is
// clamped), which only scales an e^(−a²/2) already below 2^−151: x < −A gives −0 (as forward
// does: |x|·Φ(x) < 2^−151 rounds to −0 in float32), x > A gives x·(1 − tiny) = x, and +∞ gives +∞.
//
// Tanh form, forward's x/(1 + e^w) with w = −2·√(2/π)·(x + 0.044715·x³) (x/σ(2u), without the
// cancellation of 1 + tanh u): w in float64 has a relative error of a few 2^−53, which moves the
// result by |w|·2^−52 relatively; |w| < 200 wherever the float32 result is not ±0 or x itself. Then
// e = e^(−|w|) and x·(x ≥ 0 ? 1 : e)/(1 + e), as sigmoid's kernel; −∞ gives −0 (forward's value).

import { GELU32_A, GELU32_C, GELU32_P, GELU32_P_DEGREE } from './fit32.generated';
import { fexp } from './fast32';
import { K_HALF, K_MINUS_HALF, K_NEG_INF, K_ONE, K_SIGN, c2, ld, negAbs, sel } from './simd';

const K_C = memory.data<f64>([GELU32_C, GELU32_C], 16);
const K_A = memory.data<f64>([GELU32_A, GELU32_A], 16);
const K_NEG_A = memory.data<f64>([-GELU32_A, -GELU32_A], 16);
// Below |x| = 2^−16, Φ(x) = 1/2 + x/√(2π) within 2^−51 relatively (the next term is −x³/(6√(2π))).
// There P's own error, about 2^−33 of the 1/2, would decide the ties: the float32 results of
// subnormal x are x/2, exactly a midpoint for odd x, which forward rounds to even.
const K_SMALL = memory.data<f64>([1.52587890625e-5, 1.52587890625e-5], 16);
const K_INV_SQRT_2PI = memory.data<f64>([0.3989422804014327, 0.3989422804014327], 16);
// √(2/π)·(−2) and 0.044715, as the float64 kernel's tanhArgument rounds them.
const K_W = memory.data<f64>([-1.5957691216057308, -1.5957691216057308], 16);
const K_KAPPA = memory.data<f64>([0.044715, 0.044715], 16);

/** Coefficient k of P (of t^k): fit32.generated.ts lists them highest first. */
@inline function coef(k: i32): v128 {
  if (GELU32_P_DEGREE != 11) ERROR('gelu32P evaluates P of degree 11: fit32.generated.ts has another (scripts/fit_f32.py)');
  return v128.load(GELU32_P + <usize>((GELU32_P_DEGREE - k) << 4));
}

/** c_k + c_(k+1)·t */
@inline function pair(k: i32, t: v128): v128 {
  return f64x2.add(coef(k), f64x2.mul(coef(k + 1), t));
}

/**
 * P(t), degree 11 (GELU32_P_DEGREE; `coef` stops the build if the fit has another), by
 * Estrin's scheme: pairs, then t², t⁴, t⁸: half the dependent steps of Horner's, and the loop's
 * vectors wait on this chain.
 */
@inline function gelu32P(t: v128): v128 {
  const t2 = f64x2.mul(t, t);
  const t4 = f64x2.mul(t2, t2);
  const t8 = f64x2.mul(t4, t4);
  const q0 = f64x2.add(pair(0, t), f64x2.mul(pair(2, t), t2));
  const q1 = f64x2.add(pair(4, t), f64x2.mul(pair(6, t), t2));
  const q2 = f64x2.add(pair(8, t), f64x2.mul(pair(10, t), t2));
  return f64x2.add(f64x2.add(q0, f64x2.mul(q1, t4)), f64x2.mul(q2, t8));
}

/** x·Φ(x) for float32 x (promoted), within 1 float32 ulp once rounded. */
@inline export function g_gelu(x: v128): v128 {
  const a = f64x2.abs(x);
  const ac = f64x2.min(a, ld(K_A)); // NaN stays NaN
  const q = f64x2.div(ld(K_ONE), f64x2.add(ac, ld(K_C)));
  const t = f64x2.mul(f64x2.sub(ac, ld(K_C)), q);
  const e = fexp(f64x2.mul(f64x2.mul(a, a), ld(K_MINUS_HALF)));
  const phi = f64x2.mul(f64x2.mul(e, gelu32P(t)), q); // Φ(−a)
  let r = f64x2.mul(x, sel(f64x2.sub(ld(K_ONE), phi), phi, f64x2.ge(x, c2(0.0))));
  r = sel(f64x2.mul(x, f64x2.add(ld(K_HALF), f64x2.mul(x, ld(K_INV_SQRT_2PI)))), r, f64x2.lt(a, ld(K_SMALL)));
  return sel(ld(K_SIGN), r, f64x2.lt(x, ld(K_NEG_A)));
}

/** x/(1 + e^w), w = −2·√(2/π)·(x + 0.044715·x³), for float32 x (promoted), within 1 float32 ulp once rounded. */
@inline export function g_geluTanh(x: v128): v128 {
  const w = f64x2.mul(ld(K_W), f64x2.add(x, f64x2.mul(ld(K_KAPPA), f64x2.mul(f64x2.mul(x, x), x))));
  const e = fexp(negAbs(w));
  const r = f64x2.mul(x, f64x2.div(sel(ld(K_ONE), e, f64x2.ge(x, c2(0.0))), f64x2.add(ld(K_ONE), e)));
  return sel(ld(K_SIGN), r, f64x2.eq(x, ld(K_NEG_INF)));
}

// @loop gelu_f32() f32via64*2 => g_gelu(x)
// float32: four float32 vectors per iteration (see sigmoid.ts).
// @loop geluTanh_f32() f32via64*4 => g_geluTanh(x)
