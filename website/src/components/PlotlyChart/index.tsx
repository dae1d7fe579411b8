/**
 * The one place that puts a Plotly figure on a page. Server rendering gives a placeholder of the
 * right height plus the chart's text alternative; in the browser plotly.js is loaded lazily and the
 * figure drawn into the placeholder, and redrawn in place when the figure changes (a slider moved,
 * the colour mode switched).
 */
import React, { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import clsx from 'clsx';
import type { PlotlyFigure } from '@site/src/lib/module';
import type { ChartText } from '@site/src/lib/describe';
import { drawFigure, loadPlotly } from '@site/src/lib/plotly';
import styles from './styles.module.css';

export interface PlotlyChartProps {
  readonly figure: PlotlyFigure | null;
  readonly text: ChartText;
  /** Controls shown above the chart (sliders, checkboxes). */
  readonly controls?: ReactNode;
  /** Shown instead of the chart when the figure cannot be computed (e.g. impossible parameters). */
  readonly error?: string | null;
  /** What kind of chart, for tests and styling: activation, vector, overlay, notebook. */
  readonly kind: string;
}

const DEFAULT_HEIGHT = 420;

export default function PlotlyChart({ figure, text, controls, error, kind }: PlotlyChartProps): ReactNode {
  const plotRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'drawn' | 'failed'>('loading');
  const [loadError, setLoadError] = useState<string | null>(null);
  const descriptionId = useId();
  const everDrawn = useRef(false);
  const height = typeof figure?.layout.height === 'number' ? figure.layout.height : DEFAULT_HEIGHT;

  useEffect(() => {
    const el = plotRef.current;
    if (!el || !figure) return;
    let cancelled = false;
    drawFigure(el, figure).then(
      () => {
        everDrawn.current = true;
        if (!cancelled) setState('drawn');
      },
      (e: unknown) => {
        if (cancelled) return;
        setState('failed');
        setLoadError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [figure]);

  useEffect(() => {
    const el = plotRef.current;
    return () => {
      // Purging frees plotly.js's listeners (resize, hover); never load plotly.js just for that.
      if (el && everDrawn.current) void loadPlotly().then((Plotly) => Plotly.purge(el), () => undefined);
    };
  }, []);

  return (
    <figure className={styles.figure} data-chart={kind} data-chart-state={state}>
      {controls ? <div className={styles.controls}>{controls}</div> : null}
      <div
        className={clsx(styles.frame, state !== 'drawn' && styles.placeholder)}
        style={{ height }}
        role="img"
        aria-label={text.label}
        aria-describedby={descriptionId}
      >
        {/* plotly.js owns this element (it adds classes and children): React must never re-render its attributes. */}
        <div ref={plotRef} className={styles.plot} />
        {state === 'loading' && <span className={styles.status}>Loading the chart…</span>}
        {state === 'failed' && <span className={styles.status}>The chart could not be drawn: {loadError}</span>}
      </div>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <figcaption className={styles.caption}>
        <details>
          <summary>Chart as text</summary>
          <pre id={descriptionId} className={styles.description}>
            {text.description}
          </pre>
        </details>
      </figcaption>
    </figure>
  );
}
