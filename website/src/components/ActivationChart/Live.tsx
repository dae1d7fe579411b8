/**
 * The interactive chart of one activation: a slider per numeric parameter (within `params[].range`),
 * a select per enumerated one, and a toggle that overlays the derivative. Every number drawn is
 * computed in the browser by the module (`map` and `mapDerivative`).
 */
import React, { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import ParamControl from '@site/src/components/ParamControl';
import PlotlyChart from '@site/src/components/PlotlyChart';
import { describeChart } from '@site/src/lib/describe';
import { activationById, activations, formatNumber, linspace, type Activation, type LineChart, type ParamInfo, type ParamValue } from '@site/src/lib/module';
import styles from './styles.module.css';

export interface ActivationChartProps {
  /** An id of `activations`. */
  readonly id: string;
  readonly start?: number;
  readonly stop?: number;
  /** 501 points over [-5, 5] puts x = 0 and every multiple of 0.02 on the grid, kinks included. */
  readonly count?: number;
}

function activationOf(id: string): Activation {
  const a = activationById(id);
  if (!a) throw new RangeError(`ActivationChart: unknown activation id '${id}' (known: ${Object.keys(activations).join(', ')})`);
  return a;
}

function paramText(info: readonly ParamInfo[], params: Record<string, ParamValue>): string {
  return info.map((p) => `${p.name} = ${typeof params[p.name] === 'number' ? formatNumber(params[p.name] as number) : String(params[p.name])}`).join(', ');
}

export default function ActivationChart({ id, start = -5, stop = 5, count = 501 }: ActivationChartProps): ReactNode {
  const a = activationOf(id);
  const toggleId = useId();
  const [params, setParams] = useState<Record<string, ParamValue>>(() => ({ ...a.defaults }));
  const [showDerivative, setShowDerivative] = useState(false);
  const xs = useMemo(() => linspace(start, stop, count), [start, stop, count]);
  const lastGood = useRef<LineChart | null>(null);

  const { chart, error } = useMemo((): { chart: LineChart | null; error: string | null } => {
    try {
      const p = a.resolveParams(params);
      const lines = [{ name: a.name, x: xs, y: a.map(xs, p) }];
      if (showDerivative) lines.push({ name: `${a.name} derivative`, x: xs, y: a.mapDerivative(xs, p) });
      const title = a.params.length ? `${a.name} (${paramText(a.params, p)})` : a.name;
      return { chart: { title, xTitle: 'Input x', yTitle: showDerivative ? 'Output and derivative' : 'Output', lines }, error: null };
    } catch (e) {
      // An impossible combination (hardtanh's minVal above maxVal): keep the last chart and say why.
      return { chart: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [a, params, showDerivative, xs]);
  if (chart) lastGood.current = chart;
  const shown = chart ?? lastGood.current;

  const atDefaults = a.params.every((p) => params[p.name] === a.defaults[p.name]);
  const text = useMemo(() => {
    if (!shown) return { label: `Chart of ${a.name}`, description: error ?? '' };
    const extra: string[] = [];
    if (atDefaults && a.properties.kinks.length) {
      extra.push(
        `The derivative jumps at ${a.properties.kinks.map((k) => `x = ${formatNumber(k.x)} (autograd returns ${formatNumber(k.derivative)} there)`).join(' and ')}.`,
      );
    }
    return describeChart(shown, extra);
  }, [shown, atDefaults, a, error]);

  const controls = (
    <>
      {a.params.map((info) => (
        <ParamControl key={info.name} info={info} value={params[info.name]!} onChange={(v) => setParams((old) => ({ ...old, [info.name]: v }))} />
      ))}
      <div className={styles.control}>
        <input id={toggleId} type="checkbox" checked={showDerivative} onChange={(e) => setShowDerivative(e.target.checked)} data-derivative-toggle="" />
        <label htmlFor={toggleId}>Show the derivative</label>
      </div>
      {a.params.length > 0 && (
        <button type="button" className="button button--sm button--secondary" disabled={atDefaults} onClick={() => setParams({ ...a.defaults })}>
          PyTorch defaults
        </button>
      )}
    </>
  );
  return <PlotlyChart kind="activation" chart={shown} text={text} controls={controls} error={error} />;
}
