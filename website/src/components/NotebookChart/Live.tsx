/**
 * A notebook's chart on the site (used by the pages src/exporter writes, and for the experiments'
 * charts on the pages scripts/generate-docs.ts writes): the ChartSpec the notebook
 * displayed, drawn from the module ('activation', 'vector') or from the data it
 * carries ('data'), in the site's colour mode. A spec the module cannot draw fails the build (the
 * exporter checks specs too), rather than shipping an empty chart.
 */
import React, { useMemo, type ReactNode } from 'react';
import PlotlyChart from '@site/src/components/PlotlyChart';
import { describeChart } from '@site/src/lib/describe';
import { chartFromSpec, type ChartSpec } from '@site/src/lib/module';

export interface NotebookChartProps {
  readonly spec: ChartSpec;
  /**
   * What the chart belongs to, for tests and styling: 'notebook' (default), 'evidence' (a function
   * page's Evidence section), 'experiment' (the experiments page).
   */
  readonly kind?: 'notebook' | 'evidence' | 'experiment';
}

export default function NotebookChart({ spec, kind = 'notebook' }: NotebookChartProps): ReactNode {
  const chart = useMemo(() => chartFromSpec(spec), [spec]);
  const text = useMemo(() => describeChart(chart), [chart]);
  return <PlotlyChart kind={kind} chart={chart} text={text} />;
}
