/**
 * Keeps the element a link's #fragment names at the top of the window until the reader scrolls.
 * Chrome keeps it there itself only until the load event. Charts, code blocks and tables are laid
 * out only as they come near the window (`content-visibility: auto`, custom.css), so those just
 * above the target take their real height after it scrolled there, and, once the page has loaded,
 * nothing moved it back: the target ended up under the navbar or off screen.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

/** How long after the load event the target is held, if the reader has not scrolled first. */
const HOLD_MS = 3000;
const READER_INPUT = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

function holdFragmentTarget(id: string): void {
  let observer: ResizeObserver | undefined;
  const release = () => {
    observer?.disconnect();
    for (const type of READER_INPUT) window.removeEventListener(type, release, true);
  };
  for (const type of READER_INPUT) window.addEventListener(type, release, { capture: true, passive: true });
  observer = new ResizeObserver(() => {
    const target = document.getElementById(id);
    // Another page now (a client-side navigation), or another fragment: nothing left to hold.
    if (target === null || decodeURIComponent(window.location.hash.slice(1)) !== id) return release();
    const margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
    if (Math.abs(target.getBoundingClientRect().top - margin) > 1) target.scrollIntoView();
  });
  // The root's box grows and shrinks with the page (body's is the window's height in Infima).
  observer.observe(document.getElementById('__docusaurus') ?? document.body);
  const releaseLater = () => window.setTimeout(release, HOLD_MS);
  if (document.readyState === 'complete') releaseLater();
  else window.addEventListener('load', releaseLater, { once: true });
}

if (ExecutionEnvironment.canUseDOM && window.location.hash.length > 1 && typeof ResizeObserver === 'function') {
  holdFragmentTarget(decodeURIComponent(window.location.hash.slice(1)));
}
