// The softmax family's per-element passes (AssemblyScript, WebAssembly SIMD), transcribing the
// loops of src/vector/softmax.ts (expSum64/expSum32, the quotient loop of softmaxOf, logOut64/32)
// operation for operation, so that the outputs are the same doubles bit for bit.
//
// The sum of the exponentials is compensated (TwoSum per term) in two lanes, even indices in lane 0
// and odd ones in lane 1, which is also how the TypeScript loops sum (they were written for it); the
// lanes' running sums and compensations stay in SUM_STATE across the chunks of one vector, and the
// caller combines them (src/vector/softmax.ts `combineLanes`). Every chunk but the last has an even
// length, so an element's lane is the parity of its index in the whole vector.
//
// Calling convention (src/kernels/wasm.ts): input at `src` (float64 or float32), output (float64) at
// `dst`; the two may be the same for float64. Chunks start at even indices; `k` is the index of the
// maximum relative to the chunk's start (out of range if it is in another chunk).

import { c2, ld, sel, K_NEG_INF, K_TWO, K_SIX, vexp } from './simd';

/** [the maximum, its index] (float64): `softmaxMax_f64`/`softmaxMax_f32`'s results. */
const MAX_STATE = memory.data(16, 16);

/** maxPass's scratch: the lanes' maxima (4 float32 or 2 float64) and indices (4 i32 or 2 float64). */
const LANE_MAX = memory.data(16, 16);
const LANE_INDEX = memory.data(16, 16);

/** Where `softmaxMax_*` leave the maximum and its index. */
export function maxState(): usize {
  return MAX_STATE;
}

/**
 * src/vector/softmax.ts's max64/max32 over one chunk: the maximum of s·x over the `n` inputs at
 * `src` and the first index where it is reached (−1 if no element exceeds −∞), written to
 * MAX_STATE; NaN as maximum if any element is NaN. Each lane keeps its running maximum and, by a
 * strict >, the index where it was first reached; the lanes are then merged by value, ties (±0
 * among them, which > does not tell apart either) to the smallest index, so the result is the
 * element the scalar loop keeps, sign of zero included. The last n mod 4 (or 2) elements run
 * scalar: the buffer past n holds stale values.
 */
@inline function maxPass(src: usize, n: i32, s: f64, f32: bool): void {
  let nan: bool;
  let i = 0;
  if (f32) {
    const neg = s < 0;
    let mv = f32x4.splat(-Infinity);
    let iv = i32x4.splat(-1);
    let idx = i32x4(0, 1, 2, 3);
    let nanv = i32x4.splat(0);
    for (; i + 4 <= n; i += 4) {
      let x = v128.load(src + (<usize>i << 2));
      if (neg) x = f32x4.neg(x);
      const gt = f32x4.gt(x, mv);
      mv = v128.bitselect(x, mv, gt);
      iv = v128.bitselect(idx, iv, gt);
      nanv = v128.or(nanv, f32x4.ne(x, x));
      idx = i32x4.add(idx, i32x4.splat(4));
    }
    nan = v128.any_true(nanv);
    v128.store(LANE_MAX, mv);
    v128.store(LANE_INDEX, iv);
  } else {
    const sv = c2(s);
    let mv = ld(K_NEG_INF);
    let iv = c2(-1.0);
    let idx = ld(K_LANE_INDEX);
    let nanv = i64x2.splat(0);
    for (; i + 2 <= n; i += 2) {
      const x = f64x2.mul(sv, v128.load(src + (<usize>i << 3)));
      const gt = f64x2.gt(x, mv);
      mv = v128.bitselect(x, mv, gt);
      iv = v128.bitselect(idx, iv, gt);
      nanv = v128.or(nanv, f64x2.ne(x, x));
      idx = f64x2.add(idx, ld(K_TWO));
    }
    nan = v128.any_true(nanv);
    v128.store(LANE_MAX, mv);
    v128.store(LANE_INDEX, iv);
  }
  // The lanes' maxima merged (a lane that never exceeded −∞ has index −1), then the scalar tail.
  let best = -Infinity;
  let bestIndex = -1;
  const lanes: i32 = f32 ? 4 : 2;
  for (let k = 0; k < lanes; k++) {
    const v = f32 ? <f64>load<f32>(LANE_MAX + (<usize>k << 2)) : load<f64>(LANE_MAX + (<usize>k << 3));
    const at = f32 ? load<i32>(LANE_INDEX + (<usize>k << 2)) : <i32>load<f64>(LANE_INDEX + (<usize>k << 3));
    if (at >= 0 && (v > best || (v == best && at < bestIndex))) {
      best = v;
      bestIndex = at;
    }
  }
  for (; i < n; i++) {
    const x = s * (f32 ? <f64>load<f32>(src + (<usize>i << 2)) : load<f64>(src + (<usize>i << 3)));
    if (x > best) {
      best = x;
      bestIndex = i;
    } else if (x != x) nan = true;
  }
  store<f64>(MAX_STATE, nan ? NaN : best);
  store<f64>(MAX_STATE, <f64>bestIndex, 8);
}

