/**
 * src/math/libm.ts, the module's elementary functions (plain arithmetic, the same double in every
 * engine). exp, expm1, log, log1p, tanh, sin, cos and hypot promise Node 20's Math.* bit for bit
 * (fdlibm, as V8 11.3 implements it), so that the committed experiment results stay valid: checked
 * on random bit patterns, dense ranges, every branch edge and its neighbours, and the special values
 * (NaN, ±∞, ±0, subnormals, overflow and underflow edges), also against their IEEE values. pow is
 * stdlib's (Node 20's ** is not fdlibm's): within 1 ulp of the correctly rounded value, computed
 * exactly with BigInt, and the special values of ECMAScript's Number::exponentiate.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cos, exp, expm1, hypot, log, log1p, log1pUnit, pow, sin, tanh } from '../src/math/libm.js';
import { SPECIAL_DOUBLES, assertSame, mismatches, rng, show, ulpDistance, ulpStep } from './helpers/numeric.js';

/** The contract is Node 20's V8 (11.3): another engine's Math is not the reference. */
const NODE_20 = process.versions.v8.startsWith('11.3.');
const skipUnlessNode20 = NODE_20 ? false : `the reference is Node 20's Math (V8 11.3), this is V8 ${process.versions.v8}`;

const dv = new DataView(new ArrayBuffer(8));
function fromWords(hi: number, lo: number): number {
  dv.setUint32(0, hi >>> 0);
  dv.setUint32(4, lo >>> 0);
  return dv.getFloat64(0);
}

const SQRT2M1_AROUND = 0.4142135623730950488017;

/** x and its 3 neighbours on each side, both signs. */
function around(xs: readonly number[]): number[] {
  const out: number[] = [];
  for (const x of xs) for (let k = -3; k <= 3; k++) for (const s of [1, -1]) out.push(s * ulpStep(x, k));
  return out;
}

/** fdlibm's branch edges (as high words) and the thresholds of each function. */
const EDGES = around([
  fromWords(0x3e300000, 0), // 2^−28
  fromWords(0x3c900000, 0), // 2^−54
  fromWords(0x3e400000, 0), // 2^−27
  fromWords(0x3fd62e43, 0), // 0.5·ln 2
  fromWords(0x3ff0a2b2, 0), // 1.5·ln 2
  fromWords(0x4043687a, 0), // 56·ln 2
  fromWords(0x40862e42, 0),
  7.09782712893383973096e2, // exp's overflow threshold
  -7.4513321910194110842e2, // exp's underflow threshold
  -708.3964185322641, // e^x subnormal below
  fromWords(0x3fd33333, 0), // cos kernel: 0.3
  fromWords(0x3fe90000, 0), // cos kernel: 0.78125
  fromWords(0x3fe921fb, 0), // π/4
  fromWords(0x3ff921fb, 0), // π/2
  fromWords(0x4002d97c, 0), // 3π/4
  fromWords(0x413921fb, 0), // 2^19·π/2
  0.25,
  0.5,
  1,
  2,
  22,
  Math.PI / 4,
  Math.PI / 2,
  Math.PI,
  (3 * Math.PI) / 2,
  2 * Math.PI,
  1e22,
]);

function* randomInputs(seed: number, n: number): Generator<number> {
  const r = rng(seed);
  for (let i = 0; i < n; i++) {
    switch (i & 3) {
      case 0:
        yield (r() - 0.5) * 80; // the activations' range
        break;
      case 1:
        yield (r() - 0.5) * 1500; // up to exp's overflow and underflow
        break;
      case 2:
        yield (r() < 0.5 ? -1 : 1) * 2 ** (r() * 80 - 60) * (1 + r()); // many binades, tiny to large
        break;
      default:
        dv.setUint32(0, (r() * 2 ** 32) >>> 0);
        dv.setUint32(4, (r() * 2 ** 32) >>> 0);
        yield dv.getFloat64(0); // any bit pattern
    }
  }
}

