/**
 * Docusaurus's Link prefetches the chunks of every internal link as soon as it is seen (one
 * IntersectionObserver per link, `window.docusaurus.prefetch`). On a docs page that is the sidebar,
 * the table of contents and the article's links at load: main-thread work inside hydration and
 * requests a phone pays for before the reader has chosen anything. Link still preloads a page when
 * the pointer or a finger reaches its link (`window.docusaurus.preload`), so navigating stays quick;
 * only prefetching on sight is switched off here. `prefetch` is read from `window.docusaurus` at
 * each call, and the client entry assigns that object after the client modules run, hence the setter.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

type DocusaurusClient = Window['docusaurus'];

/** Returns false, as Docusaurus's own prefetch does for a route it will not fetch. */
export function prefetchOnSight(): false {
  return false;
}

if (ExecutionEnvironment.canUseDOM) {
  // The client entry's object is read-only: a copy with prefetch replaced stands in for it.
  const withoutPrefetch = (value: DocusaurusClient | undefined) => (value ? { ...value, prefetch: prefetchOnSight } : value);
  let client = withoutPrefetch(window.docusaurus);
  Object.defineProperty(window, 'docusaurus', {
    configurable: true,
    enumerable: true,
    get: () => client,
    set: (value: DocusaurusClient | undefined) => {
      client = withoutPrefetch(value);
    },
  });
}
