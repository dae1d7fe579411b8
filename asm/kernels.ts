// WebAssembly SIMD kernels for `map` (AssemblyScript). Compiled by scripts/build-wasm.mjs into
// src/kernels/wasm-bytes.generated.ts; the TypeScript kernels in src/activations/ stay the reference
// and the fallback.
//
// The rule every kernel here follows: it returns, element by element, exactly what the scalar
// TypeScript `forward` returns (bit for bit, NaN aside), in float64, and that value rounded to
// float32 for Float32Array input (which is what the TypeScript path stores). So each kernel is a
// transcription of its scalar form, branches turned into selects, and Math.exp is replaced by a
// vectorised transcription of the function V8 uses for it (fdlibm's e_exp.c as in
// v8/src/base/ieee754.cc), which returns the same double for every input. Float32 kernels compute in
// float64 (promote, compute, demote), except where a kernel only selects among its input and
// constants that survive rounding to float32 unchanged (relu, relu6, hardtanh).
//
// Calling convention: every kernel works in place on `n` elements at `ptr` (the buffer returned by
// `buffer()`, CHUNK_BYTES long); lanes past `n` up to the next full vector are computed and ignored.

const CHUNK_BYTES: i32 = 32768;

/** Start of the work buffer: after the static data, 16-byte aligned. */
export function buffer(): usize {
  return (__heap_base + 15) & ~(<usize>15);
}

/** Length of the work buffer in bytes (a multiple of 16). */
export function chunkBytes(): i32 {
  return CHUNK_BYTES;
}

// ---------------------------------------------------------------------------------------------
// helpers

@inline function c2(x: f64): v128 {
  return f64x2.splat(x);
}

/** m ? a : b, lane by lane (m is an all-ones or all-zeros mask per lane). */
@inline function sel(a: v128, b: v128, m: v128): v128 {
  return v128.bitselect(a, b, m);
}

@inline function lo32(v: v128): v128 {
  return f64x2.promote_low_f32x4(v);
}

@inline function hi32(v: v128): v128 {
  return f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 0, 1));
}

/** Rounds two f64x2 vectors to float32 (round to nearest even, as Float32Array stores do) and joins them. */
@inline function pack32(a: v128, b: v128): v128 {
  return v128.shuffle<f32>(f32x4.demote_f64x2_zero(a), f32x4.demote_f64x2_zero(b), 0, 1, 4, 5);
}


// ---------------------------------------------------------------------------------------------
// exp: fdlibm's e_exp.c (V8's Math.exp), two lanes at once. Every branch of the scalar code gives
// the same value as the common path below except the ones handled by the selects at the end:
//  - |x| < 0x3FD62E43_00000000 (high word ≤ 0x3FD62E42): fdlibm takes k = 0; forced here, then
//    hi = x, lo = 0 and the common formula equals fdlibm's k = 0 formula exactly;
//  - 0.5 ln2 < |x| < 1.5 ln2: fdlibm's k = ±1, hi = x ∓ ln2HI, lo = ±ln2LO are what the common path
//    computes there (invln2·x ± 0.5 truncates to ±1 with a margin far above rounding);
//  - |x| < 2^−28: 1 + x; x = 1: E; overflow, underflow, ±∞ and NaN: as fdlibm.
//  - scaling by 2^k: fdlibm multiplies once (k ≥ −1021, exact) or twice with one rounding
//    (2^(k+1000) exact, then 2^−1000); here 2^(k>>1) (exact) then 2^(k−(k>>1)) (one rounding):
//    the same correctly rounded y·2^k in every case, 1024 included.

const LN2HI: f64 = 6.93147180369123816490e-1;
const LN2LO: f64 = 1.90821492927058770002e-10;
const INVLN2: f64 = 1.44269504088896338700e0;
const P1: f64 = 1.66666666666666019037e-1;
const P2: f64 = -2.77777777770155933842e-3;
const P3: f64 = 6.61375632143793436117e-5;
const P4: f64 = -1.65339022054652515390e-6;
const P5: f64 = 4.13813679705723846039e-8;
const O_THRESHOLD: f64 = 7.09782712893383973096e2;
const U_THRESHOLD: f64 = -7.45133219101941108420e2;
const E: f64 = 2.718281828459045;
// 0x3FD62E43_00000000 and 2^−28 (fdlibm's high-word tests).
const K0_EDGE: f64 = 0.3465735912322998046875;
const TINY_EDGE: f64 = 3.725290298461914e-9;

