/**
 * One activation parameter as a control: a slider within `range` for a numeric one, a select for an
 * enumerated one. Shared by the function pages' charts and the playground, so a parameter is set the
 * same way everywhere.
 */
import React, { useId, type ReactNode } from 'react';
import { sliderStep, snap } from '@site/src/lib/controls';
// Straight from the module's files, not lib/module: the playground uses this control without loading the module.
import { formatNumber } from '@activations/plot/text.js';
import type { ParamInfo, ParamValue } from '@activations/types.js';
import styles from './styles.module.css';

export interface ParamControlProps {
  readonly info: ParamInfo;
  readonly value: ParamValue;
  readonly onChange: (v: ParamValue) => void;
}

export default function ParamControl({ info, value, onChange }: ParamControlProps): ReactNode {
  const id = useId();
  const label = (
    <label htmlFor={id} className={styles.label}>
      <code>{info.name}</code>
    </label>
  );
  if (info.choices) {
    return (
      <div className={styles.control}>
        {label}
        <select id={id} value={String(value)} onChange={(e) => onChange(e.target.value)} title={info.description}>
          {info.choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (info.range && typeof value === 'number') {
    const [min, max] = info.range;
    const step = sliderStep(min, max);
    return (
      <div className={styles.control}>
        {label}
        <input
          id={id}
          type="range"
          min={min}
          max={max}
          step={step}
          value={value}
          title={info.description}
          aria-valuetext={`${info.name} = ${formatNumber(value)}`}
          onChange={(e) => onChange(snap(Number(e.target.value), min, step))}
        />
        <output htmlFor={id} className={styles.value}>
          {formatNumber(value)}
        </output>
      </div>
    );
  }
  return null;
}
