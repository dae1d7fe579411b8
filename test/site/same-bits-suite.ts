/**
 * The module in headless Chromium returns the same doubles as in Node, bit for bit: every function of
 * the registry (its defaults, and its parameters off their defaults), `forward`, `derivative`, `map`
 * with the WebAssembly kernels and with the TypeScript ones, over a grid with the special values
 * (NaN, ±∞, ±0, subnormals, the overflow edges) and every kernel's branch region; the softmax family;
 * and src/math/libm.ts itself. Chromium's own Math.exp, Math.sin, … differ from Node's in the last bit
 * on a few per cent of arguments (reported below): the module must not use them on its numeric path.
 * The module is bundled from src/ by esbuild, as a site's bundler would, and run in a blank page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { activationIds, activations } from '../../src/registry.js';
import { setKernelMode } from '../../src/kernels/wasm.js';
import { logSoftmax, softmax, softmin } from '../../src/vector/softmax.js';
import * as libm from '../../src/math/libm.js';
import { SPECIAL_DOUBLES } from '../helpers/numeric.js';
import { offDefault } from '../helpers/playground.js';
import { ROOT, launchBrowser, type Browser } from './helpers.js';

/** The inputs: special values, the edges where the kernels branch, a dense range, random values over many binades. */
function grid(): number[] {
  const xs = [...SPECIAL_DOUBLES];
  xs.push(
    709.782712893384,
    709.7827128933841,
    -745.1332191019411,
    -745.1332191019412,
    -708.4,
    -700.0000000000001,
    -1500,
    1416,
    22,
    -22,
    20,
    20.000000000000004,
    1,
    -1,
  );
  xs.push(0.34657359123229976, 0.3465735912322998, 1.0397205352783203, 38.81622314453125, 3.725290298461914e-9, -3.725290298461914e-9, 1e-300, -1e-300);
  for (let i = 0; i <= 2000; i++) xs.push(-40 + i * 0.04);
  let s = 0x9e3779b9;
  for (let i = 0; i < 2000; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const u = s / 2 ** 32;
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    xs.push((u < 0.5 ? -1 : 1) * 2 ** ((s / 2 ** 32) * 24 - 14) * (1 + u));
  }
  return xs;
}

/** What the page and Node both compute, as one flat list of doubles, and its labels (for the messages). */
const ENTRY = `
import { activationIds, activations } from './src/registry.ts';
import { setKernelMode, wasmKernelsReady } from './src/kernels/wasm.ts';
import { logSoftmax, softmax, softmin } from './src/vector/softmax.ts';
import * as libm from './src/math/libm.ts';
globalThis.sameBits = async (xs, choices, libmNames) => {
  setKernelMode('wasm');
  for (let i = 0; i < 400 && !wasmKernelsReady(); i++) await new Promise((r) => setTimeout(r, 25));
  return { ready: wasmKernelsReady(), values: compute(xs, choices, libmNames, { activations, setKernelMode, softmax, logSoftmax, softmin, libm }), mathExp: xs.map((x) => Math.exp(x)), mathSin: xs.map((x) => Math.sin(x)) };
};
${compute.toString()}
`;

interface Choice {
  readonly id: string;
  readonly params: Record<string, unknown>;
}

interface Module {
  readonly activations: Record<
    string,
    { forward(x: number, p?: object): number; derivative(x: number, p?: object): number; map(xs: Float64Array, p?: object): Float64Array }
  >;
  setKernelMode(mode: 'wasm' | 'ts'): unknown;
  readonly softmax: (xs: ArrayLike<number>) => Float64Array;
  readonly logSoftmax: (xs: ArrayLike<number>) => Float64Array;
  readonly softmin: (xs: ArrayLike<number>) => Float64Array;
  readonly libm: Record<string, (...args: number[]) => number>;
}

/**
 * Runs in the page (its source is put into the bundle) and in Node: for each choice forward,
 * derivative, map (WebAssembly), map (TypeScript) over xs; softmax, logSoftmax, softmin of the finite
 * xs; each libm function over xs (pow and hypot over pairs of them). Returns [label, values] pairs.
 */
