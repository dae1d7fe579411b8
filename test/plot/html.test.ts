import assert from 'node:assert/strict';
import { test } from 'node:test';
import vm from 'node:vm';
import type { PlotlyFigure, ThemeStyle } from '../../src/plot/figure.js';
import { PLOTLY_READY_EVENT, chartHtml, plotlyLoaderHtml } from '../../src/plot/html.js';

const figure: PlotlyFigure = {
  data: [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'A </script> title & more',
      x: [-1, 0, 1],
      y: [0.25, 0.5, 0.75],
      line: { color: '#008000', width: 2, dash: 'solid' },
      marker: { color: '#008000', size: 6 },
      hovertemplate: '',
    },
  ],
  layout: { title: { text: 'A </script> title & more' } },
  config: { responsive: true },
};

function scriptsOf(html: string): string[] {
  return [...html.matchAll(/<script type="text\/javascript">\n([\s\S]*?)\n<\/script>/g)].map((m) => m[1]!);
}

/** Just enough of a page for the chart script: elements found by selector, a Plotly stub, timers. */
function fakePage(options: { plotly: boolean; elements: number; themeLight?: 'true' | 'false' }) {
  const calls: unknown[][] = [];
  const reacts: unknown[][] = [];
  const listeners: Record<string, (() => void)[]> = {};
  const elements = Array.from({ length: options.elements }, () => {
    const attributes: Record<string, string> = {};
    const status = { textContent: '' };
    return {
      attributes,
      status,
      style: {} as Record<string, string>,
      innerHTML: 'placeholder',
      setAttribute: (k: string, v: string) => void (attributes[k] = v),
      getAttribute: (k: string) => attributes[k] ?? null,
      querySelector: () => status,
    };
  });
  const timers: (() => void)[] = [];
  const window: Record<string, unknown> = {
    addEventListener: (name: string, fn: () => void) => (listeners[name] ??= []).push(fn),
    dispatchEvent: (event: { type: string }) => (listeners[event.type] ?? []).splice(0).forEach((fn) => fn()),
  };
  if (options.plotly) window.Plotly = { newPlot: (...args: unknown[]) => calls.push(args), react: (...args: unknown[]) => reacts.push(args) };
  // JupyterLab's body carries data-jp-theme-light; classic Notebook's has no such attribute.
  const bodyAttributes: Record<string, string> = options.themeLight ? { 'data-jp-theme-light': options.themeLight } : {};
  const observers: { callback: () => void; filter: string[] }[] = [];
  const document = {
    body: { getAttribute: (k: string) => bodyAttributes[k] ?? null },
    querySelectorAll: (selector: string) => {
      const m = selector.match(/^div\.activations-chart\[data-chart="[0-9a-f]{8}"\](:not\(\[data-drawn\]\)|\[data-drawn\])$/);
      assert.ok(m, selector);
      return elements.filter((e) => (m[1] === '[data-drawn]') === Boolean(e.attributes['data-drawn']));
    },
  };
  /** Sets a body attribute as JupyterLab's theme manager does, and tells the observers watching it. */
  const setBodyAttribute = (k: string, v: string) => {
    bodyAttributes[k] = v;
    for (const o of observers) if (o.filter.includes(k)) o.callback();
  };
  const context = vm.createContext({
    window,
    document,
    MutationObserver: class {
      constructor(private callback: () => void) {}
      observe(_target: unknown, init: { attributeFilter: string[] }) {
        observers.push({ callback: this.callback, filter: init.attributeFilter });
      }
    },
    setTimeout: (fn: () => void) => timers.push(fn),
    Event: class {
      constructor(public type: string) {}
    },
  });
  const runTimers = (max: number) => {
    for (let i = 0; i < max && timers.length; i++) timers.shift()!();
  };
  return { context, calls, reacts, elements, window, runTimers, timers, setBodyAttribute };
}

