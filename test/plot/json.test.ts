import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, scriptSafeJson, shortHash, toPlainJson } from '../../src/plot/json.js';

test('toPlainJson turns typed arrays into plain arrays, also when nested', () => {
  const value = { x: new Float64Array([1, -0.5]), nested: [{ y: new Float32Array([0.25]) }], keep: 'text' };
  const plain = toPlainJson(value) as { x: unknown; nested: { y: unknown }[] };
  assert.ok(Array.isArray(plain.x), `x is ${Object.prototype.toString.call(plain.x)}`);
  assert.deepEqual(plain, { x: [1, -0.5], nested: [{ y: [0.25] }], keep: 'text' });
  assert.equal(JSON.stringify(toPlainJson(new Float64Array([3]))), '[3]');
});

test('toPlainJson drops undefined properties and functions, and keeps non-finite numbers for JSON to null', () => {
  const plain = toPlainJson({ a: undefined, b: () => 1, c: NaN, d: [undefined] });
  assert.deepEqual(Object.keys(plain as object), ['c', 'd']);
  assert.equal(JSON.stringify(plain), '{"c":null,"d":[null]}');
});

test('scriptSafeJson escapes every character that could end a script element or break older parsers', () => {
  const nasty = { title: '</script><script>alert(1)</script> & <!-- \u2028 \u2029 >' };
  const text = scriptSafeJson(nasty);
  for (const bad of ['<', '>', '&', '\u2028', '\u2029']) {
    assert.ok(!text.includes(bad), `found ${JSON.stringify(bad)} in ${text}`);
  }
  assert.deepEqual(JSON.parse(text), nasty);
  // The same text is also a JavaScript expression with the same value.
  assert.deepEqual(new Function(`return ${text};`)(), nasty);
});

test('escapeHtml escapes markup and quotes', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
});

test('shortHash is stable, 8 hex digits, and differs for different texts', () => {
  assert.match(shortHash('Sigmoid Activation'), /^[0-9a-f]{8}$/);
  assert.equal(shortHash('abc'), shortHash('abc'));
  assert.notEqual(shortHash('abc'), shortHash('abd'));
  // FNV-1a of the empty string is its offset basis.
  assert.equal(shortHash(''), '811c9dc5');
});
