/**
 * Citations of the bibliography in `references.ts`: BibTeX through @citation-js/plugin-bibtex and
 * formatted references (APA 7, IEEE) through @citation-js/plugin-csl, always from the CSL-JSON
 * items, never assembled by hand. Works in Node (dist, tslab) and in the browser (the site imports
 * it): the IEEE style is bundled as a string (`csl/ieee.csl.ts`), nothing is read from disk.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { IEEE_CSL } from './csl/ieee.csl.js';
import { isReferenceKey, referenceKeys, references, type ReferenceKey } from './references.js';

/** The citation styles `formatReference` and `bibliography` render: APA 7th edition and IEEE. */
export type CitationStyle = 'apa' | 'ieee';
/** What `formatReference` and `bibliography` return: plain text, or HTML with the title in italics where the style says so. */
export type ReferenceFormat = 'text' | 'html';

/** The styles `formatReference` and `bibliography` accept. */
export const citationStyles: readonly CitationStyle[] = Object.freeze(['apa', 'ieee'] as const);

/**
 * citation-js template names. APA ships with plugin-csl; IEEE is registered under a name of our
 * own so that an application registering another "ieee" style keeps its own and we keep ours.
 */
const TEMPLATES: Readonly<Record<CitationStyle, string>> = { apa: 'apa', ieee: 'activation-functions/ieee' };

/**
 * Two whitespace slips of the vendored IEEE style, fixed as it is registered so that
 * `csl/ieee.csl.ts` stays a verbatim copy: journal articles print ",  doi:" (its ", " separator
 * meets the DOI's own " doi: " prefix), and the two-group layouts (the fallback, used for arXiv
 * preprints, and the one for books) glue the title to the publisher: "…(GELUs).”arXiv".
 * Each fix must apply exactly as often as stated, or the style changed and the fix needs a look.
 */
const IEEE_FIXES: readonly { readonly find: string; readonly replace: string; readonly times: number }[] = [
  { find: '<text value=", " />', replace: '<text value="," />', times: 1 },
  {
    find: '</group>\n          <group delimiter=", " suffix=".">\n            <text macro="publisher"/>',
    replace: '</group>\n          <group delimiter=", " prefix=" " suffix=".">\n            <text macro="publisher"/>',
    times: 2,
  },
];

/** The IEEE style with `IEEE_FIXES` applied; throws if any fix does not apply as expected. */
export function fixedIeeeStyle(csl: string = IEEE_CSL): string {
  let out = csl;
  for (const { find, replace, times } of IEEE_FIXES) {
    const found = out.split(find).length - 1;
    if (found !== times) throw new Error(`IEEE style: expected ${times} occurrence(s) of ${JSON.stringify(find)}, found ${found}`);
    out = out.split(find).join(replace);
  }
  return out;
}

/**
 * Registers the IEEE style with citation-js on first use, not at import: the package is marked
 * `sideEffects: false`, so importing it must change nothing outside it (and a bundle that uses no
 * citation drops this file and citation-js altogether).
 */
function ensureIeeeStyle(): void {
  const cslStyles = plugins.config.get('@csl').styles;
  if (!cslStyles.has(TEMPLATES.ieee)) cslStyles.add(TEMPLATES.ieee, fixedIeeeStyle());
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value;
}

function checkKey(key: unknown, parameter: string): ReferenceKey {
  if (typeof key !== 'string') throw new TypeError(`${parameter} must be a cite key (a string), got ${describe(key)}`);
  if (!isReferenceKey(key)) {
    throw new RangeError(`${parameter}: unknown reference key ${JSON.stringify(key)} (known keys: ${referenceKeys.join(', ')})`);
  }
  return key;
}

function checkKeys(keys: unknown, parameter: string): ReferenceKey[] {
  if (typeof keys === 'string') return [checkKey(keys, parameter)];
  if (!Array.isArray(keys)) throw new TypeError(`${parameter} must be a cite key or an array of cite keys, got ${describe(keys)}`);
  return keys.map((k: unknown, i) => checkKey(k, `${parameter}[${i}]`));
}

function checkStyle(style: unknown): CitationStyle {
  if (typeof style !== 'string' || !(citationStyles as readonly string[]).includes(style)) {
    throw new RangeError(`style must be one of ${citationStyles.map((s) => `'${s}'`).join(', ')}, got ${describe(style)}`);
  }
  return style as CitationStyle;
}