// Constants used in the hot loops live in memory: V8 rebuilds a v128.const from immediates at every
// use (three instructions), while a load from a static address is one.
const K_INVLN2 = memory.data<f64>([INVLN2, INVLN2], 16);
const K_HALF = memory.data<f64>([0.5, 0.5], 16);
const K_K0_EDGE = memory.data<f64>([K0_EDGE, K0_EDGE], 16);
const K_LN2HI = memory.data<f64>([LN2HI, LN2HI], 16);
const K_LN2LO = memory.data<f64>([LN2LO, LN2LO], 16);
const K_P1 = memory.data<f64>([P1, P1], 16);
const K_P2 = memory.data<f64>([P2, P2], 16);
const K_P3 = memory.data<f64>([P3, P3], 16);
const K_P4 = memory.data<f64>([P4, P4], 16);
const K_P5 = memory.data<f64>([P5, P5], 16);
const K_ONE = memory.data<f64>([1.0, 1.0], 16);
const K_TWO = memory.data<f64>([2.0, 2.0], 16);
const K_TINY_EDGE = memory.data<f64>([TINY_EDGE, TINY_EDGE], 16);
const K_E = memory.data<f64>([E, E], 16);
const K_INF = memory.data<f64>([Infinity, Infinity], 16);
const K_NEG_INF = memory.data<f64>([-Infinity, -Infinity], 16);
const K_O_THRESHOLD = memory.data<f64>([O_THRESHOLD, O_THRESHOLD], 16);
const K_U_THRESHOLD = memory.data<f64>([U_THRESHOLD, U_THRESHOLD], 16);
// 2^52 + 2^51: adding it to an integer-valued |k| < 2^51 puts k in the low bits of the result.
const K_MAGIC = memory.data<f64>([6755399441055744.0, 6755399441055744.0], 16);
const K_SIGN = memory.data<u64>([0x8000000000000000, 0x8000000000000000], 16);
const K_BIAS = memory.data<u64>([1023, 1023], 16);

@inline function ld(p: usize): v128 {
  return v128.load(p);
}

/** 2^k for integer-valued k in [−1022, 1023] (k from kf + 2^52 + 2^51: the bits above 12 shift out). */
@inline function pow2(kf: v128): v128 {
  return i64x2.shl(i64x2.add(f64x2.add(kf, ld(K_MAGIC)), ld(K_BIAS)), 52);
}

/**
 * e^x as fdlibm computes it; `nonPositive` drops the overflow and x = 1 cases when the caller only
 * passes x ≤ 0 or NaN (a compile-time flag).
 */
@inline function vexp(x: v128, nonPositive: bool = false): v128 {
  const ax = f64x2.abs(x);
  const half = v128.or(v128.and(x, ld(K_SIGN)), ld(K_HALF));
  let kf = f64x2.trunc(f64x2.add(f64x2.mul(ld(K_INVLN2), x), half));
  kf = v128.andnot(kf, f64x2.lt(ax, ld(K_K0_EDGE)));
  const hi = f64x2.sub(x, f64x2.mul(kf, ld(K_LN2HI)));
  const lo = f64x2.mul(kf, ld(K_LN2LO));
  const r = f64x2.sub(hi, lo);
  const t = f64x2.mul(r, r);
  let p = f64x2.add(ld(K_P4), f64x2.mul(t, ld(K_P5)));
  p = f64x2.add(ld(K_P3), f64x2.mul(t, p));
  p = f64x2.add(ld(K_P2), f64x2.mul(t, p));
  p = f64x2.add(ld(K_P1), f64x2.mul(t, p));
  const c = f64x2.sub(r, f64x2.mul(t, p));
  const q = f64x2.div(f64x2.mul(r, c), f64x2.sub(ld(K_TWO), c));
  const y = f64x2.sub(ld(K_ONE), f64x2.sub(f64x2.sub(lo, q), hi));
  // k = k1 + k2 with k1 = floor(k/2): both factors are normal for every k in [−1075, 1024].
  const k1 = f64x2.floor(f64x2.mul(kf, ld(K_HALF)));
  const k2 = f64x2.sub(kf, k1);
  let res = f64x2.mul(f64x2.mul(y, pow2(k1)), pow2(k2));
  res = sel(f64x2.add(ld(K_ONE), x), res, f64x2.lt(ax, ld(K_TINY_EDGE)));
  if (!nonPositive) {
    res = sel(ld(K_E), res, f64x2.eq(x, ld(K_ONE)));
    res = sel(ld(K_INF), res, f64x2.gt(x, ld(K_O_THRESHOLD)));
  }
  res = sel(c2(0.0), res, f64x2.lt(x, ld(K_U_THRESHOLD)));
  return sel(f64x2.add(x, x), res, f64x2.ne(x, x));
}

