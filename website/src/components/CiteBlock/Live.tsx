/**
 * One reference, ready to cite: APA and IEEE (formatted at build time by src/cite.ts through
 * citation-js, passed in as props so pages need no citation code in the browser) and the BibTeX
 * entry, each with a copy button.
 */
import React, { type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import CopyButton from '@site/src/components/CopyButton';
import styles from './styles.module.css';

export interface CiteBlockProps {
  readonly citeKey: string;
  /** citeproc's HTML (div.csl-bib-body > div.csl-entry), from our own bibliography. */
  readonly apaHtml: string;
  readonly apaText: string;
  readonly ieeeHtml: string;
  readonly ieeeText: string;
  readonly bibtex: string;
  /** The COinS ContextObject (KEV) of the entry, for reference managers (scripts/lib/citation-meta.ts). */
  readonly coins: string;
  /** Link to the entry on the bibliography page (function pages); off on that page itself. */
  readonly bibliographyLink?: boolean;
  /** The functions this paper introduced, with their page paths (bibliography page). */
  readonly introduced?: readonly { readonly name: string; readonly to: string }[];
}

export default function CiteBlock(props: CiteBlockProps): ReactNode {
  const { citeKey, bibtex, introduced } = props;
  return (
    <div className={styles.cite} data-cite-key={citeKey}>
      {/* COinS: reference managers (Zotero) find the entry in this empty span's title. */}
      <span className="Z3988" title={props.coins} />
      {introduced && introduced.length > 0 && (
        <p className={styles.introduced}>
          Cited for:{' '}
          {introduced.map((f, i) => (
            <React.Fragment key={f.to}>
              {i > 0 && ', '}
              <Link to={f.to}>{f.name}</Link>
            </React.Fragment>
          ))}
        </p>
      )}
      <div className={styles.style}>
        <div className={styles.styleHead}>
          <span className={styles.styleName}>APA</span>
          <CopyButton text={props.apaText} what={`the APA reference for ${citeKey}`} />
        </div>
        <div className={styles.formatted} data-style="apa" dangerouslySetInnerHTML={{ __html: props.apaHtml }} />
      </div>
      <div className={styles.style}>
        <div className={styles.styleHead}>
          <span className={styles.styleName}>IEEE</span>
          <CopyButton text={props.ieeeText} what={`the IEEE reference for ${citeKey}`} />
        </div>
        <div className={styles.formatted} data-style="ieee" dangerouslySetInnerHTML={{ __html: props.ieeeHtml }} />
      </div>
      <div className={styles.style}>
        <div className={styles.styleHead}>
          <span className={styles.styleName}>BibTeX</span>
          <CopyButton text={bibtex} what={`the BibTeX entry ${citeKey}`} />
        </div>
        <pre className={styles.bibtex} data-bibtex={citeKey} tabIndex={0}>
          {bibtex}
        </pre>
      </div>
      {props.bibliographyLink && (
        <p className={styles.more}>
          <Link to={`/docs/bibliography#${citeKey}`}>In the bibliography</Link>
        </p>
      )}
    </div>
  );
}
