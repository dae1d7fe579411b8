import assert from 'node:assert/strict';
import { test } from 'node:test';
import { THEMES, lineFigure, type LineChart, type Theme } from '../../src/plot/figure.js';
import { chartSvg, type SvgOptions } from '../../src/plot/svg.js';

// ---- A strict little XML reader: enough to prove well-formedness and to query the SVG. ----

interface El {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: (El | string)[];
}

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function decode(raw: string, where: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`bare & in ${where}: ${raw.slice(0, 80)}`);
  if (raw.includes('<')) throw new Error(`raw < in ${where}`);
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return raw.replace(ENTITY, (_, e: string) => named[e] ?? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))));
}

/** Parses `xml`, throwing on anything not well-formed (bad nesting, unquoted or repeated attributes, bare & or <). */
function parseXml(xml: string): El {
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z][\w:.-]*="[^"]*")*)\s*(\/?)>|([^<]+)/y;
  const stack: El[] = [{ name: '#document', attrs: {}, children: [] }];
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at ${at}: ${xml.slice(at, at + 60)}`);
    const [, close, name, rawAttrs, selfClose, text] = m;
    const parent = stack[stack.length - 1]!;
    if (text !== undefined) {
      if (stack.length === 1 && text.trim()) throw new Error('text outside the root element');
      parent.children.push(decode(text, 'text'));
    } else if (close) {
      if (rawAttrs || selfClose) throw new Error(`bad end tag </${name}>`);
      if (parent.name !== name) throw new Error(`</${name}> closes <${parent.name}>`);
      stack.pop();
    } else {
      const attrs: Record<string, string> = {};
      for (const [, k, v] of rawAttrs!.matchAll(/([A-Za-z][\w:.-]*)="([^"]*)"/g)) {
        if (k! in attrs) throw new Error(`repeated attribute ${k} on <${name}>`);
        attrs[k!] = decode(v!, `attribute ${k}`);
      }
      const el: El = { name: name!, attrs, children: [] };
      if (stack.length === 1 && parent.children.some((c) => typeof c !== 'string')) throw new Error('two root elements');
      parent.children.push(el);
      if (!selfClose) stack.push(el);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  const root = stack[0]!.children.find((c): c is El => typeof c !== 'string');
  if (!root) throw new Error('no root element');
  return root;
}

function all(el: El, pred: (e: El) => boolean, out: El[] = []): El[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (pred(c)) out.push(c);
    all(c, pred, out);
  }
  return out;
}
const textOf = (el: El): string => el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
const classes = (el: El) => (el.attrs.class ?? '').split(/\s+/).filter(Boolean);
const byClass = (root: El, cls: string) => all(root, (e) => classes(e).includes(cls));

/** The subpaths of a path's d, as [x, y] points (M/L commands, as d3's line writes them). */
function subpaths(d: string): [number, number][][] {
  return d
    .split('M')
    .filter(Boolean)
    .map((part) => part.split('L').map((p) => p.split(',').map(Number) as [number, number]));
}

/** The marker dots of a trace: its `af-markers` path, one zero-length `Mx,yh0` stroke per point. */
function markerDots(trace: El): [number, number][] {
  const paths = all(trace, (e) => e.attrs.class === 'af-markers');
  if (paths.length === 0) return [];
  assert.equal(paths.length, 1, 'one marker path per trace');
  const d = paths[0]!.attrs.d!;
  assert.match(d, /^(M-?[\d.]+,-?[\d.]+h0)+$/, 'markers are zero-length strokes');
  return [...d.matchAll(/M(-?[\d.]+),(-?[\d.]+)h0/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** The dark theme's declarations for a class, read from the SVG's one <style>. */
function darkRule(root: El, cls: string, selector = "[data-theme='dark']"): Record<string, string> {
  const styles = all(root, (e) => e.name === 'style');
  assert.equal(styles.length, 1, 'one <style> element');
  const rules = [...textOf(styles[0]!).matchAll(/([^{}]+)\{([^}]*)\}/g)];
  const rule = rules.find(([, sel]) => sel!.trim() === `${selector} .af-chart .${cls}`);
  assert.ok(rule, `a dark rule for .${cls} scoped under ${selector} .af-chart`);
  return Object.fromEntries(rule[2]!.split(';').map((decl) => decl.split(':') as [string, string]));
}

function plotBox(root: El) {
  const rect = all(root, (e) => e.name === 'clipPath')[0]!.children.find((c): c is El => typeof c !== 'string')!;
  const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(rect.attrs[k]));
  return { left: x!, top: y!, right: x! + w!, bottom: y! + h! };
}

const yLabels = (root: El, box: ReturnType<typeof plotBox>) =>
  all(root, (e) => e.name === 'text' && e.attrs['text-anchor'] === 'end' && Number(e.attrs.x) < box.left).map(textOf);
const xLabels = (root: El, box: ReturnType<typeof plotBox>) =>
  all(root, (e) => e.name === 'text' && !e.attrs['font-size'] && Number(e.attrs.y) > box.bottom && Number(e.attrs.y) < box.bottom + 30).map(textOf);
const number = (label: string) => Number(label.replace('\u2212', '-'));

const opts: SvgOptions = { label: 'A chart', description: 'What it shows', idPrefix: 'c1' };
const xs = Array.from({ length: 101 }, (_, i) => -5 + i / 10);
const chart = (lines: LineChart['lines'], extra: Partial<LineChart> = {}): LineChart => ({ title: 'T', xTitle: 'Input', yTitle: 'Output', ...extra, lines });
const manyLines = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `line ${i}`, x: xs, y: xs.map((x) => Math.tanh(x) * (1 + i / n)) }));

test('the SVG is well-formed XML with escaped text and an accessible name and description', () => {
  const name = `Tom & "Jerry's" <b>`;
  const svg = chartSvg(chart([{ name, x: [0, 1], y: [0, 1] }], { title: name }), { ...opts, label: `Label ${name}`, description: `Desc ${name}` });
  assert.doesNotMatch(svg, /<b>|NaN|undefined|Infinity/);
  const root = parseXml(svg);
  assert.equal(root.name, 'svg');
  assert.equal(root.attrs.xmlns, 'http://www.w3.org/2000/svg');
  assert.equal(root.attrs.role, 'img');
  assert.equal(root.attrs.class, 'af-chart');
  assert.equal(root.attrs.width, '100%');
  assert.match(root.attrs.viewBox!, /^0 0 640 420$/);
  const title = all(root, (e) => e.name === 'title');
  const desc = all(root, (e) => e.name === 'desc');
  assert.equal(title.length, 1);
  assert.equal(desc.length, 1);
  assert.equal(textOf(title[0]!), `Label ${name}`);
  assert.equal(textOf(desc[0]!), `Desc ${name}`);
  assert.equal(root.attrs['aria-labelledby'], title[0]!.attrs.id);
  assert.equal(root.attrs['aria-describedby'], desc[0]!.attrs.id);
  // Everything drawn is hidden from screen readers, which read the title and description only.
  const drawn = root.children.filter((c): c is El => typeof c !== 'string' && !['title', 'desc', 'style', 'defs'].includes(c.name));
  assert.deepEqual(
    drawn.map((e) => e.attrs['aria-hidden']),
    ['true'],
  );
  const texts = all(drawn[0]!, (e) => e.name === 'text').map(textOf);
  assert.ok(texts.filter((t) => t === name).length === 2, 'the chart title and the legend name, unescaped after parsing');
  assert.equal(byClass(root, 'af-trace')[0]!.attrs['data-name'], name);
});

test("one trace group per line, in lineFigure's colours for both themes and its dashes after the colours run out", () => {
  for (const n of [1, 3, 12]) {
    const c = chart(manyLines(n));
    const root = parseXml(chartSvg(c, opts));
    const groups = byClass(root, 'af-trace');
    assert.equal(groups.length, n);
    for (const theme of ['light', 'dark'] as Theme[]) {
      const figure = lineFigure(c, { theme });
      groups.forEach((g, i) => {
        const colourClass = classes(g).find((k) => k !== 'af-trace')!;
        const colour = theme === 'light' ? g.attrs.stroke : darkRule(root, colourClass).stroke;
        assert.equal(colour, figure.data[i]!.line.color, `${theme} colour of line ${i} of ${n}`);
        if (theme === 'dark') assert.equal(darkRule(root, colourClass).fill, figure.data[i]!.line.color);
      });
    }
    const dashes = groups.map((g) => all(g, (e) => e.name === 'path')[0]!.attrs['stroke-dasharray']);
    const expected = lineFigure(c).data.map((t) => ({ solid: undefined, dash: '9 9', dot: '3 3', dashdot: '9 3 3 3' })[t.line.dash]);
    assert.deepEqual(dashes, expected);
  }
});

test('the themed parts carry light colours as attributes and dark ones in scoped rules, for any dark selector', () => {
  const root = parseXml(chartSvg(chart(manyLines(2)), { ...opts, darkSelector: 'html.dark > body' }));
  const parts = {
    'af-paper': { fill: 'paper' },
    'af-grid': { stroke: 'grid' },
    'af-axis': { stroke: 'axis' },
    'af-text': { fill: 'font' },
    'af-legend-bg': { fill: 'legendBg', stroke: 'grid' },
  } as const;
  for (const [cls, paint] of Object.entries(parts)) {
    const [el] = byClass(root, cls);
    assert.ok(el, `an element of class ${cls}`);
    const rule = darkRule(root, cls, 'html.dark > body');
    for (const [prop, key] of Object.entries(paint)) {
      assert.equal(el.attrs[prop], THEMES.light[key], `${cls} ${prop} (light)`);
      assert.equal(rule[prop], THEMES.dark[key], `${cls} ${prop} (dark)`);
    }
  }
  // Every text sits in the themed text group, so the dark rule reaches it.
  const text = byClass(root, 'af-text')[0]!;
  assert.equal(all(root, (e) => e.name === 'text').length, all(text, (e) => e.name === 'text').length);
});

test('a missing or infinite value breaks the line into two subpaths, and the traces are clipped', () => {
  for (const bad of [NaN, Infinity, -Infinity]) {
    const y = xs.map((x) => x * x);
    y[50] = bad;
    const root = parseXml(chartSvg(chart([{ name: 'gap', x: xs, y }]), opts));
    const d = all(byClass(root, 'af-trace')[0]!, (e) => e.name === 'path')[0]!.attrs.d!;
    const parts = subpaths(d);
    assert.equal(parts.length, 2, `y = ${bad} at the middle splits the path: ${d.slice(0, 60)}…`);
    assert.ok(parts[0]!.at(-1)![0] < parts[1]![0]![0], 'the gap is between the two subpaths');
    const clip = all(root, (e) => e.name === 'clipPath')[0]!;
    assert.equal(all(root, (e) => e.attrs['clip-path'] === `url(#${clip.attrs.id})`).length, 1);
  }
});

