/**
 * The built site (website/build, written by the pipeline's `npm run site:build`), read as files:
 * every expected page is there, formulas are rendered, links to the bibliography anchors exist,
 * downloads are copied, and no page or stylesheet asks for anything from another host.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { referenceKeys } from '../../src/references.js';
import { activationIds, activations } from '../../src/registry.js';
import { formatNumber } from '../../src/plot/text.js';
import { vectorFunctionIds, vectorFunctions } from '../../src/vector/softmax.js';
import { experimentIds } from '../../src/experiments/index.js';
import { findingAnchor, passageAnchor } from '../../website/src/lib/evidence.js';
import { BUILD, ROOT, builtBaseUrl, requireBuild } from './helpers.js';

const kebab = (id: string) => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const NOTEBOOK_DOCS = path.join(ROOT, 'docs', 'notebooks');

function html(route: string): string {
  const file = path.join(BUILD, `${route}.html`);
  assert.ok(existsSync(file), `missing page ${path.relative(ROOT, file)}`);
  return readFileSync(file, 'utf8');
}

/** Attribute values in (minified) HTML: quoted or not. */
function attributeValues(page: string, name: string): string[] {
  const re = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>"']+))`, 'g');
  return [...page.matchAll(re)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

function countClass(page: string, cls: string): number {
  return attributeValues(page, 'class').filter((v) => v.split(/\s+/).includes(cls)).length;
}

/** Text as written in HTML, entities decoded (the ones a minifier or React writes). */
function unescape(t: string): string {
  return t
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The static chart SVGs of a page (src/plot/svg.ts, written by server rendering): title, description, curves. */
function staticSvgs(page: string): { title: string; desc: string; traces: number }[] {
  return [...page.matchAll(/<svg\b[^>]*\bclass="?af-chart\b[\s\S]*?<\/svg>/g)].map(([svg]) => ({
    title: unescape(/<title\b[^>]*>([\s\S]*?)<\/title>/.exec(svg)?.[1] ?? ''),
    desc: unescape(/<desc\b[^>]*>([\s\S]*?)<\/desc>/.exec(svg)?.[1] ?? ''),
    traces: (svg.match(/class="?af-trace\b/g) ?? []).length,
  }));
}

function allFiles(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__server' ? [] : allFiles(p, ext);
    return e.name.endsWith(ext) ? [p] : [];
  });
}

/** The notebook pages the exporter wrote: file name and slug from the front matter. */
function notebookPages(): { name: string; slug: string }[] {
  if (!existsSync(NOTEBOOK_DOCS)) return [];
  return readdirSync(NOTEBOOK_DOCS)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const text = readFileSync(path.join(NOTEBOOK_DOCS, f), 'utf8');
      const slug = /^slug: (.+)$/m.exec(text);
      return { name: f.replace(/\.mdx$/, ''), slug: slug ? (JSON.parse(slug[1]!) as string) : f.replace(/\.mdx$/, '') };
    });
}

let base = '/';
before(() => {
  requireBuild();
  base = builtBaseUrl();
});

