// WebAssembly SIMD kernels for `map` (AssemblyScript). Compiled by scripts/build-wasm.mjs into
// src/kernels/wasm-bytes.generated.ts; the TypeScript kernels in src/activations/ stay the reference
// and the fallback.
//
// The rule every kernel here follows: it returns, element by element, exactly what the scalar
// TypeScript `forward` returns (bit for bit, NaN aside), in float64, and that value rounded to
// float32 for Float32Array input (which is what the TypeScript path stores); the one exception is
// the float32 kernels of the exponential family at the end of this file (sigmoid, silu, tanh, elu,
// selu, softplus with β = 1, logSigmoid, mish), which are within 1 float32 ulp of it (see there).
// So each kernel is a transcription of its scalar form, branches turned into selects, and Math.exp,
// Math.expm1, Math.log1p and Math.tanh are replaced by vectorised transcriptions of the functions V8
// uses for them (fdlibm's e_exp.c, s_expm1.c, s_log1p.c and s_tanh.c as in v8/src/base/ieee754.cc),
// which return the same double for every input (test/kernels.test.ts checks each on millions of
// inputs). The other float32 kernels compute in float64 (promote, compute, demote), except where a
// kernel only selects among its input and constants that survive rounding to float32 unchanged
// (relu, relu6, hardtanh) or multiplies by a float32-exact slope (leaky_f32).
//
// Calling convention: every kernel works in place on `n` elements at `ptr` (the buffer returned by
// `buffer()`, CHUNK_BYTES long); lanes past `n` up to the next full vector are computed and ignored.

const CHUNK_BYTES: i32 = 65536;

/** Start of the work buffer: after the static data, 16-byte aligned. */
export function buffer(): usize {
  return (__heap_base + 15) & ~(<usize>15);
}

/** Length of the work buffer in bytes (a multiple of 16). */
export function chunkBytes(): i32 {
  return CHUNK_BYTES;
}

import {
  c2,
  sel,
  lo32,
  hi32,
  pack32,
  LN2HI,
  LN2LO,
  INVLN2,
  P1,
  P2,
  P3,
  P4,
  P5,
  O_THRESHOLD,
  U_THRESHOLD,
  E,
  K0_EDGE,
  TINY_EDGE,
  K_INVLN2,
  K_HALF,
  K_MINUS_HALF,
  K_K0_EDGE,
  K_LN2HI,
  K_LN2LO,
  K_P1,
  K_P2,
  K_P3,
  K_P4,
  K_P5,
  K_ONE,
  K_TWO,
  K_TINY_EDGE,
  K_E,
  K_INF,
  K_NEG_INF,
  K_O_THRESHOLD,
  K_U_THRESHOLD,
  K_MAGIC,
  K_SIGN,
  K_BIAS,
  K_SPLIT,
  K_SIX,
  ld,
  pow2,
  vexp,
  negAbs,
} from './simd';

// Kernels kept in their own files, exported from here (the module's entry).
export * from './gelu';
export * from './softmax';

// ---------------------------------------------------------------------------------------------
// per-vector forms (float64 lanes); each mirrors the scalar `forward` named beside it.

/** Math.exp itself (exported for the tests of the transcription). */
@inline function f_exp(x: v128): v128 {
  return vexp(x);
}

/**
 * leaky-relu.ts / prelu.ts: x > 0 ? x : s === 0 && x === −∞ ? −s : x·s. `sv` is s splatted, `fixV`
 * −s splatted, `fix` all ones when s === 0 (hoisted out of the loops by the callers).
 */
@inline function f_leaky(x: v128, sv: v128, fixV: v128, fix: v128): v128 {
  let neg = f64x2.mul(x, sv);
  neg = sel(fixV, neg, v128.and(fix, f64x2.eq(x, ld(K_NEG_INF))));
  return sel(x, neg, f64x2.gt(x, c2(0.0)));
}

/**
 * hardtanh.ts: x < lo ? lo : x > hi ? hi : x (relu6.ts: lo = 0, hi = 6), as pmin(pmax(x, lo), hi):
 * pmax(x, lo) is x < lo ? lo : x by definition, pmin(y, hi) is hi < y ? hi : y, and lo ≤ hi
 * (validated), so the two agree on every input, NaN and −0 included.
 */
@inline function f_hardtanh(x: v128, lo: v128, hi: v128): v128 {
  return f64x2.pmin(f64x2.pmax(x, lo), hi);
}

/** Clamps n float64 at ptr to [lo, hi] (f_hardtanh), four vectors per iteration. */
@inline function clamp64(ptr: usize, n: i32, lo: f64, hi: f64): void {
  const l = f64x2.splat(lo);
  const h = f64x2.splat(hi);
  for (let i = 0; i < n; i += 8) {
    const a = ptr + step64(i);
    const r0 = f_hardtanh(v128.load(a), l, h);
    const r1 = f_hardtanh(v128.load(a, 16), l, h);
    const r2 = f_hardtanh(v128.load(a, 32), l, h);
    const r3 = f_hardtanh(v128.load(a, 48), l, h);
    v128.store(a, r0);
    v128.store(a, r1, 16);
    v128.store(a, r2, 32);
    v128.store(a, r3, 48);
  }
}

/** clamp64 for n float32 at ptr, with bounds already float32 (see hardtanh_f32). */
@inline function clamp32(ptr: usize, n: i32, lo: f32, hi: f32): void {
  const l = f32x4.splat(lo);
  const h = f32x4.splat(hi);
  for (let i = 0; i < n; i += 16) {
    const a = ptr + (<usize>i << 2);
    const r0 = f32x4.pmin(f32x4.pmax(v128.load(a), l), h);
    const r1 = f32x4.pmin(f32x4.pmax(v128.load(a, 16), l), h);
    const r2 = f32x4.pmin(f32x4.pmax(v128.load(a, 32), l), h);
    const r3 = f32x4.pmin(f32x4.pmax(v128.load(a, 48), l), h);
    v128.store(a, r0);
    v128.store(a, r1, 16);
    v128.store(a, r2, 32);
    v128.store(a, r3, 48);
  }
}

/**
 * hardsigmoid.ts: x <= −3 ? 0 : x >= 3 ? 1 : (x + 3)/6, as min(max((x + 3)/6, 0), 1): the same
 * doubles (x ≤ −3 gives (x + 3)/6 ≤ 0, and +0 at −3; x ≥ 3 gives ≥ 1; ±∞ too), and NaN stays NaN
 * (pmax/pmin return their first operand unless the second compares smaller/larger).
 */
@inline function f_hardsigmoid(x: v128): v128 {
  const mid = f64x2.div(f64x2.add(x, ld(K_THREE)), ld(K_SIX));
  return f64x2.pmin(f64x2.pmax(mid, c2(0.0)), ld(K_ONE));
}

/** hardswish.ts: x <= −3 ? −0 : x >= 3 ? x : x·(x + 3)/6. */
@inline function f_hardswish(x: v128): v128 {
  const mid = f64x2.div(f64x2.mul(x, f64x2.add(x, ld(K_THREE))), ld(K_SIX));
  return sel(ld(K_MINUS_ZERO), sel(x, mid, f64x2.ge(x, ld(K_THREE))), f64x2.le(x, ld(K_MINUS_THREE)));
}

/** softshrink.ts: x > λ ? x − λ : x < −λ ? x + λ : 0. */
@inline function f_softshrink(x: v128, l: f64): v128 {
  const low = sel(f64x2.add(x, c2(l)), c2(0.0), f64x2.lt(x, c2(-l)));
  return sel(f64x2.sub(x, c2(l)), low, f64x2.gt(x, c2(l)));
}

/** hardshrink.ts: x >= −λ && x <= λ ? 0 : x. */
@inline function f_hardshrink(x: v128, l: f64): v128 {
  return sel(c2(0.0), x, v128.and(f64x2.ge(x, c2(-l)), f64x2.le(x, c2(l))));
}

/** softsign.ts: ±∞ → ±1, else x/(1 + |x|). */
@inline function f_softsign(x: v128): v128 {
  let r = f64x2.div(x, f64x2.add(c2(1.0), f64x2.abs(x)));
  r = sel(c2(1.0), r, f64x2.eq(x, c2(Infinity)));
  return sel(c2(-1.0), r, f64x2.eq(x, c2(-Infinity)));
}

/** math/stable.ts sigmoid: x >= 0 ? 1/(1 + e^−x) : e^x/(1 + e^x); both exponentials are e^−|x|. */
@inline function f_sigmoid(x: v128): v128 {
  const e = vexp(negAbs(x), true);
  const d = f64x2.add(ld(K_ONE), e);
  return sel(f64x2.div(ld(K_ONE), d), f64x2.div(e, d), f64x2.ge(x, c2(0.0)));
}

const EXP_SUBNORMAL_EDGE: f64 = -700.0;

/**
 * math/stable.ts silu: x >= 0: x/(1 + e^−x); −700 < x < 0: x·e^x/(1 + e^x); −∞: −0; else (NaN
 * included) x·h·h with h = e^(x/2). One exponential per lane: of −|x|, or of x/2 in the last case.
 */