/** −|x|, exactly. */
@inline function negAbs(x: v128): v128 {
  return v128.or(x, ld(K_SIGN));
}

// ---------------------------------------------------------------------------------------------
// per-vector forms (float64 lanes); each mirrors the scalar `forward` named beside it.

/** Math.exp itself (exported for the tests of the transcription). */
@inline function f_exp(x: v128): v128 {
  return vexp(x);
}

/** relu.ts: x < 0 ? 0 : x. */
@inline function f_relu(x: v128): v128 {
  return sel(c2(0.0), x, f64x2.lt(x, c2(0.0)));
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

/** relu6.ts: x < 0 ? 0 : x > 6 ? 6 : x. */
@inline function f_relu6(x: v128): v128 {
  return sel(c2(0.0), sel(c2(6.0), x, f64x2.gt(x, c2(6.0))), f64x2.lt(x, c2(0.0)));
}

/** hardtanh.ts: x < lo ? lo : x > hi ? hi : x. */
@inline function f_hardtanh(x: v128, lo: f64, hi: f64): v128 {
  return sel(c2(lo), sel(c2(hi), x, f64x2.gt(x, c2(hi))), f64x2.lt(x, c2(lo)));
}

/** hardsigmoid.ts: x <= −3 ? 0 : x >= 3 ? 1 : (x + 3)/6. */
@inline function f_hardsigmoid(x: v128): v128 {
  const mid = f64x2.div(f64x2.add(x, c2(3.0)), c2(6.0));
  return sel(c2(0.0), sel(c2(1.0), mid, f64x2.ge(x, c2(3.0))), f64x2.le(x, c2(-3.0)));
}

/** hardswish.ts: x <= −3 ? −0 : x >= 3 ? x : x·(x + 3)/6. */
@inline function f_hardswish(x: v128): v128 {
  const mid = f64x2.div(f64x2.mul(x, f64x2.add(x, c2(3.0))), c2(6.0));
  return sel(c2(-0.0), sel(x, mid, f64x2.ge(x, c2(3.0))), f64x2.le(x, c2(-3.0)));
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

export function relu_f64(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 4) {
    const a = ptr + step64(i);
    v128.store(a, f_relu(v128.load(a)));
    v128.store(a, f_relu(v128.load(a, 16)), 16);
  }
}

export function relu_f32(ptr: usize, n: i32): void {
  const z = f32x4.splat(0.0);
  for (let i = 0; i < n; i += 8) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    const w = v128.load(a, 16);
    v128.store(a, sel(z, v, f32x4.lt(v, z)));
    v128.store(a, sel(z, w, f32x4.lt(w, z)), 16);
  }
}

export function leaky_f64(ptr: usize, n: i32, s: f64): void {
  const fix = s == 0.0 ? i64x2.splat(-1) : i64x2.splat(0);
  const sv = f64x2.splat(s);
  const fixV = f64x2.splat(-s);
  for (let i = 0; i < n; i += 4) {
    const a = ptr + step64(i);
    const r0 = f_leaky(v128.load(a), sv, fixV, fix);
    const r1 = f_leaky(v128.load(a, 16), sv, fixV, fix);
    v128.store(a, r0);
    v128.store(a, r1, 16);
  }
}

export function leaky_f32(ptr: usize, n: i32, s: f64): void {
  const fix = s == 0.0 ? i64x2.splat(-1) : i64x2.splat(0);
  const sv = f64x2.splat(s);
  const fixV = f64x2.splat(-s);
  for (let i = 0; i < n; i += 8) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    const w = v128.load(a, 16);
    const r0 = f_leaky(lo32(v), sv, fixV, fix);
    const r1 = f_leaky(hi32(v), sv, fixV, fix);
    const r2 = f_leaky(lo32(w), sv, fixV, fix);
    const r3 = f_leaky(hi32(w), sv, fixV, fix);
    v128.store(a, pack32(r0, r1));
    v128.store(a, pack32(r2, r3), 16);
  }
}