describe('pages', () => {
  test('there is a page per activation and per softmax-family function', () => {
    for (const id of [...activationIds, ...vectorFunctionIds]) html(`docs/activations/${kebab(id)}`);
  });

  test('the landing page, the function index, the comparison and the bibliography exist', () => {
    // docs/functions.mdx is served at /docs/activations (its slug).
    for (const route of ['index', 'docs/activations', 'docs/comparison', 'docs/experiments', 'docs/bibliography']) html(route);
  });

  test('every notebook page the exporter wrote is built, with its notebook downloadable', () => {
    const notebooks = notebookPages();
    assert.ok(notebooks.length > 0, 'docs/notebooks has no pages: the exporter did not run');
    for (const { name, slug } of notebooks) {
      const page = html(`docs/notebooks/${slug}`);
      assert.ok(existsSync(path.join(BUILD, 'notebooks', `${name}.ipynb`)), `notebooks/${name}.ipynb is not in the build`);
      assert.ok(
        attributeValues(page, 'href').includes(`${base}notebooks/${name}.ipynb`),
        `docs/notebooks/${slug} has no link to ${base}notebooks/${name}.ipynb`,
      );
      // The "generated from the notebook" note is the theme's admonition, not an element left unrendered.
      assert.ok(countClass(page, 'theme-admonition') >= 1, `docs/notebooks/${slug}: its note is not rendered as an admonition`);
    }
  });

  test("no page has a link the browser cannot follow (Docusaurus's pathname:// left in) or an MDX element printed as HTML", () => {
    for (const file of allFiles(BUILD, '.html')) {
      const page = readFileSync(file, 'utf8');
      const where = path.relative(BUILD, file);
      assert.deepEqual(
        attributeValues(page, 'href').filter((h) => h.startsWith('pathname:')),
        [],
        where,
      );
      assert.doesNotMatch(page, /<(admonition|mermaid)\b/, where);
    }
    assert.ok(attributeValues(html('docs/bibliography'), 'href').includes(`${base}references.bib`), 'the bibliography does not link to references.bib');
  });

  test('every chart of every chart page is drawn into its HTML as an SVG, so it shows without JavaScript', () => {
    const routes = [
      'docs/comparison',
      'docs/experiments',
      ...[...activationIds, ...vectorFunctionIds].map((id) => `docs/activations/${kebab(id)}`),
      ...notebookPages().map((n) => `docs/notebooks/${n.slug}`),
    ];
    let total = 0;
    for (const route of routes) {
      const page = html(route);
      const charts = attributeValues(page, 'data-chart').length;
      const svgs = staticSvgs(page);
      assert.equal(svgs.length, charts, `${route}: ${charts} charts but ${svgs.length} static SVGs`);
      assert.ok(
        svgs.every((s) => s.title.startsWith('Chart ') && s.traces >= 1),
        `${route}: an SVG without a title or a curve`,
      );
      total += charts;
    }
    assert.ok(total > routes.length, `only ${total} charts on ${routes.length} chart pages`);
  });

  test('the sitemap lists every function page, the comparison, the bibliography and every notebook page', () => {
    const sitemap = readFileSync(path.join(BUILD, 'sitemap.xml'), 'utf8');
    const routes = [
      ...[...activationIds, ...vectorFunctionIds].map((id) => `docs/activations/${kebab(id)}`),
      'docs/comparison',
      'docs/experiments',
      'docs/bibliography',
      ...notebookPages().map((n) => `docs/notebooks/${n.slug}`),
    ];
    for (const route of routes) assert.ok(sitemap.includes(`${base}${route}</loc>`), `sitemap.xml does not list ${base}${route}`);
  });
});