/** maxPass over float64 inputs. */
export function softmaxMax_f64(src: usize, n: i32, s: f64): void {
  maxPass(src, n, s, false);
}

/** maxPass over float32 inputs (s·x exact in float32 too: s is ±1). */
export function softmaxMax_f32(src: usize, n: i32, s: f64): void {
  maxPass(src, n, s, true);
}

/** [sum lane 0, sum lane 1, compensation lane 0, compensation lane 1] (float64). */
const SUM_STATE = memory.data(32, 16);

/** Where the running sums live; the caller zeroes them before a vector's first chunk and reads them after its last. */
export function sumState(): usize {
  return SUM_STATE;
}

const K_LANE_INDEX = memory.data<f64>([0.0, 1.0], 16);
const K_FOUR = memory.data<f64>([4.0, 4.0], 16);
const K_EIGHT = memory.data<f64>([8.0, 8.0], 16);

/** e_i = e^(d_i)·(1 + lo_i) with d_i = x_i − m rounded and lo_i its rounding error (TwoSum); 0 where d_i = −∞. */
@inline function expTerm(x: v128, mv: v128, negM: v128): v128 {
  const d = f64x2.sub(x, mv);
  const bb = f64x2.sub(d, x);
  const lo = f64x2.add(f64x2.sub(x, f64x2.sub(d, bb)), f64x2.sub(negM, bb));
  const ex = vexp(d, true);
  return sel(c2(0.0), f64x2.add(ex, f64x2.mul(ex, lo)), f64x2.eq(d, ld(K_NEG_INF)));
}

/**
 * expSum over `n` inputs at `src` (float64, or float32 when `f32`), times `s` (1, or −1 for softmin):
 * e_i stored at `dst` when `store`; the e_i of every index but k (and not those of the lanes past n)
 * added to the lane sums in SUM_STATE. `f32` and `store` are compile-time flags.
 */
@inline function expSum(src: usize, dst: usize, n: i32, s: f64, m: f64, k: f64, f32: bool, store: bool): void {
  const sv = c2(s);
  const mv = c2(m);
  const negM = c2(-m);
  const kv = c2(k);
  const nv = c2(<f64>n);
  let idx = ld(K_LANE_INDEX);
  let sum = v128.load(SUM_STATE);
  let comp = v128.load(SUM_STATE, 16);
  // Four vectors per iteration: their exponentials are independent long dependency chains, which the
  // CPU overlaps only when they sit side by side (V8 does not interleave iterations by itself). The
  // terms still go into the sums one vector at a time, in index order, so the sums are the same
  // doubles as one vector per iteration (and as the TypeScript loops). Up to 6 lanes past n are
  // read and stored: the buffer has room (see src/kernels/wasm.ts), and their terms are masked out.
  for (let i = 0; i < n; i += 8) {
    const e0 = expTerm(f64x2.mul(sv, loadPair(src, i, f32)), mv, negM);
    const e1 = expTerm(f64x2.mul(sv, loadPair(src, i + 2, f32)), mv, negM);
    const e2 = expTerm(f64x2.mul(sv, loadPair(src, i + 4, f32)), mv, negM);
    const e3 = expTerm(f64x2.mul(sv, loadPair(src, i + 6, f32)), mv, negM);
    if (store) {
      const o = dst + (<usize>i << 3);
      v128.store(o, e0);
      v128.store(o, e1, 16);
      v128.store(o, e2, 32);
      v128.store(o, e3, 48);
    }
    // Into the sums one vector at a time, in index order (TwoSum, Knuth: sum + s exactly = t + err).
    const s0 = summand(e0, idx, kv, nv);
    const s1 = summand(e1, f64x2.add(idx, ld(K_TWO)), kv, nv);
    const s2 = summand(e2, f64x2.add(idx, ld(K_FOUR)), kv, nv);
    const s3 = summand(e3, f64x2.add(idx, ld(K_SIX)), kv, nv);
    comp = f64x2.add(comp, twoSumError(sum, s0));
    sum = f64x2.add(sum, s0);
    comp = f64x2.add(comp, twoSumError(sum, s1));
    sum = f64x2.add(sum, s1);
    comp = f64x2.add(comp, twoSumError(sum, s2));
    sum = f64x2.add(sum, s2);
    comp = f64x2.add(comp, twoSumError(sum, s3));
    sum = f64x2.add(sum, s3);
    idx = f64x2.add(idx, ld(K_EIGHT));
  }
  v128.store(SUM_STATE, sum);
  v128.store(SUM_STATE, comp, 16);
}

