/**
 * /playground: train a small network in the browser with any activation of the module
 * (website/src/components/Playground). Every setting is in the URL, so a link reproduces a run.
 * Routed by the `playground` plugin (docusaurus.config.ts), which hands it the module's catalog and
 * the default chart as build-time JSON, so the page itself never loads the module.
 */
import React, { type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Playground from '@site/src/components/Playground';
import type { Catalog } from '@site/src/lib/playground/settings';

export interface PlaygroundPageProps {
  readonly catalog: Catalog;
  readonly initialActivationSvg: { readonly svg: string };
}

export default function PlaygroundPage({ catalog, initialActivationSvg }: PlaygroundPageProps): ReactNode {
  return (
    <Layout
      title="Playground"
      description="Train a small neural network in your browser with any activation function of the module, alone or side by side with another."
    >
      <main className="container margin-vert--lg">
        <h1>Playground</h1>
        <p>
          Train a small network on a two-dimensional data set, in your browser, with any activation of the module, or two side by side on the same data, initial
          weights and batches, so that any difference is the activation&apos;s alone. It runs the <Link to="/docs/experiments">experiments&apos;</Link> own
          trainer (cross-entropy, SGD with momentum) and computes with the module&apos;s own functions and derivatives. Every setting is in the address: share
          it, and the run is the same step for step.
        </p>
        <Playground catalog={catalog} initialActivationSvg={initialActivationSvg.svg} />
      </main>
    </Layout>
  );
}
