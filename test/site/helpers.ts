/**
 * Shared by the site tests: where the build is, a small static server for it (like `docusaurus
 * serve`: `/a/b` → a/b.html or a/b/index.html, 404.html otherwise), and headless Chromium launched
 * the way DESIGN.md measured works here.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../notebooks/support.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built site; SITE_BUILD_DIR tests another build (e.g. one made with BASE_URL=/sub/ and --out-dir). */
export const BUILD = process.env.SITE_BUILD_DIR ? path.resolve(process.env.SITE_BUILD_DIR) : path.join(ROOT, 'website', 'build');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, '.cache', 'screenshots', 'site');

/** The base URL the site was built for, read from the build itself (every page links its CSS under it). */
export function builtBaseUrl(): string {
  const html = readFileSync(path.join(BUILD, 'index.html'), 'utf8');
  // The HTML is minified: attribute quotes are optional.
  const match = /<link rel=["']?stylesheet["']? href=["']?([^"' >]*?)assets\/css\//.exec(html);
  if (!match) throw new Error('cannot find the stylesheet link in website/build/index.html');
  return match[1]!;
}

/**
 * `npm run test:unit` (ACTIVATIONS_ONLY_UNIT=1) does not build the site: the tests that read the
 * build say so and define nothing, rather than test a stale build or fail on a missing one.
 */
export function siteTestsDisabled(file: string): boolean {
  if (process.env.ACTIVATIONS_ONLY_UNIT !== '1') return false;
  console.log(`# ${file}: not run by test:unit, which does not build the site (npm test does)`);
  return true;
}

/** Says clearly what to run when there is no build, instead of failing on a missing file. */
export function requireBuild(): void {
  if (!existsSync(path.join(BUILD, 'index.html'))) {
    throw new Error(
      `no site build in ${path.relative(ROOT, BUILD)}: run the pipeline first (npm test does; or npm run docs:generate && npm run docs:export && npm run site:build)`,
    );
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.bib': 'text/plain; charset=utf-8',
  '.ipynb': 'application/x-ipynb+json',
};

export interface Server {
  /** The site's root URL, base URL included, with a trailing slash. */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

function fileFor(root: string, pathname: string): string | undefined {
  const clean = path.normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const base = path.join(root, clean);
  if (!base.startsWith(root)) return undefined;
  for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Serves website/build under its base URL on 127.0.0.1, on an ephemeral port. */
export async function startServer(baseUrl = builtBaseUrl()): Promise<Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const inside = url.pathname.startsWith(baseUrl) ? url.pathname.slice(baseUrl.length - 1) : undefined;
    const file = inside === undefined ? undefined : fileFor(BUILD, inside);
    if (!file) {
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      res.end(readFileSync(path.join(BUILD, '404.html')));
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${baseUrl}`,
    origin,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, no background networking (so every request is the page's). */
export async function launchBrowser(options: { colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH`);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'site-test-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The page URLs listed in the built sitemap.xml, rebased onto `server`. */
export function sitemapPages(server: Server): string[] {
  const xml = readFileSync(path.join(BUILD, 'sitemap.xml'), 'utf8');
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
  if (locs.length === 0) throw new Error('sitemap.xml lists no pages');
  const baseUrl = new URL(server.url).pathname;
  return locs.map((loc) => {
    const u = new URL(loc);
    if (!u.pathname.startsWith(baseUrl)) throw new Error(`sitemap entry ${loc} is not under the base URL ${baseUrl}`);
    return `${server.origin}${u.pathname}`;
  });
}

/** Everything that goes wrong while a page is open: console errors, failed requests, and any request to a host other than `origin`. */
export function watch(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`request to another host: ${url}`);
  });
  // ERR_ABORTED is a request the page itself cancelled (a prefetch cut short by navigating on);
  // a missing file shows as an HTTP status below, a server that is down as another net error.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

/**
 * The budget of gzipped JavaScript (zlib's default level 6, what a static host typically serves) a
 * page with charts may load before the reader touches anything: a chart's code and the module load
 * only when the reader reaches for it (website/src/components/Deferred).
 */
export const CHART_PAGE_BUDGET = 185_000;
/** The playground's, its Web Worker included: it trains with the module from the start, so the module is in it. */
export const PLAYGROUND_BUDGET = 235_000;