describe('content', () => {
  test('every function page has rendered KaTeX and no KaTeX error', () => {
    for (const id of [...activationIds, ...vectorFunctionIds]) {
      const page = html(`docs/activations/${kebab(id)}`);
      assert.ok(countClass(page, 'katex') >= 2, `${id}: fewer than 2 rendered formulas (${countClass(page, 'katex')})`);
      assert.ok(countClass(page, 'katex-display') >= 2, `${id}: no display formulas`);
      assert.equal(countClass(page, 'katex-error'), 0, `${id}: a KaTeX error is on the page`);
    }
  });

  test('every function page links to the bibliography anchor of each of its papers, and the anchors exist', () => {
    const bibliography = html('docs/bibliography');
    const ids = new Set(attributeValues(bibliography, 'id'));
    for (const key of referenceKeys) assert.ok(ids.has(key), `the bibliography has no anchor ${key}`);
    for (const f of [...activationIds.map((id) => activations[id]!), ...vectorFunctionIds.map((id) => vectorFunctions[id])]) {
      const hrefs = new Set(attributeValues(html(`docs/activations/${kebab(f.id)}`), 'href'));
      for (const key of f.papers) assert.ok(hrefs.has(`${base}docs/bibliography#${key}`), `${f.id}: no link to the bibliography entry ${key}`);
    }
  });

  test('every evidence mark on a function page links to an anchor that exists: a cited passage, a finding, the Properties section', () => {
    const anchors = {
      bibliography: new Set(attributeValues(html('docs/bibliography'), 'id')),
      experiments: new Set(attributeValues(html('docs/experiments'), 'id')),
    };
    for (const id of experimentIds) assert.ok(anchors.experiments.has(id), `the experiments page has no anchor ${id}`);
    for (const f of [...activationIds.map((id) => activations[id]!), ...vectorFunctionIds.map((id) => vectorFunctions[id])]) {
      const page = html(`docs/activations/${kebab(f.id)}`);
      const hrefs = new Set(attributeValues(page, 'href'));
      const ids = new Set(attributeValues(page, 'id'));
      const t = f.tradeOffs;
      for (const e of [...t.advantages, ...t.disadvantages, ...t.whenToUse, ...(t.corrections ?? [])].flatMap((c) => c.evidence)) {
        if (e.kind === 'paper') {
          const anchor = passageAnchor(e.key, e.where);
          assert.ok(anchors.bibliography.has(anchor), `the bibliography has no anchor ${anchor}`);
          assert.ok(hrefs.has(`${base}docs/bibliography#${anchor}`), `${f.id}: no link to ${anchor}`);
        } else if (e.kind === 'measured') {
          const anchor = findingAnchor(e.experiment, e.finding);
          assert.ok(anchors.experiments.has(anchor), `the experiments page has no anchor ${anchor}`);
          assert.ok(hrefs.has(`${base}docs/experiments#${anchor}`), `${f.id}: no link to ${anchor}`);
        } else if (e.kind === 'property') {
          assert.ok(ids.has('properties'), `${f.id}: no Properties anchor`);
        }
      }
      assert.ok(ids.has('evidence'), `${f.id}: no Evidence section`);
    }
  });

  test('every chart is in the server-rendered HTML as an SVG with its title and text alternative', () => {
    const page = html('docs/activations/gelu');
    // The interactive chart first, then the Evidence section's charts (experiments' data).
    const charts = attributeValues(page, 'data-chart');
    assert.equal(charts[0], 'activation');
    assert.deepEqual(
      charts.slice(1).filter((c) => c !== 'evidence'),
      [],
    );
    const labels = attributeValues(page, 'aria-label').filter((l) => l.startsWith('Chart '));
    assert.equal(labels.length, charts.length, 'every chart has its text alternative');
    assert.equal(labels[0], 'Chart "GELU (approximate = none)": output of GELU for input x from -5 to 5.');
    const svgs = staticSvgs(page);
    assert.equal(svgs.length, charts.length, 'every chart has its static SVG');
    assert.deepEqual(
      svgs.map((s) => s.title),
      labels.map(unescape),
      "each SVG's title is its chart's text alternative",
    );
    assert.ok(
      svgs.every((s) => s.traces >= 1 && s.desc.length > 0),
      'every SVG has a curve and a description',
    );
    assert.match(page, /<summary>Chart as text<\/summary>/);
    const gelu = activations.gelu!;
    const ends = `GELU: y = ${formatNumber(gelu.forward(-5))} at x = -5 and ${formatNumber(gelu.forward(5))} at x = 5; y = 0 at x = 0`;
    assert.ok(page.includes(ends), `the text alternative should give the values at the ends and at 0: ${ends}`);
  });

  test('references.bib is served and parses back to every cite key', () => {
    const bib = readFileSync(path.join(BUILD, 'references.bib'), 'utf8');
    const ids = (new Cite(bib).data as { id: string }[]).map((e) => e.id);
    assert.deepEqual(ids, [...referenceKeys]);
  });

  test("KaTeX's fonts are served from the site, and its stylesheet is inlined into the pages with a formula, and only those", () => {
    const css = readFileSync(path.join(BUILD, 'katex', 'katex.min.css'), 'utf8');
    const fonts = [...css.matchAll(/url\((fonts\/[^)]+)\)/g)].map((m) => m[1]!);
    assert.ok(fonts.length > 20, `only ${fonts.length} font URLs in katex.min.css`);
    for (const f of new Set(fonts)) assert.ok(existsSync(path.join(BUILD, 'katex', f)), `katex/${f} is missing`);
    // Inlined where a formula is (website/docusaurus.config.ts), so no request blocks the first
    // formula; elsewhere it would only be weight. No page links the file.
    const inlined = (page: string) => [...html(page).matchAll(/<style data-katex[^>]*>([^<]*)<\/style>/g)].map((m) => m[1]!);
    const [style, ...more] = inlined('docs/activations/gelu');
    assert.ok(style !== undefined && more.length === 0, 'a page with formulas should carry KaTeX’s stylesheet once');
    const urls = [...style.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    assert.deepEqual(
      urls.filter((u) => !u.startsWith(`${base}katex/fonts/`)),
      [],
      'font URLs of the inlined stylesheet outside the base URL',
    );
    assert.equal(new Set(urls).size, new Set(fonts).size, 'the inlined stylesheet names a different set of fonts');
    for (const page of ['docs/activations/gelu', 'index', 'docs/bibliography']) {
      assert.ok(!attributeValues(html(page), 'href').includes(`${base}katex/katex.min.css`), `${page} links katex.min.css`);
    }
    assert.deepEqual(inlined('index'), [], 'the home page has no formula but carries KaTeX’s stylesheet');
    assert.deepEqual(inlined('docs/bibliography'), [], 'the bibliography has no formula but carries KaTeX’s stylesheet');
  });
});