test('a log axis has power-of-ten labels, drops y <= 0, and spans the positive data', () => {
  const x = [0, 1, 2, 3, 4, 5, 6];
  const y = [1, 1e-5, 0, 1e-10, 1e-15, -1, 1e-20];
  const root = parseXml(chartSvg(chart([{ name: 'tail', x, y, mode: 'lines+markers' }], { yType: 'log' }), opts));
  const box = plotBox(root);
  const labels = yLabels(root, box);
  assert.ok(labels.length >= 4, labels.join(' '));
  for (const label of labels) assert.match(label, /^(1|10|10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/);
  assert.ok(labels.includes('1') && labels.some((l) => l.startsWith('10⁻')), labels.join(' '));
  const trace = byClass(root, 'af-trace')[0]!;
  const parts = subpaths(all(trace, (e) => e.name === 'path')[0]!.attrs.d!);
  assert.deepEqual(
    parts.map((p) => p.length),
    [2, 2],
    'x 0–1 and 3–4 join; 0 and −1 break the line; x 6 stands alone',
  );
  const dots = markerDots(trace);
  assert.equal(dots.length, 5, 'a marker for each positive value');
  // 1e-20 is the lowest value: its marker lies inside the plot, above the bottom edge (5% padding).
  const cys = dots.map(([, y]) => y);
  assert.ok(Math.max(...cys) < box.bottom && Math.max(...cys) > box.bottom - 0.1 * (box.bottom - box.top));
});

test('a log axis over a few decades labels 2 and 5 between the powers, in smaller digits, as Plotly does', () => {
  const root = parseXml(chartSvg(chart([{ name: 'p', x: [0, 1], y: [1, 1000] }], { yType: 'log' }), opts));
  const box = plotBox(root);
  assert.deepEqual(yLabels(root, box), ['1', '2', '5', '10', '2', '5', '10²', '2', '5', '10³']);
  const sizes = all(root, (e) => e.name === 'text' && e.attrs['text-anchor'] === 'end').map((e) => Number(e.attrs['font-size']));
  assert.ok(sizes[1]! < 13 && sizes[0]! > 13, `digits smaller than the 13 px font, powers larger: ${sizes.join(' ')}`);
});

test('yRange wins over the data: the labels lie inside it and its ends are the plot edges', () => {
  const y = xs.map((x) => 10 * x);
  const root = parseXml(chartSvg(chart([{ name: 'steep', x: xs, y }], { yRange: [-2, 2] }), opts));
  const box = plotBox(root);
  const values = yLabels(root, box).map(number);
  assert.deepEqual(values, [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]);
  const grid = byClass(root, 'af-grid')[0]!.attrs.d!;
  assert.match(grid, new RegExp(`M${box.left},${(box.top + box.bottom) / 2}H`), 'the 0 grid line halves the plot');
  const log = parseXml(chartSvg(chart([{ name: 'p', x: [0, 1], y: [1e-3, 1] }], { yType: 'log', yRange: [1e-8, 10] }), opts));
  // Nine decades: a power of ten every second decade (Plotly's log dtick 2), from the range's lower end.
  assert.deepEqual(yLabels(log, plotBox(log)), ['10⁻⁸', '10⁻⁶', '10⁻⁴', '10⁻²', '1']);
});

test('a short integer x span gets a tick per integer; a long one does not', () => {
  const classes10 = Array.from({ length: 10 }, (_, i) => i);
  const root = parseXml(chartSvg(chart([{ name: 'p', x: classes10, y: classes10.map((i) => 1 / (1 + i)), mode: 'markers' }]), opts));
  assert.deepEqual(xLabels(root, plotBox(root)), classes10.map(String));
  const steps = [0, 250, 500, 750, 1000];
  const long = parseXml(chartSvg(chart([{ name: 'loss', x: steps, y: [4, 3, 2, 1.5, 1] }]), opts));
  assert.deepEqual(xLabels(long, plotBox(long)), ['0', '200', '400', '600', '800', '1000']);
  const fine = parseXml(chartSvg(chart([{ name: 's', x: [0, 0.5, 1], y: [0, 1, 0] }]), opts));
  assert.deepEqual(xLabels(fine, plotBox(fine)), ['0', '0.2', '0.4', '0.6', '0.8', '1']);
});

test("'below' puts every name in rows under the plot and makes the viewBox taller", () => {
  for (const n of [2, 22]) {
    const c = chart(manyLines(n));
    const svg = chartSvg(c, { ...opts, legend: 'below' });
    const root = parseXml(svg);
    const [, , width, height] = root.attrs.viewBox!.split(' ').map(Number);
    assert.equal(width, 640);
    assert.ok(height! > 420, `height ${height}`);
    const box = plotBox(root);
    const legend = byClass(root, 'af-legend-bg')[0]!;
    const legendTop = Number(legend.attrs.y);
    assert.ok(legendTop > box.bottom + 40, 'under the x-axis title');
    assert.ok(legendTop + Number(legend.attrs.height) <= height!, 'inside the viewBox');
    assert.ok(Number(legend.attrs.x) >= 0 && Number(legend.attrs.x) + Number(legend.attrs.width) <= width!);
    const names = all(root, (e) => e.name === 'text' && Number(e.attrs.y) > legendTop);
    assert.deepEqual(
      names.map(textOf),
      c.lines.map((l) => l.name),
    );
    const rows = new Set(names.map((e) => e.attrs.y)).size;
    assert.equal(rows > 1, n === 22, `${n} names in ${rows} rows`);
  }
});

test('past 8 lines the legend goes right of a narrower plot and the height follows lineFigure', () => {
  const eight = parseXml(chartSvg(chart(manyLines(8)), opts));
  const eightBox = plotBox(eight);
  assert.ok(Number(byClass(eight, 'af-legend-bg')[0]!.attrs.x) < eightBox.right, 'inside, upper left');
  assert.equal(eight.attrs.viewBox, '0 0 640 420');
  const c = chart(manyLines(22));
  const root = parseXml(chartSvg(c, opts));
  const height = (lineFigure(c).layout as { height?: number }).height;
  assert.equal(height, 582);
  assert.equal(root.attrs.viewBox, `0 0 640 ${height}`);
  const box = plotBox(root);
  assert.ok(box.right < eightBox.right - 80, 'the plot makes room for the legend');
  const legend = byClass(root, 'af-legend-bg')[0]!;
  assert.ok(Number(legend.attrs.x) > box.right && Number(legend.attrs.x) + Number(legend.attrs.width) <= 640);
  assert.equal(byClass(root, 'af-key').length, 22);
});

test("marker modes draw circles (6 px across), 'lines+markers' a line as well, and so do their legend keys", () => {
  const x = [0, 1, 2, 3];
  const y = [1, NaN, 2, 3];
  const root = parseXml(
    chartSvg(
      chart([
        { name: 'm', x, y, mode: 'markers' },
        { name: 'lm', x, y: y.map((v) => v * 2), mode: 'lines+markers' },
      ]),
      opts,
    ),
  );
  const [m, lm] = byClass(root, 'af-trace');
  const lines = (t: El) => all(t, (e) => e.name === 'path' && e.attrs.class !== 'af-markers');
  assert.equal(lines(m!).length, 0);
  // A dot per point: a zero-length stroke with round caps, 6 px wide.
  const markers = all(m!, (e) => e.attrs.class === 'af-markers');
  assert.equal(markers.length, 1);
  assert.equal(markers[0]!.attrs['stroke-width'], '6');
  assert.equal(markers[0]!.attrs['stroke-linecap'], 'round');
  assert.deepEqual(
    markerDots(m!).map(([x]) => x),
    [...new Set(markerDots(m!).map(([x]) => x))],
    'one dot per point',
  );
  assert.equal(markerDots(m!).length, 3);
  assert.equal(lines(lm!).length, 1);
  assert.equal(markerDots(lm!).length, 3);
  const keys = byClass(root, 'af-key');
  assert.deepEqual(
    keys.map((k) => all(k, (e) => e.name === 'circle').length),
    [1, 1],
  );
  assert.deepEqual(
    keys.map((k) => all(k, (e) => e.name === 'path').length),
    [0, 1],
  );
});

test('data map monotonically onto the plot: min and max x at its edges, larger y higher up', () => {
  const root = parseXml(chartSvg(chart([{ name: 'up', x: xs, y: xs.map((x) => x ** 3) }]), opts));
  const box = plotBox(root);
  const [points] = subpaths(all(byClass(root, 'af-trace')[0]!, (e) => e.name === 'path')[0]!.attrs.d!);
  assert.equal(points![0]![0], box.left, 'min x at the left edge');
  assert.equal(points!.at(-1)![0], box.right, 'max x at the right edge');
  for (let i = 1; i < points!.length; i++) {
    assert.ok(points![i]![0] > points![i - 1]![0], 'x increases');
    assert.ok(points![i]![1] < points![i - 1]![1], 'y increases upwards');
  }
  // 5% padding: the extremes are inside the plot, not on its edges.
  assert.ok(points![0]![1] < box.bottom && points!.at(-1)![1] > box.top);
});

test('a simplified line stays within a fraction of a pixel of every point, and a straight one keeps its ends', () => {
  const root = parseXml(chartSvg(chart([{ name: 's', x: xs, y: xs.map((x) => 1 / (1 + Math.exp(-x))), mode: 'lines+markers' }]), opts));
  const trace = byClass(root, 'af-trace')[0]!;
  const [line] = subpaths(all(trace, (e) => e.name === 'path' && e.attrs.class !== 'af-markers')[0]!.attrs.d!);
  const circles = markerDots(trace);
  assert.equal(circles.length, xs.length);
  assert.ok(line!.length < xs.length / 2, `${line!.length} of ${xs.length} points kept`);
  const distance = ([px, py]: readonly [number, number]) =>
    Math.min(
      ...line!.slice(1).map(([bx, by], i) => {
        const [ax, ay] = line![i]!;
        const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2 || 1)));
        return Math.hypot(px - ax - t * (bx - ax), py - ay - t * (by - ay));
      }),
    );
  for (const c of circles) assert.ok(distance(c) <= 0.35, `point ${c} is ${distance(c).toFixed(2)} px off the line`);
  const straight = parseXml(chartSvg(chart([{ name: 'id', x: xs, y: xs }]), opts));
  const d = all(byClass(straight, 'af-trace')[0]!, (e) => e.name === 'path')[0]!.attrs.d!;
  assert.equal(subpaths(d)[0]!.length, 2, d);
});