export function relu6_f64(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) {
    const a = ptr + step64(i);
    v128.store(a, f_relu6(v128.load(a)));
  }
}

export function relu6_f32(ptr: usize, n: i32): void {
  const z = f32x4.splat(0.0);
  const six = f32x4.splat(6.0);
  for (let i = 0; i < n; i += 4) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    v128.store(a, sel(z, sel(six, v, f32x4.gt(v, six)), f32x4.lt(v, z)));
  }
}

export function hardtanh_f64(ptr: usize, n: i32, lo: f64, hi: f64): void {
  for (let i = 0; i < n; i += 2) {
    const a = ptr + step64(i);
    v128.store(a, f_hardtanh(v128.load(a), lo, hi));
  }
}

/**
 * Float32: x is a float32, and for float32 x the tests x < lo and x > hi select the same output
 * value as with lo and hi rounded to float32 (no float32 lies strictly between lo and its rounding,
 * and the selected bound is stored rounded anyway), so the kernel compares in float32.
 */
export function hardtanh_f32(ptr: usize, n: i32, lo: f64, hi: f64): void {
  const l = f32x4.splat(<f32>lo);
  const h = f32x4.splat(<f32>hi);
  for (let i = 0; i < n; i += 4) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    v128.store(a, sel(l, sel(h, v, f32x4.gt(v, h)), f32x4.lt(v, l)));
  }
}

export function hardsigmoid_f64(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) {
    const a = ptr + step64(i);
    v128.store(a, f_hardsigmoid(v128.load(a)));
  }
}

export function hardsigmoid_f32(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 4) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    v128.store(a, pack32(f_hardsigmoid(lo32(v)), f_hardsigmoid(hi32(v))));
  }
}

export function hardswish_f64(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 2) {
    const a = ptr + step64(i);
    v128.store(a, f_hardswish(v128.load(a)));
  }
}

export function hardswish_f32(ptr: usize, n: i32): void {
  for (let i = 0; i < n; i += 4) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    v128.store(a, pack32(f_hardswish(lo32(v)), f_hardswish(hi32(v))));
  }
}

export function softshrink_f64(ptr: usize, n: i32, l: f64): void {
  for (let i = 0; i < n; i += 2) {
    const a = ptr + step64(i);
    v128.store(a, f_softshrink(v128.load(a), l));
  }
}

export function softshrink_f32(ptr: usize, n: i32, l: f64): void {
  for (let i = 0; i < n; i += 4) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    v128.store(a, pack32(f_softshrink(lo32(v), l), f_softshrink(hi32(v), l)));
  }
}

export function hardshrink_f64(ptr: usize, n: i32, l: f64): void {
  for (let i = 0; i < n; i += 2) {
    const a = ptr + step64(i);
    v128.store(a, f_hardshrink(v128.load(a), l));
  }
}

export function hardshrink_f32(ptr: usize, n: i32, l: f64): void {
  for (let i = 0; i < n; i += 4) {
    const a = ptr + (<usize>i << 2);
    const v = v128.load(a);
    v128.store(a, pack32(f_hardshrink(lo32(v), l), f_hardshrink(hi32(v), l)));
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
    const r0 = f_sigmoid(lo32(v));
    const r1 = f_sigmoid(hi32(v));
    const r2 = f_sigmoid(lo32(w));
    const r3 = f_sigmoid(hi32(w));
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
    const r0 = f_silu(lo32(v));
    const r1 = f_silu(hi32(v));
    const r2 = f_silu(lo32(w));
    const r3 = f_silu(hi32(w));
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
    const r0 = f_mish(lo32(v));
    const r1 = f_mish(hi32(v));
    const r2 = f_mish(lo32(w));
    const r3 = f_mish(hi32(w));
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
    const r0 = f_tanhshrink(lo32(v));
    const r1 = f_tanhshrink(hi32(v));
    const r2 = f_tanhshrink(lo32(w));
    const r3 = f_tanhshrink(hi32(w));
    v128.store(a, pack32(r0, r1));
    v128.store(a, pack32(r2, r3), 16);
  }
}