const UNARY: readonly [string, (x: number) => number, (x: number) => number][] = [
  ['exp', exp, Math.exp],
  ['expm1', expm1, Math.expm1],
  ['log', log, Math.log],
  ['log1p', log1p, Math.log1p],
  ['tanh', tanh, Math.tanh],
  ['sin', sin, Math.sin],
  ['cos', cos, Math.cos],
];

describe("bit for bit Node 20's Math", { skip: skipUnlessNode20 }, () => {
  for (const [name, mine, node] of UNARY) {
    it(`${name}: special values, every branch edge, 400 000 random inputs`, () => {
      assert.deepEqual(mismatches([...SPECIAL_DOUBLES, ...EDGES], mine, node), []);
      assert.deepEqual(mismatches(randomInputs(name.length * 7919, 400_000), mine, node), []);
    });
  }

  it('log1pUnit (log1p on [0, 1]): its edges, 1 − 2^−53 (1 + x rounds to 2), e^−t for 400 000 t, 400 000 uniform x', () => {
    const r = rng(23);
    const xs = [0, NaN, 1, ulpStep(1, -1), ulpStep(1, -2), 1.9999971389770508 - 1, 0.4142135623730950488017, 1.862645149230957e-9, 5.551115123125783e-17];
    const edges = around(xs.filter((x) => x > 0 && x < 1)).filter((x) => x >= 0 && x <= 1);
    for (let i = 0; i < 400_000; i++) xs.push(Math.exp(-r() * 750), r());
    for (let i = 0; i < 100_000; i++) xs.push(1 - r() * 2 ** -18, SQRT2M1_AROUND + (r() - 0.5) * 1e-9);
    assert.deepEqual(mismatches([...xs, ...edges], log1pUnit, Math.log1p), []);
  });

  it('log1p: where fdlibm compares high words (k = 0 for −0.29289 < x < 0.41422), densely', () => {
    const r = rng(29);
    const xs = around([
      fromWords(0x3fda827a, 0),
      fromWords(0xbfd2bec4, 0),
      fromWords(0xbfd2bec5, 0),
      fromWords(0xbfd2bec3, 0),
      SQRT2M1_AROUND,
      1 - Math.SQRT1_2,
    ]);
    for (let i = 0; i < 100_000; i++) xs.push(SQRT2M1_AROUND + r() * 2e-6, -(1 - Math.SQRT1_2) - r() * 2e-6, -0.29289321881345254 + (r() - 0.5) * 1e-7);
    assert.deepEqual(mismatches(xs, log1p, Math.log1p), []);
  });

  it('sin, cos: near multiples of π/2 (where the reduction cancels) and huge arguments (Payne–Hanek)', () => {
    const r = rng(17);
    const xs: number[] = [];
    for (let i = 0; i < 100_000; i++) xs.push(Math.round(r() * 2000) * (Math.PI / 2) * (1 + (r() - 0.5) * 1e-14));
    for (let i = 0; i < 100_000; i++) xs.push(2 ** (19 + r() * 1000) * (1 + r()));
    assert.deepEqual(mismatches(xs, sin, Math.sin), []);
    assert.deepEqual(mismatches(xs, cos, Math.cos), []);
  });

  it('hypot: special values, random pairs (normal, any bit pattern, subnormal)', () => {
    const r = rng(5);
    const bad: string[] = [];
    const check = (a: number, b: number) => {
      if (!Object.is(hypot(a, b), Math.hypot(a, b)) && bad.length < 8) bad.push(`${show(a)}, ${show(b)}`);
    };
    for (const a of SPECIAL_DOUBLES) for (const b of SPECIAL_DOUBLES) check(a, b);
    const bits = randomInputs(3, 200_000)[Symbol.iterator]();
    for (let i = 0; i < 100_000; i++) {
      check((r() - 0.5) * 20, (r() - 0.5) * 20);
      check(bits.next().value!, bits.next().value!);
      check(r() * 1e-310, r() * 1e-300);
    }
    assert.deepEqual(bad, []);
  });
});

