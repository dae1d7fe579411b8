import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gelu } from '../../src/activations/gelu.js';
import type { Activation } from '../../src/types.js';

/** GELU's parameters as its type declares them ('none' | 'tanh'). */
type GeluParams = NonNullable<Parameters<typeof gelu.forward>[1]>;
/** GELU typed loosely, to pass values the types rule out and see the run-time checks reject them. */
const untypedGelu = gelu as unknown as Activation;
import { dec, show, ulp, ulp32, ulpError } from '../helpers/numeric.js';
import { loadFixture, paramSet } from '../helpers/reference.js';

type Row = [x: number, forward: number, derivative: number];
type Approximate = 'none' | 'tanh';

function assertSame(got: number, want: number, what: string): void {
  assert.ok(Object.is(got, want), `${what}: got ${show(got)}, expected ${show(want)}`);
}

/** Each row within `ulps` of mpmath (forward and derivative); zeros must match in sign. */
function checkRows(rows: Row[], approximate: Approximate, ulps: number): void {
  for (const [x, f, df] of rows) {
    for (const [what, got, want] of [
      ['forward', gelu.forward(x, { approximate }), f],
      ['derivative', gelu.derivative(x, { approximate }), df],
    ] as const) {
      if (want === 0) assertSame(got, want, `${what}(${show(x)}) [${approximate}]`);
      else {
        const err = ulpError(got, want);
        assert.ok(err <= ulps, `${what}(${show(x)}) [${approximate}]: got ${show(got)}, expected ${show(want)} (${err} ulps)`);
      }
    }
  }
}

// mpmath, 50 digits (test/fixtures/generate.py definitions): x·Φ(x) and Φ(x) + x·φ(x).
const EXACT: Row[] = [
  [5e-324, 0, 0.5],
  [-5e-324, -0, 0.5],
  [1e-300, 5e-301, 0.5],
  [-1e-300, -5e-301, 0.5],
  [-1e-8, -4.999999960105772e-9, 0.4999999920211544],
  [1e-8, 5.000000039894228e-9, 0.5000000079788456],
  [3, 2.99595030590511, 1.011945647204184],
  [10, 10, 1],
  [1e308, 1e308, 1],
  [-1e308, -0, -0],
  [-39, -0, -0],
];

// Where PyTorch's x·½·(1 + erf(x/√2)) cancels: it returns −0 at −10 and −4.884981308350689e−15 at −8.
const EXACT_TAIL: Row[] = [
  [-3, -0.0040496940948902835, -0.011945647204183927],
  [-3.5, -0.0008142017766243376, -0.002821760353624635],
  [-5, -1.4332578593959695e-6, -7.146946001792295e-6],
  [-8, -4.976768459417427e-15, -3.979607261086796e-14],
  [-10, -7.619853024160526e-23, -7.618400096464814e-22],
  [-20, -5.507248237212468e-88, -1.1014360483133464e-86],
  [-30, -1.472014178144456e-196, -4.416031690708495e-195],
  [-35, -3.937187472653422e-267, -1.378013786291136e-265],
  [-37.5, -1.7270073785932332e-306, -6.476271143055812e-305],
];

// Subnormal results: the error is counted in units of 2^−1074.
const EXACT_SUBNORMAL: Row[] = [
  [-38, -1.096462777e-314, -4.1665545693e-313],
  [-38.5, -5.4e-323, -2.085e-321],
];

// mpmath: ½x(1 + tanh(√(2/π)(x + 0.044715x³))) with the decimal 0.044715, and its derivative.
const TANH: Row[] = [
  [5e-324, 0, 0.5],
  [-1e-300, -5e-301, 0.5],
  [-1e-8, -4.999999960105772e-9, 0.4999999920211544],
  [3, 2.996362607918227, 1.0115841666309697],
  [10, 10, 1],
  [1e308, 1e308, 1],
  [-1e308, -0, -0],
  [-22, -0, -0],
];

