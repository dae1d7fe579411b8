/**
 * The site: docs pages generated from the module (scripts/generate-docs.ts) and exported from the
 * executed notebooks (src/exporter), with every chart drawn in the browser from the module itself.
 *
 * Environment:
 *   SITE_URL  the site's origin, e.g. https://example.org (default http://127.0.0.1:3000)
 *   BASE_URL  the path it is served under, e.g. /activations/ (default /)
 *
 * Strict on purpose: a broken link, anchor or formula fails the build, and no page requests
 * anything from another host (no web fonts, no CDN: KaTeX's stylesheet and fonts are served from
 * static/katex, copied there by `npm run docs:generate`). Light on purpose: KaTeX's stylesheet is
 * inlined only into the pages that have a formula, and the code colours are the Prism themes with
 * every token brought up to WCAG AA contrast.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Config, Plugin } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type { Element, Root, RootContent } from 'hast';
import { themes as prismThemes, type PrismTheme } from 'prism-react-renderer';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeKatexErrors from './plugins/rehype-katex-errors';
import rehypeStaticCode, { prismTokenCss } from './plugins/rehype-static-code';
import rehypeStaticHtml from './plugins/rehype-static-html';
import { apiTypedocOptions } from './plugins/api-docs';
import rehypeScrollFocus from './plugins/rehype-scroll-focus';
import ogImage, { OG_IMAGE } from './plugins/og-image';
import routeScripts from './plugins/route-scripts';
import { activationIds, activations } from '../src/registry.js';
import { vectorFunctionIds, vectorFunctions } from '../src/vector/softmax.js';
import type { HomeFunction, MetaTag } from './src/pages/_home/index';
import { catalogFromModule } from './src/lib/playground/catalog';
import { activationChartSvg } from './src/lib/playground/charts';
import { DEFAULT_SETTINGS, runLabels } from './src/lib/playground/settings';

const WEBSITE = __dirname;
const ROOT = path.resolve(WEBSITE, '..');

function siteUrl(value: string | undefined): string {
  const text = value?.trim() || 'http://127.0.0.1:3000';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RangeError(`SITE_URL must be an absolute URL such as https://example.org, got ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RangeError(`SITE_URL must be an http(s) URL, got ${JSON.stringify(text)}`);
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new RangeError(`SITE_URL is the origin only (put the path in BASE_URL), got ${JSON.stringify(text)}`);
  }
  return url.origin;
}

/** `/`, or a path with a slash at both ends, as Docusaurus requires. */
function baseUrl(value: string | undefined): string {
  const text = value?.trim() || '/';
  if (/[?#\s]/.test(text) || text.includes('://')) {
    throw new RangeError(`BASE_URL must be a path such as /activations/, got ${JSON.stringify(text)}`);
  }
  const trimmed = text.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

const url = siteUrl(process.env.SITE_URL);
const base = baseUrl(process.env.BASE_URL);

const KATEX_CSS = path.join(WEBSITE, 'static', 'katex', 'katex.min.css');
if (!existsSync(KATEX_CSS)) {
  throw new Error(`${path.relative(ROOT, KATEX_CSS)} is missing: run \`npm run docs:generate\` first (it copies KaTeX's stylesheet and fonts there).`);
}

function hasKatex(node: Root | RootContent): boolean {
  if (node.type === 'element') {
    const c: unknown = (node as Element).properties?.className;
    if ((Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : []).includes('katex')) return true;
  }
  return 'children' in node && node.children.some((child) => hasKatex(child));
}

/**
 * KaTeX's stylesheet, inlined as a `<style>` into the pages that have a formula, and into no other:
 * a global stylesheet would block rendering on every page (the home page, the bibliography, the
 * search page) for styles only math uses, and a `<link>` is one more render-blocking request on a
 * slow phone network before the first formula can be drawn (4 KB gzipped, the cost of a round trip
 * or more). Its font URLs are made absolute (`${base}katex/fonts/…`); the fonts stay separate files,
 * fetched only for the glyphs a page uses. Runs after rehype-katex; puts the `<style>` at the top of
 * the article (allowed in the body; it applies to what follows it), where rehype-static-html makes it
 * part of the static HTML. Not in `<Head>`: react-helmet takes such an element out and puts it back
 * after hydration, and for that moment every formula would lose its styles and fonts.
 */
function katexStylesheetText(css: string, siteBase: string): string {
  return css.replace(/url\((['"]?)fonts\//g, (_m, quote: string) => `url(${quote}${siteBase}katex/fonts/`);
}

const KATEX_STYLE = katexStylesheetText(readFileSync(KATEX_CSS, 'utf8'), base);

function rehypeKatexStylesheet() {
  return (tree: Root): void => {
    if (!hasKatex(tree)) return;
    const style: Element = { type: 'element', tagName: 'style', properties: { dataKatex: '' }, children: [{ type: 'text', value: KATEX_STYLE }] };
    // After the page's imports (MDX's ESM nodes), before the first block.
    const at = tree.children.findIndex((n) => (n.type as string) !== 'mdxjsEsm');
    tree.children.splice(at < 0 ? tree.children.length : at, 0, style);
  };
}

type Rgb = readonly [number, number, number];

/** `#rgb`, `#rrggbb` or `rgb(r, g, b)`, as Prism themes write colours. */
function parseColour(text: string): Rgb {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(text);
  if (short) return [parseInt(short[1]! + short[1]!, 16), parseInt(short[2]! + short[2]!, 16), parseInt(short[3]! + short[3]!, 16)];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text);
  if (long) return [parseInt(long[1]!, 16), parseInt(long[2]!, 16), parseInt(long[3]!, 16)];
  const rgb = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/i.exec(text);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new RangeError(`cannot read the colour ${JSON.stringify(text)}: expected #rgb, #rrggbb or rgb(r, g, b)`);
}

/** WCAG 2 relative luminance. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG AA for body text; code is body-sized. */
const AA_CONTRAST = 4.5;

/**
 * The Prism theme with every token colour that falls short of WCAG AA on the theme's own code
 * background mixed toward black (light background) or white (dark), a step at a time, until it
 * passes: the hues stay and the tokens that already pass are untouched. GitHub's comments, strings,
 * numbers, keywords and function names and Dracula's comments fail as shipped.
 */
function withAaContrast(theme: PrismTheme): PrismTheme {
  const background = parseColour(theme.plain.backgroundColor ?? '#ffffff');
  const target: Rgb = luminance(background) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  const fix = (colour: string): string => {
    const rgb = parseColour(colour);
    for (let step = 0; step <= 20; step++) {
      const t = step / 20;
      const mixed = rgb.map((v, i) => Math.round(v + (target[i]! - v) * t)) as unknown as Rgb;
      if (contrast(mixed, background) >= AA_CONTRAST) return step === 0 ? colour : `#${mixed.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    }
    throw new RangeError(`no shade of ${colour} reaches ${AA_CONTRAST}:1 on ${theme.plain.backgroundColor}`);
  };
  return {
    plain: { ...theme.plain, ...(theme.plain.color ? { color: fix(theme.plain.color) } : {}) },
    styles: theme.styles.map((s) => ({ ...s, style: { ...s.style, ...(s.style.color ? { color: fix(s.style.color) } : {}) } })),
  };
}

/**
 * The directories of the module's runtime dependencies (package.json "dependencies") and of theirs,
 * as installed in node_modules, with symlinks resolved as webpack resolves module paths.
 */
function moduleDependencies(): string[] {
  const found = new Set<string>();
  const read = (dir: string): Record<string, string> => {
    const file = path.join(dir, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {};
  };
  const pending = Object.keys(read(ROOT));
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const dir = path.join(ROOT, 'node_modules', name);
    // A dependency nested under another package's node_modules is inside that package's directory.
    if (found.has(name) || !existsSync(dir)) continue;
    found.add(name);
    pending.push(...Object.keys(read(dir)));
  }
  return [...found].sort().map((name) => realpathSync(path.join(ROOT, 'node_modules', name)));
}

/**
 * Lets the site import the module's TypeScript source (`@activations/registry.js`): an alias to
 * ../src, and `.js` → `.ts` resolution for the module's NodeNext-style relative imports.
 *
 * In the browser the module gets a chunk of its own, loaded only by the pages that use it. Left to
 * Docusaurus, it would go into the `common` chunk (modules that more than half the pages use: the
 * function pages do), which every page loads, the bibliography and the search page included; with
 * the trade-offs' claims and their evidence it is the largest part of that chunk. The packages the
 * module depends on (@stdlib's erf, d3's scales and shapes, and theirs) go with it, for the same
 * reason: alone they would land in `common`, loaded by pages that draw nothing.
 */
function activationsModule(): Plugin {
  return {
    name: 'activations-module',
    configureWebpack(_config, isServer, utils) {
      const { NormalModuleReplacementPlugin } = utils.currentBundler.instance;
      // Files of the module's source (../src) and of its dependencies, matched as webpack matches a
      // cache group's `test` (only async chunks are split: the entry chunk, main, is never touched).
      const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const dirs = [path.join(ROOT, 'src'), ...moduleDependencies()];
      // Except the number formatting (src/plot/text.ts), which pages use without the module (the
      // playground's controls): in the group, it would bring the whole chunk to them.
      const light = escape(path.join('plot', 'text.ts'));
      const source = new RegExp(`^(?:${dirs.map((dir, i) => escape(dir + path.sep) + (i === 0 ? `(?!${light}$)` : '')).join('|')})`);
      return {
        ...(isServer
          ? {}
          : {
              optimization: {
                splitChunks: {
                  cacheGroups: {
                    activationsModule: {
                      name: 'activations-module',
                      test: source,
                      minChunks: 2,
                      // Above Docusaurus's `common` (40), below its single CSS file (50).
                      priority: 45,
                    },
                  },
                },
              },
            }),
        resolve: {
          alias: { '@activations': path.join(ROOT, 'src') },
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
        },
        // The module's WebAssembly kernels stay out of the site: see website/src/lib/no-wasm-kernels.ts.
        plugins: [new NormalModuleReplacementPlugin(/wasm-bytes\.generated\.[jt]s$/, path.join(ROOT, 'website', 'src', 'lib', 'no-wasm-kernels.ts'))],
      };
    },
  };
}

/**
 * Asks V8 to compile all of the entry chunk (main: React, the router, the theme) eagerly and off the
 * main thread, while it downloads (V8's explicit compile hints, Chrome ≥ 136; other engines read a
 * comment). Nearly every function in it runs at load, and compiled lazily each would first be
 * compiled on the main thread, inside the long task that starts the page. Added after minification
 * (which drops comments) and before the content hash is computed.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

function compileHints(): Plugin {
  return {
    name: 'compile-hints',
    configureWebpack(_config, isServer, utils) {
      if (isServer) return {};
      const { Compilation, sources } = utils.currentBundler.instance;
      return {
        plugins: [
          {
            apply(compiler: { hooks: { thisCompilation: { tap: (name: string, fn: (c: InstanceType<typeof Compilation>) => void) => void } } }) {
              compiler.hooks.thisCompilation.tap('compile-hints', (compilation) => {
                compilation.hooks.processAssets.tap({ name: 'compile-hints', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
                  for (const chunk of compilation.chunks) {
                    if (chunk.name !== 'main') continue;
                    for (const file of chunk.files) {
                      if (file.endsWith('.js')) compilation.updateAsset(file, (source) => new sources.ConcatSource(COMPILE_HINT, source));
                    }
                  }
                });
              });
            },
          },
        ],
      };
    },
  };
}

const PRISM_LIGHT = withAaContrast(prismThemes.github);
const PRISM_DARK = withAaContrast(prismThemes.dracula);

/**
 * Code blocks highlighted at build time (plugins/rehype-static-code.ts): their colours for both modes
 * as one small inline stylesheet, and a lite prism-react-renderer in the bundles (server and browser
 * alike, so a CodeBlock hydrates to what was rendered) instead of Prism and its forty grammars.
 */
function staticCode(): Plugin {
  return {
    name: 'static-code',
    configureWebpack() {
      return { resolve: { alias: { 'prism-react-renderer$': path.join(WEBSITE, 'src', 'lib', 'prism-react-renderer-lite.tsx') } } };
    },
    injectHtmlTags() {
      return { headTags: [{ tagName: 'style', attributes: { 'data-static-code': 'true' }, innerHTML: prismTokenCss(PRISM_LIGHT, PRISM_DARK) }] };
    },
  };
}

/**
 * The home page (src/pages/_home), routed at `/` with the list of functions read from the module's
 * registry here, at build time, as a JSON module of its route. Imported in the page instead, the
 * registry would put the module's chunk (`activations-module`) on the landing page to list names.
 */
interface Cff {
  readonly title: string;
  readonly abstract?: string;
  readonly version?: string;
  readonly 'date-released'?: string | Date;
  readonly authors: readonly { readonly name?: string; readonly 'family-names'?: string; readonly 'given-names'?: string }[];
}

/**
 * The home page describes the site as software, from CITATION.cff (the one place that says how to
 * cite it): Highwire tags for reference managers, Open Graph for link previews. The preview image
 * (og:image) is every page's, set in themeConfig.image (plugins/og-image.ts draws it).
 */
function softwareMeta(cffText: string): MetaTag[] {
  // js-yaml comes with Docusaurus; it ships no types of its own.
  const yaml = require('js-yaml') as { load(text: string): unknown };
  const cff = yaml.load(cffText) as Cff;
  if (typeof cff?.title !== 'string' || !Array.isArray(cff.authors)) throw new Error('CITATION.cff: expected a title and a list of authors');
  // YAML reads an unquoted date as a Date (midnight UTC).
  const released = cff['date-released'] instanceof Date ? cff['date-released'].toISOString().slice(0, 10) : cff['date-released'];
  const tags: MetaTag[] = [{ name: 'citation_title', content: cff.title }];
  for (const a of cff.authors) {
    const author = a.name ?? [a['family-names'], a['given-names']].filter(Boolean).join(', ');
    if (!author) throw new Error(`CITATION.cff: an author with neither name nor family-names: ${JSON.stringify(a)}`);
    tags.push({ name: 'citation_author', content: author });
  }
  if (released) tags.push({ name: 'citation_publication_date', content: released.replaceAll('-', '/') });
  if (cff.version) tags.push({ name: 'citation_version', content: cff.version });
  tags.push({ property: 'og:title', content: cff.title }, { property: 'og:type', content: 'website' });
  if (cff.abstract) tags.push({ property: 'og:description', content: cff.abstract.trim() });
  return tags;
}

function homePage(): Plugin {
  return {
    name: 'home-page',
    async contentLoaded({ actions }) {
      const list: HomeFunction[] = [...activationIds.map((id) => activations[id]!), ...vectorFunctionIds.map((id) => vectorFunctions[id])].map(
        ({ id, name, summary }) => ({ id, name, summary }),
      );
      const functions = await actions.createData('home-functions.json', JSON.stringify(list));
      const meta = await actions.createData('home-meta.json', JSON.stringify(softwareMeta(readFileSync(path.join(ROOT, 'CITATION.cff'), 'utf8'))));
      actions.addRoute({ path: base, exact: true, component: '@site/src/pages/_home/index.tsx', modules: { functions, meta } });
    },
  };
}

/**
 * /playground, with what the page needs of the module as build-time JSON (website/src/lib/playground/
 * catalog.ts) and the default settings' activations chart drawn here: the page renders and hydrates
 * without loading the module, which only its worker runs.
 */
function playgroundPage(): Plugin {
  return {
    name: 'playground',
    async contentLoaded({ actions }) {
      const catalog = catalogFromModule();
      const svg = activationChartSvg(DEFAULT_SETTINGS, runLabels(catalog, DEFAULT_SETTINGS));
      actions.addRoute({
        path: `${base}playground`,
        exact: true,
        component: '@site/src/pages/_playground/index.tsx',
        modules: {
          catalog: await actions.createData('playground-catalog.json', JSON.stringify(catalog)),
          initialActivationSvg: await actions.createData('playground-activation-svg.json', JSON.stringify({ svg })),
        },
      });
    },
  };
}

const config: Config = {
  title: 'Activation functions',
  tagline: 'The reference for neural-network activation functions: exact, cited, drawn from the code.',
  url,
  baseUrl: base,
  favicon: 'img/favicon.svg',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    format: 'detect',
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
  },
  // Rspack + SWC + Lightning CSS (@docusaurus/faster): ~3× faster builds. Its SSG worker threads
  // need removeLegacyPostBuildHeadAttribute. CSS cascade layers stay off: for our browser targets
  // Lightning CSS emulates them by raising the specificity of Infima's rules
  // (`:root:not(#\#):not(#\#)`), and then they override src/css/custom.css.
  future: { v4: { removeLegacyPostBuildHeadAttribute: true, useCssCascadeLayers: false }, faster: true },
  i18n: { defaultLocale: 'en', locales: ['en'] },
  clientModules: [path.join(WEBSITE, 'src', 'clientModules', 'hoverPrefetch.ts'), path.join(WEBSITE, 'src', 'clientModules', 'fragmentAnchor.ts')],
  presets: [
    [
      'classic',
      {
        docs: {
          path: '../docs',
          routeBasePath: 'docs',
          sidebarPath: './sidebars.ts',
          remarkPlugins: [remarkMath],
          rehypePlugins: [rehypeKatex, rehypeKatexErrors, rehypeKatexStylesheet, rehypeStaticCode, rehypeScrollFocus, [rehypeStaticHtml, { base }]],
        },
        blog: false,
        pages: {
          remarkPlugins: [remarkMath],
          rehypePlugins: [rehypeKatex, rehypeKatexErrors, rehypeKatexStylesheet, rehypeStaticCode, rehypeScrollFocus, [rehypeStaticHtml, { base }]],
        },
        theme: { customCss: './src/css/custom.css' },
        sitemap: { lastmod: null, changefreq: null, priority: null },
      } satisfies Preset.Options,
    ],
  ],
  plugins: [
    activationsModule,
    compileHints,
    homePage,
    playgroundPage,
    staticCode,
    ogImage,
    routeScripts,
    // The API reference (/docs/api): TypeDoc runs on the package's entry points as the site loads,
    // so every build (and `docusaurus start`) regenerates docs/api from the doc comments.
    ['docusaurus-plugin-typedoc', apiTypedocOptions(ROOT)],
  ],
  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: 'docs',
        docsDir: '../docs',
        language: ['en'],
        explicitSearchResultPath: true,
        // The index is fetched when the search box is first hovered or focused, never at page load;
        // keep out of it what no one searches for: KaTeX's visual copy of each formula (its MathML
        // copy stays) and the charts (the SVG's labels and ticks, the data as text).
        ignoreCssSelectors: ['.katex-html', 'figure[data-chart]'],
      },
    ],
  ],
  themeConfig: {
    colorMode: { defaultMode: 'light', respectPrefersColorScheme: true },
    // The link-card image of every page (og:image and twitter:image, absolute from url + baseUrl),
    // drawn at build time by plugins/og-image.ts; twitter:card is summary_large_image by default.
    image: OG_IMAGE.path,
    metadata: [
      { property: 'og:image:type', content: 'image/png' },
      { property: 'og:image:width', content: String(OG_IMAGE.width) },
      { property: 'og:image:height', content: String(OG_IMAGE.height) },
      { property: 'og:image:alt', content: OG_IMAGE.alt },
      { name: 'twitter:image:alt', content: OG_IMAGE.alt },
    ],
    navbar: {
      title: 'Activation functions',
      items: [
        { type: 'docSidebar', sidebarId: 'notebooks', label: 'Notebooks', position: 'left' },
        { type: 'docSidebar', sidebarId: 'functions', label: 'Functions', position: 'left' },
        { to: '/docs/comparison', label: 'Comparison', position: 'left' },
        { to: '/docs/experiments', label: 'Experiments', position: 'left' },
        { to: '/playground', label: 'Playground', position: 'left' },
        { to: '/docs/bibliography', label: 'Bibliography', position: 'left' },
        { type: 'docSidebar', sidebarId: 'api', label: 'API', position: 'left' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Learn',
          items: [
            { label: 'Walkthrough', to: '/docs/notebooks/activation-functions' },
            { label: 'Functions', to: '/docs/activations' },
            { label: 'Playground', to: '/playground' },
            { label: 'API reference', to: '/docs/api' },
          ],
        },
        {
          title: 'Compare and cite',
          items: [
            { label: 'Comparison', to: '/docs/comparison' },
            { label: 'Experiments', to: '/docs/experiments' },
            { label: 'Bibliography', to: '/docs/bibliography' },
          ],
        },
      ],
      copyright: 'Formulas, charts and tables are generated from the TypeScript module in src/.',
    },
    prism: { theme: PRISM_LIGHT, darkTheme: PRISM_DARK },
    tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
  } satisfies Preset.ThemeConfig,
};

export default config;
