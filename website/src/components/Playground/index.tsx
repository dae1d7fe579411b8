/**
 * The playground: a small MLP trained in the browser with any activation of the module, one network
 * or two side by side on the same data, initial weights and batches. Training runs in a Web Worker
 * (website/src/lib/playground/worker.ts) on the experiments' own trainer; this component holds the
 * settings (mirrored in the URL), sends commands, and draws what the worker reports.
 *
 * Nor the module: what the page needs to know of it (names, parameters, defaults, data sets) comes
 * as build-time JSON (`Catalog`, see the playground plugin in docusaurus.config.ts), and the worker,
 * which runs the module anyway, draws the two charts as the module's static SVGs (src/plot/svg.ts)
 * and says when a choice of parameters is impossible. No Plotly either; the decision boundary is a
 * canvas. So the page's own JavaScript is React and this file.
 */
import React, { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { useLocation } from '@docusaurus/router';
import ParamControl from '@site/src/components/ParamControl';
import { formatNumber } from '@activations/plot/text.js';
import type { ParamValue } from '@activations/types.js';
import type { FromWorker, ToWorker } from '@site/src/lib/playground/protocol';
import type { Plane, Snapshot } from '@site/src/lib/playground/run';
import {
  DATASET_NAMES,
  DEFAULT_SETTINGS,
  INIT_NAMES,
  catalogActivation,
  choiceOf,
  numericFields,
  parseSettings,
  runLabels,
  serialiseSettings,
  type ActivationChoice,
  type Catalog,
  type NumericField,
  type Settings,
} from '@site/src/lib/playground/settings';
import { useChartTheme } from '@site/src/lib/useTheme';
import BoundaryCanvas, { type Points } from './BoundaryCanvas';
import styles from './styles.module.css';

const STEP_SIZES = [1, 10, 100, 1000];

interface RunView {
  readonly snapshot: Snapshot;
  readonly probabilities: Float32Array;
}

interface View {
  readonly running: boolean;
  readonly plane: Plane;
  readonly points: Points;
  readonly runs: readonly RunView[];
}

type Target = 'activation' | 'compare';

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
  catalog,
  label,
  testId,
  choice,
  error,
  onChange,
}: {
  catalog: Catalog;
  label: string;
  testId: string;
  choice: ActivationChoice;
  /** Why the last change was refused (the worker found the combination impossible); null when it was not. */
  error: string | null;
  onChange: (c: ActivationChoice) => void;
}): ReactNode {
  const id = useId();
  const a = catalogActivation(catalog, choice.id)!;
  const setParam = (name: string, v: ParamValue) => onChange(choiceOf(catalog, choice.id, { ...choice.params, [name]: v }));
  return (
    <div className={styles.activation}>
      <div className={styles.field}>
        <label htmlFor={id}>{label}</label>
        <select id={id} data-testid={testId} value={choice.id} onChange={(e) => onChange(choiceOf(catalog, e.target.value as ActivationChoice['id']))}>
          {catalog.activations.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
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

/** A chart the worker drew (the module's static SVG, themed by CSS). */
function Chart({ svg, testId }: { svg: string; testId: string }): ReactNode {
  return <div className={styles.chart} data-testid={testId} dangerouslySetInnerHTML={{ __html: svg }} />;
}

function RunPanel({
  catalog,
  index,
  name,
  view,
  plane,
  points,
  showName,
}: {
  catalog: Catalog;
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
        palette={catalog.palettes[theme]}
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

export interface PlaygroundProps {
  /** What the page knows of the module, computed at build time. */
  readonly catalog: Catalog;
  /** The activations chart for the default settings, drawn at build time, until the worker draws the URL's. */
  readonly initialActivationSvg: string;
}

export default function Playground({ catalog, initialActivationSvg }: PlaygroundProps): ReactNode {
  const location = useLocation();
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [ready, setReady] = useState(false);
  const [view, setView] = useState<View | null>(null);
  const [workerError, setWorkerError] = useState<string | null>(null);
  const [refused, setRefused] = useState<Partial<Record<Target, string>>>({});
  const [stepSize, setStepSize] = useState(10);
  const [lossSvg, setLossSvg] = useState('');
  const [activationSvg, setActivationSvg] = useState(initialActivationSvg);
  const workerRef = useRef<Worker | null>(null);
  const generation = useRef(0);
  /** The settings of each configure sent, by generation, and the last ones the worker trained. */
  const sentSettings = useRef(new Map<number, Settings>());
  const accepted = useRef<Settings | null>(null);
  const written = useRef<string | null>(null);
  const stepSizeId = useId();

  // The URL is read in the browser only (the server renders the defaults), and again whenever it
  // changes other than by this page writing it (a link to another playground setting).
  useEffect(() => {
    const search = location.search.replace(/^\?/, '');
    if (written.current !== null && search === written.current) return;
    const parsed = parseSettings(search, catalog);
    setSettings(parsed.settings);
    setProblems(parsed.problems);
    setReady(true);
  }, [location.search]);

  useEffect(() => {
    if (!ready) return;
    const search = serialiseSettings(settings, catalog);
    written.current = search;
    // Written in place, not as a navigation: through the router, every component under it (the whole
    // layout) would render again, at load too, where the address gets the defaults spelt out. The
    // router reads the address again at the next real navigation (a link, Back).
    if (window.location.search.replace(/^\?/, '') !== search) {
      window.history.replaceState(window.history.state, '', `${window.location.pathname}?${search}${window.location.hash}`);
    }
    // Only settings decide the URL; the location is read, not followed, here.
  }, [settings, ready]);

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
      if (msg.type === 'invalid') {
        const tried = sentSettings.current.get(msg.generation)!;
        const choice = tried[msg.target]!;
        const name = catalogActivation(catalog, choice.id)?.name ?? choice.id;
        const back = accepted.current;
        if (back) {
          // A change the function refuses: back to the settings the worker last trained, and say why by the control.
          setRefused({ [msg.target]: `${name}: ${msg.message}` });
          setSettings(back);
        } else {
          // The address asked for it: that function's defaults instead, said with the address's other problems.
          setProblems((p) => [...p, `${name}'s parameters: ${msg.message}; using PyTorch's defaults.`]);
          setSettings({ ...tried, [msg.target]: choiceOf(catalog, choice.id) });
        }
        return;
      }
      setWorkerError(null);
      if (msg.fresh) {
        accepted.current = sentSettings.current.get(msg.generation) ?? accepted.current;
        for (const g of sentSettings.current.keys()) if (g < msg.generation) sentSettings.current.delete(g);
      }
      setView((old) => ({
        running: msg.running,
        plane: msg.plane,
        points: msg.points ?? old!.points,
        runs: msg.runs.map((r) => ({ snapshot: r.snapshot, probabilities: r.probabilities })),
      }));
      if (msg.lossSvg !== undefined) setLossSvg(msg.lossSvg);
      if (msg.activationSvg !== undefined) setActivationSvg(msg.activationSvg);
    };
    worker.onerror = (e) => setWorkerError(`The training worker failed: ${e.message || 'it could not be started'}`);
    return () => {
      worker.terminate();
      workerRef.current = null;
    };
  }, []);

  const send = useCallback((msg: ToWorker) => {
    if (msg.type === 'configure' || msg.type === 'reset') generation.current++;
    if (msg.type === 'configure') sentSettings.current.set(generation.current, msg.settings);
    if (msg.type === 'reset' && accepted.current) sentSettings.current.set(generation.current, accepted.current);
    workerRef.current?.postMessage(msg);
  }, []);

  useEffect(() => {
    if (ready) send({ type: 'configure', settings });
  }, [settings, ready, send]);

  const update = <K extends keyof Settings>(key: K, value: Settings[K]) => setSettings((s) => ({ ...s, [key]: value }));
  const choose = (target: Target, c: ActivationChoice | null) => {
    setRefused((r) => ({ ...r, [target]: undefined }));
    update(target, c);
  };
  const running = view?.running ?? false;
  const step = view?.runs[0]?.snapshot.step ?? 0;
  const labels = useMemo(() => runLabels(catalog, settings), [catalog, settings]);

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
                {catalog.datasets.map((d) => (
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
                {catalog.inits.map((d) => (
                  <option key={d} value={d}>
                    {INIT_NAMES[d]}
                  </option>
                ))}
              </select>
            </div>
            <ActivationControls
              catalog={catalog}
              label="Activation"
              testId="activation"
              choice={settings.activation}
              error={refused.activation ?? null}
              onChange={(c) => choose('activation', c)}
            />
            <div className={styles.field}>
              <input
                id="pg-compare"
                type="checkbox"
                data-testid="compare-toggle"
                checked={settings.compare !== null}
                onChange={(e) =>
                  choose('compare', e.target.checked ? choiceOf(catalog, catalog.activations.find((a) => a.id !== settings.activation.id)!.id) : null)
                }
              />
              <label htmlFor="pg-compare">Side by side with another activation</label>
            </div>
            {settings.compare && (
              <ActivationControls
                catalog={catalog}
                label="Compared with"
                testId="compare"
                choice={settings.compare}
                error={refused.compare ?? null}
                onChange={(c) => choose('compare', c)}
              />
            )}
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
                catalog={catalog}
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
              (unit, test point) pair is saturated when |f′| there is under {formatNumber(catalog.saturationThreshold)} times the function&apos;s largest |f′|;
              the mean |∂loss/∂W| is over the last step&apos;s batch.
            </p>
          )}
          <Chart svg={lossSvg} testId="loss-chart" />
          <Chart svg={activationSvg} testId="activation-chart" />
        </div>
      </div>
    </div>
  );
}