describe('special values (IEEE 754 and ECMAScript), in any engine', () => {
  it('exp', () => {
    assertSame(exp(NaN), NaN, 'exp(NaN)');
    assertSame(exp(Infinity), Infinity, 'exp(+∞)');
    assertSame(exp(-Infinity), 0, 'exp(−∞)');
    assertSame(exp(0), 1, 'exp(0)');
    assertSame(exp(-0), 1, 'exp(−0)');
    assertSame(exp(5e-324), 1, 'exp(tiny)');
    assertSame(exp(1), Math.E, 'exp(1)');
    assert.ok(Number.isFinite(exp(7.09782712893383973096e2)), 'exp(o_threshold) is finite');
    assertSame(exp(ulpStep(7.09782712893383973096e2, 1)), Infinity, 'exp above o_threshold');
    assertSame(exp(-7.4513321910194110842e2), 5e-324, 'exp(u_threshold) is the smallest subnormal');
    assertSame(exp(ulpStep(-7.4513321910194110842e2, -1)), 0, 'exp below u_threshold');
  });
  it('expm1', () => {
    assertSame(expm1(NaN), NaN, 'expm1(NaN)');
    assertSame(expm1(Infinity), Infinity, 'expm1(+∞)');
    assertSame(expm1(-Infinity), -1, 'expm1(−∞)');
    assertSame(expm1(-0), -0, 'expm1(−0)');
    assertSame(expm1(5e-324), 5e-324, 'expm1(subnormal)');
    assertSame(expm1(-40), -1, 'expm1(−40)');
    assert.ok(Number.isFinite(expm1(7.09782712893383973096e2)), 'expm1(o_threshold) is finite (k = 1024)');
    assertSame(expm1(ulpStep(7.09782712893383973096e2, 1)), Infinity, 'expm1 above o_threshold');
  });
  it('log, log1p', () => {
    assertSame(log(0), -Infinity, 'log(0)');
    assertSame(log(-0), -Infinity, 'log(−0)');
    assertSame(log(-1), NaN, 'log(−1)');
    assertSame(log(1), 0, 'log(1)');
    assertSame(log(Infinity), Infinity, 'log(+∞)');
    assertSame(log(NaN), NaN, 'log(NaN)');
    assertSame(log(5e-324), -744.4400719213812, 'log(smallest subnormal)');
    assertSame(log1p(-1), -Infinity, 'log1p(−1)');
    assertSame(log1p(-2), NaN, 'log1p(−2)');
    assertSame(log1p(-0), -0, 'log1p(−0)');
    assertSame(log1p(5e-324), 5e-324, 'log1p(subnormal)');
    assertSame(log1p(Infinity), Infinity, 'log1p(+∞)');
  });
  it('tanh', () => {
    assertSame(tanh(NaN), NaN, 'tanh(NaN)');
    assertSame(tanh(Infinity), 1, 'tanh(+∞)');
    assertSame(tanh(-Infinity), -1, 'tanh(−∞)');
    assertSame(tanh(-0), -0, 'tanh(−0)');
    assertSame(tanh(5e-324), 5e-324, 'tanh(subnormal)');
    assertSame(tanh(22), 1, 'tanh(22)');
    assertSame(tanh(-22), -1, 'tanh(−22)');
    assertSame(tanh(1e-9), 1e-9, 'tanh below 2^−28 is x');
  });
  it('sin, cos', () => {
    for (const x of [NaN, Infinity, -Infinity]) {
      assertSame(sin(x), NaN, `sin(${x})`);
      assertSame(cos(x), NaN, `cos(${x})`);
    }
    assertSame(sin(-0), -0, 'sin(−0)');
    assertSame(sin(5e-324), 5e-324, 'sin(subnormal)');
    assertSame(cos(-0), 1, 'cos(−0)');
    assertSame(cos(5e-324), 1, 'cos(subnormal)');
    assertSame(sin(Math.PI), 1.2246467991473532e-16, 'sin(π) is π − fl(π)');
    assertSame(cos(Math.PI), -1, 'cos(π)');
    assertSame(sin(1e22), -0.8522008497671888, 'sin(1e22) (Payne–Hanek)');
  });
  it('hypot', () => {
    assertSame(hypot(Infinity, NaN), Infinity, 'hypot(∞, NaN)');
    assertSame(hypot(NaN, -Infinity), Infinity, 'hypot(NaN, −∞)');
    assertSame(hypot(NaN, 1), NaN, 'hypot(NaN, 1)');
    assertSame(hypot(-0, 0), 0, 'hypot(−0, 0)');
    assertSame(hypot(3, -4), 5, 'hypot(3, −4)');
    assertSame(hypot(1e300, 1e300), 1.4142135623730952e300, 'no overflow');
  });
  it('pow', () => {
    assertSame(pow(NaN, 0), 1, 'NaN ** 0');
    assertSame(pow(1, NaN), NaN, '1 ** NaN');
    assertSame(pow(1, Infinity), NaN, '1 ** ∞');
    assertSame(pow(-1, -Infinity), NaN, '(−1) ** −∞');
    assertSame(pow(0.5, Infinity), 0, '0.5 ** ∞');
    assertSame(pow(2, -Infinity), 0, '2 ** −∞');
    assertSame(pow(-0, -3), -Infinity, '(−0) ** −3');
    assertSame(pow(-0, 3), -0, '(−0) ** 3');
    assertSame(pow(-0, 0.5), 0, '(−0) ** 0.5');
    assertSame(pow(-8, 1 / 3), NaN, '(−8) ** (1/3)');
    assertSame(pow(-2, 3), -8, '(−2) ** 3');
    assertSame(pow(-Infinity, 3), -Infinity, '(−∞) ** 3');
    assertSame(pow(-Infinity, -2), 0, '(−∞) ** −2');
    assertSame(pow(2, 1024), Infinity, '2 ** 1024');
    assertSame(pow(2, -1074), 5e-324, '2 ** −1074');
    assertSame(pow(2, -1075), 0, '2 ** −1075');
    assertSame(pow(10, 2), 100, '10 ** 2');
    assertSame(pow(4, 0.5), 2, '4 ** 0.5');
    assertSame(pow(-Infinity, 0.5), Infinity, '(−∞) ** 0.5');
    // Every case ECMAScript's Number::exponentiate defines exactly (an operand NaN, ±0 or ±∞, or a base ±1) is the spec's value.
    const values = [NaN, 0, -0, Infinity, -Infinity, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 0.25, 5e-324, -5e-324, 1e308, -1e308];
    const special = (v: number) => v !== v || v === 0 || !Number.isFinite(v);
    for (const a of values) {
      for (const b of values) if (special(a) || special(b) || a === 1 || a === -1) assertSame(pow(a, b), spec(a, b), `${show(a)} ** ${show(b)}`);
    }
  });
});