@inline function f_silu(x: v128): v128 {
  const far = v128.not(f64x2.gt(x, c2(EXP_SUBNORMAL_EDGE))); // x <= −700 or NaN (and not x >= 0)
  const pos = f64x2.ge(x, c2(0.0));
  const tail = v128.andnot(far, pos);
  const e = vexp(sel(f64x2.mul(x, ld(K_HALF)), negAbs(x), tail), true);
  const d = f64x2.add(ld(K_ONE), e);
  const neg = f64x2.div(f64x2.mul(x, e), d);
  let far_ = f64x2.mul(f64x2.mul(x, e), e);
  far_ = sel(c2(-0.0), far_, f64x2.eq(x, c2(-Infinity)));
  return sel(f64x2.div(x, d), sel(far_, neg, tail), pos);
}

/**
 * mish.ts: x >= 0: u = e^−x, x·((1 + 2u)/(1 + 2u(1 + u))); −700 < x < 0: e = e^x, n = e(e + 2),
 * x·(n/(n + 2)); −∞: −0; else x·h·h with h = e^(x/2).
 */
@inline function f_mish(x: v128): v128 {
  const far = v128.not(f64x2.gt(x, c2(EXP_SUBNORMAL_EDGE)));
  const pos = f64x2.ge(x, c2(0.0));
  const tail = v128.andnot(far, pos);
  const e = vexp(sel(f64x2.mul(x, ld(K_HALF)), negAbs(x), tail), true);
  const twoU = f64x2.mul(ld(K_TWO), e);
  const posV = f64x2.mul(
    x,
    f64x2.div(f64x2.add(ld(K_ONE), twoU), f64x2.add(ld(K_ONE), f64x2.mul(twoU, f64x2.add(ld(K_ONE), e)))),
  );
  const n = f64x2.mul(e, f64x2.add(e, ld(K_TWO)));
  const negV = f64x2.mul(x, f64x2.div(n, f64x2.add(n, ld(K_TWO))));
  let farV = f64x2.mul(f64x2.mul(x, e), e);
  farV = sel(c2(-0.0), farV, f64x2.eq(x, c2(-Infinity)));
  return sel(posV, sel(farV, negV, tail), pos);
}

/**
 * tanhshrink.ts: P(a) for a = |x| > 0 is, below 1, x³/3-like continued fraction q = a²/(21 + …),
 * a·q/(1 + q); from 1 on, a − 1 + 2/(e^(2a) + 1). The result is −P(−x) for x < 0, P(x) for x > 0,
 * 0 for ±0 and x for NaN.
 */
@inline function f_tanhshrink(x: v128): v128 {
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

// ---------------------------------------------------------------------------------------------
// exported loops: <name>_f64 and <name>_f32, in place over n elements at ptr.

// @ts-ignore: decorator
@inline function step64(i: i32): usize {
  return <usize>i << 3;
}

export function exp_f64(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) {
    const a = ptr + step64(i);
    v128.store(a, f_exp(v128.load(a)));
  }
}

export function exp_f32(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 4) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    v128.store(a, pack32(f_exp(lo32(v)), f_exp(hi32(v))));
  }
}

// relu: pmax(x, 0) is `x < 0 ? 0 : x` by definition (NaN and −0 kept), one instruction.
export function relu_f64(ptr: usize, n: i32): void {
  const z = f64x2.splat(0.0);
  for (let i = 0; i < n; i += 8) {
    const a = ptr + step64(i);
    const r0 = f64x2.pmax(v128.load(a), z);
    const r1 = f64x2.pmax(v128.load(a, 16), z);
    const r2 = f64x2.pmax(v128.load(a, 32), z);
    const r3 = f64x2.pmax(v128.load(a, 48), z);
    v128.store(a, r0);
    v128.store(a, r1, 16);
    v128.store(a, r2, 32);
    v128.store(a, r3, 48);
  }
}

export function relu_f32(ptr: usize, n: i32): void {
  const z = f32x4.splat(0.0);
  for (let i = 0; i < n; i += 16) {
    const a = ptr + (<usize>i << 2);
    const r0 = f32x4.pmax(v128.load(a), z);
    const r1 = f32x4.pmax(v128.load(a, 16), z);
    const r2 = f32x4.pmax(v128.load(a, 32), z);
    const r3 = f32x4.pmax(v128.load(a, 48), z);
    v128.store(a, r0);
    v128.store(a, r1, 16);
    v128.store(a, r2, 32);
    v128.store(a, r3, 48);
  }
}

/**
 * Leaky ReLU / PReLU. The −∞ fix of f_leaky only matters for s = ±0, so the common case (s ≠ 0)
 * runs a multiply and a select per vector.
 */
export function leaky_f64(ptr: usize, n: i32, s: f64): void {
  const sv = f64x2.splat(s);
  const z = f64x2.splat(0.0);
  if (s == 0.0) {
    const fix = i64x2.splat(-1);
    const fixV = f64x2.splat(-s);
    for (let i = 0; i < n; i += 4) {
      const a = ptr + step64(i);
      const r0 = f_leaky(v128.load(a), sv, fixV, fix);
      const r1 = f_leaky(v128.load(a, 16), sv, fixV, fix);
      v128.store(a, r0);
      v128.store(a, r1, 16);
    }
    return;
  }
  if (s > 0.0 && s <= 1.0) {
    // 0 < s ≤ 1: x·s ≤ x for x > 0 and x·s ≥ x otherwise (rounding is monotonic), so the result is
    // pmax(x·s, x) = x·s < x ? x : x·s, NaN and ±0 included: one multiply and one max.
    for (let i = 0; i < n; i += 8) {
      const a = ptr + step64(i);
      const x0 = v128.load(a);
      const x1 = v128.load(a, 16);
      const x2 = v128.load(a, 32);
      const x3 = v128.load(a, 48);
      v128.store(a, f64x2.pmax(f64x2.mul(x0, sv), x0));
      v128.store(a, f64x2.pmax(f64x2.mul(x1, sv), x1), 16);
      v128.store(a, f64x2.pmax(f64x2.mul(x2, sv), x2), 32);
      v128.store(a, f64x2.pmax(f64x2.mul(x3, sv), x3), 48);
    }
    return;
  }
  for (let i = 0; i < n; i += 8) {
    const a = ptr + step64(i);
    const x0 = v128.load(a);
    const x1 = v128.load(a, 16);
    const x2 = v128.load(a, 32);
    const x3 = v128.load(a, 48);
    v128.store(a, sel(x0, f64x2.mul(x0, sv), f64x2.gt(x0, z)));
    v128.store(a, sel(x1, f64x2.mul(x1, sv), f64x2.gt(x1, z)), 16);
    v128.store(a, sel(x2, f64x2.mul(x2, sv), f64x2.gt(x2, z)), 32);
    v128.store(a, sel(x3, f64x2.mul(x3, sv), f64x2.gt(x3, z)), 48);
  }
}

/**
 * Float32: x > 0 ? x : fround(x·s). Where s is a float32 (0.25, 0, …) the double product x·s is
 * exact (24 + 24 bits), so the float32 product rounds the same exact value once: the kernel stays in
 * float32 (−∞·0 fixed to −s for s = ±0, exact too). Otherwise (s = 0.01, the default) the products
 * are formed in float64 and rounded to float32, and the select is done in float32.
 */
export function leaky_f32(ptr: usize, n: i32, s: f64): void {
  const z = f32x4.splat(0.0);
  if (<f64><f32>s == s) {
    const s4 = f32x4.splat(<f32>s);
    if (s == 0.0) {
      const fixV = f32x4.splat(<f32>-s);
      const ninf = f32x4.splat(-Infinity);
      for (let i = 0; i < n; i += 4) {
        const a = ptr + (<usize>i << 2);
        const v = v128.load(a);
        v128.store(a, sel(v, sel(fixV, f32x4.mul(v, s4), f32x4.eq(v, ninf)), f32x4.gt(v, z)));
      }
      return;
    }
    if (s > 0.0 && s <= 1.0) {
      // As in leaky_f64: pmax(x·s, x).
      for (let i = 0; i < n; i += 16) {
        const a = ptr + (<usize>i << 2);
        const x0 = v128.load(a);
        const x1 = v128.load(a, 16);
        const x2 = v128.load(a, 32);
        const x3 = v128.load(a, 48);
        v128.store(a, f32x4.pmax(f32x4.mul(x0, s4), x0));
        v128.store(a, f32x4.pmax(f32x4.mul(x1, s4), x1), 16);
        v128.store(a, f32x4.pmax(f32x4.mul(x2, s4), x2), 32);
        v128.store(a, f32x4.pmax(f32x4.mul(x3, s4), x3), 48);
      }
      return;
    }
    for (let i = 0; i < n; i += 16) {
      const a = ptr + (<usize>i << 2);
      const x0 = v128.load(a);
      const x1 = v128.load(a, 16);
      const x2 = v128.load(a, 32);
      const x3 = v128.load(a, 48);
      v128.store(a, sel(x0, f32x4.mul(x0, s4), f32x4.gt(x0, z)));
      v128.store(a, sel(x1, f32x4.mul(x1, s4), f32x4.gt(x1, z)), 16);
      v128.store(a, sel(x2, f32x4.mul(x2, s4), f32x4.gt(x2, z)), 32);
      v128.store(a, sel(x3, f32x4.mul(x3, s4), f32x4.gt(x3, z)), 48);
    }
    return;
  }
  const sv = f64x2.splat(s);
  if (s > 0.0 && s <= 1.0) {
    // fround(x·s) ≤ x for x > 0 and ≥ x otherwise (both roundings are monotonic): pmax as above.
    for (let i = 0; i < n; i += 8) {
      const a = ptr + (<usize>i << 2);
      const v = v128.load(a);
      const w = v128.load(a, 16);
      const pv = pack32(f64x2.mul(lo32(v), sv), f64x2.mul(hi32(v), sv));
      const pw = pack32(f64x2.mul(lo32(w), sv), f64x2.mul(hi32(w), sv));
      v128.store(a, f32x4.pmax(pv, v));
      v128.store(a, f32x4.pmax(pw, w), 16);
    }
    return;
  }
  for (let i = 0; i < n; i += 8) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    const w = v128.load(a, 16);
    const pv = pack32(f64x2.mul(lo32(v), sv), f64x2.mul(hi32(v), sv));
    const pw = pack32(f64x2.mul(lo32(w), sv), f64x2.mul(hi32(w), sv));
    v128.store(a, sel(v, pv, f32x4.gt(v, z)));
    v128.store(a, sel(w, pw, f32x4.gt(w, z)), 16);
  }
}