// PyTorch's tanh formula returns −0 from about x = −5.6 on (1 + tanh u rounds to 0).
const TANH_TAIL: Row[] = [
  [-3, -0.003637392081773019, -0.011584166630969726],
  [-3.5, -0.0006161976553736633, -0.002422643760116431],
  [-5, -2.291796196629506e-7, -1.5463619875325946e-6],
  [-5.6, -2.6609359949271367e-9, -2.1634098299669982e-8],
  [-8, -3.1077829375011112e-21, -4.7147845041068414e-20],
  [-10, -1.204092348209806e-37, -2.7576380638540315e-36],
  [-15, -1.5584769937274055e-114, -7.744633769500767e-113],
  [-20, -3.3754509563109673e-261, -2.9424328724945027e-259],
  [-21, -6.016648487631484e-301, -5.773008639270406e-299],
];

// mpmath (50 digits): [form, x, the exact value rounded to double, the rest in ulps of it]. Points
// where a random sample found the forward beyond 3 ulps while it rounded every step of the
// Gaussian tail (exact form, x < −30) or of x·t/(1 + t) (tanh form, x < 0), and the edges of the
// forms that replaced those steps (fl(x²) = 1416, e^(−w) subnormal at w = 700).
const FEW_ROUNDINGS: [Approximate, number, number, number][] = [
  ['none', -33.27639959996395, -1.4102720903773148e-241, -0.0685],
  ['none', -33.171153229661286, -4.654682611698742e-240, -0.3302],
  ['none', -37.608982109930366, -2.8828998671717066e-308, -0.1453],
  ['tanh', -4.917583116880746, -3.9672226743132573e-7, 0.1415],
  ['tanh', -5.392583540640771, -1.3645205411220363e-8, 0.3324],
  ['tanh', -21.098787267692387, -4.4027364641426764e-305, -0.0979],
  ['tanh', -21.170852344483137, -4.0053675177793284e-308, 0.2892],
  ['tanh', -1.3647869692649692, -0.11782372644457743, -0.4409],
];

test('gelu forward stays within Math.exp’s error and the roundings it keeps, in the Gaussian tail and the tanh form’s x < 0', () => {
  // Math.exp is within 1 ulp. The exact form below x = −30 (and the tanh form beyond w = 700) carries
  // every other rounding error along: 1 ulp plus one rounding. The tanh form's x·e/(1 + e) keeps its
  // two roundings and corrects the rest: 1 ulp plus three roundings.
  const bad: string[] = [];
  for (const [approximate, x, e, r] of FEW_ROUNDINGS) {
    const got = gelu.forward(x, { approximate });
    const err = ulpError(got, e, r);
    const allowed = approximate === 'none' || x < -21 ? 1.5 : 2.5;
    if (!(err <= allowed)) bad.push(`forward(${show(x)}) [${approximate}]: got ${show(got)}, exact ${show(e)} (${err.toFixed(2)} ulps)`);
  }
  assert.deepEqual(bad, []);
});

test('gelu propagates NaN through forward and derivative, both forms', () => {
  for (const approximate of ['none', 'tanh'] as const) {
    assertSame(gelu.forward(NaN, { approximate }), NaN, `forward(NaN) [${approximate}]`);
    assertSame(gelu.derivative(NaN, { approximate }), NaN, `derivative(NaN) [${approximate}]`);
  }
});

test('gelu gives ∞ at ∞ and the limit −0 at −∞ (PyTorch: NaN), and autograd’s NaN derivative at ±∞', () => {
  for (const approximate of ['none', 'tanh'] as const) {
    assertSame(gelu.forward(Infinity, { approximate }), Infinity, `forward(∞) [${approximate}]`);
    assertSame(gelu.forward(-Infinity, { approximate }), -0, `forward(−∞) [${approximate}]`);
    // PyTorch 1.13: x·pdf is ∞·0 in gelu_backward, so autograd returns NaN at both infinities.
    assertSame(gelu.derivative(Infinity, { approximate }), NaN, `derivative(∞) [${approximate}]`);
    assertSame(gelu.derivative(-Infinity, { approximate }), NaN, `derivative(−∞) [${approximate}]`);
  }
});

