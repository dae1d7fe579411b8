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
 * static/katex, copied there by `npm run docs:generate`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config, Plugin } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { themes as prismThemes } from 'prism-react-renderer';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeKatexErrors from './plugins/rehype-katex-errors';

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

/**
 * Lets the site import the module's TypeScript source (`@activations/registry.js`): an alias to
 * ../src, and `.js` → `.ts` resolution for the module's NodeNext-style relative imports.
 *
 * In the browser the module gets a chunk of its own, loaded only by the pages that use it. Left to
 * Docusaurus, it would go into the `common` chunk (modules that more than half the pages use: the
 * function pages do), which every page loads, the bibliography and the search page included; with
 * the trade-offs' claims and their evidence it is the largest part of that chunk.
 */
function activationsModule(): Plugin {
  return {
    name: 'activations-module',
    configureWebpack(_config, isServer, utils) {
      const { NormalModuleReplacementPlugin } = utils.currentBundler.instance;
      // Files of the module's source (../src), matched as webpack matches a cache group's `test`.
      const source = new RegExp(`^${(path.join(ROOT, 'src') + path.sep).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
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
        plugins: [
          new NormalModuleReplacementPlugin(/wasm-bytes\.generated\.[jt]s$/, path.join(ROOT, 'website', 'src', 'lib', 'no-wasm-kernels.ts')),
        ],
      };
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
  stylesheets: [{ href: `${base}katex/katex.min.css`, type: 'text/css' }],
  presets: [
    [
      'classic',
      {
        docs: {
          path: '../docs',
          routeBasePath: 'docs',
          sidebarPath: './sidebars.ts',
          remarkPlugins: [remarkMath],
          rehypePlugins: [rehypeKatex, rehypeKatexErrors],
        },
        blog: false,
        pages: {
          remarkPlugins: [remarkMath],
          rehypePlugins: [rehypeKatex, rehypeKatexErrors],
        },
        theme: { customCss: './src/css/custom.css' },
        sitemap: { lastmod: null, changefreq: null, priority: null },
      } satisfies Preset.Options,
    ],
  ],
  plugins: [activationsModule],
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
      },
    ],
  ],
  themeConfig: {
    colorMode: { defaultMode: 'light', respectPrefersColorScheme: true },
    navbar: {
      title: 'Activation functions',
      items: [
        { type: 'docSidebar', sidebarId: 'notebooks', label: 'Notebooks', position: 'left' },
        { type: 'docSidebar', sidebarId: 'functions', label: 'Functions', position: 'left' },
        { to: '/docs/comparison', label: 'Comparison', position: 'left' },
        { to: '/docs/experiments', label: 'Experiments', position: 'left' },
        { to: '/docs/bibliography', label: 'Bibliography', position: 'left' },
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
    prism: { theme: prismThemes.github, darkTheme: prismThemes.dracula },
    tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
  } satisfies Preset.ThemeConfig,
};

export default config;
