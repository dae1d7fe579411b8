/**
 * The interactive chart of a softmax-family function: a slider per input score, the output vector
 * drawn against the index, and a toggle for the diagonal of the Jacobian (∂yᵢ/∂xᵢ). Computed in the
 * browser by the module (`apply`, `jacobian`).
 */
import React, { useId, useMemo, useState, type ReactNode } from 'react';
import PlotlyChart from '@site/src/components/PlotlyChart';
import { describeChart } from '@site/src/lib/describe';
import { formatNumber, vectorFunctions, type Line, type LineChart, type VectorFunction } from '@site/src/lib/module';
import styles from '../ActivationChart/styles.module.css';

export interface VectorChartProps {
  readonly id: string;
  /** The starting scores. */
  readonly initial?: readonly number[];
}

const RANGE = [-5, 5] as const;
const STEP = 0.1;

function functionOf(id: string): VectorFunction {
  const f = Object.prototype.hasOwnProperty.call(vectorFunctions, id) ? vectorFunctions[id as keyof typeof vectorFunctions] : undefined;
  if (!f) throw new RangeError(`VectorChart: unknown vector function '${id}' (known: ${Object.keys(vectorFunctions).join(', ')})`);
  return f;
}

function ScoreSlider({ index, value, onChange }: { index: number; value: number; onChange: (v: number) => void }): ReactNode {
  const id = useId();
  return (
    <div className={styles.control}>
      <label htmlFor={id} className={styles.label}>
        <code>x[{index}]</code>
      </label>
      <input
        id={id}
        type="range"
        min={RANGE[0]}
        max={RANGE[1]}
        step={STEP}
        value={value}
        aria-valuetext={`x[${index}] = ${formatNumber(value)}`}
        onChange={(e) => onChange(Number(Number(e.target.value).toFixed(1)))}
      />
      <output htmlFor={id} className={styles.value}>
        {formatNumber(value)}
      </output>
    </div>
  );
}

export default function VectorChart({ id, initial = [2, 1, 0.5, 0, -1] }: VectorChartProps): ReactNode {
  const f = functionOf(id);
  const toggleId = useId();
  const [scores, setScores] = useState<number[]>(() => [...initial]);
  const [showDerivative, setShowDerivative] = useState(false);

  const chart = useMemo((): LineChart => {
    const index = scores.map((_, i) => i);
    const lines: Line[] = [{ name: `${f.name}(x)`, x: index, y: f.apply(scores), mode: 'lines+markers' }];
    if (showDerivative) {
      const jacobian = f.jacobian(scores);
      lines.push({ name: `∂yᵢ/∂xᵢ`, x: index, y: jacobian.map((row, i) => row[i]!), mode: 'lines+markers' });
    }
    return { title: `${f.name} of x = [${scores.map(formatNumber).join(', ')}]`, xTitle: 'Index i', yTitle: 'Output', lines };
  }, [f, scores, showDerivative]);
  const text = useMemo(() => describeChart(chart), [chart]);

  const controls = (
    <>
      {scores.map((s, i) => (
        <ScoreSlider key={i} index={i} value={s} onChange={(v) => setScores((old) => old.map((o, j) => (j === i ? v : o)))} />
      ))}
      <div className={styles.control}>
        <input id={toggleId} type="checkbox" checked={showDerivative} onChange={(e) => setShowDerivative(e.target.checked)} data-derivative-toggle="" />
        <label htmlFor={toggleId}>Show the Jacobian's diagonal ∂yᵢ/∂xᵢ</label>
      </div>
    </>
  );
  return <PlotlyChart kind="vector" chart={chart} legend="below" text={text} controls={controls} />;
}