/** Number::exponentiate (ECMA-262 §6.1.6.1.3) for its exactly defined cases. */
function spec(base: number, exponent: number): number {
  if (exponent !== exponent) return NaN;
  if (exponent === 0) return 1;
  if (base !== base) return NaN;
  const oddInteger = Number.isInteger(exponent) && Math.abs(exponent % 2) === 1;
  if (base === Infinity) return exponent > 0 ? Infinity : 0;
  if (base === -Infinity) return exponent > 0 ? (oddInteger ? -Infinity : Infinity) : oddInteger ? -0 : 0;
  if (Object.is(base, 0)) return exponent > 0 ? 0 : Infinity;
  if (Object.is(base, -0)) return exponent > 0 ? (oddInteger ? -0 : 0) : oddInteger ? -Infinity : Infinity;
  if (exponent === Infinity) return Math.abs(base) > 1 ? Infinity : Math.abs(base) === 1 ? NaN : 0;
  if (exponent === -Infinity) return Math.abs(base) > 1 ? 0 : Math.abs(base) === 1 ? NaN : Infinity;
  if (base === 1) return 1;
  if (base === -1) return Number.isInteger(exponent) ? (oddInteger ? -1 : 1) : NaN;
  throw new Error(`not an exactly defined case: ${base} ** ${exponent}`);
}