test('gelu keeps the sign of zero and has slope 1/2 there', () => {
  for (const approximate of ['none', 'tanh'] as const) {
    assertSame(gelu.forward(0, { approximate }), 0, 'forward(0)');
    assertSame(gelu.forward(-0, { approximate }), -0, 'forward(−0)');
    assertSame(gelu.derivative(0, { approximate }), 0.5, 'derivative(0)');
    assertSame(gelu.derivative(-0, { approximate }), 0.5, 'derivative(−0)');
  }
});

test('exact gelu matches mpmath at subnormal, tiny, large and huge inputs', () => {
  checkRows(EXACT, 'none', 1);
});

test('exact gelu stays within 2 ulps for x < −3, where PyTorch’s 1 + erf cancels', () => {
  checkRows(EXACT_TAIL, 'none', 2);
});

test('exact gelu is within 1 subnormal step of mpmath where its value is subnormal', () => {
  for (const [x, f, df] of EXACT_SUBNORMAL) {
    const got = gelu.forward(x);
    const dgot = gelu.derivative(x);
    assert.ok(Math.abs(got - f) <= 2 ** -1074, `forward(${x}): got ${got}, expected ${f}`);
    assert.ok(Math.abs(dgot - df) <= 2 ** -1074, `derivative(${x}): got ${dgot}, expected ${df}`);
  }
});

test('tanh gelu matches mpmath at subnormal, tiny, large and huge inputs', () => {
  checkRows(TANH, 'tanh', 1);
});

test('tanh gelu stays within 2 ulps for x < −3, where PyTorch’s 1 + tanh cancels', () => {
  checkRows(TANH_TAIL, 'tanh', 2);
});

test('gelu’s minimum is the documented range minimum, with the derivative crossing zero there', () => {
  // mpmath: argmin −0.75179152469356445…, value −0.16997120747990366; tanh form −0.7524614220710163….
  const { min } = gelu.properties.range;
  const xm = -0.7517915246935645;
  assert.ok(ulpError(gelu.forward(xm), min) <= 1, `forward(${xm}) = ${gelu.forward(xm)}, range min ${min}`);
  assert.ok(Math.abs(gelu.derivative(xm)) < 1e-16, `derivative at the minimum ${gelu.derivative(xm)}`);
  assert.ok(gelu.derivative(-0.76) < 0 && gelu.derivative(-0.74) > 0);
  for (let x = -5; x <= 1; x += 1 / 1024) assert.ok(gelu.forward(x) >= min, `forward(${x}) below the range minimum`);
  const xt = -0.7524614220710163;
  assert.ok(ulpError(gelu.forward(xt, { approximate: 'tanh' }), -0.17004075057125406) <= 1);
  assert.ok(Math.abs(gelu.derivative(xt, { approximate: 'tanh' })) < 1e-16);
});

test('gelu rejects an unknown approximation with a RangeError naming it, and a non-string with a TypeError', () => {
  assert.throws(
    () => untypedGelu.forward(1, { approximate: 'sigmoid' }),
    (e: unknown) => e instanceof RangeError && /approximate/.test(e.message) && /sigmoid/.test(e.message),
  );
  assert.throws(() => untypedGelu.derivative(1, { approximate: 'Tanh' }), RangeError);
  assert.throws(() => untypedGelu.map(new Float64Array(2), { approximate: '' }), RangeError);
  assert.throws(() => untypedGelu.forward(1, { approximate: 1 as unknown as string }), TypeError);
  assert.throws(
    () => untypedGelu.forward(1, { alpha: 1 }),
    (e: unknown) => e instanceof TypeError && /alpha/.test(e.message),
  );
});

test('gelu’s worked examples are within 2 ulps of the code', () => {
  for (const ex of gelu.examples) {
    const p = ex.params as GeluParams | undefined;
    assert.ok(ulpError(gelu.forward(ex.x, p), ex.forward) <= 2, `example forward(${ex.x})`);
    if (ex.derivative !== undefined) assert.ok(ulpError(gelu.derivative(ex.x, p), ex.derivative) <= 2, `example derivative(${ex.x})`);
  }
});