export function relu6_f64(ptr: usize, n: i32): void {
  clamp64(ptr, n, 0.0, 6.0);
}

export function relu6_f32(ptr: usize, n: i32): void {
  clamp32(ptr, n, 0.0, 6.0);
}

export function hardtanh_f64(ptr: usize, n: i32, lo: f64, hi: f64): void {
  clamp64(ptr, n, lo, hi);
}

/**
 * Float32: x is a float32, and for float32 x the tests x < lo and x > hi select the same output
 * value as with lo and hi rounded to float32 (no float32 lies strictly between lo and its rounding,
 * and the selected bound is stored rounded anyway), so the kernel compares in float32.
 */
export function hardtanh_f32(ptr: usize, n: i32, lo: f64, hi: f64): void {
  clamp32(ptr, n, <f32>lo, <f32>hi);
}

export function hardsigmoid_f64(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 4) {
    const a = ptr + step64(i);
    const r0 = f_hardsigmoid(v128.load(a));
    const r1 = f_hardsigmoid(v128.load(a, 16));
    v128.store(a, r0);
    v128.store(a, r1, 16);
  }
}

export function hardsigmoid_f32(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 8) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    const w = v128.load(a, 16);
    const r0 = f_hardsigmoid(lo32(v));
    const r1 = f_hardsigmoid(hi32(v));
    const r2 = f_hardsigmoid(lo32(w));
    const r3 = f_hardsigmoid(hi32(w));
    v128.store(a, pack32(r0, r1));
    v128.store(a, pack32(r2, r3), 16);
  }
}

export function hardswish_f64(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 4) {
    const a = ptr + step64(i);
    const r0 = f_hardswish(v128.load(a));
    const r1 = f_hardswish(v128.load(a, 16));
    v128.store(a, r0);
    v128.store(a, r1, 16);
  }
}

export function hardswish_f32(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 8) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    const w = v128.load(a, 16);
    const r0 = f_hardswish(lo32(v));
    const r1 = f_hardswish(hi32(v));
    const r2 = f_hardswish(lo32(w));
    const r3 = f_hardswish(hi32(w));
    v128.store(a, pack32(r0, r1));
    v128.store(a, pack32(r2, r3), 16);
  }
}

export function softshrink_f64(ptr: usize, n: i32, l: f64): void {
  for (let i = 0; i < n; i += 4) {
    const a = ptr + step64(i);
    const r0 = f_softshrink(v128.load(a), l);
    const r1 = f_softshrink(v128.load(a, 16), l);
    v128.store(a, r0);
    v128.store(a, r1, 16);
  }
}

/**
 * Float32: when λ is itself a float32 (0.5, the default, is), the kernel works in float32 lanes:
 * the comparisons are the same, and x ∓ λ rounded once to float32 equals forward's x ∓ λ rounded to
 * float64 then to float32 (both operands float32: double rounding through float64 is innocuous for
 * +, −, ×, ÷ since 53 ≥ 2·24 + 2, Figueroa 1995). Any other λ: float64 lanes, as forward.
 */
export function softshrink_f32(ptr: usize, n: i32, l: f64): void {
  if (<f64>(<f32>l) == l) {
    const lv = f32x4.splat(<f32>l);
    const nlv = f32x4.splat(-<f32>l);
    const z = f32x4.splat(0.0);
    for (let i = 0; i < n; i += 8) {
      const a = ptr + (<usize>i << 2);
      const v = v128.load(a);
      const w = v128.load(a, 16);
      const lowV = sel(f32x4.add(v, lv), z, f32x4.lt(v, nlv));
      const lowW = sel(f32x4.add(w, lv), z, f32x4.lt(w, nlv));
      v128.store(a, sel(f32x4.sub(v, lv), lowV, f32x4.gt(v, lv)));
      v128.store(a, sel(f32x4.sub(w, lv), lowW, f32x4.gt(w, lv)), 16);
    }
    return;
  }
  for (let i = 0; i < n; i += 4) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    v128.store(a, pack32(f_softshrink(lo32(v), l), f_softshrink(hi32(v), l)));
  }
}

export function hardshrink_f64(ptr: usize, n: i32, l: f64): void {
  for (let i = 0; i < n; i += 8) {
    const a = ptr + step64(i);
    const r0 = f_hardshrink(v128.load(a), l);
    const r1 = f_hardshrink(v128.load(a, 16), l);
    const r2 = f_hardshrink(v128.load(a, 32), l);
    const r3 = f_hardshrink(v128.load(a, 48), l);
    v128.store(a, r0);
    v128.store(a, r1, 16);
    v128.store(a, r2, 32);
    v128.store(a, r3, 48);
  }
}

/**
 * Float32: for float32 x, −λ ≤ x ≤ λ holds exactly when −λ₃₂ ≤ x ≤ λ₃₂ with λ₃₂ the largest float32
 * ≤ λ (no float32 lies between them), and the output is 0 or x itself, so the kernel compares in
 * float32 lanes. Any λ: negative (the dead zone is empty), ±∞, NaN (every comparison false).
 */
export function hardshrink_f32(ptr: usize, n: i32, l: f64): void {
  let l32 = <f32>l;
  // Rounded up: one float32 step down (towards −∞; −0 steps to the smallest negative subnormal).
  if (<f64>l32 > l) l32 = reinterpret<f32>(reinterpret<u32>(l32) + (l32 > 0 ? -1 : 1));
  const lv = f32x4.splat(l32);
  const nlv = f32x4.splat(-l32);
  const z = f32x4.splat(0.0);
  for (let i = 0; i < n; i += 16) {
    const a = ptr + (<usize>i << 2);
    const v0 = v128.load(a);
    const v1 = v128.load(a, 16);
    const v2 = v128.load(a, 32);
    const v3 = v128.load(a, 48);
    v128.store(a, sel(z, v0, v128.and(f32x4.ge(v0, nlv), f32x4.le(v0, lv))));
    v128.store(a, sel(z, v1, v128.and(f32x4.ge(v1, nlv), f32x4.le(v1, lv))), 16);
    v128.store(a, sel(z, v2, v128.and(f32x4.ge(v2, nlv), f32x4.le(v2, lv))), 32);
    v128.store(a, sel(z, v3, v128.and(f32x4.ge(v3, nlv), f32x4.le(v3, lv))), 48);
  }
}

export function softsign_f64(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) {
    const a = ptr + step64(i);
    v128.store(a, f_softsign(v128.load(a)));
  }
}

export function softsign_f32(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 4) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    v128.store(a, pack32(f_softsign(lo32(v)), f_softsign(hi32(v))));
  }
}

export function sigmoid_f64(ptr: usize, n: i32): void {
  // Four vectors per iteration: the exponential is a long dependency chain, and V8 does not interleave
  // independent iterations by itself.
  for (let i = 0; i < n; i += 8) {
    const a = ptr + step64(i);
    const r0 = f_sigmoid(v128.load(a));
    const r1 = f_sigmoid(v128.load(a, 16));
    const r2 = f_sigmoid(v128.load(a, 32));
    const r3 = f_sigmoid(v128.load(a, 48));
    v128.store(a, r0);
    v128.store(a, r1, 16);
    v128.store(a, r2, 32);
    v128.store(a, r3, 48);
  }
}

export function sigmoid_f32(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 8) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    const w = v128.load(a, 16);
    const r0 = g_sigmoid(lo32(v));
    const r1 = g_sigmoid(hi32(v));
    const r2 = g_sigmoid(lo32(w));
    const r3 = g_sigmoid(hi32(w));
    v128.store(a, pack32(r0, r1));
    v128.store(a, pack32(r2, r3), 16);
  }
}

export function silu_f64(ptr: usize, n: i32): void {
  // Four vectors per iteration: the exponential is a long dependency chain, and V8 does not interleave
  // independent iterations by itself.
  for (let i = 0; i < n; i += 8) {
    const a = ptr + step64(i);
    const r0 = f_silu(v128.load(a));
    const r1 = f_silu(v128.load(a, 16));
    const r2 = f_silu(v128.load(a, 32));
    const r3 = f_silu(v128.load(a, 48));
    v128.store(a, r0);
    v128.store(a, r1, 16);
    v128.store(a, r2, 32);
    v128.store(a, r3, 48);
  }
}

export function silu_f32(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 8) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    const w = v128.load(a, 16);
    const r0 = g_silu(lo32(v));
    const r1 = g_silu(hi32(v));
    const r2 = g_silu(lo32(w));
    const r3 = g_silu(hi32(w));
    v128.store(a, pack32(r0, r1));
    v128.store(a, pack32(r2, r3), 16);
  }
}

