/**
 * What reference managers read from the built pages, read back as they read it: each function page's
 * Highwire `citation_*` tags and every page's COinS spans are turned back into CSL-JSON (the mapping
 * Zotero's Embedded Metadata and COinS translators apply, written out here) and compared with
 * src/references.ts; the home page's tags with CITATION.cff.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { references, referenceKeys, type CslItem } from '../../src/references.js';
import { activationIds, activations } from '../../src/registry.js';
import { vectorFunctionIds, vectorFunctions } from '../../src/vector/softmax.js';
import { pageName } from '../../website/src/lib/paths.js';
import { BUILD, ROOT, requireBuild } from './helpers.js';

function page(route: string): string {
  return readFileSync(path.join(BUILD, `${route}.html`), 'utf8');
}

function decode(t: string): string {
  return t
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The attributes of every `<tag>` in (minified) HTML: values quoted or not, entities decoded. */
function elements(html: string, tag: string): Record<string, string>[] {
  const open = new RegExp(`<${tag}\\b((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'gi');
  return [...html.matchAll(open)].map(([, attrs]) => {
    const out: Record<string, string> = {};
    for (const m of attrs!.matchAll(/([^\s=/]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      out[m[1]!.toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? '');
    }
    return out;
  });
}

/** The page's `<meta name|property content>` pairs, in document order. */
function metaTags(html: string): [string, string][] {
  const head = html.slice(0, html.indexOf('</head>'));
  return elements(head, 'meta').flatMap((m) => {
    const key = m.name ?? m.property;
    return key !== undefined && m.content !== undefined ? [[key, m.content] as [string, string]] : [];
  });
}

const name = (s: string) => {
  const [family, given] = s.split(', ');
  return { family: family!, given: given! };
};
const dateFrom = (s: string, sep: string) => ({ 'date-parts': [s.split(sep).map(Number)] });

/** Highwire tags back to CSL-JSON. */
function fromHighwire(tags: readonly [string, string][]): Record<string, unknown> {
  const all = (n: string) => tags.filter(([k]) => k === n).map(([, v]) => v);
  const one = (n: string) => {
    const v = all(n);
    assert.ok(v.length <= 1, `${n} appears ${v.length} times`);
    return v[0];
  };
  const out: Record<string, unknown> = {
    title: one('citation_title'),
    author: all('citation_author').map(name),
    issued: dateFrom(one('citation_publication_date')!, '/'),
  };
  const container = one('citation_journal_title') ?? one('citation_conference_title') ?? one('citation_inbook_title');
  if (container) out['container-title'] = container;
  const publisher = one('citation_publisher') ?? one('citation_technical_report_institution') ?? one('citation_dissertation_institution');
  if (publisher) out.publisher = publisher;
  const set = (field: string, tag: string) => {
    const v = one(tag);
    if (v !== undefined) out[field] = v;
  };
  set('volume', 'citation_volume');
  set('issue', 'citation_issue');
  set('DOI', 'citation_doi');
  set('ISSN', 'citation_issn');
  const first = one('citation_firstpage');
  if (first) out.page = `${first}-${one('citation_lastpage')}`;
  const arxiv = one('citation_arxiv_id');
  const report = one('citation_technical_report_number');
  if (arxiv) out.number = `arXiv:${arxiv}`;
  if (report) out.number = report;
  return out;
}

/** A COinS KEV back to CSL-JSON. */
function fromCoins(kev: string): Record<string, unknown> {
  const p = new URLSearchParams(kev);
  assert.equal(p.get('ctx_ver'), 'Z39.88-2004', kev);
  const ids = p.getAll('rft_id');
  const doi = ids.find((i) => i.startsWith('info:doi/'));
  const out: Record<string, unknown> = {
    title: p.get('rft.atitle') ?? p.get('rft.title') ?? p.get('rft.btitle'),
    author: p.getAll('rft.au').map(name),
    issued: dateFrom(p.get('rft.date')!, '-'),
    URL: ids.find((i) => !i.startsWith('info:')),
  };
  const container = p.get('rft.jtitle') ?? (p.get('rft.atitle') ? p.get('rft.btitle') : null);
  if (container) out['container-title'] = container;
  if (doi) out.DOI = doi.slice('info:doi/'.length);
  const set = (field: string, key: string) => {
    const v = p.get(key);
    if (v !== null) out[field] = v;
  };
  set('volume', 'rft.volume');
  set('issue', 'rft.issue');
  set('ISSN', 'rft.issn');
  set('publisher', 'rft.pub');
  set('publisher', 'rft.inst');
  if (p.get('rft.spage')) out.page = `${p.get('rft.spage')}-${p.get('rft.epage')}`;
  return out;
}

/** The fields of a reference that the tags carry (a single page is written "n-n"). */
function expected(item: CslItem, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const src = item as unknown as Record<string, unknown>;
  for (const f of fields) if (src[f] !== undefined) out[f] = f === 'page' && !String(src[f]).includes('-') ? `${src[f]}-${src[f]}` : src[f];
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}

const HIGHWIRE_FIELDS = ['title', 'author', 'issued', 'container-title', 'publisher', 'volume', 'issue', 'page', 'DOI', 'ISSN'];
const COINS_FIELDS = ['title', 'author', 'issued', 'container-title', 'publisher', 'volume', 'issue', 'page', 'DOI', 'ISSN', 'URL'];

function coinsOf(html: string): Record<string, unknown>[] {
  return elements(html, 'span')
    .filter((s) => (s.class ?? '').split(/\s+/).includes('Z3988'))
    .map((s) => fromCoins(s.title ?? ''));
}

const functions = [...activationIds.map((id) => activations[id]!), ...vectorFunctionIds.map((id) => vectorFunctions[id])];

describe('reference-manager metadata in the built site', () => {
  before(requireBuild);

  for (const f of functions) {
    test(`${f.id}: Highwire tags give its first paper, COinS every paper it cites`, () => {
      const html = page(`docs/activations/${pageName(f.id)}`);
      const tags = metaTags(html).filter(([k]) => k.startsWith('citation_'));
      const coins = coinsOf(html);
      if (f.papers.length === 0) {
        assert.deepEqual(tags, [], 'citation tags on a page that cites no paper');
        assert.deepEqual(coins, [], 'COinS on a page that cites no paper');
        return;
      }
      const first = references[f.papers[0]!]!;
      const back = fromHighwire(tags);
      if (first.number?.startsWith('arXiv:') || first.type === 'report') assert.equal(back.number, first.number, 'arXiv id / report number');
      delete back.number;
      assert.deepEqual(back, expected(first, HIGHWIRE_FIELDS));
      assert.deepEqual(
        coins,
        f.papers.map((k) => expected(references[k]!, COINS_FIELDS)),
      );
    });
  }

  test('the bibliography carries one COinS span per reference, in order, each equal to the reference', () => {
    assert.deepEqual(
      coinsOf(page('docs/bibliography')),
      referenceKeys.map((k) => expected(references[k], COINS_FIELDS)),
    );
  });

  test('the bibliography has no Highwire tags (it is no single paper)', () => {
    assert.deepEqual(
      metaTags(page('docs/bibliography')).filter(([k]) => k.startsWith('citation_')),
      [],
    );
  });

  test('the home page describes the site as software, from CITATION.cff', () => {
    const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string, o?: unknown): unknown; CORE_SCHEMA: unknown };
    const cff = yaml.load(readFileSync(path.join(ROOT, 'CITATION.cff'), 'utf8'), { schema: yaml.CORE_SCHEMA }) as {
      title: string;
      abstract: string;
      version: string;
      'date-released': string;
      authors: { name: string }[];
    };
    const tags = metaTags(readFileSync(path.join(BUILD, 'index.html'), 'utf8'));
    const all = (n: string) => tags.filter(([k]) => k === n).map(([, v]) => v);
    assert.deepEqual(all('citation_title'), [cff.title]);
    assert.deepEqual(
      all('citation_author'),
      cff.authors.map((a) => a.name),
    );
    assert.deepEqual(all('citation_publication_date'), [cff['date-released'].replaceAll('-', '/')]);
    assert.deepEqual(all('citation_version'), [cff.version]);
    assert.deepEqual(all('og:title'), [cff.title]);
    assert.deepEqual(all('og:type'), ['website']);
    assert.deepEqual(all('og:description'), [cff.abstract.trim()]);
  });
});