test('gelu.map returns the array type it is given, fills out, works in place and equals forward', () => {
  const xs = [-40, -10, -3.5, -1, -0, 0, 0.5, 3, 1e308, NaN, -Infinity, Infinity];
  for (const approximate of ['none', 'tanh'] as const) {
    const f64 = Float64Array.from(xs);
    const y64 = gelu.map(f64, { approximate });
    assert.ok(y64 instanceof Float64Array && y64 !== f64);
    y64.forEach((y, i) => assertSame(y, gelu.forward(xs[i]!, { approximate }), `map[${i}]`));
    const f32 = Float32Array.from(xs);
    const y32 = gelu.map(f32, { approximate });
    assert.ok(y32 instanceof Float32Array);
    y32.forEach((y, i) => assertSame(y, Math.fround(gelu.forward(f32[i]!, { approximate })), `map f32[${i}]`));
    const out = new Float64Array(xs.length);
    assert.equal(gelu.map(f64, { approximate }, out), out);
    const inPlace = Float64Array.from(xs);
    gelu.map(inPlace, { approximate }, inPlace);
    inPlace.forEach((y, i) => assertSame(y, y64[i]!, `in place [${i}]`));
    const d = gelu.mapDerivative(f64, { approximate });
    d.forEach((y, i) => assertSame(y, gelu.derivative(xs[i]!, { approximate }), `mapDerivative[${i}]`));
  }
  assert.throws(() => gelu.map(new Float64Array(3), {}, new Float32Array(3) as unknown as Float64Array), TypeError);
  assert.throws(() => gelu.map(new Float64Array(3), {}, new Float64Array(2)), RangeError);
});

const fixture = loadFixture('gelu.json');

for (const approximate of ['none', 'tanh'] as const) {
  test(`gelu(${approximate}) is within 3 ulps of mpmath over the ${paramSet(fixture, { approximate }).cases.length} fixture inputs`, () => {
    // Measured (test/accuracy.test.ts): exact form forward ≤ 2.48 ulps, derivative ≤ 2.73 ulps; tanh
    // form forward ≤ 1.72, derivative ≤ 1.58 (3.66 at x = −1.677 before its double-double form).
    // Within 4 Newton steps of the derivative's zero an absolute 2⁻⁵²·|x·f″(x)| is allowed on top.
    const bad: string[] = [];
    for (const [xe, f, rf, df, rdf, extra = {}] of paramSet(fixture, { approximate }).cases) {
      const x = dec(xe);
      if (!Number.isFinite(x)) continue; // non-finite inputs are tested by name above
      for (const [what, got, e, r, z] of [
        ['forward', gelu.forward(x, { approximate }), dec(f), rf, extra.zf],
        ['derivative', gelu.derivative(x, { approximate }), dec(df), rdf, extra.zdf],
      ] as const) {
        const allowed = 3 + (z ? (2 * 2 ** -53 * z) / ulp(e) : 0);
        const err = e === 0 && got === 0 ? 0 : ulpError(got, e, r);
        if (!(err <= allowed)) bad.push(`${what}(${show(x)}): got ${show(got)}, expected ${show(e)} (${err} ulps)`);
      }
    }
    assert.deepEqual(bad, []);
  });
}

test('gelu over a Float32Array is within 1 float32 ulp of the exact value rounded to float32', () => {
  for (const set of fixture.float32) {
    const xs = Float32Array.from(set.cases, (c) => dec(c[0]));
    const ys = gelu.map(xs, set.params as GeluParams);
    set.cases.forEach(([, ye], i) => {
      const e = dec(ye);
      const err = Number.isFinite(e) ? Math.abs(ys[i]! - e) / ulp32(e) : Object.is(ys[i], e) ? 0 : Infinity;
      assert.ok(err <= 1, `x=${xs[i]} [${set.params.approximate}]: got ${ys[i]}, expected ${e}`);
    });
  }
});
