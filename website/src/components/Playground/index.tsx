/**
 * The playground: a small MLP trained in the browser with any activation of the module, one network
 * or two side by side on the same data, initial weights and batches. Training runs in a Web Worker
 * (website/src/lib/playground/worker.ts) on the experiments' own trainer; this component holds the
 * settings (mirrored in the URL), sends commands, and draws what the worker reports.
 *
 * No Plotly here: the charts are the module's static SVGs (src/plot/svg.ts) redrawn as the numbers
 * change, and the decision boundary is a canvas, so the page loads no more than a function page.
 */
import React, { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { useHistory, useLocation } from '@docusaurus/router';
import ParamControl from '@site/src/components/ParamControl';
import { describeChart } from '@site/src/lib/describe';
import { activationById, activationIds, activations, chartSvg, formatNumber, linspace, type LineChart, type ParamValue } from '@site/src/lib/module';
import type { FromWorker, ToWorker } from '@site/src/lib/playground/protocol';
import type { Plane, Snapshot } from '@site/src/lib/playground/run';
import {
  DATASET_NAMES,
  DEFAULT_SETTINGS,
  INIT_NAMES,
  choiceOf,
  initIds,
  numericFields,
  parseSettings,
  planeDatasetIds,
  serialiseSettings,
  type ActivationChoice,
  type NumericField,
  type Settings,
} from '@site/src/lib/playground/settings';
import { useChartTheme } from '@site/src/lib/useTheme';
import BoundaryCanvas, { type Points } from './BoundaryCanvas';
import styles from './styles.module.css';

const STEP_SIZES = [1, 10, 100, 1000];
/** The loss chart is redrawn at most this often: an SVG of a few thousand points is not free. */
const CHART_MS = 250;
/** At most about this many points per curve in the loss chart. */
const CHART_POINTS = 1000;

interface Curves {
  step: number[];
  train: number[];
  test: number[];
}

interface RunView {
  readonly snapshot: Snapshot;
  readonly probabilities: Float32Array;
}

interface View {
  readonly running: boolean;
  readonly saturationThreshold: number;
  readonly plane: Plane;
  readonly points: Points;
  readonly runs: readonly RunView[];
}

function nameOf(id: string): string {
  return activationById(id)?.name ?? id;
}

/** A number shown short (a count in full), with its full value in `data-value` for the tests and for copying. */
function Value({ testId, value, format = 'short' }: { testId?: string; value: number | null; format?: 'short' | 'percent' | 'count' }): ReactNode {
  if (value === null) return <span data-testid={testId}>–</span>;
  const text = format === 'percent' ? `${formatNumber(100 * value)}%` : format === 'count' ? String(value) : formatNumber(value);
  return (
    <span data-testid={testId} data-value={String(value)} className={styles.number}>
      {text}
    </span>
  );
}

function NumberControl({ field, value, onChange }: { field: NumericField; value: number; onChange: (v: number) => void }): ReactNode {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  if (field.step === 'any') {
    // A box, not a slider: the learning rate spans five decades and the seed four billion values.
    const commit = (t: string) => {
      const v = Number(t);
      if (t.trim() !== '' && Number.isFinite(v) && v >= field.min && v <= field.max && (!field.integer || Number.isInteger(v))) onChange(v);
      else setText(String(value));
    };
    return (
      <div className={styles.field}>
        <label htmlFor={id}>{field.label}</label>
        <input
          id={id}
          type="number"
          inputMode="decimal"
          min={field.min}
          max={field.max}
          step={field.integer ? 1 : 'any'}
          value={text}
          data-testid={`setting-${field.query}`}
          onChange={(e) => setText(e.target.value)}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
          }}
        />
      </div>
    );
  }
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{field.label}</label>
      <input
        id={id}
        type="range"
        min={field.min}
        max={field.max}
        step={field.step}
        value={value}
        data-testid={`setting-${field.query}`}
        aria-valuetext={`${field.label} ${formatNumber(value)}`}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <output htmlFor={id} className={styles.number}>
        {formatNumber(value)}
      </output>
    </div>
  );
}