export function mish_f64(ptr: usize, n: i32): void {
  // Four vectors per iteration: the exponential is a long dependency chain, and V8 does not interleave
  // independent iterations by itself.
  for (let i = 0; i < n; i += 8) {
    const a = ptr + step64(i);
    const r0 = f_mish(v128.load(a));
    const r1 = f_mish(v128.load(a, 16));
    const r2 = f_mish(v128.load(a, 32));
    const r3 = f_mish(v128.load(a, 48));
    v128.store(a, r0);
    v128.store(a, r1, 16);
    v128.store(a, r2, 32);
    v128.store(a, r3, 48);
  }
}

export function mish_f32(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 8) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    const w = v128.load(a, 16);
    const r0 = g_mish(lo32(v));
    const r1 = g_mish(hi32(v));
    const r2 = g_mish(lo32(w));
    const r3 = g_mish(hi32(w));
    v128.store(a, pack32(r0, r1));
    v128.store(a, pack32(r2, r3), 16);
  }
}

export function tanhshrink_f64(ptr: usize, n: i32): void {
  // Four vectors per iteration: the exponential is a long dependency chain, and V8 does not interleave
  // independent iterations by itself.
  for (let i = 0; i < n; i += 8) {
    const a = ptr + step64(i);
    const r0 = f_tanhshrink(v128.load(a));
    const r1 = f_tanhshrink(v128.load(a, 16));
    const r2 = f_tanhshrink(v128.load(a, 32));
    const r3 = f_tanhshrink(v128.load(a, 48));
    v128.store(a, r0);
    v128.store(a, r1, 16);
    v128.store(a, r2, 32);
    v128.store(a, r3, 48);
  }
}

export function tanhshrink_f32(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 8) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    const w = v128.load(a, 16);
    const r0 = g_tanhshrink(lo32(v));
    const r1 = g_tanhshrink(hi32(v));
    const r2 = g_tanhshrink(lo32(w));
    const r3 = g_tanhshrink(hi32(w));
    v128.store(a, pack32(r0, r1));
    v128.store(a, pack32(r2, r3), 16);
  }
}

// ---------------------------------------------------------------------------------------------
// expm1: fdlibm's s_expm1.c (V8's Math.expm1, v8/src/base/ieee754.cc), two lanes at once. Every
// lane runs the argument reduction and the common rational approximation, then each of fdlibm's
// return statements is computed and the one its branch would take is selected:
//  - NaN: x + x; x > o_threshold (+∞ included): +∞; x ≤ −56 ln2 (high word ≥ 0x4043687A, −∞
//    included): −1 (tiny − one rounds to −1); |x| < 2^−54: x;
//  - |x| < 0x3FD62E43_00000000: k = 0 (forced here, then hi = x, lo = 0, c = 0, as fdlibm);
//  - 0.5 ln2 < |x| < 1.5 ln2: fdlibm's k = ±1, hi = x ∓ ln2_hi, lo = ±ln2_lo are what the common
//    reduction computes there (invln2·x ± 0.5 truncates to ±1 with a wide margin);
//  - the returns for k = 0, k = −1, k = 1 (two forms on x < −0.25), k ≤ −2 or k > 56, 2 ≤ k < 20
//    (t = 1 − 2^−k, exact) and 20 ≤ k ≤ 56 (t = 2^−k);
//  - y·2^k: fdlibm multiplies by 2^k (exact or overflowing) or, for k = 1024, by 2 then 2^1023
//    (one rounding); here by 2^(k>>1) (exact) then 2^(k−(k>>1)) (one rounding): the same value.
// `nonPositive` (a compile-time flag) keeps only what x ≤ 0 or NaN can reach (k ≤ 0).

const Q1: f64 = -3.33333333333331316428e-2;
const Q2: f64 = 1.58730158725481460165e-3;
const Q3: f64 = -7.93650757867487942473e-5;
const Q4: f64 = 4.00821782732936239552e-6;
const Q5: f64 = -2.01099218183624371326e-7;
const K_Q1 = memory.data<f64>([Q1, Q1], 16);
const K_Q2 = memory.data<f64>([Q2, Q2], 16);
const K_Q3 = memory.data<f64>([Q3, Q3], 16);
const K_Q4 = memory.data<f64>([Q4, Q4], 16);
const K_Q5 = memory.data<f64>([Q5, Q5], 16);
const K_THREE = memory.data<f64>([3.0, 3.0], 16);
const K_MINUS_THREE = memory.data<f64>([-3.0, -3.0], 16);
const K_MINUS_ZERO = memory.data<f64>([-0.0, -0.0], 16);
const K_MINUS_ONE = memory.data<f64>([-1.0, -1.0], 16);
// 0x4043687A_00000000 (56 ln2 by fdlibm's high-word test) and 2^−54.
const K_EXPM1_HUGE = memory.data<u64>([0x4043687a00000000, 0x4043687a00000000], 16);
const K_EXPM1_TINY = memory.data<u64>([0x3c90000000000000, 0x3c90000000000000], 16);

@inline function vexpm1(x: v128, nonPositive: bool = false, tanhArgs: bool = false): v128 {
  const ax = f64x2.abs(x);
  // ±0.5 by the sign of x; −0.5 for the x ≤ 0 of nonPositive (+0 gives k = 0 either way).
  const half = nonPositive ? ld(K_MINUS_HALF) : v128.or(v128.and(x, ld(K_SIGN)), ld(K_HALF));
  let kf = f64x2.trunc(f64x2.add(f64x2.mul(ld(K_INVLN2), x), half));
  kf = v128.andnot(kf, f64x2.lt(ax, ld(K_K0_EDGE)));
  const hi = f64x2.sub(x, f64x2.mul(kf, ld(K_LN2HI)));
  const lo = f64x2.mul(kf, ld(K_LN2LO));
  const xr = f64x2.sub(hi, lo);
  const c = f64x2.sub(f64x2.sub(hi, xr), lo);
  const hfx = f64x2.mul(ld(K_HALF), xr);
  const hxs = f64x2.mul(xr, hfx);
  let r1 = f64x2.add(ld(K_Q4), f64x2.mul(hxs, ld(K_Q5)));
  r1 = f64x2.add(ld(K_Q3), f64x2.mul(hxs, r1));
  r1 = f64x2.add(ld(K_Q2), f64x2.mul(hxs, r1));
  r1 = f64x2.add(ld(K_Q1), f64x2.mul(hxs, r1));
  r1 = f64x2.add(ld(K_ONE), f64x2.mul(hxs, r1));
  const t = f64x2.sub(ld(K_THREE), f64x2.mul(r1, hfx));
  const e = f64x2.mul(hxs, f64x2.div(f64x2.sub(r1, t), f64x2.sub(ld(K_SIX), f64x2.mul(xr, t))));
  // k = 0
  const r0 = f64x2.sub(xr, f64x2.sub(f64x2.mul(xr, e), hxs));
  // k ≠ 0
  const e2 = f64x2.sub(f64x2.sub(f64x2.mul(xr, f64x2.sub(e, c)), c), hxs);
  const rm1 = f64x2.sub(f64x2.mul(ld(K_HALF), f64x2.sub(xr, e2)), ld(K_HALF));
  const yA = f64x2.sub(ld(K_ONE), f64x2.sub(e2, xr));
  let res: v128;
  if (nonPositive) {
    // k ≥ −56 wherever this value is selected: 2^k is normal and the product exact.
    res = f64x2.sub(f64x2.mul(yA, pow2(kf)), ld(K_ONE));
  } else {
    const twopk = pow2(kf);
    if (tanhArgs) {
      // k ≤ 64: 2^k is normal and the product exact, as fdlibm's.
      res = f64x2.sub(f64x2.mul(yA, twopk), ld(K_ONE));
    } else {
      const k1 = f64x2.floor(f64x2.mul(kf, ld(K_HALF)));
      const k2 = f64x2.sub(kf, k1);
      res = f64x2.sub(f64x2.mul(f64x2.mul(yA, pow2(k1)), pow2(k2)), ld(K_ONE));
    }
    const twomk = pow2(f64x2.neg(kf));
    const rB = f64x2.mul(f64x2.sub(f64x2.sub(ld(K_ONE), twomk), f64x2.sub(e2, xr)), twopk);
    const rC = f64x2.mul(f64x2.add(f64x2.sub(xr, f64x2.add(e2, twomk)), ld(K_ONE)), twopk);
    const kB = v128.and(f64x2.ge(kf, ld(K_TWO)), f64x2.lt(kf, c2(20.0)));
    const kC = v128.and(f64x2.ge(kf, c2(20.0)), f64x2.le(kf, c2(56.0)));
    res = sel(rB, res, kB);
    res = sel(rC, res, kC);
    const rp1 = sel(
      f64x2.mul(c2(-2.0), f64x2.sub(e2, f64x2.add(xr, ld(K_HALF)))),
      f64x2.add(ld(K_ONE), f64x2.mul(ld(K_TWO), f64x2.sub(xr, e2))),
      f64x2.lt(xr, c2(-0.25)),
    );
    res = sel(rp1, res, f64x2.eq(kf, ld(K_ONE)));
  }
  res = sel(rm1, res, f64x2.eq(kf, ld(K_MINUS_ONE)));
  res = sel(r0, res, f64x2.eq(kf, c2(0.0)));
  // tanh passes only −2 ≤ x ≤ −2^−27 or 2^−27 ≤ x < 44 in the lanes it keeps: none of the rest applies.
  if (tanhArgs) return res;
  res = sel(x, res, f64x2.lt(ax, ld(K_EXPM1_TINY)));
  res = sel(ld(K_MINUS_ONE), res, f64x2.le(x, f64x2.neg(ld(K_EXPM1_HUGE))));
  // NaN: every value above is NaN already; the nonPositive callers only need a NaN, not x + x.
  if (nonPositive) return res;
  res = sel(ld(K_INF), res, f64x2.gt(x, ld(K_O_THRESHOLD)));
  return sel(f64x2.add(x, x), res, f64x2.ne(x, x));
}