test('chartHtml shows a placeholder with the title and the summary, escaped, for pages where scripts do not run', () => {
  const html = chartHtml(figure, { summary: 'Chart "x" <y> & z' });
  const withoutScripts = html.replace(/<script[\s\S]*?<\/script>/g, '');
  assert.match(withoutScripts, /Interactive chart: A &#60;\/script&#62; title &#38; more/);
  assert.match(withoutScripts, /Chart &#34;x&#34; &#60;y&#62; &#38; z/);
  assert.match(withoutScripts, /initPlotly\(\)/);
  // Exactly one script element, and the title's "</script>" did not end it early.
  assert.equal(html.match(/<\/script>/g)?.length, 1);
});

test('the chart script draws the figure with Plotly.newPlot into every undrawn copy of the chart', () => {
  const html = chartHtml(figure, { summary: 's', height: 300 });
  const [script] = scriptsOf(html);
  const page = fakePage({ plotly: true, elements: 2 });
  vm.runInContext(script!, page.context);
  assert.equal(page.calls.length, 2, 'Plotly.newPlot calls');
  const [el, data, layout, config] = page.calls[0]!;
  assert.equal(el, page.elements[0]);
  assert.deepEqual(JSON.parse(JSON.stringify({ data, layout, config })), JSON.parse(JSON.stringify(figure)));
  assert.equal(page.elements[0]!.attributes['data-drawn'], '1');
  assert.equal(page.elements[0]!.style.height, '300px');
  // Running the script again (the cell's output re-rendered) draws nothing twice.
  vm.runInContext(script!, page.context);
  assert.equal(page.calls.length, 2);
});

test('the chart script waits for its element and for plotly.js, then says how to load plotly.js', () => {
  const [script] = scriptsOf(chartHtml(figure, { summary: 's' }));
  const page = fakePage({ plotly: false, elements: 1 });
  vm.runInContext(script!, page.context);
  assert.equal(page.calls.length, 0);
  page.runTimers(500);
  assert.match(page.elements[0]!.status.textContent, /run the notebook's first code cell \(initPlotly\(\)\)/);
  // initPlotly() running later draws the chart without re-running its cell.
  page.window.Plotly = { newPlot: (...args: unknown[]) => page.calls.push(args) };
  (page.window.dispatchEvent as (e: { type: string }) => void)({ type: PLOTLY_READY_EVENT });
  assert.equal(page.calls.length, 1);
});

test('plotlyLoaderHtml inlines the source once, escapes a closing script tag in it, and announces readiness', () => {
  const source = 'window.Plotly = { version: "x" }; var s = "</script>"; /* <!-- */';
  const html = plotlyLoaderHtml(source, '3.7.0');
  const scripts = scriptsOf(html);
  assert.equal(scripts.length, 2);
  assert.ok(!scripts[0]!.includes('</script'), scripts[0]);
  assert.ok(!scripts[0]!.includes('<!--'), scripts[0]);
  assert.equal(html.split('window.Plotly = { version').length - 1, 1, 'source inlined exactly once');
  const page = fakePage({ plotly: false, elements: 0 });
  let ready = 0;
  (page.window.addEventListener as (n: string, f: () => void) => void)(PLOTLY_READY_EVENT, () => ready++);
  const statuses = [{ textContent: '' }];
  (page.context as { document: { querySelectorAll: () => unknown } }).document.querySelectorAll = () => statuses;
  vm.runInContext(scripts[0]!, page.context);
  vm.runInContext(scripts[1]!, page.context);
  assert.equal(ready, 1);
  assert.match(statuses[0]!.textContent, /plotly\.js 3\.7\.0 loaded/);
  // The escaped source still means the same: the string holds "</script>".
  assert.equal(vm.runInContext('s', page.context), '</script>');
});

test('plotlyLoaderHtml refuses an empty source', () => {
  assert.throws(() => plotlyLoaderHtml('', '1'), /source must be the non-empty text of plotly\.js/);
});

test("with the themes, a chart is drawn in the colours of JupyterLab's theme and redrawn when the theme changes", () => {
  const style = (paper: string, line: string): ThemeStyle => ({ layout: { paper_bgcolor: paper, 'font.color': paper }, traces: { 'line.color': [line] } });
  const themes = { light: style('#ffffff', '#008000'), dark: style('#1b1b1d', '#4caf50') };
  const [script] = scriptsOf(chartHtml(figure, { summary: 's', themes }));
  const page = fakePage({ plotly: true, elements: 1, themeLight: 'false' });
  vm.runInContext(script!, page.context);
  assert.equal(page.calls.length, 1);
  const [, data, layout] = page.calls[0] as [unknown, { line: { color: string } }[], { paper_bgcolor: string; font: { color: string }; title: unknown }];
  assert.equal(layout.paper_bgcolor, '#1b1b1d');
  assert.equal(layout.font.color, '#1b1b1d');
  assert.equal(JSON.stringify(layout.title), JSON.stringify(figure.layout.title), "the rest of the layout is the figure's");
  assert.equal(data[0]!.line.color, '#4caf50');
  assert.equal(page.elements[0]!.attributes['data-theme'], 'dark');

  page.setBodyAttribute('data-jp-theme-light', 'true');
  assert.equal(page.reacts.length, 1, 'redrawn once on the switch to light');
  const [, data2, layout2] = page.reacts[0] as [unknown, { line: { color: string } }[], { paper_bgcolor: string }];
  assert.equal(layout2.paper_bgcolor, '#ffffff');
  assert.equal(data2[0]!.line.color, '#008000');
  page.setBodyAttribute('data-jp-theme-light', 'true');
  assert.equal(page.reacts.length, 1, 'not redrawn when the theme stays the same');
  // The figure in the script is not changed by drawing it in another theme.
  assert.equal(figure.data[0]!.line.color, '#008000');
});

test("with the themes, a page without JupyterLab's theme attribute (classic Notebook) gets the light colours", () => {
  const themes = { light: { layout: { paper_bgcolor: '#ffffff' }, traces: {} }, dark: { layout: { paper_bgcolor: '#1b1b1d' }, traces: {} } };
  const [script] = scriptsOf(chartHtml(figure, { summary: 's', themes }));
  const page = fakePage({ plotly: true, elements: 1 });
  vm.runInContext(script!, page.context);
  assert.equal((page.calls[0]![2] as { paper_bgcolor: string }).paper_bgcolor, '#ffffff');
});
