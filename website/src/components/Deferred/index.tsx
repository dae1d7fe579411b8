/**
 * A component whose page arrives with it already drawn (server rendering), and whose code runs
 * only once the reader reaches for it. Until then the browser shows the server's HTML, which React
 * keeps without hydrating it: the chart's SVG, its sliders, its text. Neither the component nor the
 * module it computes with (the activations) is loaded or run at page load.
 *
 * The first pointer, touch or focus inside (or a control changed with no pointer, as assistive
 * technology may) loads the component; it then renders in the browser and takes the place of the
 * server's HTML, which it matches (same code, same numbers). What the reader did meanwhile is carried
 * over: the focused control keeps focus, an opened "chart as text" stays open, a value set on a
 * slider or select is applied, and a click on a button or checkbox is played again.
 *
 * Why not Suspense and React.lazy: a server-rendered Suspense boundary left waiting is re-rendered
 * from scratch (its HTML deleted) as soon as any context above it changes, and Docusaurus changes
 * several right after hydration (browser detection, colour mode).
 */
import React, { useEffect, useLayoutEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { checkboxForEnter } from '@site/src/lib/controls';

/** Webpack's module registry and synchronous require, for a module that is already loaded. */
declare const __webpack_modules__: Record<string | number, unknown>;
declare const __webpack_require__: (id: string | number) => unknown;

export interface DeferredModule<P> {
  /** `require.resolveWeak('./Live')`: the component's module id, without bundling it with the page. */
  readonly id: string | number;
  /** `() => import('./Live')`: loads it (its own chunk, and the module's). */
  readonly load: () => Promise<{ default: ComponentType<P> }>;
}

/** Components whose import has resolved in this browser: only then are all their chunks there. */
const resolved = new WeakMap<object, ComponentType<never>>();

/**
 * The component, if it can be rendered now. On the server every chunk is installed as its import is
 * called, so the module registry says. In the browser only a resolved import does: a component's own
 * chunk may arrive before the chunks it needs (the module), and requiring it then fails.
 */
function loaded<P>(module: DeferredModule<P>): ComponentType<P> | undefined {
  if (typeof window !== 'undefined') return resolved.get(module) as ComponentType<P> | undefined;
  if (typeof __webpack_modules__ === 'undefined' || !(module.id in __webpack_modules__)) return undefined;
  return (__webpack_require__(module.id) as { default: ComponentType<P> }).default;
}

const FOCUSABLE = 'input, select, textarea, button, summary, a[href], [tabindex]';

/** What the reader did to the server's HTML before the component took over. */
interface Carried {
  focus: number;
  /** The element the pointer was over (or the touch began on), by position among all elements. */
  hover: number;
  open: boolean[];
  values: Map<number, string>;
  clicks: number[];
}

function indexIn(root: Element, el: Element | null): number {
  return el ? Array.prototype.indexOf.call(root.querySelectorAll(FOCUSABLE), el) : -1;
}

/**
 * Sets a control's value so React sees a change: React remembers the last value it saw through the
 * element's own `value` setter, so that is moved off the value first, then the DOM is set underneath.
 */
function applyValue(el: Element, value: string): void {
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) return;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement)) return;
  if (el.value === value) {
    const other = el instanceof HTMLSelectElement ? Array.from(el.options).find((o) => o.value !== value)?.value : `${value}0`;
    if (other === undefined) return;
    el.value = other;
  }
  const proto = Object.getPrototypeOf(el) as object;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * The part of what the reader did that must be back before the browser handles another event: the
 * focus (a key pressed while it is on <body> would be lost) and the open disclosures (no flicker).
 */
function restoreFocus(root: Element, carried: Carried): void {
  root.querySelectorAll('details').forEach((d, i) => {
    if (carried.open[i]) d.open = true;
  });
  if (carried.focus >= 0) (root.querySelectorAll(FOCUSABLE)[carried.focus] as HTMLElement | undefined)?.focus({ preventScroll: true });
}

