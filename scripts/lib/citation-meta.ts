/**
 * What reference managers read from a page, made from the CSL-JSON items of src/references.ts:
 * Highwire Press `citation_*` meta tags (Zotero's "Embedded Metadata" translator, Google Scholar)
 * and COinS (an OpenURL 1.0 ContextObject in KEV form, in `span.Z3988`, which Zotero saves several
 * of at once). citation-js reads and writes neither, and no maintained npm package writes them, so
 * the mapping is here; test/site/citation-meta.test.ts reads the built pages back into CSL-JSON.
 */
import type { CslItem } from '../../src/references.js';

export interface MetaTag {
  readonly name: string;
  readonly content: string;
}

function dateParts(item: CslItem): readonly number[] {
  return item.issued['date-parts'][0];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last page of a CSL page range ("533-536"); a single page is its own last page. */
function pages(item: CslItem): { first: string; last: string } | undefined {
  if (!item.page) return undefined;
  const [first = '', last = first] = item.page.split(/[-–]/);
  return { first: first.trim(), last: last.trim() };
}

/** arXiv identifier from the CSL `number` ("arXiv:1606.08415"), where the item has one. */
export function arxivId(item: CslItem): string | undefined {
  return item.number?.startsWith('arXiv:') ? item.number.slice('arXiv:'.length) : undefined;
}

/**
 * The Highwire Press tags for one item, only for fields the item really has (no PDF address: the
 * bibliography records none). The container goes to the tag for its kind, as Zotero maps them.
 */
export function highwireTags(item: CslItem): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'citation_title', content: item.title }];
  for (const a of item.author) tags.push({ name: 'citation_author', content: `${a.family}, ${a.given}` });
  tags.push({
    name: 'citation_publication_date',
    content: dateParts(item)
      .map((n, i) => (i ? pad(n) : String(n)))
      .join('/'),
  });
  const container = item['container-title'];
  if (container) {
    const tag = { 'article-journal': 'citation_journal_title', 'paper-conference': 'citation_conference_title', chapter: 'citation_inbook_title' }[
      item.type as string
    ];
    if (!tag) throw new RangeError(`${item.id}: a container title on a ${item.type} has no Highwire tag`);
    tags.push({ name: tag, content: container });
  }
  if (item.type === 'report' && item.publisher) tags.push({ name: 'citation_technical_report_institution', content: item.publisher });
  if (item.type === 'report' && item.number) tags.push({ name: 'citation_technical_report_number', content: item.number });
  if (item.type === 'thesis' && item.publisher) tags.push({ name: 'citation_dissertation_institution', content: item.publisher });
  if (item.type !== 'report' && item.type !== 'thesis' && item.publisher) tags.push({ name: 'citation_publisher', content: item.publisher });
  if (item.volume) tags.push({ name: 'citation_volume', content: item.volume });
  if (item.issue) tags.push({ name: 'citation_issue', content: item.issue });
  const p = pages(item);
  if (p) tags.push({ name: 'citation_firstpage', content: p.first }, { name: 'citation_lastpage', content: p.last });
  if (item.ISSN) tags.push({ name: 'citation_issn', content: item.ISSN });
  if (item.DOI) tags.push({ name: 'citation_doi', content: item.DOI });
  const arxiv = arxivId(item);
  if (arxiv) tags.push({ name: 'citation_arxiv_id', content: arxiv });
  return tags;
}

/**
 * The OpenURL format and genre for each CSL type, as Zotero's own COinS export chooses them: a
 * conference paper or chapter is part of a book (genre proceeding / bookitem), a preprint is a
 * journal-format preprint.
 */
const KEV_FORMAT: Readonly<Record<CslItem['type'], { fmt: 'journal' | 'book' | 'dissertation'; genre?: string }>> = {
  'article-journal': { fmt: 'journal', genre: 'article' },
  article: { fmt: 'journal', genre: 'preprint' },
  'paper-conference': { fmt: 'book', genre: 'proceeding' },
  chapter: { fmt: 'book', genre: 'bookitem' },
  report: { fmt: 'book', genre: 'report' },
  manuscript: { fmt: 'book', genre: 'unknown' },
  thesis: { fmt: 'dissertation' },
};

/** The COinS `title` of one item: a KEV ContextObject (Z39.88-2004), each value percent-encoded. */
export function coinsKev(item: CslItem): string {
  const { fmt, genre } = KEV_FORMAT[item.type];
  const pairs: [string, string][] = [
    ['ctx_ver', 'Z39.88-2004'],
    ['rft_val_fmt', `info:ofi/fmt:kev:mtx:${fmt}`],
  ];
  if (item.DOI) pairs.push(['rft_id', `info:doi/${item.DOI}`]);
  pairs.push(['rft_id', item.URL]);
  if (genre) pairs.push(['rft.genre', genre]);
  const container = item['container-title'];
  if (fmt === 'dissertation' || (fmt === 'book' && !container)) pairs.push([fmt === 'book' ? 'rft.btitle' : 'rft.title', item.title]);
  else pairs.push(['rft.atitle', item.title]);
  if (container) pairs.push([fmt === 'journal' ? 'rft.jtitle' : 'rft.btitle', container]);
  // "Family, Given": Zotero splits a comma-separated rft.au into last and first name.
  for (const a of item.author) pairs.push(['rft.au', `${a.family}, ${a.given}`]);
  pairs.push([
    'rft.date',
    dateParts(item)
      .map((n, i) => (i ? pad(n) : String(n)))
      .join('-'),
  ]);
  if (item.volume) pairs.push(['rft.volume', item.volume]);
  if (item.issue) pairs.push(['rft.issue', item.issue]);
  const p = pages(item);
  if (p) pairs.push(['rft.spage', p.first], ['rft.epage', p.last]);
  if (item.ISSN) pairs.push(['rft.issn', item.ISSN]);
  if (item.publisher) pairs.push([fmt === 'dissertation' ? 'rft.inst' : 'rft.pub', item.publisher]);
  if (item.type === 'thesis' && item.genre) pairs.push(['rft.degree', item.genre]);
  return pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}