function compute(xs: number[], choices: readonly Choice[], libmNames: readonly string[], m: Module): [string, number[]][] {
  const out: [string, number[]][] = [];
  const arr = new Float64Array(xs);
  for (const c of choices) {
    const a = m.activations[c.id]!;
    out.push([`${c.id} ${JSON.stringify(c.params)} forward`, xs.map((x) => a.forward(x, c.params))]);
    out.push([`${c.id} ${JSON.stringify(c.params)} derivative`, xs.map((x) => a.derivative(x, c.params))]);
    m.setKernelMode('wasm');
    out.push([`${c.id} ${JSON.stringify(c.params)} map (WebAssembly)`, Array.from(a.map(arr, c.params))]);
    m.setKernelMode('ts');
    out.push([`${c.id} ${JSON.stringify(c.params)} map (TypeScript)`, Array.from(a.map(arr, c.params))]);
  }
  const finite = xs.filter((x) => Number.isFinite(x) && Math.abs(x) < 800);
  for (const mode of ['wasm', 'ts'] as const) {
    m.setKernelMode(mode);
    for (const [name, f] of [
      ['softmax', m.softmax],
      ['logSoftmax', m.logSoftmax],
      ['softmin', m.softmin],
    ] as const) {
      out.push([`${name} (${mode})`, Array.from(f(finite))]);
    }
  }
  for (const name of libmNames) {
    const f = m.libm[name]!;
    if (name === 'pow' || name === 'hypot') out.push([`libm.${name}`, xs.map((x, i) => f(Math.abs(xs[(i * 7919) % xs.length]!) % 4, x / 8))]);
    else out.push([`libm.${name}`, xs.map((x) => f(x))]);
  }
  return out;
}

const LIBM = ['exp', 'expm1', 'log', 'log1p', 'tanh', 'sin', 'cos', 'hypot', 'pow'];
const choices: Choice[] = activationIds.flatMap((id) => {
  const off = offDefault(id);
  const defaults = activations[id]!.resolveParams();
  return JSON.stringify(off.params) === JSON.stringify(defaults)
    ? [{ id, params: {} }]
    : [
        { id, params: {} },
        { id, params: off.params },
      ];
});

let browser: Browser;
let page: Awaited<ReturnType<Browser['context']['newPage']>>;
before(async () => {
  browser = await launchBrowser();
  page = await browser.context.newPage();
});
after(async () => {
  setKernelMode('auto');
  await browser?.close();
});

const same = (a: number, b: number) => Object.is(a, b) || (a !== a && b !== b);

describe('the module in Chromium: the same bits as in Node', () => {
  test('forward = map (WebAssembly and TypeScript) in Chromium, and forward, derivative, map, softmax and libm equal Node’s, for every function of the registry', async (t) => {
    const bundle = await build({
      stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    await page.goto('about:blank');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text, type: 'module' });
    await page.waitForFunction(() => typeof (globalThis as { sameBits?: unknown }).sameBits === 'function');
    const xs = grid();
    const inPage = (await page.evaluate(([x, c, l]) => (globalThis as unknown as { sameBits(...a: unknown[]): Promise<unknown> }).sameBits(x, c, l), [
      xs,
      choices,
      LIBM,
    ] as const)) as { ready: boolean; values: [string, number[]][]; mathExp: number[]; mathSin: number[] };
    assert.ok(inPage.ready, 'the WebAssembly kernels did not load in the page');
    const inNode = compute(xs, choices, LIBM, { activations, setKernelMode, softmax, logSoftmax, softmin, libm } as unknown as Module);
    setKernelMode('auto');

    // What Chromium's own Math does here (Node's is fdlibm): the reason for src/math/libm.ts.
    const differ = (v: number[], f: (x: number) => number) => v.filter((y, i) => !same(y, f(xs[i]!))).length;
    t.diagnostic(
      `Chromium's Math.exp differs from Node's on ${differ(inPage.mathExp, Math.exp)} of ${xs.length} inputs, Math.sin on ${differ(inPage.mathSin, Math.sin)}`,
    );

    const problems: string[] = [];
    const count = (label: string, a: number[], b: number[], what: string) => {
      assert.equal(a.length, b.length, `${label}: lengths`);
      const bad = a.flatMap((v, i) => (same(v, b[i]!) ? [] : [i]));
      if (bad.length > 0) problems.push(`${label}: ${what} on ${bad.length} of ${a.length} inputs, e.g. x = ${xs[bad[0]!]}: ${a[bad[0]!]} vs ${b[bad[0]!]}`);
    };
    assert.deepEqual(
      inPage.values.map(([l]) => l),
      inNode.map(([l]) => l),
    );
    inPage.values.forEach(([label, values], k) => {
      count(label, values, inNode[k]![1], 'Chromium ≠ Node');
      // Within the page: map (both kernels) = forward.
      if (label.endsWith(' map (WebAssembly)') || label.endsWith(' map (TypeScript)')) {
        const forward = inPage.values[k - (label.endsWith('(WebAssembly)') ? 2 : 3)]!;
        count(label, values, forward[1], `map ≠ forward (${forward[0]}) in Chromium`);
      }
    });
    assert.deepEqual(problems, []);
    t.diagnostic(`${inPage.values.length} series of ${xs.length} values, bit for bit`);
  });
});