function ActivationControls({
  label,
  testId,
  choice,
  onChange,
}: {
  label: string;
  testId: string;
  choice: ActivationChoice;
  onChange: (c: ActivationChoice) => void;
}): ReactNode {
  const id = useId();
  const a = activationById(choice.id)!;
  const [error, setError] = useState<string | null>(null);
  const setParam = (name: string, v: ParamValue) => {
    try {
      onChange(choiceOf(choice.id, { ...choice.params, [name]: v }));
      setError(null);
    } catch (e) {
      // An impossible combination (hardtanh's minVal above maxVal): keep the last valid one and say why.
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className={styles.activation}>
      <div className={styles.field}>
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          data-testid={testId}
          value={choice.id}
          onChange={(e) => {
            setError(null);
            onChange(choiceOf(e.target.value as ActivationChoice['id']));
          }}
        >
          {activationIds.map((aid) => (
            <option key={aid} value={aid}>
              {activations[aid]!.name}
            </option>
          ))}
        </select>
      </div>
      {a.params.map((info) => (
        <ParamControl key={info.name} info={info} value={choice.params[info.name]!} onChange={(v) => setParam(info.name, v)} />
      ))}
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function useSvg(chart: LineChart | null, prefix: string): string {
  return useMemo(() => {
    if (!chart) return '';
    const text = describeChart(chart);
    return chartSvg(chart, { label: text.label, description: text.description, idPrefix: prefix, legend: 'below' });
  }, [chart, prefix]);
}

function Chart({ chart, prefix, testId }: { chart: LineChart | null; prefix: string; testId: string }): ReactNode {
  const svg = useSvg(chart, prefix);
  return <div className={styles.chart} data-testid={testId} dangerouslySetInnerHTML={{ __html: svg }} />;
}

function RunPanel({
  index,
  name,
  view,
  plane,
  points,
  showName,
}: {
  index: number;
  name: string;
  view: RunView | undefined;
  plane: Plane | null;
  points: Points | null;
  showName: boolean;
}): ReactNode {
  const theme = useChartTheme();
  const s = view?.snapshot;
  return (
    <section className={styles.run} data-run={index} aria-label={`Network ${index + 1}: ${name}`}>
      {showName && <h2 className={styles.runTitle}>{name}</h2>}
      <BoundaryCanvas
        plane={plane}
        points={points}
        probabilities={view?.probabilities ?? null}
        theme={theme}
        label={`Decision boundary of the ${name} network over the plane, with the training points (filled) and test points (rings)`}
      />
      <dl className={styles.metrics}>
        <div>
          <dt>Training loss</dt>
          <dd>
            <Value testId="loss" value={s?.trainLoss ?? null} />
          </dd>
        </div>
        <div>
          <dt>Test loss</dt>
          <dd>
            <Value testId="test-loss" value={s?.testLoss ?? null} />
          </dd>
        </div>
        <div>
          <dt>Batch loss</dt>
          <dd>
            <Value testId="batch-loss" value={s?.batchLoss ?? null} />
          </dd>
        </div>
        <div>
          <dt>Test accuracy</dt>
          <dd>
            <Value testId="test-accuracy" value={s?.testAccuracy ?? null} format="percent" />
          </dd>
        </div>
      </dl>
      <div className={styles.tableWrap}>
        <table className={styles.layers} data-testid="layer-stats">
          <caption>Hidden layers at this step</caption>
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Mean |∂loss/∂W|</th>
              <th scope="col">Dead units</th>
              <th scope="col">Saturated</th>
            </tr>
          </thead>
          <tbody>
            {(s?.layers ?? []).map((l, i) => (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                <td>
                  <Value value={l.meanAbsGrad} />
                </td>
                <td>
                  <Value value={l.dead} format="percent" />
                </td>
                <td>
                  <Value value={l.saturated} format="percent" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function Playground(): ReactNode {
  const location = useLocation();
  const history = useHistory();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [ready, setReady] = useState(false);
  const [view, setView] = useState<View | null>(null);
  const [workerError, setWorkerError] = useState<string | null>(null);
  const [stepSize, setStepSize] = useState(10);
  const [chartCurves, setChartCurves] = useState<readonly Curves[]>([]);
  const workerRef = useRef<Worker | null>(null);
  const generation = useRef(0);
  const curves = useRef<Curves[]>([]);
  const lastChart = useRef(0);
  const chartTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const written = useRef<string | null>(null);
  const stepSizeId = useId();

  // The URL is read in the browser only (the server renders the defaults), and again whenever it
  // changes other than by this page writing it (a link to another playground setting).
  useEffect(() => {
    const search = location.search.replace(/^\?/, '');
    if (written.current !== null && search === written.current) return;
    const parsed = parseSettings(search);
    setSettings(parsed.settings);
    setProblems(parsed.problems);
    setReady(true);
  }, [location.search]);

  useEffect(() => {
    if (!ready) return;
    const search = serialiseSettings(settings);
    if (location.search.replace(/^\?/, '') !== search) {
      written.current = search;
      history.replace({ pathname: location.pathname, search: `?${search}`, hash: location.hash });
    } else written.current = search;
    // Only settings decide the URL; the location is read, not followed, here.
  }, [settings, ready]);

  const flushChart = useCallback(() => {
    chartTimer.current = undefined;
    lastChart.current = performance.now();
    setChartCurves(curves.current.map((c) => ({ step: [...c.step], train: [...c.train], test: [...c.test] })));
  }, []);

  useEffect(() => {
    const worker = new Worker(new URL('../../lib/playground/worker.ts', import.meta.url), { type: 'module' });
    workerRef.current = worker;
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const msg = event.data;
      if (msg.generation !== generation.current) return;
      if (msg.type === 'error') {
        setWorkerError(msg.message);
        setView((v) => (v ? { ...v, running: false } : v));
        return;
      }
      setWorkerError(null);
      if (msg.fresh) curves.current = msg.runs.map(() => ({ step: [], train: [], test: [] }));
      msg.runs.forEach((r, i) => {
        const c = curves.current[i]!;
        c.step.push(...r.curve.step);
        c.train.push(...r.curve.train);
        c.test.push(...r.curve.test);
      });
      setView((old) => ({
        running: msg.running,
        saturationThreshold: msg.saturationThreshold,
        plane: msg.plane,
        points: msg.points ?? old!.points,
        runs: msg.runs.map((r) => ({ snapshot: r.snapshot, probabilities: r.probabilities })),
      }));
      const wait = CHART_MS - (performance.now() - lastChart.current);
      if (msg.fresh || !msg.running || wait <= 0) {
        clearTimeout(chartTimer.current);
        flushChart();
      } else chartTimer.current ??= setTimeout(flushChart, wait);
    };
    worker.onerror = (e) => setWorkerError(`The training worker failed: ${e.message || 'it could not be started'}`);
    return () => {
      clearTimeout(chartTimer.current);
      worker.terminate();
      workerRef.current = null;
    };
  }, [flushChart]);

  const send = useCallback((msg: ToWorker) => {
    if (msg.type === 'configure' || msg.type === 'reset') generation.current++;
    workerRef.current?.postMessage(msg);
  }, []);

  useEffect(() => {
    if (ready) send({ type: 'configure', settings });
  }, [settings, ready, send]);

  const update = <K extends keyof Settings>(key: K, value: Settings[K]) => setSettings((s) => ({ ...s, [key]: value }));
  const running = view?.running ?? false;
  const step = view?.runs[0]?.snapshot.step ?? 0;
  const names = [settings.activation, ...(settings.compare ? [settings.compare] : [])].map((c) => {
    const a = activationById(c.id)!;
    const shown = a.params.filter((p) => c.params[p.name] !== a.defaults[p.name]).map((p) => `${p.name} = ${String(c.params[p.name])}`);
    return shown.length ? `${a.name} (${shown.join(', ')})` : a.name;
  });
  // Two networks with the same name (the same function, other parameters aside) get numbered.
  const labels = names.length === 2 && names[0] === names[1] ? names.map((n, i) => `${n} #${i + 1}`) : names;

  const lossChart = useMemo((): LineChart | null => {
    if (!chartCurves.length || !chartCurves[0]!.step.length) return null;
    return {
      title: 'Loss on the whole training and test sets',
      xTitle: 'Step',
      yTitle: 'Cross-entropy',
      yType: 'log',
      lines: chartCurves.flatMap((c, i) => {
        // A long run has more points than the chart has pixels: every k-th, and the last.
        const k = Math.ceil(c.step.length / CHART_POINTS);
        const keep = (_: number, j: number) => j % k === 0 || j === c.step.length - 1;
        const x = c.step.filter(keep);
        return [
          { name: `${labels[i]}: training`, x, y: c.train.filter(keep) },
          { name: `${labels[i]}: test`, x, y: c.test.filter(keep) },
        ];
      }),
    };
    // The labels follow the settings, which also restart the curves.
  }, [chartCurves]);

  const activationChart = useMemo((): LineChart => {
    const xs = linspace(-4, 4, 161);
    const choices = [settings.activation, ...(settings.compare ? [settings.compare] : [])];
    return {
      title: choices.length === 2 ? 'The two activations and their derivatives' : `${labels[0]} and its derivative`,
      xTitle: 'Input x',
      yTitle: 'f(x) and f′(x)',
      lines: choices.flatMap((c, i) => {
        const a = activationById(c.id)!;
        return [
          { name: `${labels[i]}`, x: xs, y: a.map(xs, c.params) },
          { name: `${labels[i]}: derivative`, x: xs, y: a.mapDerivative(xs, c.params) },
        ];
      }),
    };
  }, [settings.activation, settings.compare]);

  const dataFields = numericFields.filter((f) => f.key === 'noise' || f.key === 'testFraction');
  const networkFields = numericFields.filter((f) => f.key === 'depth' || f.key === 'width');
  const trainingFields = numericFields.filter((f) => !dataFields.includes(f) && !networkFields.includes(f));

  return (
    <div className={styles.playground} data-testid="playground" data-ready={ready && view !== null ? 'true' : 'false'}>
      {problems.length > 0 && (
        <div className="alert alert--warning margin-bottom--md" role="alert" data-testid="url-problems">
          <p className="margin-bottom--sm">Some settings in the address could not be used; the playground uses its defaults for them:</p>
          <ul className="margin-bottom--none">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {workerError && (
        <div className="alert alert--danger margin-bottom--md" role="alert" data-testid="worker-error">
          {workerError}
        </div>
      )}
      <div className={styles.toolbar} role="toolbar" aria-label="Training">
        <button
          type="button"
          className="button button--primary"
          data-testid="train"
          disabled={!view}
          onClick={() => send({ type: running ? 'pause' : 'train' })}
        >
          {running ? 'Pause' : 'Train'}
        </button>
        <button
          type="button"
          className="button button--secondary"
          data-testid="step-button"
          disabled={!view}
          onClick={() => send({ type: 'step', count: stepSize })}
        >
          Step +{stepSize}
        </button>
        <label htmlFor={stepSizeId} className={styles.inline}>
          Steps per click
          <select id={stepSizeId} data-testid="step-size" value={stepSize} onChange={(e) => setStepSize(Number(e.target.value))}>
            {STEP_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--secondary" data-testid="reset" disabled={!view} onClick={() => send({ type: 'reset' })}>
          Reset
        </button>
        <span className={styles.step} aria-live="off">
          Step <Value testId="step" value={view ? step : null} format="count" />
        </span>
      </div>

      <div className={styles.layout}>
        <form className={styles.settings} aria-label="Settings" onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>Data</legend>
            <div className={styles.field}>
              <label htmlFor="pg-dataset">Data set</label>
              <select id="pg-dataset" data-testid="dataset" value={settings.dataset} onChange={(e) => update('dataset', e.target.value as Settings['dataset'])}>
                {planeDatasetIds.map((d) => (
                  <option key={d} value={d}>
                    {DATASET_NAMES[d]}
                  </option>
                ))}
              </select>
            </div>
            {dataFields.map((f) => (
              <NumberControl key={f.key} field={f} value={settings[f.key]} onChange={(v) => update(f.key, v)} />
            ))}
          </fieldset>
          <fieldset>
            <legend>Network</legend>
            {networkFields.map((f) => (
              <NumberControl key={f.key} field={f} value={settings[f.key]} onChange={(v) => update(f.key, v)} />
            ))}
            <div className={styles.field}>
              <label htmlFor="pg-init">Initialisation</label>
              <select id="pg-init" data-testid="init" value={settings.init} onChange={(e) => update('init', e.target.value as Settings['init'])}>
                {initIds.map((d) => (
                  <option key={d} value={d}>
                    {INIT_NAMES[d]}
                  </option>
                ))}
              </select>
            </div>
            <ActivationControls label="Activation" testId="activation" choice={settings.activation} onChange={(c) => update('activation', c)} />
            <div className={styles.field}>
              <input
                id="pg-compare"
                type="checkbox"
                data-testid="compare-toggle"
                checked={settings.compare !== null}
                onChange={(e) => update('compare', e.target.checked ? choiceOf(activationIds.find((id) => id !== settings.activation.id)!) : null)}
              />
              <label htmlFor="pg-compare">Side by side with another activation</label>
            </div>
            {settings.compare && <ActivationControls label="Compared with" testId="compare" choice={settings.compare} onChange={(c) => update('compare', c)} />}
          </fieldset>
          <fieldset>
            <legend>Training (SGD with momentum)</legend>
            {trainingFields.map((f) => (
              <NumberControl key={f.key} field={f} value={settings[f.key]} onChange={(v) => update(f.key, v)} />
            ))}
          </fieldset>
        </form>

        <div className={styles.results}>
          <div className={styles.runs}>
            {labels.map((name, i) => (
              <RunPanel
                key={i}
                index={i}
                name={name}
                view={view?.runs[i]}
                plane={view?.plane ?? null}
                points={view?.points ?? null}
                showName={labels.length > 1}
              />
            ))}
          </div>
          {view && (
            <p className={styles.note}>
              As in the <Link to="/docs/experiments">experiments</Link>: a unit is dead when its derivative is exactly 0 on every point of the data set; a
              (unit, test point) pair is saturated when |f′| there is under {formatNumber(view.saturationThreshold)} times the function&apos;s largest |f′|; the
              mean |∂loss/∂W| is over the last step&apos;s batch.
            </p>
          )}
          <Chart chart={lossChart} prefix="pg-loss" testId="loss-chart" />
          <Chart chart={activationChart} prefix="pg-activation" testId="activation-chart" />
        </div>
      </div>
    </div>
  );
}
