import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractMath, findMath } from '../../src/exporter/math.js';

/** [display, value] of each math span found. */
const maths = (source: string) => findMath(source).map((s) => [s.display ? 'display' : 'inline', s.value]);

test('inline math between single dollars is found, with its offsets', () => {
  assert.deepEqual(findMath('a $x^2$ b'), [{ start: 2, end: 7, display: false, value: 'x^2' }]);
});

test('prices are not math: "$5 or $10" and "$5, and $x$"', () => {
  assert.deepEqual(maths('It costs $5 or $10 a month.'), []);
  assert.deepEqual(maths('costs $5, and $x$ is math'), [['inline', 'x']]);
  assert.deepEqual(maths('$x$5 is not closed before a digit'), []);
});

test('a dollar followed by a space does not open math, and one after a space does not close it', () => {
  assert.deepEqual(maths('$ x$ and $x $'), []);
});

test('an escaped dollar is a dollar sign, an escaped backslash is not an escape of the dollar', () => {
  assert.deepEqual(maths('\\$x$ here'), []);
  assert.deepEqual(maths('\\\\$x$'), [['inline', 'x']]);
  assert.deepEqual(maths('$a \\$ b$'), [['inline', 'a \\$ b']]);
});

test('double dollars are display math, also on one line, and the LaTeX is kept as written', () => {
  assert.deepEqual(maths('$$x_1 \\\\ y_*$$'), [['display', 'x_1 \\\\ y_*']]);
  assert.deepEqual(maths('$$\n\\frac{a}{b}\n$$'), [['display', '\\frac{a}{b}']]);
  assert.deepEqual(maths('$$ $$'), []);
});

test('a bare \\begin{…}…\\end{…} environment is display math, whole, with nesting of the same name', () => {
  const source = 'x\n\\begin{equation}\na \\\\ b\n\\end{equation}\ny';
  assert.deepEqual(maths(source), [['display', '\\begin{equation}\na \\\\ b\n\\end{equation}']]);
  assert.deepEqual(maths('\\begin{matrix}\\begin{matrix}a\\end{matrix}\\end{matrix}'), [
    ['display', '\\begin{matrix}\\begin{matrix}a\\end{matrix}\\end{matrix}'],
  ]);
  assert.deepEqual(maths('\\begin{align*} a &= b \\end{align*}'), [['display', '\\begin{align*} a &= b \\end{align*}']]);
  assert.deepEqual(maths('\\begin{equation} never closed'), []);
});

test('math inside an environment inside $$ stays in the $$ span', () => {
  assert.deepEqual(maths('$$\\begin{cases} x & \\text{if } x > 0 \\\\ 0 & \\text{else} \\end{cases}$$'), [
    ['display', '\\begin{cases} x & \\text{if } x > 0 \\\\ 0 & \\text{else} \\end{cases}'],
  ]);
});

test('no math spans a blank line', () => {
  assert.deepEqual(maths('$a\n\nb$'), []);
  assert.deepEqual(maths('$$a\n  \nb$$'), []);
  assert.deepEqual(maths('$\\\n\n$$'), []);
  assert.deepEqual(maths('$a\nb$'), [['inline', 'a\nb']]);
});

test('code spans and code blocks never hold math', () => {
  assert.deepEqual(maths('`$x$` and $y$'), [['inline', 'y']]);
  assert.deepEqual(maths('```\n$$x$$\n```\n\n    $z$\n'), []);
  assert.deepEqual(maths('$a `b$` c$'), []);
});

test('extractMath replaces each span by a numbered placeholder of characters absent from the text', () => {
  const source = 'a $x$ b $$y$$ \uE000';
  const extracted = extractMath(source);
  assert.equal(extracted.open, '\uE001');
  assert.equal(extracted.close, '\uE002');
  assert.equal(extracted.text, 'a \uE0010\uE002 b \uE0011\uE002 \uE000');
  assert.deepEqual(
    extracted.spans.map((s) => s.value),
    ['x', 'y'],
  );
});
