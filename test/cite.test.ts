import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { Cite } from '@citation-js/core';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { bibliography, citationStyles, fixedIeeeStyle, formatReference, toBibtex } from '../src/cite.js';
import { IEEE_CSL } from '../src/csl/ieee.csl.js';
import { referenceKeys, references, type CslItem } from '../src/references.js';

const ROOT = new URL('..', import.meta.url);

function item(key: string): CslItem {
  const found = references[key];
  assert.ok(found, `references has no entry for ${key}`);
  return found;
}

const yearOf = (entry: { issued?: { 'date-parts'?: number[][] } }) => entry.issued?.['date-parts']?.[0]?.[0];

/** Parses BibTeX back with citation-js's own BibTeX reader (plugin-bibtex), dropping its bookkeeping. */
function parseBibtex(bib: string): Record<string, unknown>[] {
  return (new Cite(bib).data as Record<string, unknown>[]).map(({ _graph, ...rest }) => rest);
}

/** What a BibTeX entry type should be for each CSL type (preprints are @misc, as arXiv exports them). */
const BIBTEX_TYPE: Record<CslItem['type'], string> = {
  article: 'misc',
  'article-journal': 'article',
  chapter: 'inbook',
  manuscript: 'unpublished',
  'paper-conference': 'inproceedings',
  report: 'techreport',
  thesis: 'phdthesis',
};

/** The BibTeX field that holds a CSL `publisher`, by CSL type (BibTeX's own names for each entry type). */
const PUBLISHER_FIELD: Partial<Record<CslItem['type'], string>> = {
  report: 'institution',
  thesis: 'school',
  manuscript: 'howpublished',
};