/** The e_i of a vector as terms of the sum: 0 in the lanes of index k and of indices past n. */
@inline function summand(e: v128, idx: v128, kv: v128, nv: v128): v128 {
  return v128.andnot(e, v128.or(f64x2.eq(idx, kv), f64x2.ge(idx, nv)));
}

/** TwoSum's error of sum + s: with t = fl(sum + s), sum + s = t + the result exactly. */
@inline function twoSumError(sum: v128, s: v128): v128 {
  const t = f64x2.add(sum, s);
  const tv = f64x2.sub(t, sum);
  return f64x2.add(f64x2.sub(sum, f64x2.sub(t, tv)), f64x2.sub(s, tv));
}

/** Elements i and i + 1 at `src` as float64 lanes (float32 inputs promoted). */
@inline function loadPair(src: usize, i: i32, f32: bool): v128 {
  return f32 ? f64x2.promote_low_f32x4(v128.load64_zero(src + (<usize>i << 2))) : v128.load(src + (<usize>i << 3));
}

/** expSum64 over float64 inputs; `store` false: the sums only (log-softmax). */
export function softmaxExp_f64(src: usize, dst: usize, n: i32, s: f64, m: f64, k: f64, store: bool): void {
  if (store) expSum(src, dst, n, s, m, k, false, true);
  else expSum(src, dst, n, s, m, k, false, false);
}

/** expSum32: float32 inputs at `src`, the e_i (float64) at `dst`. */
export function softmaxExp_f32(src: usize, dst: usize, n: i32, s: f64, m: f64, k: f64, store: bool): void {
  if (store) expSum(src, dst, n, s, m, k, true, true);
  else expSum(src, dst, n, s, m, k, true, false);
}

/** softmaxOf's last loop, in place on `n` float64 at `ptr`: q = e/t, q − q·c. */
export function softmaxScale_f64(ptr: usize, n: i32, t: f64, c: f64): void {
  const tv = c2(t);
  const cv = c2(c);
  for (let i = 0; i < n; i += 4) {
    const a = ptr + (<usize>i << 3);
    const q0 = f64x2.div(v128.load(a), tv);
    const q1 = f64x2.div(v128.load(a, 16), tv);
    v128.store(a, f64x2.sub(q0, f64x2.mul(q0, cv)));
    v128.store(a, f64x2.sub(q1, f64x2.mul(q1, cv)), 16);
  }
}

@inline function logOutVec(x: v128, mv: v128, negM: v128, lt: v128): v128 {
  const d = f64x2.sub(x, mv);
  const bb = f64x2.sub(d, x);
  const lo = f64x2.add(f64x2.sub(x, f64x2.sub(d, bb)), f64x2.sub(negM, bb));
  return sel(ld(K_NEG_INF), f64x2.add(f64x2.sub(d, lt), lo), f64x2.eq(d, ld(K_NEG_INF)));
}

/** logOut64: out_i = d_i − logTotal + lo_i (−∞ where d_i = −∞), float64 inputs at `src`. */
export function logOut_f64(src: usize, dst: usize, n: i32, m: f64, logTotal: f64): void {
  const mv = c2(m);
  const negM = c2(-m);
  const lt = c2(logTotal);
  for (let i = 0; i < n; i += 2) {
    const o = <usize>i << 3;
    v128.store(dst + o, logOutVec(v128.load(src + o), mv, negM, lt));
  }
}

/** logOut32: float32 inputs at `src`, float64 outputs at `dst`. */
export function logOut_f32(src: usize, dst: usize, n: i32, m: f64, logTotal: f64): void {
  const mv = c2(m);
  const negM = c2(-m);
  const lt = c2(logTotal);
  for (let i = 0; i < n; i += 2) {
    const x = f64x2.promote_low_f32x4(v128.load64_zero(src + (<usize>i << 2)));
    v128.store(dst + (<usize>i << 3), logOutVec(x, mv, negM, lt));
  }
}