/** The double nearest to num/den·2^s (num, den > 0), for a normal result: round half to even. */
function roundRational(num: bigint, den: bigint, s: number): number {
  const k = 56 - (num.toString(2).length - den.toString(2).length);
  const n = k >= 0 ? num << BigInt(k) : num;
  const d = k >= 0 ? den : den << BigInt(-k);
  const q = n / d;
  const sticky = n % d !== 0n;
  const drop = BigInt(q.toString(2).length - 53);
  let keep = q >> drop;
  const rest = q & ((1n << drop) - 1n);
  const half = 1n << (drop - 1n);
  if (rest > half || (rest === half && (sticky || (keep & 1n) === 1n))) keep += 1n;
  const e = Number(drop) - k + s;
  return Number(keep) * 2 ** Math.trunc(e / 2) * 2 ** (e - Math.trunc(e / 2));
}

/** b^t exactly rounded, b > 0 finite, t an integer. */
function exactPow(b: number, t: number): number {
  dv.setFloat64(0, b);
  const hi = dv.getUint32(0);
  const lo = dv.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  const mantissa = biased === 0 ? m : m | (1n << 52n);
  const e = (biased === 0 ? 1 : biased) - 1075;
  const p = mantissa ** BigInt(Math.abs(t));
  return t >= 0 ? roundRational(p, 1n, e * t) : roundRational(1n, p, -e * Math.abs(t));
}

describe('pow: within 1 ulp of the correctly rounded value', () => {
  it('the reference rounds correctly (powers of 2 and 10, halfway cases)', () => {
    assertSame(exactPow(2, 10), 1024, '2^10');
    assertSame(exactPow(10, 22), 1e22, '10^22');
    assertSame(exactPow(10, 23), 1e23, '10^23 (not a double: rounded)');
    assertSame(exactPow(10, -5), 1e-5, '10^−5');
    assertSame(exactPow(1 + 2 ** -52, 2), 1 + 2 ** -51, '(1 + ε)² = 1 + 2ε + ε², rounded down');
    assertSame(exactPow(0.9, 1), 0.9, '0.9^1');
  });

  it("Adam's bias corrections β^t (β = 0.9, 0.999, 0.99): every t up to 1000, samples up to 100 000; and random bases and integer exponents", () => {
    const bad: string[] = [];
    let worst = 0;
    const check = (b: number, t: number) => {
      const want = exactPow(b, t);
      if (!(Math.abs(want) > 2.2250738585072014e-308 && Math.abs(want) < 1e308)) return;
      const d = ulpDistance(pow(b, t), want);
      worst = Math.max(worst, d);
      if (d > 1 && bad.length < 8) bad.push(`${b} ** ${t}: ${show(pow(b, t))}, correctly rounded ${show(want)}`);
    };
    const r = rng(11);
    for (const b of [0.9, 0.999, 0.99]) {
      for (let t = 1; t <= 1000; t++) check(b, t);
      for (let i = 0; i < 30; i++) check(b, 1000 + Math.floor(r() * 99_000));
    }
    for (let i = 0; i < 3000; i++) check(0.25 + r() * 4, Math.round((r() - 0.5) * 200));
    assert.deepEqual(bad, []);
    assert.ok(worst <= 1);
  });
});
