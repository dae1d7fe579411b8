/**
 * The landing page: what this is, in one screen, and where to go. No chart here (no plotly.js on the
 * landing page), and not the module either: the list of functions is read from the module's registry
 * at build time (the `home-page` plugin in docusaurus.config.ts routes `/` here with it), so the page
 * loads a few hundred bytes of names instead of the module's chunk. The leading underscore keeps
 * the pages plugin from routing this file itself.
 */
import React, { type ReactNode } from 'react';
import Head from '@docusaurus/Head';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import { BIBLIOGRAPHY_PATH, COMPARISON_PATH, EXPERIMENTS_PATH, FUNCTIONS_PATH, WALKTHROUGH_PATH, functionPath } from '@site/src/lib/paths';
import styles from './styles.module.css';

/** One function of the registry, as the home page lists it (activations, then the vector functions). */
export interface HomeFunction {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
}

/** A meta tag of the home page: `name` for Highwire tags, `property` for Open Graph. */
export type MetaTag = { readonly name: string; readonly content: string } | { readonly property: string; readonly content: string };

export interface HomeProps {
  readonly functions: readonly HomeFunction[];
  /** The site described as software, from CITATION.cff (`softwareMeta` in docusaurus.config.ts). */
  readonly meta: readonly MetaTag[];
}

const DESTINATIONS = [
  {
    to: WALKTHROUGH_PATH,
    title: 'Walkthrough',
    text: 'The notebook that introduces every function with a chart and its pros and cons; then the notebooks that go deeper.',
  },
  {
    to: FUNCTIONS_PATH,
    title: 'Function pages',
    text: 'One page per function: formula, parameters, interactive chart, derivative, properties, trade-offs with their evidence, measured results, tested example, paper.',
  },
  { to: COMPARISON_PATH, title: 'Comparison', text: 'All functions in one sortable table, and on one chart.' },
  { to: EXPERIMENTS_PATH, title: 'Experiments', text: 'Our own small, seeded experiments behind the trade-off claims, drawn from their committed results.' },
  { to: BIBLIOGRAPHY_PATH, title: 'Bibliography', text: 'Every paper, in APA, IEEE and BibTeX, with references.bib, CSL-JSON and RIS to download.' },
] as const;

export default function Home({ functions, meta }: HomeProps): ReactNode {
  const count = functions.length;
  return (
    <Layout
      title="The reference for activation functions"
      description="Every PyTorch activation function as an exact TypeScript module, with formulas, derivatives, interactive charts, trade-offs and papers."
    >
      <Head>
        {meta.map((m, i) => (
          <meta key={i} {...m} />
        ))}
      </Head>
      <main className={styles.main}>
        <header className={styles.hero}>
          <Heading as="h1" className={styles.title}>
            Activation functions, exactly
          </Heading>
          <p className={styles.lead}>
            {count} activation functions, from sigmoid to hardshrink and the softmax family, as one TypeScript module with PyTorch&apos;s semantics and
            defaults, accurate to a few ulps. Every formula, chart, table and citation on this site is generated from that module, and every chart is drawn by
            it.
          </p>
        </header>
        <nav className={styles.cards} aria-label="Where to start">
          {DESTINATIONS.map((d) => (
            <Link key={d.to} to={d.to} className={styles.card}>
              <span className={styles.cardTitle}>{d.title} →</span>
              <span className={styles.cardText}>{d.text}</span>
            </Link>
          ))}
        </nav>
        <section className={styles.functions} aria-labelledby="all-functions">
          <Heading as="h2" id="all-functions" className={styles.functionsTitle}>
            All functions
          </Heading>
          <ul className={styles.chips}>
            {functions.map((f) => (
              <li key={f.id}>
                <Link to={functionPath(f.id)} title={f.summary}>
                  {f.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </Layout>
  );
}
