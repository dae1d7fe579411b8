/**
 * The link-card image (website/plugins/og-image.ts): the built pages point og:image and
 * twitter:image, as absolute URLs under the site's URL and base URL, at a file of the build that is
 * a 1200×630 PNG, and give its size, type and text alternative. Reads the build only (no browser).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { BUILD, builtBaseUrl, requireBuild, siteTestsDisabled } from './helpers.js';

/** The content of every `<meta>` of a minified page, by its property or name (attribute quotes are optional there). */
function metaOf(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    const attr = (name: string) => new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`).exec(tag);
    const key = attr('property') ?? attr('name');
    const content = attr('content');
    if (key && content) tags.set(key[1] ?? key[2] ?? key[3]!, content[1] ?? content[2] ?? content[3]!);
  }
  return tags;
}

/** Width, height, bit depth and colour type from the PNG's IHDR chunk, and its tEXt chunks. */
function readPng(bytes: Buffer): { width: number; height: number; text: Map<string, string> } {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'not a PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR', 'the first chunk is not IHDR');
  const text = new Map<string, string>();
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('latin1');
    if (type === 'tEXt') {
      const data = bytes.subarray(at + 8, at + 8 + length);
      const nul = data.indexOf(0);
      text.set(data.subarray(0, nul).toString('latin1'), data.subarray(nul + 1).toString('latin1'));
    }
    at += 12 + length;
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), text };
}

if (!siteTestsDisabled('test/site/og-image.test.ts')) {
  requireBuild();
  const base = builtBaseUrl();

  for (const page of ['index.html', 'docs/activations/gelu.html']) {
    test(`${page} has an og:image that is a 1200×630 PNG of the build, with its size, type and alt text`, () => {
      const html = readFileSync(path.join(BUILD, page), 'utf8');
      const meta = metaOf(html);
      const image = meta.get('og:image');
      assert.ok(image, 'no og:image');
      const canonical = /<link[^>]*rel=["']?canonical["']?[^>]*href=["']?([^"' >]+)/.exec(html)?.[1];
      assert.ok(canonical, 'no canonical link to compare the origin with');
      const url = new URL(image);
      assert.equal(url.origin, new URL(canonical).origin, 'og:image is not on the site (SITE_URL)');
      assert.ok(url.pathname.startsWith(base), `og:image ${image} is not under the base URL ${base}`);
      const file = path.join(BUILD, decodeURIComponent(url.pathname.slice(base.length)));
      assert.ok(existsSync(file), `og:image ${image} is not in the build (${file})`);
      const png = readPng(readFileSync(file));
      assert.deepEqual({ width: png.width, height: png.height }, { width: 1200, height: 630 });
      assert.match(png.text.get('Software') ?? '', /website\/plugins\/og-image\.ts/, 'the PNG does not say what made it');
      assert.equal(meta.get('og:image:width'), '1200');
      assert.equal(meta.get('og:image:height'), '630');
      assert.equal(meta.get('og:image:type'), 'image/png');
      assert.match(meta.get('og:image:alt') ?? '', /\bReLU\b.*\bGELU\b/);
      assert.equal(meta.get('twitter:card'), 'summary_large_image');
      assert.equal(meta.get('twitter:image'), image);
      assert.equal(meta.get('twitter:image:alt'), meta.get('og:image:alt'));
    });
  }
}
