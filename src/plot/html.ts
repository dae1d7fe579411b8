/**
 * Self-contained HTML for chart outputs. In classic Jupyter Notebook, and in JupyterLab without the
 * Plotly extension, charts are drawn by the scripts in their text/html; those run only in trusted
 * notebooks, so every chart carries a readable placeholder that the drawing replaces. plotly.js is
 * inlined once per notebook (`plotlyLoaderHtml`, from an explicit first-cell `initPlotly()`), never
 * fetched: notebooks work offline.
 */
import { escapeHtml, scriptSafeJson, shortHash } from './json.js';
import type { PlotlyFigure, Theme, ThemeStyle } from './figure.js';

/** Event the loader fires on `window` once `window.Plotly` exists; waiting charts listen for it. */
export const PLOTLY_READY_EVENT = 'activations-plotly-ready';

/** Options of `chartHtml`: the text shown until Plotly draws the chart, and its size. */
export interface ChartHtmlOptions {
  /** Plain-text summary shown in the placeholder (see `chartSummary`). */
  readonly summary: string;
  /** Height of the chart in CSS pixels; default the figure's layout.height, else 420. */
  readonly height?: number;
  /**
   * The figure's colours per theme (see `themeStyle`). With them, the chart follows JupyterLab's
   * theme (`data-jp-theme-light` on the page's body), also when it changes; without, it keeps the
   * figure's own colours. Pages without the attribute (classic Notebook) get 'light'.
   */
  readonly themes?: Readonly<Record<Theme, ThemeStyle>>;
}

/**
 * The HTML of one chart: a placeholder with the summary, and a script that draws the figure into it
 * when plotly.js is there. The chart is found by a content hash (data attribute), not an id: the
 * same chart may be in the page twice (a cell re-run after a kernel restart), and classic Notebook
 * runs the script before the output is attached to the page, so the script retries for a while.
 */
export function chartHtml(figure: PlotlyFigure, options: ChartHtmlOptions): string {
  const json = scriptSafeJson(figure);
  const key = shortHash(json);
  const layoutHeight = figure.layout.height;
  const height = options.height ?? (typeof layoutHeight === 'number' ? layoutHeight : 420);
  const title =
    typeof figure.layout.title === 'object' && figure.layout.title && !Array.isArray(figure.layout.title)
      ? String((figure.layout.title as { text?: unknown }).text ?? '')
      : '';
  // Plain block elements, no inline styles: an untrusted notebook's sanitiser keeps these (and the
  // line breaks of <pre>) but drops scripts and styles.
  const placeholder =
    `<div class="activations-chart-placeholder">` +
    `<p><strong>Interactive chart${title ? `: ${escapeHtml(title)}` : ''}</strong></p>` +
    `<p class="activations-chart-status">It is drawn by a script, which runs only when the notebook is trusted ` +
    `and plotly.js has been loaded by the notebook's first code cell (initPlotly()). Its data:</p>` +
    `<pre>${escapeHtml(options.summary)}</pre></div>`;
  const themes = options.themes ? scriptSafeJson(options.themes) : 'null';
  const script = `(function () {
  var figure = ${json};
  var themes = ${themes};
  var selector = 'div.activations-chart[data-chart="${key}"]:not([data-drawn])';
  var tries = 0;
  function theme() {
    var body = document.body;
    return body && body.getAttribute('data-jp-theme-light') === 'false' ? 'dark' : 'light';
  }
  // A copy of the figure in theme t's colours (Plotly keeps a reference to what it is given).
  function styled(t) {
    var f = JSON.parse(JSON.stringify(figure));
    if (!themes) return f;
    function set(object, path, value) {
      var keys = path.split('.');
      for (var k = 0; k < keys.length - 1; k++) object = object[keys[k]] = object[keys[k]] || {};
      object[keys[keys.length - 1]] = value;
    }
    var s = themes[t];
    for (var p in s.layout) set(f.layout, p, s.layout[p]);
    for (var q in s.traces) for (var i = 0; i < f.data.length; i++) set(f.data[i], q, s.traces[q][i]);
    return f;
  }
  function plot(el, redraw) {
    var t = theme();
    var f = styled(t);
    el.setAttribute('data-theme', t);
    (redraw ? window.Plotly.react : window.Plotly.newPlot)(el, f.data, f.layout, f.config);
  }
  if (themes && typeof MutationObserver === 'function' && document.body) {
    new MutationObserver(function () {
      var drawn = document.querySelectorAll('div.activations-chart[data-chart="${key}"][data-drawn]');
      for (var i = 0; i < drawn.length; i++) if (drawn[i].getAttribute('data-theme') !== theme()) plot(drawn[i], true);
    }).observe(document.body, { attributes: true, attributeFilter: ['data-jp-theme-light'] });
  }
  function draw() {
    var targets = document.querySelectorAll(selector);
    if (!window.Plotly || targets.length === 0) {
      if (++tries < 200) return void setTimeout(draw, 50);
      for (var i = 0; i < targets.length; i++) {
        var status = targets[i].querySelector('.activations-chart-status');
        if (status) status.textContent = 'plotly.js is not loaded in this page: run the notebook\\'s first code cell (initPlotly()).';
      }
      // Drawn as soon as initPlotly() runs, without re-running this cell.
      window.addEventListener('${PLOTLY_READY_EVENT}', function () { tries = 0; draw(); }, { once: true });
      return;
    }
    for (var j = 0; j < targets.length; j++) {
      var el = targets[j];
      el.setAttribute('data-drawn', '1');
      el.innerHTML = '';
      el.style.height = '${height}px';
      plot(el, false);
    }
  }
  draw();
})();`;
  return (
    `<div class="activations-chart" data-chart="${key}" style="width:100%;min-height:${height}px">${placeholder}</div>\n` +
    `<script type="text/javascript">\n${script}\n</script>`
  );
}

/**
 * The HTML that loads plotly.js into the page from its inlined source. `source` is the text of
 * plotly.js-basic-dist-min's bundle (the caller reads it: this file stays free of Node APIs).
 */
export function plotlyLoaderHtml(source: string, version: string): string {
  if (typeof source !== 'string' || source.length === 0) throw new TypeError('source must be the non-empty text of plotly.js');
  // The bundle has none of these today; escaping keeps a future version from ending the element
  // early (inside JavaScript strings and regexes, `<\/` and `<\!` mean the same as `</` and `<!`).
  const safe = source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const v = escapeHtml(version);
  return (
    `<div class="activations-plotly-loader" style="font:13px/1.45 system-ui,sans-serif">` +
    `<span class="activations-plotly-status">plotly.js ${v} is embedded in this output (no network needed). ` +
    `Charts are drawn when the notebook is trusted; otherwise each chart shows a text summary.</span></div>\n` +
    `<script type="text/javascript">\n${safe}\n</script>\n` +
    `<script type="text/javascript">\n(function () {\n` +
    `  var ok = typeof window.Plotly === 'object' || typeof window.Plotly === 'function';\n` +
    `  // Classic Notebook runs this before the output is in the page: update the status a bit later too.\n` +
    `  function status() {\n` +
    `    var els = document.querySelectorAll('.activations-plotly-status');\n` +
    `    for (var i = 0; i < els.length; i++) els[i].textContent = ok ? 'plotly.js ${v} loaded from this notebook: the charts are interactive.' : 'plotly.js ${v} failed to load.';\n` +
    `  }\n` +
    `  status(); setTimeout(status, 100); setTimeout(status, 1000);\n` +
    `  if (ok) window.dispatchEvent(new Event('${PLOTLY_READY_EVENT}'));\n` +
    `})();\n</script>`
  );
}
