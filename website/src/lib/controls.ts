/**
 * A slider step for a parameter's range: about a hundred steps, rounded to 1, 2 or 5 times a power
 * of ten so that the values shown stay short, and fine enough that round defaults (0.01, 0.25, 20)
 * are reachable.
 */
export function sliderStep(min: number, max: number): number {
  const raw = (max - min) / 100;
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** A value snapped to the slider's grid, without binary noise (0.1 + 0.2). */
export function snap(value: number, min: number, step: number): number {
  const k = Math.round((value - min) / step);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number((min + k * step).toFixed(decimals));
}

/**
 * The element of a keydown that Enter should click: a checkbox. Browsers toggle a checkbox with
 * Space only; the charts' checkboxes are toggles (the derivative, a function in the overlay) with no
 * form to submit, and a reader may press either key, so Enter toggles them too.
 */
export function checkboxForEnter(e: { readonly key: string; readonly target: EventTarget | null }): HTMLInputElement | null {
  if (e.key !== 'Enter') return null;
  const t = e.target as { tagName?: string; type?: string } | null;
  return t?.tagName === 'INPUT' && t.type === 'checkbox' ? (t as HTMLInputElement) : null;
}