test('constant data get a non-zero span, and numbers are written to 0.1 px', () => {
  const svg = chartSvg(chart([{ name: 'flat', x: [0, 1, 2], y: [0.5, 0.5, 0.5] }]), opts);
  const root = parseXml(svg);
  const values = yLabels(root, plotBox(root)).map(number);
  assert.ok(values.length >= 3 && values[0]! < 0.5 && values.at(-1)! > 0.5, values.join(' '));
  for (const n of svg.replace(/rgba\([^)]*\)/g, '').matchAll(/-?\d+\.(\d+)/g)) assert.ok(n[1]!.length <= 1, `${n[0]} has more than one decimal`);
});

test('ids: every reference resolves inside the SVG, and two prefixes share no id', () => {
  const idsOf = (root: El) => all(root, (e) => 'id' in e.attrs).map((e) => e.attrs.id!);
  const a = chartSvg(chart(manyLines(3)), { ...opts, idPrefix: 'chart-r1' });
  const b = chartSvg(chart(manyLines(3)), { ...opts, idPrefix: 'chart-r2' });
  const [ra, rb] = [parseXml(a), parseXml(b)];
  const ids = idsOf(ra);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  assert.ok(ids.every((id) => id.startsWith('chart-r1-')));
  assert.deepEqual(
    ids.filter((id) => idsOf(rb).includes(id)),
    [],
  );
  const refs = [...a.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]!).concat(ra.attrs['aria-labelledby']!, ra.attrs['aria-describedby']!);
  for (const ref of refs) assert.ok(ids.includes(ref), `#${ref} is defined`);
  assert.equal(chartSvg(chart(manyLines(3)), { ...opts, idPrefix: 'chart-r1' }), a, 'the same input gives the same string');
});

