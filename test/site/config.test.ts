/**
 * website/docusaurus.config.ts: the site's URL and base URL come from SITE_URL and BASE_URL with
 * working defaults, bad values fail with a message naming the variable, and the strictness settings
 * (broken links, anchors, formulas) are on. The config is loaded in a child process per environment,
 * the way Docusaurus loads it, because it reads the environment once.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from './helpers.js';

const run = promisify(execFile);

const LOADER = `
const mod = await import(${JSON.stringify(path.join(ROOT, 'website', 'docusaurus.config.ts'))});
const config = mod.default?.default ?? mod.default;
const docs = config.presets[0][1].docs;
console.log(JSON.stringify({
  url: config.url,
  baseUrl: config.baseUrl,
  onBrokenLinks: config.onBrokenLinks,
  onBrokenAnchors: config.onBrokenAnchors,
  onBrokenMarkdownLinks: config.markdown.hooks.onBrokenMarkdownLinks,
  stylesheets: config.stylesheets ?? [],
  rehype: docs.rehypePlugins.map((p) => (Array.isArray(p) ? p[0] : p).name),
  // What the KaTeX stylesheet plugin puts in a page with a formula, and in one without.
  katexHead: (() => {
    const plugin = docs.rehypePlugins.find((p) => p.name === 'rehypeKatexStylesheet');
    const withMath = { type: 'root', children: [{ type: 'element', tagName: 'span', properties: { className: ['katex'] }, children: [] }] };
    const without = { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [] }] };
    plugin()(withMath);
    plugin()(without);
    const style = withMath.children[0];
    const css = style.children?.[0]?.value ?? '';
    const fonts = css.split('url(').slice(1).map((u) => u.slice(0, u.indexOf(')')));
    return {
      tagName: style.tagName,
      properties: style.properties,
      fontUrls: fonts.length,
      fontUrlsOutsideBase: fonts.filter((u) => !u.startsWith(process.env.BASE_URL ? '/activations/katex/fonts/' : '/katex/fonts/')).length,
      withMath: withMath.children.length,
      withoutMath: without.children.length,
    };
  })(),
  faster: config.future.faster,
}));
`;

async function load(env: Record<string, string | undefined>): Promise<Record<string, unknown>> {
  const clean = { ...process.env };
  delete clean.SITE_URL;
  delete clean.BASE_URL;
  for (const [k, v] of Object.entries(env)) if (v !== undefined) clean[k] = v;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', LOADER], { cwd: ROOT, env: clean });
  return JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

async function loadError(env: Record<string, string>): Promise<string> {
  try {
    await load(env);
  } catch (e) {
    return String((e as { stderr?: string }).stderr ?? e);
  }
  assert.fail(`expected the config to reject ${JSON.stringify(env)}`);
}

test('the config needs the KaTeX assets that docs:generate copies (else it says what to run)', () => {
  assert.ok(existsSync(path.join(ROOT, 'website', 'static', 'katex', 'katex.min.css')), 'run npm run docs:generate first');
});

test('without SITE_URL and BASE_URL the site is http://127.0.0.1:3000 at /', async () => {
  const c = await load({});
  assert.equal(c.url, 'http://127.0.0.1:3000');
  assert.equal(c.baseUrl, '/');
});

test('SITE_URL and BASE_URL set the URL and base URL, and the KaTeX stylesheet follows the base URL', async () => {
  const c = await load({ SITE_URL: 'https://example.org', BASE_URL: 'activations' });
  assert.equal(c.url, 'https://example.org');
  assert.equal(c.baseUrl, '/activations/');
  // No global stylesheet: KaTeX's CSS is inlined into the pages that have a formula, and only those,
  // with every font URL under the base URL.
  assert.deepEqual(c.stylesheets, []);
  const head = c.katexHead as Record<string, unknown>;
  assert.ok((head.fontUrls as number) > 20, `only ${String(head.fontUrls)} font URLs in the inlined stylesheet`);
  assert.deepEqual(
    { ...head, fontUrls: 0 },
    { tagName: 'style', properties: { dataKatex: '' }, fontUrls: 0, fontUrlsOutsideBase: 0, withMath: 2, withoutMath: 1 },
  );
});

test('a base URL is normalised to one slash at each end', async () => {
  assert.equal((await load({ BASE_URL: '//docs/act//' })).baseUrl, '/docs/act/');
  assert.equal((await load({ BASE_URL: '/' })).baseUrl, '/');
});

test('a SITE_URL with a path, or not a URL, is rejected naming SITE_URL', async () => {
  assert.match(await loadError({ SITE_URL: 'https://example.org/sub' }), /SITE_URL is the origin only/);
  assert.match(await loadError({ SITE_URL: 'example.org' }), /SITE_URL must be an absolute URL/);
  assert.match(await loadError({ SITE_URL: 'ftp://example.org' }), /SITE_URL must be an http\(s\) URL/);
});

test('a BASE_URL with a query or a scheme is rejected naming BASE_URL', async () => {
  assert.match(await loadError({ BASE_URL: '/a?b' }), /BASE_URL must be a path/);
  assert.match(await loadError({ BASE_URL: 'https://x.org/a/' }), /BASE_URL must be a path/);
});

test('broken links, anchors and markdown links fail the build, and KaTeX errors are checked after rehype-katex, before the stylesheet is linked', async () => {
  const c = await load({});
  assert.equal(c.onBrokenLinks, 'throw');
  assert.equal(c.onBrokenAnchors, 'throw');
  assert.equal(c.onBrokenMarkdownLinks, 'throw');
  // Then code is highlighted, wide tables and formulas become keyboard-scrollable, and last the plain
  // blocks become static HTML (they must see KaTeX's, Prism's and the focus plugin's output).
  assert.deepEqual(c.rehype, ['rehypeKatex', 'rehypeKatexErrors', 'rehypeKatexStylesheet', 'rehypeStaticCode', 'rehypeScrollFocus', 'rehypeStaticHtml']);
  assert.equal(c.faster, true);
});