describe('toBibtex', () => {
  for (const key of referenceKeys) {
    test(`${key} round-trips through BibTeX with the same title, authors, year and DOI`, () => {
      const expected = item(key);
      const bib = toBibtex(key);
      assert.match(bib, new RegExp(`^@${BIBTEX_TYPE[expected.type]}\\{${key},$`, 'm'), `entry header of:\n${bib}`);
      const parsed = parseBibtex(bib);
      assert.equal(parsed.length, 1, `entries parsed from:\n${bib}`);
      const back = parsed[0]!;
      assert.equal(back['citation-key'], key);
      assert.equal(back.title, expected.title, 'title');
      assert.deepEqual(
        (back.author as { family: string; given: string }[]).map((a) => [a.family, a.given]),
        expected.author.map((a) => [a.family, a.given]),
        'authors',
      );
      assert.equal(yearOf(back as never), yearOf(expected as never), 'year');
      assert.equal(back.DOI, expected.DOI, 'DOI');
      assert.equal(back.URL, expected.URL, 'URL');
    });
  }

  test('a publisher is written as `publisher` (institution, school for reports and theses), never as `organization`', () => {
    // plugin-bibtex on its own writes a conference paper's publisher (PMLR, IEEE, Curran …) as
    // `organization`, the field BibTeX keeps for a conference's sponsor.
    assert.doesNotMatch(toBibtex(referenceKeys), /^\torganization = /m);
    const withPublisher = referenceKeys.filter((key) => item(key).publisher !== undefined);
    assert.ok(
      withPublisher.some((key) => item(key).type === 'paper-conference'),
      'no conference paper with a publisher to check',
    );
    for (const key of withPublisher) {
      const expected = item(key);
      const bib = toBibtex(key);
      const field = PUBLISHER_FIELD[expected.type] ?? 'publisher';
      assert.match(bib, new RegExp(`^\\t${field} = \\{`, 'm'), `${key}: no ${field} field in:\n${bib}`);
      assert.equal(parseBibtex(bib)[0]!.publisher, expected.publisher, `${key}: publisher read back from:\n${bib}`);
    }
  });

  test('a technical report is @techreport with its number, kind and institution', () => {
    const bib = toBibtex('bergstra2009quadratic');
    assert.match(bib, /^@techreport\{bergstra2009quadratic,$/m);
    assert.match(bib, /^\tnumber = \{1337\},$/m);
    assert.match(bib, /^\tinstitution = \{D\{\\' e\}partement d'Informatique/m);
    const back = parseBibtex(bib)[0]!;
    assert.equal(back.genre, 'Technical Report', `kind of report in:\n${bib}`);
    assert.equal(back.number, '1337');
  });

  test('several keys give one entry each, in the order given', () => {
    const keys = ['misra2019mish', 'nair2010relu', 'bridle1990softmax'];
    const bib = toBibtex(keys);
    const order = [...bib.matchAll(/^@\w+\{([^,]+),$/gm)].map((m) => m[1]);
    assert.deepEqual(order, keys);
    assert.deepEqual(
      parseBibtex(bib).map((e) => e['citation-key']),
      keys,
    );
  });

  test('all keys together parse back to every reference', () => {
    const parsed = parseBibtex(toBibtex(referenceKeys));
    assert.deepEqual(
      parsed.map((e) => e['citation-key']),
      [...referenceKeys],
    );
  });

  test('non-ASCII names are escaped for BibTeX and come back intact', () => {
    const bib = toBibtex(['clevert2016elu', 'klambauer2017selu', 'lecun1998efficient']);
    assert.doesNotMatch(bib, /[^\x00-\x7f]/, 'BibTeX output is ASCII');
    const names = parseBibtex(bib).flatMap((e) => (e.author as { given: string; family: string }[]).map((a) => `${a.given} ${a.family}`));
    for (const name of ['Djork-Arné Clevert', 'Günter Klambauer', 'Léon Bottou', 'Klaus-Robert Müller']) {
      assert.ok(names.includes(name), `${name} not in ${JSON.stringify(names)}`);
    }
  });

  test('a preprint is @misc with its arXiv identifier in the note and URL', () => {
    const bib = toBibtex('hendrycks2016gelu');
    assert.match(bib, /^@misc\{hendrycks2016gelu,$/m);
    assert.match(bib, /^\tnote = \{arXiv:1606\.08415\},$/m);
    assert.match(bib, /^\turl = \{https:\/\/arxiv\.org\/abs\/1606\.08415\},$/m);
  });

  test('an empty list gives an empty string', () => {
    assert.equal(toBibtex([]), '');
  });

  test('an unknown key is a RangeError naming it', () => {
    assert.throws(
      () => toBibtex('nair2010'),
      (e: Error) => e instanceof RangeError && e.message.includes('"nair2010"'),
    );
    assert.throws(
      () => toBibtex(['nair2010relu', 'nope']),
      (e: Error) => e instanceof RangeError && e.message.includes('"nope"') && e.message.includes('keys[1]'),
    );
  });

  test('a key that is not a string is a TypeError', () => {
    assert.throws(() => toBibtex(42 as never), TypeError);
    assert.throws(() => toBibtex([null] as never), TypeError);
  });

  test('the references themselves are left untouched (citation-js annotates its input)', () => {
    toBibtex(referenceKeys);
    formatReference('nair2010relu', 'ieee');
    for (const key of referenceKeys) assert.equal('_graph' in item(key), false, key);
  });
});

/** What a formatted reference must show: the authors' family names, the title, the year. */
function assertShowsItem(text: string, key: string, style: 'apa' | 'ieee'): void {
  const entry = item(key);
  // IEEE lists the first author and "et al." from 7 authors on (et-al-min="7").
  const families = style === 'ieee' && entry.author.length >= 7 ? [entry.author[0]!.family] : entry.author.map((a) => a.family);
  for (const family of families) assert.ok(text.includes(family), `${style} ${key}: no "${family}" in: ${text}`);
  if (families.length < entry.author.length) assert.ok(text.includes('et al.'), `${style} ${key}: no "et al." in: ${text}`);
  assert.ok(text.includes(entry.title), `${style} ${key}: no title in: ${text}`);
  assert.ok(text.includes(String(yearOf(entry as never))), `${style} ${key}: no year in: ${text}`);
}

describe('formatReference', () => {
  for (const key of referenceKeys) {
    test(`${key} in APA and IEEE shows its authors, title and year`, () => {
      assertShowsItem(formatReference(key, 'apa'), key, 'apa');
      assertShowsItem(formatReference(key, 'ieee'), key, 'ieee');
    });
  }

  test('APA gives a DOI as a https://doi.org link and IEEE as "doi: …"', () => {
    for (const key of referenceKeys) {
      const doi = item(key).DOI;
      if (!doi) continue;
      assert.ok(formatReference(key, 'apa').includes(`https://doi.org/${doi}`), `apa ${key}`);
      assert.ok(formatReference(key, 'ieee').includes(`doi: ${doi}.`), `ieee ${key}`);
    }
  });

  test('arXiv preprints show their arXiv identifier in both styles', () => {
    for (const key of ['hendrycks2016gelu', 'misra2019mish', 'barron2017celu']) {
      const id = item(key).number!.replace('arXiv:', '');
      assert.ok(formatReference(key, 'apa').includes(`arXiv:${id}`), `apa ${key}`);
      assert.ok(formatReference(key, 'ieee').includes(id), `ieee ${key}`);
    }
  });

  test('matches hand-written APA 7 and IEEE references for a journal article and a proceedings paper', () => {
    assert.equal(
      formatReference('rumelhart1986backprop', 'apa'),
      'Rumelhart, D. E., Hinton, G. E., & Williams, R. J. (1986). Learning representations by back-propagating errors. Nature, 323(6088), 533–536. https://doi.org/10.1038/323533a0',
    );
    assert.equal(
      formatReference('rumelhart1986backprop', 'ieee'),
      'D. E. Rumelhart, G. E. Hinton, and R. J. Williams, “Learning representations by back-propagating errors,” Nature, vol. 323, no. 6088, pp. 533–536, Oct. 1986, doi: 10.1038/323533a0.',
    );
    assert.equal(
      formatReference('he2015delving', 'ieee'),
      'K. He, X. Zhang, S. Ren, and J. Sun, “Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification,” in 2015 IEEE International Conference on Computer Vision (ICCV), 2015, pp. 1026–1034. doi: 10.1109/ICCV.2015.123.',
    );
  });

  test('IEEE names the event of a paper presented without proceedings pages', () => {
    assert.match(
      formatReference('maas2013rectifier', 'ieee'),
      /presented at the ICML Workshop on Deep Learning for Audio, Speech and Language Processing, 2013\./,
    );
    assert.match(
      formatReference('ramachandran2017swish', 'ieee'),
      /presented at the 6th International Conference on Learning Representations \(ICLR 2018\), Workshop Track, Vancouver, BC, Canada, 2018\./,
    );
  });

  test('IEEE output has no doubled spaces and no word glued to a closing quote', () => {
    for (const key of referenceKeys) {
      const text = formatReference(key, 'ieee');
      assert.doesNotMatch(text, / {2}/, `${key}: ${text}`);
      assert.doesNotMatch(text, /”\p{L}/u, `${key}: ${text}`);
    }
  });

  test('a single IEEE reference has no list number; the bibliography numbers every entry', () => {
    for (const key of referenceKeys) assert.doesNotMatch(formatReference(key, 'ieee'), /^\[\d+\]/, key);
    const lines = bibliography('ieee').trim().split('\n');
    assert.equal(lines.length, referenceKeys.length);
    lines.forEach((line, i) => {
      assert.ok(line.startsWith(`[${i + 1}] `), `line ${i + 1}: ${line}`);
      assertShowsItem(line, referenceKeys[i]!, 'ieee');
    });
  });

  test('HTML output is one csl-entry with markup and escaped ampersands', () => {
    for (const style of citationStyles) {
      const html = formatReference('glorot2011deep', style, 'html');
      assert.equal(html.match(/class="csl-entry"/g)?.length, 1, `${style}: ${html}`);
      assert.match(html, /<i>Proceedings of the Fourteenth International Conference on Artificial Intelligence and Statistics<\/i>/, style);
      assert.doesNotMatch(html, /csl-left-margin|\[1\]/, style);
    }
    assert.match(formatReference('glorot2011deep', 'apa', 'html'), /Bordes, A\., &#38; Bengio, Y\./);
  });

  test('an unknown key, style or format is a RangeError naming it', () => {
    assert.throws(
      () => formatReference('relu', 'apa'),
      (e: Error) => e instanceof RangeError && e.message.includes('"relu"'),
    );
    assert.throws(
      () => formatReference('nair2010relu', 'mla' as never),
      (e: Error) => e instanceof RangeError && e.message.includes('"mla"'),
    );
    assert.throws(
      () => formatReference('nair2010relu', 'apa', 'rtf' as never),
      (e: Error) => e instanceof RangeError && e.message.includes('"rtf"'),
    );
    assert.throws(() => formatReference(undefined as never, 'apa'), TypeError);
  });
});

describe('bibliography', () => {
  test('APA lists every reference once, sorted by first author', () => {
    const lines = bibliography('apa').trim().split('\n');
    assert.equal(lines.length, referenceKeys.length);
    const families = lines.map((l) => l.slice(0, l.indexOf(',')));
    const sorted = [...families].sort((a, b) => a.localeCompare(b, 'en'));
    assert.deepEqual(families, sorted);
    for (const key of referenceKeys) {
      assert.equal(lines.filter((l) => l.includes(item(key).title)).length, 1, key);
    }
  });

  test('a subset of keys gives only those references, numbered in the order given for IEEE', () => {
    const text = bibliography('ieee', 'text', ['misra2019mish', 'nair2010relu']).trim().split('\n');
    assert.equal(text.length, 2);
    assert.match(text[0]!, /^\[1\] D\. Misra/);
    assert.match(text[1]!, /^\[2\] V\. Nair/);
    assert.equal(bibliography('apa', 'text', []), '');
  });

  test('HTML has one csl-entry per reference', () => {
    for (const style of citationStyles) {
      assert.equal(bibliography(style, 'html').match(/class="csl-entry"/g)?.length, referenceKeys.length, style);
    }
  });

  test('an unknown style or key is a RangeError naming it', () => {
    assert.throws(
      () => bibliography('chicago' as never),
      (e: Error) => e instanceof RangeError && e.message.includes('"chicago"'),
    );
    assert.throws(
      () => bibliography('apa', 'text', ['x']),
      (e: Error) => e instanceof RangeError && e.message.includes('"x"'),
    );
  });
});

describe('the bundled IEEE style', () => {
  test('is the 2021 ieee.csl of the CSL style repository, whole, with its licence', () => {
    assert.equal(IEEE_CSL.length, 15720);
    assert.ok(IEEE_CSL.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl"'));
    assert.ok(IEEE_CSL.endsWith('</bibliography>\n</style>\n'));
    assert.ok(IEEE_CSL.includes('<id>http://www.zotero.org/styles/ieee</id>'));
    assert.ok(IEEE_CSL.includes('<updated>2021-05-07T00:52:46+10:00</updated>'));
    assert.ok(IEEE_CSL.includes('<rights license="http://creativecommons.org/licenses/by-sa/3.0/">'));
  });

  test('its whitespace fixes apply exactly where expected, and fail loudly on another version', () => {
    const fixed = fixedIeeeStyle();
    assert.equal(fixed.split('prefix=" " suffix=".">\n            <text macro="publisher"/>').length - 1, 2);
    assert.equal(fixed.includes('<text value=", " />'), false);
    assert.throws(() => fixedIeeeStyle(IEEE_CSL.replace('<text value=", " />', '')), /expected 1 occurrence/);
  });

  test('the citation modules read nothing from disk at run time (the site runs them in the browser)', () => {
    for (const file of ['src/cite.ts', 'src/references.ts', 'src/csl/ieee.csl.ts']) {
      const source = readFileSync(new URL(file, ROOT), 'utf8');
      assert.doesNotMatch(source, /from ['"](node:)?(fs|path|url|module)['"]|require\(/, file);
    }
  });
});

describe('CITATION.cff', () => {
  // js-yaml comes with Docusaurus (pinned in devDependencies); it ships no types of its own. The
  // core schema keeps dates as strings, as the CFF schema expects them (JSON has no dates).
  const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string, options?: unknown): unknown; CORE_SCHEMA: unknown };
  const cff = yaml.load(readFileSync(new URL('CITATION.cff', ROOT), 'utf8'), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
  const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string; license: string };
  // The official CFF 1.2.0 schema, vendored (test/fixtures/cff/README.md says from where).
  const schema = JSON.parse(readFileSync(new URL('test/fixtures/cff/schema-1.2.0.json', ROOT), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, strict: false });
  // A CommonJS module: its plugin function is `default` of what Node's ESM import gives.
  ajvFormats.default(ajv);
  const validate = ajv.compile(schema);

  test('is valid against the official Citation File Format 1.2.0 schema', () => {
    assert.equal(validate(cff), true, ajv.errorsText(validate.errors, { separator: '\n' }));
  });

  test('the schema rejects what CFF forbids (the validation is real)', () => {
    const broken = (change: (c: Record<string, unknown>) => void) => {
      const c = structuredClone(cff);
      change(c);
      return validate(c);
    };
    assert.equal(
      broken((c) => delete c.authors),
      false,
      'no authors',
    );
    assert.equal(
      broken((c) => (c['date-released'] = '28 November 2026')),
      false,
      'a date not in YYYY-MM-DD',
    );
    assert.equal(
      broken((c) => (c.licence = 'MIT')),
      false,
      'an unknown key',
    );
  });

  test("its version and licence are package.json's", () => {
    assert.equal(cff.version, pkg.version);
    assert.equal(cff.license, pkg.license);
  });

  test('it has a release date and no invented repository address', () => {
    assert.equal(cff['date-released'], '2026-11-28');
    for (const field of ['url', 'repository', 'repository-code', 'repository-artifact', 'doi']) {
      assert.equal(field in cff, false, field);
    }
  });
});
