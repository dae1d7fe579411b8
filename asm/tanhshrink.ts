// Tanhshrink's kernel (src/activations/tanhshrink.ts): float64 bit for bit, float32 within 1 ulp (fast32.ts).

import { K_ONE, K_SIGN, K_TWO, c2, ld, sel, vexp } from './simd';
import { g_tanh } from './tanh';

/**
 * tanhshrink.ts: P(a) for a = |x| > 0 is, below 1, x³/3-like continued fraction q = a²/(21 + …),
 * a·q/(1 + q); from 1 on, a − 1 + 2/(e^(2a) + 1). The result is −P(−x) for x < 0, P(x) for x > 0,
 * 0 for ±0 and x for NaN.
 */
@inline export function f_tanhshrink(x: v128): v128 {
  const a = f64x2.abs(x);
  const isSmall = f64x2.lt(a, ld(K_ONE));
  // Each side is computed only when a lane needs it (the continued fraction costs ten divisions).
  let small = c2(0.0);
  if (v128.any_true(isSmall)) {
    const x2 = f64x2.mul(a, a);
    let f = c2(21.0);
    f = f64x2.add(c2(19.0), f64x2.div(x2, f));
    f = f64x2.add(c2(17.0), f64x2.div(x2, f));
    f = f64x2.add(c2(15.0), f64x2.div(x2, f));
    f = f64x2.add(c2(13.0), f64x2.div(x2, f));
    f = f64x2.add(c2(11.0), f64x2.div(x2, f));
    f = f64x2.add(c2(9.0), f64x2.div(x2, f));
    f = f64x2.add(c2(7.0), f64x2.div(x2, f));
    f = f64x2.add(c2(5.0), f64x2.div(x2, f));
    f = f64x2.add(c2(3.0), f64x2.div(x2, f));
    const q = f64x2.div(x2, f);
    small = f64x2.div(f64x2.mul(a, q), f64x2.add(ld(K_ONE), q));
  }
  let large = c2(0.0);
  if (!v128.all_true<i64>(isSmall)) {
    const e = vexp(f64x2.mul(ld(K_TWO), a));
    large = f64x2.add(f64x2.sub(a, ld(K_ONE)), f64x2.div(ld(K_TWO), f64x2.add(e, ld(K_ONE))));
  }
  const p = sel(small, large, isSmall);
  let r = sel(f64x2.neg(p), p, f64x2.lt(x, c2(0.0)));
  r = sel(c2(0.0), r, f64x2.eq(x, c2(0.0)));
  return sel(x, r, f64x2.ne(x, x));
}

// tanhshrink's series: x − tanh x = x³·(1/3 − 2x²/15 + 17x⁴/315 − …), tanh's Taylor coefficients
// (Bernoulli numbers) to x¹⁹: alternating and decreasing, so below 0.4 the first term left out is
// an error bound, 2.0e−11 of the sum.
const K_TS0 = memory.data<f64>([0.3333333333333333, 0.3333333333333333], 16); // 1/3
const K_TS1 = memory.data<f64>([-0.13333333333333333, -0.13333333333333333], 16); // −2/15
const K_TS2 = memory.data<f64>([0.05396825396825397, 0.05396825396825397], 16); // 17/315
const K_TS3 = memory.data<f64>([-0.021869488536155203, -0.021869488536155203], 16); // −62/2835
const K_TS4 = memory.data<f64>([0.008863235529902197, 0.008863235529902197], 16); // 1382/155925
const K_TS5 = memory.data<f64>([-0.003592128036572481, -0.003592128036572481], 16); // −21844/6081075
const K_TS6 = memory.data<f64>([0.0014558343870513183, 0.0014558343870513183], 16); // 929569/638512875
const K_TS7 = memory.data<f64>([-0.000590027440945586, -0.000590027440945586], 16); // −6404582/10854718875
const K_TS8 = memory.data<f64>([0.00023912911424355248, 0.00023912911424355248], 16); // 443861162/1856156927625
const K_TS_EDGE = memory.data<f64>([0.4, 0.4], 16);

/**
 * tanhshrink, x − tanh x, from a = |x|: below 0.4 the series above; from 0.4 on a − g_tanh(a), whose
 * cancellation multiplies tanh's relative error by tanh(a)/(a − tanh a): 19 at 0.4, where tanh's is
 * below 2^−31.9 (fexpm1(−0.8) has k = −1, so its error is e^r's 2^−32 times e^t/|expm1 t| = 0.81, and
 * the quotient t/(t + 2) adds a factor 1.38): below 2^−27.6; the factor falls to 3.2 at a = 1 and on
 * towards 1, against tanh's 2^−29.8 at most. Inside the 2^−25 a float32 rounding leaves. Sign of x
 * put back; ±0: +0 and NaN: NaN, as forward.
 */
@inline export function g_tanhshrink(x: v128): v128 {
  const a = f64x2.abs(x);
  const z = f64x2.mul(a, a);
  let p = f64x2.add(ld(K_TS7), f64x2.mul(z, ld(K_TS8)));
  p = f64x2.add(ld(K_TS6), f64x2.mul(z, p));
  p = f64x2.add(ld(K_TS5), f64x2.mul(z, p));
  p = f64x2.add(ld(K_TS4), f64x2.mul(z, p));
  p = f64x2.add(ld(K_TS3), f64x2.mul(z, p));
  p = f64x2.add(ld(K_TS2), f64x2.mul(z, p));
  p = f64x2.add(ld(K_TS1), f64x2.mul(z, p));
  p = f64x2.add(ld(K_TS0), f64x2.mul(z, p));
  const small = f64x2.mul(f64x2.mul(a, z), p);
  const large = f64x2.sub(a, g_tanh(a, true));
  let r = sel(small, large, f64x2.lt(a, ld(K_TS_EDGE)));
  r = v128.or(r, v128.and(x, ld(K_SIGN))); // r ≥ 0: the sign of x
  r = sel(c2(0.0), r, f64x2.eq(x, c2(0.0)));
  return sel(x, r, f64x2.ne(x, x));
}

// Four vectors per iteration: the exponential is a long dependency chain, and V8 does not
// interleave independent iterations by itself.
// @loop tanhshrink_f64() f64*4 => f_tanhshrink(x)
// @loop tanhshrink_f32() f32via64*2 => g_tanhshrink(x)
