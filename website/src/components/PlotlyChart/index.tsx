/**
 * The one place that puts a chart on a page. The chart is first a static SVG drawn from the same
 * LineChart the interactive figure uses (src/plot/svg.ts): server rendering writes it into the
 * HTML, so it shows with no JavaScript, prints, and costs no script at load. plotly.js is loaded,
 * once and lazily, only when the reader reaches for the chart (pointer or focus on it, the
 * "Interact" button, a control moved); the Plotly figure then replaces the SVG and is redrawn in
 * place when the chart changes (a slider moved, the colour mode switched).
 */
import React, { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import clsx from 'clsx';
import useIsBrowser from '@docusaurus/useIsBrowser';
import type { LineChart } from '@site/src/lib/module';
import { chartSvg, lineFigure } from '@site/src/lib/module';
import type { ChartText } from '@site/src/lib/describe';
import { checkboxForEnter } from '@site/src/lib/controls';
import { legendBelow } from '@site/src/lib/figure';
import { drawFigure, loadPlotly } from '@site/src/lib/plotly';
import { useChartTheme } from '@site/src/lib/useTheme';
import styles from './styles.module.css';

export interface PlotlyChartProps {
  /** What the chart shows; null when it cannot be computed (then `error` says why). */
  readonly chart: LineChart | null;
  readonly text: ChartText;
  /** Controls shown above the chart (sliders, checkboxes); using one makes the chart interactive. */
  readonly controls?: ReactNode;
  /** Shown instead of the chart when the figure cannot be computed (e.g. impossible parameters). */
  readonly error?: string | null;
  /** What kind of chart, for tests and styling: activation, vector, overlay, notebook, evidence, experiment. */
  readonly kind: string;
  /** 'below' puts the legend in a row under the plot (probability vectors peak where the inside legend sits). */
  readonly legend?: 'auto' | 'below';
}

type State = 'static' | 'loading' | 'drawn' | 'failed';

/** Stands for the SVG the server already wrote into the page (see `svg` below). */
const SERVER_SVG = Symbol('server SVG');

export default function PlotlyChart({ chart, text, controls, error, kind, legend = 'auto' }: PlotlyChartProps): ReactNode {
  const plotRef = useRef<HTMLDivElement>(null);
  const staticRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const [state, setState] = useState<State>('static');
  const [loadError, setLoadError] = useState<string | null>(null);
  const descriptionId = useId();
  // useId gives ':r1:'-style ids, which are not valid inside SVG id references.
  const idPrefix = `chart-${descriptionId.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const everDrawn = useRef(false);
  const theme = useChartTheme();

  // Hydrating, the chart's SVG is already in the page, drawn by the server from the same chart:
  // React keeps it (an empty innerHTML is never applied while hydrating), so it is not drawn again.
  // A chart first rendered in the browser (client-side navigation), or changed, is drawn here.
  const isBrowser = useIsBrowser();
  const [hydratedFromServer] = useState(() => typeof window !== 'undefined' && !isBrowser);
  const firstChart = useRef(chart);
  const svg = useMemo(() => {
    if (!chart) return null;
    if (hydratedFromServer && chart === firstChart.current) return SERVER_SVG;
    return chartSvg(chart, { label: text.label, description: text.description, idPrefix, legend });
  }, [chart, text, idPrefix, legend, hydratedFromServer]);
  // The Plotly figure is only computed once the reader has asked for the interactive chart.
  const figure = useMemo(() => {
    if (!active || !chart) return null;
    const f = lineFigure(chart, { theme });
    return legend === 'below' ? legendBelow(f) : f;
  }, [active, chart, theme, legend]);

  const activate = useCallback(() => setActive(true), []);

  useEffect(() => setHydrated(true), []);

  useEffect(() => {
    const el = plotRef.current;
    if (!el || !figure) return;
    let cancelled = false;
    if (!everDrawn.current) setState('loading');
    // Plotly takes the box the SVG has at this width, so nothing on the page moves when it swaps in.
    const height = staticRef.current?.getBoundingClientRect().height;
    const sized = height ? { ...figure, layout: { ...figure.layout, height: Math.round(height) } } : figure;
    drawFigure(el, sized).then(
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
      if (el && everDrawn.current)
        void loadPlotly().then(
          (Plotly) => Plotly.purge(el),
          () => undefined,
        );
    };
  }, []);

  const drawn = state === 'drawn' && svg !== null;
  return (
    <figure className={styles.figure} data-chart={kind} data-chart-state={state}>
      {controls ? (
        // Capture phase: the chart turns interactive on the same event that changes it.
        <div
          className={styles.controls}
          onChangeCapture={activate}
          onInputCapture={activate}
          onClickCapture={activate}
          onKeyDown={(e) => {
            const box = checkboxForEnter(e);
            if (!box) return;
            e.preventDefault();
            box.click();
          }}
        >
          {controls}
        </div>
      ) : null}
      <div
        className={styles.frame}
        // An image while it is the static SVG; a group once Plotly has drawn, since Plotly's mode bar
        // (zoom, pan, reset, download) is buttons, which an img would hide from assistive technology.
        role={drawn ? 'group' : 'img'}
        aria-label={text.label}
        aria-describedby={descriptionId}
        onPointerEnter={activate}
        onTouchStart={activate}
        onFocus={activate}
      >
        {svg !== null && (
          <div
            ref={staticRef}
            className={clsx(styles.static, drawn && styles.hidden)}
            data-chart-static=""
            dangerouslySetInnerHTML={{ __html: svg === SERVER_SVG ? '' : svg }}
            suppressHydrationWarning
          />
        )}
        {/* plotly.js owns this element (it adds classes and children): React must never re-render its attributes. */}
        <div className={clsx(styles.plot, !drawn && styles.hidden)}>
          <div ref={plotRef} className={styles.plotly} />
        </div>
        {state === 'loading' && <span className={styles.status}>Loading the interactive chart…</span>}
        {state === 'failed' && <span className={styles.status}>The interactive chart could not be drawn: {loadError}</span>}
      </div>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <figcaption className={styles.caption}>
        {hydrated && !drawn && (
          <button type="button" className={clsx('button button--sm button--outline button--primary', styles.interact)} onClick={activate} data-interact="">
            {state === 'loading' ? 'Loading…' : 'Interact (zoom, hover values)'}
          </button>
        )}
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
