// CELU's kernel (src/activations/celu.ts), float64 and float32 (computed in float64, rounded once);
// celu with α = 1 runs elu's kernel instead (the same function).

import { vexpm1 } from './expm1';
import { K_ONE, c2, ld, productError, sel, vexp } from './simd';

/**
 * celu.ts: x > 0 || x === 0 ? x : with q = x/α, α·(expm1(q) + e^q·((x − q·α − productError)/α)) for
 * 1 < |q|, −40 < q < 709, else α·expm1(q). `negOnly` (compile time): α > 0, so q ≤ 0 or NaN.
 */
@inline export function f_celu(x: v128, av: v128, negOnly: bool): v128 {
  const q = f64x2.div(x, av);
  const em1 = vexpm1(q, negOnly);
  const plain = f64x2.mul(av, em1);
  const use = v128.and(
    v128.and(f64x2.gt(f64x2.abs(q), ld(K_ONE)), f64x2.gt(q, c2(-40.0))),
    f64x2.lt(q, c2(709.0)),
  );
  const p = f64x2.mul(q, av);
  const qe = f64x2.div(f64x2.sub(f64x2.sub(x, p), productError(q, av, p)), av);
  const corr = f64x2.mul(av, f64x2.add(em1, f64x2.mul(vexp(q, negOnly), qe)));
  const r = sel(corr, plain, use);
  return sel(x, r, v128.or(f64x2.gt(x, c2(0.0)), f64x2.eq(x, c2(0.0))));
}

// @loop celu_f64(alpha: f64) f64*2 if alpha > 0 => f_celu(x, f64x2.splat(alpha), true)
// @loop celu_f64(alpha: f64) f64*2 => f_celu(x, f64x2.splat(alpha), false)
// @loop celu_f32(alpha: f64) f32via64*1 if alpha > 0 => f_celu(x, f64x2.splat(alpha), true)
// @loop celu_f32(alpha: f64) f32via64*1 => f_celu(x, f64x2.splat(alpha), false)