export function expm1_f64(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) {
    const a = ptr + step64(i);
    v128.store(a, vexpm1(v128.load(a)));
  }
}

/** elu.ts: x > 0 ? x : x === 0 ? (α > 0 ? x : 0) : α·expm1(x). `keep` is all ones when α > 0. */
@inline function f_elu(x: v128, av: v128, keep: v128): v128 {
  let r = f64x2.mul(av, vexpm1(x, true));
  r = sel(v128.and(x, keep), r, f64x2.eq(x, c2(0.0)));
  return sel(x, r, f64x2.gt(x, c2(0.0)));
}

/** selu.ts: x > 0 ? λ·x : λα·expm1(x), with λ and λα passed in (the TypeScript constants). */
@inline function f_selu(x: v128, scale: v128, scaleAlpha: v128): v128 {
  return sel(f64x2.mul(scale, x), f64x2.mul(scaleAlpha, vexpm1(x, true)), f64x2.gt(x, c2(0.0)));
}

const K_1E290 = memory.data<f64>([1e290, 1e290], 16);

/** math/stable.ts productError(a, b, p): Dekker's TwoProduct error, 0 where |a|, |b| or |p| ≥ 1e290 or NaN. */
@inline function productError(a: v128, b: v128, p: v128): v128 {
  const big = ld(K_1E290);
  const ok = v128.and(
    v128.and(f64x2.lt(f64x2.abs(p), big), f64x2.lt(f64x2.abs(a), big)),
    f64x2.lt(f64x2.abs(b), big),
  );
  let t = f64x2.mul(ld(K_SPLIT), a);
  const ah = f64x2.sub(t, f64x2.sub(t, a));
  const al = f64x2.sub(a, ah);
  t = f64x2.mul(ld(K_SPLIT), b);
  const bh = f64x2.sub(t, f64x2.sub(t, b));
  const bl = f64x2.sub(b, bh);
  let err = f64x2.sub(f64x2.mul(ah, bh), p);
  err = f64x2.add(err, f64x2.mul(ah, bl));
  err = f64x2.add(err, f64x2.mul(al, bh));
  err = f64x2.add(err, f64x2.mul(al, bl));
  return v128.and(err, ok);
}

/**
 * celu.ts: x > 0 || x === 0 ? x : with q = x/α, α·(expm1(q) + e^q·((x − q·α − productError)/α)) for
 * 1 < |q|, −40 < q < 709, else α·expm1(q). `negOnly` (compile time): α > 0, so q ≤ 0 or NaN.
 */
@inline function f_celu(x: v128, av: v128, negOnly: bool): v128 {
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

const K_22 = memory.data<f64>([22.0, 22.0], 16);
// 2^−28 (fdlibm tanh's high-word test 0x3E300000).
const K_TANH_TINY = memory.data<f64>([3.725290298461914e-9, 3.725290298461914e-9], 16);

/**
 * Math.tanh (fdlibm's s_tanh.c in V8): |x| < 2^−28: x; |x| ≥ 22 (±∞ included): ±1; 1 ≤ |x|:
 * 1 − 2/(expm1(2|x|) + 2); else −t/(t + 2) with t = expm1(−2|x|); the sign of x put back; NaN: NaN.
 */
@inline function f_tanh(x: v128): v128 {
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

export function elu_f64(ptr: usize, n: i32, alpha: f64): void {
  const av = f64x2.splat(alpha);
  const keep = alpha > 0 ? i64x2.splat(-1) : i64x2.splat(0);
  for (let i = 0; i < n; i += 8) {
    const a = ptr + step64(i);
    const r0 = f_elu(v128.load(a), av, keep);
    const r1 = f_elu(v128.load(a, 16), av, keep);
    const r2 = f_elu(v128.load(a, 32), av, keep);
    const r3 = f_elu(v128.load(a, 48), av, keep);
    v128.store(a, r0);
    v128.store(a, r1, 16);
    v128.store(a, r2, 32);
    v128.store(a, r3, 48);
  }
}

export function elu_f32(ptr: usize, n: i32, alpha: f64): void {
  const av = f64x2.splat(alpha);
  const keep = alpha > 0 ? i64x2.splat(-1) : i64x2.splat(0);
  for (let i = 0; i < n; i += 8) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    const w = v128.load(a, 16);
    const r0 = g_elu(lo32(v), av, keep);
    const r1 = g_elu(hi32(v), av, keep);
    const r2 = g_elu(lo32(w), av, keep);
    const r3 = g_elu(hi32(w), av, keep);
    v128.store(a, pack32(r0, r1));
    v128.store(a, pack32(r2, r3), 16);
  }
}

export function selu_f64(ptr: usize, n: i32, scale: f64, scaleAlpha: f64): void {
  const s = f64x2.splat(scale);
  const sa = f64x2.splat(scaleAlpha);
  for (let i = 0; i < n; i += 8) {
    const a = ptr + step64(i);
    const r0 = f_selu(v128.load(a), s, sa);
    const r1 = f_selu(v128.load(a, 16), s, sa);
    const r2 = f_selu(v128.load(a, 32), s, sa);
    const r3 = f_selu(v128.load(a, 48), s, sa);
    v128.store(a, r0);
    v128.store(a, r1, 16);
    v128.store(a, r2, 32);
    v128.store(a, r3, 48);
  }
}

export function selu_f32(ptr: usize, n: i32, scale: f64, scaleAlpha: f64): void {
  const s = f64x2.splat(scale);
  const sa = f64x2.splat(scaleAlpha);
  for (let i = 0; i < n; i += 8) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    const w = v128.load(a, 16);
    const r0 = g_selu(lo32(v), s, sa);
    const r1 = g_selu(hi32(v), s, sa);
    const r2 = g_selu(lo32(w), s, sa);
    const r3 = g_selu(hi32(w), s, sa);
    v128.store(a, pack32(r0, r1));
    v128.store(a, pack32(r2, r3), 16);
  }
}

export function celu_f64(ptr: usize, n: i32, alpha: f64): void {
  const av = f64x2.splat(alpha);
  if (alpha > 0) {
    for (let i = 0; i < n; i += 4) {
      const a = ptr + step64(i);
      const r0 = f_celu(v128.load(a), av, true);
      const r1 = f_celu(v128.load(a, 16), av, true);
      v128.store(a, r0);
      v128.store(a, r1, 16);
    }
  } else {
    for (let i = 0; i < n; i += 4) {
      const a = ptr + step64(i);
      const r0 = f_celu(v128.load(a), av, false);
      const r1 = f_celu(v128.load(a, 16), av, false);
      v128.store(a, r0);
      v128.store(a, r1, 16);
    }
  }
}

export function celu_f32(ptr: usize, n: i32, alpha: f64): void {
  const av = f64x2.splat(alpha);
  if (alpha > 0) {
    for (let i = 0; i < n; i += 4) {
      const a = ptr + (<usize>i << 2);
      const v = v128.load(a);
      v128.store(a, pack32(f_celu(lo32(v), av, true), f_celu(hi32(v), av, true)));
    }
  } else {
    for (let i = 0; i < n; i += 4) {
      const a = ptr + (<usize>i << 2);
      const v = v128.load(a);
      v128.store(a, pack32(f_celu(lo32(v), av, false), f_celu(hi32(v), av, false)));
    }
  }
}

export function tanh_f64(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 8) {
    const a = ptr + step64(i);
    const r0 = f_tanh(v128.load(a));
    const r1 = f_tanh(v128.load(a, 16));
    const r2 = f_tanh(v128.load(a, 32));
    const r3 = f_tanh(v128.load(a, 48));
    v128.store(a, r0);
    v128.store(a, r1, 16);
    v128.store(a, r2, 32);
    v128.store(a, r3, 48);
  }
}

export function tanh_f32(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 8) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    const w = v128.load(a, 16);
    const r0 = g_tanh(lo32(v));
    const r1 = g_tanh(hi32(v));
    const r2 = g_tanh(lo32(w));
    const r3 = g_tanh(hi32(w));
    v128.store(a, pack32(r0, r1));
    v128.store(a, pack32(r2, r3), 16);
  }
}