/** The rest, for the component's own handlers: values set, clicks made, the pointer's place. */
function restoreInput(root: Element, carried: Carried): void {
  const controls = root.querySelectorAll(FOCUSABLE);
  for (const [i, value] of carried.values) if (controls[i]) applyValue(controls[i], value);
  for (const i of carried.clicks) (controls[i] as HTMLElement | undefined)?.click();
  // The pointer is still where it was: tell the component (React reads enter and leave from these).
  const hovered = carried.hover >= 0 ? root.querySelectorAll('*')[carried.hover] : undefined;
  hovered?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' }));
}

/**
 * Wraps a component (its module given by id and loader, see DeferredModule) so that it is rendered
 * on the server and in the browser only once used. Its props must be serialisable (they come from MDX).
 */
export interface DeferredOptions {
  /** Also take over at the page's first scroll (a table of contents highlights where the reader is). */
  readonly onScroll?: boolean;
}

/** Same keys, same values (===): the server's HTML still shows what these props would render. */
function sameProps(a: object, b: object): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Set by the first effect of any deferred component: effects run only once hydration has committed. */
let pageHydrated = false;

function markHydrated(): void {
  pageHydrated = true;
}

/** Whether the page has hydrated (Docusaurus also marks it on <html>, a frame later). */
function hydrated(): boolean {
  return pageHydrated || document.documentElement.getAttribute('data-has-hydrated') === 'true';
}

