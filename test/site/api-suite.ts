/**
 * The API reference (/docs/api) in headless Chromium, against the built site: it loads cleanly,
 * the API category is in the sidebar, every export of every entry point (package.json "exports",
 * read with the TypeScript compiler API from the entry files, not listed here) has its section on
 * its entry point's page (one page per entry point, a heading per symbol) showing the summary of
 * its doc comment, and the local search finds symbols and leads to their sections. Screenshots (light and dark) go to .cache/screenshots/site/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import ts from 'typescript';
import { apiEntryPoints, type ApiEntryPoint } from '../../website/plugins/api-docs.js';
import { ROOT, SCREENSHOTS, launchBrowser, requireBuild, startServer, watch, type Browser, type Server } from './helpers.js';

interface ExportedSymbol {
  readonly name: string;
  /** The first paragraph of its doc comment, as plain text. */
  readonly summary: string;
  /** The entry point that exported it first, where its documentation is; the others re-export it. */
  readonly home: string;
}

/** Markdown and TSDoc inline syntax reduced to the text a reader sees on the page. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\{@link(?:code|plain)?\s+([^}|\s]+)(?:\s*\|\s*|\s+)?([^}]*)\}/g, (_, target: string, text: string) => text.trim() || target)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every export of each entry point and its doc comment's summary, as the TypeScript compiler sees them. */
function exportsOf(entries: readonly ApiEntryPoint[]): Map<string, ExportedSymbol[]> {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, 'tsconfig.build.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')) },
  );
  assert.ok(config, 'cannot read tsconfig.build.json');
  const program = ts.createProgram(
    entries.map((e) => e.source),
    config.options,
  );
  const checker = program.getTypeChecker();
  const result = new Map<string, ExportedSymbol[]>();
  const homes = new Map<ts.Symbol, string>();
  for (const entry of entries) {
    const file = program.getSourceFile(entry.source);
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    assert.ok(moduleSymbol, `TypeScript finds no module in ${entry.source}`);
    const symbols = checker.getExportsOfModule(moduleSymbol).map((s) => {
      const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
      const comment = ts.displayPartsToString(target.getDocumentationComment(checker));
      if (!homes.has(target)) homes.set(target, entry.specifier);
      return { name: s.name, summary: plainText(comment.split(/\n\s*\n/)[0] ?? ''), home: homes.get(target)! };
    });
    result.set(entry.specifier, symbols);
  }
  return result;
}

requireBuild();
const entries = apiEntryPoints(ROOT);
const exported = exportsOf(entries);
const server: Server = await startServer();
let browser: Browser;

before(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server.close();
});

interface Section {
  readonly id: string;
  /** The symbol the heading names: its text up to `(` or `<` ("toBibtex()" → toBibtex). */
  readonly name: string;
  /** The text from the heading to the next heading of its level or above, whitespace collapsed. */
  readonly text: string;
}

/** The symbols' sections of an entry point's page: its level-3 headings (level 2 groups them by kind). */
async function sections(page: Page): Promise<Section[]> {
  return page
    .locator('article')
    .first()
    .evaluate((article) => {
      const headings = Array.from(article.querySelectorAll('h3[id]'));
      return headings.map((h) => {
        let text = '';
        for (let n = h.nextElementSibling; n && !/^H[123]$/.test(n.tagName); n = n.nextElementSibling) text += ` ${n.textContent ?? ''}`;
        const title = (h.textContent ?? '').replace(/\u200b/g, '');
        return { id: h.id, name: /^[\w$]+/.exec(title)?.[0] ?? title, text: text.replace(/\s+/g, ' ') };
      });
    });
}

/** The links of the page's article: text → absolute URL. */
async function articleLinks(page: Page): Promise<Map<string, string>> {
  const links = await page
    .locator('article a[href]')
    .evaluateAll((as) => as.map((a) => [(a.textContent ?? '').trim(), (a as HTMLAnchorElement).href] as const));
  return new Map(links);
}

