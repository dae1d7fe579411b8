/**
 * Several activations on one chart, chosen with checkboxes (at their PyTorch defaults), or their
 * derivatives. Computed in the browser by the module.
 */
import React, { useId, useMemo, useState, type ReactNode } from 'react';
import PlotlyChart from '@site/src/components/PlotlyChart';
import { describeChart } from '@site/src/lib/describe';
import { activationById, activationIds, chartFromSpec, isActivationId, type LineChart } from '@site/src/lib/module';
import styles from './styles.module.css';

export interface OverlayChartProps {
  readonly initial?: readonly string[];
  readonly start?: number;
  readonly stop?: number;
  readonly count?: number;
}

function Choice({ id, checked, onChange }: { id: string; checked: boolean; onChange: (on: boolean) => void }): ReactNode {
  const inputId = useId();
  return (
    <span className={styles.choice}>
      <input id={inputId} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} value={id} />
      <label htmlFor={inputId}>{activationById(id)!.name}</label>
    </span>
  );
}

export default function OverlayChart({
  initial = ['sigmoid', 'tanh', 'relu', 'elu', 'gelu', 'silu'],
  start = -5,
  stop = 5,
  count = 401,
}: OverlayChartProps): ReactNode {
  for (const id of initial) {
    if (!isActivationId(id)) throw new RangeError(`OverlayChart: unknown activation id '${id}'`);
  }
  const derivativeId = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(initial));
  const [derivatives, setDerivatives] = useState(false);
  const chart = useMemo((): LineChart | null => {
    // Teaching order, whatever order the boxes were ticked in.
    const ids = activationIds.filter((id) => chosen.has(id));
    if (ids.length === 0) return null;
    return chartFromSpec({
      kind: 'activation',
      title: derivatives ? 'Derivatives at PyTorch defaults' : 'Activation functions at PyTorch defaults',
      grid: { start, stop, count },
      series: ids.map((id) => ({ id, derivative: derivatives, label: activationById(id)!.name })),
    });
  }, [chosen, derivatives, start, stop, count]);
  const text = useMemo(() => (chart ? describeChart(chart) : { label: 'No function chosen', description: 'Choose at least one function.' }), [chart]);

  const set = (id: string, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const controls = (
    <div className={styles.panel}>
      <fieldset className={styles.choices}>
        <legend>Functions</legend>
        {activationIds.map((id) => (
          <Choice key={id} id={id} checked={chosen.has(id)} onChange={(on) => set(id, on)} />
        ))}
      </fieldset>
      <div className={styles.actions}>
        <span className={styles.choice}>
          <input id={derivativeId} type="checkbox" checked={derivatives} onChange={(e) => setDerivatives(e.target.checked)} data-derivative-toggle="" />
          <label htmlFor={derivativeId}>Plot the derivatives</label>
        </span>
        <button type="button" className="button button--sm button--secondary" onClick={() => setChosen(new Set(activationIds))}>
          All
        </button>
        <button type="button" className="button button--sm button--secondary" onClick={() => setChosen(new Set())}>
          None
        </button>
      </div>
    </div>
  );
  return <PlotlyChart kind="overlay" chart={chart} text={text} controls={controls} error={chart ? null : 'Choose at least one function to draw.'} />;
}