// ---------------------------------------------------------------------------------------------
// log1p: fdlibm's s_log1p.c (V8's Math.log1p, v8/src/base/ieee754.cc), two lanes at once. The
// high-word tests become comparisons of doubles whose low word is zero; both reductions (k = 0 with
// f = x, and k ≠ 0 with u = 1 + x, its correction c and u normalised by its exponent) and all of
// fdlibm's returns are computed and the taken one selected:
//  - NaN: NaN; x = −1: −∞; x < −1: NaN; +∞: +∞; |x| < 2^−54: x; |x| < 2^−29: x − x·x·0.5;
//  - k = 0 where −0x3FD2BEC5_00000000 < x < 0x3FDA827A_00000000 (√2/2 − 1 ≲ x ≲ √2 − 1);
//  - else u = 1 + x (x itself from 2^53 on, c = 0); k and hu from u's bits; the two
//    normalisations (hu < 0x6A09E: u·2^−k; else u·2^−k/2, k + 1); fdlibm's hu == 0 returns
//    (|f| < 2^−20, f = 0 among them) and its general ones, each for k = 0 and k ≠ 0.
// `unit` (compile time) keeps only what 0 ≤ x ≤ 1 or NaN can reach.

const LP1: f64 = 6.666666666666735130e-1;
const LP2: f64 = 3.999999999940941908e-1;
const LP3: f64 = 2.857142874366239149e-1;
const LP4: f64 = 2.222219843214978396e-1;
const LP5: f64 = 1.818357216161805012e-1;
const LP6: f64 = 1.531383769920937332e-1;
const LP7: f64 = 1.479819860511658591e-1;
const K_LP1 = memory.data<f64>([LP1, LP1], 16);
const K_LP2 = memory.data<f64>([LP2, LP2], 16);
const K_LP3 = memory.data<f64>([LP3, LP3], 16);
const K_LP4 = memory.data<f64>([LP4, LP4], 16);
const K_LP5 = memory.data<f64>([LP5, LP5], 16);
const K_LP6 = memory.data<f64>([LP6, LP6], 16);
const K_LP7 = memory.data<f64>([LP7, LP7], 16);
const K_TWO_THIRDS = memory.data<f64>([0.66666666666666666, 0.66666666666666666], 16);
const K_POW52 = memory.data<f64>([4503599627370496.0, 4503599627370496.0], 16);
const K_1023 = memory.data<f64>([1023.0, 1023.0], 16);
const K_MANT = memory.data<u64>([0x000fffffffffffff, 0x000fffffffffffff], 16);
const K_ONE_BITS = memory.data<u64>([0x3ff0000000000000, 0x3ff0000000000000], 16);
const K_L1P_K0_HI = memory.data<u64>([0x3fda827a00000000, 0x3fda827a00000000], 16);
const K_L1P_K0_LO = memory.data<u64>([0xbfd2bec500000000, 0xbfd2bec500000000], 16);
const K_L1P_TINY = memory.data<u64>([0x3e20000000000000, 0x3e20000000000000], 16);
const K_L1P_TINIER = memory.data<u64>([0x3c90000000000000, 0x3c90000000000000], 16);
const K_L1P_BIG = memory.data<u64>([0x4340000000000000, 0x4340000000000000], 16);
const K_L1P_SQRT2 = memory.data<u64>([0x3ff6a09e00000000, 0x3ff6a09e00000000], 16);
const K_L1P_HU0_LO = memory.data<u64>([0x3ff0000100000000, 0x3ff0000100000000], 16);
const K_L1P_HU0_HI = memory.data<u64>([0x3ffffffd00000000, 0x3ffffffd00000000], 16);

@inline function vlog1p(x: v128, unit: bool = false): v128 {
  // k ≠ 0: u = 1 + x (x from 2^53 on), k from u's exponent, c the rounding of 1 + x over u.
  let u = f64x2.add(ld(K_ONE), x);
  let big = i64x2.splat(0);
  if (!unit) {
    big = f64x2.ge(x, ld(K_L1P_BIG));
    u = sel(x, u, big);
  }
  const e = f64x2.sub(v128.or(i64x2.shr_u(u, 52), ld(K_POW52)), ld(K_POW52));
  const k0 = f64x2.sub(e, ld(K_1023));
  let c = sel(
    f64x2.sub(ld(K_ONE), f64x2.sub(u, x)),
    f64x2.sub(x, f64x2.sub(u, ld(K_ONE))),
    f64x2.gt(k0, c2(0.0)),
  );
  c = f64x2.div(c, u);
  if (!unit) c = v128.andnot(c, big);
  const un = v128.or(v128.and(u, ld(K_MANT)), ld(K_ONE_BITS));
  const low = f64x2.lt(un, ld(K_L1P_SQRT2));
  const fB = f64x2.sub(sel(un, f64x2.mul(un, ld(K_HALF)), low), ld(K_ONE));
  const kB = sel(k0, f64x2.add(k0, ld(K_ONE)), low);
  const huZeroB = sel(f64x2.lt(un, ld(K_L1P_HU0_LO)), f64x2.ge(un, ld(K_L1P_HU0_HI)), low);
  // k = 0: f = x, hu = 1.
  const inA = v128.and(f64x2.lt(x, ld(K_L1P_K0_HI)), f64x2.gt(x, ld(K_L1P_K0_LO)));
  const f = sel(x, fB, inA);
  const kf = v128.andnot(kB, inA);
  const huZero = v128.andnot(huZeroB, inA);
  const kZero = f64x2.eq(kf, c2(0.0));
  const hfsq = f64x2.mul(f64x2.mul(ld(K_HALF), f), f);
  const kh = f64x2.mul(kf, ld(K_LN2HI));
  const kl = f64x2.mul(kf, ld(K_LN2LO));
  // hu == 0 (|f| < 2^−20)
  const R1 = f64x2.mul(hfsq, f64x2.sub(ld(K_ONE), f64x2.mul(ld(K_TWO_THIRDS), f)));
  let rz = sel(
    f64x2.sub(f, R1),
    f64x2.sub(kh, f64x2.sub(f64x2.sub(R1, f64x2.add(kl, c)), f)),
    kZero,
  );
  rz = sel(v128.andnot(f64x2.add(kh, f64x2.add(c, kl)), kZero), rz, f64x2.eq(f, c2(0.0)));
  // general
  const s = f64x2.div(f, f64x2.add(ld(K_TWO), f));
  const z = f64x2.mul(s, s);
  let R = f64x2.add(ld(K_LP6), f64x2.mul(z, ld(K_LP7)));
  R = f64x2.add(ld(K_LP5), f64x2.mul(z, R));
  R = f64x2.add(ld(K_LP4), f64x2.mul(z, R));
  R = f64x2.add(ld(K_LP3), f64x2.mul(z, R));
  R = f64x2.add(ld(K_LP2), f64x2.mul(z, R));
  R = f64x2.add(ld(K_LP1), f64x2.mul(z, R));
  R = f64x2.mul(z, R);
  const sR = f64x2.mul(s, f64x2.add(hfsq, R));
  const rg = sel(
    f64x2.sub(f, f64x2.sub(hfsq, sR)),
    f64x2.sub(kh, f64x2.sub(f64x2.sub(hfsq, f64x2.add(sR, f64x2.add(kl, c))), f)),
    kZero,
  );
  let res = sel(rz, rg, huZero);
  const ax = f64x2.abs(x);
  res = sel(f64x2.sub(x, f64x2.mul(f64x2.mul(x, x), ld(K_HALF))), res, f64x2.lt(ax, ld(K_L1P_TINY)));
  res = sel(x, res, f64x2.lt(ax, ld(K_L1P_TINIER)));
  if (!unit) {
    res = sel(ld(K_INF), res, f64x2.eq(x, ld(K_INF)));
    res = sel(ld(K_NEG_INF), res, f64x2.eq(x, ld(K_MINUS_ONE)));
    res = sel(c2(NaN), res, f64x2.lt(x, ld(K_MINUS_ONE)));
  }
  return sel(f64x2.add(x, x), res, f64x2.ne(x, x));
}

export function log1p_f64(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) {
    const a = ptr + step64(i);
    v128.store(a, vlog1p(v128.load(a)));
  }
}

/** log1p restricted to [0, 1] (the `unit` variant), for the tests. */
export function log1pUnit_f64(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) {
    const a = ptr + step64(i);
    v128.store(a, vlog1p(v128.load(a), true));
  }
}

/** log-sigmoid.ts: y = −x; −(y > 0 ? y + log1p(e^−y) : log1p(e^y)); both exponentials are e^−|x|. */
@inline function f_logSigmoid(x: v128): v128 {
  const y = f64x2.neg(x);
  const l = vlog1p(vexp(negAbs(x), true), true);
  return f64x2.neg(sel(f64x2.add(y, l), l, f64x2.gt(y, c2(0.0))));
}

/**
 * softplus.ts: z = βx; z > τ: x; dz = β = 1 ? 0 : productError(β, x, z); z < −700:
 * h·((h·(1 + dz))/β) with h = e^(z/2); else log1pExp(z)/β when dz = 0, (log1pExp(z) + dz·σ(z))/β
 * otherwise. log1pExp(z) = z > 0 ? z + log1p(e^−z) : log1p(e^z) and σ(z) (math/stable.ts) share
 * e^−|z|. `unitBeta` (compile time): β = 1.
 */
