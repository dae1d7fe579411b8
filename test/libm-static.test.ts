/**
 * No engine transcendental on the module's numeric path: every Math.exp, Math.log, Math.sin, …
 * (and every ** whose exponent may be fractional) in src/ must go through src/math/libm.ts, whose
 * functions are plain arithmetic and return the same double in every engine, since the engines'
 * own differ in the last bit (Node 20's V8 and Chromium 156's on up to 10% of arguments). The
 * TypeScript compiler parses each file; the allow-list below says where an engine function is fine.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Math's functions whose result an engine only approximates (ECMAScript: "implementation-approximated"). */
const APPROXIMATED = new Set([
  'exp',
  'expm1',
  'log',
  'log1p',
  'log2',
  'log10',
  'pow',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'cbrt',
  'hypot',
]);

/**
 * Where an engine function stays, and why. Whole files: display code, whose numbers become tick
 * positions and labels on a chart, never a value the module returns. Functions: by name within a
 * file. Every activation's `baseline` property (the bench's textbook loop, which measures what the
 * plain Math formula costs, and is never called by `forward`, `derivative` or `map`) is allowed too.
 */
const ALLOWED_FILES: Record<string, string> = {
  'src/plot/svg.ts': 'tick positions and labels of the SVG charts (Math.log10, 10 ** k)',
  'src/plot/figure.ts': 'the log axis range handed to Plotly (Math.log10)',
};
const ALLOWED_FUNCTIONS: Record<string, { readonly names: readonly string[]; readonly why: string }> = {
  'src/activations/gelu.ts': { names: ['erfAS'], why: 'the erf of the bench baseline (Abramowitz & Stegun), used by `baseline` only' },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** An integer written as a literal (2, −1, 1e3): x ** it is a product of x's, never approximated. */
function integerLiteral(node: ts.Expression): boolean {
  let e: ts.Expression = node;
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  if (ts.isPrefixUnaryExpression(e) && (e.operator === ts.SyntaxKind.MinusToken || e.operator === ts.SyntaxKind.PlusToken)) e = e.operand;
  return ts.isNumericLiteral(e) && Number.isInteger(Number(e.text));
}

function isLiteral(node: ts.Expression, value: number): boolean {
  return ts.isNumericLiteral(node) && Number(node.text) === value;
}

/** Each engine transcendental in `text` outside the allowed places, as `file:line: code`. */
export function findApproximated(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const allowedFunctions = ALLOWED_FUNCTIONS[file]?.names ?? [];
  const found: string[] = [];
  const report = (node: ts.Node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${file}:${line + 1}: ${node.getText().slice(0, 80)}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'baseline') return;
    if (ts.isFunctionDeclaration(node) && node.name && allowedFunctions.includes(node.name.text)) return;
    if (ts.isPropertyAccessExpression(node) && node.expression.getText() === 'Math' && APPROXIMATED.has(node.name.text)) report(node);
    // x ** y: an integer literal exponent is exact arithmetic, as is 2 ** n (a power of two for the integer n of such code).
    if (
      ts.isBinaryExpression(node) &&
      (node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken || node.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskEqualsToken) &&
      !integerLiteral(node.right) &&
      !isLiteral(node.left, 2)
    ) {
      report(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no engine transcendental on the numeric path of src/', () => {
  it('every Math.exp/log/sin/… and fractional ** in src/ is in an allowed place', () => {
    const found: string[] = [];
    for (const abs of sourceFiles(path.join(ROOT, 'src'))) {
      const file = path.relative(ROOT, abs).split(path.sep).join('/');
      if (file in ALLOWED_FILES) continue;
      found.push(...findApproximated(file, readFileSync(abs, 'utf8')));
    }
    assert.deepEqual(found, [], `use src/math/libm.ts instead:\n${found.join('\n')}`);
  });

  it('the check finds what it must and allows what it may', () => {
    const code = [
      'const a = Math.exp(x);',
      'const b = y ** t;',
      'const c = Math.sqrt(x) + Math.abs(x) + Math.trunc(x) + x ** 2 + x ** -1 + 2 ** n + Math.PI + Math.E;',
      'const d = { baseline: () => Math.tanh(x), forward: (x) => Math.log1p(x) };',
      'function erfAS(x) { return Math.exp(-x * x); }',
      'v **= 0.5;',
    ].join('\n');
    const found = findApproximated('src/activations/gelu.ts', code).map((f) => f.replace(/^[^:]*:/, ''));
    assert.deepEqual(found, ['1: Math.exp', '2: y ** t', '4: Math.log1p', '6: v **= 0.5']);
    // erfAS is allowed in gelu.ts only.
    assert.equal(findApproximated('src/activations/elu.ts', code).length, 5);
  });

  it('the allow-list names files and functions that exist', () => {
    for (const file of [...Object.keys(ALLOWED_FILES), ...Object.keys(ALLOWED_FUNCTIONS)]) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const name of ALLOWED_FUNCTIONS[file]?.names ?? []) assert.match(text, new RegExp(`function ${name}\\(`), `${file} has no function ${name}`);
    }
  });
});
