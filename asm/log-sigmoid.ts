// LogSigmoid's kernel (src/activations/log-sigmoid.ts): float64 bit for bit, float32 within 1 ulp (fast32.ts).

import { g_log1pExp } from './fast32';
import { vlog1p } from './log1p';
import { c2, negAbs, sel, vexp } from './simd';

/** log-sigmoid.ts: y = −x; −(y > 0 ? y + log1p(e^−y) : log1p(e^y)); both exponentials are e^−|x|. */
@inline export function f_logSigmoid(x: v128): v128 {
  const y = f64x2.neg(x);
  const l = vlog1p(vexp(negAbs(x), true), true);
  return f64x2.neg(sel(f64x2.add(y, l), l, f64x2.gt(y, c2(0.0))));
}

/** log-sigmoid.ts: −log(1 + e^−x). */
@inline export function g_logSigmoid(x: v128): v128 {
  return f64x2.neg(g_log1pExp(f64x2.neg(x)));
}

// @loop logSigmoid_f64() f64*4 => f_logSigmoid(x)
// float32: four float32 vectors per iteration (see sigmoid.ts).
// @loop logSigmoid_f32() f32via64*4 => g_logSigmoid(x)