describe('offline', () => {
  // Links (<a href>) may point anywhere; what a page loads by itself may not.
  const LOADING = /<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?\b(src|href|data)=["']?([^"' >]+)/gi;

  test('no built page loads a script, stylesheet, font, image or frame from another host', () => {
    const offenders: string[] = [];
    for (const file of allFiles(BUILD, '.html')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(LOADING)) {
        const url = m[3]!;
        if (/^(https?:)?\/\//i.test(url) && !(m[1]!.toLowerCase() === 'link' && /rel=["']?(canonical|alternate)/i.test(m[0]))) {
          offenders.push(`${path.relative(BUILD, file)}: <${m[1]} ${m[2]}=${url}>`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });

  test('no built stylesheet imports or loads anything from another host', () => {
    const offenders: string[] = [];
    for (const file of allFiles(BUILD, '.css')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:url\(|@import\s+)["']?((?:https?:)?\/\/[^"')\s]+)/gi)) offenders.push(`${path.relative(BUILD, file)}: ${m[1]}`);
    }
    assert.deepEqual(offenders, []);
  });
});

describe('static content', () => {
  test('every fenced code block of a function or notebook page is highlighted in the HTML (rehype-static-code), none left to the browser', () => {
    const routes = [...activationIds.map((id) => `docs/activations/${kebab(id)}`), ...notebookPages().map((n) => `docs/notebooks/${n.slug}`)];
    for (const route of routes) {
      const page = html(route);
      const blocks = countClass(page, 'static-code');
      assert.ok(blocks > 0, `${route}: no highlighted code block`);
      // The theme's CodeBlock would write class="prism-code"; every block was done at build time.
      assert.equal(countClass(page, 'prism-code'), 0, `${route}: a code block left to the theme's CodeBlock`);
      const ts = [...page.matchAll(/<code class="?language-ts"?>([\s\S]*?)<\/code>/g)];
      assert.ok(ts.length > 0, `${route}: no TypeScript block`);
      for (const [, body] of ts) assert.match(body!, /<span class="?token [a-z-]+"?>/, `${route}: a TypeScript block with no tokens`);
      assert.ok(
        ts.some(([, body]) => /<span class="?token keyword"?>/.test(body!)),
        `${route}: no keyword highlighted`,
      );
    }
  });

  test("the site's JavaScript carries no Prism grammars (the lite prism-react-renderer stands in; plotly.js excepted)", () => {
    const dir = path.join(BUILD, 'assets', 'js');
    // Prism's core API as minified: `insertBefore:function(…)`, `DFS:function …`.
    const carrying = readdirSync(dir)
      .filter((f) => f.endsWith('.js') && !f.startsWith('plotly.'))
      .filter((f) => /\b(?:insertBefore|DFS):function\b/.test(readFileSync(path.join(dir, f), 'utf8')));
    assert.deepEqual(carrying, []);
  });

  test('the token colours of both modes are in every page (one inline stylesheet), and the prose runs are static HTML', () => {
    const page = html('docs/activations/gelu');
    const style = /<style data-static-code[^>]*>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    assert.match(style, /\[data-theme=(?:'dark'|dark)\] \.static-code \.token\.keyword/);
    assert.match(style, /:root:not\(\[data-theme=(?:'dark'|dark)\]\) \.static-code \.token\.keyword/);
    assert.ok(attributeValues(page, 'data-static-html').length > 3, 'the article is not in static runs');
  });

  test("KaTeX's output is in the pages' JavaScript as HTML strings, never as JSX React must build and hydrate (rehype-static-html)", () => {
    const dir = path.join(BUILD, 'assets', 'js');
    const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
    const asJsx = scripts.filter((f) => /className:"katex(?:-html)?"/.test(readFileSync(path.join(dir, f), 'utf8')));
    assert.deepEqual(asJsx, []);
    assert.ok(
      scripts.some((f) => readFileSync(path.join(dir, f), 'utf8').includes('<span class="katex-html"')),
      'no page chunk holds KaTeX as HTML',
    );
  });
});

describe('bundle', () => {
  test("the module's WebAssembly kernel bytes stay out of the site's JavaScript (website/src/lib/no-wasm-kernels.ts)", () => {
    const dir = path.join(BUILD, 'assets', 'js');
    const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
    assert.ok(scripts.length > 0, `no scripts in ${dir}`);
    // "AGFzbQ" is base64 for "\0asm", the start of every WebAssembly module.
    const carrying = scripts.filter((f) => readFileSync(path.join(dir, f), 'utf8').includes('AGFzbQ'));
    assert.deepEqual(carrying, []);
  });

  test('the entry chunk every page loads opens with V8’s compile hint, and no other script does', () => {
    const dir = path.join(BUILD, 'assets', 'js');
    const hinted = readdirSync(dir).filter((f) => f.endsWith('.js') && readFileSync(path.join(dir, f), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'));
    assert.equal(hinted.length, 1, `scripts opening with the hint: ${hinted.join(', ')}`);
    assert.match(hinted[0]!, /^main\.[0-9a-f]+\.js$/);
    for (const page of ['index', 'docs/activations/gelu', 'docs/bibliography']) {
      assert.ok(html(page).includes(`/assets/js/${hinted[0]}`), `${page} does not load ${hinted[0]}`);
    }
  });
});
