// Tanh's kernel (src/activations/tanh.ts): Math.tanh transcribed (fdlibm's s_tanh.c) in float64, within
// 1 ulp in float32 (fast32.ts); tanhshrink's float32 kernel reuses g_tanh.

import { vexpm1 } from './expm1';
import { fexpm1 } from './fast32';
import { K_ONE, K_SIGN, K_TWO, c2, ld, sel } from './simd';

const K_22 = memory.data<f64>([22.0, 22.0], 16);
// 2^−28 (fdlibm tanh's high-word test 0x3E300000).
const K_TANH_TINY = memory.data<f64>([3.725290298461914e-9, 3.725290298461914e-9], 16);

/**
 * Math.tanh (fdlibm's s_tanh.c in V8): |x| < 2^−28: x; |x| ≥ 22 (±∞ included): ±1; 1 ≤ |x|:
 * 1 − 2/(expm1(2|x|) + 2); else −t/(t + 2) with t = expm1(−2|x|); the sign of x put back; NaN: NaN.
 */
@inline export function f_tanh(x: v128): v128 {
  const a = f64x2.abs(x);
  const big = f64x2.ge(a, ld(K_ONE));
  const a2 = f64x2.mul(ld(K_TWO), a);
  const t = vexpm1(sel(a2, f64x2.neg(a2), big), false, true);
  const tp2 = f64x2.add(t, ld(K_TWO));
  let z = sel(f64x2.sub(ld(K_ONE), f64x2.div(ld(K_TWO), tp2)), f64x2.div(f64x2.neg(t), tp2), big);
  z = sel(ld(K_ONE), z, f64x2.ge(a, ld(K_22)));
  z = v128.xor(z, v128.and(x, ld(K_SIGN)));
  z = sel(x, z, f64x2.lt(a, ld(K_TANH_TINY)));
  return sel(x, z, f64x2.ne(x, x));
}

/** tanh: t = expm1(−2|x|), |−t/(t + 2)| with the sign of x (±0 kept); NaN: NaN. */
@inline export function g_tanh(x: v128, horner: bool = false): v128 {
  const a = f64x2.abs(x);
  const t = fexpm1(f64x2.mul(c2(-2.0), a), horner);
  const z = f64x2.abs(f64x2.div(t, f64x2.add(t, ld(K_TWO))));
  return v128.or(z, v128.and(x, ld(K_SIGN)));
}

// @loop tanh_f64() f64*4 => f_tanh(x)
// @loop tanh_f32() f32via64*4 => g_tanh(x)