@inline function f_softplus(x: v128, bv: v128, tv: v128, unitBeta: bool): v128 {
  const z = unitBeta ? x : f64x2.mul(bv, x);
  // One exponential per lane: e^−|z|, or e^(z/2) where z < −700 (the lane's other values unused).
  const far = f64x2.lt(z, c2(EXP_SUBNORMAL_EDGE));
  const u = vexp(sel(f64x2.div(z, ld(K_TWO)), negAbs(z), far), true);
  const l = vlog1p(u, true);
  const lpe = sel(f64x2.add(z, l), l, f64x2.gt(z, c2(0.0)));
  let r: v128;
  if (unitBeta) {
    r = sel(f64x2.mul(u, u), lpe, far); // h·((h·(1 + 0))/1), log1pExp(z)/1
  } else {
    const dz = productError(bv, x, z);
    const d = f64x2.add(ld(K_ONE), u);
    const sig = sel(f64x2.div(ld(K_ONE), d), f64x2.div(u, d), f64x2.ge(z, c2(0.0)));
    r = sel(f64x2.div(lpe, bv), f64x2.div(f64x2.add(lpe, f64x2.mul(dz, sig)), bv), f64x2.eq(dz, c2(0.0)));
    r = sel(f64x2.mul(u, f64x2.div(f64x2.mul(u, f64x2.add(ld(K_ONE), dz)), bv)), r, far);
  }
  return sel(x, r, f64x2.gt(z, tv));
}

export function logSigmoid_f64(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 8) {
    const a = ptr + step64(i);
    const r0 = f_logSigmoid(v128.load(a));
    const r1 = f_logSigmoid(v128.load(a, 16));
    const r2 = f_logSigmoid(v128.load(a, 32));
    const r3 = f_logSigmoid(v128.load(a, 48));
    v128.store(a, r0);
    v128.store(a, r1, 16);
    v128.store(a, r2, 32);
    v128.store(a, r3, 48);
  }
}

export function logSigmoid_f32(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 8) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    const w = v128.load(a, 16);
    const r0 = g_logSigmoid(lo32(v));
    const r1 = g_logSigmoid(hi32(v));
    const r2 = g_logSigmoid(lo32(w));
    const r3 = g_logSigmoid(hi32(w));
    v128.store(a, pack32(r0, r1));
    v128.store(a, pack32(r2, r3), 16);
  }
}

export function softplus_f64(ptr: usize, n: i32, beta: f64, threshold: f64): void {
  const bv = f64x2.splat(beta);
  const tv = f64x2.splat(threshold);
  if (beta == 1.0) {
    for (let i = 0; i < n; i += 8) {
      const a = ptr + step64(i);
      const r0 = f_softplus(v128.load(a), bv, tv, true);
      const r1 = f_softplus(v128.load(a, 16), bv, tv, true);
      const r2 = f_softplus(v128.load(a, 32), bv, tv, true);
      const r3 = f_softplus(v128.load(a, 48), bv, tv, true);
      v128.store(a, r0);
      v128.store(a, r1, 16);
      v128.store(a, r2, 32);
      v128.store(a, r3, 48);
    }
  } else {
    for (let i = 0; i < n; i += 8) {
      const a = ptr + step64(i);
      const r0 = f_softplus(v128.load(a), bv, tv, false);
      const r1 = f_softplus(v128.load(a, 16), bv, tv, false);
      const r2 = f_softplus(v128.load(a, 32), bv, tv, false);
      const r3 = f_softplus(v128.load(a, 48), bv, tv, false);
      v128.store(a, r0);
      v128.store(a, r1, 16);
      v128.store(a, r2, 32);
      v128.store(a, r3, 48);
    }
  }
}

export function softplus_f32(ptr: usize, n: i32, beta: f64, threshold: f64): void {
  const bv = f64x2.splat(beta);
  const tv = f64x2.splat(threshold);
  if (beta == 1.0) {
    for (let i = 0; i < n; i += 8) {
      const a = ptr + (<usize>i << 2);
      const v = v128.load(a);
      const w = v128.load(a, 16);
      const r0 = g_softplus1(lo32(v), tv);
      const r1 = g_softplus1(hi32(v), tv);
      const r2 = g_softplus1(lo32(w), tv);
      const r3 = g_softplus1(hi32(w), tv);
      v128.store(a, pack32(r0, r1));
      v128.store(a, pack32(r2, r3), 16);
    }
  } else {
    for (let i = 0; i < n; i += 4) {
      const a = ptr + (<usize>i << 2);
      const v = v128.load(a);
      v128.store(a, pack32(f_softplus(lo32(v), bv, tv, false), f_softplus(hi32(v), bv, tv, false)));
    }
  }
}


const K_BELOW_ALL: f64 = -1500.0;

/**
 * swish.ts for β ≠ 0, 1: x = ±∞: βx > 0 ? x : x > 0 ? 0 : −0; else z = βx, dz = productError(β, x, z);
 * z ≥ 0: u = e^−z, s = 1/(1 + u), x·s·(1 + dz·(u·s)); −700 < z < 0: e = e^z, d = 1 + e,
 * (x·e/d)·(1 + dz/d); z < −1500: x·0; else x·(1 + dz)·h·h with h = e^(z/2). One exponential per
 * lane: of −|z|, or of z/2 in the last case.
 */
@inline function f_swish(x: v128, bv: v128): v128 {
  const z = f64x2.mul(bv, x);
  const dz = productError(bv, x, z);
  const pos = f64x2.ge(z, c2(0.0));
  const mid = f64x2.gt(z, c2(EXP_SUBNORMAL_EDGE));
  const far = v128.not(v128.or(pos, mid)); // z ≤ −700 or NaN
  const u = vexp(sel(f64x2.div(z, ld(K_TWO)), negAbs(z), far), true);
  const d = f64x2.add(ld(K_ONE), u);
  const s = f64x2.div(ld(K_ONE), d);
  const rPos = f64x2.mul(f64x2.mul(x, s), f64x2.add(ld(K_ONE), f64x2.mul(dz, f64x2.mul(u, s))));
  const rMid = f64x2.mul(f64x2.div(f64x2.mul(x, u), d), f64x2.add(ld(K_ONE), f64x2.div(dz, d)));
  let rFar = f64x2.mul(f64x2.mul(f64x2.mul(x, f64x2.add(ld(K_ONE), dz)), u), u);
  rFar = sel(f64x2.mul(x, c2(0.0)), rFar, f64x2.lt(z, c2(K_BELOW_ALL)));
  let r = sel(rPos, sel(rMid, rFar, mid), pos);
  // x = ±∞
  const inf = f64x2.eq(f64x2.abs(x), ld(K_INF));
  const rInf = sel(x, v128.and(x, ld(K_SIGN)), f64x2.gt(z, c2(0.0)));
  return sel(rInf, r, inf);
}

export function swish_f64(ptr: usize, n: i32, beta: f64): void {
  const bv = f64x2.splat(beta);
  for (let i = 0; i < n; i += 8) {
    const a = ptr + step64(i);
    const r0 = f_swish(v128.load(a), bv);
    const r1 = f_swish(v128.load(a, 16), bv);
    const r2 = f_swish(v128.load(a, 32), bv);
    const r3 = f_swish(v128.load(a, 48), bv);
    v128.store(a, r0);
    v128.store(a, r1, 16);
    v128.store(a, r2, 32);
    v128.store(a, r3, 48);
  }
}

export function swish_f32(ptr: usize, n: i32, beta: f64): void {
  const bv = f64x2.splat(beta);
  for (let i = 0; i < n; i += 4) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    v128.store(a, pack32(f_swish(lo32(v), bv), f_swish(hi32(v), bv)));
  }
}

// ---------------------------------------------------------------------------------------------
// Float32 kernels of the exponential family (sigmoid, silu, tanh, elu, selu, softplus with β = 1,
// logSigmoid, mish, tanhshrink). These do not transcribe fdlibm: the float32 rule is "within 1 float32 ulp of
// the exact value" (scripts/verify-f32-kernels.mjs checks it on every float32 input), not
// "exactly fround(forward(x))". Each computes in float64 with short approximations whose relative
// error stays below ~2^−31 (far under the 2^−25 left between a float32 rounding, half an ulp, and
// 1 ulp), so the final rounding to float32 is the correct one except when the exact value lies
// within that relative distance of a float32 midpoint, and is then the other neighbour: never more
// than 1 ulp away (about 1 result in 200 000 differs from fround(forward)). Special values (NaN,
// ±∞, ±0 with its sign) give exactly what forward gives.
//
//  - fexpCore(t), t ≤ 0: t clamped to −200 (e^−200 ≈ 1.4e−87 is 0 for every float32 result that
//    uses it), k = round(t/ln2) by the 2^52 + 2^51 trick, r = t − k·ln2 (Cody–Waite: k·LN2HI exact
//    for |k| < 2^21), |r| ≤ ln2/2, e^r − 1 = P(r) by Taylor to r^8 (relative error < 2.1e−10 = 2^−32);
//    with s = 2^k, e^t = s·P + s and expm1(t) = s·P + (s − 1) (exact s − 1, and a
//    relative error < 1e−15 from the cancellation once |t| ≥ ln2/2, where |expm1| ≥ 0.29).
//  - flog1pUnit(u), 0 ≤ u ≤ 1: w = 1 + u, c = u − (w − 1) (its rounding error, exact), w = 2^j·m
//    with m in [√2/2, √2) (j = 0 or 1, both exact), f = m − 1, fdlibm's log(1 + f) with s = f/(2+f)
//    (Lp1..Lp7), plus j·ln2, plus c (c/w ≈ c within |c|·u, a relative 2^−53 of the result).