export function deferUntilUsed<P extends object>(name: string, module: DeferredModule<P>, options: DeferredOptions = {}): ComponentType<P> {
  function Deferred(props: P): ReactNode {
    // Rendered in the browser from the start (client-side navigation): there is no server HTML to keep.
    // Not from useIsBrowser: as a context it would render every deferred component again right after
    // hydration, for nothing.
    const [hydrating] = useState(() => typeof window !== 'undefined' && !hydrated());
    useEffect(markHydrated, []);
    const [Live, setLive] = useState<ComponentType<P> | undefined>(() => (typeof window === 'undefined' || hydrating ? undefined : loaded(module)));
    const ref = useRef<HTMLDivElement>(null);
    const carried = useRef<Carried | null>(null);
    const firstProps = useRef(props);
    // New props (another page's path, say): the server's HTML is out of date, so take over now.
    const [stale, setStale] = useState(false);
    useEffect(() => {
      if (!Live && !stale && !sameProps(firstProps.current, props)) setStale(true);
    });

    useEffect(() => {
      if (Live) return;
      let cancelled = false;
      const root = ref.current;
      const state: Carried = { focus: -1, hover: -1, open: [], values: new Map(), clicks: [] };
      const take = (): void => {
        void module.load().then(
          (m) => {
            resolved.set(module, m.default as ComponentType<never>);
            if (cancelled) return;
            // Read just before the server's HTML goes: where the focus is, which disclosures are open.
            if (root && hydrating) {
              const active = document.activeElement;
              state.focus = active && root.contains(active) ? indexIn(root, active) : -1;
              state.open = Array.from(root.querySelectorAll('details'), (d) => d.open);
              carried.current = state;
            }
            setLive(() => m.default);
          },
          (e: unknown) => {
            if (cancelled) return;
            root?.setAttribute('data-deferred-state', 'failed');
            console.error(`${name}: could not load its code:`, e);
          },
        );
      };
      if (!hydrating) {
        take();
        return () => void (cancelled = true);
      }
      if (!root) return;
      let asked = false;
      const ask = (): void => {
        if (asked) return;
        asked = true;
        root.setAttribute('data-deferred-state', 'loading');
        take();
      };
      const onPointer = (e: Event): void => {
        state.hover = Array.prototype.indexOf.call(root.querySelectorAll('*'), e.target);
        ask();
      };
      const onLeave = (e: Event): void => {
        if (!root.contains((e as PointerEvent).relatedTarget as Node | null)) state.hover = -1;
      };
      const onValue = (e: Event): void => {
        const i = indexIn(root, e.target as Element);
        const target = e.target as HTMLInputElement;
        if (i >= 0 && 'value' in target && target.type !== 'checkbox' && target.type !== 'radio') state.values.set(i, target.value);
        ask();
      };
      const onClick = (e: Event): void => {
        const target = (e.target as Element).closest('button, input[type=checkbox], input[type=radio], a[href]');
        if (!target || !root.contains(target)) return;
        // A link opened in a new tab or saved is the browser's; a plain click is the router's, once it is there.
        const m = e as MouseEvent;
        if (
          target instanceof HTMLAnchorElement &&
          (m.button !== 0 ||
            m.metaKey ||
            m.ctrlKey ||
            m.shiftKey ||
            m.altKey ||
            (target.target && target.target !== '_self') ||
            target.hasAttribute('download'))
        )
          return;
        // Its effect is React's to apply: hold the click and play it once the component is there.
        e.preventDefault();
        e.stopPropagation();
        state.clicks.push(indexIn(root, target));
        ask();
      };
      // Enter on a chart's checkbox toggles it once the component is there (PlotlyChart): hold it as a click.
      const onKey = (e: Event): void => {
        const box = checkboxForEnter(e as KeyboardEvent);
        if (!box || !root.contains(box) || !box.closest('[data-chart]')) return;
        e.preventDefault();
        state.clicks.push(indexIn(root, box));
        ask();
      };
      const events: [string, EventListener][] = [
        ['pointerover', onPointer],
        ['pointerout', onLeave],
        ['touchstart', onPointer],
        ['focusin', ask],
        ['input', onValue],
        ['change', onValue],
        ['click', onClick],
        ['keydown', onKey],
      ];
      for (const [type, fn] of events) root.addEventListener(type, fn, { capture: true });
      // The focus is carried over from where it is when the server's HTML goes, which can be after
      // the code has arrived: a Tab in between (into the component or out of it) is followed here.
      const onFocusIn = (e: Event): void => {
        if (root.isConnected) state.focus = indexIn(root, e.target as Element);
      };
      document.addEventListener('focusin', onFocusIn, { capture: true });
      if (options.onScroll) window.addEventListener('scroll', ask, { passive: true, once: true });
      if (stale) ask();
      return () => {
        cancelled = true;
        for (const [type, fn] of events) root.removeEventListener(type, fn, { capture: true });
        document.removeEventListener('focusin', onFocusIn, { capture: true });
        if (options.onScroll) window.removeEventListener('scroll', ask);
      };
    }, [Live, hydrating, stale]);

    // A layout effect, in the same task as the swap: a passive one runs after the next paint, and a
    // key pressed in between would go to <body>, where the server's HTML left the focus.
    useLayoutEffect(() => {
      const root = ref.current;
      if (!Live || !root) return;
      root.setAttribute('data-deferred-state', 'live');
      if (carried.current) restoreFocus(root, carried.current);
    }, [Live]);
    useEffect(() => {
      const root = ref.current;
      const state = carried.current;
      if (!Live || !root || !state) return;
      carried.current = null;
      restoreInput(root, state);
    }, [Live]);

    if (Live) {
      return (
        <div key="live" ref={ref} data-deferred={name} data-deferred-state="live">
          <Live {...props} />
        </div>
      );
    }
    if (typeof window === 'undefined') {
      // Server rendering: the whole component, drawn now. The server bundle installs a chunk as the
      // import is called (Node's chunk loading requires it synchronously), so it is there just after.
      if (!loaded(module)) void module.load().catch(() => undefined);
      const Server = loaded(module);
      if (!Server) throw new Error(`${name}: its module is missing from the server bundle`);
      return (
        <div key="static" data-deferred={name} data-deferred-state="static">
          <Server {...props} />
        </div>
      );
    }
    // Hydrating: React keeps the server's HTML inside (an innerHTML it never sets while hydrating).
    return <div key="static" ref={ref} data-deferred={name} data-deferred-state="static" dangerouslySetInnerHTML={{ __html: '' }} suppressHydrationWarning />;
  }
  Deferred.displayName = `Deferred(${name})`;
  return Deferred;
}