describe('the API reference', () => {
  test('the TypeScript entry files export symbols, each with a doc comment', () => {
    assert.equal(exported.size, entries.length);
    for (const [specifier, symbols] of exported) {
      assert.ok(symbols.length > 10, `${specifier}: only ${symbols.length} exports found`);
      const bare = symbols.filter((s) => !s.summary).map((s) => s.name);
      assert.deepEqual(bare, [], `${specifier}: exports without a doc comment (test/api/api-docs.test.ts names them too)`);
    }
  });

  test('/docs/api loads cleanly, links each entry point, and the API category is in the sidebar', async () => {
    const page = await browser.context.newPage();
    const problems = watch(page, server.origin);
    await page.goto(`${server.url}docs/api`, { waitUntil: 'networkidle' });
    assert.match((await page.locator('article h1').first().textContent()) ?? '', /API reference/);
    const links = await articleLinks(page);
    for (const e of entries)
      assert.ok(links.has(e.specifier), `/docs/api has no link to the entry point ${e.specifier}; links: ${[...links.keys()].join(', ')}`);
    const sidebar = page.locator('.theme-doc-sidebar-menu');
    assert.equal(await sidebar.locator('.menu__link', { hasText: /^API$/ }).count(), 1, 'the sidebar has no "API" category');
    for (const e of entries)
      assert.equal(
        await sidebar.locator('.menu__link', { hasText: new RegExp(`^${e.specifier}$`) }).count(),
        1,
        `the sidebar has no category for ${e.specifier}`,
      );
    assert.equal(await page.locator('.navbar a.navbar__link', { hasText: /^API$/ }).count(), 1, 'the navbar has no API link');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate((s) => document.documentElement.setAttribute('data-theme', s), scheme);
      await page.screenshot({ path: path.join(SCREENSHOTS, `api-index-${scheme}.png`), fullPage: false });
    }
    await page.close();
    assert.deepEqual(problems, []);
  });

  for (const entry of entries) {
    test(`every export of ${entry.specifier} has its section on the entry point's page, with its doc comment`, async () => {
      const page = await browser.context.newPage();
      const problems = watch(page, server.origin);
      await page.goto(`${server.url}docs/api`, { waitUntil: 'load' });
      const pageUrl = (await articleLinks(page)).get(entry.specifier);
      assert.ok(pageUrl, `/docs/api does not link ${entry.specifier}`);
      await page.goto(pageUrl, { waitUntil: 'networkidle' });
      // The browser tab and the search results name the page by its title.
      assert.ok((await page.title()).startsWith(`${entry.specifier} |`), `${pageUrl} is titled ${JSON.stringify(await page.title())}`);
      const found = new Map((await sections(page)).map((s) => [s.name, s]));
      const symbols = exported.get(entry.specifier)!;
      const missing = symbols.filter((s) => !found.has(s.name)).map((s) => s.name);
      assert.deepEqual(missing, [], `${pageUrl} has no section for these exports of ${entry.specifier}`);
      const wrong: string[] = [];
      for (const symbol of symbols) {
        // The summary's first sentence, up to 80 characters: enough to tell one comment from another.
        // A symbol another entry point exports too is documented there; here it links to it.
        const expected = symbol.home === entry.specifier ? symbol.summary.split(/(?<=[.:;])\s/)[0]!.slice(0, 80) : `Re-exports ${symbol.name}`;
        if (!found.get(symbol.name)!.text.includes(expected)) wrong.push(`${symbol.name}: its section does not show ${JSON.stringify(expected)}`);
      }
      assert.deepEqual(wrong, []);
      const shown = symbols.find((s) => s.name === 'setKernelMode' || s.name === 'layer') ?? symbols[0]!;
      for (const scheme of ['light', 'dark'] as const) {
        await page.evaluate((s) => document.documentElement.setAttribute('data-theme', s), scheme);
        await page.locator(`[id="${found.get(shown.name)!.id}"]`).evaluate((h) => h.scrollIntoView());
        await page.screenshot({ path: path.join(SCREENSHOTS, `api-${entry.specifier.replace(/\W+/g, '-')}-${shown.name}-${scheme}.png`) });
      }
      await page.close();
      assert.deepEqual(problems, []);
    });
  }

  for (const name of ['setKernelMode', 'toBibtex']) {
    test(`the local search finds ${name} and leads to its section of the API reference`, async () => {
      assert.ok(
        [...exported.values()].some((symbols) => symbols.some((s) => s.name === name)),
        `${name} is not an export of any entry point`,
      );
      const page = await browser.context.newPage();
      const problems = watch(page, server.origin);
      await page.goto(`${server.url}docs/api`, { waitUntil: 'load' });
      await page.getByRole('searchbox').or(page.locator('input.navbar__search-input')).first().fill(name);
      const hit = page.locator('[role=option]', { hasText: name }).first();
      await hit.waitFor({ timeout: 10_000 });
      await hit.click();
      // A client-side navigation to the symbol's section of its entry point's page.
      await page.waitForURL(new RegExp(`/docs/api/[^?#]+[?#]`), { timeout: 10_000 });
      const hash = new URL(page.url()).hash.slice(1);
      assert.ok(hash, `the search result led to ${page.url()}, not to a section`);
      const heading = page.locator(`article h3[id="${hash}"]`);
      await heading.waitFor({ timeout: 10_000 });
      assert.match((await heading.textContent()) ?? '', new RegExp(`^${name}\\b`));
      await page.close();
      assert.deepEqual(problems, []);
    });
  }
});