const T_LIMIT: f64 = -200.0;
const K_T_LIMIT = memory.data<f64>([T_LIMIT, T_LIMIT], 16);
const K_LN2 = memory.data<f64>([0.6931471805599453, 0.6931471805599453], 16);
const K_SQRT2 = memory.data<f64>([1.4142135623730951, 1.4142135623730951], 16);
const K_C3 = memory.data<f64>([1.0 / 6.0, 1.0 / 6.0], 16);
const K_C4 = memory.data<f64>([1.0 / 24.0, 1.0 / 24.0], 16);
const K_C5 = memory.data<f64>([1.0 / 120.0, 1.0 / 120.0], 16);
const K_C6 = memory.data<f64>([1.0 / 720.0, 1.0 / 720.0], 16);
const K_C7 = memory.data<f64>([1.0 / 5040.0, 1.0 / 5040.0], 16);
const K_C8 = memory.data<f64>([1.0 / 40320.0, 1.0 / 40320.0], 16);

/** e^t (m1 false) or e^t − 1 (m1 true, compile time) for t ≤ 0 (clamped at −200) or NaN. */
@inline function fexpCore(t0: v128, m1: bool, horner: bool = false): v128 {
  const t = f64x2.max(t0, ld(K_T_LIMIT)); // NaN stays NaN
  const kr = f64x2.add(f64x2.mul(t, ld(K_INVLN2)), ld(K_MAGIC));
  const kf = f64x2.sub(kr, ld(K_MAGIC));
  const r = f64x2.sub(f64x2.sub(t, f64x2.mul(kf, ld(K_LN2HI))), f64x2.mul(kf, ld(K_LN2LO)));
  // 1/2 + r/6 + … + r⁶/8!, by Estrin's scheme (pairs, then the powers r², r⁴): half the dependent
  // steps of Horner's, and the loops are bound by this chain's latency (sigmoid 2.5 → 2.3 ns per
  // element). `horner` (compile time) keeps Horner's scheme where Estrin's was slower (tanhshrink).
  let p: v128;
  if (horner) {
    p = f64x2.add(ld(K_C7), f64x2.mul(r, ld(K_C8)));
    p = f64x2.add(ld(K_C6), f64x2.mul(r, p));
    p = f64x2.add(ld(K_C5), f64x2.mul(r, p));
    p = f64x2.add(ld(K_C4), f64x2.mul(r, p));
    p = f64x2.add(ld(K_C3), f64x2.mul(r, p));
    p = f64x2.add(ld(K_HALF), f64x2.mul(r, p));
    p = f64x2.add(r, f64x2.mul(f64x2.mul(r, r), p)); // e^r − 1
  } else {
    const r2 = f64x2.mul(r, r);
    const r4 = f64x2.mul(r2, r2);
    const q01 = f64x2.add(ld(K_HALF), f64x2.mul(r, ld(K_C3)));
    const q23 = f64x2.add(ld(K_C4), f64x2.mul(r, ld(K_C5)));
    const q45 = f64x2.add(ld(K_C6), f64x2.mul(r, ld(K_C7)));
    const q = f64x2.add(f64x2.add(q01, f64x2.mul(r2, q23)), f64x2.mul(r4, f64x2.add(q45, f64x2.mul(r2, ld(K_C8)))));
    p = f64x2.add(r, f64x2.mul(r2, q)); // e^r − 1
  }
  // 2^k: k sits in the low bits of kr (−289 ≤ k ≤ 0, so k + 1023 is a normal exponent).
  const s = i64x2.shl(i64x2.add(kr, ld(K_BIAS)), 52);
  if (!m1) return f64x2.add(f64x2.mul(s, p), s);
  // expm1(−0) = −0: the sign of t put back (every result for t ≤ 0 is ≤ 0).
  return v128.or(f64x2.add(f64x2.mul(s, p), f64x2.sub(s, ld(K_ONE))), v128.and(t0, ld(K_SIGN)));
}

/** e^t for t ≤ 0 (clamped at −200) or NaN. */
@inline function fexp(t: v128): v128 {
  return fexpCore(t, false);
}

/** e^t − 1 for t ≤ 0 (clamped at −200: −1) or NaN. */
@inline function fexpm1(t: v128, horner: bool = false): v128 {
  return fexpCore(t, true, horner);
}

/** log(1 + u) for 0 ≤ u ≤ 1 or NaN. */
@inline function flog1pUnit(u: v128): v128 {
  const w = f64x2.add(ld(K_ONE), u);
  const c = f64x2.sub(u, f64x2.sub(w, ld(K_ONE)));
  const big = f64x2.ge(w, ld(K_SQRT2));
  const f = f64x2.sub(sel(f64x2.mul(w, ld(K_HALF)), w, big), ld(K_ONE));
  const hfsq = f64x2.mul(f64x2.mul(ld(K_HALF), f), f);
  const s = f64x2.div(f, f64x2.add(ld(K_TWO), f));
  const z = f64x2.mul(s, s);
  let R = f64x2.add(ld(K_LP6), f64x2.mul(z, ld(K_LP7)));
  R = f64x2.add(ld(K_LP5), f64x2.mul(z, R));
  R = f64x2.add(ld(K_LP4), f64x2.mul(z, R));
  R = f64x2.add(ld(K_LP3), f64x2.mul(z, R));
  R = f64x2.add(ld(K_LP2), f64x2.mul(z, R));
  R = f64x2.add(ld(K_LP1), f64x2.mul(z, R));
  R = f64x2.mul(z, R);
  const lm = f64x2.sub(f, f64x2.sub(hfsq, f64x2.mul(s, f64x2.add(hfsq, R))));
  return f64x2.add(f64x2.add(lm, c), v128.and(ld(K_LN2), big));
}

/** σ(x): e = e^−|x|, (x ≥ 0 ? 1 : e)/(1 + e). */
@inline function g_sigmoid(x: v128): v128 {
  const e = fexp(negAbs(x));
  return f64x2.div(sel(ld(K_ONE), e, f64x2.ge(x, c2(0.0))), f64x2.add(ld(K_ONE), e));
}

/** silu: x·σ(x); −∞: −0 (forward's x·h·h). */
@inline function g_silu(x: v128): v128 {
  const e = fexp(negAbs(x));
  const r = f64x2.mul(x, f64x2.div(sel(ld(K_ONE), e, f64x2.ge(x, c2(0.0))), f64x2.add(ld(K_ONE), e)));
  return sel(c2(-0.0), r, f64x2.eq(x, ld(K_NEG_INF)));
}

/**
 * mish: x·tanh(softplus(x)) = x·N/D with u = e^−|x|: x ≥ 0: N = 1 + 2u, D = 1 + 2u(1 + u);
 * x < 0: N = u(u + 2), D = N + 2. −∞: −0.
 */
@inline function g_mish(x: v128): v128 {
  const u = fexp(negAbs(x));
  const twoU = f64x2.add(u, u);
  const nPos = f64x2.add(ld(K_ONE), twoU);
  const dPos = f64x2.add(ld(K_ONE), f64x2.mul(twoU, f64x2.add(ld(K_ONE), u)));
  const nNeg = f64x2.mul(u, f64x2.add(u, ld(K_TWO)));
  const dNeg = f64x2.add(nNeg, ld(K_TWO));
  const pos = f64x2.ge(x, c2(0.0));
  const r = f64x2.mul(x, f64x2.div(sel(nPos, nNeg, pos), sel(dPos, dNeg, pos)));
  return sel(c2(-0.0), r, f64x2.eq(x, ld(K_NEG_INF)));
}

/** tanh: t = expm1(−2|x|), |−t/(t + 2)| with the sign of x (±0 kept); NaN: NaN. */
@inline function g_tanh(x: v128, horner: bool = false): v128 {
  const a = f64x2.abs(x);
  const t = fexpm1(f64x2.mul(c2(-2.0), a), horner);
  const z = f64x2.abs(f64x2.div(t, f64x2.add(t, ld(K_TWO))));
  return v128.or(z, v128.and(x, ld(K_SIGN)));
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
 * cancellation multiplies tanh's relative error (< 2^−31) by tanh(a)/(a − tanh a) ≤ 19 (at 0.4):
 * < 2^−26.7, inside the 2^−25 a float32 rounding leaves. Sign of x put back; ±0: +0 and NaN: NaN,
 * as forward.
 */
@inline function g_tanhshrink(x: v128): v128 {
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

/** elu.ts with the fast expm1 (x ≤ 0 there). */
@inline function g_elu(x: v128, av: v128, keep: v128): v128 {
  let r = f64x2.mul(av, fexpm1(x));
  r = sel(v128.and(x, keep), r, f64x2.eq(x, c2(0.0)));
  return sel(x, r, f64x2.gt(x, c2(0.0)));
}

/** selu.ts with the fast expm1. */
@inline function g_selu(x: v128, scale: v128, scaleAlpha: v128): v128 {
  return sel(f64x2.mul(scale, x), f64x2.mul(scaleAlpha, fexpm1(x)), f64x2.gt(x, c2(0.0)));
}

/** log(1 + e^x) = max(x, 0) + log1p(e^−|x|) (max propagates NaN; max(−0, 0) = +0). */
@inline function g_log1pExp(x: v128): v128 {
  return f64x2.add(f64x2.max(x, c2(0.0)), flog1pUnit(fexp(negAbs(x))));
}

/** softplus.ts for β = 1: x > τ ? x : log(1 + e^x). */
@inline function g_softplus1(x: v128, tv: v128): v128 {
  return sel(x, g_log1pExp(x), f64x2.gt(x, tv));
}

/** log-sigmoid.ts: −log(1 + e^−x). */
@inline function g_logSigmoid(x: v128): v128 {
  return f64x2.neg(g_log1pExp(f64x2.neg(x)));
}