test('bad charts and bad options throw a RangeError naming the problem', () => {
  const ok = chart([{ name: 'a', x: [0, 1], y: [0, 1] }]);
  assert.throws(() => chartSvg(chart([]), opts), { name: 'RangeError', message: /chart 'T' has no lines/ });
  assert.throws(() => chartSvg(chart([{ name: 'a', x: [0, 1], y: [0] }]), opts), { name: 'RangeError', message: /line 'a' has 2 x values and 1 y values/ });
  assert.throws(() => chartSvg({ ...ok, yRange: [1, 0] }, opts), { name: 'RangeError', message: /yRange must be two finite numbers in increasing order/ });
  assert.throws(() => chartSvg({ ...ok, yRange: [0, NaN] }, opts), { name: 'RangeError', message: /yRange/ });
  assert.throws(() => chartSvg({ ...ok, yType: 'log', yRange: [0, 1] }, opts), { name: 'RangeError', message: /yRange on a log axis must be positive/ });
  for (const idPrefix of ['', 'a b', '1x', 'x"y', 'a:b']) {
    assert.throws(() => chartSvg(ok, { ...opts, idPrefix }), { name: 'RangeError', message: /idPrefix/ }, `idPrefix '${idPrefix}'`);
  }
  for (const width of [0, -640, NaN, Infinity, 10]) {
    assert.throws(() => chartSvg(ok, { ...opts, width }), { name: 'RangeError', message: /options\.width must be a finite number/ }, `width ${width}`);
  }
  assert.throws(() => chartSvg(ok, { ...opts, legend: 'left' as 'auto' }), { name: 'RangeError', message: /options\.legend must be 'auto' or 'below'/ });
  assert.throws(() => chartSvg(ok, { ...opts, darkSelector: 'x{}' }), { name: 'RangeError', message: /darkSelector/ });
  assert.throws(() => chartSvg(ok, { ...opts, label: undefined as unknown as string }), { name: 'TypeError', message: /options\.label must be a string/ });
});

test('another width scales the layout, and Plotly-style tick labels use a real minus and ×10ⁿ for large values', () => {
  const root = parseXml(chartSvg(chart([{ name: 'big', x: [0, 1], y: [-30000, 50000] }]), { ...opts, width: 900 }));
  assert.equal(root.attrs.viewBox, '0 0 900 420');
  const box = plotBox(root);
  assert.ok(box.right > 850);
  const labels = yLabels(root, box);
  assert.ok(labels.includes('\u22122×10⁴') && labels.includes('0') && labels.includes('4×10⁴'), labels.join(' '));
});