function checkFormat(format: unknown): ReferenceFormat {
  if (format !== 'text' && format !== 'html') throw new RangeError(`format must be 'text' or 'html', got ${describe(format)}`);
  return format;
}

/**
 * A fresh Cite over copies of the items for one output: citation-js annotates its input
 * (`_graph`), and the references are frozen. `citation-key` makes the BibTeX key our cite key
 * instead of a generated "Author2010Title" label.
 */
function citeOf(keys: readonly ReferenceKey[], output: CitationStyle | 'bibtex'): Cite {
  return new Cite(
    keys.map((key) => {
      const item: Record<string, unknown> = { ...structuredClone(references[key]), 'citation-key': key };
      if (output === 'bibtex' && item.type === 'article') {
        // A preprint is @misc in BibTeX (arXiv's own export): @article requires a journal. The
        // note carries the identifier, which plugin-bibtex 0.8 has no eprint field for.
        item.type = 'document';
        item.note = item.number;
      }
      // IEEE prints a conference paper without proceedings locators (a workshop or ICLR paper) as
      // "presented at the <event>", from the event name, which for these papers is the container.
      if (output === 'ieee' && item.type === 'paper-conference' && item.page === undefined && item.volume === undefined && item.editor === undefined) {
        item['event-title'] = item['container-title'];
      }
      return item;
    }),
  );
}

/**
 * BibTeX for one key or several (in the order given), each entry keyed by its cite key; non-ASCII
 * letters are written as TeX accents (`Arn{\' e}`), so the output is plain ASCII.
 */
export function toBibtex(keys: ReferenceKey | readonly ReferenceKey[] | string | readonly string[]): string {
  const checked = checkKeys(keys, 'keys');
  return checked.length === 0 ? '' : publishersAsPublishers(citeOf(checked, 'bibtex').format('bibtex'));
}

/**
 * plugin-bibtex 0.8 writes the CSL `publisher` of a conference paper as BibTeX `organization`,
 * which BibTeX reserves for the body that sponsors a conference: PMLR, IEEE or Curran are the
 * proceedings' publishers. CSL has no organization variable, so every `organization` field it
 * writes is a publisher, and renaming the field is exact (its reader maps `publisher` back).
 */
function publishersAsPublishers(bibtex: string): string {
  return bibtex.replace(/^\torganization = /gm, '\tpublisher = ');
}

function render(keys: readonly ReferenceKey[], style: CitationStyle, format: ReferenceFormat): string {
  if (style === 'ieee') ensureIeeeStyle();
  // citeproc-js reads CSL 1.0.1 variable names ("event"); citation-js holds 1.0.2 ("event-title").
  return citeOf(keys, style).format('bibliography', { template: TEMPLATES[style], format, lang: 'en-US', downgradeCsl: true });
}

/**
 * One formatted reference. IEEE entries are numbered by position in a list; a reference on its own
 * has no position, so its "[1]" label is left out (`bibliography` keeps the numbers). HTML is
 * citeproc's markup (`div.csl-bib-body > div.csl-entry`), for a page's own stylesheet.
 */
export function formatReference(key: ReferenceKey | string, style: CitationStyle, format: ReferenceFormat = 'text'): string {
  const checkedKey = checkKey(key, 'key');
  const checkedStyle = checkStyle(style);
  const checkedFormat = checkFormat(format);
  const out = render([checkedKey], checkedStyle, checkedFormat).trim();
  if (checkedStyle !== 'ieee') return out;
  return checkedFormat === 'text'
    ? out.replace(/^\[1\]\s*/, '')
    : out.replace(/<div class="csl-left-margin">\[1\]<\/div>/, '').replace('<div class="csl-right-inline">', '<div>');
}

/**
 * The formatted bibliography: every reference (or the `keys` given) in `style`. APA sorts by
 * author; IEEE numbers the entries in the order of `keys` (default: `references`, oldest first).
 */
export function bibliography(
  style: CitationStyle,
  format: ReferenceFormat = 'text',
  keys: readonly ReferenceKey[] | readonly string[] = referenceKeys,
): string {
  const checkedStyle = checkStyle(style);
  const checkedFormat = checkFormat(format);
  const checkedKeys = checkKeys(keys, 'keys');
  return checkedKeys.length === 0 ? '' : render(checkedKeys, checkedStyle, checkedFormat);
}
